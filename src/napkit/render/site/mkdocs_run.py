"""`python -m napkit.render.site.mkdocs_run CONFIG SITE_DIR [--dirty]`: one `mkdocs build --strict`,
in a process of its own (so that languages build side by side).

With --dirty MkDocs renders only the pages whose source is newer than their output (napkit's
incremental build decides which, see incremental.py). MkDocs then warns that a dirty build "will
likely lead to inaccurate navigation": true for its own use, where the nav may have changed, but
napkit builds dirty only when the nav and every setting are unchanged. That one warning is dropped
so that strict mode still fails on every other."""

from __future__ import annotations

import logging
import sys

DIRTY_WARNING = "A 'dirty' build is being performed"


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--dirty"):
        print("usage: python -m napkit.render.site.mkdocs_run CONFIG SITE_DIR [--dirty]", file=sys.stderr)
        return 2
    config_file, site_dir, dirty = argv[0], argv[1], len(argv) == 3
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    try:
        config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
