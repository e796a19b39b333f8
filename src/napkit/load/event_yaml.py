"""YAML data straight from libyaml's parser events, without a node graph.

fast_yaml composes every node of a file (with marks) before it constructs the data, which for a
56 MB catalog peaks at ~1.45 GB. Here the plain data is built while the C parser streams events,
so only the data itself is ever held. The semantics are fast_yaml's, by construction: the same
resolver table decides plain scalars, and anything out of the ordinary — an explicit collection
tag, a non-scalar or alias key, a duplicate key, an anchor problem, the alias budget exceeded,
deep nesting, more than one document, any constructor error — is handed to fast_yaml.load,
which then returns or raises exactly what it always did. Syntax errors come from the same
libyaml parser as fast_yaml's and are raised as they are.
"""

from __future__ import annotations

import datetime
import gc
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.events import (AliasEvent, DocumentEndEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                         SequenceEndEvent, SequenceStartEvent, StreamEndEvent)

from . import fast_yaml

# Plans nest a few levels; anything deeper is left to fast_yaml, which refuses it (TooDeep).
MAX_DEPTH = fast_yaml.MAX_DEPTH

_RESOLVERS = fast_yaml._Core12Loader.yaml_implicit_resolvers
_NO_KEY = object()
_OPEN = object()  # an anchor whose collection has not ended yet


class _Fallback(Exception):
    """Not the common case: let fast_yaml decide (data or the error it has always raised)."""


def _int(value: str) -> int:
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    return int(value)


def _float(value: str) -> float:
    lower = value.lower()
    if lower in (".inf", "+.inf"):
        return float("inf")
    if lower == "-.inf":
        return float("-inf")
    if lower == ".nan":
        return float("nan")
    return float(value)


def _timestamp(value: str) -> str:
    if len(value) == 10:  # the usual YYYY-MM-DD: checking it is all fast_yaml's isoformat() does
        datetime.date(int(value[:4]), int(value[5:7]), int(value[8:]))  # ValueError: not a date
        return value
    return _tagged("tag:yaml.org,2002:timestamp", value, "")


_CONSTRUCT = {
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": lambda value: value.lower() == "true",  # the resolver admits only true/false
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:timestamp": _timestamp,
}


def plain(value: str) -> Any:
    """A plain (unquoted, untagged) scalar under fast_yaml's YAML 1.2 core resolution."""
    resolvers = _RESOLVERS.get(value[0] if value else "")
    if resolvers:
        for tag, regexp in resolvers:
            if regexp.match(value):
                return _CONSTRUCT[tag](value)
    return value


_tag_loader: Any = None


def _tagged(tag: str, value: str, style: str | None) -> Any:
    """An explicitly tagged scalar (rare): fast_yaml's own constructor decides."""
    global _tag_loader
    if _tag_loader is None:
        _tag_loader = fast_yaml._Core12Loader("")
    node = yaml.ScalarNode(tag, value, None, None, style or None)
    try:
        return _tag_loader.construct_object(node, deep=True)
    finally:
        _tag_loader.constructed_objects.clear()


def scalar(event: ScalarEvent) -> Any:
    """The value of a scalar event, as fast_yaml's composer + constructor would make it."""
    tag = event.tag
    if tag is None or tag == "!":
        return plain(event.value) if event.implicit[0] else event.value
    return _tagged(tag, event.value, event.style)


def key_text(key: Any) -> str:
    """Keys are always text, as fast_yaml makes them."""
    if isinstance(key, str):
        return key
    return str(key).lower() if isinstance(key, bool) else str(key)


def load(text: str, budget: int) -> Any:
    """Parse one YAML document: the same data, or the same exception, as fast_yaml.load."""
    gc_was_on = gc.isenabled()
    gc.disable()  # see fast_yaml.load: millions of fresh acyclic objects, nothing to collect
    try:
        return _build(text, budget)
    except (_Fallback, yaml.constructor.ConstructorError, ValueError, KeyError, TypeError):
        pass
    finally:
        if gc_was_on:
            gc.enable()
    return fast_yaml.load(text, budget)


def _build(text: str, budget: int) -> Any:
    parser = CParser(text)
    get = parser.get_event
    get()  # stream start
    event = get()
    if event.__class__ is StreamEndEvent:
        return None
    # document start; then the events of one node, bracketed for collections
    anchors: dict[str, Any] = {}
    stack: list[tuple] = []
    top: Any = None  # the collection being filled; None at the document's root
    is_map = False
    key: Any = _NO_KEY
    n = 0  # nodes so far, aliases counted as what they expand to (fast_yaml's _size)
    expanded = 0
    chars = 0  # characters of scalars so far, aliases counted as what they expand to
    expanded_chars = 0
    char_budget = fast_yaml.char_budget(text)
    root: Any = None
    while True:
        event = get()
        cls = event.__class__
        if cls is ScalarEvent:
            value = scalar(event)
            n += 1
            chars += len(event.value)
            if event.anchor is not None:
                if event.anchor in anchors:
                    raise _Fallback("duplicate anchor")
                anchors[event.anchor] = (value, 1, len(event.value))
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if (is_map and key is _NO_KEY) or event.tag not in (None, "!") or len(stack) >= MAX_DEPTH:
                raise _Fallback("collection key, tagged collection or deep nesting")
            if event.anchor is not None:
                if event.anchor in anchors:
                    raise _Fallback("duplicate anchor")
                anchors[event.anchor] = _OPEN
            stack.append((top, is_map, key, event.anchor, n, chars))
            n += 1
            if cls is MappingStartEvent:
                top, is_map, key = {}, True, _NO_KEY
            else:
                top, is_map = [], False
            continue
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            value = top
            top, is_map, key, anchor, n0, chars0 = stack.pop()
            if anchor is not None:
                anchors[anchor] = (value, n - n0, chars - chars0)
        elif cls is AliasEvent:
            entry = anchors.get(event.anchor)
            if entry is None or entry is _OPEN or (is_map and key is _NO_KEY):
                raise _Fallback("undefined or recursive alias, or an alias as a key")
            value, size, length = entry
            n += size
            expanded += size
            chars += length
            expanded_chars += length
            if expanded > budget or expanded_chars > char_budget:
                raise _Fallback("aliases expand past the budget")
        elif cls is DocumentEndEvent:
            if get().__class__ is not StreamEndEvent:
                raise _Fallback("more than one document")
            return root
        else:
            raise _Fallback(f"unexpected {cls.__name__}")
        if is_map:
            if key is _NO_KEY:
                key = key_text(value)
                if key in top:
                    raise _Fallback("duplicate key")
            else:
                top[key] = value
                key = _NO_KEY
        elif top is not None:
            top.append(value)
        else:
            root = value
