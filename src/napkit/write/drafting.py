"""What every `nap new` command shares: resolvers that turn a typed answer (or a flag) into the
plan's own value, the terminal question that asks until an answer is accepted, the collection of
fields from flags and questions, and adding one entry to a registry file with its comments kept.

Each resolver takes what a drafter typed and returns the plan's own value, or raises DraftError
saying what to type instead: in a terminal the question is asked again at once, so nothing typed
before is lost; without one, flags go through the same resolvers and every problem is listed."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import click
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..validate.schema import load_schema

T = TypeVar("T")
HELP = "?"


class DraftError(Exception):
    """What was typed does not fit the plan; the message says what to type instead."""


def suggest(word: str, options) -> str:
    hits = difflib.get_close_matches(word, list(options), n=3, cutoff=0.5)
    return f" (did you mean {' or '.join(repr(h) for h in hits)}?)" if hits else ""


def id_key(text: str) -> str:
    """'tip24-7', 'TIP24-07' and 'Tip24-007' are one id: case and leading zeros do not matter."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), text.strip().upper())


def by_key(options) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for option in options:
        out.setdefault(id_key(option), []).append(option)
    return out


def resolve_id_of(typed: str, options, what: str, of: str = "") -> str:
    """An existing id, typed in any case (and with or without leading zeros); `of` says whose
    ('of M-06' for a milestone)."""
    options = list(options)
    hits = by_key(options).get(id_key(typed), [])
    if len(hits) == 1:
        return hits[0]
    hint = suggest(typed.strip(), options)  # else the choices, when they fit on a line
    if not hint:
        hint = ("; there are none" if not options else f"; choose one of {', '.join(options)}"
                if len(options) <= 12 else " (`?` lists them)")
    raise DraftError(f"unknown {what} '{typed.strip()}'{' ' + of if of else ''}{hint}")


def next_id(ids: Iterable[str], first: str) -> str:
    """One more than the highest number among ids shaped like the existing ones (M-07 → M-08)."""
    ids = list(ids)
    shapes: dict[tuple[str, int], int] = {}
    for one in ids:
        m = re.fullmatch(r"(.*?)(\d+)", one)
        if m:
            key = (m.group(1), len(m.group(2)))
            shapes[key] = max(shapes.get(key, 0), int(m.group(2)))
    if not shapes:
        return first
    (prefix, width), highest = max(shapes.items(), key=lambda kv: (sum(1 for k in ids if k.startswith(kv[0][0])), kv[1]))
    return f"{prefix}{highest + 1:0{width}d}"


_ID = load_schema("agencies.schema.json")["definitions"]["id"]


def resolve_new_id(typed: str, existing: Iterable[str], what: str) -> str:
    """A new id: the schema's id shape, and not one that exists already in any case."""
    text = typed.strip()
    if not re.fullmatch(_ID["pattern"].rstrip("$") + r"\Z", text) or len(text) > _ID["maxLength"]:
        raise DraftError(f"'{text}' is not a valid id (letters, digits, '-', '_', '.'; at most {_ID['maxLength']})")
    same = [e for e in existing if e.casefold() == text.casefold()]
    if same:
        raise DraftError(f"{what} '{same[0]}' exists already; choose another id")
    return text


def schema_enum(schema: str, definition: str, *path: str) -> tuple[str, ...]:
    """The allowed values the checker's own schema gives, e.g. an agency's `kind`."""
    node = load_schema(schema)["definitions"][definition]
    for key in path:
        node = node["properties"][key]
    return tuple(node["enum"])


def one_of(typed: str, options: Iterable[str]) -> str:
    options = list(options)
    by_case = {o.casefold(): o for o in options}
    if typed.strip().casefold() in by_case:
        return by_case[typed.strip().casefold()]
    raise DraftError(f"'{typed.strip()}' is not one of {', '.join(options)}{suggest(typed.strip().lower(), options)}")


def yes_no(typed: str) -> bool:
    answer = typed.strip().casefold()
    if answer in ("y", "yes", "j", "ja"):
        return True
    if answer in ("n", "no", "nei"):
        return False
    raise DraftError("answer y or n")


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y")


