"""The plan's life as data: its released versions and its public consultation (plan.yaml
`versions`, `consultation`), and the consultation responses (plan/consultation/<respondent>.yaml).

Built from documents that passed their schema, like the rest of the model (model/build.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Any

from ..load.yaml_doc import Document
from .types import Consultation, ConsultationPoint, PointResponse, Src, Submission, Text, Version


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def versions_of(data: dict, src: Src) -> tuple[Version, ...]:
    versions = data.get("versions")
    if not isinstance(versions, list):
        return ()
    out = []
    for i, v in enumerate(versions):
        if not isinstance(v, dict) or not all(v.get(k) for k in ("version", "date", "status")):
            continue  # failed its schema (the builder's repair drops such items; this is the backstop)
        try:
            day = _date(v["date"])
        except ValueError:
            continue
        out.append(Version(str(v["version"]), day, v["status"], v.get("ref"), Text.of(v.get("note")),
                           src.at("versions", i)))
    return tuple(out)


def consultation_of(data: dict, src: Src) -> Consultation | None:
    c = data.get("consultation")
    # a consultation that failed its schema is left out: its finding is out already
    if not isinstance(c, dict) or not all(c.get(k) for k in ("opens", "closes", "how_to_respond")):
        return None
    try:
        opens, closes = _date(c["opens"]), _date(c["closes"])
    except ValueError:
        return None
    return Consultation(opens, closes, Text.of(c["how_to_respond"]), c.get("url"), src.at("consultation"))


def submission_of(doc: Document) -> Submission:
    d = doc.data
    src = Src(doc, ())
    points = []
    for i, p in enumerate(d["points"]):
        at = src.at("points", i)
        r = p.get("response")
        response = None if r is None else PointResponse(
            r["decision"], Text.of(r["rationale"]), tuple(r.get("changed", [])), at.at("response"))
        points.append(ConsultationPoint(p["id"], p["about"], Text.of(p["summary"]), response, at))
    return Submission(
        id=PurePosixPath(doc.file).stem, file=doc.file, respondent=Text.of(d["respondent"]["name"]),
        respondent_kind=d["respondent"]["kind"], date=_date(d["date"]), url=d.get("url"),
        points=tuple(points), src=src)
