"""Write files and folders so that a reader never sees half of one: temp beside the target, then rename."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it and one rename. A path that is a
    device or a pipe (`-o /dev/stdout`, a FIFO) is written into as it is: renaming over it would
    replace the device node, not write to it. A folder is refused (IsADirectoryError)."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if path.exists() and not path.is_file():
        with open(path, "wb") as fh:
            fh.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes files only the owner may read; an output is for everyone, as open() makes it
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary folder beside `target`; on success it replaces `target`
    whole, on failure it is removed and `target` is left as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    # mkdtemp's folder is private (0700); a web server reading build/site must get in, as mkdir allows
    os.chmod(tmp, 0o777 & ~_umask())
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


# -- one build, one switch ---------------------------------------------------------------------
#
# `nap build` writes everything new (documents, site, its sources) into a staging folder beside
# build/ — `.build.staging-<pid>-<random>` — that starts as a hard-linked copy of what build/ has
# and the build does not remake. Only when every step succeeded does the staging folder trade
# places with build/ in one atomic step (renameat2 RENAME_EXCHANGE on Linux): a reader, or a kill
# at any moment, sees the whole old build/ or the whole new one, and build/ stays a real folder
# (build/site keeps its path). Where the exchange is not available, two renames are used and a
# kill between them leaves the old build as `.build.old-<pid>-<random>`, put back by the next
# build. Staging and old folders whose process is gone are removed at the next build.

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
# what earlier napkit builds staged inside build/ (left there by a killed build): never carried over
_INNER_STAGING = ("/.docs-", "/.site.", "/.site-src.")


class BuildFolderError(ValueError):
    """The output folder cannot be used (a file, a link, its parent not writable); says why."""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot (or when
    NAPKIT_NO_EXCHANGE is set, so tests can walk the two-rename path)."""
    if os.environ.get("NAPKIT_NO_EXCHANGE"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner_pid(name: str) -> int | None:
    try:
        return int(name.rsplit(".", 1)[-1].split("-")[1])
    except (IndexError, ValueError):
        return None


def clean_stale(target: Path) -> list[Path]:
    """Remove the staging folders of builds of `target` that were killed; put back an old build
    that a kill between two renames left aside. Returns what was removed."""
    parent, name = target.parent, target.name
    removed = []
    if not parent.is_dir():
        return removed
    for kind in ("old", "staging"):
        for path in sorted(parent.glob(f".{name}.{kind}-*")):
            pid = _owner_pid(path.name)
            if pid is not None and pid != os.getpid() and _alive(pid):
                continue  # another build is running right now
            if kind == "old" and not target.exists() and not target.is_symlink():
                os.rename(path, target)  # the previous build, left aside by a kill mid-switch
                continue
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _clone(src: Path, dest: Path, skip: set[str]) -> None:
    """Copy the top-level entries of `src` but `skip` into `dest` as hard links (copies where the
    file system has none). New outputs then replace links by rename, never write through them."""

    def link(s: str, d: str) -> None:
        try:
            os.link(s, d, follow_symlinks=False)
        except OSError:
            shutil.copy2(s, d, follow_symlinks=False)

    for entry in sorted(src.iterdir()):
        if entry.name in skip or any(f"/{entry.name}".startswith(p) for p in _INNER_STAGING) \
                or (entry.name.startswith(".") and entry.name.endswith((".tmp", ".part", ".old"))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, dest / entry.name, symlinks=True, copy_function=link)
        else:
            link(str(entry), str(dest / entry.name))


# test hook: NAPKIT_FAULT=<point> kills the process there (tests of a kill at that moment)
def fault_point(name: str) -> None:
    if os.environ.get("NAPKIT_FAULT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def build_transaction(target: Path, remake: set[str] = frozenset(), keep_out: Path | None = None) -> Iterator[Path]:
    """Yield a staging folder holding what `target` has except the entries in `remake`; on
    success it becomes `target` in one switch, on failure it is removed and `target` is left
    exactly as it was. `keep_out` (the plan repository) must not be inside `target`."""
    target = Path(os.path.abspath(target))
    if keep_out is not None and Path(os.path.realpath(keep_out)).is_relative_to(os.path.realpath(target)):
        raise BuildFolderError(f"{target} holds the plan itself; the whole output folder is replaced at each build, "
                               "so give a folder of its own with -o (default: build/)")
    if target.is_symlink():
        raise BuildFolderError(f"{target} is a symbolic link; napkit replaces the output folder as a whole and "
                               "does not write through links: give the real folder with -o")
    if target.exists() and not target.is_dir():
        raise BuildFolderError(f"{target} is a file, not a folder: move it away or give another folder with -o")
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    staging = parent / f".{target.name}.staging-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        staging.mkdir()
    except PermissionError:
        raise BuildFolderError(f"cannot write in {parent}: a build is made beside {target.name}/ and switched in "
                               "whole, so its parent folder must be writable") from None
    os.chmod(staging, 0o777 & ~_umask())  # as mkdir for everyone: a web server must read build/site
    try:
        if target.is_dir():
            _clone(target, staging, set(remake))
        yield staging
        fault_point("before-switch")
        if not target.exists():
            os.rename(staging, target)
            return
        if _exchange(staging, target):
            fault_point("after-switch")
            shutil.rmtree(staging, ignore_errors=True)  # now the old build
            return
        old = parent / f".{target.name}.old-{os.getpid()}-{os.urandom(4).hex()}"
        os.rename(target, old)
        fault_point("between-renames")
        try:
            os.rename(staging, target)
        except BaseException:
            os.rename(old, target)  # put the previous build back before giving up
            raise
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
