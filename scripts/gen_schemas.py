"""Generate the JSON Schemas in src/napkit/data/schemas/ (also reachable as schemas/).

The schemas are written here, in one place, so that shared definitions (localised text, ids,
dates) and descriptions stay consistent across files. Run `python scripts/gen_schemas.py`
after editing; tests/test_schemas.py fails when the committed JSON differs from this output.
"""
import json, pathlib, sys
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1] / "src/napkit/data/schemas"
BASE = "https://napkit.invalid/schemas/"  # .invalid: an identifier only, never fetched

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
LANG_PATTERN = r"^[a-z]{2,3}$"

def text_def():
    return {
        "description": "Localised text: a plain string (same in every language) or one string per plan language, e.g. {nb: ..., en: ...}.",
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "minProperties": 1,
             "propertyNames": {"pattern": LANG_PATTERN},
             "additionalProperties": {"type": "string", "minLength": 1}},
        ],
    }

COMMON = {
    "text": text_def(),
    "id": {"type": "string", "pattern": ID_PATTERN, "maxLength": 64,
           "description": "A stable identifier: letters, digits, '-', '_' and '.', no path separators."},
    "date": {"type": "string", "pattern": DATE_PATTERN, "format": "date", "description": "A calendar date, YYYY-MM-DD."},
    "year": {"type": "integer", "minimum": 1900, "maximum": 2200, "description": "A calendar year."},
}

def ref(name):
    return {"$ref": f"#/definitions/{name}"}

def d(desc, schema):
    s = dict(schema); s["description"] = desc; return s

def obj(desc, props, required=(), extra=False):
    return {"type": "object", "description": desc, "additionalProperties": extra,
            "required": list(required), "properties": props}

def schema(name, title, desc, body, defs=None):
    defs = dict(COMMON, **(defs or {}))
    out = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": BASE + name,
           "title": title, "description": desc}
    out.update(body)
    out["definitions"] = defs
    (OUT / name).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")

PILLARS = ["prevention", "protection", "prosecution", "partnership", "coordination"]

