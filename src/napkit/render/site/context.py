"""What every page builder needs: the model and analysis, the language, where each page lives
(`Routes`), and the words, numbers and links in that language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...analyse import Analysis
from ...locale import gettext, ngettext, pgettext
from ...model import PlanModel, Text
from ...util import fmt
from ..i18n import has_term, term
from . import labels
from .escape import Safe, esc, prose
from .html import link
from .tree import relative_url, url_of

RESERVED_NAMES = ("index", "readme")

# Plan texts shown in another language than their page's, {(page language, shown language, text)}:
# `nap build` prints them (a missing translation is visible, not silent).
FALLBACKS: dict[tuple[str, str, str], None] = {}


def page_name(ident: str) -> str:
    """The file name (without .md) of an object's page: its id, which the schema keeps URL-safe."""
    return f"{ident}-page" if ident.lower() in RESERVED_NAMES else ident


def case_safe(ident: str) -> str:
    """A page name that ids differing only in case never share (file systems and servers that
    ignore case would serve one for the other): the id as it is when it has no lower-case letter,
    else the id, '~' and the lower-case letters' positions as a hexadecimal bit mask ('OSCE23-R01'
    stays, 'M-01a' → 'M-01a~8'). Ids cannot contain '~', and the mask tells apart any two spellings
    of the same letters."""
    name = page_name(ident)
    mask = 0
    letters = [c for c in ident if c.isalpha()]
    for i, c in enumerate(letters):
        if c.islower():
            mask |= 1 << i
    return f"{name}~{mask:x}" if mask else name


@dataclass(frozen=True, slots=True)
class Download:
    """A plan document offered on the site, already copied to `url` (a site URL)."""

    lang: str
    fmt: str  # pdf | docx
    url: str
    size: int


class Routes:
    """Where each page of one language lives: `path` inside the language's tree, `url` in the site."""

    def __init__(self, lang: str, prefix: str):
        self.lang = lang
        self.prefix = prefix

    def path(self, kind: str, ident: str | None = None) -> str:
        s = lambda k: labels.slug(k, self.lang)  # noqa: E731
        if kind == "home":
            return "index.md"
        if kind == "objective":
            return f"{s('objectives')}/{page_name(ident)}/index.md"
        if kind == "measures":
            return f"{s('measures')}/index.md"
        if kind == "measure":
            return f"{s('measures')}/{page_name(ident)}.md"
        if kind == "agencies":
            return f"{s('agencies')}/index.md"
        if kind == "agency":
            return f"{s('agencies')}/{page_name(ident)}.md"
        if kind == "sources":
            return f"{s('recommendations')}/index.md"
        if kind == "source":  # a folder: its recommendations' pages sit under it
            return f"{s('recommendations')}/{case_safe(ident)}/index.md"
        if kind == "recommendation":  # ident is "<source>/<recommendation>"
            source, rec = ident.split("/", 1)
            return f"{s('recommendations')}/{case_safe(source)}/{case_safe(rec)}.md"
        if kind == "indicators":
            return f"{s('indicators')}/index.md"
        if kind == "indicator":
            return f"{s('indicators')}/{case_safe(ident)}.md"
        if kind == "accessibility":
            return f"{s('accessibility')}.md"
        if kind in ("coverage", "budget", "timeline", "downloads", "versions", "consultation"):
            return f"{s(kind)}.md"
        if kind == "progress_index":
            return f"{s('progress')}/index.md"
        if kind == "progress":
            return f"{s('progress')}/{page_name(ident)}.md"
        raise KeyError(kind)

    def url(self, kind: str, ident: str | None = None, anchor: str | None = None) -> str:
        """Site URL (from the site root) of a page, optionally with an anchor."""
        u = self.prefix + url_of(self.path(kind, ident))
        return f"{u}#{anchor}" if anchor else u


def anchor_of(ident: str) -> str:
    """The id of a recommendation's section on its source page (HTML ids are case-sensitive;
    these are lower case, like every other heading id MkDocs makes)."""
    return ident.lower()


