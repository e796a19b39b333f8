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


# -- until the documents and the site ask the catalogs (next commits) -----------------------
LABELS: dict[str, dict[str, str]] = {
    "plan": {"nb": "Plan", "en": "Plan"},
    "objective": {"nb": "Mål", "en": "Objective"},
    "objectives": {"nb": "Mål", "en": "Objectives"},
    "measure": {"nb": "Tiltak", "en": "Measure"},
    "measures": {"nb": "Tiltak", "en": "Measures"},
    "agency": {"nb": "Virksomhet", "en": "Agency"},
    "agencies": {"nb": "Virksomheter", "en": "Agencies"},
    "lead": {"nb": "Ansvarlig", "en": "Lead"},
    "partners": {"nb": "Samarbeidspartnere", "en": "Partners"},
    "role": {"nb": "Rolle", "en": "Role"},
    "period": {"nb": "Periode", "en": "Period"},
    "start": {"nb": "Start", "en": "Start"},
    "end": {"nb": "Slutt", "en": "End"},
    "timeline": {"nb": "Tidslinje", "en": "Timeline"},
    "milestones": {"nb": "Milepæler", "en": "Milestones"},
    "milestone": {"nb": "Milepæl", "en": "Milestone"},
    "due": {"nb": "Frist", "en": "Due"},
    "deliverable": {"nb": "Leveranse", "en": "Deliverable"},
    "budget": {"nb": "Budsjett", "en": "Budget"},
    "year": {"nb": "År", "en": "Year"},
    "amount": {"nb": "Beløp", "en": "Amount"},
    "figure": {"nb": "Tall", "en": "Figure"},
    "total": {"nb": "Sum", "en": "Total"},
    "amounts_in": {"nb": "beløp i", "en": "amounts in"},
    "funding_source": {"nb": "Finansieringskilde", "en": "Funding source"},
    "new_money": {"nb": "Nye midler", "en": "New money"},
    "existing_money": {"nb": "Innenfor eksisterende rammer", "en": "Within existing budgets"},
    "yes": {"nb": "Ja", "en": "Yes"},
    "no": {"nb": "Nei", "en": "No"},
    "indicators": {"nb": "Indikatorer", "en": "Indicators"},
    "indicator": {"nb": "Indikator", "en": "Indicator"},
    "baseline": {"nb": "Utgangsverdi", "en": "Baseline"},
    "target": {"nb": "Mål", "en": "Target"},
    "unit": {"nb": "Enhet", "en": "Unit"},
    "source": {"nb": "Kilde", "en": "Source"},
    "recommendation": {"nb": "Anbefaling", "en": "Recommendation"},
    "recommendations": {"nb": "Anbefalinger", "en": "Recommendations"},
    "recommendations_answered": {"nb": "Anbefalinger tiltaket svarer på", "en": "Recommendations this measure answers"},
    "response": {"nb": "Regjeringens svar", "en": "Government response"},
    "justification": {"nb": "Begrunnelse", "en": "Justification"},
    "extent": {"nb": "Omfang", "en": "Extent"},
    "coverage": {"nb": "Oppfølging av anbefalinger", "en": "Coverage of recommendations"},
    "coverage_matrix": {"nb": "Dekningsmatrise", "en": "Coverage matrix"},
    "status": {"nb": "Status", "en": "Status"},
    "pillar": {"nb": "Innsatsområde", "en": "Pillar"},
    "theme": {"nb": "Tema", "en": "Theme"},
    "reference": {"nb": "Henvisning", "en": "Reference"},
    "answered_by": {"nb": "Besvart av", "en": "Answered by"},
    "none": {"nb": "Ingen", "en": "None"},
    "description": {"nb": "Beskrivelse", "en": "Description"},
    "abbreviation": {"nb": "Forkortelse", "en": "Abbreviation"},
    "kind": {"nb": "Type", "en": "Kind"},
    "parent": {"nb": "Underlagt", "en": "Reports to"},
    "leads": {"nb": "Leder tiltak", "en": "Leads"},
    "partner_in": {"nb": "Samarbeidspartner i", "en": "Partner in"},
    "introduction": {"nb": "Innledning", "en": "Introduction"},
    "contents": {"nb": "Innhold", "en": "Contents"},
    "annex": {"nb": "Vedlegg", "en": "Annex"},
    "version": {"nb": "Versjon", "en": "Version"},
    "date": {"nb": "Dato", "en": "Date"},
    "responsible": {"nb": "Ansvarlig departement", "en": "Responsible ministry"},
    "budget_note": {"nb": "Om budsjettanslagene", "en": "About the budget estimates"},
    # plan documents
    "key_figures": {"nb": "Planen i tall", "en": "The plan in figures"},
    "measures_under_objective": {"nb": "Tiltak under målet", "en": "Measures under this objective"},
    "recommendations_answered_count": {"nb": "Anbefalinger besvart", "en": "Recommendations answered"},
    "total_budget": {"nb": "Samlet budsjett", "en": "Total budget"},
    "agencies_involved": {"nb": "Virksomheter med ansvar eller rolle", "en": "Agencies with a lead or partner role"},
    "annex_coverage": {"nb": "Oppfølging av anbefalingene", "en": "Coverage of the recommendations"},
    "annex_budget": {"nb": "Budsjett", "en": "Budget"},
    "annex_agencies": {"nb": "Virksomheter og forkortelser", "en": "Agencies and abbreviations"},
    "annex_catalogs": {"nb": "Anbefalingene og kildene", "en": "The recommendations and their sources"},
    "budget_by_objective": {"nb": "Budsjett per mål og år", "en": "Budget by objective and year"},
    "budget_by_agency": {"nb": "Budsjett per ansvarlig virksomhet og år", "en": "Budget by lead agency and year"},
    "budget_by_source": {"nb": "Budsjett per finansieringskilde og år", "en": "Budget by funding source and year"},
    "budget_new_existing": {"nb": "Nye midler og eksisterende rammer", "en": "New money and existing budgets"},
    "author": {"nb": "Utgiver", "en": "Author"},
    "published": {"nb": "Publisert", "en": "Published"},
    "web": {"nb": "Nettadresse", "en": "Web address"},
    "page": {"nb": "Side", "en": "Page"},
    "of_which_new": {"nb": "herav nye midler", "en": "of which new money"},
    "measures_count": {"nb": "Tiltak", "en": "Measures"},
    "objectives_count": {"nb": "Mål", "en": "Objectives"},
    # enumerations
    "status.planned": {"nb": "Planlagt", "en": "Planned"},
    "status.ongoing": {"nb": "Pågår", "en": "Ongoing"},
    "status.completed": {"nb": "Fullført", "en": "Completed"},
    "status.cancelled": {"nb": "Avlyst", "en": "Cancelled"},
    "extent.full": {"nb": "Fullt", "en": "Full"},
    "extent.partial": {"nb": "Delvis", "en": "Partial"},
    "response.accepted": {"nb": "Tatt til følge", "en": "Accepted"},
    "response.partly": {"nb": "Delvis tatt til følge", "en": "Partly accepted"},
    "response.noted": {"nb": "Tatt til orientering", "en": "Noted"},
    "coverage.covered": {"nb": "Dekket", "en": "Covered"},
    "coverage.partial": {"nb": "Delvis dekket", "en": "Partly covered"},
    "coverage.uncovered": {"nb": "Ikke dekket", "en": "Not covered"},
    "coverage.noted": {"nb": "Tatt til orientering", "en": "Noted"},
    "pillar.prevention": {"nb": "Forebygging", "en": "Prevention"},
    "pillar.protection": {"nb": "Beskyttelse og bistand", "en": "Protection and assistance"},
    "pillar.prosecution": {"nb": "Straffeforfølgning", "en": "Prosecution"},
    "pillar.partnership": {"nb": "Samarbeid", "en": "Partnership"},
    "pillar.coordination": {"nb": "Samordning og styring", "en": "Coordination and governance"},
    "kind.ministry": {"nb": "Departement", "en": "Ministry"},
    "kind.directorate": {"nb": "Direktorat", "en": "Directorate"},
    "kind.police": {"nb": "Politi", "en": "Police"},
    "kind.prosecution": {"nb": "Påtalemyndighet", "en": "Prosecuting authority"},
    "kind.court": {"nb": "Domstol", "en": "Court"},
    "kind.municipality": {"nb": "Kommune", "en": "Municipality"},
    "kind.ngo": {"nb": "Frivillig organisasjon", "en": "Non-governmental organisation"},
    "kind.international": {"nb": "Internasjonal organisasjon", "en": "International organisation"},
    "kind.other": {"nb": "Annen", "en": "Other"},
    "strength.urges": {"nb": "oppfordrer sterkt", "en": "urges"},
    "strength.calls": {"nb": "oppfordrer", "en": "calls on"},
    "strength.recommends": {"nb": "anbefaler", "en": "recommends"},
    "strength.encourages": {"nb": "oppmuntrer", "en": "encourages"},
    "strength.suggests": {"nb": "foreslår", "en": "suggests"},
}


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry.get("en") or next(iter(entry.values()))


def has_label(key: str) -> bool:
    return key in LABELS
