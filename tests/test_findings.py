"""The findings table: documented, and every code exercised by a case in tests/bad/."""

from __future__ import annotations

import importlib.util
import re

from plan_testing import REPO, TESTS
from napkit.findings import CODES


def _generator():
    spec = importlib.util.spec_from_file_location("gen_findings_doc", REPO / "scripts" / "gen_findings_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_table_is_current():
    assert (REPO / "docs" / "findings.md").read_text(encoding="utf-8") == _generator().render(), \
        "run: python scripts/gen_findings_doc.py"


def test_every_code_has_a_bad_input_case():
    exercised = set()
    for expected in (TESTS / "bad").glob("*/expected.yaml"):
        exercised |= set(re.findall(r"NAP\d{3}", expected.read_text()))
    missing = set(CODES) - exercised
    assert not missing, f"codes without a case in tests/bad/: {sorted(missing)}"
