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
    # -- indicators (issue 16) --
    "indicators_intro": {"nb": "Indikatorene viser om planen virker: utgangsverdien, de faktiske verdiene som er rapportert for hver periode, og målet. Statusen regnes ut av tallene med metoden Open SDG bruker.",
                         "en": "The indicators show whether the plan works: the baseline, the actual values reported for each period, and the target. The status is calculated from the figures with the method Open SDG uses."},
    "no_plan_indicators": {"nb": "Planen har ingen indikatorer ennå.", "en": "The plan has no indicators yet."},
    "ind_status": {"nb": "Framdriftsstatus", "en": "Progress status"},
    "ind_status_counts": {"nb": "Indikatorer per status", "en": "Indicators by status"},
    "ind_latest": {"nb": "Siste faktiske verdi", "en": "Latest actual value"},
    "ind_actual": {"nb": "Faktisk verdi", "en": "Actual value"},
    "ind_kind": {"nb": "Hva", "en": "What"},
    "ind_value": {"nb": "Verdi", "en": "Value"},
    "ind_path": {"nb": "Vei mot målet", "en": "Path to the target"},
    "ind_development": {"nb": "Utvikling", "en": "Development"},
    "ind_series_caption": {"nb": "{name}: utgangsverdi, faktiske verdier og mål", "en": "{name}: baseline, actual values and targets"},
    "chart.indicator": {"nb": "Linjediagram: {name} per år, med utgangsverdi, faktiske verdier, mål og en stiplet mållinje.",
                        "en": "Line chart: {name} by year, with baseline, actual values, targets and a dashed target line."},
    "ind_no_figures": {"nb": "Indikatoren har ingen tall ennå.", "en": "The indicator has no figures yet."},
    "ind_measures": {"nb": "Tiltak som bruker indikatoren", "en": "Measures that use the indicator"},
    "ind_no_measures": {"nb": "Ingen tiltak bruker indikatoren.", "en": "No measure uses the indicator."},
    "ind_method": {"nb": "Slik regnes statusen ut", "en": "How the status is calculated"},
    "ind_method_link": {"nb": "Slik regnes statusen ut", "en": "How the status is calculated"},
    "ind_method.intro": {"nb": "Statusen følger metoden Statistics Canada utviklet og Open SDG bruker: den sammenligner den årlige veksten fra utgangsverdien til siste faktiske verdi med veksten som trengs for å nå målet i tide.",
                         "en": "The status follows the method Statistics Canada developed and Open SDG uses: it compares the annual growth from the baseline to the latest actual value with the growth needed to reach the target on time."},
    "ind_method.target": {"nb": "Med et tallfestet mål: nådd når siste verdi er på målet eller bedre; ellers regnes forholdet R mellom observert og nødvendig gjennomsnittlig årlig vekst. R ≥ 95 % er betydelig framgang, 60–95 % moderat, 0–60 % begrenset, og under 0 tilbakegang.",
                          "en": "With a quantitative target: achieved when the latest value meets the target; otherwise the ratio R of observed to required compound annual growth is calculated. R ≥ 95 % is substantial progress, 60–95 % moderate, 0–60 % limited, and below 0 deterioration."},
    "ind_method.trend": {"nb": "Uten mål: den årlige veksten i ønsket retning. Minst 1,5 % i året er betydelig framgang, 0,5–1,5 % moderat, 0–0,5 % begrenset, og under 0 tilbakegang.",
                         "en": "Without a target: the annual growth in the desired direction. At least 1.5 % a year is substantial progress, 0.5–1.5 % moderate, 0–0.5 % limited, and below 0 deterioration."},
    "ind_method.choices": {"nb": "Utgangsverdien er den siste som er oppgitt, målet det siste målåret. Uten utgangsverdi, uten en faktisk verdi etter utgangsåret eller uten kjent retning er det ikke nok data. En utgangsverdi eller et mål på 0 regnes som 0,001, som i Open SDG.",
                           "en": "The baseline is the latest one given, the target that of the last target year. Without a baseline, without an actual value after the base year or without a known direction there is not enough data. A baseline or target of 0 is taken as 0.001, as in Open SDG."},
    "ind_status.achieved": {"nb": "Målet er nådd", "en": "Target achieved"},
    "ind_status.substantial": {"nb": "Betydelig framgang", "en": "Substantial progress"},
    "ind_status.moderate": {"nb": "Moderat framgang", "en": "Moderate progress"},
    "ind_status.limited": {"nb": "Begrenset framgang", "en": "Limited progress"},
    "ind_status.deterioration": {"nb": "Tilbakegang", "en": "Deterioration"},
    "ind_status.not_available": {"nb": "Ikke nok data", "en": "Not enough data"},
    "ind_reason.no-baseline": {"nb": "Indikatoren har ingen utgangsverdi ennå.", "en": "The indicator has no baseline yet."},
    "ind_reason.no-actual": {"nb": "Ingen faktisk verdi etter utgangsåret er rapportert ennå.", "en": "No actual value after the base year has been reported yet."},
    "ind_reason.sign-change": {"nb": "Verdiene skifter fortegn, og da kan veksten ikke regnes ut.", "en": "The values change sign, so the growth cannot be calculated."},
    "ind_reason.no-direction": {"nb": "Det er ikke oppgitt om økning eller nedgang er ønsket, og målet sier det ikke.", "en": "Whether an increase or a decrease is wanted is not given, and the target does not tell."},
    "ind_reason.None": {"nb": "Ikke nok data.", "en": "Not enough data."},
    "ind_explain.achieved": {"nb": "Siste verdi, {actual}, når målet {target}.", "en": "The latest value, {actual}, meets the target {target}."},
    "ind_explain.target": {"nb": "Fra utgangsverdien {baseline} til siste verdi {actual} er den årlige veksten {ratio} % av veksten som trengs for å nå målet {target}.",
                           "en": "From the baseline {baseline} to the latest value {actual}, the annual growth is {ratio} % of the growth needed to reach the target {target}."},
    "ind_explain.trend": {"nb": "Fra utgangsverdien {baseline} til siste verdi {actual} er endringen {rate} % i året; indikatoren har ikke noe tallfestet mål.",
                          "en": "From the baseline {baseline} to the latest value {actual}, the change is {rate} % a year; the indicator has no quantitative target."},
    "ind_explain.wrong_way": {"nb": "Fra utgangsverdien {baseline} har verdien gått bort fra målet {target}: siste verdi er {actual}.",
                              "en": "From the baseline {baseline} the value has moved away from the target {target}: the latest value is {actual}."},
    "definition": {"nb": "Definisjon", "en": "Definition"},
    "direction": {"nb": "Ønsket retning", "en": "Desired direction"},
    "direction.increase": {"nb": "Økning", "en": "Increase"},
    "direction.decrease": {"nb": "Nedgang", "en": "Decrease"},
    "direction.maintain": {"nb": "Holde nivået", "en": "Maintain the level"},
    "direction.none": {"nb": "Ikke oppgitt", "en": "Not given"},
    "all_indicators": {"nb": "Alle indikatorer", "en": "All indicators"},
    # -- recommendation pages (issue 16) --
    "recommendation_in": {"nb": "Anbefaling i", "en": "Recommendation in"},
    "our_summary": {"nb": "Vårt sammendrag", "en": "Our summary"},
    "government_response": {"nb": "Regjeringens svar", "en": "The government's response"},
    "latest_progress": {"nb": "Siste framdrift", "en": "Latest progress"},
    "no_progress_yet": {"nb": "Ikke rapportert ennå", "en": "Not reported yet"},
    "no_measure_for_rec": {"nb": "Ingen tiltak svarer på anbefalingen ennå.", "en": "No measure answers the recommendation yet."},
    "noted_no_measure": {"nb": "Regjeringen har tatt anbefalingen til orientering; den krever ikke et tiltak i planen.",
                         "en": "The government has noted the recommendation; it does not call for a measure in the plan."},
    "same_ask": {"nb": "Samme anbefaling andre steder", "en": "The same ask elsewhere"},
    "catalog_intro": {"nb": "Hver anbefaling har en egen side med sitat, regjeringens svar og tiltakene som følger den opp. Velg verdier under for å vise bare noen av dem.",
                      "en": "Each recommendation has a page of its own with the quote, the government's response and the measures that follow it up. Choose values below to show only some of them."},
    "filter_label": {"nb": "Filtrer anbefalingene", "en": "Filter the recommendations"},
    "filter_all": {"nb": "Alle", "en": "All"},
    "filter_reset": {"nb": "Vis alle", "en": "Show all"},
    "filter_count": {"nb": "Viser {shown} av {total} anbefalinger.", "en": "Showing {shown} of {total} recommendations."},
    "no_theme": {"nb": "Uten tema", "en": "No theme"},
}

# The folder (URL segment) of each page kind, per language. The default language's pages sit
# at the site root, every other language under /<lang>/.
SLUGS: dict[str, dict[str, str]] = {
    "nb": {"objectives": "mal", "measures": "tiltak", "agencies": "virksomheter", "recommendations": "anbefalinger",
           "coverage": "dekning", "budget": "budsjett", "timeline": "tidslinje", "downloads": "nedlastinger",
           "progress": "framdrift", "indicators": "indikatorer", "accessibility": "tilgjengelighetserklaering"},
    "nn": {"objectives": "mal", "measures": "tiltak", "agencies": "verksemder", "recommendations": "tilrådingar",
           "coverage": "dekning", "budget": "budsjett", "timeline": "tidslinje", "downloads": "nedlastingar",
           "progress": "framdrift", "indicators": "indikatorar", "accessibility": "tilgjengeerklaering"},
    "en": {"objectives": "objectives", "measures": "measures", "agencies": "agencies",
           "recommendations": "recommendations", "coverage": "coverage", "budget": "budget", "timeline": "timeline",
           "downloads": "downloads", "progress": "progress", "indicators": "indicators",
           "accessibility": "accessibility-statement"},
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
