"""Vocabularies: the words for the values of the plan's enumerations (status, pillar, response, …).

Each value's English text is marked with `N_` so `pybabel extract` finds it; `term(group, value,
lang)` translates it through the catalogs (`napkit.locale`). A plan can name other values (a plan on
business and human rights has other pillars): a value no table knows is looked up in the catalogs
as it is written, so `plan/locale/<lang>.po` can translate it (msgid = the value, e.g.
"legal-framework"), and is shown as written when no catalog has it. Like Sphinx's admonition labels."""

from __future__ import annotations

from ..locale import N_, gettext

TERMS: dict[str, dict[str, str]] = {
    "status": {
        "planned": N_("Planned"),
        "ongoing": N_("Ongoing"),
        "completed": N_("Completed"),
        "cancelled": N_("Cancelled"),
    },
    "extent": {
        "full": N_("Full"),
        "partial": N_("Partial"),
    },
    "response": {
        "accepted": N_("Accepted"),
        "partly": N_("Partly accepted"),
        "noted": N_("Noted"),
    },
    "coverage": {
        "covered": N_("Covered"),
        "partial": N_("Partly covered"),
        "uncovered": N_("Not covered"),
        "noted": N_("Noted"),
    },
    "pillar": {
        "prevention": N_("Prevention"),
        "protection": N_("Protection and assistance"),
        "prosecution": N_("Prosecution"),
        "partnership": N_("Partnership"),
        "coordination": N_("Coordination and governance"),
    },
    "kind": {
        "ministry": N_("Ministry"),
        "directorate": N_("Directorate"),
        "police": N_("Police"),
        "prosecution": N_("Prosecuting authority"),
        "court": N_("Court"),
        "municipality": N_("Municipality"),
        "ngo": N_("Non-governmental organisation"),
        "international": N_("International organisation"),
        "other": N_("Other"),
    },
    "strength": {
        "urges": N_("urges"),
        "calls": N_("calls on"),
        "recommends": N_("recommends"),
        "encourages": N_("encourages"),
        "suggests": N_("suggests"),
    },
    "currency_name": {
        "NOK": N_("Norwegian kroner (NOK)"),
    },
    "doc": {
        "pdf": N_("PDF (for reading and printing)"),
        "docx": N_("Word (DOCX, for editing)"),
    },
    "lang": {
        "nb": N_("Norwegian Bokmål"),
        "nn": N_("Norwegian Nynorsk"),
        "en": N_("English"),
    },
    "ind_status": {
        "achieved": N_("Target achieved"),
        "substantial": N_("Substantial progress"),
        "moderate": N_("Moderate progress"),
        "limited": N_("Limited progress"),
        "deterioration": N_("Deterioration"),
        "not_available": N_("Not enough data"),
    },
    "ind_reason": {
        "no-baseline": N_("The indicator has no baseline yet."),
        "no-actual": N_("No actual value after the base year has been reported yet."),
        "sign-change": N_("The values change sign, so the growth cannot be calculated."),
        "no-direction": N_("Whether an increase or a decrease is wanted is not given, and the target does not tell."),
        "None": N_("Not enough data."),
    },
    "direction": {
        "increase": N_("Increase"),
        "decrease": N_("Decrease"),
        "maintain": N_("Maintain the level"),
        "none": N_("Not given"),
    },
    "tested": {
        "axe": N_("axe-core with the rules of WCAG 2.1 A and AA on every kind of page, in the Chromium browser: no violations."),
        "phone": N_("The same rules on a phone-sized screen, on the pages with the widest tables."),
        "links": N_("Every internal link and anchor resolves, and nothing is loaded from other websites (no fonts, scripts or images)."),
        "html": N_("The Nu Html Checker finds no errors in the markup napkit makes."),
        "pdf": N_("The PDF documents are tagged and declare PDF/UA-1."),
    },
    "known": {
        "automated": N_("Automated tests find only part of the barriers WCAG covers. The website has not been tested manually with a screen reader, magnification or the keyboard alone."),
        "charts": N_("The charts are images. Their text is drawn as shapes and cannot be enlarged as text or read by a screen reader; each chart has a text alternative and its figures in a table next to it."),
        "filter": N_("Filtering the lists of recommendations needs JavaScript; without it the whole list shows."),
        "docx": N_("The Word documents (DOCX) are not checked for accessibility. For the PDF documents only their PDF/UA-1 declaration is checked, not the whole standard."),
        "theme": N_("Search and the menu need JavaScript (the MkDocs Material theme). The Nu Html Checker finds one small error in the theme's own page frame (autocomplete on two checkboxes), which does not affect readers."),
    },
    "version_status": {
        "draft": N_("Draft"),
        "consultation": N_("Consultation draft"),
        "adopted": N_("Adopted"),
        "revised": N_("Revised"),
    },
    "decision": {
        "adopted": N_("Taken up"),
        "partly": N_("Partly taken up"),
        "not-adopted": N_("Not taken up"),
        "noted": N_("Noted"),
    },
    "respondent_kind": {
        "ngo": N_("Non-governmental organisation"),
        "municipality": N_("Municipality"),
        "agency": N_("Public agency"),
        "business": N_("Business"),
        "academic": N_("Research and education"),
        "individual": N_("Individual"),
        "other": N_("Other"),
    },
    "progress_status": {
        "not-started": N_("Not started"),
        "on-track": N_("On track"),
        "delayed": N_("Delayed"),
        "completed": N_("Completed"),
        "cancelled": N_("Cancelled"),
        "not-reported": N_("Not reported"),
        "no-measure": N_("No measure"),
    },
}


def term(group: str, value: str, lang: str) -> str:
    """The word for `value` of vocabulary `group` in `lang`."""
    msgid = TERMS.get(group, {}).get(value)
    if msgid is not None:
        return gettext(msgid, lang)
    return gettext(value, lang) if value else ""


def has_term(group: str, value: str) -> bool:
    return value in TERMS.get(group, {})

