"""IPTC NewsML 1.x (1.0-1.2): read the articles of a NewsML envelope. Read only.

NewsML 1.x was replaced by NewsML-G2 in 2008; agencies still deliver it and archives hold it,
so articlekit reads it, but nobody should produce it now: there is no writer (write
NewsML-G2 with `articlekit.newsml`, or NITF with `articlekit.nitf`).

Wire conventions:

- the root is ``NewsML``; elements are matched by local name; the DOCTYPE real documents
  carry (often with an internal subset naming the NITF DTD as a parameter entity) is read
  safely and never loaded;
- one article per ``NewsItem`` that holds text (an item of photos alone is skipped);
- ``NewsIdentifier``: ``PublicIdentifier`` is the uri (when it names the item; else
  ``urn:newsml:ProviderId:DateId:NewsItemId``, reported), ``RevisionId`` the version;
- ``NewsManagement``: ``FirstCreated`` published, ``ThisRevisionCreated`` updated,
  ``Status`` the status, ``Urgency`` the urgency (1 to 9), ``StatusWillChange`` to
  ``usable`` at a ``DateAndTime`` the embargo; ``NewsEnvelope``'s ``DateAndTime``,
  ``NewsService`` and ``Priority`` stand in for the published time, provider and urgency
  where the item has none;
- times are ISO 8601, basic (``20031010T120000+0000``, NewsML 1's form) or extended; a time
  without a zone is read in *default_timezone* and reported;
- the ``NewsComponent`` tree is read in document order, the first value of a field winning:
  ``NewsLines`` (``HeadLine``, ``SubHeadLine``, ``ByLine`` with ``ByLineTitle`` as the role,
  ``DateLine``, ``SlugLine``, ``CopyrightLine`` the copyright notice, ``KeywordLine`` and
  ``CreditLine``, the provider where no ``Provider`` is named),
  ``AdministrativeMetadata`` (``Provider``, else ``Source``, the provider; ``Creator``
  parties the bylines where no ``ByLine`` names one), ``RightsMetadata`` (``UsageType`` the
  usage terms, ``CopyrightHolder``), ``DescriptiveMetadata`` (``Language``, ``Genre`` and
  ``SubjectCode`` as topics by code, ``Location`` as the place, ``Property Keyword`` as
  keywords, ``DateLineDate`` the creation time);
- of sibling components in different languages (``xml:lang``), the first is read and the
  others are reported;
- a ``ContentItem``'s ``DataContent`` holds NITF (read by `articlekit.nitf`'s reader; its
  ``hl1``, bylines, dateline and abstract fill what the NewsML leaves out), XHTML (read as
  ninjs bodies are, sanitised) or plain text (a paragraph per run between blank lines, else
  per line); a text component of ``Role`` ``Title`` is the headline, ``Lead`` or
  ``Abstract`` the summary;
- a photo is a component of ``Role`` ``Photo``/``Picture`` or a ``ContentItem`` of
  ``MediaType`` ``Photo``: its ``Href`` files (the widest the main one, the others
  renditions named by their role, with ``MimeType`` and ``Characteristics`` width and
  height), a ``Caption`` component (else the ``HeadLine``) the caption, ``CreditLine`` (else
  the ``Creator``) the credit; photos are not placed in the body;
- each repair is a `RepairWarning` (a `ValidationError` with ``strict``): a headline derived
  from the slugline, NITF title, summary or first paragraph, a uri built or derived, a time
  without a zone, an urgency out of range; and, once per item, what the model has no field
  for.

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timezone, tzinfo
from typing import IO

from articlekit import _xml
from articlekit._io import read_binary
from articlekit._repairs import Repairs
from articlekit.errors import ValidationError
from articlekit.model import Article
from articlekit.newsml1._read import read_articles

__all__ = ["iter_articles", "load", "loads"]


def loads(
    data: str | bytes, /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read the one article of a NewsML 1.x document.

    Args:
        data: The XML, as bytes (any encoding its declaration names) or text.
        strict: Refuse every deviation instead of repairing it.
        default_timezone: The zone of times written without one.

    Raises:
        ParseError: *data* is not well-formed XML, or is hostile (entities, too deep).
        ValidationError: It is NewsML 1.x but not a valid article, holds more than one
            (read them with :func:`iter_articles`), or, with *strict*, deviates; the message
            names the element and its line.
        UnsupportedError: The root element is not ``NewsML``, or no NewsItem holds text.

    .. versionadded:: 0.2
    """
    repairs = Repairs(strict=strict)
    articles = list(read_articles(_xml.parse_xml(data, repairs=repairs), repairs, default_timezone))
    if len(articles) > 1:
        raise ValidationError(
            f"the document holds {len(articles)} articles: read them with iter_articles"
        )
    repairs.warn()
    return articles[0]


def load(
    fp: IO[bytes], /, *, strict: bool = False, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Read the one article of a binary file of NewsML 1.x; see :func:`loads`.

    .. versionadded:: 0.2
    """
    return loads(read_binary(fp), strict=strict, default_timezone=default_timezone)


def iter_articles(
    source: str | bytes | IO[bytes],
    /,
    *,
    strict: bool = False,
    default_timezone: tzinfo = timezone.utc,
) -> Iterator[Article]:
    """Read the article of every NewsItem with text in a NewsML 1.x envelope.

    Each article's repairs are reported as it is taken from the iterator.

    Args:
        source: The XML as bytes or text, or a binary file open for reading.
        strict: Refuse every deviation instead of repairing it.
        default_timezone: The zone of times written without one.

    Raises:
        ParseError: *source* is not well-formed XML, or is hostile.
        ValidationError: An item is not a valid article, or, with *strict*, deviates.
        UnsupportedError: The root element is not ``NewsML``, or no NewsItem holds text.

    .. versionadded:: 0.2
    """
    data = source if isinstance(source, (str, bytes)) else read_binary(source)
    repairs = Repairs(strict=strict)
    root = _xml.parse_xml(data, repairs=repairs)
    return _reported(read_articles(root, repairs, default_timezone), repairs)


def _reported(found: Iterator[Article], repairs: Repairs) -> Iterator[Article]:
    for article in found:
        repairs.warn(stacklevel=2)
        yield article
