"""The consultation banner (render/site/pages/consultation.py): on every page while the
consultation is open, with the deadline and how to respond, and on a measure page how to refer to
it; gone once the consultation has closed."""

from __future__ import annotations

import shutil

import pytest

from napkit.pipeline import run_folder
from napkit.render.site.compose import compose
from plan_testing import FIXTURES

CONSULTATION = """
consultation:
  opens: 2026-11-25
  closes: 2027-02-25
  how_to_respond: {nb: "Send høringssvar via regjeringen.no/høringer.", en: "Send responses via regjeringen.no/høringer <b>now</b>."}
"""


@pytest.fixture
def plan(tmp_path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    p = root / "plan" / "plan.yaml"
    p.write_text(p.read_text() + CONSULTATION)
    return root


def pages(root, monkeypatch, day):
    monkeypatch.setenv("NAP_TODAY", day)
    result = run_folder(root)
    assert result.ok(), [str(f) for f in result.findings.errors]
    site = compose(result.model, result.analysis, root, [])
    return {t.lang: {p.key: p.body for p in t.pages} for t in site.languages}


def test_every_page_carries_the_banner_while_open(plan, monkeypatch):
    site = pages(plan, monkeypatch, "2027-02-25")  # the last day is still open
    for lang, title in (("nb", "Høring: Send innspill til planen innen 25. februar 2027"),
                        ("en", "Public consultation: comments on this plan by 25 February 2027")):
        assert all(title in body for body in site[lang].values()), lang
        assert all(body.startswith('<div class="admonition info nap-consultation" role="note">')
                   for body in site[lang].values())
    en = site["en"]
    assert "Send responses via regjeringen.no/høringer &lt;b&gt;now&lt;/b&gt;." in en["home"]  # plan text escaped
    assert "To comment on this measure, refer to M-01 in your response." in en["measure:M-01"]
    assert "Vil du si noe om dette tiltaket, så nevn M-02 i høringssvaret." in site["nb"]["measure:M-02"]
    assert "refer to" not in en["home"]


@pytest.mark.parametrize("day", ["2026-11-24", "2027-02-26"])
def test_no_banner_before_or_after(plan, monkeypatch, day):
    site = pages(plan, monkeypatch, day)
    assert not any("nap-consultation" in body for lang in site.values() for body in lang.values())
