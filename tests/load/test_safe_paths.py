"""safe_paths' rule, everywhere napkit reads plan files: no link out of the repository, no link
loop, no FIFO or device, nothing unreadable skipped in silence.

The tests run as root, for whom mode 000 is still readable, and the interpreter lives under
/root (0700), so no real non-root process can run napkit here: permission errors are simulated
by making os.scandir / os.access fail exactly as they do for an ordinary user."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan_testing import FIXTURES, nap
from napkit.load import safe_paths
from napkit.load.safe_paths import LINK, SPECIAL, UNREADABLE, Repo, UnsafePath


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root, symlinks=True)
    return root


def findings(root: Path, *args: str):
    result = nap("check", "--format", "json", *args, root=root)
    assert "Traceback" not in result.output
    return result, {(f["code"], f["file"], f["line"], f["col"]) for f in json.loads(result.stdout)["findings"]}


def test_fifo_named_like_a_measure_does_not_hang_check(plan: Path):
    os.mkfifo(plan / "measures" / "M-77.yaml")
    # a separate process with a timeout: were the FIFO opened for reading, check would block forever
    proc = subprocess.run([sys.executable, "-m", "napkit", "--root", str(plan), "check", "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    found = {(f["code"], f["file"], f["line"]) for f in json.loads(proc.stdout)["findings"]}
    assert (SPECIAL, "measures/M-77.yaml", 1) in found
    assert proc.returncode == 1, proc.stderr


def test_character_device_is_never_read(plan: Path):
    try:
        os.mknod(plan / "measures" / "M-78.yaml", 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    result, found = findings(plan)
    assert (SPECIAL, "measures/M-78.yaml", 1, 1) in found


def test_link_to_a_device_outside_is_a_link_finding(plan: Path):
    (plan / "measures" / "M-79.yaml").symlink_to("/dev/zero")
    result, found = findings(plan)
    assert (LINK, "measures/M-79.yaml", 1, 1) in found


def test_link_to_a_folder_is_not_followed(plan: Path):
    (plan / "measures" / "more").symlink_to("/etc")
    (plan / "plan" / "progress" / "2028").symlink_to(plan / "plan" / "progress" / "2027")  # inside, still a folder
    result, found = findings(plan)
    assert (LINK, "measures/more", 1, 1) in found
    assert (LINK, "plan/progress/2028", 1, 1) in found
    assert not any(f[1].startswith("measures/more/") for f in found)


def test_link_to_a_file_inside_the_repository_is_read(plan: Path):
    (plan / "shared").mkdir()
    (plan / "measures" / "M-02.yaml").rename(plan / "shared" / "M-02.yaml")
    (plan / "measures" / "M-02.yaml").symlink_to("../shared/M-02.yaml")
    result, found = findings(plan)
    assert not any(code in (LINK, SPECIAL, UNREADABLE) for code, *_ in found), found


def test_dangling_link_is_a_finding(plan: Path):
    (plan / "measures" / "M-80.yaml").symlink_to("nowhere.yaml")
    result, found = findings(plan)
    assert (LINK, "measures/M-80.yaml", 1, 1) in found


def test_plan_file_itself_a_link_out_is_a_finding_not_a_usage_error(plan: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere.yaml"
    (plan / "plan" / "plan.yaml").rename(outside)
    (plan / "plan" / "plan.yaml").symlink_to(outside)
    result, found = findings(plan)
    assert (LINK, "plan/plan.yaml", 1, 1) in found


def test_unreadable_folder_is_a_finding_and_exit_2(plan: Path, monkeypatch):
    """plan/progress/2027 mode 000, as an ordinary user meets it: scandir raises EACCES."""
    real_scandir = os.scandir
    blocked = str(plan.resolve() / "plan" / "progress" / "2027")

    def scandir(path="."):
        if os.fspath(path) == blocked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(safe_paths.os, "scandir", scandir)
    result, found = findings(plan, "--strict")
    assert (UNREADABLE, "plan/progress/2027", 1, 1) in found
    assert result.exit_code == 2, result.output


def test_unreadable_file_is_a_finding_and_exit_2(plan: Path, monkeypatch):
    """A file mode 000 for an ordinary user: os.access says no (and open would raise EACCES)."""
    target = str(plan.resolve() / "measures" / "M-02.yaml")
    real_access = os.access
    monkeypatch.setattr(safe_paths.os, "access",
                        lambda p, mode, **kw: False if os.fspath(p) == target else real_access(p, mode, **kw))
    result, found = findings(plan)
    assert (UNREADABLE, "measures/M-02.yaml", 1, 1) in found
    assert result.exit_code == 2


def test_chmod_000_folder_really_unreadable_when_not_root(plan: Path):
    if os.geteuid() == 0:
        pytest.skip("root reads mode 000; covered by the simulated tests above")
    folder = plan / "plan" / "progress" / "2027"
    folder.chmod(0)
    try:
        result, found = findings(plan)
        assert (UNREADABLE, "plan/progress/2027", 1, 1) in found
        assert result.exit_code == 2
    finally:
        folder.chmod(0o755)


def test_site_link_out_is_not_published(plan: Path):
    """site/nb/env.txt -> /proc/self/environ would put the build's environment on the site."""
    from napkit.render.site.pages.handwritten import HandwrittenError, read_handwritten

    (plan / "site" / "nb").mkdir(parents=True)
    (plan / "site" / "nb" / "env.txt").symlink_to("/proc/self/environ")
    with pytest.raises(HandwrittenError, match="outside the repository"):
        read_handwritten(plan, "nb")
    (plan / "site" / "nb" / "env.txt").unlink()
    (plan / "site" / "nb" / "x.md").symlink_to("/etc/passwd")
    with pytest.raises(HandwrittenError, match="outside the repository"):
        read_handwritten(plan, "nb")


