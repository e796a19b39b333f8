"""render/site/charts.py: every text matplotlib draws is the plan's text, literally — `$…$` in a
name is never TeX (mathtext raised on invalid TeX and garbled valid TeX)."""

from __future__ import annotations

import datetime as dt

import pytest

from napkit.render.site import chart_drawing, charts

TEX = ["Agency $\\frac{x$ (invalid TeX)", "Fund $x^2$ and $\\alpha$", "$$", "50$ and 20$", "\\$ escaped $"]


@pytest.fixture
def svg_text(monkeypatch):
    # the site draws text as paths; with fonttype none the SVG keeps <text> we can read back
    monkeypatch.setitem(chart_drawing._RC, "svg.fonttype", "none")

    def text_of(chart: charts.Chart) -> str:
        """The text of the SVG's <text> elements (matplotlib also writes each string as a comment,
        which says nothing about how it was drawn)."""
        import html
        import re

        svg = re.sub(r"<!--.*?-->", "", chart.svg.decode("utf-8"), flags=re.S)
        return "\n".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S))

    return text_of


def test_stacked_bars_keep_dollar_text(svg_text):
    chart = charts.stacked_bars(["2027", "2028"], [(name, [1.0, 2.0]) for name in TEX], value_label="$ spent $",
                                legend_title="Objective $\\beta$")
    text = svg_text(chart)
    for name in TEX + ["$ spent $", "Objective $\\beta$"]:
        assert name in text


def test_horizontal_and_stacked_horizontal_and_gantt_keep_dollar_text(svg_text):
    text = svg_text(charts.horizontal_bars(TEX, [1.0] * len(TEX), value_label="NOK $m$"))
    assert all(name in text for name in TEX)
    text = svg_text(charts.stacked_horizontal(TEX, [("$a$", [1.0] * len(TEX), "#0072B2")], value_label="$n$"))
    assert all(name in text for name in TEX + ["$a$", "$n$"])
    rows = [charts.GanttRow(name, 0, dt.date(2027, 1, 1), dt.date(2027, 6, 30), (dt.date(2027, 3, 1),))
            for name in TEX]
    text = svg_text(charts.gantt(rows, ["$\\frac{x$"], start=dt.date(2027, 1, 1), end=dt.date(2028, 12, 31),
                                 lang="en", milestone_label="$ms$"))
    assert all(name in text for name in TEX + ["$\\frac{x$", "$ms$"])


def test_site_build_with_tex_in_names_does_not_crash(valid_plan):
    from plan_testing import nap

    plan = valid_plan / "plan" / "plan.yaml"
    plan.write_text(plan.read_text().replace("en: Better coordination", 'en: "Better $\\\\frac{x$ coordination"'))
    agencies = valid_plan / "plan" / "agencies.yaml"
    agencies.write_text(agencies.read_text().replace("en: The Ministry", 'en: "The $x^2$ Ministry"'))
    assert nap("check", root=valid_plan).exit_code == 0
    result = nap("-q", "build", "site", root=valid_plan)
    assert result.exit_code == 0, result.output
