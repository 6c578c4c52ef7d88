"""Build errors that point at the author's file and line."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """Something in the input is wrong; the message says where and what."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        super().__init__(message)
        self.path = Path(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: error: {self.message}"


class SourceError(Exception):
    """Raised inside Markdown processing, where the file is not known yet."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def describe_unexpected(exc: BaseException) -> str:
    """An exception we did not expect (a bug of ours), in one line of reasonable length."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 200 else text[:197] + "..."
