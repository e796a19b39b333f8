"""Words and numbers every `nap diff` format shares: the headline, money, deltas, positions."""

from __future__ import annotations

import re

from ..analyse.diff import KINDS, Change, ItemChange, PlanDiff
from .diff_labels import t

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def money(v: float) -> str:
    return f"{v:,.0f}"


def delta(a: float, b: float) -> str:
    d = b - a
    return "±0" if d == 0 else f"{'+' if d > 0 else '−'}{abs(d):,.0f}"


def points(a: float, b: float) -> str:
    d = round(b - a, 1)
    return "±0" if d == 0 else f"{'+' if d > 0 else '−'}{abs(d):g} pt"


def where(c: Change | ItemChange) -> str:
    p = c.pos
    return f"{p.file}:{p.line}" if p.line else p.file


def counts(d: PlanDiff) -> list[str]:
    """'2 measure(s) changed', '1 recommendation(s) added', … in the order of KINDS."""
    out = []
    for kind in KINDS:
        for state in ("added", "removed", "changed"):
            n = len(d.of_kind(kind, state))
            if n:
                out.append(t("count.kind", n=n, kind=t(f"noun.{kind}"), state=t(f"state.{state}")))
    return out


def plain(text: object) -> str:
    """Plan text for a terminal or an annotation: no control characters (escape sequences), one line."""
    return " ".join(_CONTROL.sub("", str(text)).split())


def headline(d: PlanDiff) -> str:
    parts = []
    if d.newly_uncovered:
        parts.append(t("newly_uncovered_count", n=len(d.newly_uncovered)))
    if d.responses_changed:
        parts.append(t("responses_count", n=len(d.responses_changed)))
    if d.base_readable and d.head_readable:
        parts.append(t("coverage", before=f"{d.coverage_before:g}", after=f"{d.coverage_after:g}",
                       delta=points(d.coverage_before, d.coverage_after)))
        parts.append(t("budget", currency=d.currency, before=money(d.total_before), after=money(d.total_after),
                       delta=delta(d.total_before, d.total_after)))
    parts.append(t("count", changes=d.change_count, files=len(d.files_changed)))
    if d.suspects:
        parts.append(t("suspects_count", n=len(d.suspects)))
    return " · ".join(parts)
