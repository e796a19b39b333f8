"""The plan as open data: the files the site offers under /data/ (and in one zip).

- `<plan>.json`: the whole resolved model, as `nap export --format json`, with its JSON Schema
  (`export.schema.json`) beside it
- tidy CSV tables (export/csv_tables.py): measures, recommendations, coverage links, budget lines,
  indicators, indicator values (baselines, targets, actuals; long form) and progress entries
- `datapackage.json`: a Frictionless Data Package describing the CSV tables (field types, keys,
  licence, sources). The budget table follows the Fiscal Data Package conventions where they fit:
  each field says its `columnType` (`value`, `date:fiscal-year`, administrative and economic
  classification codes), the amount field its currency.
- `dcat.jsonld`: DCAT-AP-NO metadata of the dataset and each distribution, in JSON-LD, for
  registering the dataset on data.norge.no
- `<plan>-data.zip`: all of the above in one file

Deterministic: the same plan gives byte-identical files. JSON keys are written in a fixed order,
the zip's entries are sorted and carry one fixed timestamp (the site's pinned date) and mode."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from importlib import resources
from typing import Any

from ..analyse import Analysis
from ..model import PlanModel
from .csv_tables import TABLES, csv_bytes
from .json_model import export_json_text

DATA_DIR = "data"

# SPDX id → (name, URL) of the open licences a plan can declare (plan.yaml `licence`).
LICENCES = {
    "NLOD-2.0": ("Norsk lisens for offentlige data (NLOD) 2.0", "https://data.norge.no/nlod/no/2.0"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
}

TABLE_TITLES = {
    "measures": "Measures: objective, lead, partners, period, budget per year, status",
    "budget": "Budget lines: one row per measure, year and funding source",
    "recommendations": "Recommendations of every source report, with the government's response",
    "coverage": "Which measure answers which recommendation, and to what extent",
    "indicators": "Indicators: definition, unit, source, direction",
    "indicator_values": "Every figure of every indicator: baselines, targets and reported actual values",
    "progress": "Progress entries: what each lead agency reported per period",
}

# Fields that are not text. Columns named after a year (budget_2027, spent_2027) are numbers.
_TYPES = {
    "year": "integer", "amount": "number", "value": "number", "budget_total": "number", "milestones": "integer",
    "completion": "integer", "item": "integer", "paragraph": "integer", "page": "integer",
    "start": "date", "end": "date", "date": "date", "new_money": "boolean", "example": "boolean",
}
_KEYS = {"measures": ["id"], "recommendations": ["id"], "indicators": ["id"], "progress": ["measure", "period"]}
_FOREIGN = {
    "budget": [("measure", "measures", "id")],
    "coverage": [("measure", "measures", "id"), ("recommendation", "recommendations", "id")],
    "progress": [("measure", "measures", "id")],
}
# Fiscal Data Package column types of the budget table.
_FISCAL = {
    "amount": "value", "year": "date:fiscal-year", "lead": "administrative-classification:generic:code",
    "chapter": "administrative-classification:generic:level1:code",
    "post": "economic-classification:generic:level1:code", "source": "fin-source:generic:code",
    "measure": "project:generic:code", "objective": "functional-classification:generic:code",
}


def _field(table: str, name: str, currency: str) -> dict[str, Any]:
    kind = _TYPES.get(name, "string")
    if name.split("_")[0] in ("budget", "spent") and name.split("_")[-1].isdigit():
        kind = "number"
    field: dict[str, Any] = {"name": name, "type": kind}
    if kind == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if table == "budget" and name in _FISCAL:
        field["columnType"] = _FISCAL[name]
    if kind == "number" and (name in ("amount", "budget_total") or name.startswith(("budget_", "spent_"))):
        field["currency"] = currency
    return field


def _csv_header(data: bytes) -> list[str]:
    first = data.decode("utf-8-sig").split("\r\n", 1)[0]
    return first.split(",")


def datapackage(model: PlanModel, tables: dict[str, bytes]) -> dict[str, Any]:
    plan = model.plan
    langs = model.languages
    title = plan.title.get("en", langs) if "en" in langs else plan.title.get(plan.default_language, langs)
    package: dict[str, Any] = {
        "name": plan.id.lower(),
        "title": title,
        "description": "The plan's measures, recommendations, coverage, budget, indicators and progress as tidy "
                       "tables, made by napkit from the plan's YAML files.",
        "version": plan.version or None,
        "created": plan.date.isoformat() + "T00:00:00Z" if plan.date else None,
        "languages": list(langs),
        "licenses": [],
        "sources": [{"title": s.title.get("en", langs), **({"path": s.url} if s.url else {})} for s in model.sources],
        "keywords": ["human trafficking", "national action plan", "menneskehandel", "handlingsplan"],
        "resources": [],
    }
    if plan.licence in LICENCES:
        name, url = LICENCES[plan.licence]
        package["licenses"] = [{"name": plan.licence, "path": url, "title": name}]
    else:
        del package["licenses"]
    for key in ("version", "created"):
        if package[key] is None:
            del package[key]
    for table, data in tables.items():
        fields = [_field(table, n, plan.currency) for n in _csv_header(data)]
        schema: dict[str, Any] = {"fields": fields}
        if table in _KEYS:
            schema["primaryKey"] = _KEYS[table]
        if table in _FOREIGN:
            schema["foreignKeys"] = [{"fields": f, "reference": {"resource": r, "fields": k}}
                                     for f, r, k in _FOREIGN[table]]
        resource = {
            "name": table.replace("_", "-"), "path": f"{table}.csv", "title": TABLE_TITLES.get(table, table),
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": schema,
        }
        if table == "budget":
            resource["description"] = ("Follows the Fiscal Data Package conventions where they fit: columnType "
                                       "on each field; amounts in " + plan.currency + ", fiscal years as calendar "
                                       "years.")
            resource["fiscalPeriod"] = {"start": plan.start.isoformat(), "end": plan.end.isoformat()}
        package["resources"].append(resource)
    return package


def dcat(model: PlanModel, files: dict[str, bytes], issued: dt.date) -> dict[str, Any]:
    """DCAT-AP-NO (dcat:Dataset with its distributions) as JSON-LD. IRIs of the files are relative:
    they resolve against where dcat.jsonld is published (the site's /data/ folder)."""
    plan = model.plan
    langs = model.languages

    def lit(text) -> list[dict[str, str]]:
        return [{"@language": lang, "@value": text.get(lang, langs)} for lang in langs if text.has(lang) or text]

    responsible = model.agencies.get(plan.responsible)
    publisher: dict[str, Any] = {"@type": "foaf:Agent", "foaf:name": lit(responsible.name) if responsible else plan.responsible}
    if responsible is not None and responsible.url:
        publisher["foaf:homepage"] = {"@id": responsible.url}
    contact: dict[str, Any] = {"@type": "vcard:Organization",
                               "vcard:fn": lit(responsible.name) if responsible else plan.responsible}
    if plan.accessibility.contact and "@" in plan.accessibility.contact:
        mail = plan.accessibility.contact
        contact["vcard:hasEmail"] = {"@id": mail if mail.startswith("mailto:") else "mailto:" + mail}
    media = {"json": "application/json", "csv": "text/csv", "zip": "application/zip", "jsonld": "application/ld+json"}
    formats = {"json": "JSON", "csv": "CSV", "zip": "ZIP", "jsonld": "JSON_LD"}
    licence = LICENCES.get(plan.licence or "")
    distributions = []
    for name in sorted(files):
        ext = name.rsplit(".", 1)[-1]
        dist: dict[str, Any] = {
            "@type": "dcat:Distribution", "dct:title": name, "dcat:accessURL": {"@id": name},
            "dcat:downloadURL": {"@id": name}, "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media[ext]}"},
            "dct:format": {"@id": f"http://publications.europa.eu/resource/authority/file-type/{formats[ext]}"},
            "dcat:byteSize": {"@type": "xsd:decimal", "@value": str(len(files[name]))},
        }
        if licence:
            dist["dct:license"] = {"@id": licence[1]}
        distributions.append(dist)
    dataset: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "@id": f"#{plan.id}",
        "dct:identifier": plan.id,
        "dct:title": lit(plan.title),
        "dct:description": lit(plan.subtitle) if plan.subtitle else lit(plan.title),
        "dct:publisher": publisher,
        "dcat:contactPoint": contact,
        "dcat:theme": [{"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"},
                       {"@id": "http://publications.europa.eu/resource/authority/data-theme/JUST"}],
        "dcat:keyword": [{"@language": "nb", "@value": "menneskehandel"}, {"@language": "nb", "@value": "handlingsplan"},
                         {"@language": "en", "@value": "human trafficking"}, {"@language": "en", "@value": "action plan"}],
        "dct:language": [{"@id": f"http://publications.europa.eu/resource/authority/language/{_EU_LANG.get(lang, lang.upper())}"}
                         for lang in langs],
        "dct:temporal": {"@type": "dct:PeriodOfTime",
                         "dcat:startDate": {"@type": "xsd:date", "@value": plan.start.isoformat()},
                         "dcat:endDate": {"@type": "xsd:date", "@value": plan.end.isoformat()}},
        "dct:issued": {"@type": "xsd:date", "@value": issued.isoformat()},
        "dct:accessRights": {"@id": "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
        "dcat:distribution": distributions,
    }
    if licence:
        dataset["dct:license"] = {"@id": licence[1]}
    if plan.version:
        dataset["dcat:version"] = plan.version
    return {"@context": _CONTEXT, **dataset}


_EU_LANG = {"nb": "NOB", "nn": "NNO", "en": "ENG", "se": "SME", "sv": "SWE", "da": "DAN", "de": "DEU", "fr": "FRA"}
_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def deterministic_zip(files: dict[str, bytes], when: dt.date) -> bytes:
    """A zip of `files` that is the same bytes for the same files: sorted entries, one timestamp,
    one mode, no extra fields."""
    buf = io.BytesIO()
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, files[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def open_data_files(model: PlanModel, analysis: Analysis, when: dt.date) -> dict[str, bytes]:
    """File name → bytes of every open-data file (see the module docstring)."""
    tables = {name: csv_bytes(model, name) for name in TABLES}
    files: dict[str, bytes] = {f"{model.plan.id}.json": export_json_text(model, analysis).encode("utf-8"),
                               "export.schema.json": resources.files("napkit.data").joinpath(
                                   "schemas/export.schema.json").read_bytes()}
    files.update({f"{name}.csv": data for name, data in tables.items()})
    files["datapackage.json"] = _json(datapackage(model, tables))
    files["dcat.jsonld"] = _json(dcat(model, dict(files), when))
    files[f"{model.plan.id}-data.zip"] = deterministic_zip(files, when)
    return files
