"""`nap new measure`: writes a valid file with the next free id; refuses unknown references."""

from __future__ import annotations

from plan_testing import nap

FLAGS = ["--objective", "O1", "--title", "nb=Ny tiltak", "--title", "en=New measure",
         "--description", "nb=Hva som gjøres.", "--description", "en=What is done."]


def test_new_measure_passes_check_and_fmt(valid_plan):
    result = nap("new", "measure", *FLAGS, "--lead", "POL", "--partner", "NGO", "--implements", "SRC-02:partial",
                 "--start", "2027-02-01", "--end", "2028-06-30", root=valid_plan)
    assert result.exit_code == 0, result.output
    path = valid_plan / "measures" / "M-03.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/measure.schema.json\nid: M-03\n")
    assert nap("check", "--strict", root=valid_plan).exit_code == 0
    assert nap("fmt", "--check", root=valid_plan).exit_code == 0


def test_unknown_references_are_refused_with_suggestions_and_nothing_written(valid_plan):
    result = nap("new", "measure", *FLAGS, "--lead", "POLL", "--implements", "SRC-9", root=valid_plan)
    assert result.exit_code == 2
    assert "unknown agency 'POLL' (did you mean 'POL'?)" in result.stderr
    assert "unknown recommendation 'SRC-9'" in result.stderr
    assert not (valid_plan / "measures" / "M-03.yaml").exists()


def test_missing_fields_are_all_listed_when_not_interactive(valid_plan):
    result = nap("new", "measure", "--objective", "O7", root=valid_plan)
    assert result.exit_code == 2
    for expected in ("--lead", "--title nb=", "--description en=", "unknown objective 'O7'"):
        assert expected in result.stderr
