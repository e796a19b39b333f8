"""Site engines kept running between builds, for `nap serve`: one `mkdocs_run --worker` process
per language, which imports MkDocs, Material and the plugins once. A fresh `mkdocs build` of the
real plan spends about a second on that before it renders the one page an edit changed; a warm
worker renders it at once.

`nap build` does not use this: it builds once and ends, and a worker would cost it the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from .mkdocs_builder import engine_failure
from .mkdocs_run import RESULT


class EngineFailed(Exception):
    """A worker died or answered nothing: its exit code and last lines, to be reported."""

    def __init__(self, engine: str, code: int, last: list[str]) -> None:
        self.code = code
        super().__init__(f"the {engine} worker ended with exit code {code}" + "".join(f"\n  {s}" for s in last))


class _Worker:
    def __init__(self, engine: str) -> None:
        self.engine = engine
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "napkit.render.site.mkdocs_run", "--worker", "--engine", engine],
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")

    def build(self, config_file: Path, site_dir: Path, dirty: bool, epoch: int) -> tuple[int, str]:
        """(0 or 1, the engine's warnings and errors) for one build."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        # absolute: the engine reads a relative site folder as relative to the mkdocs.yml
        request = {"config": os.path.abspath(config_file), "site": os.path.abspath(site_dir), "dirty": dirty,
                   "epoch": epoch}
        said: list[str] = []
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            for line in self.proc.stdout:
                if line.startswith(RESULT):
                    answer = json.loads(line[len(RESULT):])
                    return answer["code"], answer["output"]
                said.append(line.rstrip())  # what the engine printed besides its log
        except (BrokenPipeError, OSError):
            said += self.proc.stdout.read().splitlines()  # it died before the request: its last words
        code = self.proc.wait()
        raise EngineFailed(self.engine, code, [s for s in said if s.strip()][-15:] or ["(no output)"])

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()  # type: ignore[union-attr]
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()


class WarmEngines:
    """Workers by (engine, language): each language keeps its own, so its builds run side
    by side with the others'. A worker that died is started again at the next build."""

    def __init__(self) -> None:
        self._workers: dict[tuple[str, str], _Worker] = {}

    def start(self, engine: str, languages: list[str]) -> None:
        """Start the workers before the first build needs them (they import in the background)."""
        for lang in languages:
            if (engine, lang) not in self._workers:
                self._workers[(engine, lang)] = _Worker(engine)

    def run(self, builds: list[tuple[Path, Path]], epoch: int, *, dirty: bool, engine: str) -> list[str]:
        """Build each (mkdocs.yml, site folder) pair; the failures, worded as run_mkdocs words them
        (mkdocs_builder.engine_failure)."""
        failures: list[str | None] = [None] * len(builds)

        def one(i: int, config_file: Path, site_dir: Path) -> None:
            key = (engine, config_file.parent.name)  # the language: projects are staged anew each build
            worker = self._workers.get(key)
            if worker is None or worker.proc.poll() is not None:
                worker = self._workers[key] = _Worker(engine)
            try:
                code, output = worker.build(config_file, site_dir, dirty, epoch)
            except EngineFailed as exc:  # it ended without answering, whatever its exit code
                self._workers.pop(key, None)
                failures[i] = engine_failure(engine, config_file, exc.code, str(exc))
                return
            if code != 0:
                failures[i] = engine_failure(engine, config_file, code, output)

        threads = [threading.Thread(target=one, args=(i, c, s)) for i, (c, s) in enumerate(builds)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return [f for f in failures if f]

    def close(self) -> None:
        for worker in self._workers.values():
            worker.close()
        self._workers.clear()
