"""Findings as JSON for other tools: {"findings": [...], "summary": {...}}."""

from __future__ import annotations

import json

from ..findings import Finding


def report_json(findings: list[Finding], files_checked: int) -> str:
    items = [{"code": f.code, "severity": str(f.severity), "title": f.title, "file": f.pos.file,
              "line": f.pos.line, "col": f.pos.col, "message": f.message, **({"hint": f.hint} if f.hint else {})}
             for f in findings]
    summary = {"files": files_checked, "error": 0, "warning": 0, "info": 0}
    for f in findings:
        summary[str(f.severity)] += 1
    text = json.dumps({"findings": items, "summary": summary}, ensure_ascii=False, indent=2) + "\n"
    # a file name with undecodable bytes holds lone surrogates, which no UTF-8 output can carry
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
