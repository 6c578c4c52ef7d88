"""Tests for sitegen.runtime: vendoring a verified Pyodide + numpy runtime."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from sitegen.runtime import (
    CORE_SHA256,
    LOCK_NAME,
    VendorError,
    default_cache_dir,
    trimmed_lock,
    vendor_runtime,
)

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
NUMPY_WHL = "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl"
NUMPY_SHA = "ebb61241d962b98b21597d7ce43b67668a6d5bab3acec4fbe958657320d7cd08"
EXPECTED = {NUMPY_WHL, LOCK_NAME, "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
            "python_stdlib.zip"}


def _need(path: Path, what: str) -> None:
    """Skip locally when an input is absent; in CI (``CI`` set) fail loudly instead."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} missing in CI: {what}")
        pytest.skip(f"{path} missing: {what}")


@pytest.fixture(scope="session")
def node_modules() -> Path:
    _need(NODE_MODULES / "pyodide" / "package.json", "run `npm ci`")
    return NODE_MODULES


@pytest.fixture(scope="session")
def good_wheel(tmp_path_factory: pytest.TempPathFactory, node_modules: Path) -> bytes:
    """The verified numpy wheel bytes, obtained through the real cache/sources once."""
    dest = tmp_path_factory.mktemp("seed")
    try:
        vendor_runtime(dest, node_modules=node_modules, cache_dir=default_cache_dir())
    except VendorError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"numpy wheel unobtainable here: {exc}")
    return (dest / NUMPY_WHL).read_bytes()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_vendor_real_files(tmp_path: Path, node_modules: Path, good_wheel: bytes) -> None:
    dest = tmp_path / "static" / "pyodide"
    files = vendor_runtime(dest, node_modules=node_modules, cache_dir=default_cache_dir())
    assert {f.name for f in files} == EXPECTED
    assert {p.name for p in dest.iterdir()} == EXPECTED  # nothing else, no temp leftovers
    assert [f.name for f in files] == sorted(f.name for f in files)
    by_name = {f.name: f for f in files}
    for name, sha in {**CORE_SHA256, NUMPY_WHL: NUMPY_SHA}.items():
        data = (dest / name).read_bytes()
        assert _sha(data) == sha == by_name[name].sha256, name
        assert len(data) == by_name[name].size
    lock = json.loads((dest / LOCK_NAME).read_text())
    assert lock["info"]["version"] == "0.27.7"
    assert list(lock["packages"]) == ["numpy"]
    assert lock["packages"]["numpy"]["sha256"] == NUMPY_SHA
    assert by_name[LOCK_NAME].sha256 == _sha((dest / LOCK_NAME).read_bytes())
    assert 16_000_000 < sum(f.size for f in files) < 18_000_000
    assert (dest / "pyodide.asm.wasm").stat().st_mode & 0o044 == 0o044  # world/group readable


def test_output_is_deterministic(tmp_path: Path, node_modules: Path, good_wheel: bytes) -> None:
    a = vendor_runtime(tmp_path / "a", node_modules=node_modules, cache_dir=default_cache_dir())
    b = vendor_runtime(tmp_path / "b", node_modules=node_modules, cache_dir=default_cache_dir())
    assert a == b
    assert (tmp_path / "a" / LOCK_NAME).read_bytes() == (tmp_path / "b" / LOCK_NAME).read_bytes()


def test_second_vendor_is_fast_and_copies_nothing(
    tmp_path: Path, node_modules: Path, good_wheel: bytes
) -> None:
    dest = tmp_path / "out"
    first = vendor_runtime(dest, node_modules=node_modules, cache_dir=default_cache_dir())
    before = {p.name: p.stat().st_mtime_ns for p in dest.iterdir()}
    start = time.perf_counter()
    second = vendor_runtime(dest, node_modules=node_modules, cache_dir=default_cache_dir(),
                            sources=[])  # no network source may be needed
    elapsed = time.perf_counter() - start
    assert second == first
    assert {p.name: p.stat().st_mtime_ns for p in dest.iterdir()} == before
    assert elapsed < 1.0, elapsed


def test_damaged_dest_file_is_replaced(tmp_path: Path, node_modules: Path, good_wheel: bytes):
    dest = tmp_path / "out"
    vendor_runtime(dest, node_modules=node_modules, cache_dir=default_cache_dir())
    wasm = dest / "pyodide.asm.wasm"
    data = bytearray(wasm.read_bytes())
    data[1000] ^= 0xFF  # same size, different content
    wasm.write_bytes(bytes(data))
    vendor_runtime(dest, node_modules=node_modules, cache_dir=default_cache_dir(), sources=[])
    assert _sha(wasm.read_bytes()) == CORE_SHA256["pyodide.asm.wasm"]


