"""Stage 5 — render: outputs made from the model and the analysis (never from raw YAML)."""
