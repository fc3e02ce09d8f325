"""IPTC NewsML-G2 2.35: articles as newsItems in a newsMessage, and back.

Wire conventions:

- :func:`dumps` writes UTF-8 bytes with an XML declaration, not text: the declaration names the
  encoding, so the document is bytes (decode it yourself if you need a string);
- every item declares ``standard="NewsML-G2" standardversion="2.35" conformance="power"`` and
  validates against the 2.35 "All-Power" XML Schema;
- by default the root is a ``newsMessage``: its ``itemSet`` holds the text ``newsItem``
  (``itemClass`` ``ninat:text``) and then one picture ``newsItem`` (``ninat:picture``) per photo;
  the text item links its photos, in order, by ``itemMeta/link rel="irel:associatedWith"``
  whose ``residref`` is the picture item's ``guid`` (the photo's ``uri``, or
  ``<article uri>#photo-<n>`` when it has none); ``container="newsItem"`` writes the text item
  alone, its photos as those links with an ``href``, and loses the other photo fields;
- ``guid`` and ``version`` are the article's ``uri`` and ``version``; ``firstCreated`` is
  ``published``, ``versionCreated`` is ``updated``, ``contentCreated`` is ``created``;
  NewsML-G2 requires ``versionCreated`` and ``provider``: without ``updated`` the time of
  writing goes there with ``why="why:inferred"``, without ``provider`` the QCode
  ``nprov:unknown``; the reader treats both as absent;
- headlines by ``role``: none for the headline, ``hrol:sub`` for the subheadline,
  ``hrol:kicker`` for the kicker; ``description role="drol:summary"`` is the summary,
  ``drol:caption`` and ``drol:alternativeText`` a photo's caption and alt text; the section
  is a ``keyword role="ak:section"``, the canonical URL an ``itemMeta/link rel="irel:canonical"``;
- bylines are ``creator`` elements: ``name``, ``uri``, the role as the QCode ``crol:<role>``
  (percent-encoded), the bio as ``definition``, ``personDetails/affiliation`` and
  ``personDetails/contactInfo/email``; reading takes ``contributor`` elements too;
- topics are ``subject`` elements with ``type`` ``cpnat:abstract``, ``person``,
  ``organisation``, ``geoArea``, ``event`` or ``object`` (``cpnat:poi`` reads as a place) and
  ``genre`` elements for genres, with ``qcode``, ``uri`` and ``name``;
- the body is XHTML in ``contentSet/inlineXML`` (``p``, ``h2``-``h6``, ``blockquote`` with a
  ``footer`` attribution, ``ul``/``ol``, ``figure data-residref`` for a photo, ``iframe`` for
  an embed); reading also takes NITF ``body.content`` and plain ``inlineData``;
- a photo's main file is the ``remoteContent`` without a ``rendition``; each rendition is a
  ``remoteContent`` whose ``rendition`` is ``rnd:<name>`` (percent-encoded);
- times are ``xs:dateTime`` with their UTC offset; offsets beyond +-14:00, which XML Schema
  does not allow, are written as the same instant in UTC;
- reading parses through articlekit's hardened parser (no DTD, entities, XInclude or network),
  tolerates unknown elements and extensions, refuses items of other classes (concept,
  planning, knowledge, video, ...) with `UnsupportedError`; :func:`iter_articles` skips them.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Final, Literal

from articlekit import _newsml_read, _xml
from articlekit._io import read_binary, write_binary
from articlekit._newsml_write import NAR, write
from articlekit.model import Article

__all__ = ["NAMESPACE", "STANDARD_VERSION", "dump", "dumps", "iter_articles", "load", "loads"]

NAMESPACE: Final = NAR
"""The NewsML-G2 XML namespace."""
STANDARD_VERSION: Final = "2.35"
"""The NewsML-G2 version :func:`dumps` writes."""

Container = Literal["newsMessage", "newsItem"]


def dumps(
    article: Article, /, *, strict: bool = False, container: Container = "newsMessage"
) -> bytes:
    """Write *article* as a NewsML-G2 2.35 document.

    Args:
        article: The article.
        strict: Raise `LossError` instead of warning when a field cannot be written.
        container: ``"newsMessage"`` (the default) writes the text item and one picture item
            per photo; ``"newsItem"`` writes the text item alone, its photos as links.

    Returns:
        The document as UTF-8 bytes with an XML declaration.

    Raises:
        LossError: *strict* is set and the document cannot carry a field.

    .. versionadded:: 0.1
    """
    return write(article, strict=strict, container=container)


def dump(
    article: Article,
    fp: IO[bytes],
    /,
    *,
    strict: bool = False,
    container: Container = "newsMessage",
) -> None:
    """Write *article* as NewsML-G2 to the binary file *fp*.

    .. versionadded:: 0.1
    """
    write_binary(fp, dumps(article, strict=strict, container=container))


def loads(data: str | bytes, /) -> Article:
    """Read an article from a NewsML-G2 newsItem, packageItem-in-newsMessage or newsMessage.

    Args:
        data: The XML, as bytes (any encoding its declaration names) or text.

    Raises:
        ParseError: *data* is not well-formed XML, or is hostile (DTD, entities, too deep).
        ValidationError: It is NewsML-G2 but not a valid article; the message names the
            element and its line.
        UnsupportedError: It is a kind of item articlekit does not read (concept, planning,
            video, ...), or not NewsML-G2 at all.

    .. versionadded:: 0.1
    """
    return _newsml_read.single_article(_xml.parse_xml(data))


def load(fp: IO[bytes], /) -> Article:
    """Read an article from a binary file of NewsML-G2.

    .. versionadded:: 0.1
    """
    return loads(read_binary(fp))


def iter_articles(data: str | bytes, /) -> Iterator[Article]:
    """Read every article of a newsMessage: one per text item or per package.

    Items of classes articlekit does not read are skipped; picture items become the photos of
    the text item that links them or shares their package.

    .. versionadded:: 0.1
    """
    return _newsml_read.articles(_xml.parse_xml(data), skip_unsupported=True)
