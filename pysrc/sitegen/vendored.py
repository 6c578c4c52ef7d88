"""What vendoring a pinned browser file gives, and the error when it cannot be done.

Shared by the runtime (runtime.py), the maths assets (math_assets.py) and the browser
libraries: small, so that code which only reports these errors need not import the
runtime's downloader.
"""

from __future__ import annotations

from dataclasses import dataclass


class VendorError(Exception):
    """A file could not be vendored; the message says what to do."""


@dataclass(frozen=True)
class VendoredFile:
    name: str
    size: int
    sha256: str
