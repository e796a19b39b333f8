"""load/event_yaml.py and load/yaml_positions.py, differentially: the event-stream loader gives
the same data (or the same error type) as fast_yaml, and Document.locate gives the same
positions as the ruamel.yaml round-trip tree it replaced — on every YAML file in the repository
and on hypothesis-generated documents."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from napkit.load import event_yaml, fast_yaml
from napkit.load.yaml_doc import Document, parse

REPO = Path(__file__).resolve().parents[2]
FILES = sorted(p for top in ("plan", "measures", "tests", "examples") if (REPO / top).is_dir()
               for p in (REPO / top).rglob("*.y*ml") if p.is_file() and not p.is_symlink())
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(load, text: str, budget: int = 10_000):
    try:
        return "data", load(text, budget)
    except RecursionError:
        return "error", "RecursionError"
    except Exception as exc:  # noqa: BLE001 - the type is what is compared
        return "error", type(exc).__name__


def same(a, b) -> bool:
    """Equality that holds NaN equal to NaN and tells 1 from 1.0 and True from 1 (iterative:
    documents may nest thousands deep)."""
    todo = [(a, b)]
    while todo:
        a, b = todo.pop()
        if type(a) is not type(b):
            return False
        if isinstance(a, float):
            if not (a == b or (math.isnan(a) and math.isnan(b))):
                return False
        elif isinstance(a, dict):
            if list(a) != list(b):
                return False
            todo.extend((a[k], b[k]) for k in a)
        elif isinstance(a, (list, tuple)):
            if len(a) != len(b):
                return False
            todo.extend(zip(a, b))
        elif a != b:
            return False
    return True


def assert_same_outcome(text: str, budget: int = 10_000) -> None:
    want, got = outcome(fast_yaml.load, text, budget), outcome(event_yaml.load, text, budget)
    assert same(got, want), (text, got, want)


# --- positions as the ruamel tree gave them (the implementation Document.locate replaced) ---

def ruamel_locate(node, path: tuple, key: bool) -> tuple[int, int]:
    line, col = _start(node)
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, CommentedMap) and step in node:
            child = node[step]
            if last and (key or not isinstance(child, (CommentedMap, CommentedSeq))):
                line, col = node.lc.key(step) if key else node.lc.value(step)
            else:
                line, col = node.lc.key(step)
                cl, cc = _start(child)
                if cl is not None and isinstance(child, (CommentedMap, CommentedSeq)) and not key:
                    line, col = cl, cc
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.lc.item(step)
            node = node[step]
        else:
            break
    return (1, 1) if line is None else (line + 1, col + 1)


def _start(node):
    lc = getattr(node, "lc", None)
    return (None, None) if lc is None or lc.line is None else (lc.line, lc.col)


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from paths(v, prefix + (k,))
        yield prefix + ("no-such-key",)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from paths(v, prefix + (i,))
        yield prefix + (len(data),)


def _string_keys_everywhere(node) -> bool:
    """ruamel keeps `2027:` an int key the data has as "2027": only there may the two differ."""
    if isinstance(node, dict):
        return all(isinstance(k, str) and _string_keys_everywhere(v) for k, v in node.items())
    if isinstance(node, list):
        return all(_string_keys_everywhere(v) for v in node)
    return True


def assert_same_positions(text: str, limit: int = 400) -> None:
    # Where ruamel's tree is not the data, positions may rightly differ: it merges `<<` keys
    # (the data keeps `<<` as a key) and gives tagged collections (!!omap, !!set) other shapes;
    # libyaml counts NEL/LS/PS as line breaks (YAML 1.1), ruamel does not.
    if "<<" in text or "!!" in text or any(c in text for c in "\x85\u2028\u2029"):
        return
    try:
        doc = parse("f.yaml", "measure", text.encode())
    except Exception:  # noqa: BLE001 - fast_yaml lets a few constructor errors through; not ours here
        return
    if not isinstance(doc, Document):
        return
    y = YAML(typ="rt", pure=True)
    y.allow_duplicate_keys = True
    try:
        tree = y.load(text)
    except Exception:  # noqa: BLE001 - ruamel refused it: no reference positions
        return
    if not _string_keys_everywhere(tree):
        return
    for n, path in enumerate(paths(doc.data)):
        if n >= limit:
            break
        for key in (False, True):
            got = doc.locate(path, key=key)
            assert (got.line, got.col) == ruamel_locate(tree, path, key), (text, path, key)


# --- the repository's own YAML ---

@pytest.mark.parametrize("file", FILES, ids=[str(p.relative_to(REPO)) for p in FILES])
def test_every_repository_yaml_file_loads_the_same(file: Path):
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8 (a bad-input case)")
    assert_same_outcome(text, budget=10 * len(text) + 10_000)


@pytest.mark.parametrize("file", FILES, ids=[str(p.relative_to(REPO)) for p in FILES])
def test_every_repository_yaml_file_has_the_same_positions(file: Path):
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8 (a bad-input case)")
    assert_same_positions(text, limit=150)


def test_the_repository_has_yaml_to_compare():
    assert len(FILES) > 50


# --- chosen cases: semantics and every hand-over to fast_yaml ---

CASES = [
    "a: NO\nb: on\nc: yes\nd: 1e3\ne: ~\nf: null\ng: Null\nh:\ni: true\nj: False\nk: TRUE\n",
    "a: 08\nb: 0o17\nc: 1_000\nd: 0x1F\ne: -5\nf: +7\ng: .5\nh: 1.\ni: -.inf\nj: .NaN\nk: +.inf\nl: 0o8\n",
    "d: 2027-06-30\nt: 2027-06-30T10:20:30Z\nu: 2027-6-3 1:02:03.5 +01:00\nbad: 2027-02-30\n",
    "q: '2027-06-30'\nr: \"08\"\ns: |\n  block\nt: >\n  folded\n",
    "2027: x\ntrue: y\n1e3: z\n~: w\n08: v\n",
    "a: !!str 5\nb: !!int '7'\nc: !!float 1\nd: ! 5\ne: !!binary aGVsbG8=\nf: !!bool yes\n",
    "a: !custom x\n", "a: !!set {x}\n", "a: !!omap [x: 1]\n", "a: !!map {x: 1}\n", "a: !!seq [1]\n",
    "a: !!timestamp 2027-01-01\n", "a: !!null ''\n", "a: !!bool maybe\n",
    "? [a]\n: x\n", "? {a: 1}\n: x\n", "&k a: 1\n*k : 2\n",
    "a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\nc: 1\nc: 2\n",
    "a: &x [1, 2]\nb: *x\nc: *x\n", "a: &x 1\nb: &x 2\n", "a: *nothing\n", "a: &a [*a]\n", "&a [*a]\n",
    "a: &a\n  b: *a\n",
    "<<: {a: 1}\nb: 2\n", "x: &x {a: 1}\ny:\n  <<: *x\n  b: 2\n",
    "a: 1\n---\nb: 2\n", "--- 5\n", "---\n", "...\n", "- a\n- b\n", "[1, {a: b}, [c]]\n",
    "a: [1, 2\n", "a: b: c\n", "\ta: 1\n", "a: 1\n\x07\n", "a: 'unterminated\n",
    "d: 2027-02-30\nz: [\n", "a: 1\na: 2\nz: [\n", "a: *x\nz: [\n",
    "%YAML 1.2\n---\na: 1\n", "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "[" * 70 + "]" * 70, "[" * 5000 + "]" * 5000, "a:\n" + "".join("  " * i + "- \n" for i in range(1, 80)),
]


@pytest.mark.parametrize("text", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_chosen_documents_load_the_same(text: str):
    assert_same_outcome(text)


def test_the_alias_budget_is_the_same():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefg", "bcdefgh"))
    for budget in (10, 100, 1_000, 10_000, 100_000):
        assert_same_outcome(laughs, budget)
    small = laughs.split("d:")[0]  # aliases in b and c expand to 9·10 + 9·91 = 909 nodes
    for budget in (908, 909, 910, 10_000):  # the boundary, exactly
        assert_same_outcome(small, budget)
    with pytest.raises(fast_yaml.TooComplex):
        event_yaml.load(laughs, 10_000)


def test_aliases_share_one_object_as_fast_yaml_does():
    data = event_yaml.load("a: &x [1]\nb: *x\n", 100)
    assert data == {"a": [1], "b": [1]} and data["a"] is data["b"]


@pytest.mark.parametrize("text", [c for c in CASES if len(c) < 1000],
                         ids=[f"case{i}" for i, c in enumerate(CASES) if len(c) < 1000])
def test_chosen_documents_have_the_same_positions(text: str):
    assert_same_positions(text)


def test_positions_of_empty_values_flow_collections_and_aliases():
    text = "a:\nb: {c: 1, d: [x, y]}\ne: &e\n  f: 1\ng: *e\nh: &h text\ni: *h\nj:\n- 1\n-\n- k: 2\n"
    assert_same_positions(text)
    d = parse("f.yaml", "measure", text.encode())
    assert str(d.locate(("g", "f"))) == "f.yaml:4:6"  # where the anchored mapping stands


@pytest.mark.parametrize("text", [b"a: !!int abc\n", b"a: !!bool maybe\n", b"a: !!float x\n"])
def test_a_value_that_does_not_fit_its_tag_is_a_finding_not_a_crash(text: bytes):
    result = parse("f.yaml", "measure", text)
    assert not isinstance(result, Document) and result.code == "NAP003"


def test_a_scalar_document_locates_at_the_start():
    d = parse("f.yaml", "measure", b"# comment\nhello\n")
    assert str(d.locate(())) == str(d.locate(("x", 1))) == "f.yaml:1:1"


def test_numeric_keys_are_located_by_their_text():
    d = parse("f.yaml", "measure", b"budget:\n  2027: 5\n  2028: 6\n")
    assert str(d.locate(("budget", "2028"))) == "f.yaml:3:9"
    assert str(d.locate(("budget", "2028"), key=True)) == "f.yaml:3:3"


# --- generated documents ---

yaml_chars = st.sampled_from(list(":-[]{}&*!|>'\"%@`#,?\n\t ") + list(string.ascii_letters[:12])
                             + list("0189._+") + ["NO", "2027-02-30", "2027-06-30", "~", "null", "true", "0o17",
                                                  "0x1F", ".inf", ".nan", "1e3", "&a ", "*a", "!!str ", "<<: ",
                                                  "\n  ", "\n- ", ": ", "---\n"])
yaml_texts = st.lists(yaml_chars, max_size=60).map("".join)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(),
                    st.text(max_size=12), st.sampled_from(["2027-01-01", "2027-02-30", "NO", "08", "0o17", "~", "",
                                                           "1e3", ".inf", "a: b", "- x", "# no", "'q'", "x\ny"]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=25)
dump_styles = st.fixed_dictionaries({"default_flow_style": st.sampled_from([False, True, None]),
                                     "indent": st.sampled_from([2, 4]),
                                     "allow_unicode": st.booleans(), "width": st.sampled_from([20, 80])})


@FAST
@given(yaml_texts)
def test_generated_texts_load_the_same(text):
    assert_same_outcome(text)


@FAST
@given(json_values, dump_styles)
def test_generated_documents_load_the_same(value, style):
    assert_same_outcome(yaml.safe_dump(value, **style))


@FAST
@given(yaml_texts)
def test_generated_texts_have_the_same_positions(text):
    assert_same_positions(text, limit=60)


@FAST
@given(st.dictionaries(st.text(string.ascii_letters, min_size=1, max_size=6), json_values, min_size=1, max_size=5),
       dump_styles)
def test_generated_documents_have_the_same_positions(value, style):
    assert_same_positions(yaml.safe_dump(value, **style), limit=80)
