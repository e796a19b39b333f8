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
    return tuple(
        Version(str(v["version"]), _date(v["date"]), v["status"], v.get("ref"), Text.of(v.get("note")),
                src.at("versions", i))
        for i, v in enumerate(data.get("versions") or []) if isinstance(v, dict))


def consultation_of(data: dict, src: Src) -> Consultation | None:
    c = data.get("consultation")
    if not isinstance(c, dict):
        return None
    return Consultation(_date(c["opens"]), _date(c["closes"]), Text.of(c["how_to_respond"]), c.get("url"),
                        src.at("consultation"))


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
