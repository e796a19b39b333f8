"""One preview session: check → build → serve, then again after every change."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..findings import Finding, Severity
from .server import Status, start_server
from .watch import changes

MAX_SHOWN = 30  # findings in the page banner; the terminal gets them all


@dataclass
class Outcome:
    ok: bool
    seconds: float
    findings: list[Finding]
    message: str


class PreviewSession:
    """`say` prints a line to the terminal. Builds go to `out` (build/preview/ by default), never
    to build/: a preview of a half-written measure must not replace the published build."""

    def __init__(self, root: Path, out: Path, say: Callable[[str], None]):
        self.root, self.out, self.say = Path(root), Path(out), say
        self.status = Status()
        self.site = self.out / "site"
        self.server = None
        from ..render.site.warm import WarmEngines

        self.engines = WarmEngines()  # MkDocs stays imported between rebuilds

    def start(self, port: int) -> int:
        """Build once and start serving; returns the port (0 asks the system for a free one)."""
        self.site.mkdir(parents=True, exist_ok=True)
        outcome = self.rebuild(set())
        if outcome.ok:  # the first edit should not wait for MkDocs to import
            from ..render.site.engines import DEFAULT

            self.engines.start(DEFAULT, [p.name for p in (self.out / "site-src").iterdir()
                                         if (p / "mkdocs.yml").is_file()])
        self.server = start_server(self.site, self.status, port)
        return self.server.server_address[1]

    def watch(self, stop: threading.Event | None = None) -> None:
        for changed in changes(self.root, stop_event=stop):
            self.rebuild(changed)

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        self.engines.close()

    def rebuild(self, changed: set[str]) -> Outcome:
        if changed:
            self.say("changed: " + ", ".join(sorted(changed)[:5]) + (" …" if len(changed) > 5 else ""))
        self.status.update(state="building")
        outcome = self._build()
        errors = [f for f in outcome.findings if f.severity >= Severity.ERROR]
        shown = [_as_dict(f) for f in errors][:MAX_SHOWN]
        for f in errors:
            self.say(f"  {f.pos}: {f.severity} {f.code} {f.message}")
        warnings = sum(1 for f in outcome.findings if f.severity == Severity.WARNING)
        if warnings:
            self.say(f"  {warnings} warning(s): `nap check` lists them")
        if outcome.ok:
            self.status.update(build=self.status.build + 1, state="ready", message=outcome.message, findings=shown)
        else:
            self.status.update(state="errors" if outcome.findings else "failed", message=outcome.message,
                               findings=shown)
        self.say(outcome.message)
        return outcome

    def _build(self) -> Outcome:
        from ..load.trees import TreeError

        t0 = time.perf_counter()
        try:
            return self._check_and_build(t0)
        except TreeError as exc:
            return Outcome(False, time.perf_counter() - t0, [], f"not a plan: {exc}")
        except Exception as exc:  # noqa: BLE001 — a bug in one rebuild must not stop the preview
            import traceback

            self.say("".join(traceback.format_exception(exc)).rstrip())
            return Outcome(False, time.perf_counter() - t0, [],
                           f"internal error: {type(exc).__name__}: {exc} (a bug in napkit; the traceback is in the terminal)")

    def _check_and_build(self, t0: float) -> Outcome:
        from ..pipeline import run_folder
        from ..render.site import SiteBuildError, build_site

        result = run_folder(self.root)
        findings = result.findings.sorted()
        errors = [f for f in findings if f.severity >= Severity.ERROR]
        if result.model is None or result.analysis is None or errors:
            return Outcome(False, time.perf_counter() - t0, findings,
                           f"the plan has {len(errors)} error(s): the preview shows the last build that worked")
        try:
            build_site(result.model, result.analysis, self.root, self.out, warm=self.engines)
        except SiteBuildError as exc:
            return Outcome(False, time.perf_counter() - t0, findings, f"the site did not build: {exc}")
        seconds = time.perf_counter() - t0
        return Outcome(True, seconds, findings, f"rebuilt in {seconds:.1f} s")


def _as_dict(f: Finding) -> dict:
    return {"where": str(f.pos), "severity": str(f.severity), "code": f.code, "message": f.message}
