"""KaTeX under Node: one long-lived process per build process (or test session).

Starting Node and loading KaTeX costs a fifth of a second, so the process is started on
the first page with maths whose answers are not known already (katex_answers.py) and
kept; each page sends the expressions it needs as one batch. A forked worker process
starts its own; all are closed when Python exits.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

from ..math_assets import katex_dir

# One request per line, [[tex, display], ...]; one answer per line, in the same order.
KATEX_SERVER = r"""
const katex = require(process.argv[1]);
const lines = require("readline").createInterface({input: process.stdin, crlfDelay: Infinity});
lines.on("line", (line) => {
  const answers = JSON.parse(line).map(([tex, display]) => {
    const warnings = [];
    const strict = (code, message) => { warnings.push(message); return "ignore"; };
    try {
      const options = {displayMode: display, throwOnError: true, output: "htmlAndMathml", strict};
      return {html: katex.renderToString(tex, options), warnings};
    } catch (e) {
      const parse = e instanceof katex.ParseError;
      return {error: parse ? e.rawMessage : String(e), position: parse ? e.position : null};
    }
  });
  process.stdout.write(JSON.stringify(answers) + "\n");
});
"""


class TypesetError(Exception):
    """KaTeX could not be run at all (no Node, no katex, a crash)."""


class KatexProcess:
    """A `node` running KaTeX for the whole build (or test session); each page is one batch."""

    def __init__(self, node: str, katex: Path):
        exe = shutil.which(node)
        if exe is None:
            raise TypesetError(f"'{node}' not found: maths is typeset at build time by Node.js")
        self.proc = subprocess.Popen(
            [exe, "-e", KATEX_SERVER, str(katex)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lock = threading.Lock()

    def render(self, batch: list[tuple[str, bool]]) -> list[dict]:
        """Answers in order: {"html", "warnings"} or {"error", "position"}."""
        assert self.proc.stdin and self.proc.stdout and self.proc.stderr
        with self.lock:
            try:
                self.proc.stdin.write(json.dumps(batch) + "\n")
                self.proc.stdin.flush()
                answer = self.proc.stdout.readline()
            except OSError:  # a broken pipe: the process is gone
                answer = ""
            if not answer:
                self.proc.kill()
                raise TypesetError(f"KaTeX under Node stopped: {self.proc.stderr.read()[-800:]}")
        return json.loads(answer)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()  # type: ignore[union-attr]
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


_processes: dict[tuple[str, Path], KatexProcess] = {}
os.register_at_fork(after_in_child=_processes.clear)  # a forked worker starts its own


def katex_process(node: str, node_modules: Path) -> KatexProcess:
    """The shared Node process for (node, node_modules); started on first use."""
    key = (node, Path(node_modules).resolve())
    proc = _processes.get(key)
    if proc is None or proc.proc.poll() is not None:
        proc = _processes[key] = KatexProcess(node, katex_dir(node_modules))
    return proc


@atexit.register
def close_katex_processes() -> None:
    while _processes:
        _processes.popitem()[1].close()
