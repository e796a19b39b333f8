"""`nap serve`: a live preview of the plan site while it is being drafted.

One loop: build the site once into build/preview/, serve it on 127.0.0.1, wait for a change to a
plan file, check the plan again and, when it has no errors, rebuild the site (incrementally:
only changed pages go through MkDocs again). Open pages reload themselves when a new build is
ready; while the plan has errors the last good site stays up and every page shows the findings
in a banner (a broken file never takes the preview down)."""

from __future__ import annotations

from .session import PreviewSession

__all__ = ["PreviewSession"]