def parse_date(typed: str) -> dt.date:
    """2027-12-31, or as Norwegians write it: 31.12.2027."""
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(typed.strip(), form).date()
        except ValueError:
            continue
    raise DraftError(f"'{typed.strip()}' is not a date; write 2027-12-31 or 31.12.2027")


def resolve_text(lang: str, typed: str) -> str:
    if not typed.strip():
        raise DraftError(f"every plan language needs this text; write it in '{lang}'")
    return typed.strip()


def resolve_number(typed: str, *, whole: bool = False, low: float | None = None, high: float | None = None):
    """'1 500', '12,5' or '12.5' → a number (a Norwegian decimal comma is read as a point)."""
    text = typed.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise DraftError(f"'{typed.strip()}' is not a number") from None
    if not math.isfinite(value):
        raise DraftError(f"'{typed.strip()}' is not a number")
    if whole and not value.is_integer():
        raise DraftError(f"'{typed.strip()}' is not a whole number")
    if (low is not None and value < low) or (high is not None and value > high):
        span = f"{low:g}–{high:g}" if low is not None and high is not None else f"at least {low:g}"
        raise DraftError(f"{typed.strip()} is outside {span}")
    return int(value) if value.is_integer() else value


def resolve_url(typed: str) -> str:
    if not re.fullmatch(r"https://\S+", typed.strip()):
        raise DraftError(f"'{typed.strip()}' is no https:// address")
    return typed.strip()


def pairs(typed: str, example: str) -> list[tuple[str, str]]:
    """'MS1=15.3.2027, MS2=1.6.2027' → [('MS1', '15.3.2027'), ('MS2', '1.6.2027')]. Only a comma
    that starts another KEY= separates, so that '2027=1,5 mill.' keeps its decimal comma."""
    out = []
    for part in (p.strip() for p in re.split(r",(?=\s*[^,=\s]+\s*=)", typed) if p.strip()):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise DraftError(f"write each as {example} ('{part}')")
        out.append((key.strip(), value.strip()))
    return out


def optional(resolve: Callable[[str], T]) -> Callable[[str], T | None]:
    """An answer that may be left empty (None)."""
    return lambda typed: None if not typed.strip() else resolve(typed)


def ask(prompt: str, resolve: Callable[[str], T], *, default: str | None = None,
        listing: Callable[[], str] | None = None) -> T:
    """Ask until `resolve` accepts the answer; `?` prints `listing` (the choices) and asks again."""
    while True:
        # an empty answer goes to `resolve` too, so that it can say why one is needed
        typed = click.prompt(prompt, default=default or "", show_default=bool(default))
        if typed.strip() == HELP and listing is not None:
            click.echo(listing())
            continue
        try:
            return resolve(typed)
        except DraftError as exc:
            click.echo(f"  {exc}", err=True)


# -- fields: from flags, else asked ------------------------------------------------------------

@dataclass
class Field:
    """One answer of a draft. `default` and `when` see the answers given so far, so a later
    field can depend on an earlier one (a justification only for a 'partly' response)."""

    key: str
    flag: str  # how the flag is written in a message, e.g. '--kind' or '--name en=…'
    prompt: str
    resolve: Callable[[str], Any]
    required: bool = True
    default: Callable[[dict], str | None] | None = None
    listing: Callable[[], str] | None = None
    when: Callable[[dict], bool] | None = None
    unused: str = "it does not go with the other answers"  # why a flag given is not used, if `when` says so


