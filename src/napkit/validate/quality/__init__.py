"""Plan-quality rules (NAP701–NAP799): what an evaluator would catch beyond form.

One module per family; each rule is a generator of findings over the typed model and the
coverage analysis. Every code is a warning by default (an error under --strict) and can be
switched per plan in plan.yaml: `quality: {NAP740: off, NAP725: error}`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ...analyse.coverage import Coverage
from ...findings import CODES, Finding, Severity, make
from ...model import PlanModel
from . import budget, duplicates, independence, links, responses, targets, timeline
from ._base import Context, Rule

RULES: tuple[Rule, ...] = (*links.RULES, *responses.RULES, *targets.RULES, *timeline.RULES, *budget.RULES,
                           *independence.RULES, *duplicates.RULES)

_LEVELS = {"info": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}


def check_quality(model: PlanModel, coverage: Coverage, shadow_ids: Iterable[str] = (),
                  unusable: object = None) -> list[Finding]:
    """Every plan-quality finding, with plan.yaml `quality` applied (off / another severity).
    `unusable`: the files napkit could not use (validate/dependencies.Unusables)."""
    ctx = Context(model, coverage, frozenset(shadow_ids), unusable)
    settings = dict(model.plan.quality)
    out: list[Finding] = []
    for code, level in settings.items():
        if code not in CODES or not code.startswith("NAP7"):
            out.append(make("NAP791", model.plan.src.at("quality", code).pos(key=True),
                            f"'{code}' is not a plan-quality rule (see docs/findings.md, NAP701–NAP799)"))
    for rule in RULES:
        for f in rule(ctx):
            level = settings.get(f.code)
            if level == "off":
                continue
            out.append(_with_hint(replace(f, severity=_LEVELS[level]) if level in _LEVELS else f))
    return out


def _with_hint(f: Finding) -> Finding:
    """Rules write 'what is wrong; what to do': the part after the last '; ' becomes the hint,
    so that reporters can show the fix on its own (text: 'hint:', markdown: 'Fix:')."""
    what, sep, fix = f.message.rpartition("; ")
    return replace(f, message=what, hint=fix) if sep and not f.hint else f


def with_quality(findings: list[Finding], model: PlanModel, coverage: Coverage,
                 shadow_ids: Iterable[str] = (), unusable: object = None) -> list[Finding]:
    """`findings` plus the plan-quality findings. NAP704 (a noted recommendation that a
    measure addresses, a warning) says everything NAP504 (info) says about the same
    recommendation, so NAP504 is dropped where NAP704 is reported."""
    quality = check_quality(model, coverage, shadow_ids, unusable)
    superseded = {f.pos for f in quality if f.code == "NAP704"}
    return [f for f in findings if not (f.code == "NAP504" and f.pos in superseded)] + quality
