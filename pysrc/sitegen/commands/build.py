"""`build.py build`: content/ in, a static site out.

First the output folder is checked to be one a build may replace (never the
author's files), and what an interrupted build left is cleaned up. Then, when
the last build's record shows that only some posts' text changed since, a quick
rebuild makes just what they change (quick_rebuild.py); otherwise, or if the
edit reaches other pages, the full pipeline runs (pipeline.py). Both write the
same bytes for the same input. The pipeline's modules are imported only when it
runs: a quick rebuild spends less time than importing them would take.
"""

from __future__ import annotations

import time

from .. import quick_rebuild
from ..config import BuildConfig
from ..errors import BuildError
from ..out_folder import build_lock, check_out_folder, recover
from ..report import BuildReport


def build(config: BuildConfig, quick: bool = True) -> BuildReport:
    """Build the site; `quick=False` always runs the full pipeline (`serve` does: its
    previews come from the page records only the pipeline makes)."""
    started = time.perf_counter()
    if not config.content_dir.is_dir():
        raise BuildError(config.content_dir, None, "content folder not found")
    check_out_folder(config.content_dir, config.out_dir)  # before anything is touched
    with build_lock(config.state_dir):
        recover(config.out_dir)
        report = quick_rebuild.rebuild(config, started) if quick else None
        if report is None:
            from ..pipeline import build_all
            report = build_all(config, started)
        return report
