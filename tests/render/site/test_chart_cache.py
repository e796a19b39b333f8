"""The chart cache (charts.py `cache_charts`): a chart whose arguments did not change is taken from
the last build, byte for byte what drawing it gives; the cache keeps only the charts of one build."""

from __future__ import annotations

import os
from pathlib import Path

from napkit.render.site import charts
from napkit.render.site.charts import SeriesPoint, cache_charts, horizontal_bars, indicator_chart, money_ticks

ARGS = ([SeriesPoint(2023, 10.0)], [SeriesPoint(2027, 14.0)], [SeriesPoint(2030, 20.0)])
KW = dict(value_label="cases", names=("Baseline", "Actual", "Target", "Path"), tick=money_ticks("nb", 1))


def test_a_cached_chart_is_the_drawn_chart_and_a_hit_is_a_hard_link(tmp_path: Path):
    drawn = indicator_chart(*ARGS, **KW)  # no cache set: drawn
    try:
        cache_charts(None, tmp_path / "one")
        first = indicator_chart(*ARGS, **KW)
        (entry,) = (tmp_path / "one").iterdir()
        cache_charts(tmp_path / "one", tmp_path / "two")
        second = indicator_chart(*ARGS, **KW)
    finally:
        cache_charts(None, None)
    assert first == drawn and second == drawn
    assert os.stat(tmp_path / "two" / entry.name).st_ino == os.stat(entry).st_ino


def test_other_arguments_draw_anew_and_unused_entries_are_not_carried(tmp_path: Path):
    try:
        cache_charts(None, tmp_path / "one")
        indicator_chart(*ARGS, **KW)
        cache_charts(tmp_path / "one", tmp_path / "two")
        changed = indicator_chart(ARGS[0], [SeriesPoint(2027, 15.0)], ARGS[2], **KW)
    finally:
        cache_charts(None, None)
    assert len(list((tmp_path / "two").iterdir())) == 1
    assert changed == indicator_chart(ARGS[0], [SeriesPoint(2027, 15.0)], ARGS[2], **KW)
    assert changed != indicator_chart(*ARGS, **KW)


class Unnamed:
    """Ticks without a name that says what they do (its repr has an address)."""

    func = staticmethod(lambda v, _p: str(v))


def test_a_formatter_without_a_stable_name_is_never_cached(tmp_path: Path):
    try:
        cache_charts(None, tmp_path / "c")
        horizontal_bars(["a", "b"], [1, 2], value_label="n", tick=Unnamed())
        assert list((tmp_path / "c").iterdir()) == []
        horizontal_bars(["a", "b"], [1, 2], value_label="n", tick=charts.whole_ticks())
        assert len(list((tmp_path / "c").iterdir())) == 1
    finally:
        cache_charts(None, None)


def test_a_damaged_entry_is_drawn_again(tmp_path: Path):
    try:
        cache_charts(None, tmp_path / "one")
        good = indicator_chart(*ARGS, **KW)
        (entry,) = (tmp_path / "one").iterdir()
        entry.write_bytes(b"not a chart")
        cache_charts(tmp_path / "one", tmp_path / "two")
        again = indicator_chart(*ARGS, **KW)
    finally:
        cache_charts(None, None)
    assert again == good
