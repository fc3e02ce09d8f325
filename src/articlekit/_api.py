"""Conversion between formats, and files by name: the API the command line is built on."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from articlekit._formats import detect, format_for_path, get_format
from articlekit.model import Article

_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation

__all__ = ["convert", "dump", "load"]


def convert(
    data: str | bytes, /, *, to: str, from_: str | None = None, strict: bool = False, **options: Any
) -> bytes:
    """Convert one article from one format to another.

    Args:
        data: The document to read.
        to: The format to write: ``"json"``, ``"ninjs"``, ``"newsml"``, ``"nitf"``, ``"html"``,
            ``"jsonl"``, ``"text"`` or ``"markdown"``.
        from_: The format of *data*; detected from its content when left out.
        strict: Raise `LossError` instead of warning when *to* cannot carry a field.
        options: Options of the writer, e.g. ``version="2.2"`` for ninjs.

    Returns:
        The converted document as bytes (UTF-8 for the text formats).

    >>> import articlekit
    >>> from articlekit import html, json
    >>> page = articlekit.convert(json.dumps(articlekit.sample()), to="html")
    >>> html.loads(page) == articlekit.sample()
    True

    .. versionadded:: 0.1
    """
    source = get_format(from_ or detect(data))
    return get_format(to).dumps(source.loads(data), strict=strict, **options)


def load(path: str | os.PathLike[str], /, *, format: str | None = None) -> Article:
    """Read one article from a file; the format comes from its content unless *format* names it.

    .. versionadded:: 0.1
    """
    data = Path(path).read_bytes()
    return get_format(format or detect(data)).loads(data)


def dump(
    article: Article,
    path: str | os.PathLike[str],
    /,
    *,
    format: str | None = None,
    strict: bool = False,
    **options: Any,
) -> None:
    """Write one article to a file, atomically; the format comes from the file name's ending.

    The file is written under a temporary name beside its target and renamed into place, so
    an interrupted write leaves the old file (or none), never half a file.

    .. versionadded:: 0.1
    """
    target = Path(path)
    chosen = get_format(format) if format else format_for_path(str(target))
    write_atomically(target, chosen.dumps(article, strict=strict, **options))


def write_atomically(target: Path, data: bytes) -> None:
    """Write *data* to *target* through a temporary file in the same folder and a rename."""
    with open_atomically(target) as file:
        file.write(data)


@contextlib.contextmanager
def open_atomically(target: Path) -> Iterator[IO[bytes]]:
    """Open a temporary file beside *target* for writing; rename it into place on success.

    When the block raises, the temporary file is removed and *target* is left as it was; so too
    when a KeyboardInterrupt arrives at any moment, even while the file is being created: its
    name is chosen, and the cleanup armed, before it exists.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.part"
        try:
            # 0o666 less the umask, as for any file the user writes (mkstemp would make 0o600).
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits seldom collide
            continue
        except BaseException:
            temporary.unlink(missing_ok=True)  # interrupted after the file was made
            raise
        break
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
