"""Values the outputs cannot hold, refused before anything is written:

- numbers JSON cannot hold: NaN and ±infinity are not JSON (json.dumps would write `NaN`, which
  no JSON parser must accept);
- characters no document or workbook can show: control characters (ESC, NUL, …), U+FFFE/U+FFFF,
  lone surrogates — XML cannot hold them and the PDF fonts have no glyph for them.

`check` reports both in the plan; exports and builds refuse them again here, naming the file and
place, in case a plan with findings gets this far."""

from __future__ import annotations

import math
import re
from typing import Any


class NotFinite(ValueError):
    """The data holds a value no output can hold: NaN or an infinity (or, as NotPrintable, a
    control character); the message names the first places. Commands catch this one class."""


def non_finite_paths(data: Any, path: str = "$", limit: int = 5) -> list[str]:
    """JSON paths ($.measures[0].budget[1].amount) of NaN and infinite floats, at most `limit`."""
    found: list[str] = []
    stack = [(path, data)]
    while stack and len(found) < limit:  # iterative: deep data must not hit the recursion limit
        where, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            found.append(where)
        elif isinstance(value, dict):
            stack.extend((f"{where}.{k}", v) for k, v in reversed(list(value.items())))
        elif isinstance(value, (list, tuple)):
            stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return found


def require_finite(data: Any, what: str) -> None:
    paths = non_finite_paths(data)
    if paths:
        raise NotFinite(f"{what} holds a number that is not finite (.nan, .inf or a value too large, such as "
                        f"1e400) at {', '.join(paths)}; `nap check` names the file and line")


class NotPrintable(NotFinite):
    """A text holds a character no output can show; the message names the file and place."""


UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# where the top-level sections of the export come from (a measure or entry names its own file)
_SECTION_FILES = {"plan": "plan/plan.yaml", "objectives": "plan/plan.yaml", "funding_sources": "plan/plan.yaml",
                  "agencies": "plan/agencies.yaml", "indicators": "plan/indicators.yaml",
                  "sources": "plan/recommendations/", "recommendations": "plan/recommendations/"}


def unprintable(data: Any, limit: int = 5) -> list[tuple[str, str, str]]:
    """(file, JSON path, character) of texts holding an UNPRINTABLE character, at most `limit`."""
    found: list[tuple[str, str, str]] = []
    stack = [("$", "the plan", data)]
    while stack and len(found) < limit:
        where, file, value = stack.pop()
        if isinstance(value, str):
            bad = UNPRINTABLE.search(value)
            if bad:
                found.append((file, where, f"U+{ord(bad.group()):04X}"))
        elif isinstance(value, dict):
            if isinstance(value.get("file"), str):
                file = value["file"]
            for k, v in reversed(list(value.items())):
                if isinstance(k, str) and UNPRINTABLE.search(k):
                    found.append((file, where, f"U+{ord(UNPRINTABLE.search(k).group()):04X}"))
                stack.append((f"{where}.{k}", _SECTION_FILES.get(k, file) if where == "$" else file, v))
        elif isinstance(value, (list, tuple)):
            stack.extend((f"{where}[{i}]", file, v) for i, v in reversed(list(enumerate(value))))
    return found


def require_printable(data: Any) -> None:
    found = unprintable(data)
    if found:
        shown = "; ".join(f"{file}: {char} at {where}" for file, where, char in found)
        raise NotPrintable(f"a text holds a control character no document can show ({shown}); remove it "
                           "(`nap check` gives the line)")
