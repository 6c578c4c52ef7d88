"""nnpress command line: build, serve or start a new post.

    python build.py build [--content DIR] [--out DIR] [--base-url /sub/path/]
    python build.py serve [--port 8000]
    python build.py new "Title"
    python build.py check [--out DIR] [--base-url /sub/path/]

The same as `python -m sitegen ...` or `nnpress ...` once the package is installed.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import sys
from pathlib import Path

from .config import BuildConfig
from .errors import BuildError, describe_unexpected


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    finally:
        # The command is done and the process about to end: Python need not look through
        # everything it made for cycles on the way out (a third of a quick rebuild's exit
        # time). Nothing is lost: files are closed, and the memory goes back all at once.
        gc.freeze()


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n")[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    for name, help_ in (("build", "build the site"), ("serve", "preview with live reload")):
        p = verbs.add_parser(name, help=help_)
        p.add_argument("--content", type=Path, default=Path("content"), help="default: content/")
        p.add_argument("--out", type=Path, default=Path("build"), help="default: build/")
        p.add_argument("--base-url", default="/", help="sub-path the site is served from")
        p.add_argument("--drafts", action="store_true", help="include draft posts")
    verbs.choices["serve"].add_argument("--port", type=int, default=8000)
    verbs.choices["serve"].add_argument("--host", default="127.0.0.1")
    p_new = verbs.add_parser("new", help="start a new post in content/")
    p_new.add_argument("title")
    p_new.add_argument("--content", type=Path, default=Path("content"))
    p_check = verbs.add_parser("check", help="check the links of a built site")
    p_check.add_argument("--out", type=Path, default=Path("build"), help="default: build/")
    p_check.add_argument("--base-url", help="what 404.html's absolute links start with")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    # Only the command asked for is imported (serve's file watcher, say, is not a build's).
    command = importlib.import_module(f".commands.{args.verb}", __package__)
    try:
        if args.verb == "check":
            return command.main(args.out, args.base_url)
        if args.verb == "new":
            path = command.new_post(args.content, args.title)
            print(f"created {path}")
            return 0
        config = BuildConfig(args.content, args.out, args.base_url, drafts=args.drafts)
        if args.verb == "build":
            report = command.build(config)
            how = ""
            if report.quick:  # quick_rebuild.py
                how = (f"; {report.converted} edited post{'s' * (report.converted != 1)} "
                       "remade alone") if report.converted else "; nothing to do"
            print(f"built {report.pages} pages ({report.widgets} live figures) "
                  f"into {config.out_dir}/ in {report.seconds:.2f} s "
                  f"({report.files_changed} files changed{how})")
            return 0
        return command.serve(config, args.host, args.port)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print("build failed; the previous output was left as it was", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the previous output was left as it was", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: one line, not a traceback
        print(f"error: {describe_unexpected(exc)}", file=sys.stderr)
        print("this is a bug in nnpress; the previous output was left as it was. Please "
              "report it with the input that caused it (NNPRESS_TRACEBACK=1 shows where)",
              file=sys.stderr)
        if os.environ.get("NNPRESS_TRACEBACK"):
            raise
        return 1
