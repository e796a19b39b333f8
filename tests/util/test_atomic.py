"""util/atomic.py: outputs appear whole or not at all, readable like any other file."""

import os
import stat

import pytest

from napkit.util.atomic import staged_dir, write_bytes_atomic


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_written_file_and_staged_folder_get_the_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_bytes_atomic(tmp_path / "out" / "plan.pdf", b"%PDF")
        with staged_dir(tmp_path / "site") as folder:
            (folder / "index.html").write_text("<p>hi</p>")
    finally:
        os.umask(old)
    assert (tmp_path / "out" / "plan.pdf").read_bytes() == b"%PDF"
    assert mode(tmp_path / "out" / "plan.pdf") == 0o644
    assert mode(tmp_path / "site") == 0o755  # a web server running as another user can enter it


def test_a_failed_stage_leaves_the_previous_folder_as_it_was(tmp_path):
    with staged_dir(tmp_path / "site") as folder:
        (folder / "index.html").write_text("first")
    with pytest.raises(RuntimeError):
        with staged_dir(tmp_path / "site") as folder:
            (folder / "index.html").write_text("half")
            raise RuntimeError("build failed")
    assert (tmp_path / "site" / "index.html").read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left behind


def test_a_successful_stage_replaces_the_folder_whole(tmp_path):
    with staged_dir(tmp_path / "site") as folder:
        (folder / "old.html").write_text("old")
    with staged_dir(tmp_path / "site") as folder:
        (folder / "new.html").write_text("new")
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["new.html"]
