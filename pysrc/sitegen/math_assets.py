"""KaTeX, the build-time maths typesetter: find it, and vendor what its HTML needs.

Maths is typeset when the site is built (``markdown_ext/math.py`` runs KaTeX under Node),
so readers get HTML + MathML and no script. That HTML only looks right with KaTeX's
stylesheet and fonts, which this module copies into the site (``build/static/katex/``):

* ``katex.min.css``, with each ``@font-face`` trimmed to its woff2 source: every browser
  that renders the rest of the site reads woff2, and the site then holds no link to a
  file it does not ship;
* ``fonts/KaTeX_*.woff2`` (20 files, 260 kB; a browser fetches only the faces a page uses).

Both come from the npm package ``katex@KATEX_VERSION`` (``npm ci``); their sha256 values
are pinned below, so a different or damaged install is refused instead of shipped.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from .vendored import VendoredFile, VendorError

KATEX_VERSION = "0.19.1"
CSS_NAME = "katex.min.css"
NPM_HINT = f" (is node_modules/katex {KATEX_VERSION} intact? run `npm ci`)"

#: sha256 of dist/katex.min.css of katex@0.19.1, before trimming.
CSS_SHA256 = "00e0b094171b07f58422075f469b4feac2b2f7bce1aeec943c08da4d697f4dcf"
#: sha256 of every dist/fonts/*.woff2 of katex@0.19.1, copied as they are.
FONT_SHA256: dict[str, str] = {
    "KaTeX_AMS-Regular.woff2": "0cdd387c9590a1a9f9794560022dbb59654a7d86f187aa0c81495ad42d3a7308",
    "KaTeX_Caligraphic-Bold.woff2":
        "de7701e42cf1f4cf0b766c03fb27977207eee2f4fd5d76fa82188406da43ea4c",
    "KaTeX_Caligraphic-Regular.woff2":
        "5d53e70ad607c2352162dec9e0923fb54ecdafaccbf604cd8dcf7d00facb989b",
    "KaTeX_Fraktur-Bold.woff2": "74444efd593c005e3f4573b44524704c0af0a937fe911cca9e94068d0d140d3f",
    "KaTeX_Fraktur-Regular.woff2":
        "51814d270d06ff0255dba0799994fa4d8c84d11f09951d47595f4abb1f3602dc",
    "KaTeX_Main-Bold.woff2": "0f60d1b897938ec918c8ce073092411baf9438f6739465693ff18b0f9d20b021",
    "KaTeX_Main-BoldItalic.woff2":
        "99cd42a3c072d918f2f44984a807cf7aa16e13545fd0875fc07c6c65f99e715b",
    "KaTeX_Main-Italic.woff2": "97479ca6cce906abc961ecac96faa5f9ca2e61b8e7670d475826bcdee9a7c267",
    "KaTeX_Main-Regular.woff2": "c2342cd8b869e01752a9321dc17213fc40d4d04c79688c1d43f2cf316abd7866",
    "KaTeX_Math-BoldItalic.woff2":
        "dc47344dbb6cb5b655c8460d561f4df5f501b90c804ad3c6cec65fe322351ab1",
    "KaTeX_Math-Italic.woff2": "7af58c5ec8f132a2ddde9027c6d7814decce4d3b822a11192a42a20e2e973264",
    "KaTeX_SansSerif-Bold.woff2":
        "e99ae51144bf1232efcc1bfe5add36262c6866b0faab24fa75740e1b98577a62",
    "KaTeX_SansSerif-Italic.woff2":
        "00b26ac825e2095056396e0553b8ac26d3f8ad158c3826e28b4c45b385c4714a",
    "KaTeX_SansSerif-Regular.woff2":
        "68e8c73ef42afd3ccec58bf0fba302cce448938e7fc020a5e31f8a952eee1342",
    "KaTeX_Script-Regular.woff2":
        "036d4e95149b69ff9bcc0cd55771efeb25ffa3947293e69acd78d5ac328c684b",
    "KaTeX_Size1-Regular.woff2": "6b47c40166b6dbe21a5dfca7718413f2147fd2399be1ba605d8ad39cedf25dfe",
    "KaTeX_Size2-Regular.woff2": "d04c54219f9eaec6d4d4fd42dfb28785975a4794d6b2fc71e566b9cd6db842dd",
    "KaTeX_Size3-Regular.woff2": "73d591271b1604960cb10bb90fee021670af7297017e0e98480b332d11f51995",
    "KaTeX_Size4-Regular.woff2": "a4af7d414440a1c1790825cfb700cf9cf43b0f2c4b04f0ebc523011ad9853ec0",
    "KaTeX_Typewriter-Regular.woff2":
        "71d517d67827787cfabdf186914cc3358eda539e37931941f2b2fd4a21f68c0b",
}

# `,url(fonts/X.woff) format("woff")` and the same for .ttf: the fallbacks we do not ship.
FALLBACK_SRC = re.compile(r',url\(fonts/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)')
CSS_URL = re.compile(r"url\(([^)]*)\)")
CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")  # selectors { declarations }, inside @media too
FONT_FACE = re.compile(r"""@font-face\{[^{}]*font-family:"?(KaTeX_\w+)[^{}]*\}""")
FAMILY = re.compile(r"KaTeX_\w+")
CSS_CLASS = re.compile(r"\.([\w-]+)")


