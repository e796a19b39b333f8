"""Progress entries as canonical YAML files, and which files an import would change.

Canonical: the schema's key order, 2-space indentation, block style, the period quoted (a bare
2027 would be a number), multi-line texts as literal blocks, and the schema modeline first. A
file whose data would stay the same is left alone (not rewritten, even if written differently).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from ..model import PlanModel, Text
from ..validate.schema import load_schema

MODELINE = "# yaml-language-server: $schema=../../../schemas/progress.schema.json\n"


def _key_order() -> list[str]:
    return list(load_schema("progress.schema.json")["properties"])


def _text(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, _scalar(v)) for k, v in value.items())
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def render_entry(data: dict[str, Any]) -> str:
    """The YAML text of one entry (data shaped like the schema)."""
    doc = CommentedMap()
    for key in _key_order():
        if key not in data or data[key] is None:
            continue
        v = data[key]
        if key == "period":
            v = DoubleQuotedScalarString(str(v))
        elif key == "date":
            v = _date(v)
        elif key == "done":
            v = _text(v)
        elif key == "spent":
            v = CommentedSeq(CommentedMap([("year", s["year"]), ("amount", s["amount"])]) for s in v)
        elif key == "milestones":
            v = CommentedSeq(CommentedMap([("id", m["id"]), ("reached", _date(m["reached"]))]) for m in v)
        elif key == "indicators":
            items = CommentedSeq()
            for x in v:
                item = CommentedMap([("indicator", x["indicator"]), ("year", x["year"]), ("value", x["value"])])
                if x.get("source") is not None:
                    item["source"] = _text(x["source"])
                items.append(item)
            v = items
        doc[key] = v
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return MODELINE + buf.getvalue()


def _yaml() -> YAML:
    y = YAML(typ="rt", pure=True)
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True  # an existing "2027" stays "2027"
    return y


def update_entry(old_text: str, data: dict[str, Any], languages: tuple[str, ...]) -> str:
    """The existing file with `data` in it, its comments kept: a field whose meaning is unchanged
    keeps its text (and the comments in and around it), a changed one is replaced in place, a new
    one goes where the schema's key order puts it, a field the new data lacks goes. A file that
    cannot be read as a mapping is written afresh."""
    y = _yaml()
    try:
        doc = y.load(old_text)
    except Exception:  # ruamel raises many kinds; the file is then simply written anew
        return render_entry(data)
    if not isinstance(doc, CommentedMap):
        return render_entry(data)
    fresh = y.load(render_entry(data))
    for key in [k for k in doc if k not in fresh]:
        del doc[key]
    order = list(fresh)
    for i, key in enumerate(order):
        new = fresh[key]
        if key in doc:
            if normal_form({key: doc[key]}, languages) != normal_form({key: new}, languages):
                doc[key] = new
            continue
        before = [k for k in order[:i] if k in doc]
        doc.insert(list(doc).index(before[-1]) + 1 if before else 0, key, new)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def normal_form(data: dict[str, Any], languages: tuple[str, ...]) -> dict[str, Any]:
    """What an entry means, independent of how it is written: order of list items, one plain text
    or one per language, 2027 or "2027", 1000 or 1000.0, two spent lines for one year or one."""

    def text(raw: Any) -> tuple | None:
        t = Text.of(raw)
        return tuple((t.get(lang) if t.has(lang) else None) for lang in languages) if t else None

    out: dict[str, Any] = {}
    for key, v in data.items():
        if v is None or v == []:
            continue
        if key == "period" or key in ("date",):
            v = str(v)
        elif key == "done":
            v = text(v)
        elif key == "spent":
            per_year: dict[int, float] = {}
            for s in v:
                per_year[s["year"]] = per_year.get(s["year"], 0) + s["amount"]
            v = sorted(per_year.items())
        elif key == "milestones":
            v = sorted((m["id"], str(m["reached"])) for m in v)
        elif key == "indicators":
            v = sorted((x["indicator"], x["year"], x["value"], text(x.get("source"))) for x in v)
        elif key == "example" and v is False:
            continue
        out[key] = v
    return out


@dataclass(frozen=True, slots=True)
class PlannedWrite:
    path: str  # relative to the plan root
    text: str
    new: bool  # no such file yet


def plan_writes(root: Path, model: PlanModel, documents: list) -> tuple[list[PlannedWrite], list[str]]:
    """The files to write for `documents` (CellDocuments, or anything with .file and .data), and
    the files left as they are because their data would not change."""
    existing = {e.file: e for e in model.progress}
    writes: list[PlannedWrite] = []
    unchanged: list[str] = []
    for doc in documents:
        old = existing.get(doc.file)
        if old is not None and old.src.doc is not None and \
                normal_form(old.src.doc.data, model.languages) == normal_form(doc.data, model.languages):
            unchanged.append(doc.file)
            continue
        path = root / doc.file
        if old is not None and path.is_file():
            text = update_entry(path.read_text(encoding="utf-8"), doc.data, model.languages)
        else:
            text = render_entry(doc.data)
        writes.append(PlannedWrite(doc.file, text, not path.exists()))
    return writes, unchanged
