"""Read a real-world news page into an `Article`: metadata first, then the body by content scoring.

Conventions:

- no network: nothing the page links to is fetched; relative URLs are resolved against the
  page's canonical URL, ``og:url`` or the ``url`` argument;
- bytes are decoded as the page declares (BOM, ``<meta charset>``), else as UTF-8, else as
  Windows-1252; at most 16 MiB are read;
- what a reader sees wins for display fields: the headline, dek, kicker, section, bylines, lead
  photo, caption and credit the page prints win over declared ones; the declaration wins for
  dates and identifiers, and fills what the page does not print: JSON-LD (``NewsArticle``,
  ``Article``, ``ReportageNews``, ``BlogPosting``, ... inside ``@graph`` and lists too), then
  microdata, then OpenGraph, ``article:*`` and other ``<meta>`` tags;
- dates without a timezone are read as UTC, unless the page prints the same wall clock with one;
- a credit printed in a caption ("Photo by NAME/AGENCY.", "(AGENCY)", "Credit: ...") or in an
  element of its own beside it is split off into `Photo.credit`;
- without a URL the article's ``uri`` is ``urn:sha256:`` of its headline and body text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable
from typing import Any, Final, NamedTuple

from lxml import etree

from articlekit._xml import MAX_INLINE_DEPTH
from articlekit.errors import ParseError, ValidationError
from articlekit.model import Article, Block, Heading, Paragraph, Photo, Topic
from articlekit.web._body import blocks_of, clean_tree, find_body
from articlekit.web._common import built_or_none, clean, element_text, pick
from articlekit.web._dates import published_time
from articlekit.web._header import (
    breadcrumb_section,
    dek_element,
    element_saying,
    first_label,
    header_labels,
    tag_links,
    topic_lists,
)
from articlekit.web._headline import declared_names, headline_element, page_headline
from articlekit.web._meta import from_json_ld, from_meta, from_microdata
from articlekit.web._people import bylines, page_authors
from articlekit.web._photos import (
    declared_photo,
    first_below,
    lead_figure,
    opens_with_first_photo,
    with_lead_photo,
)

__all__ = ["MAX_BYTES", "extract"]

MAX_BYTES: Final = 16 * 1024 * 1024
"""The largest page :func:`extract` reads; the biggest news pages are a few MiB."""

_PARSER: Final = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
)
# White space after the quote only, not "\s*["']?\s*": two runs of it in a row backtrack.
_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*(?:["']\s*)?([A-Za-z0-9_.:-]+)""", re.I
)
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_KICKER: Final = re.compile(r"kicker|eyebrow|overline|supertitle|rubric", re.I)
_DATELINE: Final = re.compile(r"\bdateline\b", re.I)


# The byte order marks a browser honours before any declaration, and the codec each names.
BYTE_ORDER_MARKS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The WHATWG Encoding standard maps these labels to windows-1252, as every browser does.
_READ_AS_WINDOWS_1252: Final = frozenset({"latin-1", "iso8859-1", "ascii"})


def browser_codec(label: str) -> str | None:
    """The Python codec of a declared charset *label*, as browsers take it; None if unknown."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _READ_AS_WINDOWS_1252 else name


def _decode(data: bytes) -> str:
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        codec = browser_codec(declared.group(1).decode("ascii", errors="replace"))
        if codec is not None and not codec.startswith("utf-16"):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _parse(html: str | bytes) -> etree._Element:
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > MAX_BYTES:
            raise ParseError(f"page too large: {len(data)} bytes, the limit is {MAX_BYTES}")
        text = _decode(data)
    elif isinstance(html, str):
        if len(html) > MAX_BYTES:
            raise ParseError(f"page too large: {len(html)} characters, the limit is {MAX_BYTES}")
        text = html
    else:
        raise TypeError(f"expected str or bytes, got {type(html).__name__}")
    # lxml refuses a str that carries an encoding declaration; the text is already decoded.
    text = _XML_DECLARATION.sub("", text.replace("\x00", ""))
    if not text.strip():
        raise ParseError("not HTML: the page is empty")
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ParseError(f"not HTML: {error}") from None
    if root is None:
        raise ParseError("not HTML: the page has no elements")
    _flatten_too_deep(root)
    return root


# The elements at the deepest level `_xml.MAX_INLINE_DEPTH` allows that still hold elements:
# below it, a paragraph's inline markup is never deeper than the model takes.
_AT_DEPTH_LIMIT: Final = etree.XPath("/".join(["self::*"] + ["*"] * (MAX_INLINE_DEPTH - 1)) + "[*]")


def _flatten_too_deep(root: etree._Element) -> None:
    """Keep only the text of elements nested deeper than `_xml.MAX_INLINE_DEPTH`, in place."""
    # The walks of inline content recurse once per level; real pages nest fewer than 60 levels,
    # libxml2 stops at 256 (dropping the rest) or, in older releases, nowhere.
    found: Any = _AT_DEPTH_LIMIT(root)
    for element in found:
        etree.strip_elements(element, "script", "style", "template", with_tail=False)
        etree.strip_tags(element, "*")


def _near_headline(
    h1: etree._Element | None,
    pattern: re.Pattern[str],
    read: Callable[[etree._Element], str | None] = element_text,
) -> str | None:
    """Text of an element whose class matches *pattern*, in the headline's container."""
    if h1 is None:
        return None
    scope = h1.getparent()
    for _ in range(2):
        if scope is None:
            return None
        for element in scope.iter():
            if element is not h1 and pattern.search(element.get("class") or ""):
                text = read(element)
                if text and len(text) < 400:
                    return text
        scope = scope.getparent()
    return None


