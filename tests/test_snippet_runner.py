"""Build-time snippets run isolated: same output as in the page's Python, same bytes on
every build, and an abnormal end reported at the line that was running."""

from __future__ import annotations

import pytest
from nnpress.widgets.runnable import run_snippet

from sitegen import snippet_runner
from sitegen.snippet_runner import SnippetFailure, run_isolated

SNIPPETS = [
    "print(2 ** 10)",
    "import numpy as np\nprint(np.arange(6).reshape(2, 3) @ np.ones(3))",
    "import random\nprint(random.random())",  # seeded per run, as in the page
    "def f(x):\n    return 1 / x\nf(0)",
    "print(input())",
]


@pytest.mark.parametrize("code", SNIPPETS)
def test_isolated_runs_give_what_an_in_process_run_gives(code):
    assert run_isolated(code, 10) == run_snippet(code)


def test_warnings_are_printed_as_python_prints_them():
    code = "import warnings\nwarnings.warn('careful')\nprint('after')"
    assert run_isolated(code, 10).output == "<snippet>:2: UserWarning: careful\nafter\n"


def test_hashing_is_seeded_so_a_set_prints_the_same_in_every_server():
    code = "print({'pear', 'apple', 'fig', 'kiwi', 'plum', 'lime', 'date'})"
    first = run_isolated(code, 10).output
    snippet_runner._server.close()  # a new process, as the next build would start
    assert run_isolated(code, 10).output == first


def test_each_snippet_starts_afresh():
    run_isolated("import os, builtins\nos.chdir('/')\nbuiltins.len = None\nx = 1", 10)
    result = run_isolated("import os\nprint(len('abc'), 'x' in globals(), os.getcwd())", 10)
    assert result.output.startswith("3 False /") and "nnpress-snippet-" in result.output


def test_a_timeout_names_the_line_that_was_running():
    with pytest.raises(SnippetFailure) as info:
        run_isolated("x = 0\nimport time\ntime.sleep(30)\nprint(x)", 0.5)
    assert info.value.message == "timed out after 0.5 s" and info.value.line == 3
    assert run_isolated("print('next')", 10).output == "next\n"  # the server carries on


@pytest.mark.parametrize(("code", "message", "line"), [
    ("import os\nos._exit(0)", "exited with code 0 before it finished", None),
    ("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
     "was killed by signal SIGKILL before it finished", None),
    ("print(1)\nraise KeyboardInterrupt", "was interrupted (KeyboardInterrupt)", 2),
    ("raise GeneratorExit", "raised GeneratorExit, which stops a program", 1),
])
def test_abnormal_ends(code, message, line):
    with pytest.raises(SnippetFailure) as info:
        run_isolated(code, 10)
    assert (info.value.message, info.value.line) == (message, line)


def test_memory_is_capped():
    result = run_isolated("x = bytearray(8 * 2**30)", 10)
    assert result.message == "MemoryError" and result.line == 1
