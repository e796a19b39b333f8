"""`nap init DIR`: a new plan for any country or topic that passes `nap check` and builds.

The starter content is deliberately generic (two objectives, two agencies, one source with two
recommendations, two measures) so a team sees every kind of file filled in and can edit from
there. Nothing here knows about Norway."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ruamel.yaml import YAML

from .. import locale
from ..load.repository import kind_of
from .fmt import format_text


class InitError(Exception):
    pass


@dataclass
class InitOptions:
    title: str
    languages: tuple[str, ...]
    currency: str
    start: int
    end: int
    plan_id: str | None = None
    responsible_name: str = "Responsible ministry"


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:48] or "plan"


def _dump(data: object, modeline: str | None = None) -> str:
    y = YAML(typ="rt", pure=True)
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    buf = io.StringIO()
    y.dump(data, buf)
    return (f"# yaml-language-server: $schema={modeline}\n" if modeline else "") + buf.getvalue()


def starter_files(o: InitOptions) -> dict[str, str]:
    years = list(range(o.start, o.end + 1))
    first, last = years[0], years[-1]
    mid = years[len(years) // 2]
    plan = {
        "id": o.plan_id or _slug(o.title), "title": o.title, "period": {"start": o.start, "end": o.end},
        "languages": list(o.languages), "currency": o.currency, "responsible": "MIN", "version": "Draft 0.1",
        "date": dt.date(first - 1, 12, 1),
        "introduction": "Why this plan, what it builds on, and how it will be followed up.\n\n"
                        "Replace this text; it is shown first on the website and in the documents.\n",
        "budget_note": "How the budget figures were estimated.",
        "objectives": [
            {"id": "O1", "title": "Stronger coordination and monitoring", "pillar": "coordination",
             "description": "One body coordinates the plan and reports on it every year."},
            {"id": "O2", "title": "Better protection of the people concerned", "pillar": "protection",
             "description": "People at risk are identified early and get the help they are entitled to."},
        ],
        "funding_sources": [{"id": "state-budget", "name": "State budget"}],
        "reporting_periods": [str(y) for y in years],
        # milestones due before the government adopts the plan are findings (NAP721)
        "adoption": dt.date(first - 1, 12, 15),
    }
    agencies = {"agencies": [
        {"id": "MIN", "name": o.responsible_name, "abbreviation": "MIN", "kind": "ministry"},
        {"id": "NGO", "name": "Partner organisation", "abbreviation": "NGO", "kind": "ngo"},
    ]}
    indicators = {"indicators": [
        {"id": "IND-PEOPLE-ASSISTED", "name": "People assisted", "unit": "persons",
         "definition": "People who received assistance during the year.", "source": "Annual report of the plan",
         "baseline": [{"year": first - 1, "value": 100, "source": "Annual report"}],
         "targets": [{"year": last, "value": 150}], "direction": "increase", "unit_kind": "count"},
    ]}
    catalog = {
        "source": {"id": "REC", "title": "Report of the monitoring body", "short_title": "Monitoring report",
                   "date": dt.date(first - 1, 6, 30)},
        "recommendations": [
            {"id": "REC-01", "ref": {"section": "1", "paragraph": 1}, "summary": "Adopt and fund a national action plan.",
             "pillar": "coordination", "theme": "national-action-plan", "strength": "recommends",
             "response": {"status": "accepted"}},
            {"id": "REC-02", "ref": {"section": "2", "paragraph": 7}, "summary": "Identify victims early and assist them.",
             "pillar": "protection", "theme": "early-identification", "strength": "urges",
             "response": {"status": "accepted"}},
        ],
    }
    measure1 = {
        "id": "M-01", "objective": "O1", "title": "Set up a coordination and reporting cycle",
        "description": "The ministry convenes the agencies twice a year and publishes an annual progress report.",
        "lead": "MIN", "partners": [{"agency": "NGO", "role": "Takes part in the coordination group"}],
        "implements": [{"recommendation": "REC-01", "extent": "full"}],
        "timeline": {"start": dt.date(first, 1, 1), "end": dt.date(last, 12, 31),
                     # one deliverable for every year that has money (NAP730)
                     "milestones": [{"id": f"MS{i}", "due": dt.date(y, 12, 31), "deliverable": f"Annual report {y}"}
                                    for i, y in enumerate(years, 1)]},
        "budget": [{"year": y, "amount": 500000, "currency": o.currency, "source": "state-budget", "new_money": True}
                   for y in years],
        "status": "planned",
    }
    measure2 = {
        "id": "M-02", "objective": "O2", "title": "Train front-line staff to identify victims",
        "description": "Front-line staff in the agencies are trained with a common guide.",
        "lead": "NGO", "implements": [{"recommendation": "REC-02", "extent": "full"}],
        "timeline": {"start": dt.date(first, 3, 1), "end": dt.date(mid, 12, 31),
                     "milestones": [{"id": "MS1", "due": dt.date(mid, 12, 31), "deliverable": "Front-line staff trained"}]},
        "budget": [{"year": y, "amount": 250000, "currency": o.currency, "source": "state-budget", "new_money": False}
                   for y in years if y <= mid],
        "indicators": [{"indicator": "IND-PEOPLE-ASSISTED",
                        "baseline": {"value": 100, "year": first - 1, "source": "Annual report"},
                        "target": {"value": 150, "year": last}}],
        "status": "planned",
    }
    files = {
        "plan/plan.yaml": _dump(plan, "../schemas/plan.schema.json"),
        "plan/agencies.yaml": _dump(agencies, "../schemas/agencies.schema.json"),
        "plan/indicators.yaml": _dump(indicators, "../schemas/indicators.schema.json"),
        "plan/recommendations/monitoring-report.yaml": _dump(catalog, "../../schemas/recommendations.schema.json"),
        "measures/M-01.yaml": _dump(measure1, "../schemas/measure.schema.json"),
        "measures/M-02.yaml": _dump(measure2, "../schemas/measure.schema.json"),
        ".gitignore": "build/\n__pycache__/\n",
        "README.md": f"# {o.title}\n\nThis plan is kept as data with napkit.\n\n"
                     "```sh\nnap check     # validate and check coverage\nnap build     # website and documents in build/\n```\n\n"
                     "Add a measure with `nap new measure`; see `nap --help`.\n",
    }
    # a language napkit has no catalog for gets a starter one with every interface text to translate
    for lang in o.languages:
        if lang not in locale.shipped_languages():
            files[locale.plan_po(lang)] = locale.starter_po(lang)
    return files


def init_plan(target: Path, options: InitOptions) -> list[Path]:
    if not re.fullmatch(r"[A-Z]{3}", options.currency):
        raise InitError(f"currency '{options.currency}' is not an ISO 4217 code such as EUR or NOK")
    if options.start > options.end:
        raise InitError(f"the plan cannot end ({options.end}) before it starts ({options.start})")
    for lang in options.languages:
        if not re.fullmatch(r"[a-z]{2,3}", lang):
            raise InitError(f"'{lang}' is not a language code such as en, nb or fr")
    if target.exists() and any(target.iterdir()):
        raise InitError(f"{target} exists and is not empty; choose a new folder")
    files = starter_files(options)
    for rel, text in files.items():
        kind = kind_of(rel)
        if kind is not None:  # the same canonical layout `nap fmt` keeps
            files[rel] = format_text(rel, kind, text).formatted or text
    staging = target.parent / f".{target.name}.init-tmp"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel, text in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        schemas = resources.files("napkit.data").joinpath("schemas")
        (staging / "schemas").mkdir()
        for entry in schemas.iterdir():
            if entry.name.endswith(".schema.json"):
                (staging / "schemas" / entry.name).write_text(entry.read_text("utf-8"), encoding="utf-8")
        _copy_extra_templates(staging)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(p for p in target.rglob("*") if p.is_file())


def _copy_extra_templates(staging: Path) -> None:
    """Site configuration and pages a new plan starts from (package data/init/), if present."""
    base = resources.files("napkit.data")
    init_dir = base.joinpath("init")
    if not init_dir.is_dir():
        return

    def copy(node, dest: Path) -> None:
        for entry in node.iterdir():
            if entry.is_dir():
                copy(entry, dest / entry.name)
            elif not entry.name.startswith("."):
                dest.mkdir(parents=True, exist_ok=True)
                (dest / entry.name).write_bytes(entry.read_bytes())

    copy(init_dir, staging)
