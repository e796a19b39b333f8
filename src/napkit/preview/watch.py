"""Which file changes the preview rebuilds for: the plan's data, hand-written pages, settings."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

WATCHED = ("plan", "measures", "site", "mkdocs.yml")
_SKIPPED_SUFFIXES = (".swp", ".swx", "~", ".tmp")


def watched_paths(root: Path) -> list[Path]:
    return [root / name for name in WATCHED if (root / name).exists()]


def is_plan_file(root: Path, path: str) -> bool:
    """True for files the plan is made of; false for editor swap files, hidden files, build/."""
    try:
        rel = Path(path).resolve().relative_to(root.resolve())
    except ValueError:
        return False
    if not rel.parts or rel.parts[0] not in WATCHED:
        return False
    name = rel.parts[-1]
    return not name.startswith(".") and not name.endswith(_SKIPPED_SUFFIXES)


def changes(root: Path, stop_event=None, debounce_ms: int = 80) -> Iterator[set[str]]:
    """Each batch of changed plan files (relative paths), as they happen. Editors save in bursts
    (write a temp file, rename, touch): a short debounce makes one batch of a burst."""
    import watchfiles

    paths = watched_paths(root)
    for batch in watchfiles.watch(*paths, debounce=debounce_ms, step=20, stop_event=stop_event,
                                  watch_filter=lambda _change, path: is_plan_file(root, path),
                                  recursive=True, raise_interrupt=False):
        yield {str(Path(p).resolve().relative_to(root.resolve())) for _c, p in batch}
