"""The HTML reader: the ``<article>`` articlekit writes, read back from its markup and microdata.

`parse_html` (hostile input in, a tree out), then `read_article_element` for the semantic
markup articlekit writes; what any page declares in its head is read by
`articlekit._page_head.read_head_metadata`, shared with the reader of other sites' pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

from lxml import etree

from articlekit._numbers import ascii_integer
from articlekit._validate import URGENCY_LEAST, URGENCY_MOST
from articlekit._xml import MAX_BYTES, check_depth
from articlekit.errors import ParseError, ValidationError
from articlekit.inline import canonical_inline_from_element
from articlekit.model import (
    Article,
    Block,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
    Rendition,
    Topic,
)

# No network, no entities; comments and PIs carry nothing we read.
_PARSER: Final = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
)
_HEADINGS: Final = {f"h{level}": level for level in range(2, 7)}
_MAX_INT: Final = 2**31 - 1


def parse_html(data: str | bytes) -> etree._Element:
    """Parse untrusted HTML into its root element; `ParseError` when there is nothing to read."""
    if isinstance(data, (bytes, bytearray)):
        if len(data) > MAX_BYTES:
            raise ParseError(f"document too large: {len(data)} bytes, the limit is {MAX_BYTES}")
        try:  # articlekit writes UTF-8; a BOM may say UTF-8 as well
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(f"not UTF-8 text: {error.reason} at byte {error.start}") from None
    if not isinstance(data, str):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(data) > MAX_BYTES:
        raise ParseError(f"document too large: {len(data)} characters, the limit is {MAX_BYTES}")
    if not data.strip():
        raise ParseError("not HTML: the document is empty")
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ParseError(f"not HTML: {error}") from None
    if root is None:
        raise ParseError("not HTML: the document has no elements")
    check_depth(root)
    return root


def find_article(root: etree._Element) -> etree._Element:
    """The ``<article>`` articlekit wrote: class ``articlekit``, else the first ``<article>``."""
    candidates = list(root.iter("article"))
    for element in candidates:
        if "articlekit" in (element.get("class") or "").split():
            return element
    if candidates:
        return candidates[0]
    raise ValidationError("no <article> element: not an HTML page written by articlekit")


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _children(element: etree._Element, tag: str, class_: str | None = None) -> Iterator[Any]:
    for child in element:
        if child.tag == tag and (class_ is None or class_ in _classes(child)):
            yield child


def _child(element: etree._Element | None, tag: str, class_: str | None = None) -> Any:
    if element is None:
        return None
    return next(_children(element, tag, class_), None)


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return "".join(str(piece) for piece in element.itertext())


def _where(element: etree._Element, attribute: str) -> str:
    """Name an attribute for an error message: ``<figure data-photo> on line 12``."""
    line = "" if element.sourceline is None else f" on line {element.sourceline}"
    return f"<{element.tag} {attribute}>{line}"


def _number(
    element: etree._Element,
    attribute: str,
    path: str,
    *,
    least: int = 1,
    most: int = _MAX_INT,
    beyond: str = "",
) -> int | None:
    """The integer in *attribute* of *element*, if any: ASCII digits from *least* to *most*.

    Checked before it sizes or indexes anything; *beyond* says why *most* is the limit.
    """
    value = element.get(attribute)
    if value is None:
        return None
    number = ascii_integer(value)  # ASCII digits only, at most ten
    if number is None:
        shown = value if len(value) <= 20 else value[:20] + "..."
        raise ValidationError(
            f"{_where(element, attribute)} is {shown!r}, not a number of 1 to 10 ASCII digits",
            path=path,
        )
    if number > most and beyond:
        raise ValidationError(f"{_where(element, attribute)} is {number}, {beyond}", path=path)
    if not least <= number <= most:
        raise ValidationError(
            f"{_where(element, attribute)} is {number}, not from {least} to {most}", path=path
        )
    return number


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _target(link: etree._Element) -> str | None:
    """The URL of a link, or of the ``span`` the writer puts where a URL may not be a link."""
    return link.get("href") if link.tag == "a" else link.get("data-href")


def _datetime(value: str | None, path: str) -> datetime | None:
    if value is None:
        return None
    text = value.strip()
    if text[-1:] in ("Z", "z"):  # Python 3.10's fromisoformat does not know "Z"
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValidationError(
            f"{value!r} is not an RFC 3339 date-time with a timezone", path=path
        ) from None
    return moment


def _itemprop_element(article: etree._Element, name: str) -> etree._Element | None:
    for child in article:
        if child.tag in ("meta", "link") and child.get("itemprop") == name:
            return child
    return None


def _itemprop(article: etree._Element, name: str) -> str | None:
    """The value of a ``meta`` (``content``) or ``link`` (``href``) with this microdata name."""
    found = _itemprop_element(article, name)
    if found is None:
        return None
    value: str | None = found.get("href" if found.tag == "link" else "content")
    return value


def read_article_element(article: etree._Element) -> Article:
    """Build an `Article` from an ``<article>`` element that articlekit wrote."""
    header = _child(article, "header")
    if header is None:
        raise ValidationError("the <article> has no <header>", path="headline")
    headline = _child(header, "h1")
    if headline is None:
        raise ValidationError("the <article> header has no <h1>", path="headline")
    uri = _itemprop(article, "identifier")
    if uri is None:
        raise ValidationError('no <meta itemprop="identifier"> in the <article>', path="uri")
    footer = _child(article, "footer", "article-footer")
    times = _child(header, "p", "meta")

    def footer_text(class_: str) -> str | None:
        if footer is None:
            return None
        for line in _children(footer, "p"):
            found = _child(line, "span", class_)
            if found is not None:
                return _text(found)
        return None

    version = _itemprop_element(article, "version")
    fields: dict[str, Any] = {
        "uri": uri,
        "version": 1 if version is None else _number(version, "content", "version"),
        "url": _itemprop(article, "url"),
        "language": article.get("lang"),
        "headline": _text(headline),
        "subheadline": _text(_child(header, "p", "dek")),
        "kicker": _text(_child(header, "p", "kicker")),
        "section": _text(_child(header, "p", "section")),
        "summary": _itemprop(article, "description"),
        "slugline": article.get("data-slugline"),
        "bylines": _bylines(header),
        "photos": _photos(article, header),
        "topics": _topics(article),
        "keywords": [_text(item) for item in _list_items(article, "keywords")],
        "body": _body(article),
        "created": _datetime(_itemprop(article, "dateCreated"), "created"),
        "published": _datetime(_time(times, "published"), "published"),
        "updated": _datetime(_time(times, "updated"), "updated"),
        "embargoed": _datetime(article.get("data-embargoed"), "embargoed"),
        "dateline": _text(_child(header, "p", "dateline")),
        "located": footer_text("located"),
        "status": article.get("data-status") or "usable",
        "provider": footer_text("provider"),
        "copyright_holder": footer_text("copyright-holder"),
        "copyright_notice": footer_text("copyright"),
        "usage_terms": footer_text("usage-terms"),
        "editor_note": article.get("data-editor-note"),
        "urgency": _number(
            article, "data-urgency", "urgency", least=URGENCY_MOST, most=URGENCY_LEAST
        ),
    }
    return Article(**fields)


def _time(parent: etree._Element | None, class_: str) -> str | None:
    found = _child(parent, "time", class_)
    return None if found is None else found.get("datetime")


def _bylines(header: etree._Element) -> list[Byline]:
    address = _child(header, "address", "byline-list")
    if address is None:
        return []
    return [
        _byline(person, f"bylines[{index}]")
        for index, person in enumerate(_children(address, "span", "author"))
    ]


def _byline(person: etree._Element, path: str) -> Byline:
    link = _child(person, "a")
    if link is None or link.get("rel") != "author":
        # A uri the URL policy does not let be a link: a span keeps it in data-href.
        link = next(
            (span for span in _children(person, "span") if "data-href" in span.attrib), None
        )
    name = _child(link if link is not None else person, "span", "name")
    email = _child(person, "a", "email")
    try:
        return Byline(
            name=_text(name) or "",
            uri=None if link is None else _target(link),
            role=_text(_child(person, "span", "role")),
            affiliation=_text(_child(person, "span", "affiliation")),
            email=None if email is None else _text(email),
            bio=_text(_child(person, "span", "bio")),
        )
    except ValidationError as error:
        raise error.at(path) from None


def _figures(article: etree._Element, header: etree._Element) -> Iterator[Any]:
    yield from _children(header, "figure")
    for container in (_child(article, "div", "body"), _child(article, "section", "gallery")):
        if container is not None:
            yield from _children(container, "figure")


def _photos(article: etree._Element, header: etree._Element) -> list[Photo]:
    found = list(_figures(article, header))
    figures: dict[int, etree._Element] = {}
    for figure in found:
        # Photos are numbered 0, 1, 2, ... and each is on the page, so an index is below the
        # number of figures: a larger one cannot be a photo's (and must not size anything).
        index = _number(
            figure,
            "data-photo",
            "photos",
            least=0,
            most=len(found) - 1,
            beyond=f"but the page has {_count(len(found), '<figure>')} to show photos",
        )
        if index is not None:
            figures.setdefault(index, figure)
    missing = next((index for index in range(len(figures)) if index not in figures), None)
    if missing is not None:
        raise ValidationError("no <figure> shows this photo", path=f"photos[{missing}]")
    return [_photo(figures[index], f"photos[{index}]") for index in range(len(figures))]


def _photo(figure: etree._Element, path: str) -> Photo:
    image = _child(figure, "img")
    caption = _child(figure, "figcaption")
    photographer = _child(caption, "span", "author")
    source = image if image is not None else figure
    prefix = "" if image is not None else "data-"
    try:
        return Photo(
            uri=_itemprop(figure, "identifier"),
            # data-src: an address the URL policy does not let a browser load (data:).
            href=figure.get("data-src") if image is None else image.get("src"),
            caption=_text(_child(caption, "span", "caption")),
            credit=_text(_child(caption, "span", "credit")),
            alt_text=source.get("alt" if image is not None else "data-alt"),
            photographer=None if photographer is None else _byline(photographer, "photographer"),
            copyright_notice=_text(_child(caption, "span", "copyright")),
            width=_number(source, prefix + "width", "width"),
            height=_number(source, prefix + "height", "height"),
            media_type=_itemprop(figure, "encodingFormat"),
            renditions=[
                _rendition(link, f"renditions[{index}]")
                for index, link in enumerate(
                    link
                    for item in _list_items(figure, "renditions")
                    for link in item
                    if link.tag in ("a", "span") and "rendition" in _classes(link)
                )
            ],
        )
    except ValidationError as error:
        raise error.at(path) from None


def _rendition(link: etree._Element, path: str) -> Rendition:
    try:
        return Rendition(
            name=_text(link) or "",
            href=_target(link) or "",
            width=_number(link, "data-width", "width"),
            height=_number(link, "data-height", "height"),
            media_type=link.get("type" if link.tag == "a" else "data-type"),
        )
    except ValidationError as error:
        raise error.at(path) from None


def _list_items(parent: etree._Element, class_: str) -> Iterator[Any]:
    for items in _children(parent, "ul", class_):
        yield from _children(items, "li")


def _topics(article: etree._Element) -> list[Topic]:
    topics = []
    for index, item in enumerate(_list_items(article, "topics")):
        tag = _child(item, "a", "topic")
        if tag is None:
            tag = _child(item, "span", "topic")
        if tag is None:
            raise ValidationError("a topic <li> holds no topic", path=f"topics[{index}]")
        try:
            topics.append(
                Topic(
                    name=_text(_child(tag, "span", "name")),
                    kind=tag.get("data-kind") or "subject",
                    code=tag.get("data-code"),
                    uri=_target(tag),
                )
            )
        except ValidationError as error:
            raise error.at(index).at("topics") from None
    return topics


def _body(article: etree._Element) -> list[Block]:
    body = _child(article, "div", "body")
    if body is None:
        return []
    blocks: list[Block] = []
    for element in body:
        try:
            block = _block(element)
        except ValidationError as error:
            raise error.at(len(blocks)).at("body") from None
        if block is not None:
            blocks.append(block)
    return blocks


def _block(element: etree._Element) -> Block | None:
    tag = element.tag
    if tag == "p":
        return Paragraph(text=canonical_inline_from_element(element))
    if isinstance(tag, str) and tag in _HEADINGS:
        return Heading(text=canonical_inline_from_element(element), level=_HEADINGS[tag])
    if tag == "blockquote":
        text = _child(element, "p")
        return Quote(
            text="" if text is None else canonical_inline_from_element(text),
            attribution=_text(_child(_child(element, "footer"), "cite")),
        )
    if tag in ("ul", "ol"):
        return ListBlock(
            items=[canonical_inline_from_element(item) for item in _children(element, "li")],
            ordered=tag == "ol",
        )
    if tag == "figure":
        # `_photos` has bounded every figure's index already; the model checks it has a photo.
        index = _number(element, "data-photo", "photo", least=0)
        if index is None:
            raise ValidationError("a body <figure> has no data-photo index", path="photo")
        return PhotoRef(photo=index)
    if tag == "div" and "embed" in _classes(element):
        link = _child(element, "a")
        if link is None:
            link = _child(element, "span", "embed-link")
        if link is None:
            raise ValidationError("an embed <div> holds no link", path="url")
        return Embed(url=_target(link) or "", title=_text(_child(link, "span", "embed-title")))
    return None  # not a block articlekit writes: ignored
