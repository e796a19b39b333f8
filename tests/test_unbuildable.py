"""What no output can hold — NaN/infinity, control characters — is refused before anything is
written, naming the file (build.refuse_unbuildable, export/finite.py), even for a plan that got
past `check` with findings; documents that fail name the document."""

from __future__ import annotations

import json

import pytest

from plan_testing import nap
from napkit.build import refuse_unbuildable
from napkit.export.finite import NotFinite, NotPrintable, non_finite_paths, unprintable
from napkit.load.trees import FolderTree
from napkit.pipeline import run


@pytest.mark.parametrize("escaped, char", [("\\e", "U+001B"), ("\\0", "U+0000"), ("\\uffff", "U+FFFF"),
                                           ("\\x85", "U+0085")])
def test_control_characters_are_refused_naming_the_file(valid_plan, escaped, char):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("title: {nb: Utarbeide handlingsplanen,",
                                         f'title: {{nb: "Utarbeide{escaped} handlingsplanen",'))
    result = run(FolderTree(valid_plan))
    assert result.model is not None
    with pytest.raises(NotPrintable) as exc:
        refuse_unbuildable(result)
    assert f"measures/M-01.yaml: {char} at $.measures[0].title.nb" in str(exc.value)
    for command in (["build", "docs"], ["report", "2027"], ["export", "--format", "xlsx", "-o", "x.xlsx"]):
        out = nap(*command, root=valid_plan)
        assert out.exit_code in (1, 2), out.output
        assert "internal error" not in out.output


def test_nan_and_infinity_are_found_anywhere():
    data = {"a": [1.0, {"b": float("nan")}], "c": float("inf"), "d": "x"}
    assert non_finite_paths(data) == ["$.a[1].b", "$.c"]
    with pytest.raises(ValueError):
        json.dumps(data, allow_nan=False)


def test_nan_in_a_plan_never_becomes_invalid_json(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("amount: 1000000", "amount: .nan"))
    for command in (["export"], ["export", "--format", "csv"], ["build", "docs"]):
        result = nap(*command, root=valid_plan)
        assert result.exit_code == 1, result.output  # a finding at check, or refused here: never 3
        assert "NaN" not in result.stdout
    result = run(FolderTree(valid_plan))
    if result.model is not None:
        with pytest.raises(NotFinite):
            refuse_unbuildable(result)


def test_unprintable_names_sections_and_files():
    data = {"agencies": [{"name": {"en": "a\x1bb"}}], "measures": [{"file": "measures/M-07.yaml", "t": "\x00"}]}
    assert unprintable(data) == [("plan/agencies.yaml", "$.agencies[0].name.en", "U+001B"),
                                 ("measures/M-07.yaml", "$.measures[0].t", "U+0000")]


def test_a_failing_document_is_named(valid_plan, monkeypatch):
    from napkit.render import docs
    from napkit.render.docs import DocumentBuildError

    def font_error(*_a, **_k):
        raise DocumentBuildError("typst: the text could not be displayed with font")

    monkeypatch.setattr(docs, "to_pdf", font_error)
    result = nap("-q", "build", "docs", root=valid_plan)
    assert result.exit_code == 1
    assert "example-plan-nb: typst: the text could not be displayed" in result.stderr
