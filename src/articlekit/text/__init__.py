r"""Plain text: an article as a reader sees it, for search indexes, terminals and language models.

Write only: plain text does not say which line is which field, so it cannot be read back.

Wire conventions:

- :func:`dumps` returns text (:func:`dump` writes it UTF-8 encoded) with ``\n`` line ends and
  one ``\n`` at the end; blocks are separated by one blank line;
- the headline, the subheadline (dek), then a line ``By A, B and C`` with the bylines' names
  and a line with the dateline and the time of first publication in RFC 3339
  (``VARENHOLT, March 14 — Published 2026-03-14T06:00:00+00:00``);
- the photos no block places, lead photo first, then the body in reading order: a paragraph or
  heading is its text, a quote is followed by ``— attribution``, list items start with ``- ``
  or ``1. ``, a photo is ``[Photo: caption. Credit]`` (the credit left out when the caption
  prints it; the alt text when there is no caption), an embed ``[Embed: title (URL)]``;
- inline markup becomes its text: a line break a new line, a link its text followed by its URL
  in parentheses (``a statement (https://...)``), unless the text is the URL;
- what plain text does not carry is reported (`LossWarning`, or `LossError` with ``strict``):
  the identifiers and metadata (``uri``, ``version`` other than 1, ``url``, ``language``,
  ``kicker``, ``section``, ``summary``, ``slugline``, ``topics``, ``keywords``, the times but
  ``published``, ``located``, ``status`` other than usable, ``urgency``, ``provider``, the
  rights and the editor's note), the bylines' details but the name, and the photos' files and
  details (``href``, ``renditions``, ``uri``, ``photographer``, sizes, media type, copyright
  notice, and the alt text when a caption is written). Emphasis, code, subscript and
  superscript are plain text's nature to drop, and are not reported.

.. versionadded:: 0.2
"""

from __future__ import annotations

from typing import IO

from articlekit._io import write_binary
from articlekit._loss import report_losses
from articlekit.model import Article
from articlekit.text._write import FORMAT_NAME, write

__all__ = ["dump", "dumps"]


def dumps(article: Article, /, *, strict: bool = False) -> str:
    """Write *article* as plain text.

    Args:
        article: The article.
        strict: Raise `LossError` instead of warning when a field cannot be written.

    Returns:
        The text, ending with a newline.

    Raises:
        LossError: *strict* is set and plain text cannot carry a field of *article*.

    >>> import articlekit
    >>> from articlekit import text
    >>> article = articlekit.Article(uri="urn:x:1", headline="Talks resume")
    >>> import warnings
    >>> with warnings.catch_warnings():  # the uri is lost
    ...     warnings.simplefilter("ignore", articlekit.LossWarning)
    ...     print(text.dumps(article), end="")
    Talks resume

    .. versionadded:: 0.2
    """
    written, losses = write(article)
    report_losses(FORMAT_NAME, losses, strict=strict)
    return written


def dump(article: Article, fp: IO[bytes], /, *, strict: bool = False) -> None:
    """Write *article* as UTF-8 plain text to the binary file *fp*; see :func:`dumps`.

    .. versionadded:: 0.2
    """
    write_binary(fp, dumps(article, strict=strict).encode("utf-8"))
