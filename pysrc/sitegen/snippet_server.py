"""The process that runs ```python run blocks at build time, one fork per snippet.

Started by `snippet_runner.SnippetServer` as `python -P -m sitegen.snippet_server`.
It imports numpy and `nnpress` once, then reads one JSON request per line on
stdin and answers one JSON line on stdout:

    {"code": "print(1)", "timeout": 10}
    -> {"result": {"output": "1\\n", "error": "", ...}}            it ran (or raised)
    -> {"failure": "timed out after 10 s", "line": 3}             it did not finish
    -> {"failure": "exited with code 3 before it finished"}

Each snippet runs in a child forked from this clean process: fresh module
state every time, its own session (so the whole process group can be killed),
its own empty working directory, stdin/stdout/stderr on /dev/null (what it
prints is captured by `run_snippet`), a cap on its address space, and a
deadline after which it is killed. This server never runs author code itself.
"""

from __future__ import annotations

import builtins
import faulthandler
import importlib
import json
import os
import re
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback

GRACE = 0.5  # seconds after the deadline, for faulthandler to say where the snippet was
MEMORY = 2 << 30  # bytes of address space a snippet may add to this process's
RESULT_LIMIT = 1 << 20  # bytes of JSON result accepted from a child
TEXT_LIMIT = 20_000  # characters kept of a result's error and message
SNIPPET_FRAME = re.compile(r'File "<snippet>", line (\d+)')


def _child(request: dict, workdir: str, trace_path: str, result_fd: int, timeout: float) -> None:
    """In the forked child: run the snippet, write its result, never return."""
    status = 70
    try:
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.chdir(workdir)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _limit_memory()
        with open(trace_path, "w") as trace:
            faulthandler.dump_traceback_later(timeout, file=trace)
            reply = _run(request)
        data = json.dumps(reply).encode()
        data = f"{len(data)}\n".encode() + data
        while data:
            data = data[os.write(result_fd, data):]
        status = 0
    finally:
        os._exit(status)


def _run(request: dict) -> dict:
    """A snippet ({"code"}), or a build function that runs author code ({"call", "args"})."""
    from nnpress.widgets.runnable import run_snippet

    namespace = vars(builtins)
    saved = dict(namespace)  # a snippet may break print or len; reporting needs them
    try:
        if "call" in request:  # "module:function", e.g. the live cells' prerender
            module, _, function = request["call"].partition(":")
            return {"value": getattr(importlib.import_module(module), function)(
                **request["args"])}
        result = run_snippet(request["code"])
    except BaseException as exc:  # KeyboardInterrupt and friends: not an ordinary error
        lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__)
                 if f.filename == "<snippet>"]
        name = type(exc).__name__
        failure = (f"was interrupted ({name})" if isinstance(exc, KeyboardInterrupt)
                   else f"raised {name}, which stops a program")
        return {"failure": failure, "line": lines[-1] if lines else None}
    finally:
        namespace.clear()
        namespace.update(saved)
    fields = vars(result)
    for key in ("error", "message"):
        fields[key] = fields[key][:TEXT_LIMIT]
    return {"result": fields}


def _limit_memory() -> None:
    try:
        with open("/proc/self/statm") as f:
            in_use = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: no cap
        return
    resource.setrlimit(resource.RLIMIT_AS, (in_use + MEMORY, in_use + MEMORY))


def _kill_group(pid: int) -> None:
    """The snippet and anything it started (its session is its process group)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class _Child:
    """A forked snippet, seen from this server: its result pipe and its exit."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd
        self.status: int | None = None  # the wait status, once reaped

    def reap(self, block: bool) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def read_result(self, deadline: float) -> tuple[bytes | None, bool]:
        """The child's length-prefixed result (None if it sent none) and whether the
        deadline passed. Exits this server if its stdin closes (the builder is gone)."""
        data = b""
        while True:
            if (m := re.match(rb"(\d+)\n", data)) and len(data) - m.end() >= int(m[1]):
                return data[m.end() : m.end() + int(m[1])], False
            left = deadline - time.monotonic()
            if left <= 0:
                return None, True
            ready, _, _ = select.select([self.fd, 0], [], [], min(left, 0.1))
            if 0 in ready:
                _kill_group(self.pid)
                sys.exit(0)
            if self.fd in ready:
                chunk = os.read(self.fd, 65536)
                if not chunk or len(data) > RESULT_LIMIT:
                    return None, False
                data += chunk
            elif self.reap(block=False):  # it exited; a grandchild may hold the pipe open
                return None, False

    def failure(self) -> str:
        status = self.status
        if status is not None and os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            name = signal.Signals(sig).name if sig in signal.valid_signals() else str(sig)
            return f"was killed by signal {name} before it finished"
        code = os.waitstatus_to_exitcode(status) if status is not None else "unknown"
        return f"exited with code {code} before it finished"


def serve_one(request: dict) -> dict:
    timeout = float(request["timeout"])
    tmp = tempfile.mkdtemp(prefix="nnpress-snippet-")
    try:
        workdir, trace_path = os.path.join(tmp, "cwd"), os.path.join(tmp, "trace")
        os.mkdir(workdir)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _child(request, workdir, trace_path, write_end, timeout)
        os.close(write_end)
        child = _Child(pid, read_end)
        try:
            data, timed_out = child.read_result(time.monotonic() + timeout + GRACE)
        finally:
            os.close(read_end)
        if timed_out:
            _kill_group(pid)
        child.reap(block=True)
        _kill_group(pid)  # anything the snippet started and left running
        if timed_out:
            with open(trace_path, errors="replace") as f:
                where = SNIPPET_FRAME.findall(f.read())
            return {"failure": f"timed out after {timeout:g} s",
                    "line": int(where[0]) if where else None}
        if data is None:
            return {"failure": child.failure()}
        return json.loads(data)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the builder decides when we stop
    import nnpress.widgets  # noqa: F401  (import once, share with every fork)

    out = sys.stdout
    out.write('{"ready": true}\n')
    out.flush()
    while line := sys.stdin.readline():
        out.write(json.dumps(serve_one(json.loads(line))) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
