"""Findings: what a check says about the plan, as data (never exceptions).

Every finding has a stable code from CODES, a severity, a position and a message.
The table below is the one place codes are defined; docs/findings.md is generated from it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Iterable


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str
    explanation: str


def _codes(*rows: tuple[str, Severity, str, str]) -> dict[str, Code]:
    return {c: Code(c, s, t, e) for c, s, t, e in rows}


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

CODES: dict[str, Code] = _codes(
    # 0xx — reading files
    ("NAP001", E, "unreadable file", "The file could not be read (permissions, size limit, symlink leaving the repository)."),
    ("NAP002", E, "not UTF-8", "The file is not valid UTF-8 text."),
    ("NAP003", E, "YAML syntax error", "The file is not well-formed YAML (bad indentation, tabs, unclosed quotes...)."),
    ("NAP004", E, "duplicate key", "A mapping has the same key twice; YAML would silently keep only one."),
    ("NAP005", E, "document too complex", "Aliases expand to too many nodes (e.g. a 'billion laughs' document)."),
    ("NAP006", E, "empty file", "The file holds no YAML document."),
    ("NAP007", W, "unexpected file", "A file in plan/ or measures/ that napkit does not read (wrong extension)."),
    ("NAP015", E, "link not followed", "A symbolic link that leaves the repository, loops, leads nowhere or leads to a folder: napkit never reads, copies or writes through it."),
    ("NAP016", E, "not a regular file", "A FIFO, socket or device where napkit reads files: only regular files are read."),
    ("NAP017", E, "mkdocs.yml setting not allowed", "The plan's mkdocs.yml sets something outside the documented list (e.g. hooks, theme.custom_dir, !ENV or !!python tags)."),
    ("NAP018", E, "template includes a file", "The plan's document template (plan/templates/plan.typ) pulls in another file as a pandoc partial, which pandoc reads from anywhere (even under --sandbox)."),
    # 1xx — JSON Schema, per file
    ("NAP101", E, "missing property", "A required property is missing."),
    ("NAP102", E, "unknown property", "A property the schema does not define (often a typo)."),
    ("NAP103", E, "wrong type", "A value has the wrong type (e.g. text where a number is expected)."),
    ("NAP104", E, "value not allowed", "A value is outside the allowed set, pattern or range."),
    ("NAP105", E, "schema violation", "Any other schema rule (e.g. too few items, duplicates in a list)."),
    ("NAP106", E, "not a finite number", "A number is .nan, .inf or too large to be a number (1e400)."),
    ("NAP107", E, "control character in text", "A text holds a control character (\\0, \\e, \\uffff...) other than tab and newline."),
    # 2xx — identity and references
    ("NAP201", E, "duplicate id", "Two objects of the same kind share an id."),
    ("NAP202", E, "file name does not match id", "A measure file must be named <id>.yaml, a progress file <measure>.yaml."),
    ("NAP203", E, "unsafe id", "Ids become file and page names: no path separators and no '..'."),
    ("NAP204", E, "unknown agency", "An agency id that is not in plan/agencies.yaml."),
    ("NAP205", E, "unknown objective", "An objective id that is not in plan/plan.yaml."),
    ("NAP206", E, "unknown recommendation", "A recommendation id that is in no catalog."),
    ("NAP207", E, "unknown indicator", "An indicator id that is not in plan/indicators.yaml."),
    ("NAP208", E, "unknown funding source", "A funding source id that is not in plan/plan.yaml."),
    ("NAP209", W, "id outside its source's prefix", "Recommendation ids should start with their catalog's source id."),
    ("NAP210", E, "agency hierarchy cycle", "Following 'parent' leads back to the same agency."),
    ("NAP211", W, "partner listed twice", "An agency is a partner twice, or both lead and partner."),
    ("NAP212", E, "ids differ only in case", "Two ids of the same kind differ only in upper/lower case: they would share one page, anchor or file name on case-insensitive systems."),
    ("NAP220", I, "not checked", "A reference or a coverage that cannot be judged while another file does not parse or failed its schema; fix that file first."),
    ("NAP221", E, "registry file missing", "plan/agencies.yaml, plan/indicators.yaml or a catalog in plan/recommendations/ is missing although the plan refers to what it should hold."),
    # 3xx — time and money
    ("NAP301", E, "outside plan period", "A date lies outside the plan period."),
    ("NAP302", E, "start after end", "A timeline ends before it starts."),
    ("NAP303", E, "milestone outside timeline", "A milestone is due before the measure starts or after it ends."),
    ("NAP304", E, "budget year outside plan period", "A budget line's year is not a year of the plan."),
    ("NAP305", E, "wrong currency", "A budget line is not in the plan's currency."),
    ("NAP306", W, "budget year outside timeline", "Money is budgeted in a year the measure does not run."),
    ("NAP307", W, "indicator year out of place", "A baseline after the plan starts, or a target after it ends."),
    ("NAP310", E, "duplicate reporting period", "plan.yaml lists a reporting period twice."),
    # 4xx — languages
    ("NAP401", W, "missing translation", "A text lacks one of the plan's languages (an error with --strict)."),
    ("NAP402", W, "undeclared language", "A text has a language the plan does not declare."),
    ("NAP420", W, "interface text falls back to English", "A plan language lacks translations of napkit's interface words (menus, headings, labels): they are shown in English. The finding names the catalog to put them in: plan/locale/<lang>.po."),
    ("NAP421", E, "unreadable interface catalog", "A plan/locale/<lang>.po file is not a readable gettext catalog."),
    ("NAP422", W, "translation with other placeholders", "A translation in plan/locale/<lang>.po names a {placeholder} its English msgid does not have; the English text is shown instead."),
    # 5xx — coverage
    ("NAP501", E, "recommendation not covered", "An accepted or partly accepted recommendation is implemented by no measure."),
    ("NAP502", W, "accepted recommendation only partly covered", "Every measure answering an accepted recommendation does so only in part."),
    ("NAP503", E, "response without justification", "A 'noted' or 'partly' response must say why."),
    ("NAP504", I, "noted recommendation implemented", "A measure implements a recommendation the government only noted."),
    # 6xx — implementation progress (plan/progress/<period>/<measure>.yaml)
    ("NAP601", E, "progress for an unknown measure", "A progress entry reports on a measure that is not in measures/."),
    ("NAP602", E, "unknown reporting period", "A progress entry's period is not in plan.yaml reporting_periods, or its file is not in plan/progress/<period>/."),
    ("NAP603", E, "spending outside the plan", "Money is reported spent in a year outside the plan period, or after the reporting period ends."),
    ("NAP604", W, "indicator value without source", "An indicator's actual value does not say where the figure comes from."),
    ("NAP605", W, "completed with open milestones", "A measure is reported completed, yet a milestone has no reached date in this or an earlier period."),
    ("NAP606", E, "unknown milestone", "A milestone id that is not among the measure's milestones."),
    ("NAP607", E, "duplicate progress entry", "Two entries report on the same measure for the same period."),
    ("NAP608", W, "completion does not fit status", "A completed measure below 100 %, or a measure not started above 0 %."),
    # 7xx — plan quality (src/napkit/validate/quality/; each switchable in plan.yaml `quality: {NAP7xx: off|info|warning|error}`)
    ("NAP701", W, "same ask, different response", "Recommendations linked by `same_as` (the same ask made twice) have different response statuses."),
    ("NAP702", W, "same ask, different coverage", "Of recommendations linked by `same_as`, one is covered in full and another only in part or not at all: link the same measures to both."),
    ("NAP703", W, "same ask, different justification", "Recommendations linked by `same_as` have the same status but materially different justifications (few words in common): harmonise the text."),
    ("NAP704", W, "noted recommendation addressed by a measure", "A 'noted' recommendation is implemented by a measure, named in a measure's text, described by it (half the rarity-weighted words of its summary, four at least, in every language), or implemented through a `same_as` twin: respond 'partly', or change the measure. Replaces NAP504 for that recommendation."),
    ("NAP705", W, "full coverage by a measure without budget or milestones", "A measure with no budget and no milestone claims to implement a recommendation in full."),
    ("NAP710", W, "target on the wrong side of the baseline", "With `direction: increase` a target below the latest baseline (or above it with `decrease`)."),
    ("NAP711", W, "targets not monotone", "A later target falls back against the indicator's `direction` (e.g. 60 in 2028, 50 in 2030 for an increase)."),
    ("NAP712", W, "target contradicts a related indicator", "An indicator with `at_most: [other]` has a target equal to or above the other's target for the same year (e.g. convictions ≥ prosecutions)."),
    ("NAP713", W, "indicator target without direction", "An indicator has targets but no `direction` (increase, decrease, maintain), so they cannot be checked."),
    ("NAP714", W, "indicator without baseline", "An indicator has no baseline (in plan/indicators.yaml or a measure) and no `baseline_note` saying why."),
    ("NAP715", W, "baseline mixes series", "An indicator's baseline points come from more than one source series (editions of one report count as one)."),
    ("NAP720", W, "target before its measure", "A target falls in a year before any measure using the indicator has started (or in the year a measure starts after 30 June)."),
    ("NAP721", W, "milestone before adoption", "A milestone is due before the plan's `adoption` date."),
    ("NAP722", W, "no adoption date", "plan.yaml has no `adoption` date, so milestones cannot be checked against it."),
    ("NAP723", W, "starts before what it builds on", "A measure starts before a measure in its `after` list starts."),
    ("NAP724", W, "ends before what it builds on", "A measure ends before a measure in its `after` list ends."),
    ("NAP725", W, "every measure starts on the same day", "More than 10 measures and all start on one date: sequence them (and record dependencies in `after`)."),
    ("NAP730", W, "budget year without a deliverable", "A measure has money in a year after its last milestone (or has money and no milestone at all); a year between two milestones pays for work towards the next."),
    ("NAP731", W, "new money above the declared share", "The share of new money in the budget exceeds plan.yaml `budget_policy.new_money_share_max`."),
    ("NAP732", W, "budget line without chapter", "plan.yaml `budget_policy.require_chapter` is true and a budget line names no `chapter`."),
    ("NAP740", W, "near-duplicate measures", "Two measures whose titles and descriptions are alike (in every language, with at least three uncommon words in common) and that also share recommendations, indicators or lead; scored 0–1 (text 0.5, recommendations 0.3, indicators 0.1, lead 0.1), reported from 0.45 on the later file: merge them or delimit their scope."),
    ("NAP750", W, "independent body given orders", "A measure led by an `independent` agency has `commitment: government`: make it an `invitation` or the body's `own` commitment."),
    ("NAP790", E, "unknown id in a quality link", "An id in `same_as`, `after` or `at_most` that does not exist (or points to itself)."),
    ("NAP791", W, "unknown plan-quality code", "plan.yaml `quality` names a NAP7xx code that is not a plan-quality rule."),
    # 8xx — versions and the public consultation (src/napkit/validate/consultation_rules.py)
    ("NAP801", W, "point without a response", "A point of a consultation response has no reasoned response yet (decision and rationale) while the consultation is open."),
    ("NAP802", E, "point without a response after the consultation", "The consultation has closed and a point of a response still has no reasoned response."),
    ("NAP803", E, "changed names no measure", "A response's `changed` list names a measure that is not in measures/."),
    ("NAP804", E, "adopted point changes nothing", "A point is `adopted` but its response lists no measure in `changed`."),
    ("NAP805", W, "point not adopted yet changed", "A point that is `not-adopted` or `noted` lists measures in `changed`."),
    ("NAP806", E, "point about nothing in the plan", "A point's `about` is no measure, recommendation or objective id, and not 'general'."),
    ("NAP807", W, "consultation shorter than six weeks", "The consultation runs less than six weeks (Utredningsinstruksen: normally three months, never less than six weeks)."),
    ("NAP808", E, "consultation closes before it opens", "plan.yaml `consultation.closes` is before `consultation.opens`."),
    ("NAP809", E, "newest version is not `version`", "The last entry of plan.yaml `versions` does not have the number in `version`."),
    ("NAP810", E, "versions out of order", "plan.yaml `versions` lists a version twice, or a version dated before the one above it (oldest first)."),
    ("NAP811", E, "version ref not in git", "A version's `ref` is not a tag or commit of the plan's git repository."),
    ("NAP812", W, "older version without ref", "A version other than the newest names no git `ref`, so its documents cannot be rebuilt."),
    ("NAP813", E, "point id used twice", "Two points of one consultation response share an id."),
    ("NAP814", E, "responses without a consultation", "There are files in plan/consultation/ but plan.yaml has no `consultation`."),
)


@dataclass(frozen=True, slots=True)
class Pos:
    """A place in a file; line and col are 1-based (0 when unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    pos: Pos
    message: str
    hint: str = ""

    @property
    def title(self) -> str:
        return CODES[self.code].title

    def sort_key(self) -> tuple:
        return (self.pos.file, self.pos.line, self.pos.col, self.code, self.message)


MAX_MESSAGE = 400  # a message quotes values; a 10 MB value must not be echoed whole


def clip(text: str, limit: int = MAX_MESSAGE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make(code: str, pos: Pos, message: str, hint: str = "") -> Finding:
    return Finding(code, CODES[code].severity, pos, clip(message), clip(hint))


@dataclass
class Findings:
    """All findings of one run, in the order they were found."""

    items: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.items.append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.items.extend(findings)

    def sorted(self) -> list[Finding]:
        unique = {(f.sort_key(), f.severity): f for f in self.items}
        return [unique[k] for k in sorted(unique)]

    def promoted(self, strict: bool) -> "Findings":
        """Under --strict every warning counts as an error."""
        if not strict:
            return self
        return Findings([replace(f, severity=Severity.ERROR) if f.severity == Severity.WARNING else f
                         for f in self.items])

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.items if f.severity == Severity.ERROR]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.items:
            out[str(f.severity)] += 1
        return out
