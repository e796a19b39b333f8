"""The plan as one pandoc document per language, built from the typed model and its analysis.

The same document feeds every format (DOCX through the reference document, PDF through the Typst
template): cover and table of contents come from the metadata and the templates, chapters are
level-1 headings (each starts a new page), measures level-2 headings with an id (`m-01`) that the
annexes link to."""

from __future__ import annotations

from ...analyse import Analysis
from ...model import Measure, PlanModel, Recommendation
from ...util import fmt
from ...locale import _, gettext, pgettext
from ..i18n import term
from . import ast as A


class _Words:
    """Localised access to the model for one language."""

    def __init__(self, model: PlanModel, lang: str):
        self.model, self.lang = model, lang
        self.langs = model.languages

    def _(self, msgid: str, **values: object) -> str:
        return gettext(msgid, self.lang, **values)

    def pgettext(self, context: str, msgid: str, **values: object) -> str:
        return pgettext(context, msgid, self.lang, **values)

    def term(self, group: str, value: str) -> str:
        return term(group, value, self.lang)

    def t(self, text) -> str:
        return text.get(self.lang, self.langs) if text else ""

    def money(self, amount: float) -> str:
        return fmt.money(amount, self.lang, self.model.plan.currency)

    def number(self, value: float) -> str:
        return fmt.number(value, self.lang)

    def date(self, d) -> str:
        return fmt.date(d, self.lang)

    def agency(self, ident: str, *, short: bool = False) -> str:
        a = self.model.agencies.get(ident)
        if a is None:
            return ident
        name, abbr = self.t(a.name), self.t(a.abbreviation)
        if short and abbr:
            return abbr
        return f"{name} ({abbr})" if abbr and abbr != name else name

    def funding(self, ident: str) -> str:
        for f in self.model.plan.funding_sources:
            if f.id == ident:
                return self.t(f.name)
        return ident

    def source_language(self, ident: str) -> str:
        """The language a source is written in (its quotes are in it)."""
        return next((s.language for s in self.model.sources if s.id == ident), self.lang)

    def source_name(self, ident: str) -> str:
        for s in self.model.sources:
            if s.id == ident:
                return self.t(s.short_title) or self.t(s.title) or ident
        return ident


def measure_anchor(measure_id: str) -> str:
    return "m-" + measure_id.lower().removeprefix("m-")


def objective_anchor(objective_id: str) -> str:
    return "o-" + objective_id.lower()


def _lines(items: list[str]) -> list:
    """Several lines in one table cell."""
    out: list = []
    for i, item in enumerate(items):
        if i:
            out.append({"t": "LineBreak"})
        out += A.text(item)
    return [A.plain(out)] if out else [A.plain("–")]


def compose(model: PlanModel, analysis: Analysis, lang: str) -> dict:
    w = _Words(model, lang)
    plan = model.plan
    blocks: list = []
    blocks += _introduction(model, analysis, w)
    for objective in plan.objectives:
        blocks += _objective_chapter(model, analysis, w, objective)
    annexes = [
        (w._("Coverage of the recommendations"), "annex-coverage", _coverage_annex),
        (w._("Budget"), "annex-budget", _budget_annex),
        (w._("Agencies and abbreviations"), "annex-agencies", _agencies_annex),
        (w._("The recommendations and their sources"), "annex-catalogs", _catalogs_annex),
    ]
    for n, (title, ident, make) in enumerate(annexes, start=1):
        blocks.append(A.header(1, w._("Annex") + f" {n}: {title}", ident, classes=["annex"]))
        blocks += make(model, analysis, w)
    dated = " · ".join(x for x in (w._("Version") + f" {plan.version}" if plan.version else "",
                                   w.date(plan.date) if plan.date else "") if x)
    return A.document(document_meta(model, w, lang, title=w.t(plan.title), subtitle=w.t(plan.subtitle),
                                    date=dated, description=w.t(plan.subtitle)), blocks)


def document_meta(model: PlanModel, w: _Words, lang: str, *, title: str, subtitle: str, date: str,
                  period: str | None = None, description: str | None = None) -> dict:
    """The metadata every napkit document carries (cover, running header, DOCX core properties);
    `period` defaults to the plan's years."""
    plan = model.plan
    meta = {
        "title": title,
        "subtitle": subtitle,
        "author": w.agency(plan.responsible) if plan.responsible else "",
        "date": date,
        "lang": {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}.get(lang, lang),
        "toc-title": w._("Contents"),
        "country": w.t(plan.country),
        "period": period or f"{plan.start_year}–{plan.end_year}",
        "page-label": w._("Page"),
    }
    if description is not None:
        meta["description"] = description  # DOCX: core properties
    return meta


