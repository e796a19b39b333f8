"""Parse one YAML file into a Document (plain data + positions), or a Finding saying why not.

Data comes from the fast loader (fast_yaml: libyaml, YAML 1.2 core schema). The line/column of
any key or item comes from ruamel.yaml, which parses the file again only when a finding needs a
position. Parsing never raises: a malformed file comes back as a Finding value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml import MarkedYAMLError as MarkedYAMLErrorPy
from yaml import YAMLError as PyYAMLError

from ..findings import Finding, Pos, make
from . import fast_yaml

MAX_FILE_BYTES = 64 * 1024 * 1024
PathKey = str | int


@dataclass(eq=False)
class Document:
    """One parsed file: plain JSON-like data, and (parsed on first need) the ruamel tree that
    knows where each value stands."""

    file: str
    kind: str
    data: Any
    text: str = field(repr=False, default="")
    _tree: Any = field(repr=False, default=None)
    _tree_tried: bool = field(repr=False, default=False)

    @property
    def tree(self) -> Any:
        if not self._tree_tried:
            self._tree_tried = True
            try:
                y = YAML(typ="rt", pure=True)
                y.allow_duplicate_keys = True
                self._tree = y.load(self.text)
            except Exception:  # positions are a courtesy: fall back to the file's start
                self._tree = None
        return self._tree

    def locate(self, path: tuple[PathKey, ...], *, key: bool = False) -> Pos:
        """Position of the value at `path` (or of its key with key=True); falls back to the
        nearest enclosing node that has one."""
        node = self.tree
        line, col = _start(node)
        for i, step in enumerate(path):
            last = i == len(path) - 1
            try:
                if isinstance(node, CommentedMap) and step in node:
                    child = node[step]
                    if last and (key or not isinstance(child, (CommentedMap, CommentedSeq))):
                        line, col = node.lc.key(step) if key else node.lc.value(step)
                    else:
                        line, col = node.lc.key(step)
                        cl, cc = _start(child)
                        if cl is not None and isinstance(child, (CommentedMap, CommentedSeq)) and not key:
                            line, col = cl, cc
                    node = child
                elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
                    line, col = node.lc.item(step)
                    node = node[step]
                else:
                    break
            except (KeyError, IndexError, TypeError, AttributeError):
                break
        if line is None:
            return Pos(self.file, 1, 1)
        return Pos(self.file, line + 1, col + 1)


def _start(node: Any) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None, None
    return lc.line, lc.col


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
        data = fast_yaml.load(text, budget=10 * len(text) + 10_000)
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
