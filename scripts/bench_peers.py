"""The same synthetic items as peer projects, for scripts/bench.py: Sphinx + sphinx-needs,
StrictDoc and Doorstop. Each peer gets the plan's recommendations and measures (title, text,
lead, status, the recommendations a measure answers as links), one project per language, as
napkit builds both languages. The peers are never napkit dependencies: they run from a separate
virtual environment (default /tmp/peers, `python -m venv /tmp/peers && /tmp/peers/bin/pip
install sphinx sphinx-needs strictdoc doorstop`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml


def items(root: Path) -> tuple[list[dict], list[dict]]:
    """(recommendations, measures) of a synthetic plan, read from its files."""
    recs = []
    for p in sorted((root / "plan" / "recommendations").glob("*.yaml")):
        recs += yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["recommendations"]
    measures = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
                for p in sorted((root / "measures").glob("*.yaml"))]
    return recs, measures


def _measure_ids(measure: dict) -> list[str]:
    return [i["recommendation"] for i in measure.get("implements", [])]


# --- Sphinx + sphinx-needs: one page per measure and per recommendation, as napkit's site has

def sphinx_project(root: Path, out: Path, lang: str, lean_sidebar: bool = False) -> Path:
    """With `lean_sidebar` the sidebar has no global toctree: alabaster's default lists every page
    in every page's sidebar, which grows with the square of the pages (napkit caps its nav)."""
    recs, measures = items(root)
    src = out / (f"sphinx-lean-{lang}" if lean_sidebar else f"sphinx-{lang}")
    (src / "measures").mkdir(parents=True, exist_ok=True)
    (src / "recommendations").mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(
        "project = 'Synthetic plan'\nextensions = ['sphinx_needs']\nlanguage = %r\n"
        "needs_types = [dict(directive='rec', title='Recommendation', prefix='R_', color='#BFD8D2', style='node'),\n"
        "               dict(directive='meas', title='Measure', prefix='M_', color='#FEDCD2', style='node')]\n"
        "needs_extra_options = ['lead']\nneeds_id_regex = '^[A-Z0-9_-]+'\nhtml_theme = 'alabaster'\n" % lang
        + ("html_sidebars = {'**': ['relations.html', 'searchbox.html']}\n" if lean_sidebar else ""))
    for r in recs:
        (src / "recommendations" / f"{r['id']}.rst").write_text(
            f"{r['id']}\n{'=' * len(r['id'])}\n\n.. rec:: {r['id']}\n   :id: {r['id'].replace('-', '_')}\n\n"
            f"   {r['summary'][lang]}\n")
    for m in measures:
        links = ", ".join(x.replace("-", "_") for x in _measure_ids(m))
        (src / "measures" / f"{m['id']}.rst").write_text(
            f"{m['id']}\n{'=' * len(m['id'])}\n\n.. meas:: {m['title'][lang]}\n   :id: {m['id'].replace('-', '_')}\n"
            f"   :status: {m['status']}\n   :lead: {m['lead']}\n   :links: {links}\n\n   {m['description'][lang]}\n")
    (src / "index.rst").write_text(
        "Synthetic plan\n==============\n\n.. toctree::\n   :maxdepth: 1\n   :glob:\n\n   measures/*\n   recommendations/*\n\n"
        ".. needtable::\n   :types: meas\n   :columns: id, title, status, lead\n")
    return src


def sphinx_build(python: Path, src: Path) -> list[str]:
    return [str(python), "-m", "sphinx", "-q", "-b", "html", str(src), str(src / "_build")]


def sphinx_edit(src: Path, measure_id: str = "M-00000") -> None:
    page = src / "measures" / f"{measure_id}.rst"
    page.write_text(page.read_text().replace(":status: planned", ":status: ongoing"))


# --- StrictDoc: one document of recommendations and one of measures, linked as parents

