"""Shared fixtures: the project's paths and a built copy of a content folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.commands.build import build
from sitegen.config import BuildConfig

PROJECT = Path(__file__).resolve().parent.parent
TEST_SITE = PROJECT / "tests" / "site"  # one small post per widget, for the browser tests


def build_site(content: Path, out: Path, base_url: str = "/") -> Path:
    build(BuildConfig(content_dir=content, out_dir=out, base_url=base_url))
    return out


@pytest.fixture(scope="session")
def built_test_site(tmp_path_factory) -> Path:
    """tests/site built once per session, for serving under a sub-path."""
    return build_site(TEST_SITE, tmp_path_factory.mktemp("test-site") / "build", "/my-repo/")


@pytest.fixture(scope="session")
def built_example_site(tmp_path_factory) -> Path:
    """The example site in content/, built once per session."""
    return build_site(PROJECT / "content", tmp_path_factory.mktemp("example") / "build",
                      "/my-repo/")


@pytest.fixture
def copy_content(tmp_path):
    """A scratch copy of a content folder that a test may edit."""

    def copy(src: Path) -> Path:
        dest = tmp_path / "content"
        shutil.copytree(src, dest)
        return dest

    return copy
