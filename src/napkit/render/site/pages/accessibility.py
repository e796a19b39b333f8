"""The accessibility statement (tilgjengelighetserklæring) that Norwegian public websites must
publish: who is responsible, what the site aims for (WCAG 2.1 AA), what napkit actually tests on
every build, the deviations known to it (and those the plan lists in plan.yaml `accessibility`),
where to give feedback and where to complain. A hand-written page at the same place in site/<lang>/
replaces it (compose.py)."""

from __future__ import annotations

from ....locale import N_
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
TESTED = (
    N_("axe-core with the rules of WCAG 2.1 A and AA on every kind of page, in the Chromium browser: no violations."),
    N_("The same rules on a phone-sized screen, on the pages with the widest tables."),
    N_("Every internal link and anchor resolves, and nothing is loaded from other websites (no fonts, scripts or images)."),
    N_("The Nu Html Checker finds no errors in the markup napkit makes."),
    N_("The PDF documents are tagged and declare PDF/UA-1."),
)
# Deviations napkit knows of in what it generates.
KNOWN = (
    N_("Automated tests find only part of the barriers WCAG covers. The website has not been tested manually with a screen reader, magnification or the keyboard alone."),
    N_("The charts are images. Their text is drawn as shapes and cannot be enlarged as text or read by a screen reader; each chart has a text alternative and its figures in a table next to it."),
    N_("Filtering the lists of recommendations needs JavaScript; without it the whole list shows."),
    N_("The Word documents (DOCX) are not checked for accessibility. For the PDF documents only their PDF/UA-1 declaration is checked, not the whole standard."),
    N_("Search and the menu need JavaScript (the MkDocs Material theme). The Nu Html Checker finds one small error in the theme's own page frame (autocomplete on two checkboxes), which does not affect readers."),
)


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
    title = ctx._("Accessibility statement")
    doc = Doc().h(1, title)
    doc.html(p(ctx._("{responsible} is responsible for the website “{site}”. Public websites in Norway must be universally designed and meet WCAG 2.1 at level AA. This statement says what the website meets, what is tested, which deviations we know of, and where you can tell us.", responsible=ctx.agency_name(responsible), site=site_name)))
    date = settings.date or model.plan.date
    doc.html(facts([
        (ctx._("Responsible"), ctx.agency_link(responsible) if responsible in model.agencies else responsible),
        (ctx._("Requirement"), link(WCAG, "WCAG 2.1 AA")),
        (ctx._("Feedback"), _contact(ctx, settings.contact, responsible)),
        (ctx._("Last reviewed"), ctx.date(date)),
        (ctx._("Registered on uustatus.no"), link(settings.uustatus, settings.uustatus) if settings.uustatus else ""),
    ], label=title))

    doc.h(2, ctx._("Status"))
    doc.html(p(ctx._("The website partly meets the requirements: the automated tests find no violations, but the website has not been tested manually, and the deviations below are known.")))
    doc.h(2, ctx._("How the website is tested"))
    doc.html(p(ctx._("The website is made by the tool napkit, and napkit's tests check the pages it makes, in both languages:")))
    doc.html(ul(ctx._(k) for k in TESTED))
    doc.h(2, ctx._("Known deviations"))
    doc.html(p(ctx._("What we know is not good enough, or is not checked:")))
    doc.html(ul([*(ctx._(k) for k in KNOWN), *(ctx.text(d) for d in settings.deviations)]))

    doc.h(2, ctx._("Tell us about problems"))
    doc.html(p(esc(ctx._("Is there something on the website you cannot use, or do you need the content in another form? Write to") + " ") + _contact(ctx, settings.contact, responsible) + esc(".")))
    doc.h(2, ctx._("Complaints"))
    doc.html(p(esc(ctx._("If you get no answer, or are not satisfied with it, you can notify the Authority for Universal Design of ICT (Tilsynet for universell utforming av ikt) at the Norwegian Digitalisation Agency:") + " ") + link(UUTILSYNET, ctx._("uutilsynet.no")) + esc(".")))
    doc.html(p(esc(ctx._("Accessibility statements of public websites are published on") + " ") + link(settings.uustatus or UUSTATUS, "uustatus.no") + esc(".")))
    doc.html(p(esc(ctx._("The requirements are in") + " ") + link(REGULATION, ctx._("the regulations on universal design of information and communication technology (ICT) solutions (in Norwegian)")) + esc(".")))
    return out.add(Page(ctx.routes.path("accessibility"), title, doc.markdown(), "accessibility", "accessibility",
                        description=ctx._("{responsible} is responsible for the website “{site}”. Public websites in Norway must be universally designed and meet WCAG 2.1 at level AA. This statement says what the website meets, what is tested, which deviations we know of, and where you can tell us.", responsible=ctx.agency_name(responsible), site=site_name)))