def test_plan_template_link_out_is_refused(plan: Path):
    from napkit.render.docs import DocumentBuildError, template_paths

    (plan / "plan" / "templates").mkdir()
    (plan / "plan" / "templates" / "plan.typ").symlink_to("/etc/passwd")
    with pytest.raises(DocumentBuildError, match="outside the repository"):
        template_paths(plan)
    result, found = findings(plan)
    assert (LINK, "plan/templates/plan.typ", 1, 1) in found


def test_mkdocs_yml_python_tag_is_never_run(plan: Path, tmp_path: Path):
    from napkit.render.site.mkdocs_builder import SiteBuildError, load_base_config

    mark = tmp_path / "ran"
    (plan / "mkdocs.yml").write_text(f'extra: !!python/object/apply:os.system ["touch {mark}"]\n')
    result, found = findings(plan)
    assert ("NAP017", "mkdocs.yml", 1, 8) in found
    with pytest.raises(SiteBuildError):
        load_base_config(plan)
    assert not mark.exists()


def test_mkdocs_yml_extra_css_through_a_link_out_is_refused(plan: Path):
    from napkit.render.site.mkdocs_builder import SiteBuildError, load_base_config

    (plan / "site").mkdir()
    (plan / "site" / "style.css").symlink_to("/etc/passwd")
    (plan / "mkdocs.yml").write_text("extra_css:\n  - style.css\n")
    result, found = findings(plan)
    assert (LINK, "site/style.css", 1, 1) in found
    assert (LINK, "mkdocs.yml", 2, 5) in found
    with pytest.raises(SiteBuildError, match="outside the repository"):
        load_base_config(plan)


def test_fmt_does_not_write_through_a_link(plan: Path, tmp_path: Path):
    outside = tmp_path / "outside.yaml"
    outside.write_text((plan / "measures" / "M-02.yaml").read_text().replace("id: M-02\n", "objective: O2\nid: M-02\n", 1))
    before = outside.read_bytes()
    (plan / "measures" / "M-02.yaml").unlink()
    (plan / "measures" / "M-02.yaml").symlink_to(outside)
    result = nap("fmt", root=plan)
    assert result.exit_code == 1
    assert "symlink leads outside the repository" in result.stderr
    assert (plan / "measures" / "M-02.yaml").is_symlink() and outside.read_bytes() == before
    result = nap("fmt", str(plan / "measures" / "M-02.yaml"), root=plan)
    assert (plan / "measures" / "M-02.yaml").is_symlink() and outside.read_bytes() == before


def test_git_history_links_are_said(plan: Path):
    from napkit.load.trees import GitTree

    subprocess.run(["git", "init", "-q", str(plan)], check=True)
    (plan / "measures" / "M-81.yaml").symlink_to("/etc/hostname")
    subprocess.run(["git", "-C", str(plan), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(plan), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], check=True)
    tree = GitTree(plan, "HEAD")
    assert "measures/M-81.yaml" not in tree.files()
    assert [(p.path, p.code) for p in tree.problems()] == [("measures/M-81.yaml", LINK)]


def test_read_bytes_refuses_a_fifo_swapped_in_after_the_check(tmp_path: Path, monkeypatch):
    os.mkfifo(tmp_path / "f.yaml")
    repo = Repo(tmp_path)
    monkeypatch.setattr(repo, "check_file", lambda rel: None)  # the race: the check saw a file
    with pytest.raises(UnsafePath) as exc:
        repo.read_bytes("f.yaml")
    assert exc.value.problem.code == SPECIAL


def test_read_bytes_stops_at_the_limit(tmp_path: Path):
    (tmp_path / "big.yaml").write_bytes(b"x" * 1000)
    with pytest.raises(UnsafePath, match="limit"):
        Repo(tmp_path).read_bytes("big.yaml", limit=100)


