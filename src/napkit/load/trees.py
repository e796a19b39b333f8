"""Where plan files come from: a folder on disk, or a git revision (read from git objects,
never touching the working tree or index)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath
from typing import Protocol

PLAN_DIRS = ("plan", "measures")


class TreeError(Exception):
    """The tree as a whole cannot be read (not a plan, unknown revision): a usage error, exit 2."""


class FileTooLarge(Exception):
    pass


class Tree(Protocol):
    label: str

    def files(self) -> list[str]: ...

    def read(self, path: str) -> bytes: ...


class FolderTree:
    """The plan files under a folder. Symlinks that lead outside the folder are not followed."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.label = str(root)

    def files(self) -> list[str]:
        out: list[str] = []
        for top in PLAN_DIRS:
            base = self.root / top
            if not base.is_dir():
                continue
            for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
                dirnames.sort()
                for name in sorted(filenames):
                    rel = Path(dirpath, name).relative_to(self.root)
                    out.append(PurePosixPath(*rel.parts).as_posix())
        return out

    def read(self, path: str) -> bytes:
        full = self.root / path
        real = full.resolve()
        if not real.is_relative_to(self.root):
            raise PermissionError(f"symlink points outside the repository (to {real})")
        from .yaml_doc import MAX_FILE_BYTES

        size = real.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileTooLarge(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return real.read_bytes()


class GitTree:
    """The plan files at a git revision of the repository at `repo`."""

    def __init__(self, repo: Path, rev: str, prefix: Path | str = ""):
        self.repo = repo
        self.rev = rev
        self.label = rev
        prefix = PurePosixPath(Path(prefix).as_posix()) if str(prefix) not in ("", ".") else None
        try:
            out = self._git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        except TreeError:
            raise TreeError(f"unknown git revision '{rev}'") from None
        self.commit = out.decode().strip()
        dirs = [str(prefix / d) if prefix else d for d in PLAN_DIRS]
        listing = self._git("ls-tree", "-r", "-z", "--full-tree", self.commit, "--", *dirs)
        self._blobs: dict[str, str] = {}
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, sha = meta.decode().split()
            if kind == "blob" and mode != "120000":  # symlinks in history are not followed
                path = name.decode("utf-8", "replace")
                if prefix:
                    path = PurePosixPath(path).relative_to(prefix).as_posix()
                self._blobs[path] = sha

    def _git(self, *args: str) -> bytes:
        proc = subprocess.run(["git", "-C", str(self.repo), *args], capture_output=True)
        if proc.returncode != 0:
            raise TreeError(proc.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
        return proc.stdout

    def files(self) -> list[str]:
        return sorted(self._blobs)

    def read(self, path: str) -> bytes:
        return self._git("cat-file", "blob", self._blobs[path])

    def read_many(self, paths: list[str]) -> dict[str, bytes]:
        """All blobs through one `git cat-file --batch` process (one process per file is slow)."""
        shas = [self._blobs[p] for p in paths]
        proc = subprocess.run(["git", "-C", str(self.repo), "cat-file", "--batch"],
                              input=("\n".join(shas) + "\n").encode(), capture_output=True)
        if proc.returncode != 0:
            raise TreeError(proc.stderr.decode(errors="replace").strip())
        out: dict[str, bytes] = {}
        buf, at = proc.stdout, 0
        for path in paths:
            nl = buf.index(b"\n", at)
            header = buf[at:nl].split()
            size = int(header[2])
            out[path] = buf[nl + 1: nl + 1 + size]
            at = nl + 1 + size + 1
        return out