@dataclass
class Ctx:
    model: PlanModel
    analysis: Analysis
    lang: str
    routes: Routes
    all_routes: dict[str, Routes]
    downloads: list[Download] = field(default_factory=list)
    page_url: str = ""  # site URL of the page being built: links are made relative to it
    open_data: list[tuple[str, int]] = field(default_factory=list)  # (file under data/, size)
    # the superseded versions' documents: (version, Download), newest version first
    archived: list[tuple[str, Download]] = field(default_factory=list)
    consultation_docs: list[Download] = field(default_factory=list)  # the consultation report

    # -- words ---------------------------------------------------------------------------------
    @property
    def langs(self) -> tuple[str, ...]:
        return self.model.languages

    @property
    def currency(self) -> str:
        return self.model.plan.currency

    def _(self, msgid: str, **values: object) -> str:
        """An interface text (msgid = its English) in the page's language, from the catalogs."""
        return gettext(msgid, self.lang, **values)

    def pgettext(self, context: str, msgid: str, **values: object) -> str:
        return pgettext(context, msgid, self.lang, **values)

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> str:
        return ngettext(singular, plural, n, self.lang, **values)

    def theme(self, value: str | None) -> str:
        """A recommendation theme: its id with spaces, translated by the plan's catalog (plan vocabulary)."""
        return self._(value.replace("-", " ")) if value else ""

    def term(self, group: str, value: str) -> str:
        """The word for a value of one of the plan's vocabularies (status, pillar, …)."""
        return term(group, value, self.lang)

    def t(self, key: str, **values: object) -> str:
        """Compatibility: a word by its old key (labels.t); new code asks `_` with the English text."""
        return labels.t(key, self.lang, **values)

    def text(self, text: Text | None) -> str:
        if not text:
            return ""
        used = self.lang_of(text)
        value = text.get(self.lang, self.langs)
        if used is not None:  # a missing translation: the build says so (render.site.FALLBACKS)
            FALLBACKS.setdefault((self.lang, used, value), None)
        return value

    def lang_of(self, text: Text | None) -> str | None:
        """The language `text` is shown in when it is not the page's (a missing translation), else None."""
        if not text or text.plain is not None or text.has(self.lang):
            return None
        d = dict(text.by_lang)
        return next((lang for lang in (*self.langs, *d) if lang in d), None)

    def esc(self, text: Text | str | None) -> Safe:
        if isinstance(text, Text):
            used = self.lang_of(text)
            value = esc(self.text(text))
            return Safe('<span lang="{}">{}</span>').format(used, value) if used else value
        return esc(text or "")

    def prose(self, text: Text | None) -> Safe:
        used = self.lang_of(text)
        body = prose(self.text(text))
        return Safe('<div lang="{}">{}</div>').format(used, body) if used and body else body

    def money(self, amount: float) -> str:
        return fmt.money(amount, self.lang, self.currency)

    def number(self, value: float) -> str:
        return fmt.number(value, self.lang)

    def plain_number(self, value: float) -> str:
        return fmt.plain_number(value, self.lang)

    def millions(self, amount: float) -> str:
        return fmt.millions(amount, self.lang, self.currency)

    @property
    def currency_symbol(self) -> str:
        return fmt.currency_symbol(self.currency, self.lang)

    def date(self, value: dt.date | None) -> str:
        return fmt.date(value, self.lang) if value else ""

    def short_date(self, value: dt.date | None) -> str:
        return fmt.short_date(value, self.lang) if value else ""

    def period(self, start: dt.date, end: dt.date) -> str:
        return self._("{start} – {end}", start=self.short_date(start), end=self.short_date(end))

    def amounts_in(self) -> str:
        name = self.term("currency_name", self.currency) if has_term("currency_name", self.currency) else self.currency
        return self._("Amounts in {currency}", currency=name)

    # -- names of things ----------------------------------------------------------------------
    def agency_name(self, ident: str) -> str:
        a = self.model.agencies.get(ident)
        return self.text(a.name) if a else ident

    def agency_short(self, ident: str) -> str:
        a = self.model.agencies.get(ident)
        if a is None:
            return ident
        return self.text(a.abbreviation) or self.text(a.name)

    def objective_title(self, ident: str) -> str:
        o = self.model.objectives.get(ident)
        return self.text(o.title) if o else ident

    def measure_title(self, ident: str) -> str:
        m = self.model.measures.get(ident)
        return self.text(m.title) if m else ident

    def source_title(self, ident: str) -> str:
        s = next((s for s in self.model.sources if s.id == ident), None)
        return (self.text(s.short_title) or self.text(s.title)) if s else ident

    def funding_name(self, ident: str) -> str:
        f = next((f for f in self.model.plan.funding_sources if f.id == ident), None)
        return self.text(f.name) if f else ident

    # -- links ---------------------------------------------------------------------------------
    def href(self, site_url: str) -> str:
        return relative_url(self.page_url, site_url)

    def url(self, kind: str, ident: str | None = None, anchor: str | None = None) -> str:
        return self.href(self.routes.url(kind, ident, anchor))

    def link(self, kind: str, ident: str | None, text: object, anchor: str | None = None) -> Safe:
        return link(self.url(kind, ident, anchor), text)

    def measure_link(self, ident: str, *, with_title: bool = False) -> Safe:
        if ident not in self.model.measures:
            return esc(ident)
        text = f"{ident} {self.measure_title(ident)}" if with_title else ident
        return self.link("measure", ident, text)

    def agency_link(self, ident: str, *, short: bool = False) -> Safe:
        if ident not in self.model.agencies:
            return esc(ident)
        return self.link("agency", ident, self.agency_short(ident) if short else self.agency_name(ident))

    def objective_link(self, ident: str, *, with_id: bool = True) -> Safe:
        if ident not in self.model.objectives:
            return esc(ident)
        text = f"{ident} {self.objective_title(ident)}" if with_id else self.objective_title(ident)
        return self.link("objective", ident, text)

    def recommendation_link(self, ident: str, text: object = None) -> Safe:
        rec = self.model.recommendations.get(ident)
        if rec is None:
            return esc(ident)
        return self.link("recommendation", f"{rec.source}/{ident}", ident if text is None else text)

    def indicator_name(self, ident: str) -> str:
        ind = self.model.indicators.get(ident)
        return self.text(ind.name) if ind else ident

    def indicator_link(self, ident: str, text: object = None) -> Safe:
        if ident not in self.model.indicators:
            return esc(text if text is not None else ident)
        return self.link("indicator", ident, self.indicator_name(ident) if text is None else text)
