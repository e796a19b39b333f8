"""The URL slug of each page kind per language, the names MkDocs Material knows each language
by, and a compatibility path for words asked for by key.

Interface words are in the gettext catalogs (`napkit.locale`): pages call `ctx._("English text")`.
`t(key, lang)` still answers keys added to `SITE_LABELS` after the move to the catalogs (and dotted
vocabulary keys such as "status.planned"), and warns once per key so that they get moved too."""

from __future__ import annotations

import warnings

from ..i18n import TERMS, term

# Words not yet in the catalogs, {key: {lang: text}}. Add new words as `_("English")` at the call
# site instead; whatever is here is served by `t()` with a warning (tests/locale lists them).
SITE_LABELS: dict[str, dict[str, str]] = {
}

# The folder (URL segment) of each page kind, per language. The default language's pages sit
# at the site root, every other language under /<lang>/.
SLUGS: dict[str, dict[str, str]] = {
    "nb": {"objectives": "mal", "measures": "tiltak", "agencies": "virksomheter", "recommendations": "anbefalinger",
           "coverage": "dekning", "budget": "budsjett", "timeline": "tidslinje", "downloads": "nedlastinger",
           "progress": "framdrift", "indicators": "indikatorer", "accessibility": "tilgjengelighetserklaering", "versions": "versjoner", "consultation": "horing"},
    "nn": {"objectives": "mal", "measures": "tiltak", "agencies": "verksemder", "recommendations": "tilrådingar",
           "coverage": "dekning", "budget": "budsjett", "timeline": "tidslinje", "downloads": "nedlastingar",
           "progress": "framdrift", "indicators": "indikatorar", "accessibility": "tilgjengeerklaering", "versions": "versjonar", "consultation": "hoyring"},
    "en": {"objectives": "objectives", "measures": "measures", "agencies": "agencies",
           "recommendations": "recommendations", "coverage": "coverage", "budget": "budget", "timeline": "timeline",
           "downloads": "downloads", "progress": "progress", "indicators": "indicators",
           "accessibility": "accessibility-statement", "versions": "versions", "consultation": "consultation"},
}

# How each language calls itself in the language switcher.
LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English", "sv": "Svenska", "da": "Dansk",
                  "de": "Deutsch", "fr": "Français", "fi": "Suomi", "se": "Davvisámegiella"}

# MkDocs Material's own translations (theme.language) and its search stemmers (search.lang).
_MATERIAL_LANGUAGES = {"nb", "nn", "en", "sv", "da", "de", "fr", "fi", "es", "it", "nl", "pl", "pt", "is", "et",
                       "lt", "lv", "uk", "ru", "cs", "sk", "sl", "hr", "hu", "ro", "bg", "el", "tr"}
_SEARCH_LANGUAGES = {"nb": "no", "nn": "no", "no": "no", "en": "en", "sv": "sv", "da": "da", "de": "de", "fr": "fr",
                     "fi": "fi", "es": "es", "it": "it", "nl": "du", "pt": "pt", "ro": "ro", "ru": "ru", "tr": "tr",
                     "hu": "hu"}


_warned: set[str] = set()


def t(key: str, lang: str, **values: object) -> str:
    """Compatibility: a word by key. A key in SITE_LABELS gets its text from there (English when the
    language is missing) and a warning; 'group.value' is a vocabulary term (napkit.render.i18n)."""
    entry = SITE_LABELS.get(key)
    if entry is not None:
        if key not in _warned:
            _warned.add(key)
            warnings.warn(f"site label '{key}' is not in the gettext catalogs yet: call _(English text)",
                          DeprecationWarning, stacklevel=2)
        text = entry.get(lang) or entry["en"]
        return text.format(**values) if values else text
    group, _sep, value = key.partition(".")
    if value in TERMS.get(group, {}):
        return term(group, value, lang)
    raise KeyError(f"no site label '{key}' (interface words are gettext msgids now: _(\"…\"))")


def language_in(code: str, lang: str) -> str:
    """The name of language `code` written in `lang`: the catalog's, else Babel's, else the code."""
    if code in TERMS["lang"]:
        return term("lang", code, lang)
    from babel import Locale

    from ...util.fmt import locale_of

    try:
        name = Locale.parse(locale_of(lang)).languages.get(code)
    except (ValueError, TypeError):
        name = None
    return name or code


def slug(kind: str, lang: str) -> str:
    return SLUGS.get(lang, SLUGS["en"])[kind]


def material_language(lang: str) -> str:
    return lang if lang in _MATERIAL_LANGUAGES else "en"


def search_language(lang: str) -> str:
    return _SEARCH_LANGUAGES.get(lang, "en")


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)