def katex_dir(node_modules: Path) -> Path:
    """The installed katex package, checked to be KATEX_VERSION."""
    pkg = Path(node_modules) / "katex"
    try:
        version = json.loads((pkg / "package.json").read_text("utf-8")).get("version")
    except (OSError, ValueError):
        raise VendorError(f"{pkg} missing: run `npm ci`") from None
    if version != KATEX_VERSION:
        raise VendorError(f"{pkg} is katex {version}, need {KATEX_VERSION}: run `npm ci`")
    return pkg


def woff2_only(css: str) -> str:
    """KaTeX's stylesheet with each font source cut down to its woff2 file."""
    trimmed = FALLBACK_SRC.sub("", css)
    urls = {u.removeprefix("fonts/") for u in CSS_URL.findall(trimmed)}
    if urls != set(FONT_SHA256):
        odd = sorted(urls ^ set(FONT_SHA256))
        raise VendorError(f"{CSS_NAME} and the pinned fonts disagree about {odd}{NPM_HINT}")
    return trimmed


def fonts_used(css: str, classes: set[str]) -> frozenset[str]:
    """The font families of KaTeX's stylesheet `css` that can show, given the `classes`
    found on a page: a page shows one copy of the stylesheet's 20 fonts, the offline
    edition carries only these inside (`with_fonts`). A rule may use a font family when
    every class of one of its selectors is on the page (wherever they are: never too few).
    """
    return frozenset(family for selectors, families in _font_rules(css)
                     if any(needed <= classes for needed in selectors) for family in families)


@lru_cache(maxsize=4)
def _font_rules(css: str) -> tuple[tuple[tuple[frozenset[str], ...], tuple[str, ...]], ...]:
    """Each rule that names KaTeX fonts: its selectors' class sets, and the families."""
    rules = []
    for m in CSS_RULE.finditer(css):
        selectors, declarations = m.groups()
        if "@font-face" in selectors or "KaTeX_" not in declarations:
            continue
        rules.append((tuple(frozenset(CSS_CLASS.findall(s)) for s in selectors.split(",")),
                      tuple(FAMILY.findall(declarations))))
    return tuple(rules)


@lru_cache(maxsize=64)  # one per set of fonts a page uses: a site has few
def with_fonts(css: str, used: frozenset[str]) -> str:
    """KaTeX's stylesheet `css` without the @font-face rules of the families not `used`."""
    return FONT_FACE.sub(lambda face: face.group(0) if face.group(1) in used else "", css)


def _verified(path: Path, expected: str) -> bytes:
    data = path.read_bytes() if path.is_file() else None
    if data is None:
        raise VendorError(f"{path} missing: run `npm ci`")
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise VendorError(f"sha256 mismatch for {path}: expected {expected}, got {actual}"
                          + NPM_HINT)
    return data


def vendor_math_assets(
    dest: Path, *, node_modules: Path
) -> list[VendoredFile]:
    """Write ``katex.min.css`` and ``fonts/*.woff2`` into ``dest`` (link the CSS from every
    page with maths). Return the files written, sorted by name."""
    dist = katex_dir(node_modules) / "dist"
    css = woff2_only(_verified(dist / CSS_NAME, CSS_SHA256).decode("utf-8")).encode("utf-8")
    files = {CSS_NAME: css}
    for name, sha in FONT_SHA256.items():
        files[f"fonts/{name}"] = _verified(dist / "fonts" / name, sha)

    result = []
    for name, data in sorted(files.items()):
        target = Path(dest) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not (target.is_file() and target.read_bytes() == data):  # keep its date: builds
            target.write_bytes(data)  # compare copies by size and date
        result.append(VendoredFile(name, len(data), hashlib.sha256(data).hexdigest()))
    return result
