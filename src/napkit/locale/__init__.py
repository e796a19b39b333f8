"""Interface words in gettext catalogs: `_("Measures", lang)` gives the word in the plan language.

The msgid is the English text (the gettext convention: a translator works from English). napkit's
catalogs are `locale/<lang>/LC_MESSAGES/napkit.po` beside this file; a plan adds or overrides a
language with `plan/locale/<lang>.po` (same msgids), layered over napkit's. Catalogs are compiled
in memory from the `.po` sources with Babel when first asked for: there is no build or install
step to forget, an editable install and a plan's own `.po` behave the same, and reading a catalog
takes milliseconds. A text no catalog translates falls back to English (the msgid) and is counted
(`missing`), so `nap check` and `nap build` can say so.

Extract with `pybabel extract -F babel.cfg -o src/napkit/locale/napkit.pot src/napkit`
(scripts/update_catalogs.py also updates every .po); tests fail when a catalog is stale.
"""

from __future__ import annotations

import gettext as _gettext
import re
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).parent
DOMAIN = "napkit"
SOURCE_LANGUAGE = "en"
CTX_SEP = "\x04"  # how gettext joins a msgctxt and its msgid


def N_(msgid: str) -> str:
    """Marks a text for extraction where it is translated later (vocabulary tables)."""
    return msgid


def NP_(context: str, msgid: str) -> tuple[str, str]:  # noqa: N802 — gettext's naming
    """Like N_ for a text with a msgctxt: (context, msgid) for `pgettext(*pair, lang)`."""
    return context, msgid


@dataclass(frozen=True, slots=True)
class Catalog:
    """One language's compiled messages: {msgid or ctx\\x04msgid: str | (forms…)} and its plural rule."""

    lang: str
    messages: dict
    plural: object  # n -> index of the plural form
    path: Path | None


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


