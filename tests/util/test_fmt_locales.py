"""util/fmt.py: a plan language Babel has no locale for (Kven `fkv`, Romani `rom`) is formatted like
its nearest known language or English, and a build says so once instead of exiting 3."""

from __future__ import annotations

import datetime as dt

from plan_testing import nap
from napkit.util import fmt


def test_unknown_languages_fall_back():
    assert fmt.locale_of("fkv") == "fi"
    assert fmt.locale_of("rom") == fmt.FALLBACK
    assert fmt.locale_of("nb") == "nb_NO"
    assert fmt.unknown_locales(("nb", "fkv", "rom", "en")) == {"fkv": "fi", "rom": fmt.FALLBACK}
    assert fmt.number(1234567, "rom") == "1,234,567"
    assert fmt.money(1500, "fkv", "NOK").startswith("NOK")
    assert fmt.date(dt.date(2027, 6, 30), "rom") == "30 June 2027"
    assert fmt.short_date(dt.date(2027, 6, 30), "fkv")


def _with_language(plan_dir, lang):
    for path in plan_dir.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("languages: [nb, en]", f"languages: [nb, {lang}]").replace(" en:", f" {lang}:")
                        .replace("{en:", f"{{{lang}:"), encoding="utf-8")


def test_build_docs_in_kven_warns_once(valid_plan):
    _with_language(valid_plan, "fkv")
    assert nap("check", root=valid_plan).exit_code in (0, 1)
    result = nap("-q", "build", "docs", root=valid_plan)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line.lower()]
    assert warnings == ["nap: warning: numbers and dates in 'fkv' are written as in 'fi' (Babel has no locale "
                        "for 'fkv')"]
    assert (valid_plan / "build" / "example-plan-fkv.pdf").is_file()


def test_build_site_in_romani(valid_plan):
    _with_language(valid_plan, "rom")
    result = nap("-q", "build", "site", root=valid_plan)
    assert result.exit_code == 0, result.output
    assert (valid_plan / "build" / "site" / "rom" / "index.html").is_file()
