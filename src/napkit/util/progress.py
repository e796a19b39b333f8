"""A progress display for long builds (rich), silent under --quiet and in CI."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Iterator


class _Quiet:
    def step(self, message: str) -> None:
        pass


class _Console:
    def __init__(self, status, console):
        self._status = status
        self._console = console
        self._t0 = time.perf_counter()
        self._last: str | None = None

    def step(self, message: str) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self._console.log(f"{self._last} [dim]({now - self._t0:.1f} s)[/dim]")
        self._t0, self._last = now, message
        self._status.update(message + " …")

    def finish(self) -> None:
        if self._last is not None:
            self._console.log(f"{self._last} [dim]({time.perf_counter() - self._t0:.1f} s)[/dim]")


@contextmanager
def progress_display(quiet: bool) -> Iterator[object]:
    if quiet:
        yield _Quiet()
        return
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    if not console.is_terminal:
        # plain lines when piped, no spinners
        class _Plain:
            def step(self, message: str) -> None:
                print(f"… {message}", file=sys.stderr, flush=True)

        yield _Plain()
        return
    with console.status("Building …") as status:
        display = _Console(status, console)
        yield display
        display.finish()
