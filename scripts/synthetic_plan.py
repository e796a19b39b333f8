"""Generate a synthetic plan of N measures and N/4 recommendations with realistic field sizes,
for benchmarks and load tests. Deterministic for a given N and seed.

    python scripts/synthetic_plan.py OUT_DIR N
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = ("tiltak plan ofre menneskehandel politi identifisering bistand samarbeid kommune opplæring "
         "victims trafficking police identification assistance cooperation municipality training labour "
         "exploitation guidance data monitoring coordination prevention awareness online children").split()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def text(rng: random.Random, n: int) -> str:
    return f"\n    nb: \"{sentence(rng, n)}\"\n    en: \"{sentence(rng, n)}\""


def generate(out: Path, n: int, seed: int = 1, n_recs: int | None = None, summary_words: int = 25) -> None:
    rng = random.Random(seed)
    (out / "plan" / "recommendations").mkdir(parents=True, exist_ok=True)
    (out / "measures").mkdir(parents=True, exist_ok=True)
    n_recs = n_recs or max(4, n // 4)
    n_agencies = 40
    n_objectives = 6
    (out / "plan" / "plan.yaml").write_text(
        "id: synthetic\ntitle: {nb: Syntetisk plan, en: Synthetic plan}\nperiod: {start: 2027, end: 2030}\n"
        "languages: [nb, en]\ncurrency: NOK\nresponsible: A00\n"
        "objectives:\n" + "".join(
            f"  - id: O{i}\n    title: {{nb: Mål {i}, en: Objective {i}}}\n    pillar: protection\n"
            for i in range(1, n_objectives + 1))
        + "funding_sources:\n  - id: state-budget\n    name: {nb: Statsbudsjettet, en: State budget}\n"
        + "reporting_periods: ['2027', '2028', '2029', '2030']\n")
    (out / "plan" / "agencies.yaml").write_text("agencies:\n" + "".join(
        f"  - id: A{i:02d}\n    name: {{nb: Virksomhet {i}, en: Agency {i}}}\n    kind: directorate\n"
        for i in range(n_agencies)))
    (out / "plan" / "indicators.yaml").write_text("indicators:\n" + "".join(
        f"  - id: IND-{i}\n    name: {{nb: Indikator {i}, en: Indicator {i}}}\n"
        f"    definition: {{nb: Teller saker., en: Counts cases.}}\n    unit: {{nb: saker, en: cases}}\n"
        f"    baseline:\n      - {{year: 2023, value: {rng.randint(1, 300)}}}\n"
        for i in range(20)))
    (out / "plan" / "recommendations" / "synthetic.yaml").write_text(
        "source:\n  id: SYN\n  title: {nb: Syntetisk rapport, en: Synthetic report}\nrecommendations:\n" + "".join(
            f"  - id: SYN-{i:05d}\n    ref: {{section: VII, paragraph: {i}}}\n    summary:{text(rng, summary_words).replace(chr(10) + '    ', chr(10) + '      ')}\n"
            f"    pillar: protection\n    theme: victim-assistance\n    strength: recommends\n"
            f"    response: {{status: accepted}}\n"
            for i in range(n_recs)))
    for i in range(n):
        mid = f"M-{i:05d}"
        recs = {i % n_recs, rng.randrange(n_recs)}
        partners = rng.sample([a for a in range(n_agencies) if a != i % n_agencies], 2)
        start_year = rng.choice((2027, 2028))
        (out / "measures" / f"{mid}.yaml").write_text(
            "# yaml-language-server: $schema=../schemas/measure.schema.json\n"
            f"id: {mid}\nobjective: O{i % n_objectives + 1}\ntitle:{text(rng, 8).replace(chr(10) + '    ', chr(10) + '  ')}\n"
            f"description:{text(rng, 60).replace(chr(10) + '    ', chr(10) + '  ')}\n"
            f"lead: A{i % n_agencies:02d}\npartners:\n" + "".join(
                f"  - agency: A{p:02d}\n    role: {{nb: Bidrar, en: Contributes}}\n" for p in partners)
            + "implements:\n" + "".join(f"  - recommendation: SYN-{r:05d}\n    extent: full\n" for r in sorted(recs))
            + f"timeline:\n  start: {start_year}-01-01\n  end: 2030-12-31\n  milestones:\n"
            + f"    - id: MS1\n      due: {start_year}-12-31\n      deliverable: {{nb: Rapport, en: Report}}\n"
            + "budget:\n" + "".join(
                f"  - {{year: {y}, amount: {rng.randrange(100, 5000) * 1000}, currency: NOK, source: state-budget, "
                f"new_money: {str(rng.random() < 0.5).lower()}}}\n" for y in range(start_year, 2031))
            + f"indicators:\n  - indicator: IND-{i % 20}\n    baseline: {{value: 10, year: 2023, source: Report}}\n"
            + "    target: {value: 20, year: 2030}\n"
            + "status: planned\n")


if __name__ == "__main__":
    # synthetic_plan.py OUT N [RECOMMENDATIONS]   (default N/4 recommendations)
    generate(Path(sys.argv[1]), int(sys.argv[2]), n_recs=int(sys.argv[3]) if len(sys.argv) > 3 else None)
