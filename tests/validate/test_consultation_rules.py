"""validate/consultation_rules.py: versions, the consultation and the reasoned responses
(NAP801–NAP814). Each rule has a plan that triggers it and the clean plans below that do not;
the bad-input corpus (tests/bad/consultation_*, versions_*) pins positions through `nap check`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from napkit.pipeline import run_folder
from napkit.util.clock import today
from napkit.validate.consultation_rules import check_consultation, git_ref_checker
from plan_testing import REPO, nap

CONSULTATION = """
versions:
  - {version: "0.1", date: 2026-09-01, status: consultation, ref: v0.1}
  - {version: "1.0", date: 2026-11-01, status: adopted}
consultation:
  opens: 2026-09-01
  closes: 2026-10-31
  how_to_respond: {nb: Send svar til departementet., en: Send responses to the ministry.}
"""

RESPONSE = """\
respondent: {name: Hjelpeorganisasjonen, kind: ngo}
date: 2026-10-20
points:
  - id: P1
    about: M-02
    summary: {nb: Flere botilbud., en: More shelters.}
    response:
      decision: adopted
      rationale: {nb: Ett botilbud til., en: One more shelter.}
      changed: [M-02]
  - id: P2
    about: general
    summary: {nb: Bra plan., en: Good plan.}
    response:
      decision: noted
      rationale: {nb: Takk., en: Thank you.}