# ---------------- plan
objective = obj("An objective of the plan; measures belong to exactly one.", {
    "id": d("Objective id, e.g. O1.", ref("id")),
    "title": d("Objective title.", ref("text")),
    "description": d("What the objective aims at and why.", ref("text")),
    "pillar": {"type": "string", "enum": PILLARS, "description": "The pillar of anti-trafficking work this objective mainly serves."},
}, ["id", "title", "pillar"])
funding = obj("A funding source that budget lines refer to.", {
    "id": d("Funding source id, referenced by budget lines.", ref("id")),
    "name": d("Name of the funding source.", ref("text")),
    "description": d("Where the money comes from and how it is decided.", ref("text")),
}, ["id", "name"])
VERSION_STATUS = ["draft", "consultation", "adopted", "revised"]
version = obj("A released version of the plan (a consultation draft, the adopted plan, a revision).", {
    "version": {"type": "string", "minLength": 1, "description": "Version number, e.g. '0.1' or '1.0'."},
    "date": d("Date the version was released.", ref("date")),
    "status": {"type": "string", "enum": VERSION_STATUS, "description": "draft, consultation (sent out for comments), adopted, or revised."},
    "ref": {"type": "string", "minLength": 1, "description": "Git tag or commit holding this version (e.g. v0.1); the newest may omit it (= the working tree)."},
    "note": d("What this version is, in a sentence (shown with the version).", ref("text")),
}, ["version", "date", "status"])
consultation = obj("The public consultation (høring) on the plan.", {
    "opens": d("First day responses are accepted.", ref("date")),
    "closes": d("Deadline for responses (the last day).", ref("date")),
    "how_to_respond": d("Where and how to send a response: address, case number, link.", ref("text")),
    "url": {"type": "string", "pattern": "^https://", "description": "The consultation's page (https)."},
}, ["opens", "closes", "how_to_respond"])
schema("plan.schema.json", "Plan", "The plan itself: identity, period, languages, currency, objectives and funding sources (plan/plan.yaml).",
    obj("The plan.", {
        "id": d("Plan id, used in output file names (e.g. nap-thb-2027).", ref("id")),
        "title": d("Title of the plan.", ref("text")),
        "subtitle": d("Optional subtitle shown on the cover and home page.", ref("text")),
        "country": d("Country or body the plan belongs to.", ref("text")),
        "period": obj("Years the plan runs, inclusive.", {
            "start": d("First year of the plan.", ref("year")),
            "end": d("Last year of the plan.", ref("year"))}, ["start", "end"]),
        "languages": {"type": "array", "minItems": 1, "uniqueItems": True,
                      "items": {"type": "string", "pattern": LANG_PATTERN},
                      "description": "Languages every text must be given in; the first is the default (e.g. [nb, en])."},
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 currency of all budget lines (e.g. NOK)."},
        "responsible": d("Id of the agency that owns and coordinates the plan.", ref("id")),
        "version": {"type": "string", "description": "Version label of this edition (e.g. 'Draft 0.3')."},
        "date": d("Date of this edition.", ref("date")),
        "introduction": d("Foreword / introduction shown first in the documents and on the home page (Markdown paragraphs).", ref("text")),
        "budget_note": d("How the budget figures were estimated.", ref("text")),
        "objectives": {"type": "array", "minItems": 1, "items": ref("objective"), "description": "The plan's objectives, in order."},
        "funding_sources": {"type": "array", "items": ref("funding"), "description": "Funding sources budget lines may name."},
        "reporting_periods": {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN},
                              "description": "Reporting periods progress is reported for (e.g. '2027')."},
        "adoption": d("Date the government adopts (or plans to adopt) the plan; milestones due before it are findings (NAP7xx).", ref("date")),
        "licence": {"type": "string", "enum": ["NLOD-2.0", "CC-BY-4.0", "CC0-1.0"],
                    "description": "The open licence of the plan's data and texts (SPDX id): NLOD-2.0 (Norsk lisens for offentlige data), CC-BY-4.0 or CC0-1.0. The site's open data (datapackage.json, DCAT-AP-NO) names it."},
        "accessibility": obj("Settings of the website's accessibility statement (tilgjengelighetserklæring), which napkit writes from them and from what it tests.", {
            "responsible": d("Agency (plan/agencies.yaml) responsible for the website; default: the plan's responsible agency.", ref("id")),
            "contact": {"type": "string", "pattern": r"^(mailto:[^\s@]+@[^\s@]+|https://\S+|[^\s@:]+@[^\s@]+)$",
                        "description": "Where to send feedback on accessibility: an e-mail address or an https:// form."},
            "date": d("Date the statement was last reviewed.", ref("date")),
            "uustatus": {"type": "string", "pattern": "^https://", "description": "The statement registered on uustatus.no, when it is."},
            "deviations": {"type": "array", "items": ref("text"),
                           "description": "Known deviations beyond those napkit itself lists (localised text)."},
        }),
        "budget_policy": obj("What the plan text promises about its money; the plan-quality rules compare it with the budget lines.", {
            "new_money_share_max": {"type": "number", "minimum": 0, "maximum": 1,
                                    "description": "Largest share (0–1) of the plan's money that may be new money, e.g. 0.5 when the text says most measures are funded within existing budgets."},
            "require_chapter": {"type": "boolean", "description": "True when every budget line must name its budget chapter (and post)."},
        }),
        "quality": {"type": "object", "propertyNames": {"pattern": "^NAP7[0-9]{2}$"},
                    "additionalProperties": {"type": "string", "enum": ["off", "info", "warning", "error"]},
                    "description": "Per plan-quality rule (NAP701–NAP799): off, or the severity to report it with (default: the rule's own, usually warning)."},
        "versions": {"type": "array", "items": ref("version"),
                     "description": "The released versions of the plan, oldest first; the newest one's number is `version`."},
        "consultation": ref("consultation"),
    }, ["id", "title", "period", "languages", "currency", "responsible", "objectives"]),
    {"objective": objective, "funding": funding, "version": version, "consultation": consultation})

