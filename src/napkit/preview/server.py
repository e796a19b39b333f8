"""The preview's web server: the built site as it is on disk, plus a small script on every page
that reloads it when a newer build is ready and shows the plan's findings in a banner.

Only 127.0.0.1 is served: a preview of a draft plan is for the person drafting it. The script is
served by this server and never written into build/: a published site does not poll anything."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

STATUS_PATH = "/__nap/status"
SCRIPT_PATH = "/__nap/live.js"


@dataclass
class Status:
    """What the open pages poll: the number of the build they should show, and the findings."""

    build: int = 0
    state: str = "building"  # building | ready | errors | failed
    message: str = ""
    findings: list[dict] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def update(self, **values) -> None:
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)

    def as_json(self) -> bytes:
        with self._lock:
            return json.dumps({"build": self.build, "state": self.state, "message": self.message,
                               "findings": self.findings}, ensure_ascii=False).encode()


class PreviewHandler(SimpleHTTPRequestHandler):
    status: Status

    def __init__(self, *args, site: Path, status: Status, **kwargs):
        self.status = status
        # the folder is looked up per request: a rebuild replaces build/preview/site whole
        super().__init__(*args, directory=str(site), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?", 1)[0]
        if path == STATUS_PATH:
            return self._send(self.status.as_json(), "application/json; charset=utf-8")
        if path == SCRIPT_PATH:
            script = resources.files("napkit.preview").joinpath("live.js").read_bytes()
            return self._send(script, "text/javascript; charset=utf-8")
        html = self._html_file(path)
        if html is None:
            return super().do_GET()
        return self._send(_with_script(html.read_bytes(), self.status.build), "text/html; charset=utf-8")

    def _html_file(self, url_path: str) -> Path | None:
        local = Path(self.translate_path(url_path))
        if local.is_dir():
            if not url_path.endswith("/"):
                return None  # SimpleHTTPRequestHandler redirects to the folder's URL
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        pass  # the terminal is for findings and builds, not for every request


def _with_script(page: bytes, build: int) -> bytes:
    """The page with the live script; `build` tells the script which build the page came from, so
    that a build finished between this response and the script's first poll still reloads it."""
    tag = f'<script src="{SCRIPT_PATH}?build={build}" defer></script>'.encode()
    at = page.rfind(b"</body>")
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def start_server(site: Path, status: Status, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), partial(PreviewHandler, site=site, status=status))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="nap-serve", daemon=True).start()
    return server
