"""JSON Lines of articlekit JSON: many articles in one file, read and written as a stream.

Wire conventions:

- UTF-8 text, one articlekit JSON document (:mod:`articlekit.json`) per line, each on one line
  and ending in a newline; blank lines are skipped when reading;
- the line and paragraph separators U+2028 and U+2029 are written as JSON escapes, so that
  tools which split lines on them too (Python's ``str.splitlines``, JavaScript) see one line
  per article;
- every line carries its own ``"articlekit"`` format version, so a file may mix versions;
- reading goes line by line: memory holds one line, however long the file; a line may be
  at most 64 MiB long, its newline included, as one JSON document may be;
  a `ParseError` gives the line number in the file, a `ValidationError` starts with it;
- :func:`~articlekit.detect` tells JSON Lines from one articlekit JSON document by a second
  non-blank line; a file of one line is also one JSON document.

.. versionadded:: 0.2
"""

from __future__ import annotations

import io
import itertools
import json as _json
import warnings
from collections.abc import Iterable, Iterator
from typing import IO

from articlekit import _json_text
from articlekit._io import write_binary
from articlekit._json_document import from_document, to_document
from articlekit._repairs import Repairs
from articlekit.errors import ParseError, RepairWarning, ValidationError
from articlekit.model import Article

__all__ = ["dump", "dumps", "iter_articles", "load", "loads"]


def dumps(articles: Article | Iterable[Article], /, *, strict: bool = False) -> str:
    """Write articles as JSON Lines: one line of articlekit JSON each, ending in a newline.

    Args:
        articles: One article, or any iterable of them.
        strict: Taken, as by every format's ``dumps``; nothing is ever lost.

    .. versionadded:: 0.2
    """
    return "".join(_lines(articles))


def dump(articles: Article | Iterable[Article], fp: IO[bytes], /, *, strict: bool = False) -> None:
    """Write articles as JSON Lines to the binary file *fp*, one line at a time.

    An iterator of articles is written as it is advanced, so memory stays flat.

    .. versionadded:: 0.2
    """
    for line in _lines(articles):
        write_binary(fp, line.encode("utf-8"))


def _lines(articles: Article | Iterable[Article]) -> Iterator[str]:
    for article in [articles] if isinstance(articles, Article) else articles:
        line = _json.dumps(to_document(article), ensure_ascii=False)
        if "\u2028" in line or "\u2029" in line:  # only inside strings, where escapes mean the same
            line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        yield line + "\n"


def loads(data: str | bytes, /, *, strict: bool = False) -> Article:
    """Read the one article of a JSON Lines document.

    Raises:
        ParseError: A line is not JSON.
        ValidationError: A line is not a valid article, or there is not exactly one article
            (read several with :func:`iter_articles`).

    .. versionadded:: 0.2
    """
    return _only(iter_articles(data, strict=strict))


def load(fp: IO[bytes], /, *, strict: bool = False) -> Article:
    """Read the one article of a binary file of JSON Lines, line by line.

    .. versionadded:: 0.2
    """
    return _only(iter_articles(fp, strict=strict))


def _only(articles: Iterator[Article]) -> Article:
    found = list(articles)
    if len(found) != 1:
        raise ValidationError(
            f"the document holds {len(found)} articles; "
            "read them with articlekit.jsonl.iter_articles"
        )
    return found[0]


def iter_articles(source: str | bytes | IO[bytes], /, *, strict: bool = False) -> Iterator[Article]:
    """Read the articles of JSON Lines one line at a time.

    A member given twice in one object is read as :func:`articlekit.json.loads` reads it:
    the last one wins, reported as a `RepairWarning` with the line's number.

    Args:
        source: The text, its UTF-8 bytes, or a binary file open for reading; a file is read
            line by line, so memory stays flat however many articles it holds.
        strict: Refuse a member given twice with `ParseError` instead.

    Raises:
        ParseError: A line is not JSON, or longer than 64 MiB; ``line`` is its number in the
            file.
        ValidationError: A line is not a valid article; the message starts with its number.
        UnsupportedError: A line was written by a newer articlekit.

    Errors are raised when the iteration reaches the line.

    .. versionadded:: 0.2
    """
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogatepass")
    if isinstance(source, (bytes, bytearray)):
        return _articles(io.BytesIO(source), strict)
    return _articles(_binary(source), strict)


def _binary(fp: IO[bytes]) -> IO[bytes]:
    target: object = fp
    if isinstance(target, io.TextIOBase):
        raise TypeError("the file is open in text mode: open it in binary mode ('rb')")
    return fp


def _lines_of(fp: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """The numbered lines of *fp*; one longer than a JSON document may be is a `ParseError`."""
    limit = _json_text.MAX_BYTES
    for number in itertools.count(1):
        # Read one byte past the limit, no more: one endless line must not fill memory first.
        line = fp.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            raise ParseError(f"line too long: more than {limit} bytes, the limit", line=number)
        yield number, line


def _articles(fp: IO[bytes], strict: bool) -> Iterator[Article]:
    repairs = Repairs(strict=strict)
    for number, line in _lines_of(fp):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        try:
            document = _json_text.parse_json(line, repairs=repairs)
        except ParseError as error:
            raise ParseError(error.message, line=number, column=error.column) from None
        try:
            article = from_document(document)
        except ValidationError as error:
            where = f" at {error.path}" if error.path else ""
            raise ValidationError(f"line {number}{where}: {error.message}") from None
        if repairs.made:  # the parser cannot tell the line: each repair gets it here
            for made in repairs.made:
                warnings.warn(
                    RepairWarning(made.repair, where=made.where, line=number), stacklevel=2
                )
            repairs = Repairs(strict=strict)
        yield article
