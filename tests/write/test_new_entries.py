"""`nap new agency | indicator | recommendation | progress` on a copy of the demo plan: the entry
is added to its registry file (comments kept) or written as the period's progress file, the plan
still passes `nap check`, bad flags are all reported at once and change nothing, and a drafter
in a real terminal is asked again at each wrong answer."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

import pytest
from plan_testing import REPO, nap
from ruamel.yaml import YAML

DEMO = REPO / "examples" / "demo"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    dest = tmp_path / "demo"
    shutil.copytree(DEMO, dest, ignore=shutil.ignore_patterns("site"))
    return dest


def load(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8"))


def entry(path: Path, key: str, entry_id: str) -> dict:
    return next(e for e in load(path)[key] if e["id"] == entry_id)


def findings(root: Path) -> list[str]:
    """The codes `nap check` reports (it must run cleanly, not fail on the file it was given)."""
    result = nap("check", "--format", "json", root=root)
    assert result.exit_code in (0, 1), result.output
    return sorted(f["code"] for f in json.loads(result.stdout)["findings"])


def with_comment(path: Path, after: str, comment: str) -> None:
    """Put a comment line into the registry file, to see that adding an entry keeps it."""
    text = path.read_text("utf-8")
    assert after in text
    path.write_text(text.replace(after, after + "\n" + comment, 1), "utf-8")


AGENCY = ["--name", "nb=Tollvesenet", "--name", "en=Customs", "--abbreviation", "nb=TV", "--abbreviation", "en=CUS",
          "--kind", "Directorate", "--parent", "Arbeidsdepartementet i Eksempelland", "--url", "https://toll.example.org"]


def test_new_agency_is_added_with_the_comments_of_the_file(demo):
    path = demo / "plan" / "agencies.yaml"
    with_comment(path, "    kind: police", "    # the police answer to the ministry of justice")
    before = path.read_text("utf-8")
    result = nap("new", "agency", "--id", "TOLL", *AGENCY, root=demo)
    assert result.exit_code == 0, result.output
    after = path.read_text("utf-8")
    assert after.startswith(before)  # everything that was there stays, byte for byte
    assert entry(path, "agencies", "TOLL") == {
        "id": "TOLL", "name": {"nb": "Tollvesenet", "en": "Customs"}, "abbreviation": {"nb": "TV", "en": "CUS"},
        "kind": "directorate", "parent": "LAB", "url": "https://toll.example.org"}
    assert '    name: {nb: "Tollvesenet", en: "Customs"}' in after  # written like its neighbours
    assert findings(demo) == []


def test_bad_agency_flags_are_all_reported_and_nothing_is_written(demo):
    path = demo / "plan" / "agencies.yaml"
    before = path.read_bytes()
    result = nap("new", "agency", "--id", "bad id", "--name", "nb=Toll", "--kind", "agency", "--parent", "NOPE",
                 "--url", "http://toll.example.org", root=demo)
    assert result.exit_code == 2
    for expected in ("--id: 'bad id' is not a valid id", "missing --name en=…", "--kind: 'agency' is not one of ministry",
                     "--parent: unknown agency 'NOPE'", "--url: 'http://toll.example.org' is no https:// address"):
        assert expected in result.stderr
    assert path.read_bytes() == before


def test_an_agency_id_that_exists_in_another_case_is_refused(demo):
    result = nap("new", "agency", "--id", "jus", *AGENCY, root=demo)
    assert result.exit_code == 2
    assert "agency 'JUS' exists already" in result.stderr


INDICATOR = ["--name", "nb=Domfellelser", "--name", "en=Convictions", "--definition", "nb=Dommer i året.",
             "--definition", "en=Convictions in the year.", "--unit", "nb=dommer", "--unit", "en=convictions",
             "--direction", "increase", "--unit-kind", "count"]


def test_new_indicator_with_baseline_and_targets(demo):
    path = demo / "plan" / "indicators.yaml"
    with_comment(path, "indicators:", "  # kept: a comment above the first indicator")
    result = nap("new", "indicator", "--id", "IND-CONVICTIONS", *INDICATOR, "--baseline", "2025=4",
                 "--baseline-source", "nb=Politiets statistikk", "--baseline-source", "en=Police statistics",
                 "--target", "2027=6", "--target", "2028=8", root=demo)
    assert result.exit_code == 0, result.output
    assert "  # kept: a comment above the first indicator" in path.read_text("utf-8")
    new = entry(path, "indicators", "IND-CONVICTIONS")
    assert new["baseline"] == [{"year": 2025, "value": 4, "source": {"nb": "Politiets statistikk",
                                                                       "en": "Police statistics"}}]
    assert new["targets"] == [{"year": 2027, "value": 6}, {"year": 2028, "value": 8}]
    assert (new["direction"], new["unit_kind"]) == ("increase", "count")
    assert findings(demo) == []


def test_bad_indicator_flags_are_all_reported(demo):
    path = demo / "plan" / "indicators.yaml"
    before = path.read_bytes()
    result = nap("new", "indicator", "--id", "ind-victims", "--direction", "up", "--unit-kind", "count",
                 "--baseline", "2025=10", "--target", "2028=5", "--target", "2031=9", root=demo)
    assert result.exit_code == 2
    for expected in ("indicator 'IND-VICTIMS' exists already", "missing --name nb=…", "missing --unit en=…",
                     "--direction: 'up' is not one of increase, decrease, maintain",
                     "missing --baseline-source nb=…", "--target: a target in 2031: the year must be 2027–2028"):
        assert expected in result.stderr
    assert path.read_bytes() == before


def test_a_target_on_the_wrong_side_of_the_baseline_is_refused(demo):
    result = nap("new", "indicator", "--id", "IND-NEW", *INDICATOR, "--baseline", "2025=10", "--baseline-source",
                 "nb=K", "--baseline-source", "en=S", "--target", "2028=5", root=demo)
    assert result.exit_code == 2
    assert "the 2028 target 5 is below the latest baseline 10" in result.stderr


def test_a_flag_that_does_not_go_with_the_others_is_not_silently_dropped(demo):
    result = nap("new", "indicator", "--id", "IND-NEW", *INDICATOR, "--baseline-note", "nb=Ingen ennå", "--baseline-note", "en=None yet", "--target", "2028=5", root=demo)
    assert result.exit_code == 0, result.output  # no baseline: the note is used...
    result = nap("new", "indicator", "--id", "IND-NEW2", *INDICATOR, "--baseline", "2025=1", "--baseline-source", "nb=K",
                 "--baseline-source", "en=S", "--baseline-note", "nb=Ingen", "--baseline-note", "en=None", root=demo)
    assert result.exit_code == 2  # ...with a baseline it is not
    assert result.stderr.count("--baseline-note is not used: a note is for an indicator without --baseline") == 1


RECOMMENDATION = ["--summary", "nb=Gi ofre gratis rettshjelp.", "--summary", "en=Give victims free legal aid.",
                  "--pillar", "protection", "--strength", "strongly recommends", "--section", "5",
                  "--paragraph", "50"]


def test_new_recommendation_goes_into_its_sources_catalog_with_the_next_free_id(demo):
    path = demo / "plan" / "recommendations" / "MON24.yaml"
    with_comment(path, "recommendations:", "  # kept: section 5 of the report")
    other = (demo / "plan" / "recommendations" / "NGO25.yaml").read_bytes()
    result = nap("new", "recommendation", "--source", "mon24", *RECOMMENDATION, "--response", "partly",
                 "--justification", "nb=Bare i straffesaker.", "--justification", "en=Only in criminal cases.",
                 root=demo)
    assert result.exit_code == 0, result.output
    assert "  # kept: section 5 of the report" in path.read_text("utf-8")
    assert (demo / "plan" / "recommendations" / "NGO25.yaml").read_bytes() == other
    new = entry(path, "recommendations", "MON24-05")
    assert new["ref"] == {"section": "5", "paragraph": 50}
    assert new["strength"] == "strongly_recommends"
    assert new["response"] == {"status": "partly", "justification": {"nb": "Bare i straffesaker.",
                                                                      "en": "Only in criminal cases."}}
    assert findings(demo) == ["NAP501"]  # answered by no measure yet: the one expected finding


def test_bad_recommendation_flags_are_all_reported(demo):
    result = nap("new", "recommendation", "--source", "MON25", "--id", "mon24-01", "--pillar", "x",
                 "--response", "noted", root=demo)
    assert result.exit_code == 2
    for expected in ("--source: unknown source 'MON25' (did you mean 'MON24'",
                     "recommendation 'MON24-01' exists already", "--pillar: 'x' is not one of prevention",
                     "missing --summary nb=…", "missing --justification en=…"):
        assert expected in result.stderr


PROGRESS = ["--done", "nb=Gruppen startet i februar.", "--done", "en=The team started in February."]


def test_new_progress_entry_is_the_file_of_its_period(demo):
    result = nap("new", "progress", "--measure", "m-7", "--period", "2028", "--status", "on-track",
                 "--completion", "40", *PROGRESS, "--date", "20.1.2029", "--spent", "2028=1,5 mill.",
                 "--reached", "ms1=31.3.2028", "--value", "ind-investigations=26",
                 "--value-source", "nb=Politiets statistikk", "--value-source", "en=Police statistics", root=demo)
    assert result.exit_code == 0, result.output
    path = demo / "plan" / "progress" / "2028" / "M-07.yaml"
    assert path.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    assert load(path) == {
        "measure": "M-07", "period": "2028", "reported_by": "POL", "date": dt.date(2029, 1, 20),
        "status": "on-track", "completion": 40,
        "done": {"nb": "Gruppen startet i februar.", "en": "The team started in February."},
        "spent": [{"year": 2028, "amount": 1500000}],
        "milestones": [{"id": "MS1", "reached": dt.date(2028, 3, 31)}],
        "indicators": [{"indicator": "IND-INVESTIGATIONS", "year": 2028, "value": 26,
                        "source": {"nb": "Politiets statistikk", "en": "Police statistics"}}]}
    assert findings(demo) == []


def test_a_second_entry_for_a_measure_and_period_is_refused(demo):
    result = nap("new", "progress", "--measure", "M-07", "--period", "2027", "--status", "on-track", *PROGRESS,
                 root=demo)
    assert result.exit_code == 2
    assert "M-07 has a progress entry for 2027 already (plan/progress/2027/M-07.yaml)" in result.stderr


def test_bad_progress_flags_are_all_reported_and_nothing_is_written(demo):
    result = nap("new", "progress", "--measure", "M-06", "--period", "2028", "--status", "finished",
                 "--completion", "150", "--spent", "2029=5", "--reached", "ms9=1.1.2028", "--date", "31.2.2028",
                 root=demo)
    assert result.exit_code == 2
    for expected in ("--status: 'finished' is not one of not-started", "--completion: 150 is outside 0–100",
                     "missing --done nb=…", "money spent in 2029: the year must be 2027–2028",
                     "unknown milestone 'ms9' of M-06", "--date: '31.2.2028' is not a date"):
        assert expected in result.stderr
    assert not (demo / "plan" / "progress" / "2028").exists()


def test_a_completed_measure_needs_its_milestones_reached(demo):
    result = nap("new", "progress", "--measure", "M-06", "--period", "2028", "--status", "completed", *PROGRESS,
                 root=demo)
    assert result.exit_code == 2
    assert "the measure is completed, so give the date MS2 was reached" in result.stderr


# -- in a real terminal ------------------------------------------------------------------------

def session(demo: Path, *args: str):
    import pexpect

    child = pexpect.spawn(sys.executable, ["-m", "napkit", "--root", str(demo), "new", *args],
                          encoding="utf-8", timeout=30, dimensions=(50, 200))

    def answer(prompt: str, text: str, then: str | None = None) -> None:
        child.expect_exact(prompt)
        child.sendline(text)
        if then is not None:
            child.expect_exact(then)

    return child, answer


def finish(child) -> None:
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


def test_agency_in_a_terminal(demo):
    child, answer = session(demo, "agency")
    answer("Name (nb):", "", then="every plan language needs this text")
    answer("Name (nb):", "Tollvesenet")
    answer("Name (en):", "Customs")
    answer("Abbreviation (nb) (empty: none):", "TV")
    answer("Abbreviation (en):", "CUS")
    answer("Id (usually the abbreviation) [TV]:", "jus", then="agency 'JUS' exists already")
    answer("Id (usually the abbreviation) [TV]:", "")  # the suggestion
    answer("Kind (", "agncy", then="is not one of")
    answer("Kind (", "Directorate")
    answer("Reports to", "?", then="Arbeidsdepartementet i Eksempelland")  # ministries listed, with names
    answer("Reports to", "lab")
    answer("Website", "toll.example.org", then="is no https:// address")
    answer("Website", "")
    answer("Independent", "")
    finish(child)
    new = entry(demo / "plan" / "agencies.yaml", "agencies", "TV")
    assert new == {"id": "TV", "name": {"nb": "Tollvesenet", "en": "Customs"}, "abbreviation": {"nb": "TV", "en": "CUS"},
                   "kind": "directorate", "parent": "LAB"}
    assert findings(demo) == []


def test_indicator_in_a_terminal(demo):
    child, answer = session(demo, "indicator", "--unit-kind", "count")  # a flag given is not asked for
    answer("Id", "ind-victims", then="exists already")
    answer("Id", "IND-CONVICTIONS")
    for prompt, text in (("Name (nb):", "Domfellelser"), ("Name (en):", "Convictions"),
                         ("Definition: exactly what is counted (nb):", "Dommer."),
                         ("Definition: exactly what is counted (en):", "Convictions."),
                         ("Unit (e.g. persons) (nb):", "dommer"), ("Unit (e.g. persons) (en):", "convictions"),
                         ("Where the data will come from (nb) (empty: none):", "")):
        answer(prompt, text)
    answer("What good looks like", "up", then="is not one of increase")
    answer("What good looks like", "increase")
    answer("Baseline", "2030=5", then="the year must be 1900–2027")
    answer("Baseline", "2026=50")
    answer("Where the baseline comes from (nb):", "Statistikk")
    answer("Where the baseline comes from (en):", "Statistics")
    answer("Targets", "2028=40", then="below the latest baseline 50")
    answer("Targets", "2027=55, 2028=60")
    finish(child)
    new = entry(demo / "plan" / "indicators.yaml", "indicators", "IND-CONVICTIONS")
    assert new["unit_kind"] == "count" and new["targets"] == [{"year": 2027, "value": 55}, {"year": 2028, "value": 60}]
    assert "source" not in new
    assert findings(demo) == []


def test_recommendation_in_a_terminal(demo):
    child, answer = session(demo, "recommendation")
    answer("Source", "?", then="NGO25")
    answer("Source", "mon25", then="unknown source 'mon25'")
    answer("Source", "ngo25")
    answer("Id [NGO25-04]:", "")
    answer("The ask, in our own words (nb):", "Gi ofre rettshjelp.")
    answer("The ask, in our own words (en):", "Give victims legal aid.")
    answer("Pillar", "protect", then="did you mean 'protection'")
    answer("Pillar", "protection")
    answer("How strongly", "")
    answer("Theme slug", "legal aid", then="is no theme slug")
    answer("Theme slug", "legal-aid")
    answer("Section", "")
    answer("Paragraph", "x", then="is not a number")
    answer("Paragraph", "")
    answer("Key words", "")
    answer("The government's response", "partly")
    answer("Why (the justification) (nb):", "", then="every plan language needs this text")
    answer("Why (the justification) (nb):", "Bare i straffesaker.")
    answer("Why (the justification) (en):", "Only in criminal cases.")
    finish(child)
    new = entry(demo / "plan" / "recommendations" / "NGO25.yaml", "recommendations", "NGO25-04")
    assert new["theme"] == "legal-aid" and new["response"]["status"] == "partly" and "ref" not in new
    assert findings(demo) == ["NAP501"]


def test_progress_in_a_terminal(demo):
    child, answer = session(demo, "progress", "--status", "finished")  # a wrong flag is asked for again
    answer("Measure", "?", then="En egen etterforskningsgruppe for tvangsarbeid")  # measures with titles
    answer("Measure", "m-7")
    answer("Reporting period", "2027", then="M-07 has a progress entry for 2027 already")
    answer("Reporting period", "?", then="01.01.2028–31.12.2028")
    answer("Reporting period", "2028")
    answer("Reported by (agency; ? lists them) [POL]:", "")  # the measure's lead
    answer("Date of the report", "31.02.2029", then="is not a date")
    answer("Date of the report", "20.1.2029", then="--status: 'finished' is not one of")
    answer("Status", "done", then="is not one of")
    answer("Status", "on-track")
    answer("How far", "150", then="outside 0–100")
    answer("How far", "40")
    answer("What was done in the period (nb):", "Gruppen startet.")
    answer("What was done in the period (en):", "The team started.")
    answer("Money spent", "2029=5", then="the year must be 2027–2028")
    answer("Money spent", "2028=1,5 mill.")
    answer("Milestones reached", "?", then="Gruppen er i arbeid")  # the measure's own milestones
    answer("Milestones reached", "ms1=31.3.2028")
    answer("Indicator values", "")
    finish(child)
    data = load(demo / "plan" / "progress" / "2028" / "M-07.yaml")
    assert (data["reported_by"], data["status"], data["completion"]) == ("POL", "on-track", 40)
    assert data["spent"] == [{"year": 2028, "amount": 1500000}] and data["milestones"][0]["id"] == "MS1"
    assert findings(demo) == []


# -- files and plans of other shapes -----------------------------------------------------------

def test_a_registry_that_is_a_link_out_of_the_repository_is_not_written_through(demo, tmp_path):
    outside = tmp_path / "outside-indicators.yaml"
    registry = demo / "plan" / "indicators.yaml"
    outside.write_bytes(registry.read_bytes())
    registry.unlink()
    registry.symlink_to(outside)
    before = outside.read_bytes()
    result = nap("new", "indicator", "--id", "IND-NEW", *INDICATOR, "--baseline-note", "nb=Ingen ennå",
                 "--baseline-note", "en=None yet", root=demo)
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr and "Traceback" not in result.output
    assert outside.read_bytes() == before


def test_a_one_language_plan_keeps_its_plain_texts_and_a_missing_registry_is_started(tmp_path):
    root = tmp_path / "plan-repo"
    assert nap("init", root).exit_code == 0
    result = nap("new", "agency", "--id", "SHELTER", "--name", "The Shelter", "--kind", "ngo", root=root)
    assert result.exit_code == 0, result.output
    assert "  - id: SHELTER\n    name: The Shelter\n    kind: ngo\n" in (root / "plan" / "agencies.yaml").read_text()
    (root / "plan" / "indicators.yaml").unlink()
    result = nap("new", "indicator", "--id", "IND-NEW", "--name", "New", "--definition", "Counted.", "--unit", "cases",
                 "--direction", "increase", "--unit-kind", "count", "--baseline-note", "None yet", root=root)
    assert result.exit_code == 0, result.output
    text = (root / "plan" / "indicators.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/indicators.schema.json\nindicators:\n  - id: IND-NEW\n")
    assert [i["id"] for i in load(root / "plan" / "indicators.yaml")["indicators"]] == ["IND-NEW"]


def test_tab_completes_the_schemas_values():
    import os
    import subprocess

    nap_exe = shutil.which("nap")
    if nap_exe is None:
        pytest.skip("the nap script is not installed")
    env = {**os.environ, "_NAP_COMPLETE": "bash_complete", "COMP_WORDS": "nap new agency --kind m", "COMP_CWORD": "4"}
    out = subprocess.run([nap_exe], env=env, capture_output=True, text=True, check=False).stdout
    assert out.split() == ["plain,ministry", "plain,municipality"]
