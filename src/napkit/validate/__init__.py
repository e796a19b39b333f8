"""Stage 2 — validate: JSON Schema per file (schema.py), then cross-file rules over the model (rules.py)."""
