"""WCAG 2.1 AA: axe-core (bundled with axe-playwright-python, so it runs offline) finds nothing on
any kind of page, in any language."""

from __future__ import annotations

import pytest

from site_testing import page_templates

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def test_no_axe_violations_on_any_page_template(served, browser) -> None:
    from axe_playwright_python.sync_playwright import Axe

    built, base = served
    axe = Axe()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = {}
    for lang in built.model.languages:
        for name, url in page_templates(built, lang).items():
            page.goto(base + url, wait_until="load")
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            violations = result.response["violations"]
            if violations:
                found[f"{lang} {name} ({url})"] = describe(violations)
    page.close()
    assert not found, "\n".join(f"{k}:\n{v}" for k, v in found.items())


def test_no_axe_violations_on_a_small_screen(served, browser) -> None:
    """The phone layout (navigation drawer, stacked facts) on the pages with the widest tables."""
    from axe_playwright_python.sync_playwright import Axe

    built, base = served
    axe = Axe()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    found = {}
    lang = built.model.plan.default_language
    templates = page_templates(built, lang)
    for name in ("home", "measure", "coverage", "budget"):
        page.goto(base + templates[name], wait_until="networkidle")
        violations = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}}).response["violations"]
        if violations:
            found[name] = describe(violations)
    page.close()
    assert not found, "\n".join(f"{k}:\n{v}" for k, v in found.items())
