"""Text from the plan cannot become markup: not HTML, not Markdown, not attribute lists, not
script links. Unit tests of escape.py, and the built page of the hostile fixture measure M-03."""

from __future__ import annotations

import re

import markdown
import pytest

from napkit.render.site.escape import Safe, esc, prose, safe_url
from site_testing import Built, text_of

EXTENSIONS = ["toc", "attr_list", "tables", "md_in_html", "admonition", "def_list", "abbr", "footnotes"]


def render(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "{: onclick=alert(1) }",
    "<https://evil.example/>",
    "`code` *em* _em_ | a | b |",
    "# heading",
    "1. list",
    "- list",
    "&lt;script&gt;",
    "</title><script>alert(1)</script>",
    "line\n# heading\n<script>x</script>",
]


def only_tags(out: str, allowed: set[str]) -> None:
    """Every element in `out` is one of `allowed`, and none has an attribute other than id."""
    for slash, name, attrs in re.findall(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", out):
        assert name.lower() in allowed, out
        assert not attrs.strip() or re.fullmatch(r'\s*id="[a-z0-9_-]*"\s*', attrs), out


@pytest.mark.parametrize("text", HOSTILE)
def test_esc_shows_the_text_and_makes_no_markup(text: str) -> None:
    for context, allowed in ((str(esc(text)), {"p"}), ("## " + str(esc(text)), {"h2"}),
                             ("| a |\n|---|\n| " + str(esc(text)) + " |", {"table", "thead", "tbody", "tr", "th", "td"})):
        only_tags(render(context), allowed)
    # what a reader sees is the text itself (line breaks become spaces)
    plain = re.sub(r"<[^>]+>", "", render(str(esc(text))))
    import html

    assert html.unescape(plain).strip() == " ".join(text.split("\n")).strip()


def test_safe_is_escaped_when_mixed_with_plain_strings() -> None:
    assert str(Safe("<td>{}</td>").format("<b>")) == "<td>&lt;b&gt;</td>"
    assert str(Safe("<p>") + "*x*") == "<p>&#42;x&#42;"
    assert str(Safe(", ").join(["<a>", Safe("<i>ok</i>")])) == "&lt;a&gt;, <i>ok</i>"


def test_prose_keeps_plain_markdown() -> None:
    out = render(str(prose("Para *em* and **strong**\n\n- a\n- b\n\n> quote\n\n[link](https://example.org/a_b?x=1&y=2)")))
    assert "<em>em</em>" in out and "<strong>strong</strong>" in out and "<li>a</li>" in out
    assert "<blockquote>" in out
    assert '<a href="https://example.org/a&#95;b?x&#61;1&amp;y&#61;2">link</a>' in out


@pytest.mark.parametrize("text", [
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))", "[x](jav&#97;script:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x]: javascript:alert(1)\n\n[y][x]", "![x](https://evil.example/x.png)", "para\n{: onclick=\"alert(1)\" }",
    "<https://evil.example/>", "`<b>`", "    <b>indented</b>", "Foo\n---", "Foo\n-", "# h1", "| a | b |\n|---|---|",
    '[x](https://ok.example/" onmouseover="alert(1))', "~~~\n<b>\n~~~", "```\n<b>\n```",
])
def test_prose_cannot_make_markup(text: str) -> None:
    out = render(str(prose(text)))
    for slash, name, attrs in re.findall(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", out):
        assert name in {"p", "em", "strong", "ul", "ol", "li", "blockquote", "a", "br"}, out
        if name == "a" and not slash:
            assert re.fullmatch(r'\s*href="https?://[^"\s]+"', attrs), out
        else:
            assert not attrs.strip(), out


def test_safe_url() -> None:
    assert safe_url("https://www.regjeringen.no/") == "https://www.regjeringen.no/"
    assert safe_url("mailto:post@jd.dep.no") == "mailto:post@jd.dep.no"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "//evil.example/", "https://a b", 'https://a"b', None, ""):
        assert safe_url(bad) is None


# -- the built site ------------------------------------------------------------------------------

def all_text_files(built: Built):
    """Every page, search index and sitemap. Not the open data under data/: there the plan's text
    is data, as written (JSON strings, CSV cells), and no browser renders it as markup."""
    for path in built.site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml") and path.relative_to(built.site).parts[0] != "data":
            yield path, path.read_text(encoding="utf-8")


def test_hostile_measure_shows_as_text(fixture_site: Built) -> None:
    for lang in fixture_site.model.languages:
        url = fixture_site.routes(lang).url("measure", "M-03")
        page = fixture_site.html(url)
        text = text_of(page)
        assert "M-03 <script>alert(1)</script>" in text  # the title, as text
        assert "<title>M-03 &lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<img src=x onerror=alert(1)>" in text  # raw HTML in the description, as text
        assert "(javascript:alert(1))" in text  # the script link, as text
        assert "{: onclick=\"alert(1)\" }" in text  # an attribute list, as text
        safe = "https://example.org/trygg" if lang == "nb" else "https://example.org/safe"
        assert f'<a href="{safe}">' in page  # a plain https link in Markdown still works


def test_no_script_or_handler_from_the_plan_anywhere(fixture_site: Built) -> None:
    for path, body in all_text_files(fixture_site):
        where = path.relative_to(fixture_site.site)
        assert "<script>alert" not in body, where
        assert not re.search(r"<(?:img|iframe|b)\b[^>]*(?:onerror|onmouseover|src=\"?https://evil)", body), where
        assert 'href="javascript:' not in body.lower(), where
        assert not re.search(r"<[a-zA-Z][^<>]*\son\w+\s*=", body), where  # no event handler attribute
        if path.suffix == ".html":
            # the only <script> elements are Material's own: bundled files, its config, two inline helpers
            for attrs, content in re.findall(r"<script\b([^>]*)>(.*?)</script>", body, re.S):
                assert ('src="' in attrs and not content.strip()) or 'id="__config"' in attrs \
                    or content.startswith(("__md_scope=", "var target=document.getElementById")), (where, attrs)
                assert "alert(" not in content, where


def test_search_index_holds_titles_escaped(fixture_site: Built) -> None:
    index = (fixture_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "<script>alert" not in index
