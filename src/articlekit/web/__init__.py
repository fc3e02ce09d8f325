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

import codecs
from typing import IO

from articlekit._io import read_binary
from articlekit.model import Article
from articlekit.web._extract import extract

__all__ = ["load", "loads"]

# The WHATWG Encoding standard maps these labels to windows-1252, as every browser does.
_READ_AS_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii"})
_BYTE_ORDER_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


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
    if isinstance(data, bytes) and charset is not None and not data.startswith(_BYTE_ORDER_MARKS):
        codec = _codec(charset)
        if codec is not None:
            return extract(data.decode(codec, errors="replace"), url=url)
    return extract(data, url=url)


def load(fp: IO[bytes], /, *, url: str | None = None, charset: str | None = None) -> Article:
    """Read the article of a web page from a binary file; see `loads`.

    .. versionadded:: 0.2
    """
    return loads(read_binary(fp), url=url, charset=charset)


def _codec(charset: str) -> str | None:
    """The Python codec of a declared *charset*, as browsers take it; None if unknown."""
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _READ_AS_WINDOWS_1252 else name
