"""load/yaml_doc.py: YAML 1.2 semantics, positions, and malformed input as findings, not exceptions."""

from __future__ import annotations

from napkit.findings import Finding
from napkit.load.yaml_doc import Document, parse


def doc(text: str) -> Document:
    result = parse("f.yaml", "measure", text.encode())
    assert isinstance(result, Document), result
    return result


def test_yaml_1_2_keeps_norwegian_no_and_on_as_text():
    d = doc("a: NO\nb: on\nc: yes\nd: 1e3\n")
    assert d.data == {"a": "NO", "b": "on", "c": "yes", "d": 1000.0}


def test_dates_become_iso_text():
    assert doc("due: 2027-06-30\n").data == {"due": "2027-06-30"}


def test_octal_looking_and_underscored_numbers_follow_yaml_1_2():
    assert doc("a: 08\nb: 0o17\nc: 1_000\nd: 0x1F\n").data == {"a": 8, "b": 15, "c": "1_000", "d": 31}


def test_positions_of_values_keys_and_items():
    d = doc("x:\n  y: [1, 2]\n  z: hello\nl:\n  - a: 1\n    b: 2\n")
    assert str(d.locate(("x", "z"))) == "f.yaml:3:6"
    assert str(d.locate(("x", "z"), key=True)) == "f.yaml:3:3"
    assert str(d.locate(("x", "y", 1))) == "f.yaml:2:10"
    assert str(d.locate(("l", 0, "b"))) == "f.yaml:6:8"
    # a path that does not exist falls back to the nearest enclosing node
    assert str(d.locate(("x", "missing"))) == "f.yaml:2:3"


def test_bom_is_accepted():
    result = parse("f.yaml", "measure", b"\xef\xbb\xbfa: 1\n")
    assert isinstance(result, Document) and result.data == {"a": 1}


def test_non_string_keys_become_text():
    assert doc("2027: 5\n").data == {"2027": 5}


def test_oversized_file_is_refused_without_parsing(monkeypatch):
    from napkit.load import yaml_doc

    monkeypatch.setattr(yaml_doc, "MAX_FILE_BYTES", 10)
    result = parse("f.yaml", "measure", b"a: 123456789\n")
    assert isinstance(result, Finding) and result.code == "NAP001"


def test_deep_nesting_is_a_finding_not_a_crash():
    from napkit.validate.schema import check_document

    result = parse("f.yaml", "measure", ("[" * 5000 + "]" * 5000).encode())
    findings = [result] if isinstance(result, Finding) else check_document(result)[0]
    # PyYAML ≥ 6.0.4's libyaml refuses nesting past 1,000 levels while parsing (NAP003); older
    # ones parse it and the depth check refuses it (NAP005). Either way: one finding, no crash.
    assert [f.code for f in findings] in (["NAP003"], ["NAP005"])
    assert "nesting" in findings[0].message or "deep" in findings[0].message


def test_recursive_alias_is_refused():
    result = parse("f.yaml", "measure", b"a: &a [*a]\n")
    assert isinstance(result, Finding) and result.code == "NAP005"


def test_impossible_unquoted_date_has_a_position():
    result = parse("f.yaml", "measure", b"id: x\ndue: 2027-02-30\n")
    assert isinstance(result, Finding) and result.code == "NAP003" and str(result.pos) == "f.yaml:2:6"
