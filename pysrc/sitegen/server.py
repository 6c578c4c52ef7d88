"""A small static file server for previews and tests.

Serves a build folder under any URL prefix (GitHub Pages serves project sites
under `/<repo>/`), with the MIME types Pyodide needs. As the dev server
(`build.py serve`, given a `Reloads`) it also adds live reload to every HTML
page, without writing anything into build/: a `<script src>` tag before
`</head>` that loads `client/dev/livereload.js`, which listens on
/__livereload for build events (`reload`, or `error` with the message) and
shows a failed build's error over the page until the next good build.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from . import project_files

EVENTS_URL = "/__livereload"
DEV_FILES = {  # served by the dev server only, from client/dev/
    "/__nnpress/livereload.js": ("livereload.js", "text/javascript; charset=utf-8"),
    "/__nnpress/livereload.css": ("livereload.css", "text/css; charset=utf-8"),
}
DEV_CLIENT = project_files.project_dir("client") / "dev"
# The meta tells the page not to save the site for offline reading (offline.js).
LIVERELOAD_TAG = (b'<meta name="nnpress-preview" content="live-reload">'
                  b'<script src="/__nnpress/livereload.js" defer></script>')
# The preview answers for sw.js with a worker that removes itself and its caches:
# a service worker saved by an earlier visit to this address (a `make site` build
# served here) would otherwise keep serving old pages and hide live reloads.
SERVICE_WORKER_REMOVER = b"""self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) await caches.delete(key);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
"""
HEAD_END = re.compile(rb"</head\s*>", re.I)
KEEP_ALIVE = 15  # seconds between comments on an idle event stream
NO_SITE_YET = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title>%s</head>
<body><p>No site has been built yet: the build failed. Fix the error and save.</p></body></html>
"""


class Reloads:
    """The dev server's build state: a generation that moves on every build, and
    the error of the last one if it failed. Each open page waits on it."""

    def __init__(self) -> None:
        self.generation = 0
        self.error: str | None = None  # `path:line: error: ...` while the last build failed
        self.changed = threading.Condition()
        # Pages answered ahead of the build under way (preview.py), by site path; and
        # whether one has been asked for since it was put there.
        self.previews: dict[str, bytes] = {}
        self.preview_served = threading.Event()

    def bump(self) -> None:
        """A build succeeded: pages reload, any error shown goes away."""
        self._set(None)

    def fail(self, message: str) -> None:
        """A build failed: pages show `message` over what they show now."""
        self._set(message)

    def preview(self, relative: str, data: bytes) -> None:
        """Answer for the page at site path `relative` with `data` until the build under
        way is written, and have open pages reload."""
        self.preview_served.clear()
        self.previews = {relative: data}
        self._set(self.error)

    def end_previews(self) -> None:
        """The build is written (or failed): answer from the build folder again."""
        self.previews = {}

    def _set(self, error: str | None) -> None:
        with self.changed:
            self.generation += 1
            self.error = error
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> tuple[int, str | None]:
        """(generation, error) once the generation is not `seen`, or after `timeout`."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != seen, timeout=timeout)
            return self.generation, self.error


def sse_event(name: str, data: str) -> bytes:
    """One Server-Sent Event; each line of `data` gets its own `data:` field."""
    lines = "".join(f"data: {line}\n" for line in data.split("\n"))
    return f"event: {name}\n{lines}\n".encode()


def with_livereload(html: bytes) -> bytes:
    """The page with the live-reload script tag just before `</head>`."""
    if m := HEAD_END.search(html):
        return html[: m.start()] + LIVERELOAD_TAG + html[m.start() :]
    return LIVERELOAD_TAG + html


class Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    reloads: Reloads | None = None
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/zip",
        ".json": "application/json",
        ".xml": "application/xml",
    }

    def log_message(self, format: str, *args) -> None:  # quiet, tests read stderr
        pass

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def do_GET(self) -> None:
        if self.reloads:
            path = urlsplit(self.path).path
            if path == EVENTS_URL:
                return self.stream_events()
            if path in DEV_FILES:
                name, kind = DEV_FILES[path]
                return self.send_bytes((DEV_CLIENT / name).read_bytes(), kind)
            if path == self.prefix + "sw.js":
                return self.send_bytes(SERVICE_WORKER_REMOVER, "text/javascript")
            if self._is_html():
                return self.send_html_with_reload()
        return super().do_GET()

    def _is_html(self) -> bool:
        local = Path(self.translate_path(self.path))
        return local.suffix == ".html" or local.is_dir() or urlsplit(self.path).path.endswith("/")

    def send_html_with_reload(self) -> None:
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # let the base class redirect to the slash
            local = local / "index.html"
        preview = self.reloads.previews.get(self._site_path(local)) if self.reloads else None
        if preview is not None:
            self.reloads.preview_served.set()  # asked for: the build may go on
            self.send_bytes(with_livereload(preview), "text/html; charset=utf-8")
            return
        if not local.is_file():
            if self.reloads and self.reloads.error is not None:  # nothing built yet, say
                return self.send_bytes(NO_SITE_YET % LIVERELOAD_TAG, "text/html; charset=utf-8")
            return super().do_GET()
        self.send_bytes(with_livereload(local.read_bytes()), "text/html; charset=utf-8")

    def _site_path(self, local: Path) -> str:
        try:
            return local.relative_to(self.directory).as_posix()
        except ValueError:
            return ""

    def send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def stream_events(self) -> None:
        """`reload` after each good build, `error` after a failed one (and at once,
        to a page that connects while the last build stands failed)."""
        reloads = self.reloads
        assert reloads is not None
        with reloads.changed:  # before the headers: a page that has them sees what follows
            seen, error = reloads.generation, reloads.error
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            if error is not None:
                self.wfile.write(sse_event("error", error))
                self.wfile.flush()
            while True:
                generation, error = reloads.wait(seen, KEEP_ALIVE)
                if generation == seen:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    seen = generation
                    event = sse_event("reload", str(generation)) if error is None else sse_event(
                        "error", error)
                    self.wfile.write(event)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


class QuietServer(ThreadingHTTPServer):
    """A browser that leaves a page mid-download closes its connection: not an error
    worth a traceback in the author's terminal."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 8000, prefix: str = "/",
    reloads: Reloads | None = None,
) -> ThreadingHTTPServer:
    """A server for `root` at http://host:port{prefix}; port 0 picks a free one."""
    handler = type("BoundHandler", (Handler,), {"prefix": prefix, "reloads": reloads})
    server = QuietServer((host, port), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    return server
