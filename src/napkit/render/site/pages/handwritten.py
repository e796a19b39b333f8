"""Hand-written pages from the plan repository's `site/<lang>/` folders (see site/README.md).

Markdown files become pages of the "About the plan" section, any other file is copied beside
them. Front matter may set `title`, `order` (place in the section) and `key`: pages with the same
key in two languages are each other's translation (the language switcher links them); without
a key, the file name is the key. These pages are written by the plan's maintainers and reviewed
like code, so their Markdown is used as it is (the build still rejects external resources)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ....load.safe_paths import Repo, UnsafePath
from ..tree import Page

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


class HandwrittenError(ValueError):
    """A hand-written page the site cannot take (bad front matter, a clash with a generated page)."""


@dataclass(frozen=True, slots=True)
class Handwritten:
    pages: list[Page]
    files: dict[str, bytes]
    order: dict[str, tuple[float, str]]  # path → sort key in the nav


def read_handwritten(root: Path, lang: str) -> Handwritten:
    # safe_paths' rule: nothing through a link out of the repository (site/nb/env.txt ->
    # /proc/self/environ would publish the build's environment), no FIFO or device
    repo = Repo(root)
    top = f"site/{lang}"
    pages: list[Page] = []
    files: dict[str, bytes] = {}
    order: dict[str, tuple[float, str]] = {}
    found, problems = repo.walk(top)
    if problems:
        raise HandwrittenError("; ".join(f"{p.path}: {p.message}" for p in problems))
    for full_rel in sorted(found, key=lambda r: r.split("/")):  # the order sorted(rglob()) gave
        rel = full_rel[len(top) + 1:]
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        try:
            data = repo.read_bytes(full_rel)
        except UnsafePath as exc:
            raise HandwrittenError(str(exc)) from None
        if not rel.endswith(".md"):
            files[rel] = data
            continue
        path = Path(rel)
        try:
            text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text did
        except UnicodeDecodeError:
            raise HandwrittenError(f"{full_rel}: not UTF-8 text") from None
        meta: dict = {}
        m = _FRONT_MATTER.match(text)
        if m:
            try:
                meta = yaml.safe_load(m.group(1) or "") or {}
            except (yaml.YAMLError, RecursionError) as exc:
                raise HandwrittenError(f"site/{lang}/{rel}: front matter is not valid YAML: {exc}") from None
            if not isinstance(meta, dict):
                raise HandwrittenError(f"site/{lang}/{rel}: front matter must be a mapping")
            text = text[m.end():]
        title = meta.pop("title", None)
        if title is None:
            h1 = _H1.search(text)
            title = h1.group(1) if h1 else path.stem.replace("-", " ").capitalize()
        key = str(meta.pop("key", None) or rel[:-3])
        try:
            rank = float(meta.pop("order", 100))
        except (TypeError, ValueError):
            raise HandwrittenError(f"site/{lang}/{rel}: order must be a number") from None
        order[rel] = (rank, rel)
        pages.append(Page(rel, str(title), text, "handwritten", f"page:{key}", description="", meta=meta))
    return Handwritten(pages, files, order)
