"""validate/quality/responses.py: the same ask answered alike (NAP701–703), a noted ask not
quietly addressed (NAP704, replacing NAP504), 'full' with something behind it (NAP705)."""

from __future__ import annotations

from plan_testing import edit
from quality_testing import append, quality

from napkit.pipeline import run_folder

TWIN = """  - id: SRC-04
    summary: {nb: Samme oppfordring igjen., en: The same ask again.}
    pillar: protection
    same_as: [SRC-02]
    response:
      status: %s
      justification: %s
"""
SAME_JUSTIFICATION = "{nb: Bare voksne ofre i denne planen., en: Adult victims only in this plan.}"


def _twin(valid_plan, status="partly", justification=SAME_JUSTIFICATION, extent="partial"):
    append(valid_plan / "plan/recommendations/src.yaml", TWIN % (status, justification))
    edit(valid_plan / "measures/M-02.yaml", "implements:\n",
         f"implements:\n  - recommendation: SRC-04\n    extent: {extent}\n")


def test_twins_answered_alike_are_clean(valid_plan):
    _twin(valid_plan)
    assert quality(valid_plan) == []


def test_twin_with_another_status(valid_plan):
    _twin(valid_plan, status="accepted")
    [f] = quality(valid_plan, "NAP701")
    assert "SRC-04" in f.message and "'accepted'" in f.message and "'partly'" in f.message
    assert f.pos.file == "plan/recommendations/src.yaml" and f.hint.startswith("answer them alike")


def test_twin_covered_in_full_while_the_other_is_not(valid_plan):
    _twin(valid_plan, extent="full")  # SRC-04 full by M-02, SRC-02 only partial
    [f] = quality(valid_plan, "NAP702")
    assert f.message.startswith("SRC-04 is covered in full (M-02) but SRC-02")


def test_twin_justified_in_other_words(valid_plan):
    _twin(valid_plan, justification="{nb: Budsjettet tillater ikke dette., en: The budget does not allow it.}")
    [f] = quality(valid_plan, "NAP703")
    assert "SRC-04 and SRC-02" in f.message


def test_same_as_is_symmetric_and_transitive(valid_plan):
    # declared only on SRC-04 → SRC-02; a third ask SRC-05 → SRC-04 joins the group
    _twin(valid_plan)
    append(valid_plan / "plan/recommendations/src.yaml", (TWIN % ("noted", SAME_JUSTIFICATION)).replace(
        "SRC-04", "SRC-05").replace("[SRC-02]", "[SRC-04]"))
    [f] = quality(valid_plan, "NAP701")
    assert f.message.startswith("SRC-05 makes the same ask as SRC-02")


def test_noted_and_implemented_is_nap704_not_nap504(valid_plan):
    edit(valid_plan / "measures/M-01.yaml", "    extent: full\n",
         "    extent: full\n  - recommendation: SRC-03\n    extent: partial\n")
    codes = [f.code for f in run_folder(valid_plan).findings.items]
    assert "NAP704" in codes and "NAP504" not in codes


def test_noted_and_named_in_a_measure_text(valid_plan):
    edit(valid_plan / "measures/M-02.yaml", "en: Housing and follow-up.}", "en: Housing; cf. SRC-03.}")
    [f] = quality(valid_plan, "NAP704")
    assert "named in the text of M-02" in f.message
    # an id that merely starts the same is no mention
    edit(valid_plan / "measures/M-02.yaml", "cf. SRC-03.", "cf. SRC-031.")
    assert quality(valid_plan, "NAP704") == []


def test_noted_answered_through_a_noted_twin(valid_plan):
    append(valid_plan / "plan/recommendations/src.yaml", (TWIN % ("noted", SAME_JUSTIFICATION)).replace(
        "[SRC-02]", "[SRC-03]"))
    edit(valid_plan / "measures/M-02.yaml", "implements:\n", "implements:\n  - recommendation: SRC-04\n    extent: partial\n")
    messages = {f.message.split()[0]: f.message for f in quality(valid_plan, "NAP704")}
    assert "through its same_as twin SRC-04" in messages["SRC-03"]
    assert "implemented by M-02" in messages["SRC-04"]


def test_nap704_switched_off_leaves_nap504(valid_plan):
    edit(valid_plan / "plan/plan.yaml", "quality: {NAP730: off}", "quality: {NAP730: off, NAP704: off}")
    edit(valid_plan / "measures/M-01.yaml", "    extent: full\n",
         "    extent: full\n  - recommendation: SRC-03\n    extent: partial\n")
    codes = [f.code for f in run_folder(valid_plan).findings.items]
    assert "NAP504" in codes and "NAP704" not in codes


def test_full_from_a_measure_without_budget_or_milestone(valid_plan):
    m2 = valid_plan / "measures/M-02.yaml"
    m2.write_text(m2.read_text().replace("extent: partial", "extent: full").split("budget:")[0] + "status: ongoing\n")
    [f] = quality(valid_plan, "NAP705")
    assert f.pos.file == "measures/M-02.yaml" and "SRC-02" in f.message
    # a milestone is enough to make it more than words
    edit(m2, "timeline: {start: 2027-03-01, end: 2028-12-31}",
         "timeline: {start: 2027-03-01, end: 2028-12-31, milestones: [{id: MS1, due: 2027-12-31, deliverable: Plan}]}")
    assert quality(valid_plan, "NAP705") == []


def test_noted_ask_described_by_a_measure_text(valid_plan):
    src = valid_plan / "plan/recommendations/src.yaml"
    edit(src, "summary: {nb: Ratifiser en konvensjon., en: Ratify a convention.}",
         "summary: {nb: Ratifiser konvensjonen om vern av migrantarbeidere og deres familier., "
         "en: Ratify the convention protecting migrant workers and their families.}")
    m2 = valid_plan / "measures/M-02.yaml"
    edit(m2, "description: {nb: Botilbud og oppfølging., en: Housing and follow-up.}",
         'description: {nb: "Utrede om Norge skal ratifisere konvensjonen om vern av migrantarbeidere og deres '
         'familier.", en: "Study whether to ratify the convention protecting migrant workers and their families."}')
    [f] = quality(valid_plan, "NAP704")
    assert f.message.startswith("SRC-03 is only noted, yet it is described by the text of M-02")
    # the same words in one language only are not enough
    edit(m2, "en: \"Study whether to ratify the convention protecting migrant workers and their families.\"",
         "en: \"Housing and follow-up.\"")
    assert quality(valid_plan, "NAP704") == []