def strictdoc_project(root: Path, out: Path, lang: str) -> Path:
    recs, measures = items(root)
    src = out / f"strictdoc-{lang}"
    src.mkdir(parents=True, exist_ok=True)

    def block(uid: str, title: str, text: str, parents: list[str], status: str | None = None) -> str:
        rel = "".join(f"- TYPE: Parent\n  VALUE: {p}\n" for p in parents)
        return (f"[REQUIREMENT]\nUID: {uid}\n" + (f"STATUS: {status}\n" if status else "")
                + f"TITLE: {title}\nSTATEMENT: >>>\n{text}\n<<<\n" + (f"RELATIONS:\n{rel}" if rel else "") + "\n")

    (src / "recommendations.sdoc").write_text("[DOCUMENT]\nTITLE: Recommendations\n\n" + "".join(
        block(r["id"], r["id"], r["summary"][lang], []) for r in recs))
    (src / "measures.sdoc").write_text("[DOCUMENT]\nTITLE: Measures\n\n" + "".join(
        block(m["id"], m["title"][lang], m["description"][lang], _measure_ids(m), m["status"].capitalize())
        for m in measures))
    return src


def strictdoc_build(python: Path, src: Path) -> list[str]:
    return [str(python), "-m", "strictdoc.cli.main", "export", "--formats", "html",
            "--output-dir", str(src / "_build"), str(src)]


def strictdoc_edit(src: Path, measure_id: str = "M-00000") -> None:
    page = src / "measures.sdoc"
    text = page.read_text()
    at = text.index(f"UID: {measure_id}\n")
    page.write_text(text[:at] + text[at:].replace("STATUS: Planned", "STATUS: Ongoing", 1))


# --- Doorstop: a REC document and a MEAS document under it, one YAML item per requirement

def doorstop_project(root: Path, out: Path, lang: str) -> Path:
    recs, measures = items(root)
    src = out / f"doorstop-{lang}"
    for folder, prefix, parent in (("rec", "REC", None), ("meas", "MEAS", "REC")):
        (src / folder).mkdir(parents=True, exist_ok=True)
        (src / folder / ".doorstop.yml").write_text(
            f"settings:\n  digits: 5\n  prefix: {prefix}\n  sep: '-'\n" + (f"  parent: {parent}\n" if parent else ""))
    number = {r["id"]: f"REC-{i + 1:05d}" for i, r in enumerate(recs)}

    def item(text: str, links: list[str], header: str) -> str:
        return yaml.safe_dump({"active": True, "derived": False, "header": header, "level": 1.0,
                               "links": [{k: None} for k in links], "normative": True, "ref": "",
                               "reviewed": None, "text": text}, allow_unicode=True)

    for i, r in enumerate(recs):
        (src / "rec" / f"REC-{i + 1:05d}.yml").write_text(item(r["summary"][lang], [], r["id"]))
    for i, m in enumerate(measures):
        text = f"{m['description'][lang]}\n\nLead: {m['lead']}. Status: {m['status']}."
        (src / "meas" / f"MEAS-{i + 1:05d}.yml").write_text(
            item(text, [number[x] for x in _measure_ids(m)], f"{m['id']} {m['title'][lang]}"))
    if not (src / ".git").exists():  # doorstop finds its tree from the version-control root
        subprocess.run(["git", "init", "-q", str(src)], check=True)
    return src


def doorstop_build(python: Path, src: Path) -> list[str]:
    return [str(python), "-c", "import sys, os; os.chdir(sys.argv[1]); from doorstop.cli.main import main; "
            "sys.argv = ['doorstop', 'publish', 'all', '_build', '--html']; main()", str(src)]


def doorstop_edit(src: Path) -> None:
    page = src / "meas" / "MEAS-00001.yml"
    page.write_text(page.read_text().replace("Status: planned.", "Status: ongoing."))


def sphinx_lean_project(root: Path, out: Path, lang: str) -> Path:
    return sphinx_project(root, out, lang, lean_sidebar=True)


# name: (make the project, its build command, the edit, the module that must import, the largest
# plan measured: alabaster's default sidebar took 516 s for 1,000 measures)
PEERS = {
    "Sphinx + sphinx-needs (alabaster's default sidebar: every page listed)":
        (sphinx_project, sphinx_build, sphinx_edit, "sphinx_needs", 100),
    "Sphinx + sphinx-needs (sidebar without the page list)":
        (sphinx_lean_project, sphinx_build, sphinx_edit, "sphinx_needs", None),
    "StrictDoc": (strictdoc_project, strictdoc_build, strictdoc_edit, "strictdoc", None),
    "Doorstop": (doorstop_project, doorstop_build, doorstop_edit, "doorstop", None),
}