def _build(fields: dict[str, Any]) -> Article:
    """Build the article, dropping optional fields a real page filled with something invalid."""
    for _ in range(len(fields)):
        try:
            return Article(**fields)
        except ValidationError as error:  # noqa: PERF203 - at most once per bad field
            name = re.split(r"[.\[]", error.path, maxsplit=1)[0]
            if name in ("uri", "headline", "body", "photos", "") or name not in fields:
                raise
            del fields[name]
    return Article(**fields)


def extract(html: str | bytes, /, *, url: str | None = None) -> Article:
    """Read the article of a real-world news page: metadata, body blocks and photos.

    Args:
        html: The page as fetched: bytes (decoded as declared, else UTF-8, else Windows-1252) or
            text.
        url: Where the page was fetched from; used when the page names no canonical URL, and to
            resolve relative image URLs.

    Returns:
        The article, with ``uri`` from the canonical URL, ``og:url``, *url* or else a
        ``urn:sha256:`` of its text, and the body as paragraphs, headings, quotes, lists and
        photo references in reading order.

    Raises:
        ParseError: The page is empty, too large or not HTML at all.
        ValidationError: The page is HTML but has no headline of any kind and no text.
        TypeError: *html* is neither text nor bytes.

    >>> page = (
    ...     "<html><head><title>Hi</title></head><body><article><h1>Rain due</h1>"
    ...     "<p>Rain is expected on Sunday, the weather service said, in the north and west.</p>"
    ...     "<p>It will clear by Monday, with sun, light wind and cooler nights ahead.</p>"
    ...     "</article></body></html>"
    ... )
    >>> article = extract(page, url="https://example.org/rain")
    >>> article.headline, len(article.body), article.uri
    ('Rain due', 2, 'https://example.org/rain')

    .. versionadded:: 0.1
    """
    root = _parse(html)
    json_ld = from_json_ld(root)
    microdata = from_microdata(root)
    meta = from_meta(root)
    page_url = _page_url(root, meta, json_ld, url)
    declared = declared_names(json_ld, microdata, meta)
    h1 = headline_element(root, declared)
    headline = page_headline(root, h1, declared)
    # What the page prints around its headline and in its links, read before the tree is cleaned.
    furniture = _headline_furniture(h1, json_ld)
    labels = header_labels(h1)
    kicker = pick(labels.kicker, furniture.kicker, labels.lone_topic)
    section = pick(labels.section, json_ld.get("section"), meta.get("section"), labels.kicker)
    section = section or breadcrumb_section(root, headline)  # a search of the whole page
    topics = _topics(root, json_ld, [*labels.topics, *topic_lists(root, h1)])
    declared_authors = pick(json_ld.get("authors"), microdata.get("authors"), meta.get("authors"))
    authors = page_authors(root, h1, declared_authors)
    published = published_time(root, h1, json_ld, microdata, meta)
    updated = pick(json_ld.get("updated"), microdata.get("updated"), meta.get("updated"))
    summary = pick(json_ld.get("summary"), microdata.get("summary"), meta.get("summary"))
    base = page_url or url
    descriptions = [summary, *meta["descriptions"]]
    found = _body_and_photos(root, microdata.get("body_element"), h1, base, headline, descriptions)
    subheadline = pick(
        furniture.subheadline,
        found.shown_description,
        _unless_headline(json_ld.get("subheadline"), headline),
    )
    body = _without_dek(found.blocks, subheadline)
    photos = found.photos or declared_photo(pick(json_ld.get("image"), meta.get("image")), base)
    headline = headline or _headline_from_text(body)
    fields: dict[str, Any] = {
        "uri": page_url or _text_uri(headline, body),
        "url": page_url,
        "language": pick(root.get("lang"), json_ld.get("language")),
        "headline": headline,
        "subheadline": subheadline,
        "kicker": kicker,
        "section": section,
        "summary": summary,
        "bylines": bylines(authors),
        "photos": photos,
        "topics": topics,
        "keywords": list(dict.fromkeys(pick(json_ld.get("keywords"), meta.get("keywords")) or [])),
        "body": body,
        "published": published,
        "updated": updated,
        "dateline": furniture.dateline,
        "provider": json_ld.get("provider"),
    }
    return _build(fields)


_WEB: Final = ("http://", "https://")


