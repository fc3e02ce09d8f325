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
  planning, knowledge, video, ...) with `UnsupportedError`; :func:`iter_articles` skips them;
- :func:`iter_articles` reads a newsMessage of newsItems as a stream (``lxml.etree.iterparse``
  with the same hardening), item by item, with flat memory; a newsMessage with a
  ``packageItem`` is read whole.

.. versionadded:: 0.1
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timezone, tzinfo
from typing import IO, Final, Literal

from articlekit import _schemas, _xml
from articlekit._io import read_binary, without_name, write_binary
from articlekit._repairs import Repairs
from articlekit.errors import UnsupportedError
from articlekit.model import Article
from articlekit.newsml import _read
from articlekit.newsml._repair import Reading
from articlekit.newsml._write import NAR, write

__all__ = [
    "NAMESPACE",
    "STANDARD_VERSION",
    "dump",
    "dumps",
    "iter_articles",
    "load",
    "loads",
    "validate",
]

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


def loads(
    data: str | bytes, /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read an article from a NewsML-G2 newsItem, packageItem-in-newsMessage or newsMessage.

    Real producers' deviations are read and reported, each as a `RepairWarning` (see
    :doc:`/real-feeds`): the older ``icls:`` item classes, date-times without a time zone,
    items without a headline, creators named by a ``literal`` or ``qcode`` alone, HTML sent as
    ``text/plain``, and what the model has no field for.

    Args:
        data: The XML, as bytes (any encoding its declaration names) or text.
        strict: Refuse every deviation instead of repairing it.
        default_timezone: The zone of date-times written without one.

    Raises:
        ParseError: *data* is not well-formed XML, or is hostile (DTD, entities, too deep).
        ValidationError: It is NewsML-G2 but not a valid article, or, with *strict*, deviates
            from the standard; the message names the element and its line.
        UnsupportedError: It is a kind of item articlekit does not read (concept, planning,
            video, ...), or not NewsML-G2 at all.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       Real producers' deviations are repaired and reported; *strict* and
       *default_timezone*.
    """
    reading = Reading(Repairs(strict=strict), default_timezone)
    article = _read.single_article(_xml.parse_xml(data, repairs=reading.repairs), reading)
    reading.repairs.warn()
    return article


def load(
    fp: IO[bytes], /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read an article from a binary file of NewsML-G2, as :func:`loads` does.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       *strict* and *default_timezone*.
    """
    reading = Reading(Repairs(strict=strict), default_timezone)
    article = _read.single_article(
        _xml.parse_xml(read_binary(fp), repairs=reading.repairs), reading
    )
    reading.repairs.warn()
    return article


def iter_articles(
    source: str | bytes | IO[bytes],
    /,
    *,
    strict: bool = False,
    default_timezone: tzinfo = timezone.utc,
) -> Iterator[Article]:
    """Read every article of a newsMessage: one per text item or per package.

    Items of classes articlekit does not read are skipped; picture items become the photos of
    the text item that links them or shares their package.

    A newsMessage is read as a stream, item by item, so one of thousands of items (beyond
    the 64 MiB that :func:`loads` takes) is read with flat memory: pass an open file rather
    than its bytes. Each text item then takes its photos from the picture items between the
    text item before it and the one after it, where articlekit writes them (after their text
    item) and providers put them (before or after); a link to a picture item further away
    reads as a photo with the link's ``residref`` and ``href`` only. A message that holds a
    ``packageItem`` is read whole, as packages may refer to items anywhere in it, and then
    the 64 MiB limit applies.

    Each article's repairs are reported (as :func:`loads` does) as it is taken from the
    iterator. Items of classes articlekit does not read are skipped; a document of such items
    alone raises `UnsupportedError` once its end is reached.

    Args:
        source: The XML as bytes or text, or a binary file open for reading. A file that
            cannot seek (a pipe) is first copied to a temporary file (in memory up to 8 MiB).
        strict: Refuse every deviation instead of repairing it.
        default_timezone: The zone of date-times written without one.

    Raises:
        ParseError: Not well-formed, or hostile (DTD, entities, too deep); raised when the
            iteration reaches the fault, so articles before it have been read.
        ValidationError: An item is not a valid article, or, with *strict*, deviates from the
            standard; the message names element and line.
        UnsupportedError: The document is not NewsML-G2, or holds items and none of them
            is an article (a package of items sent elsewhere, concepts, planning, video).

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       Takes a binary file, and streams newsMessages of newsItems; *strict* and
       *default_timezone*.
    """
    reading = Reading(Repairs(strict=strict), default_timezone)
    if isinstance(source, str):
        source = _xml.encode_xml(source)
    if isinstance(source, (bytes, bytearray)):
        if _PACKAGE in source:
            found = _read.articles(
                _xml.parse_xml(source, repairs=reading.repairs), reading, skip_unsupported=True
            )
        else:
            found = _read.stream_articles(
                _xml.iterparse_xml(io.BytesIO(source), repairs=reading.repairs), reading
            )
        return _reported(found, reading)
    target: object = source
    if isinstance(target, io.TextIOBase):
        raise TypeError("the file is open in text mode: open it in binary mode ('rb')")
    return _reported(_iter_file(source, reading), reading)


def validate(data: str | bytes, /) -> None:
    """Check a NewsML-G2 document against the official 2.35 "All-Power" XML Schema, offline.

    The schema, and the ``xml.xsd`` it imports, ship with articlekit; nothing is fetched. The
    document is parsed as :func:`loads` parses it (no DTD, entities or network).

    Args:
        data: The XML, as bytes or text.

    Raises:
        ParseError: *data* is not well-formed XML, or is hostile (DTD, entities, too deep).
        ValidationError: The schema refuses the document; ``violations`` lists each rule
            broken, with the element's path (``newsMessage/itemSet/newsItem/itemMeta``) and
            line.

    .. versionadded:: 0.1
    """
    _schemas.bundled_checker(_schemas.NEWSML_SCHEMA)(data)


def _reported(found: Iterator[Article], reading: Reading) -> Iterator[Article]:
    """Each article of *found*, once the repairs made in reading it are reported.

    Raises:
        UnsupportedError: The document held items, and none was an article.
    """
    count = 0
    for article in found:
        reading.repairs.warn(stacklevel=2)
        count += 1
        yield article
    if not count and reading.skipped:
        raise UnsupportedError(f"the document holds no article: {reading.skipped[0]}")


def _iter_file(fp: IO[bytes], reading: Reading) -> Iterator[Article]:
    if not fp.seekable():
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as copy:
            shutil.copyfileobj(fp, copy)
            copy.seek(0)
            yield from _iter_file(copy, reading)
        return
    start = fp.tell()
    has_package = _contains(fp, _PACKAGE)
    fp.seek(start)
    if has_package:
        root = _xml.parse_xml(read_binary(fp), repairs=reading.repairs)
        yield from _read.articles(root, reading, skip_unsupported=True)
    else:
        yield from _read.stream_articles(
            _xml.iterparse_xml(without_name(fp), repairs=reading.repairs), reading
        )


_PACKAGE: Final = b"packageItem"
_SPOOL_BYTES: Final = 8 * 1024 * 1024
_CHUNK_BYTES: Final = 1024 * 1024


def _contains(fp: IO[bytes], needle: bytes) -> bool:
    """Tell whether the rest of *fp* holds *needle*, reading it in chunks (not parsing)."""
    tail = b""
    while chunk := fp.read(_CHUNK_BYTES):
        if needle in tail + chunk[: len(needle)] or needle in chunk:
            return True
        tail = chunk[-len(needle) :]
    return False
