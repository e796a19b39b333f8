"""A document that failed its schema, with the failed parts replaced, so that the rest of it can
still be judged by the cross-file rules (all findings in one run, not in rounds).

A schema error inside a list item drops that item (a partner, a budget line, a milestone); an
optional field is left out; a required field gets a stand-in of the right shape. Every replaced
field is named in `unchecked`, so that no rule judges the stand-in (which would only repeat the
schema finding in other words).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

# Stand-ins for the required fields the model builder reads, by dotted path.
MEASURE_STAND_INS: dict[str, Any] = {
    "objective": "",
    "lead": "",
    "title": {},
    "description": {},
    "status": "planned",
    "timeline": {"start": "2000-01-01", "end": "2000-01-01"},
    "timeline.start": "2000-01-01",
    "timeline.end": "2000-01-01",
}
PLAN_STAND_INS: dict[str, Any] = {
    "title": {},
    "responsible": "",
    "objectives": [],
}
# Without these nothing else can be judged (every date and amount is measured against them).
PLAN_ESSENTIALS = ("id", "period", "languages", "currency")


@dataclass
class Repaired:
    data: dict
    unchecked: frozenset[str]
    # dropped list items, as (dotted list path, item): ids they defined and references they made
    dropped: list[tuple[str, Any]] = field(default_factory=list)

    def dropped_ids(self) -> set[str]:
        return {item["id"] for _, item in self.dropped if isinstance(item, dict) and isinstance(item.get("id"), str)}

    def dropped_values(self, list_path: str, key: str) -> set[str]:
        """String values of `key` in the items dropped from the list at `list_path`."""
        return {item[key] for path, item in self.dropped
                if path == list_path and isinstance(item, dict) and isinstance(item.get(key), str)}


def repair(data: Any, error_paths: list[tuple], stand_ins: dict[str, Any],
           essentials: tuple[str, ...] = ("id",)) -> Repaired | None:
    """`error_paths` are the JSON paths of the schema errors (validate.schema.check_document).
    None when the document cannot be judged at all: not a mapping, or an essential field broken."""
    if not isinstance(data, dict) or any(not p for p in error_paths):
        return None
    if any(p[0] in essentials for p in error_paths):
        return None
    out = copy.deepcopy(data)
    unchecked: set[str] = set()
    drops: dict[tuple, set[int]] = {}
    replaced: list[tuple] = []
    for path in error_paths:
        item = _first_list_item(out, path)
        if item is not None:
            list_path, index = item
            drops.setdefault(list_path, set()).add(index)
            unchecked.add(_dotted(list_path))
        else:
            replaced.append(path)
            unchecked.add(_dotted(path))
    for path in sorted(set(replaced), key=len):
        _replace(out, path, stand_ins)
    repaired = Repaired(out, frozenset(unchecked))
    for list_path, indexes in drops.items():
        items = _get(out, list_path)
        if isinstance(items, list):
            repaired.dropped += [(_dotted(list_path), items[i]) for i in sorted(indexes) if i < len(items)]
            items[:] = [x for i, x in enumerate(items) if i not in indexes]
    return repaired


def _first_list_item(data: Any, path: tuple) -> tuple[tuple, int] | None:
    node = data
    for depth, step in enumerate(path):
        if isinstance(node, list) and isinstance(step, int):
            return path[:depth], step
        if isinstance(node, dict) and step in node:
            node = node[step]
        else:
            return None
    return None


def _replace(data: dict, path: tuple, stand_ins: dict[str, Any]) -> None:
    parent = _get(data, path[:-1])
    if not isinstance(parent, dict):
        return  # its parent was replaced already
    dotted = _dotted(path)
    if dotted in stand_ins:
        parent[path[-1]] = copy.deepcopy(stand_ins[dotted])
    else:
        parent.pop(path[-1], None)


def _get(data: Any, path: tuple) -> Any:
    node = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path if not isinstance(p, int))
