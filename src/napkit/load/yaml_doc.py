"""Parse one YAML file into a Document (plain data + positions), or a Finding saying why not.

ruamel.yaml gives YAML 1.2 semantics (`NO`, `on` stay strings) and the line/column of every
key and item. Parsing never raises: a malformed file comes back as a Finding value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..findings import Finding, Pos, make

MAX_FILE_BYTES = 64 * 1024 * 1024
PathKey = str | int


class _TooComplex(Exception):
    pass


@dataclass(eq=False)
class Document:
    """One parsed file: plain JSON-like data, and the ruamel tree to find positions in."""

    file: str
    kind: str
    data: Any
    tree: Any = field(repr=False, default=None)

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
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except DuplicateKeyError as exc:
        return make("NAP004", _mark_pos(file, exc), _duplicate_message(exc))
    except MarkedYAMLError as exc:
        return make("NAP003", _mark_pos(file, exc), _syntax_message(exc))
    except YAMLError as exc:
        pos = Pos(file, 1, 1)
        mark = getattr(exc, "position", None)
        if isinstance(mark, int):
            pos = _offset_pos(file, text, mark)
        return make("NAP003", pos, str(exc).splitlines()[0] if str(exc) else "YAML error")
    except RecursionError:
        return make("NAP005", Pos(file, 1, 1), "the document nests too deeply")
    except Exception as exc:  # ruamel raises plain ValueErrors for e.g. an impossible date 2027-02-30
        return make("NAP003", Pos(file, 1, 1), f"cannot read the YAML: {exc}")
    try:
        data = _plain(tree, budget=[10 * len(text) + 10_000])
    except _TooComplex:
        return make("NAP005", Pos(file, 1, 1),
                    "aliases in this file expand to far more values than it holds; remove the anchors/aliases")
    except RecursionError:
        return make("NAP005", Pos(file, 1, 1), "the document nests too deeply")
    return Document(file, kind, data, tree)


def _plain(node: Any, budget: list[int]) -> Any:
    """ruamel objects → JSON-like data; dates → ISO strings. Counts nodes, so aliases cannot
    make it expand without bound."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooComplex
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, str) else k: _plain(v, budget) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v, budget) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, dt.datetime):
        return node.isoformat()
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, str):
        return str(node)
    return str(node)


def _mark_pos(file: str, exc: MarkedYAMLError) -> Pos:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return Pos(file, 1, 1)
    return Pos(file, mark.line + 1, mark.column + 1)


def _offset_pos(file: str, text: str, offset: int) -> Pos:
    before = text[:offset]
    return Pos(file, before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _syntax_message(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if "\\t" in problem or "'\\t'" in problem:
        return "a tab character cannot indent YAML; use spaces"
    text = problem if not context else f"{problem} ({context})"
    return text or "malformed YAML"


def _duplicate_message(exc: DuplicateKeyError) -> str:
    problem = exc.problem or ""
    # ruamel: 'found duplicate key "a" with value "2" (original value: "1")'
    key = problem.split('"')[1] if problem.count('"') >= 2 else "?"
    return f"duplicate key '{key}' in this mapping; YAML would keep only one of them"
