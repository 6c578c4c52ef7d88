"""Package the browser-side Python (`pysrc/nnpress`) as a wheel for Pyodide.

A pure-Python wheel is a zip with three metadata files, so the standard
library writes it; fixed timestamps and sorted entries make the bytes depend
only on the sources (deterministic builds). The wheel's version carries a
hash of its contents, so a browser never mixes a new page with an old wheel.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from pathlib import Path

NAME = "nnpress"
VERSION = "0.1.0"
EPOCH = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: no build-time clock in the bytes


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def source_files(package_dir: Path) -> list[tuple[str, bytes]]:
    """(archive name, bytes) for every .py file of the package, sorted."""
    root = package_dir.parent
    files = sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)
    return [(p.relative_to(root).as_posix(), p.read_bytes()) for p in files]


def wheel_bytes(package_dir: Path, extra: list[tuple[str, bytes]] = ()) -> tuple[str, bytes]:
    """Return (file name, wheel bytes) for the package at `package_dir`, plus `extra`
    (archive name, bytes) files: a site's own widgets (`sitegen.site_widgets`)."""
    files = source_files(package_dir) + sorted(extra)
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + data + b"\0")
    if digest.digest() not in _made:  # `serve` asks on every rebuild; zipping is the slow part
        _made.clear()
        _made[digest.digest()] = _zipped(files, f"{VERSION}+{digest.hexdigest()[:10]}")
    return _made[digest.digest()]


_made: dict[bytes, tuple[str, bytes]] = {}  # the last wheel made, by its sources' digest


def _zipped(files: list[tuple[str, bytes]], version: str) -> tuple[str, bytes]:
    dist_info = f"{NAME}-{version}.dist-info"
    files = [*files,
        (f"{dist_info}/METADATA",
         f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version}\n"
         "Requires-Dist: numpy\n".encode()),
        (f"{dist_info}/WHEEL",
         b"Wheel-Version: 1.0\nGenerator: nnpress\nRoot-Is-Purelib: true\nTag: py3-none-any\n")]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in files)
    files.append((f"{dist_info}/RECORD", (record + f"{dist_info}/RECORD,,\n").encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return f"{NAME}-{version}-py3-none-any.whl", buffer.getvalue()
