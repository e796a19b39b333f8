"""validate/input_rules: values JSON Schema lets through — non-finite numbers, 2027.0 for a
year, control characters in texts, ids differing only in case — are findings at their place."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from napkit.load.yaml_doc import Document, parse
from napkit.validate.input_rules import CONTROL, case_findings, check_inputs, integer_keys, value_findings


def doc(text: str, kind: str = "measure", file: str = "measures/M-01.yaml") -> Document:
    result = parse(file, kind, text.encode())
    assert isinstance(result, Document), result
    return result


def test_integer_keys_come_from_the_schemas():
    assert {"year", "completion"} <= integer_keys()
    assert "amount" not in integer_keys() and "value" not in integer_keys()


@pytest.mark.parametrize("written", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1e400", "-1e400", "1.0e999"])
def test_non_finite_amounts_are_findings(written: str):
    d = doc(f"budget:\n  - {{year: 2027, amount: {written}}}\n")
    found = value_findings(d)
    assert [(f.code, f.pos.line, f.pos.col) for f in found] == [("NAP106", 2, 26)]


def test_huge_integers_are_findings():
    d = doc("budget:\n  - {year: 2027, amount: " + "9" * 400 + "}\n")
    assert [f.code for f in value_findings(d)] == ["NAP106"]


@pytest.mark.parametrize("written, code", [("2027.0", "NAP103"), ("2027", None), ("2.027e3", "NAP103")])
def test_years_must_be_written_as_whole_numbers(written: str, code: str | None):
    d = doc(f"budget:\n  - {{year: {written}, amount: 1}}\n")
    assert [f.code for f in value_findings(d)] == ([code] if code else [])


def test_amounts_may_have_decimals():
    assert value_findings(doc("budget:\n  - {year: 2027, amount: 2500000.0}\n")) == []


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\uffff", "\\ufffe", "\\x85", "\\x7f", "\\a", "\\v", "\\r",
                                    "\\U0001FFFF", "\\x1b[31m"])  # (libyaml itself refuses "\\ud800": NAP003)
def test_escaped_control_characters_are_findings(escape: str):
    d = doc(f'id: M-01\ntitle: {{nb: "ære{escape}", en: ok}}\n')
    found = value_findings(d)
    assert [(f.code, f.pos.line, f.pos.col) for f in found] == [("NAP107", 2, 13)]


@pytest.mark.parametrize("escape", ["\\t", "\\n", "\\u00e6", "\\u2013", "\\u00a0"])
def test_tab_newline_and_ordinary_characters_pass(escape: str):
    assert value_findings(doc(f'title: "a{escape}b"\n')) == []


def test_control_character_in_a_key():
    d = doc('"ti\\u0007tle": x\n')
    assert [f.code for f in value_findings(d)] == ["NAP107"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_generated_texts_are_refused_exactly_when_they_hold_a_control_character(text: str):
    d = Document("measures/M-01.yaml", "measure", {"title": {"nb": text}}, "")
    found = value_findings(d)
    bad = any(ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
              or (ord(c) & 0xFFFE) == 0xFFFE or 0xFDD0 <= ord(c) <= 0xFDEF for c in text)
    assert bool(found) == bad
    assert bool(CONTROL.search(text)) == bad


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_generated_amounts(value: float):
    d = Document("measures/M-01.yaml", "measure", {"budget": [{"year": 2027, "amount": value}]}, "")
    found = value_findings(d)
    assert bool(found) == (not math.isfinite(value) or abs(value) >= 2 ** 53)


def test_a_shared_alias_is_reported_once():
    d = doc('a: &t "x\\0"\nb: [*t, *t, *t]\nc: &l ["y\\0"]\nd: [*l, *l]\n')
    found = value_findings(d)
    assert len([f for f in found if f.code == "NAP107"]) == 5  # strings are values, lists are shared


def test_ids_differing_only_in_case():
    a = doc("source: {id: SRC}\nrecommendations:\n  - {id: SRC-01}\n  - {id: src-01}\n  - {id: SRC-01}\n",
            "recommendations", "plan/recommendations/a.yaml")
    m1, m2 = doc("id: M-01\n"), doc("id: m-01\n", file="measures/m-01.yaml")
    found = case_findings([a, m1, m2])
    assert [(f.code, f.pos.file, f.pos.line) for f in found] == [
        ("NAP212", "plan/recommendations/a.yaml", 4), ("NAP212", "measures/m-01.yaml", 1)]


def test_plan_period_and_reporting_periods():
    d = doc('period: {start: 2030, end: 2027}\nreporting_periods: ["2027", "2028", "2027"]\n', "plan",
            "plan/plan.yaml")
    assert sorted((f.code, f.pos.line) for f in check_inputs([d])) == [("NAP302", 1), ("NAP310", 2)]


@pytest.mark.parametrize("raw", ["\ufdd0", "\U0001fffe"])
def test_control_characters_the_yaml_reader_lets_through_raw(raw: str):
    """No backslash in the file: the quick pass must still look at the strings. (A raw CR or NEL
    is a line break to YAML and never reaches the data.)"""
    d = doc(f'id: M-01\ntitle: "a{raw}b"\n')
    assert [f.code for f in value_findings(d)] == ["NAP107"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))
def test_generated_raw_texts_in_a_real_file(text: str):
    """Through the real loader: whatever the reader accepts raw, the rule sees."""
    import json as _json

    result = parse("measures/M-01.yaml", "measure", f"title: {_json.dumps(text, ensure_ascii=False)}\n".encode())
    if not isinstance(result, Document):
        return  # refused by the reader itself (NAP003): also an answer
    value = result.data["title"]
    assert bool(value_findings(result)) == bool(CONTROL.search(value))
