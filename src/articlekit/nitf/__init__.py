"""IPTC NITF (News Industry Text Format): read NITF 3.0-3.6, write NITF 3.6.

Wire conventions:

- :func:`dumps` writes UTF-8 bytes with an XML declaration; the root is
  ``<nitf version="-//IPTC//DTD NITF 3.6//EN">`` in the namespace
  ``http://iptc.org/std/NITF/2006-10-18/``, valid against the official 3.6 XML Schema;
  the reader takes NITF 3.0-3.6 with that namespace or none (as most real documents have);
- times are ``norm`` attributes in ISO 8601 basic format with the UTC offset
  (``20241030T141500+0100``), the form the 3.6 schema calls preferred; microseconds are a
  decimal fraction of the second; the reader also takes the extended form
  (``2024-10-30T14:15:00+01:00``) and ``Z``, and reads a time without a zone in
  *default_timezone*, reported;
- ``docdata``: ``doc-id@id-string`` is the uri, ``urgency@ed-urg`` the urgency,
  ``date.issue`` published, ``date.release`` embargoed (NITF: "the document may be released"
  not before), ``ed-msg@info`` the editor's note, ``du-key@version`` the version and
  ``du-key@key`` the slugline (as Superdesk writes them), ``doc.copyright@holder``,
  ``doc.rights@limitations`` the usage terms, ``key-list/keyword@key`` the keywords,
  ``identified-content`` the topics, ``evloc@city`` the place the story happened (located;
  read as its city, county and state), ``@management-status`` the status;
- topics by kind: ``person``, ``org``, ``location``, ``event``, ``object.title``, and
  ``classifier`` of ``type`` ``subject`` or ``genre``; the name is the text, the code
  ``@value`` (``@location-code`` for a place), the uri an ``alt-code idsrc="uri"``;
- ``pubdata``: ``@ex-ref`` the web address (``type="web"``), ``@position.section`` the
  section; ``revision-history@norm`` the time of this version (updated); the language is
  ``nitf@baselang``;
- ``body.head``: ``hedline/hl1`` the headline (also ``head/title``), ``hl2 class="kicker"``
  the kicker, another ``hl2`` the subheadline, a ``byline`` per person (``person`` with the
  uri as ``idsrc="uri"`` and ``value``, ``byttl`` with the role and the affiliation as
  ``org``, the e-mail as ``virtloc``), ``distributor`` the provider,
  ``dateline`` as printed, with the creation time as ``story.date@norm`` (a dateline's
  ``location`` reads as the place where there is no ``evloc``), ``abstract`` the summary;
- ``body.content``: ``p``, ``hl2`` (a heading; a level other than 2 as ``class="h3"`` to
  ``"h6"``), ``bq`` with its ``credit``, ``ol``/``ul``, ``media media-type="image"`` for a
  photo wherever a `PhotoRef` places it (the first with the ``id`` ``photo-N``, N its index
  in ``photos``, so that any order of placements reads back), and
  ``media media-type="other"`` for an embed; photos no block places come last, in a
  ``block class="unplaced-photos"``; ``body.end/tagline/copyrite`` the copyright notice;
  inline ``strong``, ``code``, ``sub`` and ``sup`` are ``em`` of class ``bold``, ``code``,
  ``subscript`` and ``superscript``;
- a photo's ``media``: ``media-metadata name="uri"``, a ``media-reference`` without a name
  for the main file (``source``, ``mime-type``, ``width``, ``height``, ``alternate-text``,
  ``copyright``), one named ``media-reference`` per rendition, ``media-caption`` the
  caption, ``media-producer`` the credit, and ``media-producer class="photographer"`` the
  photographer (``person``, ``function`` the role, ``org``, ``virtloc``);
- what NITF cannot carry is reported (`LossWarning`, or `LossError` with ``strict``): a
  biography, of a byline or a photographer;
- reading parses through articlekit's hardened parser (no DTD, entities or network); what
  the model has no field for (``meta``, ``tobject``, ``table``, a ``tagline``, ...) is
  reported once per document as a `RepairWarning`, as is each repair (a headline derived
  from the slugline, title, abstract or first paragraph; a uri derived from the content).

.. versionadded:: 0.2
"""

