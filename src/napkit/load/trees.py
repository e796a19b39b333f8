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
    """The plan files under a folder, read by safe_paths' rule: only regular files, links only
    to files inside the folder; every path that is not read is a Problem (see problems())."""

    def __init__(self, root: Path):
        from .safe_paths import Repo

        self.root = root.resolve()
        self.label = str(root)
        self.repo = Repo(self.root)
        self._problems: list = []

    def files(self) -> list[str]:
        out: list[str] = []
        problems = []
        for top in PLAN_DIRS:
            found, bad = self.repo.walk(top)
            out += found
            problems += bad
        self._problems = problems
        return out

    def problems(self) -> list:
        """safe_paths.Problem of every path under plan/ and measures/ that files() left out."""
        return list(self._problems)

    def read(self, path: str) -> bytes:
        from .safe_paths import UnsafePath
        from .yaml_doc import MAX_FILE_BYTES

        try:
            return self.repo.read_bytes(path, MAX_FILE_BYTES)
        except UnsafePath as exc:
            if "limit" in exc.problem.message:
                raise FileTooLarge(exc.problem.message) from None
            raise PermissionError(exc.problem.message) from None


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
        self._links: list[str] = []
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, sha = meta.decode().split()
            if kind != "blob":
                continue
            path = name.decode("utf-8", "replace")
            if prefix:
                path = PurePosixPath(path).relative_to(prefix).as_posix()
            if mode == "120000":  # symlinks in history are not followed, but said
                self._links.append(path)
            else:
                self._blobs[path] = sha

    def _git(self, *args: str) -> bytes:
        proc = subprocess.run(["git", "-C", str(self.repo), *args], capture_output=True)
        if proc.returncode != 0:
            raise TreeError(proc.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
        return proc.stdout

    def files(self) -> list[str]:
        return sorted(self._blobs)

    def problems(self) -> list:
        from .safe_paths import LINK, Problem

        return [Problem(p, LINK, "a symbolic link; napkit does not follow links in git history") for p in self._links]

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
