r"""Markdown (CommonMark 0.31.2): an article as a reader sees it, headings, links and photos.

Write only: Markdown has no place for most of an article's fields, and which line is the dek or
the byline is a convention of this writer, not of Markdown, so a reader could not be lossless.

Wire conventions:

- :func:`dumps` returns text (:func:`dump` writes it UTF-8 encoded) with ``\n`` line ends;
  no raw HTML is ever written, and text is escaped so that it never turns into markup: a ``*``,
  ``_``, ``[``, ``<``, backtick or ``#`` in text is backslash-escaped, as is what would start a
  block at the start of a line (``-``, ``+``, ``>``, ``1.``, ...) and an ``&`` that would start
  an entity;
- ``# headline``, the subheadline (dek) as an emphasised paragraph, then one paragraph with
  ``By A, B and C`` and the dateline with the time of first publication in RFC 3339;
- the photos no block places, lead photo first, then the body in reading order: paragraphs;
  headings ``##`` to ``######``; quotes as ``>`` with ``— attribution`` as their last line;
  lists with ``-`` or ``1.`` (two lists of a kind in a row alternate with ``*`` or ``1)``, so
  that they stay two); a photo as ``![alt](<src> "caption")``, its source the first of its file
  and renditions an image may load from (``http``/``https``, see :doc:`/urls`), followed by the
  caption and credit as an emphasised paragraph; an embed as a link ``[title](<url>)``;
- inline markup: ``*em*``, ``**strong**``, code spans, ``[text](<url>)`` links (only the URLs
  inline markup keeps: http, https, mailto, tel and relative), a line break as a backslash at
  the end of the line; subscript and superscript, which CommonMark has no markup for, as text;
- what Markdown does not carry is reported (`LossWarning`, or `LossError` with ``strict``): the
  same metadata as :mod:`articlekit.text` leaves out, the bylines' details but the name, the
  photos' details but the alt text and caption (``href`` too when the image loads from
  elsewhere), and each body text holding subscript or superscript.

.. versionadded:: 0.2
"""

from __future__ import annotations

from typing import IO

from articlekit._io import write_binary
from articlekit._loss import report_losses
from articlekit.markdown._write import FORMAT_NAME, write
from articlekit.model import Article

__all__ = ["dump", "dumps"]


def dumps(article: Article, /, *, strict: bool = False) -> str:
    r"""Write *article* as CommonMark.

    Args:
        article: The article.
        strict: Raise `LossError` instead of warning when a field cannot be written.

    Returns:
        The Markdown, ending with a newline.

    Raises:
        LossError: *strict* is set and Markdown cannot carry a field of *article*.

    >>> import articlekit
    >>> from articlekit import markdown
    >>> article = articlekit.Article(uri="urn:x:1", headline="*Talks* resume <b>")
    >>> import warnings
    >>> with warnings.catch_warnings():  # the uri is lost
    ...     warnings.simplefilter("ignore", articlekit.LossWarning)
    ...     print(markdown.dumps(article), end="")
    # \*Talks\* resume \<b\>

    .. versionadded:: 0.2
    """
    written, losses = write(article)
    report_losses(FORMAT_NAME, losses, strict=strict)
    return written


def dump(article: Article, fp: IO[bytes], /, *, strict: bool = False) -> None:
    """Write *article* as UTF-8 CommonMark to the binary file *fp*; see :func:`dumps`.

    .. versionadded:: 0.2
    """
    write_binary(fp, dumps(article, strict=strict).encode("utf-8"))
