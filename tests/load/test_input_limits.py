"""What a hostile or unlucky input may cost and how it is reported: alias expansion bounded by
characters, deep nesting everywhere one finding, positions in characters, messages clipped,
file names that cannot forge finding lines."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_testing import FIXTURES, nap
from napkit.findings import MAX_MESSAGE, Finding, Pos, make
from napkit.load import event_yaml, fast_yaml
from napkit.load.yaml_doc import parse
from napkit.report.github import report_github
from napkit.report.json import report_json
from napkit.report.text import report_text


def test_one_big_string_aliased_many_times_is_too_complex():
    """389 KB on disk, 4 GB once expanded: the node budget alone let it through."""
    text = "id: M-01\nbig: &s " + "x" * 200_000 + "\nmany: [" + ", ".join(["*s"] * 20_000) + "]\n"
    started = time.perf_counter()
    result = parse("measures/M-01.yaml", "measure", text.encode())
    assert isinstance(result, Finding) and result.code == "NAP005", result
    assert "characters" in result.message
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("loader", [event_yaml.load, fast_yaml.load])
def test_both_loaders_count_characters(loader):
    text = "a: &s " + "y" * 100_000 + "\nb: [" + ", ".join(["*s"] * 500) + "]\n"  # 50 MB expanded
    with pytest.raises(fast_yaml.TooComplex):
        loader(text, 10 * len(text) + 10_000)


def test_modest_anchor_reuse_still_loads():
    text = "a: &s " + "z" * 1_000 + "\nb: [" + ", ".join(["*s"] * 500) + "]\n"  # 0.5 MB: under the floor
    result = parse("f.yaml", "measure", text.encode())
    assert not isinstance(result, Finding), result


@settings(max_examples=60, deadline=None)
@given(length=st.integers(1, 50_000), copies=st.integers(1, 3_000))
def test_generated_alias_expansion_is_bounded(length: int, copies: int):
    """Whatever loads, its text expands to at most the character budget (plus the file itself)."""
    text = "a: &s " + "q" * length + "\nb: [" + ", ".join(["*s"] * copies) + "]\n"
    result = parse("f.yaml", "measure", text.encode())
    if isinstance(result, Finding):
        assert result.code == "NAP005"
        assert length * copies > fast_yaml.char_budget(text)
    else:
        assert length * copies <= fast_yaml.char_budget(text)


@pytest.mark.parametrize("depth", [65, 300, 5_000, 200_000])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_one_finding_at_any_depth(depth: int, style: str):
    if style == "flow":
        text = "a: " + "[" * depth + "]" * depth + "\n"
    else:
        if depth > 5_000:
            pytest.skip("block nesting that deep is a quadratic amount of indentation")
        text = "a:\n" + "".join("  " * i + "-\n" for i in range(1, depth + 1))
    result = parse("f.yaml", "measure", text.encode())
    assert isinstance(result, Finding) and result.code in ("NAP003", "NAP005"), result


def test_control_character_position_counts_characters_not_bytes():
    text = "id: M-01\ntitle: æøå æøå æøå \x07 slutt\n"
    result = parse("f.yaml", "measure", text.encode())
    assert isinstance(result, Finding) and result.code == "NAP003"
    assert (result.pos.line, result.pos.col) == (2, 20)  # "title: æøå æøå æøå " is 19 characters (25 bytes)
    assert "U+0007" in result.message


@settings(max_examples=100, deadline=None)
@given(prefix=st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd"), max_codepoint=0x2FFF), max_size=30),
       control=st.sampled_from([chr(c) for c in (*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]))
def test_generated_control_character_positions(prefix: str, control: str):
    text = f"id: M-01\ntitle: x{prefix}{control}\n"
    result = parse("f.yaml", "measure", text.encode())
    assert isinstance(result, Finding) and result.code == "NAP003"
    assert (result.pos.line, result.pos.col) == (2, len("title: x") + len(prefix) + 1)


def test_a_huge_value_is_not_echoed_whole():
    finding = make("NAP104", Pos("f.yaml", 1, 1), "x" * 10_000_000)
    assert len(finding.message) == MAX_MESSAGE and finding.message.endswith("…")


def test_a_huge_duplicate_key_is_clipped_in_the_message():
    key = "k" * 1_000_000
    result = parse("f.yaml", "measure", f"{key}: 1\n{key}: 2\n".encode())
    assert isinstance(result, Finding) and len(result.message) <= MAX_MESSAGE


def test_check_on_a_10_mb_value_keeps_messages_short(tmp_path: Path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    m = root / "measures" / "M-02.yaml"
    m.write_text(m.read_text().replace("lead: NGO", "lead: NGO" + "X" * 10_000_000))
    result = nap("check", "--format", "json", root=root)
    assert all(len(f["message"]) <= MAX_MESSAGE for f in json.loads(result.stdout)["findings"])
    assert len(result.stdout) < 100_000


FORGED = "x.yaml\nmeasures/M-01.yaml:1:1: error NAP999 forged"


@pytest.mark.parametrize("report", [report_text, report_github])
def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(report):
    findings = [make("NAP007", Pos(f"measures/{FORGED}", 1, 1), "napkit does not read this file here\x1b[2J")]
    out = report(findings, 1)
    lines = out.splitlines()
    assert len(lines) == 2  # one finding, one summary
    assert "NAP999" in lines[0] and not any(line.startswith("measures/M-01.yaml") for line in lines)
    assert "\x1b" not in out


def test_json_report_carries_undecodable_file_names():
    out = report_json([make("NAP007", Pos("measures/\udcff.yaml", 1, 1), "m")], 1)
    out.encode("utf-8")  # would raise on a lone surrogate
    assert json.loads(out)["findings"][0]["file"] == "measures/\udcff.yaml"


def test_check_with_a_newline_in_a_file_name(tmp_path: Path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    (root / "measures" / FORGED.replace("/", "_")).write_text("x: 1\n")
    result = nap("check", root=root)
    assert "Traceback" not in result.output
    assert not any(line.startswith("measures/M-01.yaml:1:1: error NAP999") for line in result.stdout.splitlines())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=1, max_size=20), message=st.text(max_size=40))
def test_generated_names_give_one_line_per_finding(name: str, message: str):
    out = report_text([make("NAP007", Pos(name, 1, 1), message)], 1)
    assert len(out.splitlines()) == 2
