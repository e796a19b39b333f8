"""scripts/bench.py runs end to end on a tiny plan and writes its table between the markers of
the benchmarks page, keeping the prose around them. (It measures nothing here: timings belong in
docs/benchmarks.md, not in assertions.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_writes_its_table_and_keeps_the_prose(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    page.write_text("# Benchmarks\n\nIntro.\n\n<!-- bench:start -->old<!-- bench:end -->\n\n## Profile\n\nKept.\n")
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "bench.py"), "--sizes", "8", "--no-build",
                           "--catalog", "40", "--out", str(page)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    text = page.read_text()
    assert text.startswith("# Benchmarks\n\nIntro.\n\n<!-- bench:start -->")
    assert text.rstrip().endswith("## Profile\n\nKept.")
    assert "old" not in text
    assert "| 8 | 4 |" in text  # 8 measures, at least 4 recommendations
    assert "A catalog of 40 recommendations" in text and "peak memory" in text
    assert "Machine: 2 cores" in text or "Machine:" in text
