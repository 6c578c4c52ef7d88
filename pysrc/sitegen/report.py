"""What a build tells whoever ran it (the command line, `serve`, tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .preview import PreviewContext


@dataclass
class BuildReport:
    pages: int  # posts written
    converted: int  # posts whose Markdown was converted (the rest came from the cache)
    widgets: int  # live figures
    files_changed: int  # output files whose bytes changed (written or removed)
    seconds: float
    preview: PreviewContext | None = None  # for `serve`: an edited post's page, ahead
    quick: bool = False  # only what the edit changed was made (quick_rebuild.py)
