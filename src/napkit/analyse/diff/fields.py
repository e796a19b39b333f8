"""Comparing two versions of one plan object field by field, in words.

`Fields` collects the changes of one object and remembers which parts of its file it looked at
(`Claims`), so that the generic file diff (generic.py) reports only what no typed comparison
covered. `keyed` pairs two id → object maps and turns each pair into an ItemChange."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ...findings import Pos
from ...model import Point, Src, Text
from .changes import Change, ItemChange

SHORT_TEXT = 100  # texts up to this long are shown whole; longer ones as the changed passage


def text_change(old: str, new: str, context: int = 4, width: int = 160) -> tuple[str, str]:
    """The first changed passage of a text, as a reviewer reads it: the words that differ with a
    few words around them, before and after, and how many other passages changed."""
    a, b = (old or "").split(), (new or "").split()
    spans = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not spans:  # only whitespace differs
        return "(text)", "(whitespace changed)"
    _tag, i1, i2, j1, j2 = spans[0]

    def passage(words: list[str], start: int, end: int) -> str:
        lo, hi = max(0, start - context), min(len(words), end + context)
        text = " ".join(words[lo:hi])
        if len(text) > width:
            text = text[: width - 1] + "…"
        return ("…" if lo > 0 else "") + (text or "(nothing)") + ("…" if hi < len(words) else "")

    more = f" (+{len(spans) - 1} more change{'s' if len(spans) > 2 else ''})" if len(spans) > 1 else ""
    return passage(a, i1, i2), passage(b, j1, j2) + more


def _clip(text: str, width: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def word(value: Any) -> str:
    """A value as the report prints it: '—' for nothing, whole numbers without '.0'."""
    if value in (None, "", (), []):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 10_000 else f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(word(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def direction(before: float, after: float) -> str:
    return "raised" if after > before else "lowered"


def in_language(text: Text, lang: str) -> str:
    """The text written for `lang` (no fallback: a missing translation is a change too)."""
    if text.plain is not None:
        return text.plain
    return dict(text.by_lang).get(lang, "")


@dataclass
class Claims:
    """Paths of the files (per side: base or head) a typed comparison covered."""

    paths: set[tuple[str, str, tuple]] = field(default_factory=set)

    def add(self, side: str, src: Src | None, *key: Any) -> None:
        if src is not None and src.doc is not None:
            self.paths.add((side, src.file, src.path + key))

    def covers(self, side: str, file: str, path: tuple) -> bool:
        return any((side, file, path[:n]) in self.paths for n in range(len(path) + 1))


@dataclass
class Context:
    lang: str
    langs: tuple[str, ...]
    claims: Claims = field(default_factory=Claims)
    # files that fail their schema or do not parse on either side: their model objects may hold
    # stand-ins or be missing, so generic.py compares them from the loaded YAML instead
    unsure: set[str] = field(default_factory=set)
    unparsed_base: set[str] = field(default_factory=set)  # files there that do not parse
    unparsed_head: set[str] = field(default_factory=set)

    def sure(self, base: dict[str, Any], head: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Both maps without the objects (by id, on both sides) that come from an unsure file."""
        bad = {k for k, v in [*base.items(), *head.items()] if v.src.file in self.unsure}
        return ({k: v for k, v in base.items() if k not in bad}, {k: v for k, v in head.items() if k not in bad})

    def title(self, text: Text) -> str:
        return text.get(self.lang, self.langs) if text else ""


