"""The plan as one pandoc document per language, built from the typed model and its analysis.

The same document feeds every format (DOCX through the reference document, PDF through the Typst
template): cover and table of contents come from the metadata and the templates, chapters are
level-1 headings (each starts a new page), measures level-2 headings with an id (`m-01`) that the
annexes link to."""

from __future__ import annotations

from ...analyse import Analysis
from ...model import Measure, PlanModel, Recommendation
from ...util import fmt
from ..i18n import label
from . import ast as A


class _Words:
    """Localised access to the model for one language."""

    def __init__(self, model: PlanModel, lang: str):
        self.model, self.lang = model, lang
        self.langs = model.languages

    def __call__(self, key: str) -> str:
        return label(key, self.lang)

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
        (w("annex_coverage"), "annex-coverage", _coverage_annex),
        (w("annex_budget"), "annex-budget", _budget_annex),
        (w("annex_agencies"), "annex-agencies", _agencies_annex),
        (w("annex_catalogs"), "annex-catalogs", _catalogs_annex),
    ]
    for n, (title, ident, make) in enumerate(annexes, start=1):
        blocks.append(A.header(1, f"{w('annex')} {n}: {title}", ident, classes=["annex"]))
        blocks += make(model, analysis, w)
    responsible = w.agency(plan.responsible) if plan.responsible else ""
    dated = " · ".join(x for x in (f"{w('version')} {plan.version}" if plan.version else "",
                                   w.date(plan.date) if plan.date else "") if x)
    meta = {
        "title": w.t(plan.title),
        "subtitle": w.t(plan.subtitle),
        "author": responsible,
        "date": dated,
        "lang": {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}.get(lang, lang),
        "toc-title": w("contents"),
        "country": w.t(plan.country),
        "period": f"{plan.start_year}–{plan.end_year}",
        "page-label": w("page"),
        # DOCX: core properties
        "description": w.t(plan.subtitle),
    }
    return A.document(meta, blocks)


# -- introduction --------------------------------------------------------------------------------