class CatalogError(ValueError):
    """A .po file that cannot be read; `line` is where (0 when unknown)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def compile_po(data: bytes, lang: str, name: str = "") -> Catalog:
    """A .po file compiled in memory (Babel reads it, writes a .mo into a buffer, gettext reads that)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        po = read_po(BytesIO(data), locale=None, domain=DOMAIN, abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        message = re.sub(r" on \d+$", "", str(exc))
        raise CatalogError(message, line + 1 if isinstance(line, int) else 0) from None  # Babel counts from 0
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(f"not a readable .po file ({exc})") from None
    po.fuzzy = False  # a header marked fuzzy would drop Plural-Forms
    buf = BytesIO()
    write_mo(buf, po, use_fuzzy=False)
    buf.seek(0)
    trans = _gettext.GNUTranslations(buf)
    messages = {}
    for key, value in trans._catalog.items():  # noqa: SLF001 — the compiled table is what we need
        if key == "":
            continue
        if isinstance(key, tuple):  # (msgid, form index) for plurals
            msgid, index = key
            forms = list(messages.get(msgid, ()))
            forms.extend([""] * (index + 1 - len(forms)))
            forms[index] = value
            messages[msgid] = tuple(forms)
        elif value:
            messages[key] = value
    return Catalog(lang, messages, trans.plural, Path(name) if name else None)


@lru_cache(maxsize=None)
def _napkit_catalog(lang: str) -> Catalog | None:
    path = HERE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return compile_po(path.read_bytes(), lang, str(path)) if path.is_file() else None


def shipped_languages() -> tuple[str, ...]:
    return tuple(sorted(p.parent.parent.name for p in HERE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


PLAN_LOCALE_DIR = "plan/locale"


def plan_po(lang: str) -> str:
    """Where a plan's own catalog for `lang` goes (a path inside the plan repository)."""
    return f"{PLAN_LOCALE_DIR}/{lang}.po"


# The plan's own catalogs, layered over napkit's; set once per run (`use_plan_catalogs`, from the
# pipeline, which reads plan/locale/*.po out of the tree it checks).
_plan: dict[str, Catalog] = {}


def use_plan_catalogs(found: dict[str, Catalog]) -> None:
    _plan.clear()
    _plan.update(found)


def catalogs(lang: str) -> tuple[Catalog, ...]:
    """The catalogs a lookup goes through, first the plan's, then napkit's."""
    found = [_plan[lang]] if lang in _plan else []
    shipped = _napkit_catalog(lang)
    if shipped is not None:
        found.append(shipped)
    return tuple(found)


# Texts that fell back to English, per language: {(lang, msgid)}; read by `nap build`.
missing: set[tuple[str, str]] = set()


def _lookup(key: str, lang: str):
    for cat in catalogs(lang):
        value = cat.messages.get(key)
        if value:
            return value, cat
    if lang != SOURCE_LANGUAGE:
        missing.add((lang, key.split(CTX_SEP)[-1]))
    return None, None


def _format(text: str, values: dict, msgid: str | None = None) -> str:
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder (NAP422)
        return (msgid or text).format(**values)


def gettext(msgid: str, lang: str, **values: object) -> str:
    """`msgid` (English) in `lang`; `{name}` placeholders are filled from `values`."""
    found, _cat = _lookup(msgid, lang)
    return _format(found if isinstance(found, str) else msgid, values, msgid)


def pgettext(context: str, msgid: str, lang: str, **values: object) -> str:
    """Like gettext, for an English text that needs two translations (msgctxt tells them apart)."""
    found, _cat = _lookup(f"{context}{CTX_SEP}{msgid}", lang)
    return _format(found if isinstance(found, str) else msgid, values, msgid)


def ngettext(singular: str, plural: str, n: int, lang: str, **values: object) -> str:
    """The plural form for `n` in `lang` (gettext's Plural-Forms); `{n}` is available to the text."""
    found, cat = _lookup(singular, lang)
    values = {"n": n, **values}
    if isinstance(found, tuple) and cat is not None:
        index = cat.plural(n)
        if index < len(found) and found[index]:
            return _format(found[index], values, singular if n == 1 else plural)
    return _format(singular if _english_plural(n) == 0 else plural, values)


_ = gettext


def translated(msgid: str, lang: str, context: str | None = None) -> bool:
    """Whether a catalog for `lang` has this text (English always has it)."""
    if lang == SOURCE_LANGUAGE:
        return True
    key = f"{context}{CTX_SEP}{msgid}" if context else msgid
    return any(cat.messages.get(key) for cat in catalogs(lang))


def placeholders(text: str) -> set[str]:
    """The {name} fields of a text."""
    import string

    try:
        return {f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return {"<unbalanced braces>"}


@dataclass(frozen=True, slots=True)
class Template:
    """Every text napkit asks a catalog for: (context, msgid, plural) from the shipped napkit.pot."""

    entries: tuple[tuple[str | None, str, str | None], ...]


@lru_cache(maxsize=1)
def template() -> Template:
    from babel.messages.pofile import read_po

    with (HERE / f"{DOMAIN}.pot").open("rb") as f:
        pot = read_po(f)
    entries = []
    for m in pot:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            entries.append((m.context, m.id[0], m.id[1]))
        else:
            entries.append((m.context, m.id, None))
    return Template(tuple(entries))


def untranslated(lang: str) -> list[str]:
    """The template's texts that fall back to English in `lang` (the plan's catalog included)."""
    if lang == SOURCE_LANGUAGE:
        return []
    cats = catalogs(lang)
    out = []
    for context, msgid, _plural in template().entries:
        key = f"{context}{CTX_SEP}{msgid}" if context else msgid
        if not any(cat.messages.get(key) for cat in cats):
            out.append(msgid)
    return out


def starter_po(lang: str) -> str:
    """A plan catalog for `lang` with every msgid napkit asks for and nothing translated yet, for a
    translator to fill in (plan/locale/<lang>.po); its plural rule is Babel's for the language when
    Babel knows it, else one form for 1 and one for the rest."""
    from babel.messages.catalog import Catalog as BabelCatalog
    from babel.messages.pofile import read_po, write_po

    with (HERE / f"{DOMAIN}.pot").open("rb") as f:
        pot = read_po(f)
    try:
        po = BabelCatalog(locale=lang, domain=DOMAIN)
    except (ValueError, TypeError):  # a language Babel does not know (fkv, rom)
        po = BabelCatalog(domain=DOMAIN)
        po.locale = None
        po._num_plurals, po._plural_expr = 2, "(n != 1)"  # noqa: SLF001 — Babel has no setter for these
    po.project, po.version = "napkit plan", ""
    po.language_team = po.last_translator = ""
    po.fuzzy = False
    po.header_comment = (f"# Interface words of this plan in '{lang}', over napkit's own catalogs.\n"
                         "# msgid is napkit's English text: write the translation in msgstr. An empty msgstr\n"
                         "# is shown in English (nap check counts them: NAP420).")
    for m in pot:
        if m.id:
            po.add(m.id, ("",) * po.num_plurals if isinstance(m.id, tuple) else "", context=m.context,
                   flags=m.flags)
    buf = BytesIO()
    write_po(buf, po, width=100, omit_header=False, no_location=True, sort_output=True)
    text = buf.getvalue().decode("utf-8")
    if "Plural-Forms:" not in text:
        text = text.replace('"Content-Type:', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"Content-Type:', 1)
    # no creation date: the same napkit writes the same starter
    return "\n".join(line for line in text.split("\n") if not line.startswith(('"POT-Creation-Date', '"PO-Revision-Date'))) 
