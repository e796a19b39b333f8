"""The fallback that lets no change through unseen: the loaded YAML of every plan file, base
against head, leaf by leaf, skipping what a typed comparison already covered (Claims).

List items are paired by their id (or measure/agency/recommendation/indicator key) when every
item has a distinct one, else by position. A file whose data is equal but whose text differs
(comments, layout) is one change; a file that parses on one side only says so."""

from __future__ import annotations

import json
from typing import Any

from ...findings import Finding, Pos
from ...load.yaml_doc import Document
from .changes import Change, ItemChange
from .fields import Claims, text_change, word

_ID_KEYS = ("id", "measure", "recommendation", "agency", "indicator")
MAX_VALUE = 160
MAX_PER_FILE = 200


def _value(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, (int, float, bool)):
        return word(v)
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _id_key(*lists: list) -> str | None:
    """The key that names every item, uniquely within each list (base and head)."""
    for key in _ID_KEYS:
        good = True
        for items in lists:
            ids = [x.get(key) if isinstance(x, dict) else None for x in items]
            good = good and all(isinstance(i, (str, int)) for i in ids) and len(set(ids)) == len(ids)
        if good:
            return key
    return None


class _Walk:
    def __init__(self, claims: Claims, a: Document, b: Document):
        self.claims, self.a, self.b = claims, a, b
        self.out: list[Change] = []

    def emit(self, name: str, x: Any, y: Any, pa: tuple | None, pb: tuple | None) -> None:
        # a removed value has no place in the head file: the line is the base revision's
        pos = self.b.locate(pb) if pb is not None else self.a.locate(pa)
        if isinstance(x, str) and isinstance(y, str) and max(len(x), len(y)) > MAX_VALUE:
            before, after = text_change(x, y)  # the passage that differs, not two equal beginnings
        else:
            before, after = _value(x), _value(y)
        self.out.append(Change(name or "(whole file)", before, after, pos=pos))

    def walk(self, x: Any, y: Any, pa: tuple, pb: tuple, name: str) -> None:
        if x == y or self.claims.covers("head", self.b.file, pb) or self.claims.covers("base", self.a.file, pa):
            return
        if isinstance(x, dict) and isinstance(y, dict):
            for k in [*y, *(k for k in x if k not in y)]:
                sub = f"{name}.{k}" if name else str(k)
                if k in x and k in y:
                    self.walk(x[k], y[k], pa + (k,), pb + (k,), sub)
                elif k in y:
                    if not self.claims.covers("head", self.b.file, pb + (k,)):
                        self.emit(sub, None, y[k], None, pb + (k,))
                elif not self.claims.covers("base", self.a.file, pa + (k,)):
                    self.emit(sub, x[k], None, pa + (k,), None)
        elif isinstance(x, list) and isinstance(y, list):
            key = _id_key(x, y)
            ka = {(item[key] if key else i): i for i, item in enumerate(x)}
            kb = {(item[key] if key else i): i for i, item in enumerate(y)}
            for k in [*kb, *(k for k in ka if k not in kb)]:
                sub = f"{name}[{k}]"
                if k in ka and k in kb:
                    self.walk(x[ka[k]], y[kb[k]], pa + (ka[k],), pb + (kb[k],), sub)
                elif k in kb:
                    if not self.claims.covers("head", self.b.file, pb + (kb[k],)):
                        self.emit(sub, None, y[kb[k]], None, pb + (kb[k],))
                elif not self.claims.covers("base", self.a.file, pa + (ka[k],)):
                    self.emit(sub, x[ka[k]], None, pa + (ka[k],), None)
        else:
            self.emit(name, x, y, pa, pb)


def _first_changed_line(a: str, b: str) -> int:
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines()), start=1):
        if x != y:
            return n
    return min(len(a.splitlines()), len(b.splitlines())) + 1


def compare_files(claims: Claims, base: list[Document], head: list[Document], unreadable_base: dict[str, Finding],
                  unreadable_head: dict[str, Finding]) -> dict[str, list[Change]]:
    """file → the changes no typed comparison covered."""
    da, db = {d.file: d for d in base}, {d.file: d for d in head}
    out: dict[str, list[Change]] = {}
    for file in sorted(da.keys() | db.keys() | unreadable_base.keys() | unreadable_head.keys()):
        a, b = da.get(file), db.get(file)
        if a is None and b is None:  # unreadable on both sides: the findings say so
            continue
        if a is not None and b is not None:
            if a.data == b.data:
                changes = [] if a.text == b.text else [
                    Change("(comments or layout only)", "—", "—", pos=Pos(file, _first_changed_line(a.text, b.text), 1))]
            else:
                walk = _Walk(claims, a, b)
                walk.walk(a.data, b.data, (), (), "")
                changes = walk.out
        elif b is None and file in unreadable_head:
            problem = unreadable_head[file]
            changes = [Change("(file)", "readable", f"cannot be read: {problem.message}", pos=problem.pos)]
        elif a is None and file in unreadable_base:
            changes = [Change("(file)", f"could not be read: {unreadable_base[file].message}",
                              "readable" if b is not None else "—", pos=Pos(file, 1, 1))]
        elif b is not None:
            changes = [] if claims.covers("head", file, ()) else [Change("(file added)", "—", file, pos=Pos(file, 1, 1))]
        else:
            changes = [] if claims.covers("base", file, ()) else [Change("(file removed)", file, "—", pos=Pos(file))]
        if len(changes) > MAX_PER_FILE:
            changes = changes[:MAX_PER_FILE] + [Change(f"{len(changes) - MAX_PER_FILE} more changes", "…", "…",
                                                       pos=Pos(file))]
        if changes:
            out[file] = changes
    return out


def other_items(by_file: dict[str, list[Change]], errors: dict[str, int]) -> list[ItemChange]:
    return [ItemChange("other", file, "", "changed", tuple(changes), changes[0].pos, errors.get(file, 0))
            for file, changes in by_file.items()]
