"""Fuzzing with hypothesis: whatever bytes or measure shapes arrive, load → validate → model →
export raise nothing but napkit's own finding values.

The default run tries a few hundred cases; `pytest -m slow` runs ≥ 10,000."""

from __future__ import annotations

import shutil
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_testing import FIXTURES
from napkit.export.json_model import export_model
from napkit.findings import Finding
from napkit.load.trees import FolderTree
from napkit.load.yaml_doc import Document, parse
from napkit.pipeline import run
from napkit.validate.schema import check_document

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

yaml_chars = st.sampled_from(list(":-[]{}&*!|>'\"%@`#,?\n\t ") + list(string.ascii_letters[:12]) + list("0189._") + ["NO", "2027-02-30", "~", "null", "<script>"])
yaml_texts = st.lists(yaml_chars, max_size=80).map("".join)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["2027-01-01", "2031-12-31", "2027-02-30", "M-01", "../x", "NOK"]))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                           max_leaves=20)
MEASURE_KEYS = ["id", "objective", "title", "description", "lead", "partners", "implements", "timeline", "budget",
                "indicators", "status"]
measures = st.fixed_dictionaries({}, optional={k: json_values for k in MEASURE_KEYS})


def _parse_and_validate(text: bytes) -> None:
    result = parse("measures/M-01.yaml", "measure", text)
    if isinstance(result, Finding):
        return
    assert isinstance(result, Document)
    findings, _ = check_document(result)
    assert all(isinstance(f, Finding) for f in findings)
    for f in findings:
        assert f.pos.line >= 1  # every schema finding has a position


@FAST
@given(yaml_texts)
def test_arbitrary_yaml_text_never_raises(text):
    _parse_and_validate(text.encode("utf-8"))


@FAST
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data):
    _parse_and_validate(data)


def _whole_pipeline(tmp_path, measure: dict) -> None:
    import json

    root = tmp_path / "plan"
    if not root.exists():
        shutil.copytree(FIXTURES / "valid_plan", root)
    (root / "measures" / "M-01.yaml").write_text(json.dumps(measure), encoding="utf-8")  # JSON is YAML
    result = run(FolderTree(root))
    assert all(isinstance(f, Finding) for f in result.findings.items)
    if result.model is not None and result.analysis is not None:
        export_model(result.model, result.analysis)


@FAST
@given(measures)
def test_generated_measures_through_the_whole_pipeline(tmp_path_factory, measure):
    _whole_pipeline(tmp_path_factory.mktemp("fuzz"), measure)


@pytest.mark.slow
@SLOW
@given(yaml_texts)
def test_arbitrary_yaml_text_never_raises_10k(text):
    _parse_and_validate(text.encode("utf-8"))


@pytest.mark.slow
@SLOW
@given(measures)
def test_generated_measures_through_the_whole_pipeline_10k(tmp_path_factory, measure):
    _whole_pipeline(tmp_path_factory.mktemp("fuzz"), measure)
