"""Small helpers shared by stages: atomic writes, number and date formatting."""
