"""Plan text and file names in a report are data: a file name holding a newline must not start
a line of its own (it would forge a finding a CI log or an editor's problem matcher believes),
nor may an escape sequence reach the terminal. Control characters, line and paragraph
separators and lone surrogates (undecodable bytes in a file name) are shown as escapes."""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _one(m: re.Match[str]) -> str:
    ch = m.group()
    return _SHORT.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def escape_line(text: str) -> str:
    """`text` as one line of printable characters."""
    return _UNSAFE.sub(_one, text)