def text_fields(key: str, flag: str, what: str, languages: tuple[str, ...], given: dict[str, str],
                *, required: bool = True, when: Callable[[dict], bool] | None = None,
                unused: str = Field.unused) -> list[Field]:
    """One field per plan language ('name.nb', 'name.en'). An optional text may be left out,
    but once it is given in one language it is needed in all."""
    needed = required or any(given.get(f"{key}.{lang}") for lang in languages)
    first = f"{key}.{languages[0]}"
    fields = []
    for i, lang in enumerate(languages):
        this_when = when
        if not needed and i > 0:
            this_when = (lambda a, w=when: bool(a.get(first)) and (w is None or w(a)))
        prompt = f"{what} ({lang})" + ("" if needed or i > 0 else " (empty: none)")
        resolve = (lambda t, lang=lang: resolve_text(lang, t))
        fields.append(Field(f"{key}.{lang}", f"--{flag} {lang}=…", prompt,
                            resolve if needed or i > 0 else optional(resolve),
                            required=needed or i > 0, when=this_when, unused=unused))
    return fields


def texts(answers: dict, key: str, languages: tuple[str, ...]) -> dict[str, str] | None:
    values = {lang: answers.get(f"{key}.{lang}") for lang in languages}
    return values if all(values.values()) else None


class Answers(dict):
    """The answers by field key, and the keys whose flag was given but wrong (so that what
    depends on them is still asked for: a wrong baseline is a baseline, not none)."""

    def __init__(self):
        super().__init__()
        self.failed: set[str] = set()


def collect(fields: Callable[[dict], Iterable[Field]], given: dict[str, Any], interactive: bool,
            command: str) -> tuple[dict, list[str]]:
    """The answers, and every problem (all at once). `fields(answers)` yields the fields in order;
    it is a function so that the answers so far can shape what comes next."""
    answers = Answers()
    problems: list[str] = []
    for f in fields(answers):
        raw = given.get(f.key)
        if f.when is not None and not f.when(answers):
            if raw not in (None, "", ()) and f.key not in answers.failed:
                message = f"{f.flag.split(' ')[0]} is not used: {f.unused}"
                if message in problems:
                    pass  # said once for all the languages of a text
                elif interactive:
                    click.echo(f"nap new {command}: {message}", err=True)
                problems.append(message)
            continue
        if raw not in (None, "", ()):
            try:
                answers[f.key] = f.resolve(raw)
                continue
            except DraftError as exc:
                if not interactive:
                    problems.append(f"{f.flag.split(' ')[0]}: {exc}")
                    answers.failed.add(f.key)
                    continue
                click.echo(f"nap new {command}: {f.flag.split(' ')[0]}: {exc}", err=True)  # asked again below
        default = f.default(answers) if f.default else None
        if interactive:
            answers[f.key] = ask(f.prompt, f.resolve, default=default, listing=f.listing)
        elif default is not None:
            try:
                answers[f.key] = f.resolve(default)
            except DraftError as exc:
                problems.append(f"{f.flag.split(' ')[0]}: {exc}")
        elif f.required and not (f.default and problems):
            # (a field whose default comes from an earlier one that is wrong or missing is not
            # called missing too: one problem, one message)
            problems.append(f"missing {f.flag} (or run in a terminal to be asked)")
        else:
            answers[f.key] = None
    # in a terminal, what was not used has been said and everything else was asked again
    return answers, [] if interactive else list(dict.fromkeys(problems))


# -- adding an entry to a registry file --------------------------------------------------------

def _yaml() -> YAML:
    y = YAML(typ="rt", pure=True)
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True  # the file's own quoting stays as it is
    return y


@dataclass(frozen=True)
class Style:
    """How the entries of a file write their texts: `{nb: …, en: …}` or a block, quoted or not."""

    flow: bool = False
    quoted: bool = False
    plain: bool = False  # one language, and the texts are written without it (`name: Police`)

    def text(self, values: dict[str, str]) -> CommentedMap | str:
        if self.plain and len(values) == 1:
            return self.string(next(iter(values.values())))
        out = CommentedMap((lang, self.string(v)) for lang, v in values.items())
        if self.flow:
            out.fa.set_flow_style()
        return out

    def string(self, value: str) -> str:
        return DoubleQuotedScalarString(value) if self.quoted else value


