"""`nap release VERSION`: record a released version in plan/plan.yaml.

Appends {version, date, status[, ref, note]} to `versions` and sets `version` and `date`, editing
plan.yaml round-trip (ruamel.yaml), so comments, quoting and order stay as they were. The user tags
git; when the previous newest version has no `ref` and its tag v<version> exists, the ref is filled
in (it is no longer the working tree)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

STATUSES = ("draft", "consultation", "adopted", "revised")
VERSION_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")


class ReleaseError(Exception):
    """The release does not fit the plan; the message says why."""


@dataclass
class Release:
    version: str
    status: str
    date: dt.date
    ref: str | None = None
    note: dict[str, str] | None = None


@dataclass
class Released:
    text: str  # the new plan.yaml
    previous: str | None  # the version that was the newest before
    previous_ref: str | None  # the ref filled in for it, if any


def _yaml() -> YAML:
    y = YAML(typ="rt", pure=True)
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _day(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _copy(day: dt.date) -> dt.date:
    # one date object written twice would become a YAML anchor and alias (&id001 / *id001)
    return dt.date.fromordinal(day.toordinal())


def release(plan_text: str, r: Release, tag_exists: Callable[[str], bool] | None = None) -> Released:
    """plan.yaml's text with the release recorded. Raises ReleaseError when it does not fit."""
    if not VERSION_RE.fullmatch(r.version):
        raise ReleaseError(f"'{r.version}' is not a version number (e.g. 1.0)")
    if r.status not in STATUSES:
        raise ReleaseError(f"status must be one of {', '.join(STATUSES)}, not '{r.status}'")
    y = _yaml()
    doc = y.load(plan_text)
    if not isinstance(doc, CommentedMap):
        raise ReleaseError("plan/plan.yaml is not a mapping")
    versions = doc.get("versions")
    if versions is None:
        versions = CommentedSeq()
        doc["versions"] = versions
    if not isinstance(versions, CommentedSeq):
        raise ReleaseError("`versions` in plan/plan.yaml is not a list")
    previous = versions[-1] if versions else None
    for v in versions:
        if isinstance(v, dict) and str(v.get("version")) == r.version:
            raise ReleaseError(f"version {r.version} is recorded already")
    if isinstance(previous, dict):
        before = _day(previous.get("date"))
        if before and r.date < before:
            raise ReleaseError(f"version {r.version} ({r.date}) would be dated before {previous.get('version')} ({before})")
    item = CommentedMap()
    item["version"] = DoubleQuotedScalarString(r.version)
    item["date"] = _copy(r.date)
    item["status"] = r.status
    if r.ref:
        item["ref"] = r.ref
    if r.note:
        item["note"] = CommentedMap(r.note)
    if isinstance(previous, CommentedMap) and previous.fa.flow_style():
        item.fa.set_flow_style()  # written like the entries above it
    filled = None
    if isinstance(previous, dict) and not previous.get("ref") and tag_exists is not None:
        tag = f"v{previous.get('version')}"
        if tag_exists(tag):
            previous["ref"] = filled = tag
    versions.append(item)
    doc["version"] = DoubleQuotedScalarString(r.version)
    if "date" in doc:
        doc["date"] = _copy(r.date)
    buf = io.StringIO()
    y.dump(doc, buf)
    return Released(buf.getvalue(), str(previous.get("version")) if isinstance(previous, dict) else None, filled)