def _introduction(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    plan = model.plan
    blocks = [A.header(1, w("introduction"), "introduction")]
    blocks += A.paragraphs(w.t(plan.introduction))
    cov, budget = analysis.coverage, analysis.budget
    involved = {a for m in model.measures.values() for a in m.agencies}
    rows = [
        [w("objectives_count"), str(len(plan.objectives))],
        [w("measures_count"), str(len(model.measures))],
        [w("recommendations_answered_count"), f"{cov.answered} / {cov.to_answer} ({fmt.number(cov.percent, w.lang, 1)} %)"],
        [w("total_budget"), w.money(budget.total)],
        *[[f"{w('budget')} {y}", w.money(budget.by_year.get(y, 0))] for y in budget.years],
        [w("agencies_involved"), str(len(involved))],
    ]
    blocks.append(A.header(2, w("key_figures"), "key-figures"))
    # every column has a heading: a reader of the tagged PDF hears what a value is
    blocks.append(A.table([w("key_figures"), w("figure")], rows, widths=[0.6, 0.4], numeric=[1]))
    return blocks


# -- objectives and measures ---------------------------------------------------------------------

def _objective_chapter(model: PlanModel, analysis: Analysis, w: _Words, objective) -> list:
    measures = model.measures_of(objective.id)
    blocks = [A.header(1, f"{objective.id} {w.t(objective.title)}", objective_anchor(objective.id))]
    blocks += A.paragraphs(w.t(objective.description))
    if measures:
        blocks.append(A.table(
            [w("measure"), w("lead"), w("period"), w("budget")],
            [[A.plain([A.link(m.id, "#" + measure_anchor(m.id)), {"t": "Space"}, *A.text(w.t(m.title))]),
              w.agency(m.lead, short=True), f"{m.timeline.start.year}–{m.timeline.end.year}", w.money(m.total_budget)]
             for m in measures],
            widths=[0.52, 0.14, 0.14, 0.2], numeric=[3], caption=w("measures_under_objective")))
    for m in measures:
        blocks += _measure(model, w, m)
    return blocks


def _measure(model: PlanModel, w: _Words, m: Measure) -> list:
    blocks = [A.header(2, f"{m.id} {w.t(m.title)}", measure_anchor(m.id))]
    blocks += A.paragraphs(w.t(m.description))
    partners = [f"{w.agency(p.agency)}" + (f" – {w.t(p.role)}" if p.role else "") for p in m.partners]
    milestones = [f"{w.date(ms.due)}: {w.t(ms.deliverable)}" for ms in m.timeline.milestones]
    budget = [f"{line.year}: {w.money(line.amount)} ({w.funding(line.source)}, "
              f"{w('new_money').lower() if line.new_money else w('existing_money').lower()})" for line in m.budget]
    if m.budget:
        budget.append(f"{w('total')}: {w.money(m.total_budget)}")
    indicators = []
    for mi in m.indicators:
        ind = model.indicators.get(mi.indicator)
        name = w.t(ind.name) if ind else mi.indicator
        parts = []
        if mi.baseline:
            src = w.t(mi.baseline.source)
            parts.append(f"{w('baseline')} {fmt.plain_number(mi.baseline.value, w.lang)} ({mi.baseline.year}"
                         + (f", {src}" if src else "") + ")")
        parts.append(f"{w('target')} {fmt.plain_number(mi.target.value, w.lang)} ({mi.target.year})")
        indicators.append(f"{name}: " + " → ".join(parts))
    recs = []
    for imp in m.implements:
        rec = model.recommendations.get(imp.recommendation)
        where = f"{w.source_name(rec.source)} {rec.reference}".strip() if rec else ""
        recs.append(f"{imp.recommendation} ({where}) – {w('extent.' + imp.extent).lower()}" if where
                    else f"{imp.recommendation} – {w('extent.' + imp.extent).lower()}")
    rows = [
        [w("lead"), _lines([w.agency(m.lead)])],
        [w("partners"), _lines(partners)],
        [w("period"), _lines([f"{w.date(m.timeline.start)} – {w.date(m.timeline.end)}"])],
        [w("milestones"), _lines(milestones)],
        [w("budget"), _lines(budget)],
        [w("indicators"), _lines(indicators)],
        [w("recommendations_answered"), _lines(recs)],
        [w("status"), _lines([w("status." + m.status)])],
    ]
    blocks.append(A.table([w("measure"), m.id], rows, widths=[0.24, 0.76]))
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
            out += [{"t": "Space"}, *A.text(f"({w('extent.partial').lower()})")]
    return [A.plain(out)]


def _coverage_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    cov = analysis.coverage
    blocks = [A.para(f"{w('recommendations_answered_count')}: {cov.answered} / {cov.to_answer} "
                     f"({fmt.number(cov.percent, w.lang, 1)} %).")]
    for source in model.sources:
        blocks.append(A.header(2, w.t(source.title) or source.id, f"coverage-{source.id.lower()}"))
        rows = []
        for rec in model.recommendations_of(source.id):
            rc = cov.by_recommendation[rec.id]
            extents = {a.measure: a.extent for a in rc.answers}
            rows.append([rec.id, rec.reference, w("response." + rec.response.status),
                         w("coverage." + rc.status), _measure_links(rc.measures, extents, w)])
        blocks.append(A.table([w("recommendation"), w("reference"), w("response"), w("status"), w("answered_by")],
                              rows, widths=[0.16, 0.2, 0.17, 0.15, 0.32]))
    return blocks


def _year_table(w: _Words, names: list[tuple[str, dict[int, float]]], years: tuple[int, ...],
                first: str, caption: str) -> dict:
    # the currency goes in the caption, not in every cell: six columns of "NOK 133,500,000" do
    # not fit across an A4 page
    rows = [[name, *(w.number(row.get(y, 0)) for y in years), w.number(sum(row.values()))] for name, row in names]
    totals = {y: sum(row.get(y, 0) for _, row in names) for y in years}
    foot = [w("total"), *(w.number(totals[y]) for y in years), w.number(sum(totals.values()))]
    caption = f"{caption} ({w('amounts_in')} {w.model.plan.currency})"
    n = len(years) + 1
    first_width = 0.3 if n <= 5 else 0.22
    widths = [first_width, *([(1 - first_width) / n] * n)]
    return A.table([first, *(str(y) for y in years), w("total")], rows, widths=widths,
                   numeric=range(1, n + 1), foot=foot, caption=caption)


def _budget_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    b = analysis.budget
    blocks = A.paragraphs(w.t(model.plan.budget_note))
    objectives = [(f"{o.id} {w.t(o.title)}", b.by_objective.get(o.id, {})) for o in model.plan.objectives]
    blocks.append(A.header(2, w("budget_by_objective"), "budget-by-objective"))
    blocks.append(_year_table(w, objectives, b.years, w("objective"), w("budget_by_objective")))
    blocks.append(A.header(2, w("budget_by_agency"), "budget-by-agency"))
    blocks.append(_year_table(w, [(w.agency(a, short=True), row) for a, row in b.by_agency.items()], b.years,
                              w("lead"), w("budget_by_agency")))
    blocks.append(A.header(2, w("budget_by_source"), "budget-by-source"))
    blocks.append(_year_table(w, [(w.funding(s), row) for s, row in b.by_source.items() if sum(row.values())],
                              b.years, w("funding_source"), w("budget_by_source")))
    blocks.append(A.header(2, w("budget_new_existing"), "budget-new-existing"))
    blocks.append(_year_table(w, [(w("new_money"), b.new_money), (w("existing_money"), b.existing_money)],
                              b.years, w("budget"), w("budget_new_existing")))
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
        rows.append([w.t(a.abbreviation) or "–", w.t(a.name), w("kind." + a.kind),
                     str(leads.get(a.id, 0)), str(partners.get(a.id, 0))])
    return [A.table([w("abbreviation"), w("agency"), w("kind"), w("leads"), w("partner_in")], rows,
                    widths=[0.15, 0.4, 0.17, 0.13, 0.15], numeric=[3, 4])]


def _catalogs_annex(model: PlanModel, analysis: Analysis, w: _Words) -> list:
    blocks: list = []
    for source in model.sources:
        blocks.append(A.header(2, w.t(source.title) or source.id, f"catalog-{source.id.lower()}"))
        facts = [[w("author"), w.t(source.author)]]
        if source.date:
            facts.append([w("published"), w.date(source.date)])
        url = A.safe_url(source.url)
        if url:
            facts.append([w("web"), A.plain([A.link(url, url)])])
        elif source.url:
            facts.append([w("web"), source.url])
        blocks.append(A.table([w("source"), source.id], facts, widths=[0.24, 0.76]))
        blocks.append(A.table([w("recommendation"), w("description"), w("response")],
                              [_catalog_row(rec, w) for rec in model.recommendations_of(source.id)],
                              widths=[0.18, 0.52, 0.3]))
    return blocks


def _catalog_row(rec: Recommendation, w: _Words) -> list:
    first = [rec.id] + ([rec.reference] if rec.reference else [])
    summary = [A.plain(A.text(w.t(rec.summary)))]
    if rec.quote:
        summary.append(A.plain([A.emph(f"«{rec.quote}»" if w.lang in ("nb", "nn") else f"“{rec.quote}”")]))
    response = [w("response." + rec.response.status)]
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
        blocks.append(A.para([A.strong(_report_word("example_warning", lang))]))
    blocks.append(A.table([_report_word("summary", lang), w("figure")],
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
    meta = {
        "title": report.title,
        "subtitle": w.t(plan.title),
        "author": w.agency(plan.responsible) if plan.responsible else "",
        "date": w.date(dated) if dated else "",
        "lang": {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}.get(lang, lang),
        "toc-title": w("contents"),
        "country": w.t(plan.country),
        "period": report.period,
        "page-label": w("page"),
    }
    return A.document(meta, blocks)


def _report_word(key: str, lang: str) -> str:
    from ..progress_report import word

    return word(key, lang)
