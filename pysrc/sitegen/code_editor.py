"""The code editor of runnable blocks: CodeMirror 6, bundled once with esbuild.

`client/editor/code_editor.js` imports CodeMirror's packages (pinned in
package-lock.json, `npm ci`); esbuild (a pinned devDependency) bundles them
into one minified classic script, which the build ships as
`static/vendor/code-editor.js` and pages with code load. The bundle is made
once per machine (kept in the build's state folder) and must match the
sha256 below, so a different install or esbuild is refused, not shipped.

One edit is made to the bundle: CodeMirror (through style-mod) puts its
stylesheet into the page as a `<style>` element, which the pages'
Content-Security-Policy (`style-src 'self'`) refuses. The edit makes it use a
constructed stylesheet (`document.adoptedStyleSheets`) instead, as it already
does inside shadow roots; that is CSSOM, which the policy allows.

After changing the entry file or a CodeMirror version, `python -m
sitegen.code_editor` prints the new bundle's sha256 to pin here.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from .vendored import VendorError

SITE_PATH = "static/vendor/code-editor.js"
# The bundle's sha256, after the edit (python -m sitegen.code_editor prints it)
SHA256 = "070892f4e07e5ea4a499f8d931241401a392cb7c116b95b970918cb7f6f309fe"
ESBUILD = ("--bundle", "--minify", "--format=iife", "--target=es2020", "--legal-comments=none",
           "--charset=utf8")
# style-mod's "a document root gets a <style> element": let documents adopt a sheet too
STYLE_ELEMENT = re.compile(rb"!(\w+)\.head&&\1\.adoptedStyleSheets")


def entry(client_dir: Path) -> Path:
    return Path(client_dir) / "editor" / "code_editor.js"


def bundle(node_modules: Path, client_dir: Path) -> bytes:
    """Run esbuild on the entry file; the bundle with the stylesheet edit made."""
    esbuild = Path(node_modules) / ".bin" / "esbuild"
    if not esbuild.exists():
        raise VendorError(f"{esbuild} missing: run `npm ci` (esbuild bundles the code editor)")
    env = {**os.environ, "NODE_PATH": str(Path(node_modules).resolve())}
    proc = subprocess.run([str(esbuild), str(entry(client_dir)), *ESBUILD], capture_output=True,
                          env=env, timeout=120)
    if proc.returncode != 0:
        raise VendorError(f"esbuild failed: {proc.stderr.decode(errors='replace')[-400:]}")
    data, count = STYLE_ELEMENT.subn(rb"\1.adoptedStyleSheets", proc.stdout)
    if count != 1:
        raise VendorError(f"code editor bundle: expected one style element site, found {count}")
    return data


def editor_bundle(node_modules: Path, client_dir: Path, stage_dir: Path) -> bytes:
    """The verified bundle: from the state folder, else made now and kept there."""
    kept = Path(stage_dir) / f"code-editor-{SHA256[:16]}.js"
    if kept.is_file():
        data = kept.read_bytes()
        if hashlib.sha256(data).hexdigest() == SHA256:
            return data
    data = bundle(node_modules, client_dir)
    actual = hashlib.sha256(data).hexdigest()
    if actual != SHA256:
        raise VendorError(f"sha256 mismatch for the code editor bundle: expected {SHA256}, got "
                          f"{actual} (is node_modules intact? run `npm ci`)")
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(data)
    return data


if __name__ == "__main__":
    from .project_files import node_modules, project_dir

    made = bundle(node_modules(), project_dir("client"))
    print(hashlib.sha256(made).hexdigest(), len(made), "bytes", file=sys.stdout)
