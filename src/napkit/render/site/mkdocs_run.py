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

from .engines import ENGINES, SPEEDUPS_OFF

DIRTY_WARNING = "A 'dirty' build is being performed"


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def _logging(logger_name: str, stream) -> None:
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logging.getLogger(logger_name).addHandler(handler)
    logging.getLogger(logger_name).setLevel(logging.INFO)
    logging.getLogger(f"{logger_name}.commands.build").addFilter(_DropDirtyWarning())


def build_once(api, config_file: str, site_dir: str, dirty: bool) -> int:
    """One strict build; 0 when it passed, 1 when the engine refused it (its words are logged)."""
    build, load_config, EngineError, _logger_name = api
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
        logging.getLogger(_logger_name).error(str(exc))
        return 1
    return 0


# `--worker`: builds on request, one JSON line each on stdin ({"config", "site", "dirty", "epoch"}),
# answered by one line on stdout starting with RESULT (see warm.py). The engine, the theme and
# the plugins stay imported between builds: `nap serve` pays for them once.
RESULT = "\x00napkit-result "


def worker(name: str) -> int:
    import io
    import json

    api = ENGINES[name].api()
    log = io.StringIO()
    _logging(api[3], log)
    out = sys.stdout
    sys.stdout = sys.stderr  # what a plugin prints must not break the answers
    for line in sys.stdin:
        request = json.loads(line)
        os.environ["SOURCE_DATE_EPOCH"] = str(request["epoch"])
        log.seek(0)
        log.truncate()
        code = build_once(api, request["config"], request["site"], request["dirty"])
        out.write(RESULT + json.dumps({"code": code, "output": log.getvalue()}) + "\n")
        out.flush()
    return 0


def main(argv: list[str]) -> int:
    args = list(argv)
    name = "mkdocs"
    if "--engine" in args:
        at = args.index("--engine")
        name = args[at + 1] if at + 1 < len(args) else ""
        del args[at:at + 2]
    if args == ["--worker"] and name in ENGINES:
        return worker(name)
    if len(args) not in (2, 3) or (len(args) == 3 and args[2] != "--dirty") or name not in ENGINES:
        print("usage: python -m napkit.render.site.mkdocs_run CONFIG SITE_DIR [--dirty] [--engine "
              + "|".join(ENGINES) + "]\n       python -m napkit.render.site.mkdocs_run --worker [--engine NAME]",
              file=sys.stderr)
        return 2
    api = ENGINES[name].api()
    _logging(api[3], sys.stderr)
    return build_once(api, args[0], args[1], dirty=len(args) == 3)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