from __future__ import annotations

from datetime import timezone, tzinfo
from typing import IO, Final

from articlekit import _schemas, _xml
from articlekit._io import read_binary, write_binary
from articlekit._loss import report_losses
from articlekit._repairs import Repairs
from articlekit.model import Article
from articlekit.nitf._mapping import FORMAT_NAME
from articlekit.nitf._mapping import NAMESPACE as _NAMESPACE
from articlekit.nitf._read import read_document
from articlekit.nitf._write import write

__all__ = ["NAMESPACE", "dump", "dumps", "load", "loads", "validate"]

NAMESPACE: Final = _NAMESPACE
"""The NITF 3.5/3.6 XML namespace, which :func:`dumps` writes."""


def dumps(article: Article, /, *, strict: bool = False) -> bytes:
    """Write *article* as a NITF 3.6 document.

    Args:
        article: The article.
        strict: Raise `LossError` instead of warning when a field cannot be written.

    Returns:
        The document as UTF-8 bytes with an XML declaration.

    Raises:
        LossError: *strict* is set and NITF cannot carry a field of *article*.

    .. versionadded:: 0.2
    """
    data, losses = write(article)
    report_losses(FORMAT_NAME, losses, strict=strict)
    return data


def dump(article: Article, fp: IO[bytes], /, *, strict: bool = False) -> None:
    """Write *article* as NITF 3.6 to the binary file *fp*; see :func:`dumps`.

    .. versionadded:: 0.2
    """
    write_binary(fp, dumps(article, strict=strict))


def loads(
    data: str | bytes, /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read an article from a NITF 3.0-3.6 document, with or without the NITF namespace.

    The deviations of real documents are read and each is reported as a `RepairWarning`: a
    missing ``hl1`` (the headline is derived from the slugline, title, abstract or first
    paragraph), a missing ``doc-id`` (a uri is derived from the content), a time without a
    zone, a paragraph whose text is escaped HTML (read as HTML, through the sanitiser), and,
    once per document, the elements the model has no field for.

    Args:
        data: The XML, as bytes (any encoding its declaration names) or text.
        strict: Refuse every deviation instead of repairing it.
        default_timezone: The zone of times written without one.

    Raises:
        ParseError: *data* is not well-formed XML, or is hostile (DTD, entities, too deep).
        ValidationError: It is NITF but not a valid article, or, with *strict*, deviates;
            the message names the element and its line.
        UnsupportedError: The root element is not ``nitf``.

    .. versionadded:: 0.2
    """
    repairs = Repairs(strict=strict)
    article = read_document(_xml.parse_xml(data, repairs=repairs), repairs, default_timezone)
    repairs.warn()
    return article


def load(
    fp: IO[bytes], /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read an article from a binary file of NITF; see :func:`loads`.

    .. versionadded:: 0.2
    """
    repairs = Repairs(strict=strict)
    article = read_document(
        _xml.parse_xml(read_binary(fp), repairs=repairs), repairs, default_timezone
    )
    repairs.warn()
    return article


def validate(data: str | bytes, /) -> None:
    """Check a NITF document against the official NITF 3.6 XML Schema, offline.

    The schema, its ruby include and the ``xml.xsd`` it imports ship with articlekit; nothing
    is fetched. The schema takes only documents in the NITF namespace
    (``http://iptc.org/std/NITF/2006-10-18/``), which :func:`loads` does not require.

    Args:
        data: The XML, as bytes or text.

    Raises:
        ParseError: *data* is not well-formed XML, or is hostile (DTD, entities, too deep).
        ValidationError: The schema refuses the document; ``violations`` lists each rule
            broken, with the element's path (``nitf/body/body.head``) and line.

    .. versionadded:: 0.2
    """
    _schemas.bundled_checker(_schemas.NITF_SCHEMA)(data)
