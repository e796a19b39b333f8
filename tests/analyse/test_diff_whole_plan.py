"""`nap diff` sees every kind of change in every plan file: each case plants one change in a real
git repository made from tests/fixtures/valid_plan and finds it named in the text, markdown and
json outputs."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from plan_testing import FIXTURES, edit, git, nap

REC = "plan/recommendations/src.yaml"


@pytest.fixture
def repo(tmp_path):
    r = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid_plan", r)
    (r / "site/en").mkdir(parents=True)
    (r / "site/en/about.md").write_text("# About the plan\n\nThe ministry coordinates the plan.\n")
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "base")
    return r


def diff_all(repo) -> tuple[str, str, dict]:
    outputs = [nap("diff", "HEAD", "--format", fmt, root=repo) for fmt in ("text", "markdown", "json")]
    assert all(o.exit_code == 0 for o in outputs), [o.stderr for o in outputs]
    return outputs[0].stdout, outputs[1].stdout, json.loads(outputs[2].stdout)


def changed(data: dict, section: str, item: str) -> dict[str, tuple[str, str]]:
    entry = next(i for i in data[section]["changed"] if i["id"] == item)
    return {c["field"]: (c["before"], c["after"]) for c in entry["changes"]}


@dataclass
class Case:
    name: str
    file: str
    old: str
    new: str
    check: Callable[[dict], None]  # on the json
    text: str  # in the text output
    markdown: str  # in the markdown output


def _response(d):
    assert d["responses_changed"] == [{"recommendation": "SRC-01", "before": "accepted", "after": "noted",
                                       "justification": "added", "justification_changed": True, "file": REC,
                                       "line": 12}]


CASES = [
    Case("response", REC, "response: {status: accepted}",
         "response: {status: noted, justification: {nb: Ikke nå., en: Not now.}}", _response,
         "RESPONSE CHANGED SRC-01: accepted → noted (justification added)",
         "| **SRC-01** | accepted | **noted** | added |"),
    Case("justification", REC, "en: Adult victims only in this plan.", "en: Adult victims first.",
         lambda d: changed(d, "recommendations", "SRC-02")["justification (en)"] == (
             "Adult victims only in this plan.", "Adult victims first."),
         "justification (en): Adult victims only in this plan. → Adult victims first.",
         "| justification (en) | Adult victims only in this plan. | Adult victims first. |"),
    Case("summary", REC, "en: Assist all victims.", "en: Assist all adult victims.",
         lambda d: (changed(d, "recommendations", "SRC-02")["summary (en)"] == ("Assist all victims.",
                                                                                 "Assist all adult victims.")
                    and d["suspects"][0]["measure"] == "M-02" and d["suspects"][0]["changed"] == "recommendation"),
         "re-check the answer of M-02 to SRC-02", "| SRC-02 | M-02 | the recommendation&#39;s summary (en) changed |"),
    Case("related", REC, "    pillar: partnership\n", "    pillar: partnership\n    related: [SRC-02]\n",
         lambda d: changed(d, "recommendations", "SRC-03")["related added"] == ("—", "SRC-02"),
         "related added: — → SRC-02", "| related added | — | SRC-02 |"),
    Case("recommendation added", REC, "recommendations:\n", "recommendations:\n  - id: SRC-04\n"
         "    summary: {nb: Ny., en: New ask.}\n    pillar: prevention\n    response: {status: noted, "
         "justification: {nb: Nei., en: No.}}\n",
         lambda d: [r["id"] for r in d["recommendations"]["added"]] == ["SRC-04"],
         "+ recommendation(s) SRC-04", "- **SRC-04** Ny. — added"),
    Case("recommendation removed", REC, "  - id: SRC-03\n    summary: {nb: Ratifiser en konvensjon., en: Ratify a "
         "convention.}\n    pillar: partnership\n    response:\n      status: noted\n      justification: {nb: "
         "Ikke aktuelt nå., en: Not considered now.}\n", "",
         lambda d: [r["id"] for r in d["recommendations"]["removed"]] == ["SRC-03"],
         "- recommendation(s) SRC-03", "- **SRC-03** Ratifiser en konvensjon. — removed"),
    Case("target", "plan/indicators.yaml", "{year: 2028, value: 40}", "{year: 2028, value: 35}",
         lambda d: d["targets"][0] | {"line": 0} == {"subject": "IND-CASES", "what": "target 2028", "before": "40",
                                                    "after": "35", "note": "lowered", "file": "plan/indicators.yaml",
                                                    "line": 0},
         "IND-CASES target 2028 lowered: 40 → 35", "| IND-CASES | target 2028 | 40 | 35 | lowered |"),
    Case("indicator definition", "plan/indicators.yaml", "en: Cases investigated per year.",
         "en: Cases opened per year.",
         lambda d: changed(d, "indicators", "IND-CASES")["definition (en)"] == ("Cases investigated per year.",
                                                                                "Cases opened per year."),
         "definition (en): Cases investigated per year. → Cases opened per year.", "| definition (en) |"),
    Case("introduction", "plan/plan.yaml", "en: A small but complete plan", "en: A small plan",
         lambda d: changed(d, "plan", "example-plan")["introduction (en)"][1] == "A small plan the tests use.",
         "introduction (en): A small but complete plan the tests use. → A small plan the tests use.",
         "| introduction (en) | A small but complete plan the tests use. | A small plan the tests use. |"),
    Case("version", "plan/plan.yaml", 'version: "1.0"', 'version: "1.1"',
         lambda d: changed(d, "plan", "example-plan")["version"] == ("1.0", "1.1"), "version: 1.0 → 1.1",
         "| version | 1&#46;0 | 1&#46;1 |"),  # "1." escaped: it could start a list
    Case("objective", "plan/plan.yaml", "en: Better coordination", "en: Stronger coordination",
         lambda d: changed(d, "objectives", "O1")["title (en)"] == ("Better coordination", "Stronger coordination"),
         "title (en): Better coordination → Stronger coordination", "#### Objectives"),
    Case("funding source", "plan/plan.yaml", "en: State budget", "en: The state budget",
         lambda d: changed(d, "funding_sources", "state-budget")["name (en)"] == ("State budget", "The state budget"),
         "name (en): State budget → The state budget", "#### Funding sources"),
    Case("reporting period", "plan/plan.yaml", 'reporting_periods: ["2027", "2028"]', 'reporting_periods: ["2027"]',
         lambda d: [p["id"] for p in d["reporting_periods"]["removed"]] == ["2028"],
         "- reporting period(s) 2028", "#### Reporting periods"),
    Case("agency renamed", "plan/agencies.yaml", "en: The Police}", "en: The Police Service}",
         lambda d: changed(d, "agencies", "POL")["name (en)"] == ("The Police", "The Police Service"),
         "name (en): The Police → The Police Service", "| name (en) | The Police | The Police Service |"),
    Case("agency parent", "plan/agencies.yaml", "    parent: MIN\n", "",
         lambda d: changed(d, "agencies", "POL")["parent"] == ("MIN", "—"), "parent: MIN → —", "| parent | MIN | — |"),
    Case("agency added", "plan/agencies.yaml", "agencies:\n",
         "agencies:\n  - id: KOM\n    name: {nb: Kommunen, en: The Municipality}\n    kind: municipality\n",
         lambda d: [a["id"] for a in d["agencies"]["added"]] == ["KOM"], "+ agency(ies) KOM", "- **KOM** Kommunen — added"),
    Case("progress", "plan/progress/2027/M-01.yaml", "status: completed", "status: delayed",
         lambda d: changed(d, "progress", "2027/M-01")["status"] == ("completed", "delayed"),
         "status: completed → delayed", "#### Progress reports"),
    Case("site page", "site/en/about.md", "The ministry coordinates", "The directorate coordinates",
         lambda d: changed(d, "pages", "site/en/about.md")["line 3"] == ("The ministry coordinates the plan.",
                                                                          "The directorate coordinates the plan."),
         "line 3: The ministry coordinates the plan. → The directorate coordinates the plan.", "#### Site pages"),
    Case("measure description", "measures/M-01.yaml", "en: The ministry leads the work on the plan.",
         "en: The ministry and the police lead the work on the plan.",
         lambda d: d["suspects"] == [{"recommendation": "SRC-01", "measure": "M-01", "changed": "measure",
                                      "what": "description (en)", "file": "measures/M-01.yaml", "line": 7}],
         "re-check the answer of M-01 to SRC-01: the measure's description (en) changed",
         "| SRC-01 | M-01 | the measure&#39;s description (en) changed |"),
    Case("deadline", "measures/M-01.yaml", "due: 2027-06-30", "due: 2027-09-30",
         lambda d: {"measure": "M-01", "what": "milestone MS1", "before": "2027-06-30", "after": "2027-09-30"}
         in d["timeline"], "deadline M-01 milestone MS1: 2027-06-30 → 2027-09-30",
         "| M-01 | milestone MS1 | 2027-06-30 | 2027-09-30 |"),
    Case("measure with a schema error", "measures/M-02.yaml", "status: ongoing", "status: onging",
         lambda d: (changed(d, "measures", "M-02")["status"] == ("ongoing", "onging")
                    and d["measures"]["changed"][0]["errors"] >= 1 and not d["measures"]["removed"]),
         "~ measure(s) M-02 Bistand til ofre — has 1 error(s)", "❌ has 1 error(s)"),
    Case("unclassified field", "measures/M-02.yaml", "{year: 2027, amount: 2500000, currency: NOK, source: "
         "state-budget, new_money: false}", "{year: 2027, amount: 2500000, currency: NOK, source: state-budget, "
         "new_money: true}",
         lambda d: d["other"]["changed"][0]["changes"][0] | {"line": 0} == {
             "field": "budget[0].new_money", "before": "no", "after": "yes", "note": "",
             "file": "measures/M-02.yaml", "line": 0},
         "budget[0].new_money: no → yes  [measures/M-02.yaml:11]", "#### Other changes, field by field"),
    Case("comments only", "measures/M-01.yaml", "status: planned", "status: planned  # agreed in May",
         lambda d: d["other"]["changed"][0]["changes"][0]["field"] == "(comments or layout only)"
         and d["summary"]["changes"] == 1, "1 change(s) in 1 file(s)", "(comments or layout only)"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_kind_of_change_is_named_in_every_format(repo, case):
    edit(repo / case.file, case.old, case.new)
    text, markdown, data = diff_all(repo)
    assert case.check(data) is not False, json.dumps(data, indent=1)
    assert case.text in text, text
    assert case.markdown in markdown, markdown
    assert data["summary"]["changes"] >= 1 and "0 change(s)" not in text
    assert case.file in data["summary"]["files"]


def test_a_pull_request_with_many_kinds_of_change_leads_with_the_decisions(repo):
    for case in CASES:
        if case.name in ("response", "target", "summary", "agency renamed", "deadline", "measure description"):
            edit(repo / case.file, case.old, case.new)
    edit(repo / "measures/M-02.yaml", "{year: 2028, amount: 2500000.0", "{year: 2028, amount: 3000000")
    git(repo, "commit", "-qam", "a realistic pull request")
    md = nap("diff", "HEAD~1", "HEAD", "--format", "markdown", root=repo).stdout
    order = ["RESPONSE(S) CHANGED", "What the coordinator decides on", "Government responses changed",
             "Money (NOK)", "Change per lead agency", "Deadlines moved", "Targets and baselines changed",
             "Answers to re-check", "### Details", "#### Agencies", "#### Recommendations", "#### Measures"]
    at = [md.index(heading) for heading in order]
    assert at == sorted(at), md
    github = nap("diff", "HEAD~1", "HEAD", "--format", "github", root=repo).stdout
    assert f"::warning file={REC.replace(':', '%3A')},line=12,title=Response to SRC-01 changed::accepted → noted" in github
    assert "::notice file=plan/indicators.yaml,line=9,title=IND-CASES target 2028 lowered::40 → 35" in github


def test_a_newly_uncovered_recommendation_is_annotated_on_the_measure_that_dropped_it(repo):
    edit(repo / "measures/M-01.yaml", "implements:\n  - recommendation: SRC-01\n    extent: full\n", "")
    github = nap("diff", "HEAD", "--format", "github", root=repo).stdout
    assert github.startswith("::error file=measures/M-01.yaml,line=")
    assert "title=SRC-01 newly uncovered::SRC-01 was covered (by M-01)" in github


def test_a_plan_file_that_no_longer_parses_is_a_change_not_silence(repo):
    edit(repo / "plan/agencies.yaml", "kind: ngo", "kind: ngo: bad")
    text, _markdown, data = diff_all(repo)
    change = data["other"]["changed"][0]["changes"][0]
    assert change["field"] == "(file)" and change["after"].startswith("cannot be read")
    assert "plan/agencies.yaml" in text


def test_files_napkit_does_not_read_are_still_named(repo):
    (repo / "plan/templates").mkdir()
    (repo / "plan/templates/cover.txt").write_text("Cover text\n")
    (repo / "site/en/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    text, _markdown, data = diff_all(repo)
    assert "plan/templates/cover.txt" in data["summary"]["files"] and "plan/templates/cover.txt" in text
    assert [p["id"] for p in data["pages"]["added"]] == ["site/en/logo.png"]
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "files")
    (repo / "site/en/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00other")
    data = diff_all(repo)[2]
    assert changed(data, "pages", "site/en/logo.png") == {"(binary file changed)": ("—", "—")}


def test_a_reported_indicator_value_and_its_source(repo):
    edit(repo / "plan/progress/2027/M-01.yaml", "value: 31", "value: 29")
    edit(repo / "plan/progress/2027/M-01.yaml", "en: Police annual report 2027", "en: Police annual report 2027 (revised)")
    data = diff_all(repo)[2]
    assert changed(data, "progress", "2027/M-01")["IND-CASES 2027"] == ("31", "29")
    other = data["other"]["changed"][0]["changes"]
    assert other[0]["field"] == "indicators[IND-CASES].source.en" and other[0]["after"].endswith("(revised)")


def test_a_measure_or_catalog_that_no_longer_parses_is_changed_not_removed(repo):
    edit(repo / "measures/M-02.yaml", "title: {nb: Bistand til ofre, en: Assistance to victims}",
         "title: Bistand: til ofre")
    edit(repo / REC, "  - id: SRC-03\n", "  - id: SRC-03\n\t")
    text, markdown, data = diff_all(repo)
    assert not data["measures"]["removed"] and not data["recommendations"]["removed"]
    m02 = data["measures"]["changed"][0]
    assert m02["id"] == "M-02" and m02["errors"] == 1 and m02["changes"][0]["after"].startswith("cannot be read")
    assert m02["changes"][0]["line"] == 3
    catalog = next(i for i in data["other"]["changed"] if i["id"] == REC)
    assert catalog["changes"][0]["field"] == "(file)"
    assert "M-02 Bistand til ofre — has 1 error(s)" in text and "#### Measures" in markdown
