"""Every `pattern` in the input schemas is a full match in both validators napkit runs: a value
that matches, plus a final newline ("KOM\\n"), is refused by fastjsonschema and jsonschema alike
(Python's `$` matches before a final newline; editors' ECMA-262 `$` does not)."""

from __future__ import annotations

import json
from importlib import resources

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from napkit.validate.schema import _Validator

SCHEMAS = ("plan", "agencies", "indicators", "recommendations", "measure", "progress")


def _patterns() -> list[str]:
    found: set[str] = set()
    for name in SCHEMAS:
        stack = [json.loads(resources.files("napkit.data").joinpath("schemas", f"{name}.schema.json").read_text("utf-8"))]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if isinstance(node.get("pattern"), str):
                    found.add(node["pattern"])
                stack += list(node.values())
            elif isinstance(node, list):
                stack += node
    return sorted(found)


# end-anchored patterns (ids, dates, codes); '^https://' only says how a URL starts, and the
# renderers link a URL only when all of it is safe (render/site/escape.py _SAFE_URL)
PATTERNS = [p for p in _patterns() if p.endswith("$")]


def test_there_are_patterns():
    assert any("A-Za-z0-9" in p for p in PATTERNS)


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_final_newline_never_matches(pattern: str, data):
    value = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda s: "\n" not in s))
    schema = {"type": "string", "pattern": pattern}
    fast = fastjsonschema.compile(schema)
    slow = _Validator(schema)
    fast(value)  # the value itself passes both
    assert slow.is_valid(value)
    for bad in (value + "\n", value + "\r\n"):
        assert not slow.is_valid(bad), (pattern, bad)
        with pytest.raises(fastjsonschema.JsonSchemaException):
            fast(bad)
