"""validate/quality/duplicates.py: near-duplicate measures (NAP740) — found, reported once on
the later file, not found for measures that merely share words or links, and fast."""

from __future__ import annotations

import time

from plan_testing import REPO, edit
from quality_testing import quality

from napkit.pipeline import run_folder
from napkit.validate.quality import Context, duplicates

DESC = ('description: {nb: "Trygge botilbud for voksne ofre med oppfølging fra erfarne veiledere i hele landet%s.", '
        'en: "Safe accommodation for adult victims with follow-up by experienced counsellors across the country%s."}')


def _pair(valid_plan, second_desc: tuple[str, str] = (", også i nord", ", also in the north")):
    m2 = valid_plan / "measures/M-02.yaml"
    edit(m2, "description: {nb: Botilbud og oppfølging., en: Housing and follow-up.}", DESC % ("", ""))
    text = m2.read_text().replace("id: M-02", "id: M-03")
    text = text.replace(DESC % ("", ""), DESC % second_desc) if second_desc else text
    (valid_plan / "measures/M-03.yaml").write_text(text)


def test_pair_reported_once_on_the_later_file(valid_plan):
    _pair(valid_plan)
    [f] = quality(valid_plan, "NAP740")
    assert f.pos.file == "measures/M-03.yaml" and f.message.startswith("M-03 looks like a near-duplicate of M-02")
    assert "sharing 1 recommendation(s) (SRC-02), the lead NGO" in f.message


def test_same_words_but_other_links_and_lead_are_no_pair(valid_plan):
    _pair(valid_plan)
    m3 = valid_plan / "measures/M-03.yaml"
    edit(m3, "lead: NGO", "lead: MIN")
    edit(m3, "recommendation: SRC-02", "recommendation: SRC-01")
    assert quality(valid_plan, "NAP740") == []


def test_shared_links_without_alike_text_are_no_pair(valid_plan):
    _pair(valid_plan, ("", ""))
    edit(valid_plan / "measures/M-03.yaml", DESC % ("", ""),
         'description: {nb: "Opplæring av politiet i avhør av barn.", en: "Training the police in interviewing children."}')
    edit(valid_plan / "measures/M-03.yaml", "title: {nb: Bistand til ofre, en: Assistance to victims}",
         "title: {nb: Avhør, en: Interviews}")
    assert quality(valid_plan, "NAP740") == []


def test_a_big_plan_scores_few_pairs_and_stock_text_is_no_pair(tmp_path, monkeypatch):
    # scripts/bench.py times 5,000 measures; 1,500 keep the test short
    import importlib.util

    spec = importlib.util.spec_from_file_location("synthetic_plan", REPO / "scripts" / "synthetic_plan.py")
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    n = 1500
    synthetic.generate(tmp_path, n)
    result = run_folder(tmp_path)
    ctx = Context(result.model, result.analysis.coverage)
    scored = []
    real = duplicates.candidates
    monkeypatch.setattr(duplicates, "candidates", lambda *a: scored.append(len(pairs := real(*a))) or pairs)
    started = time.perf_counter()
    found = list(duplicates.near_duplicates(ctx))
    elapsed = time.perf_counter() - started
    assert found == []  # random words from one small vocabulary: no uncommon words in common
    # all pairs would be n(n-1)/2 = 1,124,250; recommendation buckets give about 8 measures each
    assert scored and scored[0] < 20 * n, scored
    assert elapsed < 10, f"near-duplicates took {elapsed:.1f} s at {n} measures"
