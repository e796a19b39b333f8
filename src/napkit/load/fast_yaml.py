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


class _Core12Loader(_Base):  # type: ignore[misc,valid-type]
    """Safe loading with the YAML 1.2 core schema (plus timestamps, as ruamel keeps them)."""

    yaml_implicit_resolvers: dict = {}
    budget = 10_000

    def __init__(self, stream: str):
        super().__init__(stream)
        self._expanded = 0
        self._sizes: dict[int, int] = {}

    # Aliases share one constructed object; count what they would expand to, so that
    # validation (which walks the data) can never be made to walk a "billion laughs".
    def construct_object(self, node, deep=False):  # noqa: D401
        if node in self.constructed_objects:
            self._expanded += _size(node, self._sizes, set())
            if self._expanded > self.budget:
                raise TooComplex("aliases expand past the budget")
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
    loader = _Core12Loader(text)
    loader.budget = budget
    # Millions of fresh, acyclic node objects make the cyclic GC run again and again for
    # nothing (a 100,000-recommendation catalog: 36 s with it, a fraction without).
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
        if gc_was_on:
            gc.enable()

