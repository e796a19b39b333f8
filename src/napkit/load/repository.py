"""Read every plan file of a tree into Documents, classifying each by where it lives."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding, Pos, make
from .site_inputs import site_input_findings
from .template_inputs import template_findings
from .trees import FileTooLarge, FolderTree, Tree, TreeError
from .yaml_doc import Document, parse

YAML_SUFFIXES = (".yaml", ".yml")

_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^plan/plan\.ya?ml\Z"), "plan"),
    (re.compile(r"^plan/agencies\.ya?ml\Z"), "agencies"),
    (re.compile(r"^plan/indicators\.ya?ml\Z"), "indicators"),
    (re.compile(r"^plan/recommendations/[^/]+\.ya?ml\Z"), "recommendations"),
    (re.compile(r"^plan/progress/[^/]+/[^/]+\.ya?ml\Z"), "progress"),
    (re.compile(r"^plan/consultation/[^/]+\.ya?ml\Z"), "consultation"),
    (re.compile(r"^measures/[^/]+\.ya?ml\Z"), "measure"),
]
# Folders under plan/ that hold things other than plan data (templates, overrides).
_IGNORED = re.compile(r"^plan/(templates|assets)/")


def kind_of(path: str) -> str | None:
    for pattern, kind in _KINDS:
        if pattern.match(path):
            return kind
    return None


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # files that did not parse, as text: the validator tells which references they would satisfy
    unparsed: dict[str, str] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Document]:
        return [d for d in self.documents if d.kind == kind]


def load_tree(tree: Tree) -> Loaded:
    files = tree.files()
    problems = list(getattr(tree, "problems", list)())
    if not any(kind_of(f) == "plan" for f in files + [p.path for p in problems]):
        raise TreeError(f"no plan/plan.yaml in {tree.label}: not a napkit plan (run `nap init` to start one)")
    loaded = Loaded()
    # paths safe_paths' rule does not read (links out, loops, FIFOs, devices, unreadable folders)
    loaded.findings += [make(p.code, Pos(p.path, 1, 1), p.message) for p in problems]
    if isinstance(tree, FolderTree):
        loaded.findings += site_input_findings(tree.repo) + template_findings(tree.repo)
    wanted: list[tuple[str, str]] = []
    for path in files:
        kind = kind_of(path)
        if kind is None:
            if not _IGNORED.match(path) and not path.rsplit("/", 1)[-1].startswith("."):
                if path.endswith(YAML_SUFFIXES) or path.startswith("measures/"):
                    loaded.findings.append(make("NAP007", Pos(path, 1, 1), "napkit does not read this file here"))
            continue
        wanted.append((path, kind))
    raw_by_path = _read_all(tree, [p for p, _ in wanted], loaded.findings)
    for path, kind in wanted:
        if path not in raw_by_path:
            continue
        result = parse(path, kind, raw_by_path[path])
        if isinstance(result, Finding):
            loaded.findings.append(result)
            loaded.unparsed[path] = raw_by_path[path][:4_000_000].decode("utf-8", "replace")
        else:
            loaded.documents.append(result)
    return loaded


def _read_all(tree: Tree, paths: list[str], findings: list[Finding]) -> dict[str, bytes]:
    read_many = getattr(tree, "read_many", None)
    if read_many is not None:
        return read_many(paths)
    out: dict[str, bytes] = {}
    for path in paths:
        try:
            out[path] = tree.read(path)
        except (OSError, FileTooLarge) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            findings.append(make("NAP001", Pos(path, 1, 1), f"cannot read the file: {reason}"))
    return out
