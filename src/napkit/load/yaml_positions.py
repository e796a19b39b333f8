"""Where each key and item of a YAML document stands, from libyaml's parser events.

This replaces a ruamel.yaml round-trip parse (pure Python: minutes and gigabytes for a 56 MB
catalog) with one pass of the C parser that keeps only what Document.locate needs, as plain
tuples, lists and dicts. Lines and columns are 0-based, as ruamel's `lc` has them; the positions
are the ones ruamel reports (start marks of key and value nodes; an alias stands where its
anchored node does), with keys as the data has them (always text).

An index entry for a collection is (line, col, children):
  mapping:  children is {key: (key line, key col, value line, value col, value entry or None)}
  sequence: children is [(line, col, item entry or None), ...]
A scalar has no entry (None).
"""

from __future__ import annotations

import sys
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent)

from .event_yaml import key_text, scalar

Entry = tuple  # (line, col, dict | list)
_NO_KEY = object()


def build_index(text: str) -> Entry | None:
    """The index of the document's root collection; None for a scalar root or unparsable text."""
    try:
        return _build(text)
    except (yaml.YAMLError, ValueError, KeyError, TypeError):
        return None


def _build(text: str) -> Entry | None:
    parser = CParser(text)
    get = parser.get_event
    intern = sys.intern  # a catalog repeats the same few keys a hundred thousand times
    anchors: dict[str, tuple] = {}
    stack: list[tuple] = []
    children: Any = None  # dict or list of the collection being filled
    key: Any = _NO_KEY
    key_line = key_col = 0
    root: Entry | None = None
    flow = False  # is the collection being filled a flow one ({...} / [...])?
    empty_value: tuple | None = None  # an empty block value whose position needs the next event
    while True:
        event = get()
        cls = event.__class__
        if empty_value is not None:
            _move_empty_value(text, empty_value, event)
            empty_value = None
        if cls is ScalarEvent:
            mark = event.start_mark
            line, col, entry = mark.line, mark.column, None
            value = event.value if event.implicit[0] is False and event.tag is None else _scalar(event)
            if event.anchor is not None:
                anchors[event.anchor] = (line, col, None, value)
            elif key is not _NO_KEY and event.tag is None and mark.index == event.end_mark.index:
                # `key:` with nothing after it (zero width): ruamel places it elsewhere than libyaml
                if flow:
                    line, col = _after_colon(text, mark.index, line, col)
                else:
                    empty_value = (children, key, mark.index)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            mark = event.start_mark
            new: Any = {} if cls is MappingStartEvent else []
            entry = (mark.line, mark.column, new)
            stack.append((children, key, key_line, key_col, entry, flow))
            if event.anchor is not None:
                anchors[event.anchor] = (mark.line, mark.column, entry, None)
            children, key, flow = new, _NO_KEY, bool(event.flow_style)
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            children, key, key_line, key_col, entry, flow = stack.pop()
            line, col, value = entry[0], entry[1], None
        elif cls is AliasEvent:
            mark = event.start_mark
            line, col, entry, value = anchors.get(event.anchor) or (mark.line, mark.column, None, None)
        else:  # stream/document start and end
            if cls.__name__ in ("DocumentEndEvent", "StreamEndEvent") or event is None:
                return root  # (a stream without a document ends without a DocumentEndEvent)
            continue
        if children is None:
            root = entry
        elif children.__class__ is list:
            children.append((line, col, entry))
        elif key is _NO_KEY:
            # a collection as a key has no text the data could use: keep it out of reach
            key = intern(key_text(value)) if entry is None else object()
            key_line, key_col = line, col
        else:
            children[key] = (key_line, key_col, line, col, entry)
            key = _NO_KEY


def _move_empty_value(text: str, empty_value: tuple, event: Any) -> None:
    """ruamel puts an empty block value where the next token is (the next key, or where the
    mapping ends) — unless a comment follows the colon and a key comes next: then just after
    the colon, where libyaml has it. Behind an explicit key it is just after the `?`."""
    children, key, index = empty_value
    is_key = event.__class__ is not MappingEndEvent
    end = text.find("\n", index)
    rest = text[index:end if end >= 0 else len(text)]
    if is_key and rest.lstrip(" \t").startswith("#"):
        return
    mark = event.start_mark
    line, col, at = mark.line, mark.column, mark.index
    if at >= len(text) and not text.endswith(("\n", "\r")):  # libyaml adds a line break at the end
        line, col = text.count("\n"), len(text) - text.rfind("\n") - 1
    elif is_key:
        before = text[text.rfind("\n", 0, at) + 1:at].rstrip(" \t")
        if before.endswith("?") and not before[:-1].strip(" \t"):
            line, col = line, len(before)
    key_line, key_col, _line, _col, entry = children[key]
    children[key] = (key_line, key_col, line, col, entry)


def _after_colon(text: str, index: int, line: int, col: int) -> tuple[int, int]:
    """An empty flow value: ruamel puts it just after the colon; libyaml at the next token."""
    at = index
    while at > 0 and text[at - 1] in " \t\r\n":
        at -= 1
    if at == 0 or text[at - 1] != ":":
        return line, col
    if at == index:
        return line, col
    skipped = text[at:index]
    lines_back = skipped.count("\n")
    return line - lines_back, at - (text.rfind("\n", 0, at) + 1)


def _scalar(event: ScalarEvent) -> Any:
    try:
        return scalar(event)
    except Exception:  # an odd tag on a key: its text is the best guess
        return event.value

