"""Stage 1 — load: read the plan's YAML files into documents that remember where every value stands."""
