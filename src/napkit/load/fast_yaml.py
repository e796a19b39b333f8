"""Fast YAML reading: PyYAML's C parser with YAML 1.2 core-schema resolution.

The reference loader: event_yaml builds the same data from parser events without a node graph
and hands every unusual document (tags, anchors gone wrong, duplicate keys, deep nesting) back
to load() here, so that data and errors stay exactly these. ruamel.yaml is kept only for
round-tripping in `nap fmt`; positions come from yaml_positions.

Semantics (the same as ruamel's YAML 1.2 loading): `NO`, `on`, `yes` stay text; `08` is 8;
dates become ISO text; duplicate keys are an error; aliases may not expand past a budget.
"""

from __future__ import annotations

import gc
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int, col: int):
        super().__init__(key)
        self.key, self.line, self.col = key, line, col


class TooComplex(Exception):
    pass


class TooDeep(TooComplex):
    """Collections nested deeper than MAX_DEPTH: no plan needs it, and every recursive walk
    after loading (schema checks, nap fmt, exports) would have to survive it."""


MAX_DEPTH = 64


# What aliases may add in characters of text: the node budget alone let one 200 KB string
# aliased 20,000 times (a 389 KB file) expand to 4 GB in exports and builds.
CHAR_FACTOR = 20
CHAR_FLOOR = 1024 * 1024
CHAR_CEILING = 64 * 1024 * 1024


def char_budget(text: str) -> int:
    """Characters that aliases may expand to in a document of this text: 20× its size (at least
    1 MiB, so small files may reuse anchors freely), never more than 64 MiB."""
    return min(max(CHAR_FACTOR * len(text), CHAR_FLOOR), CHAR_CEILING)


class _Core12Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe loading with the YAML 1.2 core schema (plus timestamps, as ruamel keeps them)."""

    yaml_implicit_resolvers: dict = {}
    budget = 10_000

    def __init__(self, stream: str):
        super().__init__(stream)
        self._expanded = 0
        self._sizes: dict[int, int] = {}
        self._expanded_chars = 0
        self._lengths: dict[int, int] = {}
        self.char_budget = char_budget(stream) if isinstance(stream, str) else CHAR_FLOOR

    # Aliases share one constructed object; count what they would expand to, so that
    # validation (which walks the data) can never be made to walk a "billion laughs".
    def construct_object(self, node, deep=False):  # noqa: D401
        if node in self.constructed_objects:
            self._expanded += _size(node, self._sizes, set())
            if self._expanded > self.budget:
                raise TooComplex("aliases expand past the budget")
            self._expanded_chars += _chars(node, self._lengths, set())
            if self._expanded_chars > self.char_budget:
                raise TooComplex(f"aliases expand to more than {self.char_budget:,} characters of text")
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in mapping:
                raise DuplicateKey(key, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value)

    def construct_yaml_timestamp(self, node):
        try:
            stamp = super().construct_yaml_timestamp(node)
        except ValueError:
            raise ConstructorError(None, None, f"'{node.value}' is not a valid date", node.start_mark) from None
        return stamp.isoformat()

    def construct_yaml_float(self, node):
        value = self.construct_scalar(node).lower()
        if value in (".inf", "+.inf"):
            return float("inf")
        if value == "-.inf":
            return float("-inf")
        if value == ".nan":
            return float("nan")
        return float(value)


def _size(node, memo: dict[int, int], active: set[int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        raise TooComplex("an alias refers to itself")
    active.add(key)
    if isinstance(node, yaml.MappingNode):
        n = 1 + sum(_size(k, memo, active) + _size(v, memo, active) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        n = 1 + sum(_size(v, memo, active) for v in node.value)
    else:
        n = 1
    active.discard(key)
    memo[key] = n
    return n


def _chars(node, memo: dict[int, int], active: set[int]) -> int:
    """Characters of text a node expands to (aliases counted in full), as _size counts nodes."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        raise TooComplex("an alias refers to itself")
    active.add(key)
    if isinstance(node, yaml.MappingNode):
        n = sum(_chars(k, memo, active) + _chars(v, memo, active) for k, v in node.value)
    elif isinstance(node, yaml.SequenceNode):
        n = sum(_chars(v, memo, active) for v in node.value)
    else:
        n = len(node.value)
    active.discard(key)
    memo[key] = n
    return n


def _resolver(tag: str, pattern: str, first: str) -> None:
    _Core12Loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0")
_Core12Loader.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$")))
_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789")
_resolver("tag:yaml.org,2002:float",
          r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
          "-+0123456789.")
_resolver("tag:yaml.org,2002:timestamp",
          r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
              |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
               (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
               (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
          "0123456789")
_Core12Loader.add_constructor("tag:yaml.org,2002:int", _Core12Loader.construct_yaml_int)
_Core12Loader.add_constructor("tag:yaml.org,2002:float", _Core12Loader.construct_yaml_float)
_Core12Loader.add_constructor("tag:yaml.org,2002:timestamp", _Core12Loader.construct_yaml_timestamp)
_Core12Loader.add_constructor("tag:yaml.org,2002:map", _Core12Loader.construct_mapping)


def load(text: str, budget: int) -> Any:
    """Parse one YAML document. Raises yaml.YAMLError (with marks), DuplicateKey or TooComplex."""
    _check_event_depth(text)  # before composing: libyaml's composer recursing 100,000 deep crashes Python
    loader = _Core12Loader(text)
    loader.budget = budget
    # Millions of fresh, acyclic node objects make the cyclic GC run again and again for
    # nothing (a 100,000-recommendation catalog: 36 s with it, a fraction without).
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
        if gc_was_on:
            gc.enable()
    _check_depth(data)
    return data


def _check_event_depth(text: str) -> None:
    """TooDeep when collections open more than MAX_DEPTH deep, from the parser's events (an
    iterative parser: no recursion, whatever the depth). Syntax errors are left to the loader."""
    from yaml._yaml import CParser
    from yaml.events import CollectionEndEvent, CollectionStartEvent, StreamEndEvent

    parser = CParser(text)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooDeep(f"the document nests more than {MAX_DEPTH} levels deep")
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, StreamEndEvent):
                return
    except yaml.YAMLError:
        return
    finally:
        parser.dispose()


def _check_depth(data: Any) -> None:
    seen: set[int] = set()
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise TooDeep(f"the document nests more than {MAX_DEPTH} levels deep")
            if id(value) in seen:
                continue
            seen.add(id(value))
            stack += [(v, depth + 1) for v in (value.values() if isinstance(value, dict) else value)]

