"""`nap fmt` keeps every comment, never crashes on deep nesting, never writes through a link."""

from __future__ import annotations

from plan_testing import nap
from napkit.write import fmt


def test_comment_above_a_key_moved_to_the_front_is_kept(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    text = m1.read_text()
    text = text.replace("id: M-01\nobjective: O1\n", "objective: O1\n# the id, never reused\n\n# second line\nid: M-01\n")
    text = text.replace("  start: 2027-01-01\n  end: 2027-12-31\n", "  end: 2027-12-31\n  # from January\n"
                                                                    "  start: 2027-01-01\n")
    m1.write_text(text)
    result = nap("fmt", root=valid_plan)
    assert result.exit_code == 0, result.output
    out = m1.read_text()
    assert "# the id, never reused\n\n# second line\nid: M-01\nobjective: O1\n" in out
    assert "timeline:\n  # from January\n  start: 2027-01-01\n  end: 2027-12-31\n" in out
    assert out.startswith("# yaml-language-server:")
    assert nap("fmt", "--check", root=valid_plan).exit_code == 0


def test_deep_nesting_is_a_clean_problem(valid_plan):
    m3 = valid_plan / "measures" / "M-03.yaml"
    m3.write_text("id: M-03\nextra: " + "[" * 300 + "]" * 300 + "\n")
    block = valid_plan / "measures" / "M-04.yaml"
    block.write_text("id: M-04\nextra:\n" + "".join("  " * i + "-\n" for i in range(1, 300)) + "  " * 300 + "- 1\n")
    result = nap("fmt", root=valid_plan)
    assert result.exit_code == 1
    assert "measures/M-03.yaml" in result.stderr and "measures/M-04.yaml" in result.stderr
    assert "Traceback" not in result.output and "RecursionError" not in result.output


def test_recursion_inside_the_formatter_is_a_problem(monkeypatch):
    def deep(*_a):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(fmt, "_reorder", deep)
    result = fmt.format_text("measures/M-01.yaml", "measure", "id: M-01\n")
    assert result.formatted is None and "nested too deeply" in result.problem


def test_a_measure_linked_outside_is_refused_and_the_link_kept(valid_plan, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("objective: O1\nid: M-09\n")
    link = valid_plan / "measures" / "M-09.yaml"
    link.symlink_to(outside)
    for args in (["fmt"], ["fmt", str(link)]):
        result = nap(*args, root=valid_plan)
        assert result.exit_code in (1, 2)
        assert "M-09.yaml" in result.stderr
        assert link.is_symlink() and outside.read_text() == "objective: O1\nid: M-09\n"
