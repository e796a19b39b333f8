"""Fuzzing the outputs with hypothesis: a small plan whose names and texts (objective, agency,
funding source, measure title and description, progress text) are generated goes through the
real command line — check, export json/csv/xlsx, import-progress, build — and never ends in exit
3 ('internal error … a bug in napkit'). Findings (1) and refusals (2) are fine answers.

Default: a few dozen plans through check and the exports, a handful through build; `pytest -m
slow` runs hundreds of each."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_testing import FIXTURES
from napkit import cli as cli_module

# characters that have broken outputs before: TeX, formulas, markup, quotes, YAML syntax,
# controls, line breaks, non-Latin text
TRICKY = list("$\\{}[]<>&'\"=+-@#%|*:!`~^_") + ["\t", "\n", "\r", "\x1b", "\x00", "\x85", "\u2028", "\ufeff",
                                                 "\uffff", "æ", "ø", "Å", "ß", "ñ", "Ω", "中", "😀", "\u200b", "\u0301"]
texts = st.text(st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8")), min_size=1, max_size=24)

FIELDS = [  # (file, text to replace)
    ("plan/plan.yaml", "Better coordination"),
    ("plan/plan.yaml", "State budget"),
    ("plan/agencies.yaml", "The Ministry"),
    ("measures/M-01.yaml", "Draft the action plan"),
    ("measures/M-01.yaml", "The ministry leads the work on the plan."),
    ("plan/progress/2027/M-01.yaml", "The plan was adopted after consultation."),
]


def _quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029\ufeff" or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def make_plan(base: Path, values: list[str]) -> Path:
    root = base / "plan-repo"
    shutil.copytree(FIXTURES / "valid_plan", root)
    for (rel, old), new in zip(FIELDS, values):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, _quoted(new), 1), encoding="utf-8")
    return root


def nap_exit(monkeypatch, capsys, *args) -> tuple[int, str]:
    """Run the real entry point (napkit.cli:main, with its top-level error handling)."""
    monkeypatch.setattr(sys, "argv", ["nap", *map(str, args)])
    with pytest.raises(SystemExit) as exc:
        cli_module.main()
    _out, err = capsys.readouterr()
    code = exc.value.code
    return (0 if code is None else code), err


def assert_no_bug(code: int, err: str, command) -> None:
    assert code != 3 and "internal error" not in err, f"{command}: exit {code}\n{err}"
    assert code in (0, 1, 2), f"{command}: exit {code}\n{err}"


def _exports(root: Path, monkeypatch, capsys) -> None:
    out = root.parent
    for command in (["check", "--strict"], ["export", "-o", out / "plan.json"],
                    ["export", "--format", "csv", "-o", out / "m.csv"],
                    ["export", "--format", "csv", "--table", "budget", "-o", out / "b.csv"],
                    ["export", "--format", "xlsx", "--period", "2027", "-o", out / "w.xlsx"]):
        code, err = nap_exit(monkeypatch, capsys, "-q", "--root", root, *command)
        assert_no_bug(code, err, command)
        if command[0] == "export" and code == 0 and command[-1].name == "plan.json":
            import json

            json.loads((out / "plan.json").read_text(encoding="utf-8"))  # valid JSON, always
    if (out / "w.xlsx").exists():
        code, err = nap_exit(monkeypatch, capsys, "-q", "--root", root, "import-progress", "--dry-run", out / "w.xlsx")
        assert_no_bug(code, err, "import-progress")


EXPORTS = settings(max_examples=30, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
BUILDS = settings(max_examples=4, deadline=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@EXPORTS
@given(st.lists(texts, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_generated_texts_through_check_and_exports(tmp_path_factory, monkeypatch, capsys, values):
    _exports(make_plan(tmp_path_factory.mktemp("fz"), values), monkeypatch, capsys)


@BUILDS
@given(st.lists(texts, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_generated_texts_through_build(tmp_path_factory, monkeypatch, capsys, values):
    root = make_plan(tmp_path_factory.mktemp("fzb"), values)
    monkeypatch.setenv("CI", "true")
    code, err = nap_exit(monkeypatch, capsys, "-q", "--root", root, "build")
    assert_no_bug(code, err, "build")
    if code != 0:  # whatever was refused, build/ was not half written
        assert not any(p.name.startswith(".build.") for p in root.iterdir())


@pytest.mark.slow
@settings(max_examples=500, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(texts, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_generated_texts_through_check_and_exports_500(tmp_path_factory, monkeypatch, capsys, values):
    _exports(make_plan(tmp_path_factory.mktemp("fz"), values), monkeypatch, capsys)


@pytest.mark.slow
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(texts, min_size=len(FIELDS), max_size=len(FIELDS)))
def test_generated_texts_through_build_60(tmp_path_factory, monkeypatch, capsys, values):
    root = make_plan(tmp_path_factory.mktemp("fzb"), values)
    monkeypatch.setenv("CI", "true")
    code, err = nap_exit(monkeypatch, capsys, "-q", "--root", root, "build")
    assert_no_bug(code, err, "build")
