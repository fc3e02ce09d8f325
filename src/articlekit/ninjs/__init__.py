"""IPTC ninjs ("News in JSON"): read versions 1.x, 2.x and 3.x, write 2.2 and 3.1.

Wire conventions:

- one JSON object per item, UTF-8; :func:`iter_articles` also reads a JSON array of items;
- written documents declare their version first, as the schema defines it:
  ``"standard": {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}``;
- 2.2 names are lower case (``versioncreated``, ``pubstatus``), 3.1 names camelCase
  (``versionCreated``, ``pubStatus``, ``embargoedUntil``); otherwise the two are written alike;
- the version read is the declared one (``standard``, ``$standard`` or a ninjs ``$schema``
  URL), else the one the shape shows; a declared version this release does not know is an
  `UnsupportedError`;
- datetimes are RFC 3339 with a UTC offset (``Z`` for UTC); ``version`` is a string of digits;
  ``urgency`` an integer of 1 to 9 (another value read is dropped, reported as a repair);
- ``headlines[]`` roles: ``main`` (the headline), ``sub`` (subheadline), ``kicker``;
  ``descriptions[]`` roles: ``summary``, ``section``, ``dateline``;
- the body is one ``bodies[]`` entry, role ``main``, ``contentType`` ``text/html``: ``p``,
  ``h2``-``h6``, ``blockquote`` (attribution in ``footer``), ``ul``/``ol``, ``figure`` with
  ``data-association`` naming the photo's association, ``figure class="embed"`` holding a link;
- bylines are ``by`` (names joined by ", ") and ``people[]`` with ``rel`` ``creator`` or
  ``creator:<role>``; e-mail, affiliation and bio are ``contactInfo`` entries of those types;
- topics are ``subjects``, ``people``, ``organisations``, ``places``, ``events``, ``objects``,
  ``genres`` (``name``, ``uri``, and the QCode as ``literal``); keywords are ``subjects`` with
  ``rel`` ``keyword``; topics not grouped by kind keep their order in the ``altIds`` entry of
  role ``articlekit:topic-order``;
- photos are ``associations`` of ``type`` ``picture`` named ``photo1``, ``photo2``, ...:
  ``by`` is the credit, ``people[]`` the photographer, ``descriptions[]`` roles ``caption``
  and ``alt``; the main image file is the first rendition, named ``original``; a photo without
  a uri gets ``urn:articlekit:photo-without-uri:<n>``, which reads back as no uri;
- the web address (``url``) is a root rendition of ``contentType`` ``text/html``; the provider
  is an ``infoSources[]`` entry of role ``provider``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json as _json
from collections.abc import Iterator
from datetime import timezone, tzinfo
from typing import IO, Any, Final

from articlekit import _schemas
from articlekit._io import read_binary, write_binary
from articlekit._json_text import parse_json
from articlekit._loss import report_losses
from articlekit._repairs import Repairs
from articlekit.errors import ValidationError
from articlekit.model import Article
from articlekit.ninjs._names import CAMEL, SCHEMA_URL, rename
from articlekit.ninjs._read import read_document
from articlekit.ninjs._write import write_article

__all__ = ["VERSIONS", "dump", "dumps", "iter_articles", "load", "loads", "validate"]

VERSIONS: Final = ("2.2", "3.1")
"""The ninjs versions :func:`dumps` writes; it reads 1.0-1.6, 2.0-2.2 and 3.0-3.1."""


def dumps(
    article: Article, /, *, version: str = "3.1", strict: bool = False, indent: int | None = None
) -> str:
    """Write *article* as a ninjs document.

    Args:
        article: The article.
        version: The ninjs version to write, one of :data:`VERSIONS`.
        strict: Raise `LossError` instead of warning when a field cannot be carried.
        indent: Indent nested members by this many spaces; ``None`` writes one line.

    Returns:
        The JSON text, valid against the official schema of *version*.

    Raises:
        ValueError: *version* is not one of :data:`VERSIONS`.
        LossError: With *strict*, when the article holds something ninjs cannot carry.

    .. versionadded:: 0.1
    """
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    if version not in VERSIONS:
        raise ValueError(f"ninjs version {version!r} is not written; choose one of {VERSIONS}")
    lost: list[str] = []
    document: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URL.format(version)}
    }
    document.update(write_article(article, lost))
    report_losses(f"ninjs {version}", lost, strict=strict)
    if version[0] != "2":
        document = rename(document, CAMEL)
    return _json.dumps(document, ensure_ascii=False, indent=indent)


def dump(
    article: Article,
    fp: IO[bytes],
    /,
    *,
    version: str = "3.1",
    strict: bool = False,
    indent: int | None = None,
) -> None:
    """Write *article* as ninjs, UTF-8 encoded, to the binary file *fp*; see :func:`dumps`.

    .. versionadded:: 0.1
    """
    write_binary(fp, dumps(article, version=version, strict=strict, indent=indent).encode())


def loads(
    data: str | bytes, /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read an article from a ninjs document of version 1.x, 2.x or 3.x.

    The deviations real producers send are read and each is reported as a `RepairWarning`:
    an identifier in ``guid``, ``_id`` or ``id`` instead of ``uri`` (Superdesk); an integer
    ``version`` and an array of ``usageterms`` (AP's Media API); a ``+0000`` offset or none
    in a date-time; a missing headline, derived from the slugline, title, description or
    body; a member given twice in one object (the last one is read). TT's TTNINJS is read
    as the ninjs 1.x it extends.

    Args:
        data: The JSON text, or its bytes in UTF-8, UTF-16 or UTF-32.
        strict: Refuse every deviation instead of repairing it.
        default_timezone: The zone of date-times written without one.

    Raises:
        ParseError: *data* is not JSON, or, with *strict*, gives a member twice in an object;
            ``line`` and ``column`` say where.
        ValidationError: It is JSON but not a ninjs item that makes a valid article, or, with
            *strict*, deviates from ninjs; ``path`` says where, in the document's own names.
        UnsupportedError: It declares a ninjs version (or another standard) not read here.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       Real producers' deviations are repaired and reported; *strict* and
       *default_timezone*.
    """
    repairs = Repairs(strict=strict)
    article = read_document(parse_json(data, repairs=repairs), repairs, default_timezone)
    repairs.warn()
    return article


