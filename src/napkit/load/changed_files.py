"""Which files under plan/, measures/ and site/ git sees as changed between two revisions (or a
revision and the working tree, untracked files included): `nap diff` checks that each of them
appears in its report, so a file napkit does not read (a template, an image, a translation
catalog) is still named."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from .site_pages import SITE_DIR
from .trees import PLAN_DIRS, TreeError


def _git(repo: Path, *args: str) -> list[str]:
    # --no-optional-locks: `git diff` against the working tree must not refresh the index
    proc = subprocess.run(["git", "--no-optional-locks", "-C", str(repo), *args], capture_output=True, check=False)
    if proc.returncode != 0:
        raise TreeError(proc.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
    return [p.decode("utf-8", "replace") for p in proc.stdout.split(b"\0") if p]


def changed_paths(repo: Path, base: str, head: str | None, prefix: Path | str = "") -> list[str]:
    """Paths relative to the plan root (`prefix` inside the repository)."""
    root = PurePosixPath(Path(prefix).as_posix()) if str(prefix) not in ("", ".") else None
    dirs = [str(root / d) if root else d for d in (*PLAN_DIRS, SITE_DIR)]
    paths = _git(repo, "diff", "--name-only", "-z", "--no-renames", base, *([head] if head else []), "--", *dirs)
    if head is None:
        paths += _git(repo, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--", *dirs)
    out = {(PurePosixPath(p).relative_to(root) if root else PurePosixPath(p)).as_posix() for p in paths}
    return sorted(out)
