"""Words only the website uses (the shared ones are in `napkit.render.i18n`), the URL slug of each
page kind per language, and the names MkDocs Material knows each language by.

`t(key, lang)` looks here first and then in `i18n.label`; a language missing falls back to English."""

from __future__ import annotations

from ..i18n import has_label, label

SITE_LABELS: dict[str, dict[str, str]] = {
    "home": {"nb": "Forside", "en": "Home"},
    "about_section": {"nb": "Om planen", "en": "About the plan"},
    "measures_and_objectives": {"nb": "Mål og tiltak", "en": "Objectives and measures"},
    "all_measures": {"nb": "Alle tiltak", "en": "All measures"},
    "key_figures": {"nb": "Nøkkeltall", "en": "Key figures"},
    "card.measures": {"nb": "tiltak", "en": "measures"},
    "card.objectives": {"nb": "mål", "en": "objectives"},
    "card.answered": {"nb": "av {n} anbefalinger som krever tiltak, er fulgt opp", "en": "of {n} recommendations that call for a measure have one"},
    "card.budget": {"nb": "samlet budsjett {start}–{end}", "en": "total budget {start}–{end}"},
    "card.agencies": {"nb": "virksomheter deltar", "en": "agencies take part"},
    "card.milestones": {"nb": "milepæler", "en": "milestones"},
    "card.new_money": {"nb": "av budsjettet er nye midler", "en": "of the budget is new money"},
    "card.sources": {"nb": "rapporter med anbefalinger", "en": "reports with recommendations"},
    "card.recommendations": {"nb": "anbefalinger i alt", "en": "recommendations in all"},
    "card.leads": {"nb": "tiltak leder virksomheten", "en": "measures led"},
    "card.partner": {"nb": "tiltak som samarbeidspartner", "en": "measures as partner"},
    "led_budget": {"nb": "Budsjett for tiltakene den leder", "en": "Budget of the measures it leads"},
    "budget_by_year": {"nb": "Budsjett per år", "en": "Budget by year"},
    "budget_by_objective": {"nb": "Budsjett per mål og år", "en": "Budget by objective and year"},
    "budget_by_agency": {"nb": "Budsjett per ansvarlig virksomhet og år", "en": "Budget by lead agency and year"},
    "budget_by_source": {"nb": "Budsjett per finansieringskilde og år", "en": "Budget by funding source and year"},
    "budget_by_money": {"nb": "Nye midler og midler innenfor eksisterende rammer", "en": "New money and money within existing budgets"},
    "budget_by_measure": {"nb": "Budsjett per tiltak og år", "en": "Budget by measure and year"},
    "budget_attribution": {"nb": "Beløpene er ført på virksomheten som leder tiltaket.",
                           "en": "Amounts are attributed to the agency that leads the measure."},
    "amounts_in": {"nb": "Beløp i {currency}", "en": "Amounts in {currency}"},
    "currency_name.NOK": {"nb": "kroner", "en": "Norwegian kroner (NOK)"},
    "chart_table_note": {"nb": "Tallene i figuren står i tabellen under.", "en": "The figures in the chart are in the table below."},
    "show_table": {"nb": "Vis tallene som tabell", "en": "Show the figures as a table"},
    "chart.budget_by_year": {"nb": "Stolpediagram: budsjett per år, fordelt på mål.",
                             "en": "Bar chart: budget by year, split by objective."},
    "chart.budget_by_agency": {"nb": "Liggende stolpediagram: samlet budsjett per ansvarlig virksomhet.",
                               "en": "Horizontal bar chart: total budget by lead agency."},
    "chart.budget_by_source": {"nb": "Stolpediagram: budsjett per år, fordelt på finansieringskilde.",
                               "en": "Bar chart: budget by year, split by funding source."},
    "chart.coverage": {"nb": "Liggende stolpediagram: anbefalinger per rapport, fordelt på hvordan de er fulgt opp.",
                       "en": "Horizontal bar chart: recommendations per report, split by how they are answered."},
    "chart.timeline": {"nb": "Gantt-diagram: tidsrommet for hvert tiltak, gruppert etter mål, med milepæler som punkter.",
                       "en": "Gantt chart: the period of each measure, grouped by objective, with milestones as points."},
    "chart.million": {"nb": "mill. {currency}", "en": "{currency} million"},
    "timeline_note": {"nb": "Hvert tiltak er en stolpe fra start til slutt; milepæler er markert med en rombe.",
                      "en": "Each measure is a bar from start to end; milestones are marked with a diamond."},
    "measure_periods": {"nb": "Tiltakenes tidsrom og milepæler", "en": "Periods and milestones of the measures"},
    "milestones_by_year": {"nb": "Milepæler per år", "en": "Milestones by year"},
    "no_milestones": {"nb": "Ingen milepæler er satt.", "en": "No milestones are set."},
    "no_budget": {"nb": "Ingen budsjettlinjer.", "en": "No budget lines."},
    "no_indicators": {"nb": "Ingen indikatorer er knyttet til tiltaket.", "en": "No indicators are attached to this measure."},
    "no_recommendations": {"nb": "Tiltaket er ikke knyttet til noen anbefaling.", "en": "This measure answers no recommendation."},
    "no_partners": {"nb": "Ingen samarbeidspartnere er oppført.", "en": "No partners are listed."},
    "no_measures": {"nb": "Ingen tiltak.", "en": "No measures."},
    "what": {"nb": "Hva", "en": "What"},
    "who": {"nb": "Hvem", "en": "Who"},
    "when": {"nb": "Når", "en": "When"},
    "money": {"nb": "Penger", "en": "Money"},
    "facts": {"nb": "Fakta om tiltaket", "en": "Facts about the measure"},
    "measure_of": {"nb": "Tiltak under mål {objective}", "en": "Measure under objective {objective}"},
    "measures_in_objective": {"nb": "Tiltak under dette målet", "en": "Measures under this objective"},
    "recommendations_in_objective": {"nb": "Anbefalinger tiltakene svarer på", "en": "Recommendations the measures answer"},
    "led_measures": {"nb": "Tiltak virksomheten leder", "en": "Measures it leads"},
    "partner_measures": {"nb": "Tiltak der virksomheten er samarbeidspartner", "en": "Measures it takes part in"},
    "agency_budget": {"nb": "Budsjett for tiltakene virksomheten leder", "en": "Budget of the measures it leads"},
    "sub_agencies": {"nb": "Underliggende virksomheter", "en": "Agencies under it"},
    "website": {"nb": "Nettsted", "en": "Website"},
    "author": {"nb": "Utgitt av", "en": "Published by"},
    "published": {"nb": "Publisert", "en": "Published"},
    "read_report": {"nb": "Les rapporten", "en": "Read the report"},
    "quote": {"nb": "Sitat", "en": "Quotation"},
    "related": {"nb": "Beslektede anbefalinger", "en": "Related recommendations"},
    "strength": {"nb": "Styrke", "en": "Strength"},
    "page": {"nb": "side", "en": "page"},
    "coverage_state": {"nb": "Oppfølging", "en": "Coverage"},
    "coverage_summary": {"nb": "Slik er anbefalingene fulgt opp", "en": "How the recommendations are answered"},
    "coverage_per_source": {"nb": "Oppfølging per rapport", "en": "Coverage per report"},
    "matrix_intro": {"nb": "Hver rad er en anbefaling, hver kolonne et tiltak. ● betyr at tiltaket svarer fullt ut på anbefalingen, ◐ at det svarer delvis.",
                     "en": "Each row is a recommendation, each column a measure. ● means the measure answers the recommendation in full, ◐ in part."},
    "matrix_caption": {"nb": "Anbefalinger (rader) og tiltakene som svarer på dem (kolonner)",
                       "en": "Recommendations (rows) and the measures that answer them (columns)"},
    "matrix_as_list": {"nb": "Så mange tiltak svarer på denne rapporten at en matrise ikke lar seg lese; hver rad viser i stedet tiltakene som svarer på anbefalingen.",
                       "en": "So many measures answer this report that a matrix would not read; each row lists the measures that answer the recommendation instead."},
    "matrix_caption_list": {"nb": "Anbefalinger og tiltakene som svarer på dem",
                            "en": "Recommendations and the measures that answer them"},
    "measures_under_way": {"nb": "Tiltak i gang per år, fordelt på mål", "en": "Measures under way per year, by objective"},
    "chart.measures_under_way": {"nb": "Stolpediagram: antall tiltak som pågår hvert år, fordelt på mål.",
                                 "en": "Bar chart: the number of measures under way each year, split by objective."},
    "chart.measures_count": {"nb": "tiltak", "en": "measures"},
    "timeline_note_many": {"nb": "Planen har for mange tiltak til ett Gantt-diagram; diagrammet viser hvor mange tiltak som pågår hvert år, og tabellen under viser hvert tiltak.",
                           "en": "The plan has too many measures for one Gantt chart; the chart shows how many measures are under way each year, and the table below lists every measure."},
    "sources": {"nb": "Rapporter", "en": "Reports"},
    "sources_intro": {"nb": "Planen svarer på anbefalingene i disse rapportene. Hver rapport har en side som viser regjeringens svar på hver anbefaling og tiltakene som følger den opp.",
                      "en": "The plan answers the recommendations of these reports. Each report has a page with the government's response to every recommendation and the measures that follow it up."},
    "downloads": {"nb": "Nedlastinger", "en": "Downloads"},
    "downloads_intro": {"nb": "Planen som dokument, laget fra de samme dataene som dette nettstedet.",
                        "en": "The plan as a document, made from the same data as this website."},
    "downloads_none": {"nb": "Plandokumentene er ikke publisert ennå. De legges ut her når de er klare.",
                       "en": "The plan documents are not published yet. They will be available here when ready."},
    "document": {"nb": "Dokument", "en": "Document"},
    "format": {"nb": "Format", "en": "Format"},
    "size": {"nb": "Størrelse", "en": "Size"},
    "language": {"nb": "Språk", "en": "Language"},
    "doc.pdf": {"nb": "PDF (for lesing og utskrift)", "en": "PDF (for reading and printing)"},
    "doc.docx": {"nb": "Word (DOCX, for bearbeiding)", "en": "Word (DOCX, for editing)"},
    "lang.nb": {"nb": "norsk bokmål", "en": "Norwegian Bokmål"},
    "lang.nn": {"nb": "norsk nynorsk", "en": "Norwegian Nynorsk"},
    "lang.en": {"nb": "engelsk", "en": "English"},
    "read_more": {"nb": "Les mer", "en": "Read more"},
    "see_all": {"nb": "Se alle", "en": "See all"},
    "period_value": {"nb": "{start} – {end}", "en": "{start} – {end}"},
    "sum_per_year": {"nb": "Sum per år", "en": "Total per year"},
    "objectives_overview": {"nb": "Planens mål", "en": "The objectives of the plan"},
    "measures_count": {"nb": "Antall tiltak", "en": "Measures"},
    "agencies_intro": {"nb": "Virksomhetene som leder eller deltar i tiltak i planen.",
                       "en": "The agencies that lead or take part in measures of the plan."},
    "not_involved": {"nb": "Virksomheten har ingen tiltak i planen.", "en": "The agency has no measures in the plan."},
    "version_line": {"nb": "Versjon {version}, {date}", "en": "Version {version}, {date}"},
    "page_of_plan": {"nb": "{title}", "en": "{title}"},
    "how_to_read": {"nb": "Slik leser du nettstedet", "en": "How to read this website"},
    "uncovered_note": {"nb": "Anbefalinger som ennå ikke har et tiltak", "en": "Recommendations that do not have a measure yet"},
    "all_covered": {"nb": "Alle anbefalinger som krever tiltak, har minst ett tiltak.",
                    "en": "Every recommendation that calls for a measure has at least one."},
    "measure_note": {"nb": "Merknad", "en": "Note"},
    "budget_chapter": {"nb": "Kapittel/post", "en": "Budget chapter/item"},
}

