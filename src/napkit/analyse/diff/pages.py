"""site/**: the hand-written pages, compared line by line (they are Markdown, not plan data)."""

from __future__ import annotations

import difflib

from ...findings import Pos
from .changes import Change, ItemChange

MAX_HUNKS = 20  # per page; a rewritten page says how many more


def _binary(text: str) -> bool:
    return "\x00" in text or "\ufffd" in text  # read with errors="replace"


def _title(text: str) -> str:
    return next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")), "")


def _lines(lines: list[str]) -> str:
    text = " ⏎ ".join(line.strip() for line in lines if line.strip()) or "—"
    return text if len(text) <= 300 else text[:299] + "…"


def compare_pages(base: dict[str, str], head: dict[str, str]) -> list[ItemChange]:
    out = []
    for path in sorted(base.keys() | head.keys()):
        a, b = base.get(path), head.get(path)
        if a == b:
            continue
        if a is None or b is None:
            state = "added" if a is None else "removed"
            text = b if a is None else a
            out.append(ItemChange("page", path, "" if _binary(text) else _title(text), state, pos=Pos(path, 1, 1)))
            continue
        if _binary(a) or _binary(b):  # an image or a font: no lines to show
            out.append(ItemChange("page", path, "", "changed", (Change("(binary file changed)", "—", "—",
                                                                       pos=Pos(path)),), Pos(path)))
            continue
        old, new = a.splitlines(), b.splitlines()
        hunks = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
        changes = []
        for _tag, i1, i2, j1, j2 in hunks[:MAX_HUNKS]:
            line = min(j1 + 1, max(len(new), 1))
            field = f"line {j1 + 1}" if j2 - j1 <= 1 else f"lines {j1 + 1}–{j2}"
            changes.append(Change(field, _lines(old[i1:i2]), _lines(new[j1:j2]), pos=Pos(path, line, 1)))
        if len(hunks) > MAX_HUNKS:
            changes.append(Change(f"{len(hunks) - MAX_HUNKS} more passages", "…", "…", pos=Pos(path, 1, 1)))
        if not changes:  # only line endings differ
            changes.append(Change("line endings", "—", "—", pos=Pos(path, 1, 1)))
        out.append(ItemChange("page", path, _title(b), "changed", tuple(changes), Pos(path, 1, 1)))
    return out
