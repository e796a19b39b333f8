"""napkit's plugin inside MkDocs (render/site/mkdocs_plugin.py) only saves work: the site MkDocs
writes with its shortcuts is, file for file and byte for byte, the site it writes without them."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from napkit.render.site.mkdocs_plugin import NapkitPlugin, _one_element
from napkit.render.site.mkdocs_run import SPEEDUPS_OFF


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def mkdocs(config: Path, site: Path, speedups: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != SPEEDUPS_OFF}
    if not speedups:
        env[SPEEDUPS_OFF] = "1"
    proc = subprocess.run([sys.executable, "-m", "napkit.render.site.mkdocs_run", str(config), str(site)],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize("which", ["fixture_site", "real_site"])
def test_the_shortcuts_change_no_byte_of_the_site(which, request, tmp_path):
    built = request.getfixturevalue(which)
    for config in sorted((built.out / "site-src").glob("*/mkdocs.yml")):
        mkdocs(config, tmp_path / f"{config.parent.name}-fast", speedups=True)
        mkdocs(config, tmp_path / f"{config.parent.name}-slow", speedups=False)
        fast, slow = files(tmp_path / f"{config.parent.name}-fast"), files(tmp_path / f"{config.parent.name}-slow")
        assert fast.keys() == slow.keys()
        differ = [name for name in fast if fast[name] != slow[name]]
        assert differ == [], differ[:10]
        assert len(fast) > 20


class _Page:
    def __init__(self, meta: dict, uri: str = "tiltak/M-01.md") -> None:
        self.meta = meta
        self.file = type("F", (), {"src_uri": uri})()


def test_only_whole_single_line_elements_of_generated_pages_are_set_aside():
    plugin = NapkitPlugin()
    md = ("# T\n\n<div class=\"a\"><div>x</div></div>\n\n<p>a</p><p>b</p>\n\n"
          "Text <b>bold</b>\n\n<dl><div><dt>k</dt></div></dl>")
    out = plugin.on_page_markdown(md, _Page({"nap_generated": True}), None, None)
    assert '<div class="a">' not in out and "<dl>" not in out  # set aside
    assert "<p>a</p><p>b</p>" in out and "Text <b>bold</b>" in out  # left to Markdown
    html = plugin.on_page_content(out.replace("# T", "<h1>T</h1>"), _Page({}), None, None)
    # placeholders come back only where Markdown made them a paragraph; here they were not rendered
    assert plugin.on_page_markdown(md, _Page({}), None, None) == md  # a hand-written page: untouched
    assert html


def test_one_element():
    assert _one_element("<div><div>a</div></div>", "div")
    assert not _one_element("<div>a</div> <div>b</div>", "div")
    assert not _one_element("<p>a</p><p>b</p>", "p")
    assert not _one_element("<details><summary>x</summary>", "details")


def test_a_placeholder_markdown_did_not_leave_alone_fails_the_build(caplog):
    plugin = NapkitPlugin()
    page = _Page({"nap_generated": True})
    out = plugin.on_page_markdown("# T\n\n<div>x</div>\n", page, None, None)
    # as if an extension had turned the placeholder paragraph into something else
    html = plugin.on_page_content(f"<h1>T</h1>\n<blockquote>{out.split()[-1]}</blockquote>", page, None, None)
    assert any("could not be put back" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)
    assert html