def style_of(entries: list) -> Style:
    """The style of the last entry's first localised text, so that a new entry looks like its neighbours."""
    for entry in reversed(entries):
        text = entry.get("name", entry.get("summary")) if isinstance(entry, CommentedMap) else None
        if isinstance(text, str):
            return Style(plain=True, quoted=isinstance(text, DoubleQuotedScalarString))
        for value in entry.values() if isinstance(entry, CommentedMap) else ():
            if isinstance(value, CommentedMap) and value and all(isinstance(v, str) for v in value.values()):
                return Style(flow=value.fa.flow_style(), quoted=isinstance(next(iter(value.values())),
                                                                            DoubleQuotedScalarString))
    return Style()


def point(year: int, value, source: dict | None = None, style: Style = Style()) -> CommentedMap:
    """A `{year: 2028, value: 110}` point, written on one line as in every registry."""
    out = CommentedMap([("year", year), ("value", value)])
    if source:
        src = style.text(source)
        src.fa.set_flow_style()
        out["source"] = src
    out.fa.set_flow_style()
    return out


def load_registry(text: str, list_key: str) -> tuple[Any, list]:
    """The round-trip document of a registry file and its list of entries."""
    doc = _yaml().load(text)
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get(list_key), list):
        raise DraftError(f"the file has no `{list_key}:` list to add to; run `nap check` to see why")
    return doc, doc[list_key]


def dump(doc) -> str:
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return buf.getvalue()


def schema_problems(rel: str, kind: str, text: str) -> list[str]:
    """What the checker's schema says about the text about to be written (nothing, if the
    resolvers did their job: this is the last guard before the file is replaced)."""
    from ..load.yaml_doc import parse
    from ..validate.schema import check_document

    doc = parse(rel, kind, text.encode("utf-8"))
    if not hasattr(doc, "data"):  # a Finding: the text does not parse
        return [doc.message]
    return [f"{f.pos.line}:{f.pos.col}: {f.message}" for f in check_document(doc)[0]]


def _safe(root, rel: str):
    from ..load.safe_paths import Repo

    repo = Repo(root)
    problem = repo.check_writable(rel)  # a link on the way out of the repository: no
    if problem is not None:
        raise DraftError(f"{problem.path}: {problem.message}")
    return repo


def add_entry(root, rel: str, kind: str, list_key: str, make_entry: Callable[[Style], CommentedMap]) -> None:
    """Append the entry `make_entry` builds (in the file's own style) to the list `list_key` of
    the registry file `rel`; everything else in the file, comments too, stays as it was."""
    from ..load.safe_paths import UnsafePath
    from ..util.atomic import write_text_atomic

    repo = _safe(root, rel)
    if not repo.exists(rel):  # the first entry of a registry the plan did not have yet
        depth = "../" * rel.count("/")
        text = f"# yaml-language-server: $schema={depth}schemas/{kind}.schema.json\n{list_key}: []\n"
    else:
        try:
            text = repo.read_text(rel)
        except (UnsafePath, UnicodeDecodeError) as exc:
            raise DraftError(f"cannot read {rel}: {exc}") from None
    try:
        doc, entries = load_registry(text, list_key)
    except DraftError as exc:
        raise DraftError(f"{rel}: {exc}") from None
    except Exception:  # noqa: BLE001 — ruamel raises many kinds for a broken file; `nap check` says where
        raise DraftError(f"{rel} does not parse; run `nap check` to see why") from None
    if not entries:
        entries.fa.set_block_style()  # `[]` would otherwise hold the new entry on one line
    entries.append(make_entry(style_of(entries)))
    new = dump(doc)
    problems = schema_problems(rel, kind, new)
    if problems:
        raise DraftError(f"{rel} would not pass its schema: " + "; ".join(problems))
    write_text_atomic(repo.root / rel, new)


def create_file(root, rel: str, kind: str, text: str) -> None:
    """Write a new plan file `rel` (refused if anything is there already)."""
    from ..util.atomic import write_text_atomic

    repo = _safe(root, rel)
    if repo.exists(rel):
        raise DraftError(f"{rel} exists already")
    problems = schema_problems(rel, kind, text)
    if problems:
        raise DraftError(f"{rel} would not pass its schema: " + "; ".join(problems))
    write_text_atomic(repo.root / rel, text)
