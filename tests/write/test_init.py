"""`nap init`: a generic plan (any language, any currency) that passes check --strict and fmt."""

from __future__ import annotations

import json

from plan_testing import nap


def test_init_then_check_and_fmt(tmp_path):
    target = tmp_path / "plan"
    result = nap("init", target, "--title", "Plan d'action national", "--languages", "fr,en", "--currency", "EUR",
                 "--start", "2027", "--end", "2030")
    assert result.exit_code == 0, result.output
    # napkit has no French catalog: the starter plan/locale/fr.po is still to be translated, which
    # is the one finding (NAP420, a warning), so --strict fails on it and on nothing else
    check = nap("check", "--strict", "--format", "json", root=target)
    codes = {(f["code"], f["file"]) for f in json.loads(check.stdout)["findings"]}
    assert codes == {("NAP420", "plan/locale/fr.po")}, check.output
    assert (target / "plan" / "locale" / "fr.po").is_file()
    assert nap("fmt", "--check", root=target).exit_code == 0
    assert (target / "schemas" / "measure.schema.json").is_file()
    text = (target / "plan" / "plan.yaml").read_text()
    assert "Norway" not in text and "NOK" not in text


def test_init_refuses_a_non_empty_folder_and_bad_options(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    result = nap("init", tmp_path / "x")
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"
    assert nap("init", tmp_path / "y", "--currency", "euro").exit_code == 2
    assert not (tmp_path / "y").exists()


def test_init_then_build_site_and_documents(tmp_path):
    """A brand-new plan builds as it is: one language and two, any currency."""
    for langs, currency in (("en", "EUR"), ("fr,en", "EUR")):
        target = tmp_path / langs.replace(",", "-")
        assert nap("init", target, "--title", "Action plan", "--languages", langs, "--currency", currency).exit_code == 0
        result = nap("--quiet", "build", root=target)
        assert result.exit_code == 0, result.output
        built = target / "build"
        assert (built / "site" / "index.html").is_file()
        for lang in langs.split(","):
            assert (built / f"action-plan-{lang}.pdf").stat().st_size > 0
            assert (built / f"action-plan-{lang}.docx").stat().st_size > 0
