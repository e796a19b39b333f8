"""The plan's versions and its consultation: NAP801–NAP814.

NAP801/NAP802 a point without a reasoned response (a warning while the consultation is open, an
error once it has closed) · NAP803 `changed` names no measure · NAP804 an adopted point that
changes nothing · NAP805 a point not adopted that lists changed measures · NAP806 `about` names
nothing in the plan · NAP807 a consultation shorter than six weeks · NAP808 a consultation that
closes before it opens · NAP809 the newest version is not plan.yaml `version` · NAP810 versions
out of order or listed twice · NAP811 a version's git ref that does not resolve · NAP812 an older
version without a ref · NAP813 a point id used twice in one response · NAP814 responses without
a consultation in plan.yaml.

Whether the consultation is open depends on the day: util.clock.today(), the date of the run or
NAP_TODAY (YYYY-MM-DD)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import subprocess
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..findings import Finding, make
from ..model import PlanModel
from ..util.clock import today

MIN_WEEKS = 6  # Utredningsinstruksen § 3-3: never shorter than six weeks (normally three months)
GENERAL = "general"


def git_ref_checker(repo: Path | None) -> Callable[[str], bool] | None:
    """A test whether a ref names a commit in the git repository at `repo`; None when `repo` is
    not in a git repository (then refs are not checked)."""
    if repo is None:
        return None
    try:
        inside = subprocess.run(["git", "-C", str(repo), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True)
    except OSError:
        return None  # no git on this machine
    if inside.returncode != 0:
        bare = subprocess.run(["git", "-C", str(repo), "rev-parse", "--is-bare-repository"],
                              capture_output=True, text=True)
        if bare.returncode != 0 or bare.stdout.strip() != "true":
            return None

    def exists(ref: str) -> bool:
        if ref.startswith("-"):
            return False  # never an option to git
        proc = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
                              capture_output=True)
        return proc.returncode == 0

    return exists


def _suggest(word: str, options: Iterable[str]) -> str:
    hits = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{hits[0]}'?)" if hits else ""


def check_consultation(model: PlanModel, *, on: dt.date | None = None,
                       ref_exists: Callable[[str], bool] | None = None,
                       shadow_ids: set[str] = frozenset()) -> list[Finding]:
    """Every finding about the versions, the consultation and the responses. `on` is the day to
    judge by (default: today()); `ref_exists` tests git refs (None: refs are not checked)."""
    on = on or today()
    return [*_versions(model, ref_exists), *_consultation(model), *_responses(model, on, shadow_ids)]


def _versions(model: PlanModel, ref_exists: Callable[[str], bool] | None) -> Iterator[Finding]:
    plan = model.plan
    versions = plan.versions
    if not versions or not plan.judged("versions"):
        return  # none, or some failed their schema: order and numbering cannot be judged
    seen: dict[str, int] = {}
    for i, v in enumerate(versions):
        if v.version in seen:
            yield make("NAP810", v.src.at("version").pos(), f"version {v.version} is listed twice")
        seen.setdefault(v.version, i)
        if i and v.date and versions[i - 1].date and v.date < versions[i - 1].date:
            yield make("NAP810", v.src.at("date").pos(),
                       f"version {v.version} ({v.date}) is dated before the one above it "
                       f"({versions[i - 1].version}, {versions[i - 1].date}); list versions oldest first")
        newest = i == len(versions) - 1
        if v.ref is None and not newest:
            yield make("NAP812", v.src.at("version").pos(),
                       f"version {v.version} has no ref: name the git tag or commit it was released from "
                       "so that its documents can be rebuilt")
        if v.ref is not None and ref_exists is not None and not ref_exists(v.ref):
            is_hash = re.fullmatch(r"[0-9a-f]{7,40}", v.ref) is not None
            yield make("NAP811", v.src.at("ref").pos(),
                       f"ref '{v.ref}' of version {v.version} is not a tag or commit in this git repository",
                       hint="a commit of another repository? name a tag or commit of this one" if is_hash
                       else f"tag the release: git tag {v.ref} <commit>")
    newest = versions[-1]
    if plan.version and newest.version != plan.version:
        yield make("NAP809", newest.src.at("version").pos(),
                   f"the newest version is {newest.version}, but plan.yaml says version: \"{plan.version}\"",
                   hint="`nap release VERSION` records a version and sets `version`")


def _consultation(model: PlanModel) -> Iterator[Finding]:
    c = model.plan.consultation
    if c is None:
        if model.submissions and model.plan.judged("consultation"):
            first = model.submissions[0]
            yield make("NAP814", first.src.at("respondent").pos(),
                       f"{len(model.submissions)} consultation response(s) in plan/consultation/, but plan.yaml "
                       "has no `consultation` (opens, closes, how_to_respond)")
        return
    if c.closes < c.opens:
        yield make("NAP808", c.src.at("closes").pos(), f"the consultation closes ({c.closes}) before it opens ({c.opens})")
    elif (c.closes - c.opens).days + 1 < MIN_WEEKS * 7:
        days = (c.closes - c.opens).days + 1
        yield make("NAP807", c.src.at("closes").pos(),
                   f"the consultation runs {days} days ({c.opens} to {c.closes}), less than six weeks",
                   hint="Utredningsinstruksen: normally three months, never less than six weeks")


def _responses(model: PlanModel, on: dt.date, shadow_ids: set[str]) -> Iterator[Finding]:
    c = model.plan.consultation
    closed = c is not None and on > c.closes
    known_about = set(model.measures) | set(model.recommendations) | set(model.objectives) | {GENERAL}
    for sub in model.submissions:
        ids: set[str] = set()
        for point in sub.points:
            if point.id in ids:
                yield make("NAP813", point.src.at("id").pos(), f"point {point.id} appears twice in {sub.file}")
            ids.add(point.id)
            if point.about not in known_about and point.about not in shadow_ids:
                yield make("NAP806", point.src.at("about").pos(),
                           f"point {point.id} is about '{point.about}', which is no measure, recommendation or "
                           f"objective of the plan (or 'general'){_suggest(point.about, known_about)}")
            r = point.response
            if r is None:
                if closed:
                    yield make("NAP802", point.src.at("id").pos(),
                               f"point {point.id} of {sub.id} has no response, and the consultation closed on {c.closes}")
                else:
                    yield make("NAP801", point.src.at("id").pos(),
                               f"point {point.id} of {sub.id} has no response yet (decision and rationale)")
                continue
            for i, measure in enumerate(r.changed):
                if measure not in model.measures and measure not in shadow_ids:
                    yield make("NAP803", r.src.at("changed", i).pos(),
                               f"point {point.id} changed '{measure}', which is no measure"
                               f"{_suggest(measure, model.measures)}")
            if r.decision == "adopted" and not r.changed:
                yield make("NAP804", r.src.at("decision").pos(),
                           f"point {point.id} is adopted but changed no measure: list them in `changed`")
            if r.decision in ("not-adopted", "noted") and r.changed:
                yield make("NAP805", r.src.at("changed").pos(),
                           f"point {point.id} is {r.decision} yet lists changed measures")
