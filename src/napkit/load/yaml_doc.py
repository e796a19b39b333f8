"""Parse one YAML file into a Document (plain data + positions), or a Finding saying why not.

Data comes straight from libyaml's parser events (event_yaml, with fast_yaml's YAML 1.2 core
semantics). The line/column of any key or item comes from a compact index of the same events
(yaml_positions), built only when a finding first needs a position in that file. Parsing never
raises: a malformed file comes back as a Finding value.
"""

from __future__ import annotations

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
        return make("NAP001", Pos(file), f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
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
    try:
        data = event_yaml.load(text, budget=10 * len(text) + 10_000)
    except fast_yaml.DuplicateKey as exc:
        return make("NAP004", Pos(file, exc.line, exc.col),
                    f"duplicate key '{exc.key}' in this mapping; YAML would keep only one of them")
    except fast_yaml.TooComplex as exc:
        return make("NAP005", Pos(file, 1, 1), f"{exc}: remove the anchors/aliases (&name / *name)")
    except MarkedYAMLErrorPy as exc:
        return make("NAP003", _mark_pos(file, exc), _syntax_message(exc))
    except PyYAMLError as exc:  # e.g. a control character (ReaderError, which has an offset)
        offset = getattr(exc, "position", None)
        pos = _offset_pos(file, text, offset) if isinstance(offset, int) else Pos(file, 1, 1)
        reason = getattr(exc, "reason", "") or (str(exc).splitlines()[0] if str(exc) else "malformed YAML")
        return make("NAP003", pos, reason)
    except RecursionError:
        return make("NAP005", Pos(file, 1, 1), "the document nests too deeply")
    except (ValueError, KeyError) as exc:  # an explicit tag its value does not fit: `!!int abc`
        return make("NAP003", Pos(file, 1, 1), f"a value does not fit its explicit tag (!!…): {exc}")
    return Document(file, kind, data, text)


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
    if "\\t" in problem or "'\\t'" in problem:
        return "a tab character cannot indent YAML; use spaces"
    text = problem if not context else f"{problem} ({context})"
    return text or "malformed YAML"
