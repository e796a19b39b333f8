"""Numbers JSON cannot hold: NaN and ±infinity are not JSON (json.dumps would write `NaN`, which no
JSON parser must accept). `check` reports them in the plan; exports and builds refuse them again
here, naming where they are, in case a plan with findings gets this far."""

from __future__ import annotations

import math
from typing import Any


class NotFinite(ValueError):
    """The data holds NaN or an infinity; the message names the first places."""


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
