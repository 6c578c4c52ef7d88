"""The one Chromium setup of the browser tests (tests/browser/) and the benchmarks (bench/):
which Chromium, the flags that keep it off the network and working as root in a container,
and the sub-path a built site is served under (as GitHub Pages serves project sites)."""

from __future__ import annotations

import os
import threading

from sitegen.server import make_server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's, unless $CHROMIUM
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PREFIX = "/my-repo/"
READY = "() => document.documentElement.dataset.nnpress === 'ready'"  # Python is ready


def serve(root):
    """Serve the built site `root` under PREFIX on a free port: (server, its URL)."""
    server = make_server(root, "127.0.0.1", 0, PREFIX)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
