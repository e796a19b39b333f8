"""Open data (export/open_data.py): the package validates with frictionless, the CSV tables carry
the same numbers as the JSON, the DCAT-AP-NO metadata names every file, and the same plan gives
the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from napkit.export.open_data import LICENCES, open_data_files
from napkit.pipeline import run_folder

REPO = Path(__file__).parents[2]
PLANS = {"fixture": REPO / "tests" / "fixtures" / "valid_plan", "demo": REPO / "examples" / "demo", "real": REPO}
WHEN = dt.date(2026, 12, 1)


@pytest.fixture(scope="module", params=sorted(PLANS))
def plan(request):
    result = run_folder(PLANS[request.param])
    if not result.ok():
        pytest.skip(f"{request.param} plan has errors right now")
    return result.model, result.analysis, open_data_files(result.model, result.analysis, WHEN)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_data_package_validates_with_frictionless(plan, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    model, _a, files = plan
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    problems = [(t.name, e.type, e.note) for t in report.tasks for e in t.errors] + [e.note for e in report.errors]
    assert report.valid, problems[:20]
    package = json.loads(files["datapackage.json"])
    assert {r["path"] for r in package["resources"]} == {n for n in files if n.endswith(".csv")}
    if model.plan.licence:
        assert package["licenses"][0]["name"] == model.plan.licence
        assert package["licenses"][0]["path"] == LICENCES[model.plan.licence][1]
    budget = next(r for r in package["resources"] if r["name"] == "budget")
    types = {f["name"]: f.get("columnType") for f in budget["schema"]["fields"]}
    assert types["amount"] == "value" and types["year"] == "date:fiscal-year"


def test_csv_tables_carry_the_numbers_of_the_json(plan) -> None:
    model, _a, files = plan
    data = json.loads(files[f"{model.plan.id}.json"])
    measures = {m["id"]: m for m in data["measures"]}

    budget = rows(files["budget.csv"])
    from_json = sorted((m["id"], b["year"], b["amount"], b["source"]) for m in data["measures"] for b in m["budget"])
    from_csv = sorted((r["measure"], int(r["year"]), float(r["amount"]), r["source"]) for r in budget)
    assert from_csv == [(a, b, float(c), d) for a, b, c, d in from_json]

    for r in rows(files["measures.csv"]):
        m = measures[r["id"]]
        assert float(r["budget_total"]) == pytest.approx(m["budget_total"])
        for year in model.plan.years:
            assert float(r[f"budget_{year}"]) == pytest.approx(sum(b["amount"] for b in m["budget"] if b["year"] == year))

    values = rows(files["indicator_values.csv"])
    for ind in data["indicators"]:
        for kind in ("baseline", "target"):
            points = ind["baseline"] if kind == "baseline" else ind["targets"]
            got = sorted((int(r["year"]), float(r["value"])) for r in values
                         if r["indicator"] == ind["id"] and r["kind"] == kind)
            assert got == sorted((p["year"], float(p["value"])) for p in points)
    actuals = sorted((x["indicator"], x["year"], float(x["value"]), e["measure"])
                     for e in data["progress"] for x in e["indicators"])
    assert sorted((r["indicator"], int(r["year"]), float(r["value"]), r["measure"]) for r in values
                  if r["kind"] == "actual") == actuals

    progress = rows(files["progress.csv"])
    assert len(progress) == len(data["progress"])
    for r, e in zip(progress, data["progress"]):
        assert (r["measure"], r["period"]) == (e["measure"], e["period"])
        assert (int(r["completion"]) if r["completion"] else None) == e["completion"]
        for s in e["spent"]:
            assert float(r[f"spent_{s['year']}"]) == pytest.approx(sum(x["amount"] for x in e["spent"]
                                                                      if x["year"] == s["year"]))

    coverage = rows(files["coverage.csv"])
    assert sorted((r["measure"], r["recommendation"], r["extent"]) for r in coverage) == sorted(
        (m["id"], x["recommendation"], x["extent"]) for m in data["measures"] for x in m["implements"])
    recs = rows(files["recommendations.csv"])
    assert [r["id"] for r in recs] == [r["id"] for r in data["recommendations"]]
    assert [r["response"] for r in recs] == [r["response"]["status"] for r in data["recommendations"]]


def test_dcat_ap_no_names_the_dataset_and_every_file(plan) -> None:
    model, _a, files = plan
    d = json.loads(files["dcat.jsonld"])
    assert d["@type"] == "dcat:Dataset" and d["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    titles = {t["@language"]: t["@value"] for t in d["dct:title"]}
    assert titles[model.plan.default_language] == model.plan.title.get(model.plan.default_language)
    names = {x["dcat:downloadURL"]["@id"] for x in d["dcat:distribution"]}
    assert names == set(files) - {"dcat.jsonld", f"{model.plan.id}-data.zip"}
    if model.plan.licence:
        assert d["dct:license"]["@id"] == LICENCES[model.plan.licence][1]
    assert d["dct:temporal"]["dcat:startDate"]["@value"] == f"{model.plan.start_year}-01-01"


def test_the_same_plan_gives_the_same_bytes_and_the_zip_holds_everything(plan) -> None:
    model, analysis, files = plan
    again = open_data_files(model, analysis, WHEN)
    assert again == files
    z = zipfile.ZipFile(io.BytesIO(files[f"{model.plan.id}-data.zip"]))
    names = z.namelist()
    assert names == sorted(names) == sorted(set(files) - {f"{model.plan.id}-data.zip"})
    assert {i.date_time for i in z.infolist()} == {(2026, 12, 1, 0, 0, 0)}
    for name in names:
        assert z.read(name) == files[name]


def test_the_json_is_the_export_and_validates_against_its_schema(plan) -> None:
    import jsonschema

    model, _a, files = plan
    data = json.loads(files[f"{model.plan.id}.json"])
    jsonschema.validate(data, json.loads(files["export.schema.json"]))
    assert data["plan"]["licence"] == model.plan.licence


def test_spreadsheet_formulas_stay_neutral_in_the_open_data() -> None:
    import dataclasses

    from napkit.model import Text

    result = run_folder(PLANS["fixture"])
    model = result.model
    rec = next(iter(model.recommendations.values()))
    hostile = dataclasses.replace(rec, summary=Text.of({"nb": "=HYPERLINK(\"x\")", "en": "+1+1"}))
    model = dataclasses.replace(model, recommendations={**model.recommendations, rec.id: hostile})
    files = open_data_files(model, result.analysis, WHEN)
    row = rows(files["recommendations.csv"])[0]
    assert row["summary_nb"].startswith("'=") and row["summary_en"] == "'+1+1"