# ---------------- agencies
KINDS = ["ministry", "directorate", "police", "prosecution", "court", "municipality", "ngo", "international", "other"]
agency = obj("A body that leads or takes part in measures.", {
    "id": d("Agency id, referenced by measures (usually its abbreviation).", ref("id")),
    "name": d("Official name.", ref("text")),
    "abbreviation": d("Common abbreviation.", ref("text")),
    "kind": {"type": "string", "enum": KINDS, "description": "What kind of body this is."},
    "parent": d("Id of the agency this one reports to, if any.", ref("id")),
    "url": {"type": "string", "pattern": "^https://", "description": "Official website (https)."},
    "independent": {"type": "boolean", "description": "True when the government cannot instruct the body (courts, the prosecuting authority, bodies of the parliament, the national human rights institution): a measure it leads must be an invitation or its own commitment."},
}, ["id", "name", "kind"])
schema("agencies.schema.json", "Agency registry", "Every body that leads or takes part in a measure (plan/agencies.yaml).",
    obj("The agency registry.", {"agencies": {"type": "array", "minItems": 1, "items": ref("agency"), "description": "The agencies."}}, ["agencies"]),
    {"agency": agency})

# ---------------- recommendations
STRENGTH = ["urges", "calls", "recommends", "strongly_recommends", "encourages", "suggests", "requests", "stresses", "notes"]
rec = obj("One distinct ask of a source document.", {
    "id": d("Stable recommendation id, e.g. OSCE23-R07.", ref("id")),
    "ref": obj("Where the recommendation stands in the source.", {
        "section": {"type": "string", "description": "Section of the source (e.g. 'VII.1' or 'IV')."},
        "paragraph": {"type": "integer", "minimum": 0, "description": "Numbered paragraph, where the source numbers them."},
        "item": {"type": "integer", "minimum": 1, "description": "Bullet within the section or paragraph (1 = first), where the ask is one of a list."},
        "page": {"type": "integer", "minimum": 1, "description": "Page in the source, where known."},
    }),
    "summary": d("The ask, summarised in our own words.", ref("text")),
    "quote": {"type": "string", "description": "Key terms quoted from the source (short)."},
    "pillar": {"type": "string", "enum": PILLARS, "description": "Pillar of anti-trafficking work."},
    "theme": {"type": "string", "pattern": ID_PATTERN, "description": "Theme slug (e.g. national-action-plan, victim-identification)."},
    "strength": {"type": "string", "enum": STRENGTH, "description": "How strongly the source words the ask; 'notes' when the source reports someone else's view (e.g. civil society's)."},
    "response": obj("The government's response.", {
        "status": {"type": "string", "enum": ["accepted", "partly", "noted"], "description": "accepted, partly accepted, or noted (not accepted)."},
        "justification": d("Why; required when the response is 'noted' or 'partly'.", ref("text")),
    }, ["status"]),
    "related": {"type": "array", "uniqueItems": True, "items": ref("id"), "description": "Ids of recommendations (in any catalog) on a related subject."},
    "same_as": {"type": "array", "uniqueItems": True, "items": ref("id"), "description": "Ids of recommendations (in any catalog) that make the same ask (e.g. a body paragraph restating a section VII ask); symmetric, and they should be answered alike."},
}, ["id", "summary", "pillar", "response"])
schema("recommendations.schema.json", "Recommendation catalog", "The recommendations of one source document (plan/recommendations/<source>.yaml).",
    obj("A recommendation catalog.", {
        "source": obj("The source document.", {
            "id": d("Source id, the prefix of its recommendation ids (e.g. OSCE23).", ref("id")),
            "title": d("Full title of the source document.", ref("text")),
            "short_title": d("Short name used in tables.", ref("text")),
            "author": d("Who issued it.", ref("text")),
            "date": d("Date of publication or finalisation.", ref("date")),
            "url": {"type": "string", "pattern": "^https://", "description": "Where the document is published."},
            "language": {"type": "string", "pattern": LANG_PATTERN, "description": "The language the document is written in, and so its quotes (default: en); pages in another language mark them with it."},
        }, ["id", "title"]),
        "recommendations": {"type": "array", "minItems": 1, "items": ref("recommendation"), "description": "The recommendations in source order."},
    }, ["source", "recommendations"]),
    {"recommendation": rec})

