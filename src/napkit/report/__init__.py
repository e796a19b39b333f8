"""Findings reporters, one per output format, all over the same list of findings."""

from .github import report_github
from .json import report_json
from .markdown import report_markdown
from .text import report_text

REPORTERS = {"text": report_text, "github": report_github, "json": report_json, "markdown": report_markdown}
