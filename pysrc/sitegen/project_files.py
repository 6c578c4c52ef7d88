"""Where the build finds the files that are not Python: templates/, client/, node_modules/.

`templates/` and `client/` stay at the root of the checkout, beside `content/`, where an
author looks for them. The build reads them from there when it runs from a checkout (an
editable install, or `python build.py`). A regular install ships them as data files
(pyproject's `[tool.setuptools.data-files]`, under `<prefix>/share/nnpress/`), and the
build reads them from there.

`node_modules/` (pyodide, KaTeX, the browser libraries, put there by `npm ci`) is never
installed: the build takes the folder named by $NNPRESS_NODE_MODULES, else the
checkout's, else `./node_modules` in the current folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import nnpress

BROWSER_PACKAGE = Path(nnpress.__file__).resolve().parent  # the Python shipped to the page
NODE_MODULES_ENV = "NNPRESS_NODE_MODULES"


def checkout() -> Path | None:
    """The nnpress checkout this code runs from, if it runs from one."""
    root = Path(__file__).resolve().parents[2]  # pysrc/sitegen/project_files.py
    if (root / "pyproject.toml").is_file() and (root / "templates").is_dir():
        return root
    return None


def installed_data() -> Path:
    """Where a regular install put templates/ and client/."""
    import sysconfig  # only an installed nnpress needs it

    return Path(sysconfig.get_path("data")) / "share" / "nnpress"


def project_dir(name: str) -> Path:
    """`templates` or `client`: from the checkout when there is one, else installed."""
    root = checkout()
    return (root if root else installed_data()) / name


def node_modules() -> Path:
    if named := os.environ.get(NODE_MODULES_ENV):
        return Path(named)
    root = checkout()
    return (root if root else Path.cwd()) / "node_modules"