# ---------------- indicators
point = obj("A value of the indicator in one year.", {
    "year": d("Year the value refers to.", ref("year")),
    "value": {"type": "number", "description": "The value."},
    "source": d("Where the figure comes from.", ref("text")),
}, ["year", "value"])
indicator = obj("Something measured to follow the plan.", {
    "id": d("Indicator id, referenced by measures.", ref("id")),
    "name": d("Short name.", ref("text")),
    "definition": d("Exactly what is counted or measured.", ref("text")),
    "unit": d("Unit (e.g. 'cases', 'persons', 'per cent').", ref("text")),
    "source": d("Where the data will come from.", ref("text")),
    "baseline": {"type": "array", "items": ref("point"), "description": "Known values before the plan (a series)."},
    "targets": {"type": "array", "items": ref("point"), "description": "Values the plan aims for."},
    "direction": {"type": "string", "enum": ["increase", "decrease", "maintain"], "description": "What good looks like: the value should rise, fall, or hold."},
    "unit_kind": {"type": "string", "enum": ["count", "percent", "money", "other"], "description": "Kind of unit: a count, a percentage, an amount of money, or other."},
    "baseline_note": d("Why there is no baseline yet (allowed instead of a baseline).", ref("text")),
    "at_most": {"type": "array", "uniqueItems": True, "items": ref("id"),
                "description": "Ids of indicators this one can never exceed in the same year (e.g. convictions at most prosecutions); targets are compared year by year."},
}, ["id", "name", "definition", "unit"])
schema("indicators.schema.json", "Indicator registry", "Indicators measures refer to (plan/indicators.yaml).",
    obj("The indicator registry.", {"indicators": {"type": "array", "items": ref("indicator"), "description": "The indicators."}}, ["indicators"]),
    {"indicator": indicator, "point": point})