def test_corrupt_cache_is_removed_and_next_source_used(
    tmp_path: Path, node_modules: Path, good_wheel: bytes
) -> None:
    cache = tmp_path / "cache"
    cached = cache / "pyodide-0.27.7" / NUMPY_WHL
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"not a wheel")
    calls: list[str] = []

    def bad_source(name: str) -> bytes:
        calls.append("bad")
        damaged = bytearray(good_wheel)
        damaged[len(damaged) // 2] ^= 0xFF
        return bytes(damaged)

    def failing_source(name: str) -> bytes:
        calls.append("failing")
        raise OSError("offline")

    def good_source(name: str) -> bytes:
        calls.append("good")
        assert name == NUMPY_WHL
        return good_wheel

    dest = tmp_path / "out"
    files = vendor_runtime(dest, node_modules=node_modules, cache_dir=cache,
                           sources=[failing_source, bad_source, good_source])
    assert calls == ["failing", "bad", "good"]
    assert _sha(cached.read_bytes()) == NUMPY_SHA
    assert _sha((dest / NUMPY_WHL).read_bytes()) == NUMPY_SHA
    assert NUMPY_WHL in {f.name for f in files}
    # Now cached: a further build needs no source at all.
    vendor_runtime(tmp_path / "out2", node_modules=node_modules, cache_dir=cache, sources=[])


def test_all_sources_bad_is_an_error_and_nothing_kept(
    tmp_path: Path, node_modules: Path, good_wheel: bytes
) -> None:
    cache, dest = tmp_path / "cache", tmp_path / "out"
    cached = cache / "pyodide-0.27.7" / NUMPY_WHL
    cached.parent.mkdir(parents=True)
    cached.write_bytes(good_wheel[:-10])  # truncated download from an earlier run
    bad_sha = _sha(b"garbage")
    with pytest.raises(VendorError) as err:
        vendor_runtime(dest, node_modules=node_modules, cache_dir=cache,
                       sources=[lambda name: b"garbage", lambda name: None])
    msg = str(err.value)
    assert NUMPY_WHL in msg and NUMPY_SHA in msg and bad_sha in msg
    assert not cached.exists()  # the corrupt cached copy was removed, not kept
    assert not (dest / NUMPY_WHL).exists()
    assert not any(p.name.endswith(".tmp") for p in cache.rglob("*"))


def test_tampered_node_modules_is_refused(tmp_path: Path, node_modules: Path) -> None:
    fake = tmp_path / "node_modules"
    shutil.copytree(node_modules / "pyodide", fake / "pyodide")
    (fake / "pyodide" / "pyodide.mjs").write_text("// evil\n")
    with pytest.raises(VendorError, match=r"pyodide\.mjs.*expected 04c052c8.*got "):
        vendor_runtime(tmp_path / "out", node_modules=fake, cache_dir=tmp_path / "c", sources=[])
    assert not (tmp_path / "out" / "pyodide.mjs").exists()


def test_missing_node_modules_says_npm_ci(tmp_path: Path) -> None:
    with pytest.raises(VendorError, match=r"missing: run `npm ci`"):
        vendor_runtime(tmp_path / "out", node_modules=tmp_path / "nm", cache_dir=tmp_path / "c")


def test_trimmed_lock_keeps_info_and_numpy_only() -> None:
    lock = {
        "info": {"version": "0.27.7", "python": "3.12.7"},
        "packages": {
            "numpy": {"name": "numpy", "depends": []},
            "pandas": {"name": "pandas", "depends": ["numpy", "pytz"]},
            "pytz": {"name": "pytz", "depends": []},
            "scipy": {"name": "scipy", "depends": ["numpy"]},
        },
    }
    assert trimmed_lock(lock, ["numpy"]) == {
        "info": lock["info"], "packages": {"numpy": lock["packages"]["numpy"]}}
    assert list(trimmed_lock(lock, ["pandas"])["packages"]) == ["numpy", "pandas", "pytz"]
    with pytest.raises(VendorError, match="nope"):
        trimmed_lock(lock, ["nope"])


def test_trimmed_real_lock(node_modules: Path) -> None:
    lock = json.loads((node_modules / "pyodide" / LOCK_NAME).read_bytes())
    out = trimmed_lock(lock, ["numpy"])
    assert out["info"] == lock["info"] and out["info"]["version"] == "0.27.7"
    assert list(out["packages"]) == ["numpy"]


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NNPRESS_CACHE", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("NNPRESS_CACHE")
    assert default_cache_dir() == Path.home() / ".cache" / "nnpress"
