"""Offline editions made in worker processes: a build's slowest single-core step, shared out.

Each post's edition is made from its rendered page in pure Python, after every page
is converted and rendered; for 500 posts that took a quarter of a cold build, on one
core while the others waited. When there are enough to make, forked workers run the
jobs instead. A job returns a tuple; each `bytes` in it (an edition, hundreds of kB)
the worker writes into a scratch folder, handing back the file's path, and the build
links that file into the new site. (Handing the bytes back through a pipe cost more
than the workers saved.) Everything else comes back as it is.

Workers are forked, so they start with the build's memory (the rendered site, what
each edition is made from) and nothing is sent to them but numbers. Where processes
cannot be forked, or for a few jobs (an edit in `serve`), the jobs run here, one
after the other, and their bytes stay in memory.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

PARALLEL_FROM = 24  # jobs to run before workers pay for their start
CHUNK = 8  # jobs a worker runs per message

Job = Callable[[], tuple]

# The jobs, set before the workers are forked (they inherit them), and the scratch folder.
_work: tuple[list[Job], Path] | None = None


class EditionWorkers:
    """`with EditionWorkers(jobs, scratch) as workers:` starts the jobs;
    `workers.results()` gives each one's tuple, in order."""

    def __init__(self, jobs: list[Job], scratch: Path):
        self.jobs, self.scratch = jobs, scratch
        self.pool: ProcessPoolExecutor | None = None
        self.pending: list[Future] = []

    def __enter__(self) -> EditionWorkers:
        global _work
        if self.scratch.exists():  # what a failed build left
            shutil.rmtree(self.scratch, ignore_errors=True)
        workers = min(os.cpu_count() or 1, len(self.jobs) // CHUNK)
        if len(self.jobs) < PARALLEL_FROM or workers < 2:
            return self
        import multiprocessing  # not for a few editions (a quick rebuild's, serve's)
        from concurrent.futures import ProcessPoolExecutor

        if "fork" not in multiprocessing.get_all_start_methods():
            return self

        self.scratch.mkdir(parents=True)
        _work = (self.jobs, self.scratch)
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        self.pending = [self.pool.submit(_run, range(start, min(start + CHUNK, len(self.jobs))))
                        for start in range(0, len(self.jobs), CHUNK)]
        return self

    def results(self) -> Iterator[tuple]:
        if self.pool is None:
            yield from (job() for job in self.jobs)
            return
        for future in self.pending:
            yield from future.result()

    def __exit__(self, *exc) -> None:
        global _work
        _work = None
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _run(indices: range) -> list[tuple]:
    """In a worker: run the jobs `indices`, their bytes written into the scratch folder."""
    assert _work is not None, "forked before the work was set"
    jobs, scratch = _work
    done = []
    for index in indices:
        result = []
        for n, value in enumerate(jobs[index]()):
            if isinstance(value, bytes):
                path = scratch / f"{index}-{n}.html"
                path.write_bytes(value)
                value = path
            result.append(value)
        done.append(tuple(result))
    return done
