"""The charts drawn with matplotlib (charts.py says what a chart is and keeps the ones drawn).
Imported only when a chart has to be drawn: a build whose charts are all cached never loads
matplotlib."""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from typing import Sequence

import matplotlib
from matplotlib.dates import DateFormatter, MonthLocator, YearLocator, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .charts import GRID, INK, Chart, GanttRow, SeriesPoint, Ticks, colour

_RC = {
    "svg.hashsalt": "napkit",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.edgecolor": "#5C5C5C",
    "axes.labelcolor": INK,
    "axes.titlesize": 11,
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "path.simplify": False,
    # Labels are the plan's text: `$…$` in an agency or objective name is text, not TeX (mathtext
    # would garble valid TeX and raise on invalid). Every Text is made inside this rc_context.
    "text.parse_math": False,
    "text.usetex": False,
}
_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def _formatter(tick: Ticks | None) -> FuncFormatter | None:
    return None if tick is None else FuncFormatter(tick.func)


def _value_axis(ax, which: str, label: str, tick: Ticks | None) -> None:
    """The axis of a bar chart that carries the values: its label, about six round ticks, the
    grid lines behind the bars."""
    (ax.set_ylabel if which == "y" else ax.set_xlabel)(label)
    axis = ax.yaxis if which == "y" else ax.xaxis
    axis.set_major_locator(MaxNLocator(6, steps=[1, 2, 2.5, 5, 10]))
    if tick is not None:
        axis.set_major_formatter(_formatter(tick))
    ax.grid(axis=which, color=GRID, linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)


def _save(fig: Figure) -> Chart:
    buf = io.BytesIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata=_METADATA)
    w, h = fig.get_size_inches()
    return Chart(buf.getvalue(), round(w * 96), round(h * 96))


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), layout="constrained")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def stacked_bars(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
                 value_label: str, tick: Ticks | None = None, legend_title: str | None = None,
                 width: float = 7.5, height: float = 4.0) -> Chart:
    """Vertical bars per category (e.g. year), stacked by series (e.g. objective)."""
    with matplotlib.rc_context(_RC):
        fig = _figure(width, height)
        ax = fig.add_subplot()
        bottoms = [0.0] * len(categories)
        xs = range(len(categories))
        for i, (name, values) in enumerate(series):
            ax.bar(xs, values, bottom=bottoms, color=colour(i), edgecolor="white", linewidth=1.0,
                   label=_wrap(name, 38), width=0.62, zorder=3)
            bottoms = [b + v for b, v in zip(bottoms, values)]
        ax.set_xticks(list(xs), list(categories))
        _value_axis(ax, "y", value_label, tick)
        ax.tick_params(axis="x", length=0)
        if len(series) > 1:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title=legend_title, fontsize=9,
                      title_fontsize=9, alignment="left")
        return _save(fig)


def horizontal_bars(labels: Sequence[str], values: Sequence[float], *, value_label: str,
                    tick: Ticks | None = None, width: float = 7.5) -> Chart:
    """One bar per label, largest first as given, labels on the left."""
    n = max(len(labels), 1)
    with matplotlib.rc_context(_RC):
        fig = _figure(width, 0.8 + 0.34 * n)
        ax = fig.add_subplot()
        ys = list(range(n))
        ax.barh(ys, values, color=colour(0), height=0.62, zorder=3)
        # one line per bar: rows are too close for wrapped labels; the table beside has full names
        ax.set_yticks(ys, [textwrap.shorten(x, 34, placeholder="…") for x in labels])
        ax.invert_yaxis()
        _value_axis(ax, "x", value_label, tick)
        ax.tick_params(axis="y", length=0)
        return _save(fig)


def stacked_horizontal(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]], *,
                       value_label: str, width: float = 7.5) -> Chart:
    """Horizontal bars stacked by series (name, values, colour), e.g. coverage per report."""
    n = max(len(labels), 1)
    with matplotlib.rc_context(_RC):
        fig = _figure(width, 1.3 + 0.45 * n)
        ax = fig.add_subplot()
        ys = list(range(n))
        lefts = [0.0] * n
        for name, values, col in series:
            ax.barh(ys, values, left=lefts, color=col, edgecolor="white", linewidth=1.0, height=0.6,
                    label=name, zorder=3)
            lefts = [a + b for a, b in zip(lefts, values)]
        ax.set_yticks(ys, [_wrap(x, 30) for x in labels])
        ax.invert_yaxis()
        ax.set_xlabel(value_label)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(axis="x", color=GRID, linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25 if n < 3 else -0.12), ncols=len(series),
                  fontsize=9)
        return _save(fig)


