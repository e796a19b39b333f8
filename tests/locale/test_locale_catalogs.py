"""napkit's gettext catalogs: extracted from the code with pybabel (stale catalogs fail), complete for
nb, nn and en, Nynorsk written as Nynorsk, plurals and a plan's own catalog layered over napkit's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from napkit import locale
from napkit.locale import _, ngettext, pgettext
from plan_testing import REPO


def test_catalogs_hold_exactly_what_the_code_asks_for():
    """pybabel extract into a temporary .pot, compared with napkit.pot and every .po (msgids and contexts)."""
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "update_catalogs.py"), "--check"],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pybabel_finds_the_site_words_the_pages_use():
    msgids = {m for _c, m, _p in locale.template().entries}
    for text in ("Home", "Objectives and measures", "Downloads", "Facts about the measure", "Annex",
                 "Grey cells are locked and not read back. Fill in the white cells.", "Implementation report {period}"):
        assert text in msgids


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_shipped_languages_are_complete(lang):
    assert lang in locale.shipped_languages()
    assert locale.untranslated(lang) == []


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_translations_keep_the_placeholders(lang):
    for context, msgid, _plural in locale.template().entries:
        translated = pgettext(context, msgid, lang) if context else _(msgid, lang)
        assert locale.placeholders(translated) == locale.placeholders(msgid), (lang, msgid, translated)


def test_nynorsk_is_nynorsk_not_bokmaal_with_another_name():
    words = {"Agencies": "Verksemder", "Recommendations": "Tilrådingar", "Lead": "Ansvarleg",
             "Partners": "Samarbeidspartnarar", "Implementation": "Gjennomføring", "Progress": "Framdrift",
             "Budget": "Budsjett", "Objectives": "Mål", "Measures": "Tiltak", "Introduction": "Innleiing",
             "Contents": "Innhald", "Source": "Kjelde", "Read more": "Les meir", "Not reported yet": "Ikkje rapportert enno"}
    for en, nn in words.items():
        assert _(en, "nn") == nn, en
    differ = sum(_(m, "nn") != _(m, "nb") for c, m, _p in locale.template().entries if not c)
    assert differ > 0.6 * len(locale.template().entries)  # most texts differ from bokmål


def test_a_msgctxt_tells_two_translations_of_one_english_text_apart():
    assert _("Measures", "nb") == "Tiltak"
    assert pgettext("number of", "Measures", "nb") == "Antall tiltak"
    assert pgettext("number of", "Measures", "en") == "Measures"


PLAN_PO = '''msgid ""
msgstr ""
"Language: pl\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgid "Measures"
msgstr "Działania"

msgid "{n} measure"
msgid_plural "{n} measures"
msgstr[0] "{n} działanie"
msgstr[1] "{n} działania"
msgstr[2] "{n} działań"

msgid "Budget {year} ({currency})"
msgstr "Budżet {rok}"
'''


@pytest.fixture
def polish():
    locale.use_plan_catalogs({"pl": locale.compile_po(PLAN_PO.encode(), "pl", "plan/locale/pl.po")})
    yield
    locale.use_plan_catalogs({})


def test_a_plan_catalog_adds_a_language_with_its_plural_rule(polish):
    assert _("Measures", "pl") == "Działania"
    assert [ngettext("{n} measure", "{n} measures", n, "pl") for n in (1, 3, 5, 22)] == [
        "1 działanie", "3 działania", "5 działań", "22 działania"]
    assert ngettext("{n} measure", "{n} measures", 2, "en") == "2 measures"
    assert _("Home", "pl") == "Home"  # not in the plan's catalog: English
    assert "Home" in locale.untranslated("pl")


def test_a_wrong_placeholder_falls_back_to_the_english_text_and_is_a_finding(polish):
    from napkit.validate.locale_rules import check_locales

    assert _("Budget {year} ({currency})", "pl", year=2027, currency="PLN") == "Budget 2027 (PLN)"
    codes = [(f.code, str(f.pos)) for f in check_locales(("pl",), {"pl": locale.catalogs("pl")[0]})]
    assert ("NAP422", "plan/locale/pl.po") in codes and ("NAP420", "plan/locale/pl.po") in codes


def test_a_plan_catalog_overrides_napkits_words():
    locale.use_plan_catalogs({"nb": locale.compile_po(b'msgid "Measures"\nmsgstr "Innsatser"\n', "nb")})
    try:
        assert _("Measures", "nb") == "Innsatser"
        assert _("Budget", "nb") == "Budsjett"  # the rest from napkit's catalog
    finally:
        locale.use_plan_catalogs({})


def test_a_broken_catalog_says_where():
    with pytest.raises(locale.CatalogError):
        locale.compile_po(b'msgid "Measures"\nmsgstr "x\n\nmsgid\n', "nb")


@pytest.mark.parametrize("lang", ["sv", "fkv"])
def test_starter_catalog_has_every_msgid_and_compiles(lang):
    text = locale.starter_po(lang)
    cat = locale.compile_po(text.encode(), lang)
    assert cat.messages == {}  # nothing translated yet
    assert text.count("\nmsgid ") >= len(locale.template().entries)
    assert "Plural-Forms:" in text and f"Language: {lang}" in text
    assert locale.starter_po(lang) == text  # no dates: the same every time
