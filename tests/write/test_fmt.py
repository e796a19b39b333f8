"""`nap fmt`: canonical order, comments kept, meaning never changed — on every file we have."""

from __future__ import annotations

import pytest

from plan_testing import FIXTURES, REPO, nap
from napkit.load.repository import kind_of
from napkit.load.yaml_doc import parse
from napkit.write.fmt import format_text

PLAN_FILES = sorted(
    p for base in (REPO, FIXTURES / "valid_plan") for top in ("plan", "measures")
    for p in (base / top).rglob("*.yaml") if kind_of(p.relative_to(base).as_posix()))


@pytest.mark.parametrize("path", PLAN_FILES, ids=[str(p.relative_to(REPO)) for p in PLAN_FILES])
def test_format_round_trip_keeps_meaning_and_is_stable(path):
    base = REPO if REPO / "plan" in path.parents or REPO / "measures" in path.parents else FIXTURES / "valid_plan"
    rel = path.relative_to(base).as_posix()
    kind = kind_of(rel)
    text = path.read_text(encoding="utf-8")
    once = format_text(rel, kind, text)
    assert once.formatted is not None, once.problem
    assert parse(rel, kind, once.formatted.encode()).data == parse(rel, kind, text.encode()).data
    assert format_text(rel, kind, once.formatted).formatted == once.formatted  # idempotent


def test_repository_plan_is_formatted():
    result = nap("fmt", "--check", root=REPO)
    assert result.exit_code == 0, result.output


def test_reorders_keys_and_keeps_comments(valid_plan):
    m = valid_plan / "measures" / "M-02.yaml"
    m.write_text("status: ongoing   # keep me\n# about the lead\nlead: NGO\nid: M-02\nobjective: O2\n"
                 "title: {nb: 'Bistand', en: \"Assistance\"}\ndescription: {nb: Botilbud., en: Housing.}\n"
                 "implements:\n- extent: partial\n  recommendation: SRC-02\n"
                 "timeline: {end: 2028-12-31, start: 2027-03-01}\n")
    check = nap("fmt", "--check", root=valid_plan)
    assert check.exit_code == 1 and "would reformat measures/M-02.yaml" in check.stdout
    assert nap("fmt", root=valid_plan).exit_code == 0
    assert m.read_text() == (
        "id: M-02\nobjective: O2\ntitle: {nb: 'Bistand', en: \"Assistance\"}\n"
        "description: {nb: Botilbud., en: Housing.}\n# about the lead\nlead: NGO\n"
        "implements:\n  - recommendation: SRC-02\n    extent: partial\n"
        "timeline: {start: 2027-03-01, end: 2028-12-31}\nstatus: ongoing   # keep me\n")
    assert nap("check", root=valid_plan).exit_code == 0


def test_broken_file_is_reported_and_left_alone(valid_plan):
    m = valid_plan / "measures" / "M-02.yaml"
    m.write_text("id: M-02\nid: M-02\n")
    result = nap("fmt", root=valid_plan)
    assert result.exit_code == 1 and "duplicate key" in result.stderr
    assert m.read_text() == "id: M-02\nid: M-02\n"


def test_diff_shows_what_fmt_would_change_and_writes_nothing(tmp_path):
    import shutil

    from plan_testing import FIXTURES

    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    measure = root / "measures/M-01.yaml"
    moved = measure.read_text().replace("id: M-01\nobjective: O1\n", "objective: O1\nid: M-01\n")
    measure.write_text(moved)
    result = nap("fmt", "--diff", root=root)
    assert result.exit_code == 1
    assert "--- a/measures/M-01.yaml\n+++ b/measures/M-01.yaml\n" in result.stdout
    assert "+id: M-01\n" in result.stdout or "-objective: O1\n" in result.stdout  # the key moves up
    assert measure.read_text() == moved
