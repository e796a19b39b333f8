"""The accessibility statement (tilgjengelighetserklæring) that Norwegian public websites must
publish: who is responsible, what the site aims for (WCAG 2.1 AA), what napkit actually tests on
every build, the deviations known to it (and those the plan lists in plan.yaml `accessibility`),
where to give feedback and where to complain. A hand-written page at the same place in site/<lang>/
replaces it (compose.py)."""

from __future__ import annotations

from ..context import Ctx
from ..escape import Safe, esc
from ..html import facts, link, p, ul
from ..tree import Page
from . import Doc, Output
from .common import at

UUSTATUS = "https://uustatus.no/"
UUTILSYNET = "https://www.uutilsynet.no/"
WCAG = "https://www.w3.org/TR/WCAG21/"
REGULATION = "https://lovdata.no/forskrift/2013-06-21-732"

# What napkit's own tests check on every template (tests/render/site, tests/render/docs); the
# statement says no more than this.
TESTED = ("tested.axe", "tested.phone", "tested.links", "tested.html", "tested.pdf")
# Deviations napkit knows of in what it generates.
KNOWN = ("known.automated", "known.charts", "known.filter", "known.docx", "known.theme")


def _contact(ctx: Ctx, value: str | None, responsible: str | None) -> Safe:
    if value:
        if value.startswith("https://"):
            return link(value, value)
        mail = value.removeprefix("mailto:")
        return link("mailto:" + mail, mail)
    agency = ctx.model.agencies.get(responsible or "")
    if agency is not None and agency.url:
        return link(agency.url, ctx.text(agency.name))
    return esc(ctx.agency_name(responsible) if responsible else "–")


def accessibility(ctx: Ctx, out: Output) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("accessibility"))
    settings = model.plan.accessibility
    responsible = settings.responsible or model.plan.responsible
    site_name = ctx.text(model.plan.title)
    title = ctx.t("a11y.title")
    doc = Doc().h(1, title)
    doc.html(p(ctx.t("a11y.intro", responsible=ctx.agency_name(responsible), site=site_name)))
    date = settings.date or model.plan.date
    doc.html(facts([
        (ctx.t("a11y.responsible"), ctx.agency_link(responsible) if responsible in model.agencies else responsible),
        (ctx.t("a11y.standard"), link(WCAG, "WCAG 2.1 AA")),
        (ctx.t("a11y.contact"), _contact(ctx, settings.contact, responsible)),
        (ctx.t("a11y.date"), ctx.date(date)),
        (ctx.t("a11y.registered"), link(settings.uustatus, settings.uustatus) if settings.uustatus else ""),
    ], label=title))

    doc.h(2, ctx.t("a11y.status_h"))
    doc.html(p(ctx.t("a11y.status")))
    doc.h(2, ctx.t("a11y.tested_h"))
    doc.html(p(ctx.t("a11y.tested_intro")))
    doc.html(ul(ctx.t(k) for k in TESTED))
    doc.h(2, ctx.t("a11y.known_h"))
    doc.html(p(ctx.t("a11y.known_intro")))
    doc.html(ul([*(ctx.t(k) for k in KNOWN), *(ctx.text(d) for d in settings.deviations)]))

    doc.h(2, ctx.t("a11y.feedback_h"))
    doc.html(p(esc(ctx.t("a11y.feedback") + " ") + _contact(ctx, settings.contact, responsible) + esc(".")))
    doc.h(2, ctx.t("a11y.complain_h"))
    doc.html(p(esc(ctx.t("a11y.complain") + " ") + link(UUTILSYNET, ctx.t("a11y.uutilsynet")) + esc(".")))
    doc.html(p(esc(ctx.t("a11y.uustatus") + " ") + link(settings.uustatus or UUSTATUS, "uustatus.no") + esc(".")))
    doc.html(p(esc(ctx.t("a11y.law") + " ") + link(REGULATION, ctx.t("a11y.regulation")) + esc(".")))
    return out.add(Page(ctx.routes.path("accessibility"), title, doc.markdown(), "accessibility", "accessibility",
                        description=ctx.t("a11y.intro", responsible=ctx.agency_name(responsible), site=site_name)))
