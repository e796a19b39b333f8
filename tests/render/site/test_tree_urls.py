"""tree.relative_url's own relpath gives what posixpath.relpath gives, without its getcwd() per call."""

from __future__ import annotations

import posixpath

from hypothesis import given, strategies as st

from napkit.render.site.tree import _relpath, relative_url

segment = st.sampled_from(["tiltak", "M-01", "en", "a", "b", "chart.svg", "..", "."])
path = st.one_of(st.just("."), st.lists(segment, min_size=1, max_size=5).map("/".join))


@given(path, path)
def test_relpath_is_posixpaths(target, base):
    assert _relpath(target, base) == posixpath.relpath(target, base)


def test_relative_url():
    assert relative_url("tiltak/M-01/", "mal/O1/") == "../../mal/O1/"
    assert relative_url("tiltak/M-01/", "") == "../../"
    assert relative_url("", "tiltak/M-01/#budget") == "tiltak/M-01/#budget"
    assert relative_url("tiltak/M-01/", "tiltak/M-01/") == "./"
