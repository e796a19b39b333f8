"""The site engine: the one program that turns napkit's builder-neutral tree (Markdown pages, the
nav, a derived mkdocs.yml, theme overrides) into HTML. Nothing napkit emits depends on which one.

MkDocs 1.6 with Material is the default. ProperDocs, the maintained fork of MkDocs 1.x, reads the
same mkdocs.yml and runs the same plugins and theme: the way on when MkDocs 1.x and Material
reach their end of life (Material: 5 May 2027). Zensical was tried and is not an engine here
(see docs/benchmarks.md: it does not install from the index we reach and rewrites our links)."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

DEFAULT = "mkdocs"
# set in the environment: build without napkit's MkDocs plugin shortcuts (mkdocs_plugin.py), the
# test that they change no byte
SPEEDUPS_OFF = "NAPKIT_MKDOCS_SPEEDUPS_OFF"


@dataclass(frozen=True)
class Engine:
    name: str      # as given to `nap build --engine`
    package: str   # provides <package>.commands.build.build, .config.load_config, .exceptions
    # imported first: ProperDocs redirects `mkdocs.*` imports to itself, so that plugins and themes
    # written for MkDocs (Material) load as its own
    prelude: str | None = None

    def installed(self) -> bool:
        return importlib.util.find_spec(self.package) is not None

    def api(self):
        """(build, load_config, its exception base class, its logger name)."""
        if self.prelude:
            importlib.import_module(self.prelude)
        build = importlib.import_module(f"{self.package}.commands.build").build
        load_config = importlib.import_module(f"{self.package}.config").load_config
        exceptions = importlib.import_module(f"{self.package}.exceptions")
        return build, load_config, exceptions.MkDocsException, self.package


ENGINES: dict[str, Engine] = {
    "mkdocs": Engine("mkdocs", "mkdocs"),
    "properdocs": Engine("properdocs", "properdocs", prelude="properdocs.replacement"),
}


class UnknownEngine(ValueError):
    pass


def engine(name: str | None) -> Engine:
    chosen = ENGINES.get(name or DEFAULT)
    if chosen is None:
        raise UnknownEngine(f"unknown site engine '{name}'; choose one of {', '.join(ENGINES)}")
    if not chosen.installed():
        raise UnknownEngine(f"the site engine '{chosen.name}' is not installed (pip install {chosen.package})")
    return chosen
