"""Versions and changes: every released version of the plan (plan.yaml `versions`), and for each
what changed since the one before, for the public — measures added, dropped and re-scoped (with
a redline of each changed text), deadlines moved, money changed, coverage and the government's
responses changed; "Unreleased changes" for the working tree above the newest version.

The changes come from analyse/changelog.py (git and the engine of `nap diff`)."""

from __future__ import annotations

from ....analyse.changelog import History, MeasureChange, VersionChanges
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, p, rowh, table, ul
from ..redline import redline
from ..tree import Page
from . import Doc, Output
from .common import at, coverage_badge


def _version_title(ctx: Ctx, e: VersionChanges) -> str:
    if e.version is None:
        return ctx._("Unreleased changes")
    return ctx._("Version {version}", version=e.version.version)


def _measure(ctx: Ctx, m: MeasureChange) -> Safe:
    title = m.title.get(ctx.lang, ctx.langs) if m.title else ""
    if m.id in ctx.model.measures:
        return ctx.link("measure", m.id, f"{m.id} {title}".strip())
    return esc(f"{m.id} {title}".strip())


def _recommendation(ctx: Ctx, rid: str) -> Safe:
    r = ctx.model.recommendations.get(rid)
    if r is None:
        return esc(rid)
    return ctx.link("recommendation", f"{r.source}/{rid}", rid)


def _when(ctx: Ctx, what: str) -> str:
    if what == "start":
        return ctx._("Start")
    if what == "end":
        return ctx._("End")
    return ctx._("Milestone {id}", id=what.removeprefix("milestone "))


def _date(ctx: Ctx, value: str) -> str:
    import datetime as dt

    try:
        return ctx.date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _coverage(ctx: Ctx, status: str) -> Safe:
    return esc(ctx._("Not in the plan")) if status == "absent" else coverage_badge(ctx, status)


def _response(ctx: Ctx, status: str) -> str:
    return ctx.term("response", status) if status else "–"


def changes_section(ctx: Ctx, doc: Doc, e: VersionChanges, level: int = 3) -> None:
    """The public account of one version's changes."""
    if e.is_empty:
        doc.html(p(ctx._("No measure, deadline, amount, coverage or response changed.")))
        return
    if e.added:
        doc.h(level, ctx._("Measures added"))
        doc.html(ul([_measure(ctx, m) for m in e.added]))
    if e.dropped:
        doc.h(level, ctx._("Measures dropped"))
        doc.html(ul([_measure(ctx, m) for m in e.dropped]))
    if e.rescoped:
        doc.h(level, ctx._("Measures re-scoped"))
        doc.html(p(ctx._("Text taken out is struck through; text put in is underlined.")))
        for m in e.rescoped:
            items = []
            for t in m.texts:
                label = ctx._("Title") if t.field == "title" else ctx._("Description")
                old, new = t.before.get(ctx.lang, ctx.langs), t.after.get(ctx.lang, ctx.langs)
                if old == new:  # only another language's text changed
                    continue
                items.append(Safe("<p><strong>{}:</strong> {}</p>").format(label, redline(old, new)))
            if items:
                doc.html(Safe('<div class="nap-redline"><p>{}</p>{}</div>').format(
                    _measure(ctx, m), Safe("").join(items)))
    if e.moved:
        doc.h(level, ctx._("Deadlines moved"))
        rows = [[rowh(_measure(ctx, m)), _when(ctx, what), _date(ctx, before), _date(ctx, after)]
                for m in e.moved for what, before, after in m.dates]
        doc.html(table([ctx._("Measure"), ctx._("Date"), ctx._("Before"), ctx._("Now")], rows))
    if e.money:
        doc.h(level, ctx._("Money changed"))
        rows = [[rowh(_measure(ctx, m)), str(year), Cell(ctx.money(before), numeric=True),
                 Cell(ctx.money(after), numeric=True)]
                for m in e.money for year, before, after in m.money]
        doc.html(table([ctx._("Measure"), ctx._("Year"), ctx._("Before"), ctx._("Now")], rows,
                       caption=ctx.amounts_in()))
        if e.total_before != e.total_after:
            doc.html(p(ctx._("The plan's total budget went from {before} to {after}.",
                             before=ctx.money(e.total_before), after=ctx.money(e.total_after))))
    if e.coverage:
        doc.h(level, ctx._("Coverage of the recommendations changed"))
        rows = [[rowh(_recommendation(ctx, c.recommendation)), _coverage(ctx, c.before), _coverage(ctx, c.after)]
                for c in e.coverage]
        doc.html(table([ctx._("Recommendation"), ctx._("Before"), ctx._("Now")], rows))
    if e.responses:
        doc.h(level, ctx._("Responses to recommendations changed"))
        rows = [[rowh(_recommendation(ctx, r.recommendation)), _response(ctx, r.before), _response(ctx, r.after),
                 ctx._("yes") if r.justification_changed else ctx._("no")]
                for r in e.responses]
        doc.html(table([ctx._("Recommendation"), ctx._("Before"), ctx._("Now"), ctx._("Reasons rewritten")], rows))