def load(
    fp: IO[bytes], /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read an article from a binary file of ninjs; see :func:`loads`.

    .. versionadded:: 0.1
    """
    repairs = Repairs(strict=strict)
    document = parse_json(read_binary(fp), repairs=repairs)
    article = read_document(document, repairs, default_timezone)
    repairs.warn()
    return article


def iter_articles(
    data: str | bytes, /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Iterator[Article]:
    """Read the articles of a ninjs document: one item, or a JSON array of items.

    The JSON is parsed at once (a `ParseError` is raised by this call); items are read as the
    iterator is advanced, and a `ValidationError` names the item's index in its ``path``.
    Deviations are repaired and reported as :func:`loads` does, each item's as it is read.

    .. versionadded:: 0.1
    """
    repairs = Repairs(strict=strict)
    document = parse_json(data, repairs=repairs)
    if not isinstance(document, list):
        article = read_document(document, repairs, default_timezone)
        repairs.warn()
        return iter([article])
    repairs.warn()  # members given twice, found while parsing
    return _iter_items(document, repairs, default_timezone)


def validate(data: str | bytes, /, *, version: str = "3.1") -> None:
    """Check a ninjs document against the official JSON Schema of *version*, offline.

    The schemas of ninjs 1.4, 1.6, 2.1, 2.2, 3.0 and 3.1 ship with articlekit; a GeoJSON
    geometry, which the 2.x and 3.x schemas refer to by URL, is taken as it is. A JSON array
    is checked item by item. ``format`` keywords are annotations, as JSON Schema 2020-12
    defines them by default: a date-time is checked to be a string, not parsed. Needs the
    ``jsonschema`` package: ``pip install 'articlekit[validate]'``.

    >>> import articlekit
    >>> articlekit.ninjs.validate(articlekit.ninjs.dumps(articlekit.sample()))
    >>> articlekit.ninjs.validate('{"uri": 1}')
    Traceback (most recent call last):
    ...
    articlekit.errors.ValidationError: not valid against ninjs-schema_3.1.json: 1 violation:
      uri: 1 is not of type 'string'

    Args:
        data: The JSON text, or its bytes.
        version: The ninjs version whose schema to check against.

    Raises:
        ParseError: *data* is not JSON.
        ValidationError: The schema refuses the document; ``violations`` lists each rule
            broken, with the JSON path of its member (``headlines[0].value``).
        ValueError: No schema of *version* ships with articlekit.
        ImportError: ``jsonschema`` is not installed.

    .. versionadded:: 0.1
    """
    _schemas.ninjs_checker(version)(data)


def _iter_items(items: list[Any], repairs: Repairs, zone: tzinfo) -> Iterator[Article]:
    index = 0
    try:
        for index, item in enumerate(items):  # noqa: B007 - the handler reads the index
            article = read_document(item, repairs, zone)
            repairs.warn()
            yield article
    except ValidationError as error:
        raise error.at(index) from None
