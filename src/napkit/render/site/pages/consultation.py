"""The consultation banner: while the plan's consultation is open, every page says until when
comments are taken and how to send them; a measure page also says how to refer to the measure.

Whether it is open is judged on the day of the build (NAP_TODAY fixes the day, for builds that
must be repeatable byte for byte)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ....locale import _
from ....model import PlanModel
from ....util import fmt
from ....util.clock import today
from ..escape import Safe
from ..html import block
from ..tree import Page


def banner(model: PlanModel, lang: str, page_key: str, on: dt.date) -> str:
    """The banner's HTML block for one page, or "" when there is no open consultation."""
    c = model.plan.consultation
    if c is None or not c.is_open(on):
        return ""
    title = _("Public consultation: comments on this plan by {date}", lang, date=fmt.date(c.closes, lang))
    parts = [Safe('<p class="admonition-title">{}</p>').format(title)]
    how = c.how_to_respond.get(lang, model.languages)
    if how:
        parts.append(Safe("<p>{}</p>").format(how))
    if page_key.startswith("measure:"):
        parts.append(Safe("<p>{}</p>").format(_("To comment on this measure, refer to {id} in your response.", lang,
                                               id=page_key.split(":", 1)[1])))
    html = Safe('<div class="admonition info nap-consultation" role="note">{}</div>').format(Safe("").join(parts))
    return block(html)


def with_banner(model: PlanModel, lang: str, pages: list[Page], on: dt.date | None = None) -> list[Page]:
    """The pages, each with the banner first while the consultation is open (else unchanged)."""
    on = on or today()
    if model.plan.consultation is None or not model.plan.consultation.is_open(on):
        return pages
    return [dataclasses.replace(p, body=banner(model, lang, p.key, on).strip("\n") + "\n\n" + p.body) for p in pages]