# ---------------- measure
STATUS = ["planned", "ongoing", "completed", "cancelled"]
measure_body = obj("A measure of the plan (measures/<id>.yaml).", {
    "id": d("Measure id; the file is named <id>.yaml.", ref("id")),
    "objective": d("Id of the objective the measure serves.", ref("id")),
    "title": d("Title: what will be done, in one line.", ref("text")),
    "description": d("What will be done, concretely (Markdown paragraphs).", ref("text")),
    "lead": d("Id of the one agency responsible.", ref("id")),
    "partners": {"type": "array", "description": "Agencies that take part, with their role.", "items": obj("A partner.", {
        "agency": d("Partner agency id.", ref("id")),
        "role": d("What the partner does.", ref("text"))}, ["agency"])},
    "implements": {"type": "array", "description": "Recommendations this measure answers.", "items": obj("A recommendation answered.", {
        "recommendation": d("Recommendation id.", ref("id")),
        "extent": {"type": "string", "enum": ["full", "partial"], "description": "Whether the measure answers the ask fully or in part."},
        "note": d("How the measure answers it.", ref("text"))}, ["recommendation", "extent"])},
    "timeline": obj("When the measure runs.", {
        "start": d("Start date.", ref("date")),
        "end": d("End date.", ref("date")),
        "milestones": {"type": "array", "description": "Dated deliverables.", "items": obj("A milestone.", {
            "id": d("Milestone id, unique within the measure (e.g. MS1).", ref("id")),
            "due": d("Due date.", ref("date")),
            "deliverable": d("What is delivered.", ref("text"))}, ["id", "due", "deliverable"])},
    }, ["start", "end"]),
    "budget": {"type": "array", "description": "Budget lines, one per year and funding source.", "items": obj("A budget line.", {
        "year": d("Budget year.", ref("year")),
        "amount": {"type": "number", "minimum": 0, "description": "Amount in the plan currency."},
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 currency; must be the plan's."},
        "source": d("Funding source id (plan.yaml funding_sources).", ref("id")),
        "new_money": {"type": "boolean", "description": "True for new appropriations, false for money within existing budgets."},
        "chapter": {"type": "string", "description": "Budget chapter where known (e.g. '440')."},
        "post": {"type": "string", "description": "Budget post within the chapter where known (e.g. '01', '70')."},
    }, ["year", "amount", "currency", "source", "new_money"])},
    "indicators": {"type": "array", "description": "Indicators that show the measure's effect.", "items": obj("An indicator used by the measure.", {
        "indicator": d("Indicator id (plan/indicators.yaml).", ref("id")),
        "baseline": obj("Value before the measure.", {
            "value": {"type": "number", "description": "Baseline value."},
            "year": d("Year of the baseline.", ref("year")),
            "source": d("Where the baseline figure comes from.", ref("text"))}, ["value", "year", "source"]),
        "target": obj("Value aimed for.", {
            "value": {"type": "number", "description": "Target value."},
            "year": d("Year the target should be reached.", ref("year"))}, ["value", "year"]),
    }, ["indicator", "target"])},
    "status": {"type": "string", "enum": STATUS, "description": "Planning status of the measure."},
    "commitment": {"type": "string", "enum": ["government", "invitation", "own"],
                   "description": "Who commits: the government (default), an invitation to a body the government cannot instruct, or that body's own commitment."},
    "after": {"type": "array", "uniqueItems": True, "items": ref("id"),
              "description": "Ids of measures this one builds on: it should not start before they start, nor end before they end."},
}, ["id", "objective", "title", "description", "lead", "timeline", "status"])
schema("measure.schema.json", "Measure", "One measure of the plan, one file per measure (measures/<id>.yaml).", measure_body)

# ---------------- progress
PSTATUS = ["not-started", "on-track", "delayed", "completed", "cancelled"]
schema("progress.schema.json", "Progress entry", "Progress on one measure in one reporting period (plan/progress/<period>/<measure>.yaml).",
    obj("A progress entry.", {
        "measure": d("Id of the measure reported on.", ref("id")),
        "period": {"type": ["string", "integer"], "pattern": ID_PATTERN, "description": "Reporting period (e.g. '2027'); must be one of the plan's reporting periods."},
        "reported_by": d("Id of the reporting agency.", ref("id")),
        "date": d("Date of the report.", ref("date")),
        "status": {"type": "string", "enum": PSTATUS, "description": "Status at the end of the period."},
        "completion": {"type": "integer", "minimum": 0, "maximum": 100, "description": "How far the measure has come, in per cent."},
        "done": d("What was done in the period.", ref("text")),
        "spent": {"type": "array", "description": "Money spent, per year.", "items": obj("Money spent in one year.", {
            "year": d("Year.", ref("year")),
            "amount": {"type": "number", "minimum": 0, "description": "Amount in the plan currency."}}, ["year", "amount"])},
        "milestones": {"type": "array", "description": "Milestones reached.", "items": obj("A milestone reached.", {
            "id": d("Milestone id in the measure.", ref("id")),
            "reached": d("Date reached.", ref("date"))}, ["id", "reached"])},
        "indicators": {"type": "array", "description": "Indicator values measured.", "items": obj("An actual value.", {
            "indicator": d("Indicator id.", ref("id")),
            "year": d("Year the value refers to.", ref("year")),
            "value": {"type": "number", "description": "The value."},
            "source": d("Where the figure comes from.", ref("text"))}, ["indicator", "year", "value"])},
        "example": {"type": "boolean", "description": "True when the entry is example data, not a claim about real implementation."},
    }, ["measure", "period", "reported_by", "date", "status"]))

