"""`build.py serve`: build, serve at http://127.0.0.1:8000/, rebuild on change.

Edits to content/, templates/, client/ or pysrc/ trigger a rebuild; open pages
reload themselves. A failed rebuild prints its error and keeps serving the
last good site.
"""

from __future__ import annotations

import threading

import watchfiles

from ..config import BuildConfig
from ..errors import BuildError
from ..server import Reloads, make_server
from .build import build


def serve(config: BuildConfig, host: str = "127.0.0.1", port: int = 8000) -> int:
    report = build(config)
    print(f"built {report.pages} pages in {report.seconds:.2f} s")
    reloads = Reloads()
    server = make_server(config.out_dir, host, port, config.base_url, reloads)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving {config.out_dir}/ at http://{host}:{port}{config.base_url} (Ctrl+C stops)")
    watched = [config.content_dir, config.templates_dir, config.client_dir,
               config.browser_package.parent]
    try:
        for changes in watchfiles.watch(*[p for p in watched if p.exists()]):
            names = sorted({path for _, path in changes})
            print(f"changed: {', '.join(names[:3])}{' ...' if len(names) > 3 else ''}")
            try:
                report = build(config)
            except BuildError as exc:
                print(exc)
                continue
            print(f"rebuilt in {report.seconds:.2f} s")
            reloads.bump()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
