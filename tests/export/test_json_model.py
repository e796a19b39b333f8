"""export/json_model.py: the export validates against its own schema and carries the roll-ups."""

from __future__ import annotations

import json

import jsonschema

from plan_testing import REPO, nap


def test_export_validates_against_export_schema(valid_plan):
    result = nap("export", root=valid_plan)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text())
    jsonschema.Draft7Validator(schema).validate(data)
    assert data["budget"]["total"] == 6_000_000
    assert data["budget"]["by_year"] == {"2027": 3_500_000, "2028": 2_500_000}
    rec = {r["id"]: r for r in data["recommendations"]}
    assert rec["SRC-01"]["coverage"] == {"status": "covered", "measures": [{"measure": "M-01", "extent": "full"}]}
    assert rec["SRC-02"]["coverage"]["status"] == "partial"
    assert rec["SRC-03"]["coverage"]["status"] == "noted"
    assert data["coverage"]["percent"] == 100.0
    progress = {(e["period"], e["measure"]): e for e in data["progress"]}
    assert set(progress) == {("2027", "M-01"), ("2027", "M-02")}
    assert progress[("2027", "M-01")]["status"] == "completed" and progress[("2027", "M-01")]["example"] is True


def test_export_to_file_is_written_whole_and_nothing_else_changes(valid_plan, tmp_path):
    out = tmp_path / "out.json"
    before = sorted(p.relative_to(valid_plan) for p in valid_plan.rglob("*"))
    assert nap("export", "-o", out, root=valid_plan).exit_code == 0
    assert json.loads(out.read_text())["format"] == "napkit-export"
    assert sorted(p.relative_to(valid_plan) for p in valid_plan.rglob("*")) == before
    assert not list(tmp_path.glob(".out.json*"))  # no temporary left behind


def test_export_refuses_a_plan_with_errors(valid_plan):
    m = valid_plan / "measures" / "M-01.yaml"
    m.write_text(m.read_text().replace("lead: MIN", "lead: NOBODY"))
    result = nap("export", root=valid_plan)
    assert result.exit_code == 1
    assert "NAP204" in result.stderr
