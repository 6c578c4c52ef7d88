"""The offline edition's payload: Pyodide, numpy and our wheel as one gzip stream.

An offline edition is a single HTML file, so the runtime travels inside it. The files
are laid end to end, followed by an index and the index's length:

    file 1 | file 2 | ... | our wheel | index (JSON) | index length (uint32, little-endian)

The index lists each file's name and size, in order, and names our wheel:
``{"files": [["pyodide.asm.js", 1255688], ...], "wheel": "nnpress-...whl"}``. The whole
is gzipped (browsers unpack it with ``DecompressionStream("gzip")``) and base64-encoded
into a script element that never runs; client/edition.js reads it back.

Deflating the 16.8 MB runtime at level 9 takes about two seconds and gives the same
bytes for every site built on this machine, while our wheel changes with every edit to
pysrc/. So the stream is deflated in two runs: the runtime's run ends on a byte boundary
without the final-block bit (a sync flush) and is kept in the runtime's download cache,
keyed by the sha256 of its files; each build deflates only the tail (the wheel and the
index, ~80 kB) and appends it. Two such runs make one valid deflate stream, so the result
is an ordinary single-member gzip file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .runtime import write_atomic

LEVEL = 9  # zlib's best; the cache makes its cost a one-off
FORMAT = "nnpress-edition-1"  # part of the cache key: a change here invalidates old runs
# gzip's member header: deflate, no name, no timestamp (equal input, equal bytes),
# "best compression" flag, operating system unknown.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
CACHED_RUN = struct.Struct("<IQ")  # before the cached deflate run: crc32, input length


@dataclass(frozen=True)
class Payload:
    gzip: bytes  # what the page carries, before base64
    files: dict[str, int]  # file name -> size, in stream order
    wheel: str  # the name of our wheel among `files`

    @property
    def unpacked_size(self) -> int:
        return sum(self.files.values())

    def base64(self) -> bytes:
        return base64.b64encode(self.gzip)


def _deflater():
    # Raw deflate (-15: no zlib wrapper, the largest window). The default memLevel (8)
    # comes out 20 kB smaller on this runtime than 9.
    return zlib.compressobj(LEVEL, zlib.DEFLATED, -15)


def runtime_run(files: Sequence[tuple[str, bytes]], cache_dir: Path) -> tuple[bytes, int, int]:
    """The runtime's files as a deflate run that does not end the stream.

    Returns (deflated bytes, crc32 of the input, input length); kept in `cache_dir`.
    """
    key = hashlib.sha256(f"{FORMAT} level {LEVEL}".encode())
    for name, data in files:
        key.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    cached = Path(cache_dir) / f"edition-runtime-{key.hexdigest()[:32]}.deflate"
    if cached.is_file():
        blob = cached.read_bytes()
        if len(blob) > CACHED_RUN.size:
            crc, length = CACHED_RUN.unpack_from(blob)
            return blob[CACHED_RUN.size:], crc, length
    deflater, parts, crc, length = _deflater(), [], 0, 0
    for _name, data in files:
        parts.append(deflater.compress(data))
        crc, length = zlib.crc32(data, crc), length + len(data)
    parts.append(deflater.flush(zlib.Z_SYNC_FLUSH))  # byte-aligned, not final
    run = b"".join(parts)
    for stale in Path(cache_dir).glob("edition-runtime-*.deflate"):
        stale.unlink(missing_ok=True)  # an older runtime's run: never asked for again
    write_atomic(cached, CACHED_RUN.pack(crc, length) + run)
    return run, crc, length


def pack_payload(runtime: Sequence[tuple[str, bytes]], wheel: tuple[str, bytes],
                 cache_dir: Path) -> Payload:
    """The payload for `runtime` files (name, bytes) plus our `wheel` (name, bytes)."""
    run, crc, length = runtime_run(runtime, cache_dir)
    files = {name: len(data) for name, data in [*runtime, wheel]}
    index = json.dumps({"files": list(files.items()), "wheel": wheel[0]},
                       separators=(",", ":")).encode()
    tail = wheel[1] + index + struct.pack("<I", len(index))
    deflater = _deflater()
    tail_run = deflater.compress(tail) + deflater.flush(zlib.Z_FINISH)
    crc, length = zlib.crc32(tail, crc), length + len(tail)
    trailer = struct.pack("<II", crc, length & 0xFFFFFFFF)
    return Payload(GZIP_HEADER + run + tail_run + trailer, files, wheel[0])


def unpack_payload(gzipped: bytes) -> tuple[dict[str, bytes], str]:
    """(file name -> bytes, our wheel's name): what client/edition.js does, in Python."""
    data = zlib.decompress(gzipped, wbits=31)  # 31: a gzip member, checksum verified
    (index_length,) = struct.unpack_from("<I", data, len(data) - 4)
    index = json.loads(data[len(data) - 4 - index_length:-4])
    files, at = {}, 0
    for name, size in index["files"]:
        files[name] = data[at:at + size]
        at += size
    if at != len(data) - 4 - index_length:
        raise ValueError("the payload's index does not match its files")
    return files, index["wheel"]