class Fields:
    """The changes between two versions (a: base, b: head) of one object."""

    def __init__(self, ctx: Context, a_src: Src, b_src: Src):
        self.ctx, self.a, self.b = ctx, a_src, b_src
        self.changes: list[Change] = []

    def of(self, a: Any, b: Any) -> Fields:
        """The same comparison over a sub-object (a partner, a milestone): its changes are added
        to this object's, its positions and claims are the sub-object's."""
        sub = Fields(self.ctx, a.src, b.src)
        sub.changes = self.changes
        return sub

    def claim(self, *key: Any) -> None:
        self.ctx.claims.add("base", self.a, *key)
        self.ctx.claims.add("head", self.b, *key)

    def pos(self, *key: Any) -> Pos:
        return self.b.at(*key).pos() if self.b.doc is not None else Pos("")

    def add(self, label: str, before: Any, after: Any, key: tuple = (), note: str = "", at: Src | None = None) -> None:
        pos = at.pos() if at is not None and at.doc is not None else self.pos(*key)
        self.changes.append(Change(label, word(before), word(after), note, pos))

    def value(self, label: str, key: tuple, x: Any, y: Any) -> None:
        self.claim(*key)
        if x != y:
            self.add(label, x, y, key)

    def values(self, a: Any, b: Any, *names: str) -> None:
        """Fields whose attribute is named as their YAML key, compared as values ('unit_kind' is
        labelled 'unit kind')."""
        for name in names:
            self.value(name.replace("_", " "), (name,), getattr(a, name), getattr(b, name))

    def texts(self, a: Any, b: Any, *names: str) -> None:
        """Localised texts whose attribute is named as their YAML key."""
        for name in names:
            self.text(name.replace("_", " "), (name,), getattr(a, name), getattr(b, name))

    def number(self, label: str, key: tuple, x: float | None, y: float | None) -> None:
        self.claim(*key)
        if x != y:
            note = direction(x, y) if x is not None and y is not None else ""
            self.add(label, x, y, key, note)

    def text(self, label: str, key: tuple, ta: Text, tb: Text) -> list[str]:
        """A change per language that differs; returns those languages."""
        self.claim(*key)
        changed = []
        # the plan's languages, and any other a text has (an undeclared one is a change too)
        languages = tuple(dict.fromkeys((*self.ctx.langs, *ta.languages(), *tb.languages())))
        for language in languages if (ta.by_lang or tb.by_lang) else ("",):
            old, new = in_language(ta, language), in_language(tb, language)
            if old == new:
                continue
            changed.append(language)
            name = f"{label} ({language})" if language else label
            at = key + (language,) if language and tb.by_lang else key
            if not old or not new or (len(old) <= SHORT_TEXT and len(new) <= SHORT_TEXT and "\n" not in old + new):
                self.add(name, _clip(old), _clip(new), at)
            else:
                self.add(name, *text_change(old, new), key=at)
        return changed

    def ids(self, label: str, key: tuple, xs: Iterable[str], ys: Iterable[str]) -> None:
        """A list of ids compared as a set: '<label> added' / '<label> removed' per id."""
        self.claim(*key)
        xs, ys = list(xs), list(ys)
        for x in [y for y in ys if y not in xs]:
            self.add(f"{label} added", None, x, key)
        for x in [x for x in xs if x not in ys]:
            self.add(f"{label} removed", x, None, key)

    def items(self, added: str, removed: str, xs: dict[str, Any], ys: dict[str, Any], describe: Callable[[Any], str],
              compare: Callable[[Fields, str, Any, Any], None] | None = None) -> None:
        """Sub-objects with an id (partners, milestones, per-measure indicators): added, removed
        (labels are formats with {id}), and each kept one compared by `compare`. Added and removed
        items are claimed whole."""
        for k, y in ys.items():
            if k not in xs:
                self.ctx.claims.add("head", y.src)
                self.add(added.format(id=k), None, describe(y), at=y.src)
        for k, x in xs.items():
            if k not in ys:
                self.ctx.claims.add("base", x.src)
                self.add(removed.format(id=k), describe(x), None)
        if compare is not None:
            for k, y in ys.items():
                if k in xs:
                    compare(self, k, xs[k], y)

    def points(self, label: str, key: tuple, xs: tuple[Point, ...], ys: tuple[Point, ...]) -> list[Change]:
        """Values by year (baselines, targets): '<label> 2030 lowered from 250 to 200'."""
        self.claim(*key)
        before = {p.year: p.value for p in xs}
        after = {p.year: p.value for p in ys}
        start = len(self.changes)
        for year in sorted(before.keys() | after.keys()):
            x, y = before.get(year), after.get(year)
            if x == y:
                continue
            note = "added" if x is None else "removed" if y is None else direction(x, y)
            self.add(f"{label} {year}", x, y, key, note)
        return self.changes[start:]


def keyed(ctx: Context, kind: str, base: dict[str, Any], head: dict[str, Any],
          compare: Callable[[Fields, Any, Any], None], title: Callable[[Any], str],
          errors: Callable[[Any], int] = lambda _obj: 0) -> list[ItemChange]:
    """Objects of one kind paired by id: added ones, removed ones, and changed ones with their
    field changes. Added and removed objects are claimed whole."""
    base, head = ctx.sure(base, head)
    out: list[ItemChange] = []
    for k, b in head.items():
        if k not in base:
            ctx.claims.add("head", b.src)
            out.append(ItemChange(kind, k, title(b), "added", pos=b.src.pos()))
    for k, a in base.items():
        if k not in head:
            ctx.claims.add("base", a.src)
            out.append(ItemChange(kind, k, title(a), "removed", pos=a.src.pos()))
    for k, b in head.items():
        if k in base:
            f = Fields(ctx, base[k].src, b.src)
            compare(f, base[k], b)
            if f.changes:
                out.append(ItemChange(kind, k, title(b), "changed", tuple(f.changes), b.src.pos(), errors(b)))
    return out
