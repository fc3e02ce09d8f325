r"""HTML5: an article as a web page that people, browsers, search engines and articlekit can read.

Wire conventions:

- a complete HTML5 document in UTF-8 (``<!DOCTYPE html>``, ``<meta charset="utf-8">``), or with
  ``fragment=True`` just the ``<article>`` element, for a site's own page template; the
  ``<article>`` alone carries every field, so a fragment reads back as the whole article;
- the head has ``<title>``, ``<link rel="canonical">`` (``url``), ``<meta name="description">``
  (``summary``), OpenGraph (``og:*`` and ``article:*``) and one schema.org ``NewsArticle``
  JSON-LD block, for search engines and link previews; the reader does not need them;
- the ``<article>`` is schema.org microdata (``itemscope``, ``itemtype`` ``NewsArticle``) over
  semantic markup: ``header`` with the section, kicker (``p.kicker``), ``h1``, dek
  (``p.dek``), bylines (``address`` of ``itemprop=author`` people, ``a rel=author``),
  ``time datetime`` elements, dateline and lead ``figure``; the body (``div.body``) with
  ``p``, ``h2``-``h6``, ``blockquote`` (``footer > cite`` for the attribution), ``ul``/``ol``,
  ``figure`` for a photo and ``div.embed`` with a plain link (never an ``iframe``); photos
  that neither lead nor appear in the body in ``section.gallery``; topics and keywords as
  lists; rights, provider and place in the article's ``footer``;
- each ``figure`` has ``data-photo`` (the photo's index), ``img`` (``src``, ``alt``, ``width``,
  ``height``), a ``figcaption`` whose caption, credit and copyright notice are separate
  ``span`` elements (``.caption``, ``.credit``, ``.copyright``) and the photographer, and
  the renditions as a list of links (``type``, ``data-width``, ``data-height``);
- links and sources follow the writers' URL policy: an ``href`` is http(s) (body text may
  also link ``mailto:``, ``tel:`` and relative URLs), a ``src``, ``og:image`` or JSON-LD
  ``image`` is http(s); any other URL the model takes is kept as text, in ``data-href`` on a
  ``span`` where the link would be, or in ``data-src`` on a ``figure`` without ``img``;
- URLs are written as they are (HTML5 serialisation), not percent-escaped, and read back
  unchanged;
- fields without a visible home are microdata ``meta`` (``identifier``, ``version``,
  ``description``, ``dateCreated``, ``encodingFormat``) or, where schema.org has no property,
  ``data-*`` attributes on the ``<article>`` (``data-status``, ``data-slugline``,
  ``data-embargoed``, ``data-editor-note``, ``data-urgency``); there is no hidden copy of
  articlekit JSON;
- date-times are RFC 3339 with their own UTC offset, microseconds when there are some;
- only the JSON-LD block is a ``script``; in its text ``<``, ``>`` and ``&`` are written as
  ``\u003c``, ``\u003e`` and ``\u0026``, so no value can end the block.

.. versionadded:: 0.1
"""

from __future__ import annotations

from typing import IO

from articlekit._io import read_binary, write_binary
from articlekit._loss import report_losses
from articlekit.html import _read, _write
from articlekit.html._serialise import serialise
from articlekit.model import Article

__all__ = ["dump", "dumps", "load", "loads"]

_FORMAT_NAME = "HTML"


def dumps(
    article: Article, /, *, fragment: bool = False, stylesheet: bool = True, strict: bool = False
) -> str:
    """Write *article* as an HTML5 page, or as an ``<article>`` element to embed in one.

    Args:
        article: The article.
        fragment: Write only the ``<article>`` element, without ``<html>`` and ``<head>``
            (and so without JSON-LD, OpenGraph or stylesheet); it still carries every field.
        stylesheet: Put a small default stylesheet in the page's ``<head>``.
        strict: Raise `LossError` instead of warning if a field could not be written;
            HTML carries every field of an article, so this never happens today.

    Returns:
        The HTML text.

    .. versionadded:: 0.1
    """
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    report_losses(_FORMAT_NAME, [], strict=strict)
    if fragment:
        return serialise(_write.build_article(article)) + "\n"
    document = _write.build_document(article, stylesheet=stylesheet)
    return "<!DOCTYPE html>\n" + serialise(document) + "\n"


def dump(
    article: Article,
    fp: IO[bytes],
    /,
    *,
    fragment: bool = False,
    stylesheet: bool = True,
    strict: bool = False,
) -> None:
    """Write *article* as HTML, UTF-8 encoded, to the binary file *fp*; see `dumps`.

    .. versionadded:: 0.1
    """
    text = dumps(article, fragment=fragment, stylesheet=stylesheet, strict=strict)
    write_binary(fp, text.encode("utf-8"))


def loads(data: str | bytes, /) -> Article:
    """Read an article from the HTML that `dumps` writes, a whole page or the fragment.

    The article is read from the ``<article>`` element's markup, microdata and ``data-*``
    attributes.

    Args:
        data: The HTML text, or its UTF-8 bytes.

    Raises:
        ParseError: *data* is empty, not UTF-8 or beyond the size and depth limits.
        ValidationError: It is HTML but holds no article articlekit can read; ``path`` says
            which field is missing or wrong. Numbers (version, sizes, ``data-photo``) must be
            ASCII digits within their bounds; the message names the attribute and its line.

    .. versionadded:: 0.1
    """
    root = _read.parse_html(data)
    return _read.read_article_element(_read.find_article(root))


def load(fp: IO[bytes], /) -> Article:
    """Read an article from a binary file of HTML; see `loads`.

    .. versionadded:: 0.1
    """
    return loads(read_binary(fp))
