"""Parse one YAML file into a Document (plain data + positions), or a Finding saying why not.

Data comes straight from libyaml's parser events (event_yaml, with fast_yaml's YAML 1.2 core
semantics). The line/column of any key or item comes from a compact index of the same events
(yaml_positions), built only when a finding first needs a position in that file. Parsing never
raises: a malformed file comes back as a Finding value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from yaml import MarkedYAMLError as MarkedYAMLErrorPy
from yaml import YAMLError as PyYAMLError

from ..findings import Finding, Pos, make
from . import event_yaml, fast_yaml
from .yaml_positions import build_index

# Big enough for a 100,000-recommendation catalog in one file (~70 MB with summaries in two
# languages), small enough to refuse a runaway 100 MB file before reading it.
MAX_FILE_BYTES = 80 * 1024 * 1024
PathKey = str | int


@dataclass(eq=False)
class Document:
    """One parsed file: plain JSON-like data, and (built on first need) the index that knows
    where each value stands."""

    file: str
    kind: str
    data: Any
    text: str = field(repr=False, default="")
    _index: Any = field(repr=False, default=None)
    _index_tried: bool = field(repr=False, default=False)

    @property
    def index(self) -> Any:
        """yaml_positions' entry for the root collection, or None (a scalar root)."""
        if not self._index_tried:
            self._index_tried = True
            self._index = build_index(self.text)
        return self._index

    def locate(self, path: tuple[PathKey, ...], *, key: bool = False) -> Pos:
        """Position of the value at `path` (or of its key with key=True); falls back to the
        nearest enclosing node that has one."""
        node = self.index
        line, col = (node[0], node[1]) if node is not None else (None, None)
        for i, step in enumerate(path):
            if node is None:
                break
            children = node[2]
            last = i == len(path) - 1
            if isinstance(children, dict):
                found = children.get(step) if isinstance(step, str) else None
                if found is None:
                    break
                key_line, key_col, value_line, value_col, child = found
                if last and (key or child is None):
                    line, col = (key_line, key_col) if key else (value_line, value_col)
                elif child is not None and not key:
                    line, col = child[0], child[1]
                else:
                    line, col = key_line, key_col
                node = child
            elif isinstance(step, int) and 0 <= step < len(children):
                line, col, node = children[step]
            else:
                break
        if line is None:
            return Pos(self.file, 1, 1)
        return Pos(self.file, line + 1, col + 1)


def parse(file: str, kind: str, raw: bytes) -> Document | Finding:
    if len(raw) > MAX_FILE_BYTES:
        return make("NAP001", Pos(file, 1, 1), f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return make("NAP002", Pos(file, line, col),
                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return make("NAP006", Pos(file, 1, 1), "the file is empty")
    conflict = conflict_marker(file, text)
    if conflict is not None:
        return conflict
    try:
        data = event_yaml.load(text, budget=10 * len(text) + 10_000)
    except fast_yaml.DuplicateKey as exc:
        return make("NAP004", Pos(file, exc.line, exc.col),
                    f"duplicate key '{exc.key}' in this mapping; YAML would keep only one of them")
    except fast_yaml.TooDeep as exc:
        return make("NAP005", Pos(file, 1, 1), f"{exc}: flatten the lists and mappings")
    except fast_yaml.TooComplex as exc:
        return make("NAP005", Pos(file, 1, 1), f"{exc}: remove the anchors/aliases (&name / *name)")
    except MarkedYAMLErrorPy as exc:
        return make("NAP003", _mark_pos(file, exc), _syntax_message(exc))
    except PyYAMLError as exc:  # e.g. a control character (ReaderError)
        # libyaml's ReaderError offset counts UTF-8 bytes, not characters: after 'æøå' it
        # points too far right. Find the character ourselves.
        bad = _NOT_YAML.search(text)
        if bad is not None:
            return make("NAP003", _offset_pos(file, text, bad.start()),
                        f"control character U+{ord(bad.group()):04X} is not allowed in YAML; remove it")
        offset = getattr(exc, "position", None)
        pos = _offset_pos(file, text, offset) if isinstance(offset, int) else Pos(file, 1, 1)
        reason = getattr(exc, "reason", "") or (str(exc).splitlines()[0] if str(exc) else "malformed YAML")
        return make("NAP003", pos, reason)
    except RecursionError:
        return make("NAP005", Pos(file, 1, 1), "the document nests too deeply")
    except (ValueError, KeyError) as exc:  # an explicit tag its value does not fit: `!!int abc`
        return make("NAP003", Pos(file, 1, 1), f"a value does not fit its explicit tag (!!…): {exc}")
    return Document(file, kind, data, text)


# Characters YAML 1.2 does not allow in a stream (its c-printable, inverted).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _mark_pos(file: str, exc: MarkedYAMLErrorPy) -> Pos:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Pos(file, 1, 1)
    return Pos(file, mark.line + 1, mark.column + 1)


def _offset_pos(file: str, text: str, offset: int) -> Pos:
    before = text[:offset]
    return Pos(file, before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _syntax_message(exc: MarkedYAMLErrorPy) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if "\\t" in problem or "'\\t'" in problem or "tab character" in problem:
        return "a tab character cannot indent YAML; indent with spaces"
    text = problem if not context else f"{problem} ({context})"
    hint = next((h for words, h in _HINTS if words in problem or words in context), None)
    return (text or "malformed YAML") + (f"; {hint}" if hint else "")


# The parser's words for the mistakes people make most, and what to do about each.
_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "a text that contains ': ' must be in quotes, e.g. title: \"Tiltak: utkast\""),
    ("did not find expected key",
     "check the indentation: the keys of one mapping must start in the same column"),
    ("expected <block end>",
     "check the indentation: the keys of one mapping must start in the same column"),
    ("while parsing a block collection",
     "check the indentation: the items of one list must start in the same column"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
    ("while parsing a flow", "a [ or { is opened and never closed, or items lack a comma"),
    ("found undefined alias", "'*' starts an alias in YAML; put a text that starts with '*' in quotes"),
    ("found character '@'", "a text that starts with '@' or '`' must be in quotes"),
    ("found character '`'", "a text that starts with '@' or '`' must be in quotes"),
)

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


def conflict_marker(file: str, text: str) -> Finding | None:
    """git leaves <<<<<<< / ======= / >>>>>>> lines in a file whose merge it could not finish;
    say so at the first of them instead of reporting what the YAML parser makes of it."""
    hit = _CONFLICT.search(text)
    if hit is None:
        return None
    line = text.count("\n", 0, hit.start()) + 1
    return make("NAP003", Pos(file, line, 1), "the file has git merge conflict markers (<<<<<<<, =======, "
                ">>>>>>>): keep the lines you want, delete the markers and the rest")
