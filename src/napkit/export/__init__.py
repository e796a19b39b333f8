"""Exports of the resolved model for other tools (JSON now; CSV/XLSX for reporting)."""
