"""`nap new response` and `nap release`: the files they write pass `nap check`, comments in
plan.yaml survive, and bad input is refused with a plain message and nothing written."""

from __future__ import annotations

import json
import subprocess

from plan_testing import nap

CONSULTATION = """\
# the consultation draft went out in September
versions:
  - {version: "0.1", date: 2026-09-01, status: consultation}  # sent to 40 bodies
consultation:
  opens: 2026-09-01
  closes: 2026-11-30
  how_to_respond: {nb: Send svar til departementet., en: Send responses to the ministry.}
"""


def with_consultation(root, version="0.1"):
    plan = root / "plan" / "plan.yaml"
    plan.write_text(plan.read_text().replace('version: "1.0"', f'version: "{version}"') + CONSULTATION)
    return root


def nap8(root, monkeypatch, day="2026-10-01"):
    monkeypatch.setenv("NAP_TODAY", day)
    r = nap("check", "--format", "json", root=root)
    return sorted(f["code"] for f in json.loads(r.stdout)["findings"] if f["code"].startswith("NAP8"))


def test_new_response_writes_a_file_that_checks_and_awaits_responses(valid_plan, monkeypatch):
    with_consultation(valid_plan)
    r = nap("new", "response", "rosa", "--name", "ROSA", "--kind", "ngo", "--date", "2026-10-20",
            "--point", "M-02", "--summary", "nb=Flere botilbud.", "--summary", "en=More shelters.",
            "--point", "general", "--summary", "nb=Bedre samordning.", "--summary", "en=Better coordination.",
            root=valid_plan)
    assert r.exit_code == 0, r.output
    assert "created plan/consultation/rosa.yaml (2 point(s) awaiting a response)" in r.output
    text = (valid_plan / "plan/consultation/rosa.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/consultation.schema.json\n")
    assert "  - id: P2\n    about: general\n" in text and "en: More shelters." in text
    assert nap8(valid_plan, monkeypatch) == ["NAP801", "NAP801"]  # open: each point still needs its response
    assert nap8(valid_plan, monkeypatch, "2026-12-01") == ["NAP802", "NAP802"]
    assert nap("fmt", "--check", root=valid_plan).exit_code == 0


def test_new_response_refuses_unknown_points_and_kinds(valid_plan):
    with_consultation(valid_plan)
    r = nap("new", "response", "rosa", "--name", "ROSA", "--kind", "charity", "--point", "M-2",
            "--summary", "nb=Tekst", root=valid_plan)
    assert r.exit_code == 2
    assert "kind must be one of ngo" in r.stderr
    assert "'M-2' is no measure, recommendation or objective, nor 'general' (did you mean 'M-02'" in r.stderr
    assert "point 1: a summary in 'en' is needed" in r.stderr or "missing --summary en" in r.stderr
    assert not (valid_plan / "plan/consultation").exists()
    r = nap("new", "response", "../x", "--name", "X", "--kind", "ngo", "--point", "general",
            "--summary", "nb=a", "--summary", "en=b", root=valid_plan)
    assert r.exit_code == 2 and "not a valid respondent id" in r.stderr


def test_new_response_needs_a_consultation(valid_plan):
    r = nap("new", "response", "rosa", "--name", "ROSA", "--kind", "ngo", "--point", "general",
            "--summary", "nb=a", "--summary", "en=b", root=valid_plan)
    assert r.exit_code == 2 and "has no `consultation`" in r.stderr


def test_release_appends_the_version_and_keeps_comments(valid_plan, monkeypatch):
    with_consultation(valid_plan)
    before = (valid_plan / "plan/plan.yaml").read_text()
    r = nap("release", "1.0", "--status", "adopted", "--date", "2026-12-15",
            "--note", "nb=Vedtatt plan", "--note", "en=Adopted plan", root=valid_plan)
    assert r.exit_code == 0, r.output
    assert "recorded version 1.0 (adopted)" in r.output and "git tag v1.0" in r.output
    after = (valid_plan / "plan/plan.yaml").read_text()
    assert "# the consultation draft went out in September\n" in after and "# sent to 40 bodies" in after
    assert 'version: "1.0"\ndate: 2026-12-15\n' in after
    assert after.count("\n") == before.count("\n") + 1  # one line, in the flow style of the one above
    assert '  - {version: "1.0", date: 2026-12-15, status: adopted, note: {nb: Vedtatt plan, en: Adopted plan}}\n' in after
    # the older version has no ref: a warning says so until it is tagged and named
    assert nap8(valid_plan, monkeypatch, "2026-12-20") == ["NAP812"]
    r = nap("release", "1.0", "--status", "adopted", root=valid_plan)
    assert r.exit_code == 2 and "version 1.0 is recorded already" in r.stderr
    r = nap("release", "0.9", "--status", "draft", "--date", "2026-01-01", root=valid_plan)
    assert r.exit_code == 2 and "would be dated before" in r.stderr
    assert (valid_plan / "plan/plan.yaml").read_text() == after


def git(repo, *args):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(repo)}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_release_names_the_previous_versions_tag_when_it_exists(valid_plan, monkeypatch):
    with_consultation(valid_plan)
    git(valid_plan, "init", "-q", "-b", "main")
    git(valid_plan, "add", "-A")
    git(valid_plan, "commit", "-q", "-m", "0.1")
    git(valid_plan, "tag", "v0.1")
    r = nap("release", "1.0", "--status", "adopted", "--date", "2026-12-15", root=valid_plan)
    assert r.exit_code == 0, r.output
    assert "version 0.1 now refers to its tag v0.1" in r.output
    assert "status: consultation, ref: v0.1}" in (valid_plan / "plan/plan.yaml").read_text()
    assert nap8(valid_plan, monkeypatch, "2026-12-20") == []  # the tag resolves (NAP811), the ref is there (NAP812)


def test_release_into_a_plan_without_versions(valid_plan):
    r = nap("release", "1.0", "--status", "adopted", "--date", "2026-11-01", root=valid_plan)
    assert r.exit_code == 0, r.output
    text = (valid_plan / "plan/plan.yaml").read_text()
    assert text.endswith('versions:\n  - version: "1.0"\n    date: 2026-11-01\n    status: adopted\n')
    assert nap("fmt", "--check", root=valid_plan).exit_code == 0
