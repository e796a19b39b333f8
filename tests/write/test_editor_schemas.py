"""`nap schemas`: editor schemas with the plan's own ids as choices, written as real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
from plan_testing import FIXTURES, REPO, nap

from napkit.load.yaml_doc import parse


def _load(path: Path):
    # as napkit and editors read YAML (1.2: dates stay text, as the schemas expect)
    return parse(path.name, "measure", path.read_bytes()).data


def _validator(root: Path, name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((root / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schemas_offer_the_plans_ids_and_every_plan_file_still_validates(tmp_path: Path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    result = nap("schemas", root=root)
    assert result.exit_code == 0, result.output
    assert (root / "schemas").is_dir() and not (root / "schemas").is_symlink()
    measure = _validator(root, "measure.schema.json")
    lead = measure.schema["properties"]["lead"]
    assert lead["enum"] == ["MIN", "POL", "NGO"]
    assert lead["markdownEnumDescriptions"] == ["Departementet", "Politiet", "Hjelpeorganisasjonen"]
    for path in sorted((root / "measures").glob("*.yaml")):
        assert not list(measure.iter_errors(_load(path))), path
    progress = _validator(root, "progress.schema.json")
    for path in sorted((root / "plan/progress").rglob("*.yaml")):
        assert not list(progress.iter_errors(_load(path))), path
    # an editor underlines a lead that is not one of the plan's agencies
    data = _load(root / "measures/M-01.yaml")
    data["lead"] = "POLL"
    assert [e.validator for e in measure.iter_errors(data)] == ["enum"]


def test_check_says_when_schemas_are_out_of_date_and_writes_nothing(tmp_path: Path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    assert nap("schemas", root=root).exit_code == 0
    assert nap("schemas", "--check", root=root).exit_code == 0
    agencies = root / "plan/agencies.yaml"
    agencies.write_text(agencies.read_text() + "  - id: NEW\n    name: {nb: Ny, en: New}\n    kind: other\n")
    before = (root / "schemas/measure.schema.json").read_bytes()
    result = nap("schemas", "--check", root=root)
    assert result.exit_code == 1 and "schemas/measure.schema.json" in result.stderr
    assert (root / "schemas/measure.schema.json").read_bytes() == before
    assert nap("schemas", root=root).exit_code == 0
    assert "NEW" in json.loads((root / "schemas/measure.schema.json").read_text())["properties"]["lead"]["enum"]


def test_the_repository_schemas_are_real_files():
    folder = REPO / "schemas"
    assert folder.is_dir() and not folder.is_symlink()
    names = {p.name for p in folder.glob("*.schema.json")}
    assert names == {p.name for p in (REPO / "src/napkit/data/schemas").glob("*.schema.json")}
