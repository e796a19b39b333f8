"""Stage 3 — model: the typed, immutable plan that analyses and renderers read (never raw YAML)."""

from .types import *  # noqa: F401,F403
