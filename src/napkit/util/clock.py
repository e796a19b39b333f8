"""The day a command runs, for what depends on it (whether the consultation is open): today, or
NAP_TODAY=YYYY-MM-DD when set, so that a check or a build can be repeated byte for byte."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    value = os.environ.get("NAP_TODAY", "").strip()
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # a malformed override is ignored rather than failing every command
    return dt.date.today()
