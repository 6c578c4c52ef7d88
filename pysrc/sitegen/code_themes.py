"""Code highlighting in both themes: Pygments' light style (convert.PYGMENTS_STYLE), and a
dark one that applies when the page is dark (the reader's system setting, unless
they chose the light theme; or their choice of the dark one, data-theme="dark")."""

from __future__ import annotations

DARK_STYLE = "github-dark"
DARK_ROOT = ':root[data-theme="dark"]'


def dark_code_css() -> str:
    from pygments.formatters import HtmlFormatter

    formatter = HtmlFormatter(style=DARK_STYLE)
    chosen = formatter.get_style_defs(f"{DARK_ROOT} .highlight")
    system = formatter.get_style_defs(':root:not([data-theme="light"]) .highlight')
    # The page's own code background (--code-bg) wins over the style's, in both themes.
    background = ".highlight { background: var(--code-bg) !important; }\n"
    # Screens only: a printed page is light whatever the theme.
    return (f"@media screen {{\n{chosen}\n}}\n"
            f"@media screen and (prefers-color-scheme: dark) {{\n{system}\n}}\n{background}")
