"""A small static file server for previews and tests.

Serves a build folder under any URL prefix (GitHub Pages serves project sites
under `/<repo>/`), with the MIME types Pyodide needs. The preview adds a
live-reload hook to HTML responses instead of writing it into build/.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# Injected into each HTML page the preview serves (an external script: pages
# forbid inline ones). The meta tells the page not to save the site offline.
LIVERELOAD_TAGS = (b'<meta name="nnpress-preview" content="live-reload">'
                   b'<script defer src="/__livereload.js"></script>')
LIVERELOAD_SCRIPT = b"""if (!window.nnpressLiveReload) {
  window.nnpressLiveReload = new EventSource("/__livereload");
  window.nnpressLiveReload.onmessage = () =>
    window.nnpressReload ? window.nnpressReload() : location.reload();
}
"""


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


class Reloads:
    """Counts rebuilds; each open page waits on it and reloads when it moves."""

    def __init__(self) -> None:
        self.generation = 0
        self.changed = threading.Condition()

    def bump(self) -> None:
        with self.changed:
            self.generation += 1
            self.changed.notify_all()


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
        if self.reloads and self.path == "/__livereload":
            return self.stream_reloads()
        if self.reloads and self.path == "/__livereload.js":
            return self.send_bytes(LIVERELOAD_SCRIPT, "text/javascript")
        if self.reloads and urlsplit(self.path).path == self.prefix + "sw.js":
            return self.send_bytes(SERVICE_WORKER_REMOVER, "text/javascript")
        if self.reloads and self._is_html():
            return self.send_html_with_reload()
        return super().do_GET()

    def _is_html(self) -> bool:
        local = Path(self.translate_path(self.path))
        return local.suffix == ".html" or (local / "index.html").is_file()

    def send_html_with_reload(self) -> None:
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # let the base class redirect to the slash
            local = local / "index.html"
        if not local.is_file():
            return super().do_GET()
        body = local.read_bytes().replace(b"</head>", LIVERELOAD_TAGS + b"</head>", 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def stream_reloads(self) -> None:
        reloads = self.reloads
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = reloads.generation
        try:
            while True:
                with reloads.changed:
                    reloads.changed.wait(timeout=15)
                if reloads.generation != seen:
                    seen = reloads.generation
                    self.wfile.write(b"data: reload\n\n")
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def make_server(
    root: Path, host: str = "127.0.0.1", port: int = 8000, prefix: str = "/",
    reloads: Reloads | None = None,
) -> ThreadingHTTPServer:
    """A server for `root` at http://host:port{prefix}; port 0 picks a free one."""
    handler = type("BoundHandler", (Handler,), {"prefix": prefix, "reloads": reloads})
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    return server
