"""Any web page, read only: the registry's ``web`` format, read by `articlekit.extract.extract`.

Wire conventions:

- any HTML page that articlekit did not write (pages articlekit writes are ``html``);
- bytes are decoded by their byte order mark, else by the *charset* the server declared in its
  ``Content-Type``, else as the page declares (``<meta charset>``), else as UTF-8, else as
  Windows-1252, as browsers decode them (WHATWG Encoding); ``ISO-8859-1`` and ``US-ASCII`` are
  read as Windows-1252, as browsers read them;
- *url* is where the page was fetched from (after redirects): the page's address when it
  names no canonical one, and the base of its relative links;
- nothing is written: articlekit writes its own ``html``.

.. versionadded:: 0.2
"""

from __future__ import annotations

from typing import IO

from articlekit._io import read_binary
from articlekit.model import Article
from articlekit.web._extract import BYTE_ORDER_MARKS, browser_codec, extract

__all__ = ["load", "loads"]

_MARKS = tuple(mark for mark, _ in BYTE_ORDER_MARKS)


def loads(data: str | bytes, /, *, url: str | None = None, charset: str | None = None) -> Article:
    """Read the article of a web page; see `articlekit.extract.extract`.

    Args:
        data: The page, as bytes or text.
        url: Where the page was fetched from.
        charset: The character encoding its server declared; an unknown one is ignored.

    Raises:
        ParseError: The page is empty, larger than 16 MiB or not HTML.
        ValidationError: The page holds no headline or no article.

    .. versionadded:: 0.2
    """
    if isinstance(data, bytes) and charset is not None and not data.startswith(_MARKS):
        codec = browser_codec(charset)
        if codec is not None:
            return extract(data.decode(codec, errors="replace"), url=url)
    return extract(data, url=url)


def load(fp: IO[bytes], /, *, url: str | None = None, charset: str | None = None) -> Article:
    """Read the article of a web page from a binary file; see `loads`.

    .. versionadded:: 0.2
    """
    return loads(read_binary(fp), url=url, charset=charset)