def _note(ctx: Ctx, e: VersionChanges) -> str:
    ref = (e.version.ref if e.note in ("unknown-ref", "no-ref") else e.base.ref if e.base else "") or ""
    if e.note == "unknown-ref":
        return ctx._("The changes of this version cannot be shown: its git reference {ref} is not in the repository.",
                     ref=ref)
    if e.note == "no-ref":
        return ctx._("The changes of this version cannot be shown: it names no git reference.")
    if e.note.startswith("base-"):
        return ctx._("The changes of this version cannot be shown: the version before it cannot be read from git.")
    return ctx._("The changes of this version cannot be shown.")


def versions_page(ctx: Ctx, out: Output, hist: History) -> Page | None:
    model = ctx.model
    if not model.plan.versions:
        return None
    ctx = at(ctx, ctx.routes.url("versions"))
    title = ctx._("Versions and changes")
    doc = Doc().h(1, title)
    doc.html(p(ctx._("Every version of the plan, newest first, and what changed from one version to the next.")))
    newest = model.plan.versions[-1]
    rows = []
    for v in reversed(model.plan.versions):
        state = ctx._("Current version") if v is newest else ctx._("Superseded")
        rows.append([rowh(v.version), ctx.date(v.date), ctx.term("version_status", v.status),
                     ctx.text(v.note) or "–", state])
    doc.html(table([ctx._("Version"), ctx._("Date"), ctx._("Status"), ctx._("Note"), ctx._("Validity")], rows,
                   caption=ctx._("Versions of the plan")))
    if not hist.git:
        doc.html(p(ctx._("The changes between versions are read from the plan's git history, which this build "
                         "did not have.")))
    for e in hist.entries:
        if e.state == "no-git":
            continue
        heading = _version_title(ctx, e)
        if e.version is not None and e.version.date:
            heading = ctx._("{title} ({date})", title=heading, date=ctx.date(e.version.date))
        doc.h(2, heading)
        if e.version is None:
            doc.html(p(ctx._("Changes made since version {version}, not yet released as a version.",
                             version=e.base.version if e.base else "")))
        elif e.state == "first":
            doc.html(p(ctx._("The first published version.")))
            continue
        elif e.state == "unresolved":
            doc.html(p(_note(ctx, e)))
            continue
        else:
            doc.html(p(ctx._("Changes from version {version}.", version=e.base.version if e.base else "")))
        changes_section(ctx, doc, e)
    return out.add(Page(ctx.routes.path("versions"), title, doc.markdown(), "versions", "versions"))


def archived_section(ctx: Ctx, doc: Doc) -> None:
    """On the downloads page: the documents of the superseded versions, marked as such."""
    if not ctx.archived:
        return
    from .. import labels
    from .money_time import _size

    newest = ctx.model.plan.versions[-1].version if ctx.model.plan.versions else ""
    doc.h(2, ctx._("Earlier versions (superseded)"), anchor="superseded")
    doc.html(p(Safe("{} ").format(ctx._("These versions are superseded by version {version}. They stay published "
                                        "so that what was proposed and decided can be read as it stood.",
                                        version=newest))
               + ctx.link("versions", None, ctx._("What changed between the versions")) if ctx.model.plan.versions
               else esc("")))
    rows = []
    for version, d in ctx.archived:
        name = ctx.model.plan.title.get(d.lang, ctx.langs) if ctx.model.plan.title else ""
        label = Safe("{} ({}, {})").format(name, ctx._("version {version}, superseded", version=version),
                                           d.fmt.upper())
        rows.append([rowh(Safe('<a href="{}" hreflang="{}">{}</a>').format(ctx.href(d.url), d.lang, label)),
                     version, labels.language_in(d.lang, ctx.lang), ctx.term("doc", d.fmt),
                     Cell(_size(d.size, ctx.lang), numeric=True)])
    doc.html(table([ctx._("Document"), ctx._("Version"), ctx._("Language"), ctx._("Format"), ctx._("Size")], rows,
                   caption=ctx._("Documents of earlier versions")))
