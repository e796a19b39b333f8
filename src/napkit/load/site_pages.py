"""The hand-written site pages (site/**) of a git revision or a folder, as text, for `nap diff`
(they are not plan data, so load_tree does not read them)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

from .trees import TreeError
from .yaml_doc import MAX_FILE_BYTES

SITE_DIR = "site"


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def pages_at_revision(repo: Path, commit: str, prefix: Path | str = "") -> dict[str, str]:
    """path (relative to the plan root) → text, for every file under site/ at `commit`."""
    root = PurePosixPath(Path(prefix).as_posix()) if str(prefix) not in ("", ".") else None
    top = str(root / SITE_DIR) if root else SITE_DIR
    listing = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "-z", "--full-tree", commit, "--", top],
                             capture_output=True, check=False)
    if listing.returncode != 0:
        raise TreeError(listing.stderr.decode(errors="replace").strip())
    entries = []
    for entry in listing.stdout.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        if not name or meta.split()[1] != b"blob" or meta.startswith(b"120000"):
            continue
        path = PurePosixPath(name.decode("utf-8", "replace"))
        entries.append(((path.relative_to(root) if root else path).as_posix(), meta.split()[2].decode()))
    if not entries:
        return {}
    batch = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"],
                           input=("\n".join(sha for _, sha in entries) + "\n").encode(), capture_output=True,
                           check=False)
    out: dict[str, str] = {}
    buf, at = batch.stdout, 0
    for path, _sha in entries:
        nl = buf.index(b"\n", at)
        size = int(buf[at:nl].split()[2])
        if size <= MAX_FILE_BYTES:
            out[path] = _text(buf[nl + 1: nl + 1 + size])
        at = nl + 1 + size + 1
    return out


def pages_in_folder(root: Path) -> dict[str, str]:
    base = root.resolve() / SITE_DIR
    out: dict[str, str] = {}
    if not base.is_dir():
        return out
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(dirpath, name)
            if full.is_symlink() or full.stat().st_size > MAX_FILE_BYTES:
                continue
            out[PurePosixPath(*full.relative_to(root.resolve()).parts).as_posix()] = _text(full.read_bytes())
    return out