def gantt(rows: Sequence[GanttRow], groups: Sequence[str], *, start: dt.date, end: dt.date, lang: str,
          milestone_label: str, width: float = 9.0) -> Chart:
    """Measures as bars from start to end, grouped (coloured) by objective, milestones as diamonds."""
    n = max(len(rows), 1)
    with matplotlib.rc_context(_RC):
        fig = _figure(width, 1.6 + 0.26 * n + 0.22 * len(groups))
        ax = fig.add_subplot()
        for y, row in enumerate(rows):
            left = date2num(row.start)
            length = date2num(row.end + dt.timedelta(days=1)) - left
            ax.barh(y, length, left=left, height=0.6, color=colour(row.group), zorder=3)
            for due in row.milestones:
                ax.plot(date2num(due), y, marker="D", markersize=6.5, color=INK, markeredgecolor="white",
                        markeredgewidth=1.0, zorder=4, linestyle="none")
        ax.set_yticks(range(n), [r.label for r in rows] or [""])
        ax.set_ylim(n - 0.4, -0.6)
        ax.set_xlim(date2num(start), date2num(end + dt.timedelta(days=1)))
        ax.xaxis.set_major_locator(YearLocator())
        ax.xaxis.set_minor_locator(MonthLocator(bymonth=(4, 7, 10)))
        ax.xaxis.set_major_formatter(DateFormatter("%Y"))
        ax.xaxis.tick_top()
        ax.spines["top"].set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.grid(axis="x", which="major", color="#8A8F98", linewidth=0.9, zorder=0)
        ax.grid(axis="x", which="minor", color=GRID, linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0, labelsize=9)
        handles = [Patch(color=colour(i), label=_wrap(g, 60)) for i, g in enumerate(groups)]
        handles.append(Line2D([], [], marker="D", color=INK, markeredgecolor="white", linestyle="none",
                              markersize=6.5, label=milestone_label))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.01), ncols=1, fontsize=9)
        return _save(fig)


def indicator_chart(baseline: Sequence[SeriesPoint], actuals: Sequence[SeriesPoint], targets: Sequence[SeriesPoint],
                    *, value_label: str, names: tuple[str, str, str, str], tick: Ticks | None = None,
                    width: float = 6.0, height: float = 3.4) -> Chart:
    """An indicator over time: the baseline series and the actual values as one line (the actuals
    marked as dots), the targets as diamonds with a dashed target line at the last target, and a
    dotted line from the baseline to it (the path the target asks for). `names` are the legend
    entries: baseline, actual, target, path to target."""
    base_name, actual_name, target_name, path_name = names
    with matplotlib.rc_context(_RC):
        fig = _figure(width, height)
        ax = fig.add_subplot()
        series = sorted([*baseline, *actuals], key=lambda p: p.year)
        if series:
            ax.plot([p.year for p in series], [p.value for p in series], color=colour(0), linewidth=2.0, zorder=3)
        if baseline:
            ax.plot([p.year for p in baseline], [p.value for p in baseline], linestyle="none", marker="s",
                    markersize=7, color="white", markeredgecolor=colour(0), markeredgewidth=2.0, zorder=4,
                    label=base_name)
        if actuals:
            ax.plot([p.year for p in actuals], [p.value for p in actuals], linestyle="none", marker="o",
                    markersize=7, color=colour(0), markeredgecolor="white", markeredgewidth=1.0, zorder=4,
                    label=actual_name)
        if targets:
            last = max(targets, key=lambda p: p.year)
            ax.axhline(last.value, color=colour(1), linewidth=1.4, linestyle=(0, (6, 3)), zorder=2,
                       label=target_name)
            ax.plot([p.year for p in targets], [p.value for p in targets], linestyle="none", marker="D",
                    markersize=8, color=colour(1), markeredgecolor="white", markeredgewidth=1.0, zorder=4)
            if baseline:
                first = max(baseline, key=lambda p: p.year)
                if first.year < last.year:
                    ax.plot([first.year, last.year], [first.value, last.value], color="#5C5C5C", linewidth=1.2,
                            linestyle=(0, (1, 2)), zorder=2, label=path_name)
        years = [p.year for p in (*baseline, *actuals, *targets)]
        if years:
            ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f}"))
        values = [p.value for p in (*baseline, *actuals, *targets)]
        if values and min(values) >= 0:
            ax.set_ylim(bottom=0, top=max(values) * 1.12 or 1)
        ax.set_ylabel(_wrap(value_label, 30))
        ax.yaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 2.5, 5, 10]))
        if tick is not None:
            ax.yaxis.set_major_formatter(_formatter(tick))
        ax.grid(axis="y", color=GRID, linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4, fontsize=9)
        return _save(fig)