# The folder (URL segment) of each page kind, per language. The default language's pages sit
# at the site root, every other language under /<lang>/.
SLUGS: dict[str, dict[str, str]] = {
    "nb": {"objectives": "mal", "measures": "tiltak", "agencies": "virksomheter", "recommendations": "anbefalinger",
           "coverage": "dekning", "budget": "budsjett", "timeline": "tidslinje", "downloads": "nedlastinger",
           "progress": "framdrift"},
    "nn": {"objectives": "mal", "measures": "tiltak", "agencies": "verksemder", "recommendations": "tilrådingar",
           "coverage": "dekning", "budget": "budsjett", "timeline": "tidslinje", "downloads": "nedlastingar",
           "progress": "framdrift"},
    "en": {"objectives": "objectives", "measures": "measures", "agencies": "agencies",
           "recommendations": "recommendations", "coverage": "coverage", "budget": "budget", "timeline": "timeline",
           "downloads": "downloads", "progress": "progress"},
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


def t(key: str, lang: str, **values: object) -> str:
    entry = SITE_LABELS.get(key)
    if entry is not None:
        text = entry.get(lang) or entry["en"]
    elif has_label(key):
        text = label(key, lang)
    else:
        raise KeyError(f"no site label '{key}'")
    return text.format(**values) if values else text


def slug(kind: str, lang: str) -> str:
    return SLUGS.get(lang, SLUGS["en"])[kind]


def material_language(lang: str) -> str:
    return lang if lang in _MATERIAL_LANGUAGES else "en"


def search_language(lang: str) -> str:
    return _SEARCH_LANGUAGES.get(lang, "en")


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)
