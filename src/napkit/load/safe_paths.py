"""The one rule for every file napkit reads, copies or writes in a plan repository.

napkit follows a symbolic link only to a regular file inside the repository. A link that leaves
the repository, a link loop or self-link, a dangling link, a link to a folder, a FIFO, a socket or
a device is never opened: each is a Problem, which the loader turns into a finding at `nap check`
and the renderers refuse. Only regular files are read (a FIFO would block, a device would never
end), and never more than a size limit. A folder or file that cannot be read is a Problem too,
never silently skipped.

Every reader of plan files (load/trees.py, the site's hand-written pages and assets, the
mkdocs.yml settings and the files they name, document templates, `nap fmt`) goes through here.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

LINK = "NAP015"  # a link napkit does not follow
SPECIAL = "NAP016"  # not a regular file or folder
UNREADABLE = "NAP001"


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a path is not read: a finding code (LINK, SPECIAL, UNREADABLE) and a message."""

    path: str  # relative to the repository, '/'-separated
    code: str
    message: str


class UnsafePath(Exception):
    def __init__(self, problem: Problem):
        super().__init__(f"{problem.path}: {problem.message}")
        self.problem = problem


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _rel(root: Path, path: Path) -> str:
    try:
        return PurePosixPath(*path.relative_to(root).parts).as_posix()
    except ValueError:
        return str(path)