# ---------------- consultation responses
RESPONDENT_KINDS = ["ngo", "municipality", "agency", "business", "academic", "individual", "other"]
DECISIONS = ["adopted", "partly", "not-adopted", "noted"]
cpoint = obj("One point a respondent makes, with the reasoned response to it.", {
    "id": d("Point id, unique within the file (e.g. P1).", ref("id")),
    "about": {"type": "string", "pattern": ID_PATTERN, "description": "What the point is about: a measure, recommendation or objective id, or 'general'."},
    "summary": d("The point, in our words.", ref("text")),
    "response": obj("The reasoned response: what was decided and why.", {
        "decision": {"type": "string", "enum": DECISIONS, "description": "adopted, partly (adopted in part), not-adopted, or noted (taken note of, no change asked or made)."},
        "rationale": d("Why: the reasons for the decision.", ref("text")),
        "changed": {"type": "array", "uniqueItems": True, "items": ref("id"),
                    "description": "Ids of the measures this point changed (when adopted or partly)."},
    }, ["decision", "rationale"]),
}, ["id", "about", "summary"])
schema("consultation.schema.json", "Consultation response", "One respondent's consultation response (høringssvar), its points and the reasoned response to each (plan/consultation/<respondent-id>.yaml).",
    obj("A consultation response.", {
        "respondent": obj("Who responded.", {
            "name": d("Name of the organisation or person.", ref("text")),
            "kind": {"type": "string", "enum": RESPONDENT_KINDS, "description": "What kind of respondent: ngo, municipality, agency, business, academic, individual, other."},
        }, ["name", "kind"]),
        "date": d("Date of the response.", ref("date")),
        "url": {"type": "string", "pattern": "^https://", "description": "The published response (https), where there is one."},
        "points": {"type": "array", "minItems": 1, "items": ref("point"), "description": "The points the respondent makes, in their order."},
    }, ["respondent", "date", "points"]),
    {"point": cpoint})

# ---------------- export (the JSON `nap export` writes)
TX = {"oneOf": [{"type": "null"}, {"type": "object", "additionalProperties": {"type": "string"}}],
      "description": "Text in every plan language ({lang: text}), or null when absent."}
YEARS = {"type": "object", "propertyNames": {"pattern": "^[0-9]{4}$"}, "additionalProperties": {"type": "number"},
         "description": "Amounts by year (keys are years)."}
