"""Exit codes of the real `nap` entry point (napkit.cli:main) when the machine, not the plan, is the
problem: each ends in exit 2 with a plain message, never 'internal error … a bug in napkit'.

Tests run as root, where permission bits do not bite, so permission and vanishing-file faults
are injected at the point where napkit touches the file system; /dev/full, a file where build/
should be and `-o ''` are real."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from napkit import cli as cli_module


def run_main(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["nap", *map(str, args)])
    with pytest.raises(SystemExit) as exc:
        cli_module.main()
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def nap_process(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "napkit", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "CI": "true"}, **kw)


def assert_usage(code: int, err: str) -> None:
    assert code == 2, err
    assert "internal error" not in err and "Traceback" not in err
    assert err.startswith(("nap: ", "Usage: "))  # napkit's own message, or click's usage error


def test_stdout_on_dev_full_is_exit_2(valid_plan):
    for command in (["check"], ["export"], ["export", "--format", "csv"]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([sys.executable, "-m", "napkit", "--root", str(valid_plan), *command],
                                  stdout=full, stderr=subprocess.PIPE, text=True)
        assert_usage(proc.returncode, proc.stderr)
        assert "no space left" in proc.stderr


def test_export_to_an_empty_name_or_a_folder_is_exit_2(valid_plan):
    for target in ("", str(valid_plan)):
        proc = nap_process("--root", valid_plan, "export", "-o", target)
        assert_usage(proc.returncode, proc.stderr)
        assert "is a folder" in proc.stderr or "is a directory" in proc.stderr


def test_export_to_a_link_to_stdout_writes_to_stdout_and_leaves_the_link(valid_plan, tmp_path):
    # a link to /dev/stdout stands in for /dev/stdout itself: were it renamed over, only the link is lost
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    proc = nap_process("--root", valid_plan, "export", "-o", link)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("{") and '"format": "napkit-export"' in proc.stdout
    assert link.is_symlink()


def test_export_into_a_fifo_writes_into_it(valid_plan, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    proc = nap_process("--root", valid_plan, "export", "--format", "csv", "-o", fifo, timeout=60)
    data = reader.communicate(timeout=60)[0]
    assert proc.returncode == 0, proc.stderr
    assert data.startswith("\ufeffid,".encode())
    assert fifo.exists() and not fifo.is_file()


def test_init_with_an_impossible_year_is_exit_2(tmp_path):
    proc = nap_process("init", "--start", "99999", tmp_path / "new")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert "1900<=x<=2200" in proc.stderr
    assert not (tmp_path / "new").exists()


def test_build_folder_that_is_a_file_is_exit_2(valid_plan):
    (valid_plan / "build").write_text("not a folder")
    proc = nap_process("--root", valid_plan, "build", "docs")
    assert_usage(proc.returncode, proc.stderr)
    assert "build" in proc.stderr
    assert (valid_plan / "build").read_text() == "not a folder"


@pytest.mark.parametrize("fault, words", [
    (PermissionError(errno.EACCES, "Permission denied", "build/site"), "build/site: permission denied"),
    (OSError(errno.EROFS, "Read-only file system", "plan.json"), "read-only"),
    (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "measures/M-01.yaml"), "was it removed"),
])
def test_environment_errors_anywhere_are_exit_2(valid_plan, monkeypatch, capsys, fault, words):
    import napkit.util.atomic as atomic

    def failing(*_a, **_k):
        raise fault

    monkeypatch.setattr(atomic, "write_bytes_atomic", failing)
    code, _out, err = run_main(monkeypatch, capsys, "--root", valid_plan, "export", "-o", valid_plan / "x.json")
    assert_usage(code, err)
    assert words in err


def test_a_real_bug_is_still_exit_3(valid_plan, monkeypatch, capsys):
    import napkit.export.json_model as json_model

    def broken(*_a, **_k):
        raise KeyError("oops")

    monkeypatch.setattr(json_model, "export_json_text", broken)
    code, _out, err = run_main(monkeypatch, capsys, "--root", valid_plan, "export")
    assert code == 3
    assert "internal error" in err


def test_an_unknown_oserror_is_still_a_bug(valid_plan, monkeypatch, capsys):
    import napkit.export.json_model as json_model

    def broken(*_a, **_k):
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(json_model, "export_json_text", broken)
    code, _out, err = run_main(monkeypatch, capsys, "--root", valid_plan, "export")
    assert code == 3


@pytest.mark.parametrize("fault, words", [
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "site/nb/om.md"), "site/nb/om.md: no such file"),
    (PermissionError(errno.EACCES, "Permission denied", "build/site"), "build/site: permission denied"),
    (OSError(errno.ENOSPC, "No space left on device", "build/site/index.html"), "disk is full"),
])
def test_environment_errors_during_a_build_are_exit_2_and_leave_build_alone(valid_plan, monkeypatch, capsys, fault,
                                                                               words):
    import napkit.render.site as site

    def failing(*_a, **_k):
        raise fault

    monkeypatch.setattr(site, "build_site", failing)
    monkeypatch.setenv("CI", "true")
    code, _out, err = run_main(monkeypatch, capsys, "--root", valid_plan, "-q", "build")
    assert_usage(code, err)
    assert words in err
    assert not (valid_plan / "build").exists()  # the documents built before the fault were not moved in
    assert not any(p.name.startswith(".build.") for p in valid_plan.iterdir())


def test_a_parent_folder_napkit_cannot_write_is_exit_2(valid_plan, monkeypatch, capsys):
    from pathlib import Path as _Path

    real_mkdir = _Path.mkdir

    def mkdir(self, *a, **k):
        if ".staging-" in self.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_mkdir(self, *a, **k)

    monkeypatch.setattr(_Path, "mkdir", mkdir)
    code, _out, err = run_main(monkeypatch, capsys, "--root", valid_plan, "-q", "build", "docs")
    assert_usage(code, err)
    assert "its parent folder must be writable" in err