# -- introduction --------------------------------------------------------------------------------

def _introduction(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    plan = model.plan
    blocks = [A.header(1, w._("Introduction"), "introduction")]
    blocks += A.paragraphs(w.t(plan.introduction))
    cov, budget = analysis.coverage, analysis.budget
    involved = {a for m in model.measures.values() for a in m.agencies}
    rows = [
        [w._("Objectives"), str(len(plan.objectives))],
        [w._("Measures"), str(len(model.measures))],
        [w._('Recommendations answered'), f"{cov.answered} / {cov.to_answer} ({fmt.number(cov.percent, w.lang, 1)} %)"],
        [w._("Total budget"), w.money(budget.total)],
        *[[w._("Budget") + f" {y}", w.money(budget.by_year.get(y, 0))] for y in budget.years],
        [w._("Agencies with a lead or partner role"), str(len(involved))],
    ]
    blocks.append(A.header(2, w._("The plan in figures"), "key-figures"))
    # every column has a heading: a reader of the tagged PDF hears what a value is
    blocks.append(A.table([w._("The plan in figures"), w._("Figure")], rows, widths=[0.6, 0.4], numeric=[1]))
    return blocks


# -- objectives and measures ---------------------------------------------------------------------

def _objective_chapter(model: PlanModel, analysis: Analysis, w: _Words, objective) -> list:
    measures = model.measures_of(objective.id)
    blocks = [A.header(1, f"{objective.id} {w.t(objective.title)}", objective_anchor(objective.id))]
    blocks += A.paragraphs(w.t(objective.description))
    if measures:
        blocks.append(A.table(
            [w._("Measure"), w._("Lead"), w._("Period"), w._("Budget")],
            [[A.plain([A.link(m.id, "#" + measure_anchor(m.id)), {"t": "Space"}, *A.text(w.t(m.title))]),
              w.agency(m.lead, short=True), f"{m.timeline.start.year}–{m.timeline.end.year}", w.money(m.total_budget)]
             for m in measures],
            widths=[0.52, 0.14, 0.14, 0.2], numeric=[3], caption=w.pgettext("document", "Measures under this objective")))
    for m in measures:
        blocks += _measure(model, w, m)
    return blocks


def _measure(model: PlanModel, w: _Words, m: Measure) -> list:
    blocks = [A.header(2, f"{m.id} {w.t(m.title)}", measure_anchor(m.id))]
    blocks += A.paragraphs(w.t(m.description))
    partners = [f"{w.agency(p.agency)}" + (f" – {w.t(p.role)}" if p.role else "") for p in m.partners]
    milestones = [f"{w.date(ms.due)}: {w.t(ms.deliverable)}" for ms in m.timeline.milestones]
    budget = [f"{line.year}: {w.money(line.amount)} ({w.funding(line.source)}, "
              + (w._("New money") if line.new_money else w._("Within existing budgets")).lower() + ")" for line in m.budget]
    if m.budget:
        budget.append(w._("Total") + f": {w.money(m.total_budget)}")
    indicators = []
    for mi in m.indicators:
        ind = model.indicators.get(mi.indicator)
        name = w.t(ind.name) if ind else mi.indicator
        parts = []
        if mi.baseline:
            src = w.t(mi.baseline.source)
            parts.append(w._("Baseline") + f" {fmt.plain_number(mi.baseline.value, w.lang)} ({mi.baseline.year}"
                         + (f", {src}" if src else "") + ")")
        parts.append(w._("Target") + f" {fmt.plain_number(mi.target.value, w.lang)} ({mi.target.year})")
        indicators.append(f"{name}: " + " → ".join(parts))
    recs = []
    for imp in m.implements:
        rec = model.recommendations.get(imp.recommendation)
        where = f"{w.source_name(rec.source)} {rec.reference}".strip() if rec else ""
        recs.append(f"{imp.recommendation} ({where}) – {w.term('extent', imp.extent).lower()}" if where
                    else f"{imp.recommendation} – {w.term('extent', imp.extent).lower()}")
    rows = [
        [w._("Lead"), _lines([w.agency(m.lead)])],
        [w._("Partners"), _lines(partners)],
        [w._('Period'), _lines([f"{w.date(m.timeline.start)} – {w.date(m.timeline.end)}"])],
        [w._("Milestones"), _lines(milestones)],
        [w._("Budget"), _lines(budget)],
        [w._("Indicators"), _lines(indicators)],
        [w._("Recommendations this measure answers"), _lines(recs)],
        [w._("Status"), _lines([w.term("status", m.status)])],
    ]
    blocks.append(A.table([w._("Measure"), m.id], rows, widths=[0.24, 0.76]))
    return blocks


# -- annexes -------------------------------------------------------------------------------------

def _measure_links(ids: tuple[str, ...], extents: dict[str, str], w: _Words) -> list:
    if not ids:
        return [A.plain("–")]
    out: list = []
    for i, mid in enumerate(ids):
        if i:
            out.append({"t": "Str", "c": ","})
            out.append({"t": "Space"})
        out.append(A.link(mid, "#" + measure_anchor(mid)))
        if extents.get(mid) == "partial":
            out += [{"t": "Space"}, *A.text("(" + w._("Partial").lower() + ")")]
    return [A.plain(out)]


def _coverage_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    cov = analysis.coverage
    blocks = [A.para(w._("Recommendations answered") + f": {cov.answered} / {cov.to_answer} "
                     f"({fmt.number(cov.percent, w.lang, 1)} %).")]
    for source in model.sources:
        blocks.append(A.header(2, w.t(source.title) or source.id, f"coverage-{source.id.lower()}"))
        rows = []
        for rec in model.recommendations_of(source.id):
            rc = cov.by_recommendation[rec.id]
            extents = {a.measure: a.extent for a in rc.answers}
            rows.append([rec.id, rec.reference, w.term("response", rec.response.status),
                         w.term("coverage", rc.status), _measure_links(rc.measures, extents, w)])
        blocks.append(A.table([w._("Recommendation"), w._("Reference"), w._("Government response"), w._("Status"), w._("Answered by")],
                              rows, widths=[0.16, 0.2, 0.17, 0.15, 0.32]))
    return blocks


def _year_table(w: _Words, names: list[tuple[str, dict[int, float]]], years: tuple[int, ...],
                first: str, caption: str) -> dict:
    # the currency goes in the caption, not in every cell: six columns of "NOK 133,500,000" do
    # not fit across an A4 page
    rows = [[name, *(w.number(row.get(y, 0)) for y in years), w.number(sum(row.values()))] for name, row in names]
    totals = {y: sum(row.get(y, 0) for _, row in names) for y in years}
    foot = [w._("Total"), *(w.number(totals[y]) for y in years), w.number(sum(totals.values()))]
    caption = f"{caption} (" + w._("amounts in") + f" {w.model.plan.currency})"
    n = len(years) + 1
    first_width = 0.3 if n <= 5 else 0.22
    widths = [first_width, *([(1 - first_width) / n] * n)]
    return A.table([first, *(str(y) for y in years), w._("Total")], rows, widths=widths,
                   numeric=range(1, n + 1), foot=foot, caption=caption)


def _budget_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    b = analysis.budget
    blocks = A.paragraphs(w.t(model.plan.budget_note))
    objectives = [(f"{o.id} {w.t(o.title)}", b.by_objective.get(o.id, {})) for o in model.plan.objectives]
    blocks.append(A.header(2, w._("Budget by objective and year"), "budget-by-objective"))
    blocks.append(_year_table(w, objectives, b.years, w._("Objective"), w._("Budget by objective and year")))
    blocks.append(A.header(2, w._("Budget by lead agency and year"), "budget-by-agency"))
    blocks.append(_year_table(w, [(w.agency(a, short=True), row) for a, row in b.by_agency.items()], b.years,
                              w._("Lead"), w._("Budget by lead agency and year")))
    blocks.append(A.header(2, w._("Budget by funding source and year"), "budget-by-source"))
    blocks.append(_year_table(w, [(w.funding(s), row) for s, row in b.by_source.items() if sum(row.values())],
                              b.years, w._("Funding source"), w._("Budget by funding source and year")))
    blocks.append(A.header(2, w._("New money and existing budgets"), "budget-new-existing"))
    blocks.append(_year_table(w, [(w._("New money"), b.new_money), (w._("Within existing budgets"), b.existing_money)],
                              b.years, w._("Budget"), w._("New money and existing budgets")))
    return blocks


def _agencies_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    leads: dict[str, int] = {}
    partners: dict[str, int] = {}
    for m in model.measures.values():
        leads[m.lead] = leads.get(m.lead, 0) + 1
        for p in m.partners:
            partners[p.agency] = partners.get(p.agency, 0) + 1
    rows = []
    # ids are the plan's internal keys; a reader looks an agency up by its abbreviation or name
    for a in sorted(model.agencies.values(), key=lambda a: (w.t(a.abbreviation) or w.t(a.name)).casefold()):
        rows.append([w.t(a.abbreviation) or "–", w.t(a.name), w.term("kind", a.kind),
                     str(leads.get(a.id, 0)), str(partners.get(a.id, 0))])
    return [A.table([w._("Abbreviation"), w._("Agency"), w._("Kind"), w._("Leads"), w._("Partner in")], rows,
                    widths=[0.15, 0.4, 0.17, 0.13, 0.15], numeric=[3, 4])]


def _catalogs_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    blocks: list = []
    for source in model.sources:
        blocks.append(A.header(2, w.t(source.title) or source.id, f"catalog-{source.id.lower()}"))
        facts = [[w._("Author"), w.t(source.author)]]
        if source.date:
            facts.append([w._("Published"), w.date(source.date)])
        url = A.safe_url(source.url)
        if url:
            facts.append([w._("Web address"), A.plain([A.link(url, url)])])
        elif source.url:
            facts.append([w._("Web address"), source.url])
        blocks.append(A.table([w._("Source"), source.id], facts, widths=[0.24, 0.76]))
        blocks.append(A.table([w._("Recommendation"), w._("Description"), w._("Government response")],
                              [_catalog_row(rec, w) for rec in model.recommendations_of(source.id)],
                              widths=[0.18, 0.52, 0.3]))
    return blocks


def _catalog_row(rec: Recommendation, w: _Words) -> list:
    first = [rec.id] + ([rec.reference] if rec.reference else [])
    summary = [A.plain(A.text(w.t(rec.summary)))]
    if rec.quote:
        opening, closing = ("«", "»") if w.lang in ("nb", "nn") else ("“", "”")
        quote_lang = w.source_language(rec.source)
        if quote_lang == w.lang:
            summary.append(A.plain([A.emph(f"{opening}{rec.quote}{closing}")]))
        else:  # marked, so that a screen reader and the hyphenation use the quote's language
            summary.append(A.plain([A.emph([*A.text(opening), A.span(rec.quote, quote_lang), *A.text(closing)])]))
    response = [w.term("response", rec.response.status)]
    if rec.response.justification:
        response.append(w.t(rec.response.justification))
    return [_lines(first), summary, _lines(response)]


# -- the implementation report of a period ---------------------------------------------------------

def compose_report(model: PlanModel, report, lang: str) -> dict:
    """The implementation report (render.progress_report.Report) as a document of its own."""
    from ..progress_report import Ref

    w = _Words(model, lang)

    def cell(c):
        if isinstance(c, Ref):
            return c.text
        return c

    blocks: list = []
    blocks.append(A.header(1, report.title, "report"))
    if report.example:
        blocks.append(A.para([A.strong(_("Example data: the progress shown here is example data for demonstration and does not describe real implementation.", lang))]))
    blocks.append(A.table([_("Summary", lang), w._("Figure")],
                          [[label_, value] for value, label_ in report.figures],
                          widths=[0.7, 0.3], numeric=[1]))
    for section in report.sections:
        blocks.append(A.header(2, section.title, f"report-{section.key}"))
        blocks.append(A.table(list(section.head), [[cell(c) for c in row] for row in section.rows],
                              widths=list(section.widths) or None, numeric=section.numeric,
                              foot=[cell(c) for c in section.foot] if section.foot else None))
    plan = model.plan
    # the report is as of its latest entry (the plan's own date is from before the period began)
    reported = [e.date for e in model.progress if e.period == report.period and e.date]
    dated = max(reported) if reported else plan.date
    return A.document(document_meta(model, w, lang, title=report.title, subtitle=w.t(plan.title),
                                    date=w.date(dated) if dated else "", period=report.period), blocks)

