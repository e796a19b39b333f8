"""A redline of a changed text for the public: the words taken out in <del>, the words put in in
<ins>, everything escaped (a plan text never adds markup). Words are compared, not characters:
a reader sees "three → four places", not "th~~ree~~four"."""

from __future__ import annotations

import difflib
import re

from .escape import Safe, esc

_TOKENS = re.compile(r"\s+|[^\s]+")


def redline(old: str, new: str) -> Safe:
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(str(esc("".join(a[i1:i2]))))
            continue
        if i2 > i1:
            out.append("<del>" + str(esc("".join(a[i1:i2]))) + "</del>")
        if j2 > j1:
            out.append("<ins>" + str(esc("".join(b[j1:j2]))) + "</ins>")
    return Safe("".join(out))
