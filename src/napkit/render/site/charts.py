"""Charts as static SVG, drawn at build time with matplotlib (chart_drawing.py; no JavaScript,
nothing fetched).

Reproducible: a fixed `svg.hashsalt`, no date or creator in the metadata, and text drawn as
paths with the DejaVu Sans that matplotlib bundles (so no font is needed where it is viewed).
Every chart has alt text and a data table on its page (see html.figure); the colours have at
least 3:1 contrast against white and adjacent areas are parted by white lines."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# Okabe–Ito hues and darker companions: distinguishable with colour-blindness, each ≥ 3:1 on white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#1B2A41", "#8A6B12", "#6A3D9A", "#5C5C5C",
           "#00626B", "#A3313F")
INK = "#1B1B1B"
GRID = "#C9CED6"


@dataclass(frozen=True, slots=True)
class Chart:
    svg: bytes
    width: int  # CSS pixels
    height: int


@dataclass(frozen=True, slots=True)
class GanttRow:
    label: str
    group: int  # colour index (the objective)
    start: dt.date
    end: dt.date
    milestones: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    year: int
    value: float



@dataclass(frozen=True)
class Ticks:
    """How an axis writes its numbers, named so that a chart using it can be cached."""
    name: str
    func: Callable[[float, int], str] = field(repr=False, compare=False)

    def __repr__(self) -> str:
        return self.name


def money_ticks(lang: str, divisor: float = 1_000_000) -> Ticks:
    """Axis ticks in millions, written the language's way (decimal comma in Norwegian)."""
    from ...util.fmt import locale_of
    from babel.numbers import format_decimal

    def fmt(value: float, _pos: int) -> str:
        v = value / divisor
        pattern = "#,##0" if float(v).is_integer() else "#,##0.#"
        return format_decimal(v, format=pattern, locale=locale_of(lang))

    return Ticks(f"money_ticks({lang!r}, {divisor!r})", fmt)


def whole_ticks() -> Ticks:
    """Axis ticks for counts: whole numbers only."""
    return Ticks("whole_ticks()", lambda v, _pos: f"{v:.0f}" if float(v).is_integer() else "")


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


class _Cache:
    """Charts are pure functions of their arguments, and matplotlib takes ~70 ms for each: a build
    draws only the charts whose arguments changed since the last one. Entries are named by a digest
    of the arguments, matplotlib's version and the chart code, so a change to any of them draws anew.
    Every build reads the previous build's entries (`old`) and keeps exactly the ones it used
    (`new`, hard links for hits), so the cache never grows past one build's charts."""

    def __init__(self) -> None:
        self.old: Path | None = None
        self.new: Path | None = None

    @staticmethod
    @functools.cache
    def _salt() -> bytes:
        from importlib.metadata import version

        here = Path(__file__).parent
        return (version("matplotlib").encode() + b"\0" + (here / "charts.py").read_bytes()
                + (here / "chart_drawing.py").read_bytes())

    def key(self, name: str, args: tuple, kwargs: dict) -> str | None:
        text = repr((name, args, sorted(kwargs.items())))
        if " at 0x" in text:  # an argument without a stable repr (a lambda tick formatter)
            return None
        return hashlib.sha256(self._salt() + text.encode()).hexdigest()

    def get(self, key: str) -> Chart | None:
        if self.old is None or self.new is None:
            return None
        try:
            data = (self.old / key).read_bytes()
        except OSError:
            return None
        head, _sep, svg = data.partition(b"\n")
        size = head.split()
        if len(size) != 2 or not all(x.isdigit() for x in size) or not svg.startswith(b"<?xml"):
            return None  # damaged: drawn again
        width, height = int(size[0]), int(size[1])
        self._link(self.old / key, self.new / key, data)
        return Chart(svg, width, height)

    def put(self, key: str, chart: Chart) -> None:
        if self.new is not None:
            self._write(self.new / key, f"{chart.width} {chart.height}\n".encode() + chart.svg)

    def _link(self, source: Path, target: Path, data: bytes) -> None:
        try:
            os.link(source, target)
        except FileExistsError:
            pass
        except OSError:
            self._write(target, data)

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        # a new file renamed in: never written through a hard link another build shares
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)


_CACHE = _Cache()


@contextlib.contextmanager
def charts_cached(old: Path | None, folder: Path):
    """Charts drawn inside are cached: read from `old` (the last build's cache, None: none) and
    kept in `folder`, which holds exactly this build's charts once the block has run through."""
    staged = folder.with_name(folder.name + ".next")
    _remove_folder(staged)
    cache_charts(old, staged)
    try:
        yield
    finally:
        cache_charts(None, None)
    _remove_folder(folder)
    staged.rename(folder)


def _remove_folder(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)


def cache_charts(old: Path | None, new: Path | None) -> None:
    """Read the charts of the last build from `old` and keep this build's in `new` (None: off).
    Set before composing; forked composition workers inherit it."""
    if new is not None:
        new.mkdir(parents=True, exist_ok=True)
    _CACHE.old, _CACHE.new = old, new





def _chart(name: str):
    """The chart `name` of chart_drawing.py, drawn only when the cache does not have it."""

    def chart(*args, **kwargs) -> Chart:
        key = _CACHE.key(name, args, kwargs) if _CACHE.new is not None else None
        hit = _CACHE.get(key) if key is not None else None
        if hit is not None:
            return hit
        from . import chart_drawing

        drawn = getattr(chart_drawing, name)(*args, **kwargs)
        if key is not None:
            _CACHE.put(key, drawn)
        return drawn

    chart.__name__ = chart.__qualname__ = name
    chart.__doc__ = f"chart_drawing.{name}, through the cache."
    return chart


stacked_bars = _chart("stacked_bars")  # vertical bars per category, stacked by series
horizontal_bars = _chart("horizontal_bars")  # one bar per label
stacked_horizontal = _chart("stacked_horizontal")  # horizontal bars, stacked by series
gantt = _chart("gantt")  # measures from start to end, milestones as diamonds
indicator_chart = _chart("indicator_chart")  # an indicator over time with its target
