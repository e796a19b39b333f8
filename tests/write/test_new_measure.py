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


def test_flags_accept_names_lower_case_ids_and_norwegian_dates(valid_plan):
    result = nap("new", "measure", *FLAGS, "--lead", "politiet", "--partner", "The Aid Organisation",
                 "--implements", "src-2:partial", "--start", "1.2.2027", "--end", "30.06.2028", root=valid_plan)
    assert result.exit_code == 0, result.output
    text = (valid_plan / "measures" / "M-03.yaml").read_text()
    assert "lead: POL" in text and "agency: NGO" in text and "recommendation: SRC-02" in text
    assert "start: 2027-02-01" in text and "end: 2028-06-30" in text


def test_a_terminal_drafter_is_asked_again_at_each_bad_answer_and_loses_nothing(valid_plan):
    """Driven in a real pseudo-terminal, as the newcomer review drove it through tmux."""
    import sys

    import pexpect

    child = pexpect.spawn(sys.executable, ["-m", "napkit", "--root", str(valid_plan), "new", "measure"],
                          encoding="utf-8", timeout=30, dimensions=(50, 200))

    def answer(prompt: str, text: str) -> None:
        child.expect_exact(prompt)
        child.sendline(text)

    child.expect_exact("O1  ")  # objectives are listed with their titles
    answer("Objective:", "O7")
    child.expect_exact("unknown objective 'O7'")  # asked again at once
    answer("Objective:", "o1")
    answer("Title (nb):", "Nytt tiltak")
    answer("Title (en):", "")
    child.expect_exact("every plan language needs this text")
    answer("Title (en):", "New measure")
    answer("Description (nb):", "Hva som gjøres.")
    answer("Description (en):", "What is done.")
    answer("Lead agency", "?")
    child.expect_exact("Hjelpeorganisasjonen")  # the choices, with names
    answer("Lead agency", "Politiet")
    answer("Partner agencies", "politiet")
    child.expect_exact("is the lead")
    answer("Partner agencies", "hjelpeorganisasjonen")
    answer("Recommendations it implements", "src-02:partial, SRC-9")
    child.expect_exact("unknown recommendation 'SRC-9'")
    answer("Recommendations it implements", "src-02:partial")
    answer("Start date", "1.2.2027")
    answer("End date", "31.12.2027")
    answer("Milestone 1, due date", "2026-05-01")
    child.expect_exact("outside the plan period")
    answer("Milestone 1, due date", "30.6.2027")
    answer("Milestone 1, deliverable (nb):", "Rapport")
    answer("Milestone 1, deliverable (en):", "Report")
    answer("Milestone 2, due date", "")
    answer("Amount in 2027", "1,5 mill.")
    answer("Is it new money", "j")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    text = (valid_plan / "measures" / "M-03.yaml").read_text()
    for expected in ("objective: O1", "lead: POL", "agency: NGO", "recommendation: SRC-02", "extent: partial",
                     "start: 2027-02-01", "due: 2027-06-30", "amount: 1500000", "new_money: true"):
        assert expected in text, text
    assert nap("check", "--strict", root=valid_plan).exit_code in (0, 1)
    assert "M-03" not in nap("check", root=valid_plan).output
