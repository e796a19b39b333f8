"""The job summary is trusted text: nothing from the plan's YAML (or its site pages) may become a
link, an image or HTML in it. Rendered with real Markdown renderers, not by looking at strings."""

from __future__ import annotations

import re
import shutil

import markdown
import pytest
from markdown_it import MarkdownIt

from plan_testing import FIXTURES, edit, git, nap

EVIL = ("Approve ![x](https://evil.example/t.png) [click to approve](https://evil.example/ok) "
        "<img src=https://evil.example/i.png> <https://evil.example/auto> <a href='https://evil.example'>a</a> "
        "https://evil.example/bare www.evil.example mail@evil.example <script>alert(1)</script> "
        "[ref][1] `code` **bold** | pipe\n\n[1]: https://evil.example/ref")


@pytest.fixture
def evil_diff(tmp_path) -> str:
    r = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid_plan", r)
    (r / "site/en").mkdir(parents=True)
    (r / "site/en/about.md").write_text("# About\n\nText.\n")
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "base")
    quoted = '"' + EVIL.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    edit(r / "plan/recommendations/src.yaml", "en: Adult victims only in this plan.", f"en: {quoted}")
    edit(r / "plan/recommendations/src.yaml", "en: Assist all victims.", f"en: {quoted}")
    edit(r / "measures/M-01.yaml", "en: Draft the action plan}", f"en: {quoted}}}")
    edit(r / "measures/M-01.yaml", "nb: Utarbeide handlingsplanen,", f"nb: {quoted},")
    edit(r / "plan/agencies.yaml", "en: The Police}", f"en: {quoted}}}")
    edit(r / "measures/M-02.yaml", "source: state-budget, new_money: false}", f"source: state-budget, new_money: false, chapter: {quoted}}}")
    (r / "site/en/about.md").write_text("# About\n\n" + EVIL + "\n")
    result = nap("diff", "HEAD", "--format", "markdown", root=r)
    assert result.exit_code == 0
    return result.stdout


def _live(html: str) -> list[str]:
    return re.findall(r"<(?:a|img|script|iframe)\b[^>]*>", html, re.IGNORECASE)


def test_no_link_image_or_html_from_plan_text_renders(evil_diff):
    assert evil_diff.count("Approve") >= 6  # the texts are there, as text
    for html in (markdown.markdown(evil_diff, extensions=["tables", "extra"]),
                 MarkdownIt("commonmark").enable("table").render(evil_diff)):
        assert "<table>" in html
        assert _live(html) == [], _live(html)
        assert "click to approve" in html  # shown, not linked


def test_github_autolinks_are_broken_too(evil_diff):
    # GitHub links bare URLs, www. names and e-mail addresses by itself (cmark-gfm's autolink
    # extension, which neither renderer here has): none may stand intact in the summary
    for trigger in ("https://evil", "www.evil", "mail@evil", "<https", "<img", "<script"):
        assert trigger not in evil_diff


def test_a_huge_change_keeps_the_summary_under_githubs_limit(tmp_path):
    r = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid_plan", r)
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "base")
    many = "".join(f"  - id: SRC-{n:05d}\n    summary: {{nb: Anbefaling {n} {'lang tekst ' * 20}, en: Ask {n}}}\n"
                   f"    pillar: prevention\n    response: {{status: noted, justification: {{nb: Nei., en: No.}}}}\n"
                   for n in range(100, 3100))
    edit(r / "plan/recommendations/src.yaml", "recommendations:\n", "recommendations:\n" + many)
    md = nap("diff", "HEAD", "--format", "markdown", root=r).stdout
    assert len(md.encode()) < 1024 * 1024
    assert "… and 2850 more (all of them in `nap diff --format json`)" in md