_PART = st.sampled_from(["..", ".", "a", "b", "measures", "x.yaml", "/", "/etc", "/tmp"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.lists(_PART, min_size=1, max_size=6).map(lambda parts: "/".join(parts).replace("//", "/")),
       where=st.sampled_from(["measures", "measures/a", "site/nb"]))
def test_generated_links_are_read_only_when_they_end_inside(tmp_path_factory, target: str, where: str):
    """Any link, whatever its target: walk lists it only if it ends at a regular file inside the
    repository, and read_bytes then reads exactly that file; otherwise it is a problem."""
    root = tmp_path_factory.mktemp("repo")
    for d in ("measures/a", "site/nb", "a", "b"):
        (root / d).mkdir(parents=True, exist_ok=True)
    (root / "measures" / "x.yaml").write_text("inside\n")
    (root / "a" / "x.yaml").write_text("inside a\n")
    link = root / where / "link.yaml"
    link.symlink_to(target)
    repo = Repo(root)
    top = where.split("/")[0] if where.startswith("measures") else "site"
    files, problems = repo.walk(top)
    rel = f"{where}/link.yaml"
    real = Path(os.path.realpath(link))
    ends_inside = (not os.path.islink(real) and real.is_file() and real.is_relative_to(repo.root)
                   and not any(p == rel for p in [q.path for q in problems]))
    if rel in files:
        assert real.is_relative_to(repo.root) and real.is_file()
        assert repo.read_bytes(rel) == real.read_bytes()
    else:
        assert any(p.path == rel for p in problems)
        assert not ends_inside
        with pytest.raises(UnsafePath):
            repo.read_bytes(rel)


def test_mkdocs_yml_extension_that_would_run_a_program_is_refused(plan: Path, tmp_path: Path):
    """Python-Markdown imports an extension by name and calls it with its settings before it
    checks the type: 'subprocess:Popen' with args ran the program."""
    from napkit.render.site.mkdocs_builder import SiteBuildError, load_base_config

    mark = tmp_path / "ran"
    (plan / "mkdocs.yml").write_text(f"markdown_extensions:\n  - subprocess:Popen:\n      args: [touch, {mark}]\n")
    result, found = findings(plan)
    assert ("NAP017", "mkdocs.yml", 2, 5) in found
    with pytest.raises(SiteBuildError, match="subprocess:Popen"):
        load_base_config(plan)
    assert not mark.exists()


def test_folders_nested_deeper_than_python_recurses():
    import tempfile

    # outside pytest's tmp_path: its clean-up (shutil.rmtree) recurses and fails at this depth
    top = tempfile.mkdtemp(prefix="nap-deep-")
    deep = os.path.join(top, "measures")
    os.mkdir(deep)
    for _ in range(1_100):  # past Python's recursion limit (1,000), within PATH_MAX
        deep += "/d"
        os.mkdir(deep)
    Path(deep, "x.yaml").write_text("x: 1\n")
    try:
        files, problems = Repo(Path(top)).walk("measures")
        assert len(files) == 1 and files[0].endswith("/d/x.yaml") and problems == []
    finally:  # bottom-up, without recursion
        os.remove(Path(deep, "x.yaml"))
        while deep != top:
            os.rmdir(deep)
            deep = os.path.dirname(deep)
        os.rmdir(top)


def test_plan_template_with_a_pandoc_partial_is_refused(plan: Path):
    """pandoc reads a template's partials relative to it, `../` and links included, even under
    --sandbox: a plan's template may include nothing."""
    from napkit.render.docs import DocumentBuildError, template_paths

    (plan / "plan" / "templates").mkdir()
    (plan / "plan" / "templates" / "plan.typ").write_text("= $title$\n$body$\n$ ../../../../etc/passwd() $\n${ leak() }\n")
    with pytest.raises(DocumentBuildError, match="partial"):
        template_paths(plan)
    result, found = findings(plan)
    assert ("NAP018", "plan/templates/plan.typ", 4, 1) in found


def test_new_measure_does_not_write_through_a_linked_measures_folder(plan: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    shutil.move(str(plan / "measures"), outside)
    (plan / "measures").symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    result = nap("new", "measure", "--id", "M-77", "--objective", "O1", "--title", "nb=T", "--title", "en=T",
                 "--description", "nb=D", "--description", "en=D", "--lead", "MIN", root=plan)
    assert result.exit_code == 2, result.output
    assert "does not write through links" in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == before


def test_check_writable(tmp_path: Path):
    (tmp_path / "measures").mkdir()
    (tmp_path / "measures" / "M-01.yaml").write_text("x\n")
    (tmp_path / "measures" / "L.yaml").symlink_to("M-01.yaml")
    os.mkfifo(tmp_path / "measures" / "F.yaml")
    repo = Repo(tmp_path)
    assert repo.check_writable("measures/M-01.yaml") is None and repo.check_writable("measures/NEW.yaml") is None
    assert repo.check_writable("measures/L.yaml").code == LINK
    assert repo.check_writable("measures/F.yaml").code == SPECIAL
