"""Run ```python run blocks at build time: isolated, time-limited, reproducible.

A snippet is the author's own code and runs with the author's rights, but it
must not be able to hang the build, end it, or change what the rest of the
build does (`os.chdir`, a patched builtin). So each one runs in a process of
its own, forked from `snippet_server`: a clean Python that has already
imported numpy and nnpress, so a snippet costs milliseconds instead of a new
interpreter's quarter second. The server starts on the first snippet (or
earlier, via `warm_up`) and lives as long as the build process (or `serve`).

Hashing is seeded (PYTHONHASHSEED=0) and BLAS runs one thread, so printing a
set or a matrix product gives the same bytes on every build.

In the browser nothing of this exists: the page's Python runs a snippet in
its own Web Worker (`nnpress.widgets.runnable.run_snippet`).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a snippet runs: a site without any needs no numpy
    from nnpress.widgets.runnable import Runnable, RunResult

from .errors import SourceError

DEFAULT_TIMEOUT = 10.0  # seconds a block may run at build time
MAX_TIMEOUT = 600.0  # the most site.yml or a block may allow
SECONDS = re.compile(r"\d+(\.\d+)?")


def timeout_option(value: str, line: int) -> float | None:
    """`timeout=N` after a fence's kind (`run`, `live`): N seconds, checked; None when N
    is not a number at all (the caller's "unknown option" then says what is known)."""
    if not SECONDS.fullmatch(value):
        return None
    if not 0 < float(value) <= MAX_TIMEOUT:
        raise SourceError(line, f"timeout={value}: at most {MAX_TIMEOUT:g} s")
    return float(value)
START_TIMEOUT = 120.0  # seconds for the server to import numpy on a slow, busy machine
REPLY_MARGIN = 15.0  # beyond a snippet's limit, before the server itself counts as stuck
SNIPPET_BLOCK = re.compile(
    r"^\s*(?:`{3,}|~{3,})\s*(?:(?:python3?|py)\s+(?:run|live)|widget\s+runnable)\b", re.M)


@dataclass(frozen=True)
class SnippetLimits:
    timeout: float = DEFAULT_TIMEOUT  # site.yml `snippet_timeout:`; a block's `timeout=N`


class SnippetFailure(Exception):
    """The snippet did not finish: timed out, exited, was interrupted or killed."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line  # in the snippet, from 1, when known


def server_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1")
    return env


class SnippetServer:
    """One `snippet_server` process, spoken to one JSON line at a time."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.ready = False

    def start(self) -> None:
        """Start the server if it is not running; returns at once (it imports meanwhile)."""
        if self.proc is not None and self.proc.poll() is None:
            return
        self.proc = subprocess.Popen(
            [sys.executable, "-P", "-m", "sitegen.snippet_server"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=server_environment(),
            start_new_session=True)  # Ctrl+C reaches the builder, which then stops us
        self.ready = False

    def run(self, code: str, timeout: float) -> RunResult:
        from nnpress.widgets.runnable import RunResult

        return RunResult(**self.ask({"code": code}, timeout)["result"])

    def ask(self, request: dict, timeout: float) -> dict:
        """Send one request (see snippet_server); its reply, or SnippetFailure."""
        self.start()
        if not self.ready:
            self._reply(START_TIMEOUT, "start")
            self.ready = True
        request = json.dumps({**request, "timeout": timeout}) + "\n"
        try:
            self.proc.stdin.write(request.encode())  # type: ignore[union-attr]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except OSError:
            self._lost("stopped")
        reply = self._reply(timeout + REPLY_MARGIN, "answer")
        if "failure" in reply:
            raise SnippetFailure(reply["failure"], reply.get("line"))
        return reply

    def _reply(self, wait: float, doing: str) -> dict:
        """The next line from the server, as JSON; SnippetFailure if it dies or hangs."""
        fd = self.proc.stdout.fileno()  # type: ignore[union-attr]
        data, deadline = b"", time.monotonic() + wait
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self._lost(f"did not {doing} within {wait:g} s")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                self._lost("stopped")
            data += chunk
        return json.loads(data)

    def _lost(self, what: str) -> None:
        """The server is gone or stuck (a snippet may have killed it): stop it, say so."""
        detail = ""
        if self.proc is not None:
            self._kill()
            errors = self.proc.stderr.read().decode(errors="replace").strip()  # type: ignore
            detail = f": {errors.splitlines()[-1][:200]}" if errors else ""
        self.proc, self.ready = None, False
        raise SnippetFailure(f"could not finish: the process that runs snippets {what}{detail}")

    def _kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # type: ignore[union-attr]
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()  # type: ignore[union-attr]

    def close(self) -> None:
        if self.proc is None:
            return
        self.proc.stdin.close()  # type: ignore[union-attr]  # the server exits on EOF
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._kill()
        self.proc.stdout.close()  # type: ignore[union-attr]
        self.proc.stderr.close()  # type: ignore[union-attr]
        self.proc = None

    def forget(self) -> None:
        """In a forked worker: drop the parent's server without stopping it."""
        if self.proc is not None:
            for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                pipe.close()  # type: ignore[union-attr]
            self.proc.returncode = 0  # not ours to wait for
        self.proc, self.ready = None, False


_server = SnippetServer()
os.register_at_fork(after_in_child=_server.forget)  # a forked worker starts its own
atexit.register(_server.close)


def warm_up(bodies: list[str]) -> None:
    """Start the server now if any of these page bodies has a snippet to run."""
    if any(SNIPPET_BLOCK.search(body) for body in bodies):
        _server.start()


def run_isolated(code: str, timeout: float) -> RunResult:
    """`run_snippet(code)` in a fresh process; SnippetFailure if it does not finish."""
    return _server.run(code, timeout)


def call_isolated(function: str, args: dict, timeout: float):
    """`module:function(**args)` in a fresh process, as a snippet runs; its JSON value."""
    return _server.ask({"call": function, "args": args}, timeout)["value"]


def prerun(widget: Runnable, timeout: float, what: str, fence_line: int, code_line: int) -> None:
    """Give a runnable figure its build-time output, run in isolation.

    A snippet that does not finish is a SourceError at the snippet line that was
    running (`code_line` is the file line just before the snippet's first line),
    else at the fence; `what` starts the message ("python run block").
    """
    try:
        widget.result = run_isolated(widget.code, timeout)
    except SnippetFailure as exc:
        line = code_line + exc.line if exc.line else fence_line
        hint = ""
        if exc.message.startswith("timed out"):
            hint = ("; allow more with `timeout=N` after `run`, or `snippet_timeout: N` "
                    "in site.yml")
        raise SourceError(line, f"{what}: the code {exc.message}{hint}") from None
