"""Checks of the raw values of every document that JSON Schema cannot make (or makes wrongly):

- numbers must be finite: `.nan`, `.inf` and `1e400` (which YAML reads as inf) pass `minimum`
  and would reach exports and charts (invalid JSON, failed builds);
- whole numbers must be written as such: JSON Schema counts 2027.0 as an integer, napkit does
  not (`year: 2027.0` is a float in YAML, and would print as one);
- texts (and keys) must not hold control characters other than tab and newline — escapes such as
  "\\0", "\\e" or "\\uffff" pass the YAML parser, then break workbooks and fonts;
- plan.yaml's period must not end before it starts, and list each reporting period once;
- ids of one kind must differ in more than upper/lower case (they become page names, anchors
  and file names, and those collide on case-insensitive file systems).

Each is a finding at the value's line:col. A value shared through YAML aliases is reported once.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any, Iterable

from ..findings import Finding, make
from ..load.yaml_doc import Document

_NONCHARACTERS = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(0x11))
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]")
# What of CONTROL the YAML reader accepts unescaped (c-printable: CR, NEL, U+FDD0–FDEF, plane
# noncharacters); plus every astral character, which is cheaper to search than the exact set.
_RAW_SUSPECT = re.compile("[\r\x85\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]")
# Beyond this an amount loses whole units in a float (charts, sums) and is not a real budget.
MAX_EXACT = 2 ** 53
SCHEMA_FILES = ("plan", "agencies", "indicators", "recommendations", "measure", "progress")


@cache
def integer_keys() -> frozenset[str]:
    """Property names whose schema is a whole number in any input schema (year, completion...)."""
    keys: set[str] = set()
    for name in SCHEMA_FILES:
        schema = json.loads(resources.files("napkit.data").joinpath("schemas", f"{name}.schema.json")
                            .read_text("utf-8"))
        defs = schema.get("definitions", {})

        def is_int(node: Any) -> bool:
            if isinstance(node, dict) and "$ref" in node:
                node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
            t = node.get("type") if isinstance(node, dict) else None
            return t == "integer" or (isinstance(t, list) and "integer" in t and "number" not in t)

        stack = [schema]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, sub in (node.get("properties") or {}).items():
                    if is_int(sub):
                        keys.add(key)
                stack += [v for v in node.values() if isinstance(v, (dict, list))]
            elif isinstance(node, list):
                stack += [v for v in node if isinstance(v, (dict, list))]
    return frozenset(keys)


def describe_control(text: str) -> str:
    hit = CONTROL.search(text)
    assert hit is not None
    ch = hit.group()
    return f"U+{ord(ch):04X} at character {hit.start() + 1}"


def _suspect(value: Any, strings: bool, seen: set[int]) -> bool:
    """Whether anything below `value` may be a finding: the quick pass (no paths) that spares
    the walk with positions for the files that are fine — nearly all of them. Depth is bounded
    by the loader (fast_yaml.MAX_DEPTH), so recursion is safe."""
    t = type(value)
    if t is dict or t is list:
        if id(value) in seen:
            return False
        seen.add(id(value))
        if t is dict:
            for key, sub in value.items():
                if strings and key.__class__ is str and CONTROL.search(key):
                    return True
                if sub.__class__ in _PLAIN:
                    continue
                if _suspect(sub, strings, seen):
                    return True
            return False
        for sub in value:
            if sub.__class__ not in _PLAIN and _suspect(sub, strings, seen):
                return True
        return False
    if t is str:
        return strings and CONTROL.search(value) is not None
    if t is float:
        return True  # rare in plans: let the full walk judge it
    if t is int:
        return abs(value) >= MAX_EXACT
    return False


_PLAIN = (bool, type(None))


def value_findings(doc: Document) -> list[Finding]:
    # A control character can only be in the data if it was written as an escape (which needs a
    # backslash) or is one of the few the YAML reader lets through raw: the quick pass skips the
    # strings of any other file (a search of the whole text for CONTROL cost 10× more).
    text = doc.text
    strings = not text or "\\" in text or (not text.isascii() and _RAW_SUSPECT.search(text) is not None) or "\r" in text
    if not _suspect(doc.data, strings, set()):
        return []
    out: list[Finding] = []
    ints = integer_keys()
    seen: set[int] = set()
    stack: list[tuple[tuple, Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, (dict, list)):
            if id(value) in seen:  # an alias: the same object, already checked
                continue
            seen.add(id(value))
            if isinstance(value, dict):
                for key, sub in value.items():
                    if isinstance(key, str) and CONTROL.search(key):
                        out.append(make("NAP107", doc.locate(path + (key,), key=True),
                                        f"the key {key[:40]!r} holds a control character ({describe_control(key)})"))
                    stack.append((path + (key,), sub))
            else:
                stack += [(path + (i,), sub) for i, sub in enumerate(value)]
        elif isinstance(value, str):
            if CONTROL.search(value):
                out.append(make("NAP107", doc.locate(path), f"{_where(path)} holds a control character "
                                f"({describe_control(value)}); only tab and newline are allowed in texts"))
        elif isinstance(value, float):
            if not math.isfinite(value):
                shown = "infinite (.inf, or too large to be a number, like 1e400)" if math.isinf(value) else "not a number (.nan)"
                out.append(make("NAP106", doc.locate(path), f"{_where(path)} is {shown}; write a finite number"))
            elif abs(value) >= MAX_EXACT:
                out.append(make("NAP106", doc.locate(path), f"{_where(path)} is too large ({value:g})"))
            elif path and path[-1] in ints and value.is_integer():  # 2027.5 is the schema's finding
                out.append(make("NAP103", doc.locate(path), f"{_where(path)} must be a whole number, "
                                f"got {value!r} (write {int(value)})"))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_EXACT:
            out.append(make("NAP106", doc.locate(path), f"{_where(path)} is too large ({len(str(abs(value)))} digits)"))
    out.sort(key=lambda f: (f.pos.line, f.pos.col))
    return out


def _where(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def plan_findings(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    data = doc.data if isinstance(doc.data, dict) else {}
    period = data.get("period")
    if isinstance(period, dict):
        start, end = period.get("start"), period.get("end")
        if _is_int(start) and _is_int(end) and end < start:
            out.append(make("NAP302", doc.locate(("period", "end")),
                            f"the plan period ends ({end}) before it starts ({start})"))
    periods = data.get("reporting_periods")
    if isinstance(periods, list):
        first: dict[str, int] = {}
        for i, p in enumerate(periods):
            key = str(p)
            if key in first:
                out.append(make("NAP310", doc.locate(("reporting_periods", i)),
                                f"reporting period '{key}' is listed twice (also item {first[key] + 1})"))
            else:
                first[key] = i
    return out


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


# (document kind, list key or None for the document itself, what the ids name)
_ID_PLACES = (
    ("plan", "objectives", "objective"),
    ("agencies", "agencies", "agency"),
    ("indicators", "indicators", "indicator"),
    ("recommendations", "recommendations", "recommendation"),
    ("measure", None, "measure"),
)


def _ids(docs: Iterable[Document], kind: str, list_key: str | None):
    for doc in docs:
        if doc.kind != kind or not isinstance(doc.data, dict):
            continue
        if list_key is None:
            if isinstance(doc.data.get("id"), str):
                yield doc, ("id",), doc.data["id"]
            continue
        items = doc.data.get(list_key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield doc, (list_key, i, "id"), item["id"]


def case_findings(docs: list[Document]) -> list[Finding]:
    out: list[Finding] = []
    for kind, list_key, noun in _ID_PLACES:
        first: dict[str, str] = {}
        for doc, path, ident in sorted(_ids(docs, kind, list_key), key=lambda x: (x[0].file, x[1])):
            folded = ident.casefold()
            other = first.setdefault(folded, ident)
            if other != ident:
                out.append(make("NAP212", doc.locate(path), f"{noun} id '{ident}' differs from '{other}' only in "
                                "upper/lower case; they would share one page and file name"))
    return out


def check_inputs(docs: list[Document]) -> list[Finding]:
    findings: list[Finding] = []
    for doc in docs:
        findings += value_findings(doc)
        if doc.kind == "plan":
            findings += plan_findings(doc)
    findings += case_findings(docs)
    return findings
