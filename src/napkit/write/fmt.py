"""`nap fmt`: canonical key order (the schema's) and indentation, keeping comments and quoting.

A file is rewritten only when the formatted text loads to exactly the same data as before; the
formatter never changes meaning."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..load.yaml_doc import Document, parse
from ..validate.schema import SCHEMA_FILES, load_schema


def _yaml() -> YAML:
    y = YAML(typ="rt", pure=True)
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never re-wrap long texts
    y.allow_duplicate_keys = False
    return y


def _resolve(schema: dict, root: dict) -> dict:
    while isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = root.get("definitions", {}).get(name, {})
    return schema


def _reorder(node: Any, schema: dict, root: dict) -> None:
    schema = _resolve(schema, root)
    if isinstance(node, CommentedMap):
        props = schema.get("properties", {}) if isinstance(schema, dict) else {}
        if props:
            order = [k for k in props if k in node] + [k for k in node if k not in props]
            if order != list(node):
                _move_keys(node, order)
        for key, value in node.items():
            _reorder(value, props.get(key, {}), root)
    elif isinstance(node, CommentedSeq):
        items = schema.get("items", {}) if isinstance(schema, dict) else {}
        for value in node:
            _reorder(value, items, root)


def _move_keys(node: CommentedMap, order: list) -> None:
    """Reorder keys, carrying each key's comment lines with it. ruamel stores full-line comments
    above a key as the trailing comment of the key before it, so they are re-attached by hand."""
    keys = list(node)
    eol: dict = {}
    marks: dict = {}
    above: dict = {keys[0]: ""}
    for i, key in enumerate(keys):
        token = _trailing(node, key)
        marks[key] = token.start_mark if token is not None else None
        text = token.value if token is not None else ""
        first, newline, rest = text.partition("\n")
        eol[key] = first
        if i + 1 < len(keys):
            above[keys[i + 1]] = rest
        else:
            above[None] = rest  # comments after the last key stay at the end
    for key in order:
        node.move_to_end(key)
    for i, key in enumerate(order):
        following = above.get(order[i + 1], "") if i + 1 < len(order) else above.get(None, "")
        _set_trailing(node, key, eol[key], following, marks[key])
    # the key moved to the front has no key before it to carry its comment lines: they go before it
    first = order[0]
    if first != keys[0] and above.get(first, "").strip():
        _set_before(node, first, above[first])


def _set_before(node: CommentedMap, key: Any, text: str) -> None:
    """Full-line comments (text as read, one per line) placed before `key`."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    try:
        col = node.lc.key(key)[1]
    except (AttributeError, KeyError, TypeError):
        col = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    tokens = [CommentToken(line.strip() + "\n", CommentMark(col if line.strip() else 0), None) for line in lines]
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    entry[1] = (entry[1] or []) + tokens


def _trailing(node: CommentedMap, key: Any):
    entry = node.ca.items.get(key)
    return entry[2] if entry and len(entry) > 2 else None


def _set_trailing(node: CommentedMap, key: Any, eol: str, following: str, mark: Any) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    value = eol + "\n" + following if (eol or following) else ""
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    if not value or value == "\n":
        entry[2] = None
        if not any(entry):
            del node.ca.items[key]
        return
    entry[2] = CommentToken(value, mark if mark is not None else CommentMark(0), None)


@dataclass
class Formatted:
    path: str
    original: str
    formatted: str | None  # None when the file cannot be formatted
    problem: str = ""

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original


def format_text(path: str, kind: str, text: str) -> Formatted:
    before = parse(path, kind, text.encode("utf-8"))
    if not isinstance(before, Document):
        return Formatted(path, text, None, f"{before.pos}: {before.message}")
    y = _yaml()
    root = load_schema(SCHEMA_FILES[kind])
    buf = io.StringIO()
    try:
        tree = y.load(text)
        _reorder(tree, root, root)
        y.dump(tree, buf)
    except RecursionError:  # ruamel and _reorder recurse; check refuses such depth before this
        return Formatted(path, text, None, "nested too deeply to format; left as it is (`nap check` says where)")
    out = buf.getvalue()
    if text.startswith("\ufeff"):
        out = out.lstrip("\ufeff")
    after = parse(path, kind, out.encode("utf-8"))
    if not isinstance(after, Document) or after.data != before.data:
        return Formatted(path, text, None, "formatting would change the data; left as it is (please report this)")
    return Formatted(path, text, out)