"""


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def with_consultation(root: Path, extra: str = CONSULTATION, response: str | None = RESPONSE) -> Path:
    plan = root / "plan" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + extra, encoding="utf-8")
    if response is not None:
        write(root, "plan/consultation/ngo.yaml", response)
    return root


def found(root: Path, on: dt.date = dt.date(2026, 12, 1), ref_exists=lambda ref: True) -> list[tuple[str, int]]:
    result = run_folder(root)
    assert result.model is not None, [str(f) for f in result.findings.errors]
    return sorted((f.code, f.pos.line) for f in check_consultation(result.model, on=on, ref_exists=ref_exists))


def codes(root: Path, **kw) -> list[str]:
    return [c for c, _ in found(root, **kw)]


def test_a_plan_with_versions_consultation_and_responses_is_clean(valid_plan):
    with_consultation(valid_plan)
    assert codes(valid_plan) == []
    r = nap("check", "--strict", root=valid_plan)
    assert not [line for line in r.output.splitlines() if "NAP8" in line], r.output
    model = run_folder(valid_plan).model
    assert [v.version for v in model.plan.versions] == ["0.1", "1.0"]
    assert model.plan.consultation.closes == dt.date(2026, 10, 31)
    (sub,) = model.submissions
    assert sub.id == "ngo" and sub.respondent_kind == "ngo"
    assert [(p.id, p.about, p.response.decision) for p in sub.points] == [("P1", "M-02", "adopted"),
                                                                           ("P2", "general", "noted")]


def test_the_demo_plan_is_clean():
    result = run_folder(REPO / "examples" / "demo", strict=True)
    assert [f for f in result.findings.items if f.code.startswith("NAP8")] == []
    assert len(result.model.submissions) >= 2 and len(result.model.plan.versions) == 2


def test_a_point_without_response_is_a_warning_while_open_and_an_error_after(valid_plan):
    with_consultation(valid_plan, response=RESPONSE.replace(
        "    response:\n      decision: noted\n      rationale: {nb: Takk., en: Thank you.}\n", ""))
    assert found(valid_plan, on=dt.date(2026, 10, 1)) == [("NAP801", 11)]
    assert found(valid_plan, on=dt.date(2026, 10, 31)) == [("NAP801", 11)]  # the last day is still open
    assert found(valid_plan, on=dt.date(2026, 11, 1)) == [("NAP802", 11)]


def test_changed_must_name_measures_and_adopted_must_change_something(valid_plan):
    with_consultation(valid_plan, response=RESPONSE.replace("changed: [M-02]", "changed: [M-2]").replace(
        "      rationale: {nb: Takk., en: Thank you.}\n",
        "      rationale: {nb: Takk., en: Thank you.}\n      changed: [M-01]\n"))
    assert found(valid_plan) == [("NAP803", 10), ("NAP805", 17)]
    write(valid_plan, "plan/consultation/ngo.yaml", RESPONSE.replace("      changed: [M-02]\n", ""))
    assert found(valid_plan) == [("NAP804", 8)]


def test_about_must_name_something_in_the_plan_and_point_ids_are_unique(valid_plan):
    with_consultation(valid_plan, response=RESPONSE.replace("about: general", "about: SRC-09").replace("id: P2", "id: P1"))
    assert found(valid_plan) == [("NAP806", 12), ("NAP813", 11)]
    for about in ("SRC-01", "O2", "M-01", "general"):
        write(valid_plan, "plan/consultation/ngo.yaml", RESPONSE.replace("about: general", f"about: {about}"))
        assert codes(valid_plan) == []


@pytest.mark.parametrize("closes, expected", [
    ("2026-10-11", ["NAP807"]),  # 41 days, 1 September to 11 October
    ("2026-10-12", []),          # 42 days, both ends counted: six weeks
    ("2026-08-31", ["NAP808"]),  # closes before it opens (no "too short" on top)
])
def test_a_consultation_of_less_than_six_weeks_is_a_warning(valid_plan, closes, expected):
    with_consultation(valid_plan, CONSULTATION.replace("closes: 2026-10-31", f"closes: {closes}"), response=None)
    assert codes(valid_plan) == expected


def test_the_newest_version_must_be_the_plans_version(valid_plan):
    with_consultation(valid_plan, CONSULTATION.replace('version: "1.0"', 'version: "1.1"'), response=None)
    assert codes(valid_plan) == ["NAP809"]


def test_versions_oldest_first_once_each_and_older_ones_with_a_ref(valid_plan):
    text = CONSULTATION.replace("date: 2026-11-01", "date: 2026-08-01").replace(", ref: v0.1", "")
    with_consultation(valid_plan, text, response=None)
    assert codes(valid_plan) == ["NAP810", "NAP812"]
    write(valid_plan, "plan/plan.yaml", (valid_plan / "plan/plan.yaml").read_text().replace('"0.1"', '"1.0"'))
    assert "NAP810" in codes(valid_plan)


def test_responses_without_a_consultation(valid_plan):
    write(valid_plan, "plan/consultation/ngo.yaml", RESPONSE)
    assert codes(valid_plan) == ["NAP814"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
                               "PATH": "/usr/bin:/bin", "HOME": str(repo)}).stdout


def test_refs_must_resolve_in_git(valid_plan):
    with_consultation(valid_plan, response=None)
    assert git_ref_checker(valid_plan) is None  # not a git repository: refs are not checked
    assert "NAP811" not in [line for line in nap("check", root=valid_plan).output.split()]
    git(valid_plan, "init", "-q", "-b", "main")
    git(valid_plan, "add", "-A")
    git(valid_plan, "commit", "-q", "-m", "0.1")
    r = nap("check", "--format", "json", root=valid_plan)
    assert '"NAP811"' in r.stdout and "v0.1" in r.stdout
    git(valid_plan, "tag", "v0.1")
    r = nap("check", "--format", "json", root=valid_plan)
    assert '"NAP811"' not in r.stdout
    exists = git_ref_checker(valid_plan)
    assert exists("v0.1") and exists(git(valid_plan, "rev-parse", "HEAD").strip())
    assert not exists("v9") and not exists("--all")


def test_today_can_be_fixed_for_repeatable_runs(monkeypatch):
    monkeypatch.setenv("NAP_TODAY", "2027-02-25")
    assert today() == dt.date(2027, 2, 25)
    monkeypatch.setenv("NAP_TODAY", "not a date")
    assert today() == dt.date.today()


def test_the_real_plan_records_its_consultation_draft_and_no_invented_responses():
    result = run_folder(REPO)
    plan = result.model.plan
    assert [(v.version, v.status, str(v.date)) for v in plan.versions][:1] == [("0.1", "consultation", "2026-11-25")]
    c = plan.consultation
    assert (str(c.opens), str(c.closes)) == ("2026-11-25", "2027-02-25")
    assert "regjeringen.no/høringer" in c.how_to_respond.get("nb") and "regjeringen.no" in c.how_to_respond.get("en")
    assert result.model.submissions == ()
    assert not (REPO / "plan" / "consultation").exists()
    assert [f for f in result.findings.items if f.code.startswith("NAP8")] == []


OPEN_CLOSE = "\nconsultation: {opens: 2026-09-01, closes: 2026-10-31, how_to_respond: {nb: Svar., en: Respond.}}"


@pytest.mark.parametrize("broken, schema_code", [
    ("consultation: {opens: 2026-09-01}", "NAP101"),
    ('versions: [{version: "0.1"}, {version: "1.0", date: 2026-11-01, status: adopted}]' + OPEN_CLOSE, "NAP101"),
    ("versions: [{version: 1.0, date: 2026-11-01, status: adopted}]" + OPEN_CLOSE, "NAP103"),
])
def test_a_broken_versions_or_consultation_gives_its_schema_finding_only(valid_plan, broken, schema_code):
    plan = valid_plan / "plan" / "plan.yaml"
    plan.write_text(plan.read_text() + broken + "\n")
    write(valid_plan, "plan/consultation/ngo.yaml", RESPONSE)
    r = nap("check", "--format", "json", root=valid_plan)
    assert r.exit_code == 1 and "Traceback" not in r.output
    found = {f["code"] for f in json.loads(r.stdout)["findings"]}
    assert schema_code in found
    assert not found & {"NAP809", "NAP810", "NAP812", "NAP814"}, found  # no cascade from the broken part
