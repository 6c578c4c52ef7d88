"""The sha256 of a file, remembered while the file is unchanged; and of a few strings.

A build checks the runtime it vendors and lists every file it publishes by
hash, and `serve` builds again on every edit: the same 17 MB of runtime would
be read and hashed several times a rebuild. A digest is remembered for this
process by the file's identity on disk (device, inode, size, modification and
change times, in nanoseconds); any write to the file changes one of them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_known: dict[tuple, bytes] = {}


def digest(*parts: str | bytes) -> str:
    """The sha256 (hex) of `parts`, each marked off from the next: a cache key."""
    h = hashlib.sha256()
    for part in parts:
        h.update(b"\0" + (part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part))
    return h.hexdigest()


def file_sha256(path: Path | str) -> bytes:
    """The sha256 digest of the file at `path`."""
    stat = Path(path).stat()
    identity = (str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns,
                stat.st_ctime_ns)
    digest = _known.get(identity)
    if digest is None:
        with open(path, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").digest()
        if len(_known) >= 4096:  # a long `serve` session: start again rather than grow
            _known.clear()
        _known[identity] = digest
    return digest