def arr(desc, item): return {"type": "array", "description": desc, "items": item}
def o(desc, props, req=None): return {"type": "object", "description": desc, "required": list(req if req is not None else props), "properties": props}
S = lambda desc: {"type": "string", "description": desc}
SN = lambda desc: {"type": ["string", "null"], "description": desc}
IDS = lambda desc: arr(desc, {"type": "string"})
pointx = o("A dated value.", {"year": {"type": "integer", "description": "Year."}, "value": {"type": "number", "description": "Value."}, "source": dict(TX, description="Where the figure comes from.")}, ["year", "value"])
schema("export.schema.json", "napkit export", "The resolved plan model as written by `nap export --format json`. Stable for version 1: fields may be added, none removed or renamed.",
  o("The export.", {
    "format": {"const": "napkit-export", "description": "Always 'napkit-export'."},
    "version": {"type": "integer", "const": 1, "description": "Version of this shape."},
    "plan": o("The plan.", {"id": S("Plan id."), "title": dict(TX, description="Title."), "subtitle": dict(TX, description="Subtitle."),
        "country": dict(TX, description="Country."), "period": o("Years of the plan.", {"start": {"type": "integer", "description": "First year."}, "end": {"type": "integer", "description": "Last year."}}),
        "languages": IDS("Plan languages, default first."), "currency": S("ISO 4217 currency."), "responsible": S("Responsible agency id."),
        "version": S("Edition label."), "date": SN("Edition date."), "introduction": dict(TX, description="Introduction."),
        "budget_note": dict(TX, description="How the budget was estimated."), "reporting_periods": IDS("Reporting periods."),
        "adoption": SN("Date the government adopts the plan."),
        "licence": SN("SPDX id of the open licence of the data (plan.yaml licence)."),
        "budget_policy": o("Budget policy the plan text declares.", {"new_money_share_max": {"type": ["number", "null"], "description": "Largest share of new money, or null."},
            "require_chapter": {"type": "boolean", "description": "Whether budget lines must name their chapter."}})}),
    "objectives": arr("Objectives in plan order.", o("An objective.", {"id": S("Id."), "title": dict(TX, description="Title."), "description": dict(TX, description="Description."),
        "pillar": S("Pillar."), "measures": IDS("Ids of its measures."), "budget": dict(YEARS, description="Its measures' budget by year.")})),
    "funding_sources": arr("Funding sources.", o("A funding source.", {"id": S("Id."), "name": dict(TX, description="Name."), "description": dict(TX, description="Description.")})),
    "agencies": arr("Agencies in registry order.", o("An agency.", {"id": S("Id."), "name": dict(TX, description="Name."), "abbreviation": dict(TX, description="Abbreviation."),
        "kind": S("Kind of body."), "parent": SN("Parent agency id."), "url": SN("Website."),
        "independent": {"type": "boolean", "description": "The government cannot instruct it."}, "leads": IDS("Measures it leads."),
        "partner_in": IDS("Measures it is a partner in."), "budget": dict(YEARS, description="Budget of the measures it leads, by year.")})),
    "sources": arr("Recommendation sources.", o("A source document.", {"id": S("Id."), "title": dict(TX, description="Title."), "short_title": dict(TX, description="Short title."),
        "author": dict(TX, description="Author."), "date": SN("Date."), "url": SN("Address."),
        "coverage": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Count of its recommendations per coverage status."}})),
    "recommendations": arr("All recommendations, catalog by catalog in source order.", o("A recommendation.", {
        "id": S("Id."), "source": S("Source id."), "section": SN("Section."), "paragraph": {"type": ["integer", "null"], "description": "Paragraph."},
        "page": {"type": ["integer", "null"], "description": "Page."}, "summary": dict(TX, description="Summary."), "quote": SN("Quoted key terms."),
        "pillar": S("Pillar."), "theme": SN("Theme."), "strength": SN("Wording strength."),
        "response": o("Government response.", {"status": {"enum": ["accepted", "partly", "noted"], "description": "Status."}, "justification": dict(TX, description="Justification.")}),
        "related": IDS("Related recommendation ids."), "same_as": IDS("Ids of recommendations making the same ask."),
        "coverage": o("Coverage.", {"status": {"enum": ["covered", "partial", "uncovered", "noted"], "description": "Coverage status."},
            "measures": arr("Measures answering it.", o("An answer.", {"measure": S("Measure id."), "extent": {"enum": ["full", "partial"], "description": "Extent."}}))})})),
    "indicators": arr("Indicators.", o("An indicator.", {"id": S("Id."), "name": dict(TX, description="Name."), "definition": dict(TX, description="Definition."),
        "unit": dict(TX, description="Unit."), "source": dict(TX, description="Data source."), "baseline": arr("Baseline series.", pointx), "targets": arr("Targets.", pointx),
        "direction": SN("increase, decrease or maintain."), "unit_kind": SN("count, percent, money or other."),
        "baseline_note": dict(TX, description="Why there is no baseline."), "at_most": IDS("Indicators it cannot exceed.")})),
    "measures": arr("Measures in id order.", o("A measure.", {
        "id": S("Id."), "objective": S("Objective id."), "title": dict(TX, description="Title."), "description": dict(TX, description="Description."),
        "lead": S("Lead agency id."), "partners": arr("Partners.", o("A partner.", {"agency": S("Agency id."), "role": dict(TX, description="Role.")})),
        "implements": arr("Recommendations answered.", o("An answer.", {"recommendation": S("Recommendation id."), "extent": {"enum": ["full", "partial"], "description": "Extent."}, "note": dict(TX, description="Note.")})),
        "timeline": o("Timeline.", {"start": S("Start date."), "end": S("End date."), "milestones": arr("Milestones.", o("A milestone.", {"id": S("Id."), "due": S("Due date."), "deliverable": dict(TX, description="Deliverable.")}))}),
        "budget": arr("Budget lines.", o("A budget line.", {"year": {"type": "integer", "description": "Year."}, "amount": {"type": "number", "description": "Amount."},
            "currency": S("Currency."), "source": S("Funding source id."), "new_money": {"type": "boolean", "description": "New money?"}, "chapter": SN("Budget chapter."), "post": SN("Budget post.")})),
        "budget_total": {"type": "number", "description": "Sum of its budget lines."},
        "indicators": arr("Indicators.", o("An indicator use.", {"indicator": S("Indicator id."), "baseline": {"oneOf": [{"type": "null"}, pointx], "description": "Baseline."},
            "target": o("Target.", {"year": {"type": "integer", "description": "Year."}, "value": {"type": "number", "description": "Value."}})})),
        "status": S("Planning status."), "commitment": S("government, invitation or own."), "after": IDS("Measures it builds on."),
        "file": S("Repository path of its file.")})),
    "budget": o("Budget roll-ups, plan period only.", {"currency": S("Currency."), "total": {"type": "number", "description": "Grand total."},
        "by_year": dict(YEARS), "by_objective": {"type": "object", "additionalProperties": YEARS, "description": "Objective → year → amount."},
        "by_agency": {"type": "object", "additionalProperties": YEARS, "description": "Lead agency → year → amount."},
        "by_source": {"type": "object", "additionalProperties": YEARS, "description": "Funding source → year → amount."},
        "new_money": dict(YEARS, description="New money by year."), "existing_money": dict(YEARS, description="Money within existing budgets, by year.")}),
    "progress": arr("Progress entries, by period then measure.", o("A progress entry.", {
        "measure": S("Measure id."), "period": S("Reporting period."), "reported_by": S("Reporting agency id."), "date": S("Date of the report."),
        "status": {"enum": ["not-started", "on-track", "delayed", "completed", "cancelled"], "description": "Status at the end of the period."},
        "completion": {"type": ["integer", "null"], "description": "Per cent complete."}, "done": dict(TX, description="What was done."),
        "spent": arr("Money spent per year.", o("Spending.", {"year": {"type": "integer", "description": "Year."}, "amount": {"type": "number", "description": "Amount."}})),
        "milestones": arr("Milestones reached.", o("A milestone reached.", {"id": S("Milestone id."), "reached": S("Date reached.")})),
        "indicators": arr("Indicator actuals.", o("An actual value.", {"indicator": S("Indicator id."), "year": {"type": "integer", "description": "Year."},
            "value": {"type": "number", "description": "Value."}, "source": dict(TX, description="Source.")})),
        "example": {"type": "boolean", "description": "Example data, not a report of real implementation."}}), ),
    "coverage": o("Coverage summary.", {"percent": {"type": "number", "description": "Per cent of recommendations needing a measure that have one."},
        "to_answer": {"type": "integer", "description": "Recommendations accepted or partly accepted."}, "answered": {"type": "integer", "description": "Of those, answered by a measure."},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "Recommendations per coverage status."},
        "by_source": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}, "description": "Source → status → count."}}),
  }), {})
