"""Extract every interface text into src/napkit/locale/napkit.pot and bring each language's
napkit.po up to date with it (new texts added untranslated, texts no longer used dropped).

    python scripts/update_catalogs.py          # extract and update
    python scripts/update_catalogs.py --check  # exit 1 if a catalog is stale (what the test asks)

Extraction is `pybabel extract -F babel.cfg` with napkit's keywords; the .pot has no header or
locations, so it only changes when a text changes."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "napkit" / "locale"
POT = LOCALE / "napkit.pot"
KEYWORDS = ["_", "N_", "NP_:1c,2", "pgettext:1c,2", "ngettext:1,2"]


def extract(out: Path) -> None:
    cmd = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "--no-default-keywords",
           *(f"-k{k}" for k in KEYWORDS), "--omit-header", "--no-location", "--sort-output",
           "-w", "100", "-o", str(out), str(ROOT / "src" / "napkit")]
    subprocess.run(cmd, check=True, cwd=ROOT)


def keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def write(path: Path, catalog: Catalog, header: bool) -> None:
    with path.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=not header, sort_output=True, no_location=True,
                 ignore_obsolete=True)


def update(lang: str, template: Catalog) -> None:
    path = LOCALE / lang / "LC_MESSAGES" / "napkit.po"
    catalog = read(path, lang)
    dates = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date, catalog.revision_date = dates  # a run that changes no text changes no byte
    catalog.fuzzy = False
    write(path, catalog, header=True)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "napkit.pot"
        extract(fresh)
        template = read(fresh)
        if "--check" in argv:
            stale = [POT] if keys(read(POT)) != keys(template) else []
            stale += [p for p in sorted(LOCALE.glob("*/LC_MESSAGES/napkit.po")) if keys(read(p)) != keys(template)]
            for p in stale:
                print(f"stale: {p.relative_to(ROOT)} (run python scripts/update_catalogs.py)")
            return 1 if stale else 0
        POT.write_bytes(fresh.read_bytes())
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/napkit.po")):
            update(po.parent.parent.name, template)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
