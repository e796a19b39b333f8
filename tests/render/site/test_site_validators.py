"""The built site against outside checkers: the Nu Html Checker (npm `vnu-jar`, run with Java)
finds no error in napkit's own markup on any page, and every link of every page resolves when
the site is published under a base path (as on a GitHub Pages project site), the two 404 pages
included, with the fragment it points at.

The theme's own errors that no override of ours removes are listed in THEME_ERRORS, each
matched by its message and the markup it is on; anything else fails. .ci/run installs Java
(Debian default-jre-headless) and vnu-jar; elsewhere the checker's test skips without them,
unless CI=true."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from site_testing import Built

# Material 9.8's base.html (not a partial an override can replace without copying the whole
# page frame): autocomplete="off" on the drawer and search toggles, two checkboxes. The
# attribute keeps Firefox from restoring a toggle's state on reload; it is harmless to readers.
THEME_ERRORS = {
    "Material base.html: autocomplete on the drawer/search checkbox": (
        "Attribute “autocomplete” is only allowed when the input type is",
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">')),
}

BASE = "/nap-base/"


def vnu_command() -> list[str] | None:
    java = shutil.which("java")
    jar = os.environ.get("NAP_VNU_JAR")
    if not jar and shutil.which("npm"):
        root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True).stdout.strip()
        jar = str(Path(root) / "vnu-jar" / "build" / "dist" / "vnu.jar")
    if not java or not jar or not Path(jar).is_file():
        return None
    return [java, "-Xss8m", "-jar", jar]


def theme_error(message: dict) -> str | None:
    for name, (text, markup) in THEME_ERRORS.items():
        if message.get("message", "").startswith(text) and markup.search(message.get("extract", "")):
            return name
    return None


def test_no_html_errors_from_napkit(site: Built) -> None:
    cmd = vnu_command()
    if cmd is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true, but java or vnu-jar is missing (.ci/run installs both)")
        pytest.skip("the Nu Html Checker needs java and `npm install -g vnu-jar`")
    proc = subprocess.run([*cmd, "--errors-only", "--format", "json", "--skip-non-html", str(site.site)],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(proc.stderr or "{}").get("messages", [])
    ours, theirs = [], {}
    for m in messages:
        name = theme_error(m)
        if name:
            theirs[name] = theirs.get(name, 0) + 1
        else:
            ours.append(f"{Path(urlsplit(m.get('url', '')).path).relative_to(site.site)}:{m.get('lastLine')}: "
                        f"{m.get('message')}  {m.get('extract', '')!r}")
    assert not ours, f"{len(ours)} errors in napkit's markup:\n" + "\n".join(ours[:40])
    assert messages or proc.returncode == 0, proc.stderr[-2000:]


# -- links, under a base path ------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(a[key])


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """The site under `base`, as GitHub Pages serves it: a missing page gets the root's
    404.html, with status 404."""

    base = "/"

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.base):
            self.send_error(404)
            return None
        self.path = "/" + path[len(self.base):]
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not (target / "index.html").is_file() or not target.exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io
            return io.BytesIO(body)
        return super().send_head()


@pytest.fixture(scope="session")
def based_site(tmp_path_factory) -> Built:
    """The fixture plan with a site_url under a base path (the 404 pages' links use its path)."""
    from napkit.pipeline import run_folder
    from napkit.render.site import build_site
    from napkit.render.site.mkdocs_builder import default_base_config

    here = Path(__file__).parent
    base = tmp_path_factory.mktemp("based-site")
    root = base / "plan"
    shutil.copytree(here.parents[1] / "fixtures" / "valid_plan", root, symlinks=True)
    shutil.copytree(here / "fixtures" / "extra", root, dirs_exist_ok=True)
    (root / "mkdocs.yml").write_text(default_base_config() + f"\nsite_url: https://example.invalid{BASE}\n",
                                     encoding="utf-8")
    result = run_folder(root)
    assert result.ok(), [str(f) for f in result.findings.errors]
    build_site(result.model, result.analysis, root, base / "out")
    return Built("based", root, base / "out", result.model, 0.0)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace") if "html" in r.headers.get("Content-Type", "") else ""
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def crawl(built: Built, base: str) -> None:
    """Every page reachable from each language's home and from the 404 pages, served under
    `base`: each link answers 200 and each fragment is an id on its page."""
    handler = functools.partial(type("Handler", (_PagesHandler,), {"base": base}), directory=str(built.site))
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        langs = built.model.languages
        default = built.model.plan.default_language
        starts = [origin + base + built.routes(lang).prefix for lang in langs]
        # the 404 pages where a reader meets them: at a missing address deep in the site (its
        # links are the site's, not relative to the address), and opened as files of their own
        not_found = [origin + base + "no/such/page/", origin + base + "en/no/such/"]
        own_404 = [origin + base + built.routes(lang).prefix + "404.html" for lang in langs]
        pages: dict[str, _Links] = {}
        statuses: dict[str, int] = {}
        queue = [*starts, *not_found, *own_404]
        broken: list[str] = []
        while queue:
            url = queue.pop()
            if url in statuses:
                continue
            status, body = _get(url)
            statuses[url] = status
            if not body:
                continue
            parsed = _Links()
            parsed.feed(body)
            pages[url] = parsed
            for link in parsed.links:
                target = urljoin(url, link)
                if urlsplit(target).scheme not in ("http", "https") or not target.startswith(origin):
                    continue
                page, _ = urldefrag(target)
                if page not in statuses and page not in queue:
                    queue.append(page)
        for url, parsed in pages.items():
            for link in parsed.links:
                target = urljoin(url, link)
                if not target.startswith(origin):
                    continue
                page, fragment = urldefrag(target)
                if statuses.get(page) != 200:
                    broken.append(f"{url} → {link} ({statuses.get(page)})")
                elif fragment and page in pages and fragment not in pages[page].ids:
                    broken.append(f"{url} → {link} (no id '{fragment}')")
        for url in not_found:
            assert statuses[url] == 404 and url in pages, url
        assert len(pages) > 20 and default in langs
        assert not broken, f"{len(broken)} broken links, e.g.:\n" + "\n".join(sorted(set(broken))[:30])
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_every_link_resolves_under_a_base_path_404_pages_included(based_site: Built) -> None:
    crawl(based_site, BASE)


def test_every_link_resolves_at_the_root_without_a_site_url(fixture_site: Built) -> None:
    """Without a site_url MkDocs gave en/404.html the root as its base (/about/ for /en/about/)."""
    crawl(fixture_site, "/")
