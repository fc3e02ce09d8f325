r"""The one URL policy of the writers: which URLs a reader's software may follow or load.

An article holds URLs as data, and the model takes some that no page should act on (a
``urn:`` identifier, a ``data:image/svg+xml`` rendition, an unusual scheme in a byline's
``uri``). Whenever a writer turns a URL into something a browser or feed reader acts on by
itself, it asks this module first:

- a link (``<a href>``) may point to ``http:`` and ``https:`` URLs; a link in body text may
  also be ``mailto:``, ``tel:`` or relative (it resolves against the page, and so takes the
  page's own scheme), and so may a byline's e-mail contact, which is always ``mailto:``;
- a source a browser loads by itself (``src``, ``srcset``, ``og:image``, the JSON-LD
  ``image``) must be ``http:`` or ``https:``;
- anything else (``data:``, ``javascript:``, ``vbscript:``, ``file:``, ``filesystem:``,
  ``blob:``, ``jar:``, ``view-source:``, ``urn:``, an operating system's app schemes...) is
  never a link or a source: the writer keeps it as inert data, byte for byte.

The scheme is read as the WHATWG URL Standard's basic URL parser reads it (section 4.4): spaces
and C0 controls around the URL and tabs and newlines inside it do not count, and case does not
matter, so ``" JavaScript:"`` and ``"java\tscript:"`` are ``javascript:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final
from urllib.parse import quote

if TYPE_CHECKING:  # the model imports this module (through inline markup)
    from articlekit.model import Photo

__all__ = [
    "SOURCE_SCHEMES",
    "TEXT_LINK_SCHEMES",
    "WEB_SCHEMES",
    "first_source",
    "mailto",
    "may_be_link",
    "may_be_source",
    "photo_source",
    "scheme_of",
]

WEB_SCHEMES: Final = frozenset({"http", "https"})
"""What a link outside body text may point to."""
TEXT_LINK_SCHEMES: Final = WEB_SCHEMES | {"mailto", "tel"}
"""What a link in body text may point to; a relative link may too."""
SOURCE_SCHEMES: Final = WEB_SCHEMES
"""What a browser may load by itself: an image, a frame, a preview picture."""

# URL Standard 4.4: leading and trailing C0 control or space are stripped, tab and newline
# removed anywhere; then a scheme is an ASCII letter, then letters, digits, "+", "-" or ".".
_AROUND: Final = "".join(map(chr, range(0x21)))
_IGNORED: Final = re.compile("[\t\n\r]")
_SCHEME: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# RFC 6068 section 2: in a mailto: URL these characters start headers ("?", "&"), a fragment
# ("#"), an escape ("%") or a second recipient (","); in an address they are encoded.
_MAILTO_SAFE: Final = "!$'()*+-./:;=@_~"


def scheme_of(url: str) -> str | None:
    """The scheme of *url* in lower case as a browser reads it; ``None`` for a relative URL."""
    scheme = _SCHEME.match(_IGNORED.sub("", url.strip(_AROUND)))
    return None if scheme is None else scheme.group(1).lower()


def may_be_link(url: str, *, in_text: bool = False) -> bool:
    """Tell whether *url* may be the ``href`` of a link someone can follow.

    Args:
        url: The URL as the article holds it.
        in_text: The link is in body text, where ``mailto:``, ``tel:`` and relative links are
            fine too.
    """
    scheme = scheme_of(url)
    if scheme is None:
        return in_text
    return scheme in (TEXT_LINK_SCHEMES if in_text else WEB_SCHEMES)


def may_be_source(url: str) -> bool:
    """Tell whether a browser may load *url* by itself: ``src``, ``srcset``, ``og:image``."""
    return scheme_of(url) in SOURCE_SCHEMES


def first_source(urls: Iterable[str | None]) -> str | None:
    """The first of *urls* that a browser may load by itself, if any."""
    return next((url for url in urls if url is not None and may_be_source(url)), None)


def photo_source(photo: Photo) -> str | None:
    """The image a page may load for *photo*: its file, else the first rendition that may load."""
    return first_source([photo.href, *(rendition.href for rendition in photo.renditions)])


def mailto(address: str) -> str:
    """The ``mailto:`` URL of one e-mail address, which cannot add recipients or headers.

    >>> mailto("ann@example.org?body=Hi")
    'mailto:ann@example.org%3Fbody=Hi'
    """
    return "mailto:" + quote(address, safe=_MAILTO_SAFE)
