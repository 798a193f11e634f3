"""Build several mkdocs configurations (docs chunks, generator/build.py) in one process.

A small rebuild changes a few chunks (the act's, its amending act's, the site pages'), each
in both languages: started one process each, most of their time would be the interpreter,
mkdocs and the theme starting up. Run as ``python -m generator.mkdocs_chunks CFG…``: each
configuration is built in turn with ``--dirty`` (as ``mkdocs build --quiet --dirty
--config-file CFG``); the first failure stops it with its message on stderr.
"""

from __future__ import annotations

import logging
import sys


def build_all(config_files: list[str]) -> None:
    """Build each configuration file in turn (dirty: only pages newer than their output).

    >>> build_all([])  # nothing to build
    """
    from mkdocs import config
    from mkdocs.commands import build

    for cfg_file in config_files:
        cfg = config.load_config(config_file=cfg_file)
        cfg.plugins.on_startup(command="build", dirty=True)
        try:
            build.build(cfg, dirty=True)
        finally:
            cfg.plugins.on_shutdown()


def main(argv: list[str]) -> int:
    """Entry point: build every configuration named; exit 1 with the error on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.ERROR)  # as mkdocs --quiet
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    log.setLevel(logging.ERROR)
    try:
        build_all(argv)
    except Exception as e:  # mkdocs' own errors (config, theme, a page): one message
        print(f"mkdocs failed: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
