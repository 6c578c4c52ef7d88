"""The dev server: live reload, build errors shown in the page, never dying of a bad edit.

HTTP-level: the event stream is read as a browser's EventSource would; the
overlay itself (client/dev/livereload.js) is exercised in tests/browser/.
"""

from __future__ import annotations

import http.client
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitegen.commands import serve as serve_command
from sitegen.config import BuildConfig
from sitegen.server import LIVERELOAD_TAG, Reloads, make_server, with_livereload

from .conftest import PROJECT

GOOD = "---\ntitle: Edited\ndate: 2024-02-03\n---\n\nFine.\n"
IMPOSSIBLE_DATE = "---\ntitle: Edited\ndate: 2024-02-30\n---\n\nNot fine.\n"
HANGING_SNIPPET = "---\ntitle: Edited\n---\n\n```python run timeout=1\nwhile True: pass\n```\n"


class EventStream:
    """GET /__livereload, parsed into (event, data) pairs on a queue."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.conn.request("GET", "/__livereload")
        self.response = self.conn.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"
        self.events: queue.Queue[tuple[str, str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name, data = "message", []
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
                elif not line and data:
                    self.events.put((name, "\n".join(data)))
                    name, data = "message", []
        except (OSError, ValueError):
            return

    def next(self, timeout: float = 30) -> tuple[str, str]:
        return self.events.get(timeout=timeout)

    def close(self) -> None:
        self.conn.close()


def get(port: int, path: str) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    result = response.status, response.getheader("Content-Type"), response.read()
    conn.close()
    return result


@pytest.fixture
def dev_server(tmp_path):
    """A server with a Reloads, in this process, over a one-page site."""
    (tmp_path / "index.html").write_text("<html><head><title>t</title></head><body>x</body>")
    reloads = Reloads()
    server = make_server(tmp_path, "127.0.0.1", 0, "/", reloads)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], reloads
    server.shutdown()


def test_pages_get_an_external_livereload_script_before_head_end(dev_server):
    port, _ = dev_server
    status, kind, body = get(port, "/")
    assert status == 200 and kind.startswith("text/html")
    assert LIVERELOAD_TAG + b"</head>" in body and b"<script>" not in body
    assert with_livereload(b"<p>no head</p>") == LIVERELOAD_TAG + b"<p>no head</p>"
    status, kind, script = get(port, "/__nnpress/livereload.js")
    assert status == 200 and kind.startswith("text/javascript")
    assert b'new EventSource("/__livereload")' in script and b"window.nnpressReload" in script
    status, kind, css = get(port, "/__nnpress/livereload.css")
    assert status == 200 and kind.startswith("text/css") and b".nnpress-build-error" in css


def test_the_stream_sends_an_error_then_a_reload_and_errors_on_connect(dev_server):
    port, reloads = dev_server
    stream = EventStream(port)
    time.sleep(0.2)  # connected and waiting
    reloads.fail("content/a.md:3: error: bad front matter\n  second line")
    assert stream.next() == ("error", "content/a.md:3: error: bad front matter\n  second line")
    late = EventStream(port)  # a page opened while the last build stands failed
    assert late.next() == ("error", "content/a.md:3: error: bad front matter\n  second line")
    reloads.bump()
    assert stream.next()[0] == "reload" and late.next()[0] == "reload"
    stream.close()
    late.close()


def test_an_unexpected_failure_is_reported_like_any_other(monkeypatch, capsys, tmp_path):
    def broken(config, quick=True):
        raise RuntimeError("something we did not foresee")

    monkeypatch.setattr(serve_command, "build", broken)
    reloads = Reloads()
    serve_command.rebuild(BuildConfig(tmp_path, tmp_path / "out"), reloads)
    assert reloads.error == "error: RuntimeError: something we did not foresee (a bug in nnpress)"
    assert reloads.error in capsys.readouterr().out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve_process(tmp_path):
    """`build.py serve` over a one-post site, with the port it serves on."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(GOOD)
    proc = subprocess.Popen(
        [sys.executable, "-u", str(PROJECT / "build.py"), "serve", "--content", "content",
         "--out", "out", "--port", "0"], cwd=tmp_path, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = lines.get(timeout=60)
        if m := re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/", line):
            break
    yield proc, int(m.group(1)), content, lines
    proc.terminate()
    proc.wait(timeout=30)


def test_a_bad_edit_never_stops_the_server(serve_process):
    proc, port, content, _ = serve_process
    stream = EventStream(port)
    time.sleep(0.5)
    (content / "a.md").write_text(IMPOSSIBLE_DATE)
    event, data = stream.next(timeout=60)
    assert event == "error"
    assert data.startswith("content/a.md:3: error: bad front matter: '2024-02-30' is not a real")
    assert proc.poll() is None
    status, _, page = get(port, "/posts/a/")  # the last good build is still served
    assert status == 200 and b"Fine." in page and LIVERELOAD_TAG in page
    (content / "a.md").write_text(HANGING_SNIPPET)  # its time limit frees the watcher
    event, data = stream.next(timeout=60)
    assert event == "error" and data.startswith("content/a.md:6: error: python run block: "
                                                "the code timed out after 1 s")
    (content / "a.md").write_text(GOOD.replace("Fine.", "Fine again."))
    assert stream.next(timeout=60)[0] == "reload"
    assert b"Fine again." in get(port, "/posts/a/")[2]
    stream.close()


def test_a_port_in_use_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(GOOD)
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = subprocess.run(
            [sys.executable, str(PROJECT / "build.py"), "serve", "--content", "content",
             "--out", "out", "--port", str(port)], cwd=tmp_path, capture_output=True,
            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"127.0.0.1:{port}: error: cannot serve there: port {port} "
                                     "is in use; choose another with --port")
    assert not Path(tmp_path / "out").exists()  # refused before building anything


# ---- previews: an edited post's page ahead of its build --------------------------------

PLAIN = "---\ntitle: Plain\ndate: 2024-02-03\ntags: [words]\n---\n\nWords and $x^2$.\n"
EDITION_LINK = re.compile(rb'<a class="nn-edition".*?</a>', re.S)


def test_a_posts_preview_is_the_page_its_build_writes(tmp_path):
    from sitegen.commands.build import build

    content = tmp_path / "content"
    content.mkdir()
    (content / "plain.md").write_text(PLAIN)
    (content / "other.md").write_text(GOOD)
    config = BuildConfig(content, tmp_path / "out")
    context = build(config).preview
    post = content / "plain.md"
    post.write_text(PLAIN.replace("Words and", "Other words, then"))
    relative, page = context.page(post)
    assert relative == "posts/plain/index.html" and b"Other words, then" in page
    build(config)
    built = (tmp_path / "out" / relative).read_bytes()
    assert EDITION_LINK.sub(b"", built) == EDITION_LINK.sub(b"", page)  # but for its size

    # What other pages show, or what the page's scripts or the site's styles are: the
    # build's, not a preview's. So are errors, and files the last build did not know.
    for edited in (PLAIN.replace("title: Plain", "title: Renamed"),
                   PLAIN.replace("[words]", "[words, more]"),
                   PLAIN + "\n```widget activation\n```\n",
                   PLAIN.replace("$x^2$", r"$\frac{1}{2}$"),  # a new maths layout class
                   PLAIN.replace("date: 2024-02-03", "date: 2024-02-30"),
                   PLAIN + "\n[a broken link](nowhere.md)\n"):
        post.write_text(edited)
        assert context.page(post) is None, edited
    assert context.page(content / "new.md") is None


def test_the_dev_server_answers_with_a_preview_until_the_build_is_written(dev_server):
    port, reloads = dev_server
    stream = EventStream(port)
    time.sleep(0.2)
    reloads.preview("index.html", b"<html><head></head><body>preview</body></html>")
    assert stream.next()[0] == "reload"
    status, _, page = get(port, "/")
    assert status == 200 and b"preview" in page and LIVERELOAD_TAG in page
    assert reloads.preview_served.is_set()
    reloads.end_previews()
    assert get(port, "/")[2].endswith(b"<body>x</body>")
    stream.close()


def test_an_edit_reaches_the_open_page_before_its_build(serve_process):
    proc, port, content, lines = serve_process
    stream = EventStream(port)
    time.sleep(0.5)
    while not lines.empty():
        lines.get()
    (content / "a.md").write_text(GOOD.replace("Fine.", "Fine, and edited."))
    assert stream.next(timeout=60)[0] == "reload"  # the preview
    assert b"Fine, and edited." in get(port, "/posts/a/")[2]
    assert stream.next(timeout=60)[0] == "reload"  # the build, written
    while not lines.get(timeout=60).startswith("built "):
        pass
    assert b"Fine, and edited." in get(port, "/posts/a/")[2]
    stream.close()


def test_a_post_whose_code_runs_at_build_time_gets_no_preview(tmp_path):
    """Its code would run twice (up to its time limit each): once is the build's."""
    from sitegen.commands.build import build

    content = tmp_path / "content"
    content.mkdir()
    code = PLAIN + "\n```python run\nprint(6 * 7)\n```\n"
    (content / "plain.md").write_text(code)
    context = build(BuildConfig(content, tmp_path / "out")).preview
    (content / "plain.md").write_text(code.replace("Words and", "Other words and"))
    assert context.page(content / "plain.md") is None
    (content / "plain.md").write_text(PLAIN)
    assert context.page(content / "plain.md") is None  # and its figures changed