def _canonical_url(root: etree._Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return clean(link.get("href"))
    return None


def _page_url(
    root: etree._Element, meta: dict[str, Any], json_ld: dict[str, Any], url: str | None
) -> str | None:
    """The page's own web address: the canonical link, ``og:url``, JSON-LD's, else *url*."""
    page_url: str | None = pick(_canonical_url(root), meta.get("url"), json_ld.get("url"), url)
    if page_url and not page_url.startswith(_WEB):
        return url if url and url.startswith(_WEB) else None
    return page_url


class _HeadlineFurniture(NamedTuple):
    """What a page prints beside its headline, each found by the class of its element."""

    kicker: str | None
    subheadline: str | None  # the dek or standfirst
    dateline: str | None


def _headline_furniture(h1: etree._Element | None, json_ld: dict[str, Any]) -> _HeadlineFurniture:
    """The kicker, the dek shown under the headline, the dateline."""
    dek = dek_element(h1)
    return _HeadlineFurniture(
        kicker=_near_headline(h1, _KICKER, first_label),
        subheadline=element_text(dek) if dek is not None else None,
        dateline=_near_headline(h1, _DATELINE),
    )


def _topics(root: etree._Element, json_ld: dict[str, Any], shown: list[str]) -> list[Topic]:
    """JSON-LD ``about``, else the tag links shown (*shown*) and ``rel=tag`` links, once each."""
    names = json_ld.get("topics") or [*shown, *tag_links(root)]
    topics = (built_or_none(Topic, name=name) for name in dict.fromkeys(names) if name)
    return [topic for topic in topics if topic is not None]


def _shown_description(
    root: etree._Element,
    descriptions: list[str | None],
    h1: etree._Element | None,
    start: etree._Element | None,
) -> str | None:
    """A declared description printed between the headline and the body, as the reader sees it."""
    if start is None:
        return None
    for description in dict.fromkeys(descriptions):
        shown = element_saying(root, description, h1, start)
        if shown is not None:
            return element_text(shown)
    return None


def _unless_headline(dek: str | None, headline: str | None) -> str | None:
    """*dek*, unless it only repeats the headline (as some CMSs declare it)."""
    if dek and headline and dek.casefold() == headline.casefold():
        return None
    return dek


# Templates print the dek in the header and again as the body's opening (WordPress excerpts),
# after a lead photo at most: within the first few blocks.
_DEK_REPEATS_WITHIN: Final = 4


def _without_dek(body: list[Block], dek: str | None) -> list[Block]:
    """*body* without the paragraphs repeating the dek among its first blocks."""
    if not dek:
        return body
    opening = [
        block
        for block in body[:_DEK_REPEATS_WITHIN]
        if not (isinstance(block, (Paragraph, Heading)) and block.plain_text == dek)
    ]
    return opening + body[_DEK_REPEATS_WITHIN:]


_HEADLINE_FROM_TEXT: Final = 120  # characters of the first paragraph, cut at a word


def _headline_from_text(body: list[Block]) -> str:
    """The start of the first paragraph, for a page with text and no headline of any kind."""
    text = next((b.plain_text for b in body if isinstance(b, Paragraph)), "")
    if not text:
        raise ValidationError(
            "no article found: the page has no headline (JSON-LD, og:title, <h1>, <title>)"
            " and no paragraph of text",
            path="headline",
        )
    if len(text) <= _HEADLINE_FROM_TEXT:
        return text
    return text[:_HEADLINE_FROM_TEXT].rsplit(" ", 1)[0] + "\u2026"


class _Found(NamedTuple):
    """The body as read, and the declared description the page prints above it, if it does."""

    blocks: list[Block]
    photos: list[Photo]
    shown_description: str | None


def _body_and_photos(
    root: etree._Element,
    hint: etree._Element | None,
    h1: etree._Element | None,
    base: str | None,
    headline: str | None,
    descriptions: list[str | None],
) -> _Found:
    """The body's blocks and photos, found once the tree is cleaned of boilerplate (in place).

    A page too short for content scoring gives the little text its article (or page) holds.
    The description is looked for between the cleaning and the reading of the body, which
    moves inline content into paragraphs of its own.
    """
    clean_tree(root, hint)
    containers = find_body(root, hint) or _short_article(root, h1)
    start = containers[0] if containers[0] is not root else None
    shown = _shown_description(root, descriptions, h1, start)
    body, photos = blocks_of(containers, base, headline)
    if h1 is not None and not opens_with_first_photo(body):
        lead = lead_figure(h1, first_below(containers, h1))
        body, photos = with_lead_photo(body, photos, lead, base)
    return _Found(body, photos, shown)


def _short_article(root: etree._Element, h1: etree._Element | None) -> list[etree._Element]:
    """The ``<article>`` or ``<main>`` around the headline (or the first one), else the page."""
    if h1 is not None:
        around = next(h1.iterancestors("article", "main"), None)
        if around is not None:
            return [around]
    return [next(root.iter("article", "main", "body"), root)]


def _text_uri(headline: str, body: list[Block]) -> str:
    """A ``urn:sha256:`` of the headline and the body's text, for a page without a web address."""
    text = "\n".join([headline, *(getattr(block, "text", "") for block in body)])
    return f"urn:sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()}"
