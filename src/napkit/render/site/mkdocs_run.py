"""`python -m napkit.render.site.mkdocs_run CONFIG SITE_DIR [--dirty] [--engine NAME]`: one
`mkdocs build --strict` (or the same build by another engine, see engines.py), in a process of its
own (so that languages build side by side).

With --dirty MkDocs renders only the pages whose source is newer than their output (napkit's
incremental build decides which, see incremental.py). MkDocs then warns that a dirty build "will
likely lead to inaccurate navigation": true for its own use, where the nav may have changed, but
napkit builds dirty only when the nav and every setting are unchanged. That one warning is dropped
so that strict mode still fails on every other."""

from __future__ import annotations

import logging
import os
import sys

from .engines import ENGINES

# set in the environment: build without the plugin's shortcuts (the test that they change no byte)
SPEEDUPS_OFF = "NAPKIT_MKDOCS_SPEEDUPS_OFF"
DIRTY_WARNING = "A 'dirty' build is being performed"


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def main(argv: list[str]) -> int:
    args = list(argv)
    name = "mkdocs"
    if "--engine" in args:
        at = args.index("--engine")
        name = args[at + 1] if at + 1 < len(args) else ""
        del args[at:at + 2]
    if len(args) not in (2, 3) or (len(args) == 3 and args[2] != "--dirty") or name not in ENGINES:
        print("usage: python -m napkit.render.site.mkdocs_run CONFIG SITE_DIR [--dirty] [--engine "
              + "|".join(ENGINES) + "]", file=sys.stderr)
        return 2
    config_file, site_dir, dirty = args[0], args[1], len(args) == 3
    build, load_config, EngineError, logger_name = ENGINES[name].api()

    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logging.getLogger(logger_name).addHandler(handler)
    logging.getLogger(logger_name).setLevel(logging.INFO)
    logging.getLogger(f"{logger_name}.commands.build").addFilter(_DropDirtyWarning())
    try:
        config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
        from .mkdocs_plugin import NapkitPlugin

        config.plugins["napkit"] = NapkitPlugin(speedups=SPEEDUPS_OFF not in os.environ)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except EngineError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
