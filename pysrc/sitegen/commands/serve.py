"""`build.py serve`: build, serve at http://127.0.0.1:8000/, rebuild on change.

Edits to content/, templates/, client/ or pysrc/ trigger a rebuild; open pages
reload themselves. An edit to one post's body is shown first, ahead of the build
(preview.py). A failed build never stops the server: its error is printed
here and shown over the open pages (with its file and line) while the last good
site is still served; the next good build clears it. A snippet that hangs is
stopped by its time limit like any build's.
"""

from __future__ import annotations

import errno
import sys
import threading
from pathlib import Path

import watchfiles

from ..config import BuildConfig
from ..errors import BuildError, describe_unexpected
from ..out_folder import check_out_folder
from ..preview import PreviewContext
from ..server import Reloads, make_server
from .build import build

PREVIEW_FETCH_WAIT = 0.25  # s the build waits for open pages to fetch a preview
# ms to wait for more changes once one is seen (watchfiles' default is 50): an editor's
# save (a write, or a write and a rename) lands within one or two, and every millisecond
# here is added to the time an edit takes to reach the open page. A save split in two
# costs a second build, nothing worse.
WATCH_STEP = 3


def rebuild(config: BuildConfig, reloads: Reloads) -> PreviewContext | None:
    """One build; whatever goes wrong is reported, never raised. Returns what the next
    edit's preview needs (None after a failed build)."""
    try:
        report = build(config, quick=False)  # its page records make the next preview
    except BuildError as exc:
        message = str(exc)
    except Exception as exc:  # a bug of ours: keep serving the last good site
        message = f"error: {describe_unexpected(exc)} (a bug in nnpress)"
    else:
        print(f"built {report.pages} pages in {report.seconds:.2f} s "
              f"({report.files_changed} files changed)", flush=True)
        reloads.end_previews()
        reloads.bump()
        return report.preview
    print(message, flush=True)
    print("build failed; still serving the last good site", flush=True)
    reloads.end_previews()
    reloads.fail(message)
    return None


def preview_edit(context: PreviewContext | None, changes: set, reloads: Reloads) -> None:
    """If the change is one post's edit, show its page before the build (preview.py)."""
    if context is None or len(changes) != 1:
        return
    (kind, path), = changes
    if kind != watchfiles.Change.modified or not path.endswith(".md"):
        return
    page = context.page(Path(path))
    if page is not None:
        reloads.preview(*page)
        # The open page asks for it at once; building meanwhile would slow the answer.
        reloads.preview_served.wait(PREVIEW_FETCH_WAIT)


def serve(config: BuildConfig, host: str = "127.0.0.1", port: int = 8000) -> int:
    if not config.content_dir.is_dir():
        raise BuildError(config.content_dir, None, "content folder not found")
    check_out_folder(config.content_dir, config.out_dir)  # a mistake here is not an edit
    reloads = Reloads()
    try:
        server = make_server(config.out_dir, host, port, config.base_url, reloads)
    except OSError as exc:
        why = f"port {port} is in use" if exc.errno == errno.EADDRINUSE else exc.strerror
        print(f"{host}:{port}: error: cannot serve there: {why}; choose another with --port",
              file=sys.stderr)
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = rebuild(config, reloads)
    print(f"serving {config.out_dir}/ at http://{host}:{server.server_address[1]}"
          f"{config.base_url} (Ctrl+C stops)", flush=True)
    watched = [config.content_dir, config.templates_dir, config.client_dir,
               config.browser_package.parent]
    try:
        for changes in watchfiles.watch(*[p for p in watched if p.exists()], step=WATCH_STEP):
            names = sorted({path for _, path in changes})
            print(f"changed: {', '.join(names[:3])}{' ...' if len(names) > 3 else ''}",
                  flush=True)
            preview_edit(context, changes, reloads)
            context = rebuild(config, reloads)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
