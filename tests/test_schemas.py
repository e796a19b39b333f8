"""Schemas: generated from scripts/gen_schemas.py, draft-07 valid, described, and the modelines resolve."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from plan_testing import REPO

SCHEMAS = sorted((REPO / "src/napkit/data/schemas").glob("*.schema.json"))


def test_committed_schemas_match_the_generator(tmp_path):
    subprocess.run([sys.executable, str(REPO / "scripts/gen_schemas.py"), str(tmp_path)], check=True)
    for schema in SCHEMAS:
        assert (tmp_path / schema.name).read_text() == schema.read_text(), f"regenerate {schema.name}"


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_valid_draft7_with_id_and_descriptions(path):
    schema = json.loads(path.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$id"].endswith(path.name)

    def walk(node, where):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert "description" in sub or "$ref" in sub, f"{path.name}: {where}.{name} has no description"
            for key, sub in node.items():
                walk(sub, f"{where}.{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}[{i}]")

    walk(schema, "")


def test_top_level_schemas_are_the_package_schemas_with_the_plans_choices():
    """schemas/ (for editors, written by `nap schemas`) is napkit's schemas plus enums of ids."""
    def without_choices(node):
        if isinstance(node, dict):
            if "enum" in node and "allOf" in node and "markdownEnumDescriptions" in node:
                return without_choices(node["allOf"][0])
            return {k: without_choices(v) for k, v in node.items()}
        if isinstance(node, list):
            return [without_choices(v) for v in node]
        return node

    for packaged in sorted((REPO / "src/napkit/data/schemas").glob("*.schema.json")):
        editor = json.loads((REPO / "schemas" / packaged.name).read_text(encoding="utf-8"))
        assert without_choices(editor) == json.loads(packaged.read_text(encoding="utf-8")), packaged.name