class Repo:
    """A repository root and the checks of the rule above."""

    def __init__(self, root: Path):
        self.root = Path(os.path.realpath(root))

    def rel(self, path: Path) -> str:
        return _rel(self.root, path)

    def _link_problem(self, full: Path, rel: str) -> Problem | None:
        """None when `full` (which may be or pass through links) ends at a place inside the
        repository; else why not."""
        try:
            real = Path(os.path.realpath(full, strict=True))
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return Problem(rel, LINK, "symlink loop (a link that leads back to itself); napkit does not follow it")
            if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                if os.path.islink(full):
                    return Problem(rel, LINK, "symlink that leads nowhere (its target does not exist)")
                return None  # simply missing: the caller decides
            return Problem(rel, UNREADABLE, f"cannot read the path: {_reason(exc)}")  # e.g. EACCES on the way
        if not real.is_relative_to(self.root):
            return Problem(rel, LINK, f"symlink leads outside the repository (to {real}); napkit never reads "
                                      "through such a link — copy the file into the repository instead")
        return None

    def check_file(self, rel: str) -> Problem | None:
        """None when `rel` is a regular file napkit may read (possibly through a link that stays
        inside the repository); else the problem. A missing file is a problem too."""
        full = self.root / rel
        problem = self._link_problem(full, rel)
        if problem:
            return problem
        try:
            st = os.stat(full)
        except FileNotFoundError:
            return Problem(rel, UNREADABLE, "the file does not exist")
        except OSError as exc:
            return Problem(rel, UNREADABLE, f"cannot read the file: {_reason(exc)}")
        if not stat.S_ISREG(st.st_mode):
            return Problem(rel, SPECIAL, f"is {_kind(st.st_mode)}, not a regular file; napkit reads only regular files")
        if not os.access(full, os.R_OK):
            return Problem(rel, UNREADABLE, "cannot read the file: permission denied")
        return None

    def exists(self, rel: str) -> bool:
        """Whether anything (a file, folder, link, even a dangling one) is at `rel`."""
        return os.path.lexists(self.root / rel)

    def is_link(self, rel: str) -> bool:
        """Whether `rel` or any folder on the way to it is a symbolic link (writing through it
        would replace the link, or write somewhere else)."""
        path = self.root
        for part in PurePosixPath(rel).parts:
            path = path / part
            if os.path.islink(path):
                return True
        return False

    def check_writable(self, rel: str) -> Problem | None:
        """None when napkit may create or replace `rel`: no folder on the way and not the file
        itself is a link (writing would go through it, out of the repository or elsewhere),
        and nothing but a regular file is there."""
        if self.is_link(rel):
            return Problem(rel, LINK, "is, or lies in a folder that is, a symbolic link; napkit does not write through links")
        full = self.root / rel
        if os.path.lexists(full) and not os.path.isfile(full):
            return Problem(rel, SPECIAL, "is not a regular file; napkit writes only regular files")
        return None

    def read_bytes(self, rel: str, limit: int | None = None) -> bytes:
        """The bytes of a regular file inside the repository; raises UnsafePath otherwise."""
        problem = self.check_file(rel)
        if problem:
            raise UnsafePath(problem)
        full = os.path.realpath(self.root / rel)
        try:
            # O_NONBLOCK: should the file have been swapped for a FIFO since the check, opening
            # does not block; O_NOFOLLOW: nor for a link (the real path has none left).
            fd = os.open(full, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            code = LINK if exc.errno == errno.ELOOP else UNREADABLE
            raise UnsafePath(Problem(rel, code, f"cannot read the file: {_reason(exc)}")) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise UnsafePath(Problem(rel, SPECIAL, f"is {_kind(st.st_mode)}, not a regular file"))
            if limit is not None and st.st_size > limit:
                raise UnsafePath(Problem(rel, UNREADABLE, f"file is {st.st_size:,} bytes; the limit is {limit:,}"))
            chunks: list[bytes] = []
            total = 0
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if limit is not None and total > limit:
                    raise UnsafePath(Problem(rel, UNREADABLE, f"file grew past the limit of {limit:,} bytes"))
            return b"".join(chunks)
        except OSError as exc:
            raise UnsafePath(Problem(rel, UNREADABLE, f"cannot read the file: {_reason(exc)}")) from None
        finally:
            os.close(fd)

    def read_text(self, rel: str, limit: int | None = None) -> str:
        return self.read_bytes(rel, limit).decode("utf-8")

    def walk(self, top: str) -> tuple[list[str], list[Problem]]:
        """Every regular file under the folder `top` (sorted, relative to the repository), and
        the problem of every entry that is not read. Links to files inside the repository are
        listed (reading checks them again); no link to a folder is followed."""
        files: list[str] = []
        problems: list[Problem] = []
        base = self.root / top
        if os.path.islink(base):
            problem = self._link_problem(base, top) or Problem(
                top, LINK, "a link to a folder; napkit does not follow links to folders")
            return files, [problem]
        if not os.path.isdir(base):
            return files, problems
        pending = [base]  # a stack, not recursion: folders may nest deeper than Python recurses
        while pending:
            pending.extend(reversed(self._scan(pending.pop(), files, problems)))
        return files, problems

    def _scan(self, folder: Path, files: list[str], problems: list[Problem]) -> list[Path]:
        """List one folder into files/problems; return its subfolders, in order."""
        rel_folder = self.rel(folder)
        subfolders: list[Path] = []
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(rel_folder, UNREADABLE, f"cannot read the folder: {_reason(exc)}"))
            return subfolders
        if not os.access(folder, os.R_OK | os.X_OK):
            problems.append(Problem(rel_folder, UNREADABLE, "cannot read the folder: permission denied"))
            return subfolders
        for entry in entries:
            full = Path(entry.path)
            rel = self.rel(full)
            try:
                if entry.is_symlink():
                    problem = self._link_problem(full, rel)
                    if problem is None and os.path.isdir(full):
                        problem = Problem(rel, LINK, "a link to a folder; napkit does not follow links to folders")
                    if problem is None:
                        problem = self.check_file(rel)
                    if problem is None:
                        files.append(rel)
                    else:
                        problems.append(problem)
                    continue
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                problems.append(Problem(rel, UNREADABLE, f"cannot read the path: {_reason(exc)}"))
                continue
            if stat.S_ISDIR(mode):
                subfolders.append(full)
            elif stat.S_ISREG(mode):
                if not os.access(full, os.R_OK):
                    problems.append(Problem(rel, UNREADABLE, "cannot read the file: permission denied"))
                else:
                    files.append(rel)
            else:
                problems.append(Problem(rel, SPECIAL, f"is {_kind(mode)}, not a regular file; napkit reads only regular files"))
        return subfolders
