"""The NewsML-G2 reader: newsItems, packageItems and newsMessages into `Article` objects."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, Final
from urllib.parse import unquote

import attrs
from lxml import etree

from articlekit import _xml
from articlekit._body_html import blocks_from_html
from articlekit._convert import BLOCK_TAGS
from articlekit._json_build import build_blocks
from articlekit._numbers import ascii_integer
from articlekit._reading import derive_headline, html_of_text, looks_like_html
from articlekit._text import fold_space, nfc
from articlekit._xml import XmlEvents, remove_keeping_tail, text_pieces
from articlekit.errors import ParseError, UnsupportedError, ValidationError
from articlekit.inline import _is_blank, canonical_inline_from_element, escape_text
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
    Status,
    Topic,
    TopicKind,
)
from articlekit.newsml._body_repair import ASCII_SPACE, loose_text, other_block
from articlekit.newsml._repair import Reading, creator_name, moment, report_not_read
from articlekit.newsml._write import (
    AK,
    ALT_ID_URI,
    CREATOR_ROLE_SCHEME,
    DESCRIPTION_ALT,
    DESCRIPTION_CAPTION,
    DESCRIPTION_SUMMARY,
    HEADLINE_ROLES,
    KIND_TYPES,
    LINK_CANONICAL,
    LINK_PHOTO,
    NAR,
    PROVIDER_UNKNOWN,
    RENDITION_SCHEME,
    ROLE_SECTION,
    WHY_INFERRED,
    XML_LANG,
    looks_made_up,
)
from articlekit.nitf._read import read_body as nitf_body

_N: Final = f"{{{NAR}}}"
_SUBJECT, _GENRE, _CREATOR, _CONTRIBUTOR = (
    f"{_N}{name}" for name in ("subject", "genre", "creator", "contributor")
)
_NITF: Final = "http://iptc.org/std/NITF/2006-10-18/"
_TYPE_KINDS: Final = {value: key for key, value in KIND_TYPES.items()} | {
    "cpnat:poi": TopicKind.PLACE,
    "cpnat:concept": TopicKind.SUBJECT,
}
# A block to build: the element it comes from (for errors), its class, and its fields.
_BlockSpec = tuple[etree._Element, type[Block], dict[str, Any]]
_ITEM_TAGS: Final = {f"{_N}newsItem", f"{_N}packageItem", f"{_N}conceptItem",
                     f"{_N}planningItem", f"{_N}knowledgeItem", f"{_N}catalogItem"}  # fmt: skip


def _local(element: etree._Element) -> str:
    tag: object = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _exact(element: etree._Element, name: str) -> str | None:
    """The attribute *name*, or the exact value the writer kept in the articlekit namespace."""
    return element.get(f"{{{AK}}}{name}") or element.get(name)


def _where(element: etree._Element) -> str:
    return f"<{_local(element)}> (line {element.sourceline})"


def _fail(element: etree._Element, message: str) -> ValidationError:
    return ValidationError(f"{_where(element)}: {message}")


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    raw = element.text if len(element) == 0 else "".join(text_pieces(element))
    text = fold_space(raw or "")
    return text or None


def _child(parent: etree._Element | None, tag: str) -> etree._Element | None:
    if parent is None:
        return None
    return next(parent.iterchildren(_N + tag), None)  # faster than find(): no path to parse


def _first_children(parent: etree._Element | None) -> dict[str, etree._Element]:
    """The first child element of *parent* of each name: one pass for many.

    A NewsML-G2 element is keyed by its local name, any other (an extension) by its
    qualified name, ``{namespace}name``.
    """
    first: dict[str, etree._Element] = {}
    for child in parent if parent is not None else ():
        tag: object = child.tag
        if isinstance(tag, str):
            first.setdefault(tag[len(_N) :] if tag.startswith(_N) else tag, child)
    return first


def _children(parent: etree._Element | None, tag: str) -> list[etree._Element]:
    if parent is None:
        return []
    return parent.findall(_N + tag)


def _name(element: etree._Element | None) -> str | None:
    """The first <name> of a concept element, or None."""
    return _text(_child(element, "name"))


def _datetime(element: etree._Element | None, reading: Reading) -> datetime | None:
    text = _text(element)
    if element is None or text is None:
        return None
    return moment(element, text, reading)


def _build(element: etree._Element, build: Callable[..., Any], **fields: Any) -> Any:
    """Build a model, naming the element and line in a `ValidationError`."""
    try:
        return build(**fields)
    except ValidationError as error:
        path = f"{error.path}: " if error.path else ""
        raise ValidationError(f"{_where(element)}: {path}{error.message}") from None


def _qcode_text(scheme: str, qcode: str | None) -> str | None:
    if qcode is None:
        return None
    if qcode.startswith(scheme):
        return unquote(qcode[len(scheme) :])
    return unquote(qcode.partition(":")[2]) or qcode


def _name_or_text(element: etree._Element | None) -> str | None:
    """The name of a concept element, or else all its text."""
    return _name(element) or _text(element)


def _byline(element: etree._Element, reading: Reading) -> Byline | None:
    """The byline of a creator or contributor; None, reported, when nothing names the person."""
    details = _child(element, "personDetails")
    email = _child(_child(details, "contactInfo"), "email")
    name = creator_name(element, _name(element), reading)
    if name is None:
        reading.report("a creator or contributor that names no one: left out", element)
        return None
    return _build(  # type: ignore[no-any-return]
        element,
        Byline,
        name=name,
        role=_qcode_text(CREATOR_ROLE_SCHEME, element.get("role", "").split(" ")[0] or None),
        uri=_exact(element, "uri"),
        bio=_text(_child(element, "definition")),
        affiliation=_name_or_text(_child(details, "affiliation")),
        email=_text(email),
    )


def _topic(element: etree._Element, kind: TopicKind) -> Topic | None:
    name, code, uri = (
        _name(element),
        element.get("qcode") or element.get(f"{{{AK}}}code"),
        _exact(element, "uri"),
    )
    if name is None and code is None and uri is None:
        return None  # e.g. a subject given only by its broader concepts
    return _build(element, Topic, name=name, kind=kind, code=code, uri=uri)  # type: ignore[no-any-return]


def _subject_kind(element: etree._Element) -> TopicKind:
    return _TYPE_KINDS.get(element.get("type", ""), TopicKind.SUBJECT)


def _remote_fields(element: etree._Element) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "href": _exact(element, "href"),
        "media_type": element.get("contenttype"),
    }
    for name in ("width", "height"):
        value = element.get(name)
        if value is not None:
            fields[name] = _whole_number(element, name, value)
    return fields


def _whole_number(element: etree._Element, name: str, value: str) -> int:
    """The xs:nonNegativeInteger *value* of attribute *name*, in 1 to 10 ASCII digits."""
    number = ascii_integer(value.strip())  # XML Schema collapses the white space around it
    if number is None:
        raise _fail(element, f"{name} {value!r} is not a whole number of 1 to 10 digits")
    return number


def _usable_href(href: str | None) -> bool:
    """Tell whether an image href is one a `Photo` can hold: absolute http(s) or data:image."""
    return href is not None and href.strip().lower().startswith(("http://", "https://", "data:"))


def _picture_descriptions(content: etree._Element | None) -> dict[str, str | None]:
    """The text of the first description of each role; one without a role is a caption."""
    descriptions: dict[str, str | None] = {}
    for description in _children(content, "description"):
        descriptions.setdefault(description.get("role", DESCRIPTION_CAPTION), _text(description))
    return descriptions


def _picture_uri(content: etree._Element | None, uri: str | None) -> str | None:
    """The uri articlekit kept in an altId (the last one), or else *uri*."""
    for alt_id in _children(content, "altId"):
        if alt_id.get("type") == ALT_ID_URI:
            uri = _text(alt_id)
    return uri


def _picture_files(item: etree._Element) -> tuple[dict[str, Any], list[Rendition]]:
    """The main file's fields (the first remoteContent without a rendition) and the renditions."""
    main: dict[str, Any] = {}
    renditions: list[Rendition] = []
    for remote in _children(_child(item, "contentSet"), "remoteContent"):
        rendition = remote.get("rendition")
        if rendition is None and not main:
            main = _remote_fields(remote)
            if not _usable_href(main["href"]):
                main["href"] = None
        elif _usable_href(_exact(remote, "href")):  # a relative or local file: nothing to fetch
            name = _qcode_text(RENDITION_SCHEME, rendition) or f"rendition-{len(renditions) + 1}"
            renditions.append(_build(remote, Rendition, name=name, **_remote_fields(remote)))
    return main, renditions


def picture(item: etree._Element, uri: str | None, reading: Reading) -> Photo:
    """A `Photo` from a picture newsItem; *uri* is None for a guid articlekit made up."""
    content = _child(item, "contentMeta")
    creator = _child(content, "creator")
    descriptions = _picture_descriptions(content)
    uri = _picture_uri(content, uri)
    main, renditions = _picture_files(item)
    return _build(  # type: ignore[no-any-return]
        item,
        Photo,
        uri=uri,
        caption=descriptions.get(DESCRIPTION_CAPTION) or _text(_child(content, "headline")),
        credit=_text(_child(content, "creditline")),
        alt_text=descriptions.get(DESCRIPTION_ALT),
        photographer=_byline(creator, reading) if creator is not None else None,
        copyright_notice=_text(_child(_child(item, "rightsInfo"), "copyrightNotice")),
        renditions=renditions,
        **main,
    )


# The nature of an item by meaning, whatever names it: the NewsML-G2 "ninat" scheme, its
# older alias "icls" (early producers, still sent by some agencies), or the scheme's URI.
_NATURE_SCHEMES: Final = ("ninat:", "icls:", "http://cv.iptc.org/newscodes/ninature/")


def _item_class(item: etree._Element) -> str:
    """The item's class as a ninat QCode (``ninat:text``), by its qcode or its uri."""
    item_class = _child(_child(item, "itemMeta"), "itemClass")
    if item_class is None:
        return ""
    named = item_class.get("qcode") or item_class.get("uri") or ""
    if named.startswith("ninat:"):
        return named  # as articlekit and most producers write it
    for scheme in _NATURE_SCHEMES:
        if named.startswith(scheme):
            return "ninat:" + named[len(scheme) :]
    return named


def _is_picture(item: etree._Element) -> bool:
    """Tell whether *item* is a picture newsItem: the photo of a text item, not an article."""
    return item.tag == f"{_N}newsItem" and _item_class(item) == "ninat:picture"


def _check_item(item: etree._Element) -> None:
    if item.tag != f"{_N}newsItem":
        raise UnsupportedError(
            f"{_where(item)}: a NewsML-G2 {_local(item)} is not an article; "
            "articlekit reads newsItems of class ninat:text and ninat:picture"
        )
    if _item_class(item) not in ("ninat:text", "ninat:picture"):
        named = _child(_child(item, "itemMeta"), "itemClass")
        said = None if named is None else named.get("qcode") or named.get("uri")
        raise UnsupportedError(
            f"{_where(item)}: a newsItem of class {said or '(none)'} is not an article; "
            "articlekit reads ninat:text items and their ninat:picture items"
        )


def _body(
    item: etree._Element,
    photo_index: dict[str, int],
    reading: Reading,
    photos: list[Photo],
    nitf_head: dict[str, Any],
) -> list[Block]:
    """The item's body blocks.

    An NITF body adds the photos of its media to *photos*, and its body.head's fields (see
    `nitf_body`) to *nitf_head*, for the item to take where it has none.
    """
    content_set = _child(item, "contentSet")
    specs: list[_BlockSpec] = []
    nitf_blocks: list[Block] = []
    for inline in _children(content_set, "inlineXML"):
        for root in inline:
            if _local(root) == "nitf":
                nitf_blocks.extend(_nitf_body(root, reading, photos, nitf_head))
                continue
            container = _block_container(root)
            if container is not None:
                specs.extend(_blocks(container, photo_index, reading))
    html_blocks: list[Block] = nitf_blocks
    for data in _children(content_set, "inlineData"):
        text = "".join(text_pieces(data))
        if not _is_text_type(data.get("contenttype")):
            reading.report(f"a body of content type {data.get('contenttype')!r}: not read", data)
        elif looks_like_html(text):
            reading.report("HTML in a text inlineData: read as HTML", data)
            html_blocks.extend(_html_blocks(data, text))
        else:
            specs.extend(_plain_text_blocks(data, text))
    # Built the fast way, as from articlekit JSON; the constructors say what is wrong, and where.
    blocks = build_blocks([{"type": BLOCK_TAGS[kind], **fields} for _, kind, fields in specs])
    if blocks is None:
        blocks = [_build(element, kind, **fields) for element, kind, fields in specs]
    return blocks + html_blocks


def _nitf_body(
    root: etree._Element, reading: Reading, photos: list[Photo], nitf_head: dict[str, Any]
) -> list[Block]:
    """The blocks of an NITF body, read by the NITF mapping; see `_body`."""
    blocks, head = nitf_body(root, reading.repairs, reading.zone, first_photo=len(photos))
    photos.extend(head.pop("photos"))
    for name, value in head.items():
        if not nitf_head.get(name):  # of several NITF bodies, the first that has one says
            nitf_head[name] = value
    return blocks


def _is_text_type(contenttype: str | None) -> bool:
    """Tell whether an inlineData of *contenttype* is text: none given, text/*, or (X)HTML."""
    kind = (contenttype or "text/plain").partition(";")[0].strip().lower()
    return kind.startswith("text/") or kind in ("application/xhtml+xml", "application/html")


def _html_blocks(data: etree._Element, text: str) -> list[Block]:
    """The blocks of HTML sent as text, through the sanitising HTML reader of ninjs bodies."""
    try:
        return blocks_from_html(html_of_text(text), lambda name, src: None)
    except ValidationError as error:
        raise _fail(data, error.message) from None


def _block_container(root: etree._Element) -> etree._Element | None:
    """Where an inlineXML root's blocks are: XHTML body, NITF body.content, or the root itself.

    None for a comment or processing instruction.
    """
    local = _local(root)
    if not local:
        return None
    if local == "html":
        return _inner(root, "body")
    if local == "nitf":
        return _inner(_inner(root, "body"), "body.content")
    return root


def _inner(parent: etree._Element, local: str) -> etree._Element:
    """The first child of *parent* of the local name *local*, or else *parent* itself."""
    return next((child for child in parent if _local(child) == local), parent)


def _plain_text_blocks(data: etree._Element, text: str) -> Iterator[_BlockSpec]:
    """A paragraph per run of *text* between blank lines, from the inlineData *data*."""
    yield from (
        (data, Paragraph, {"text": escape_text(paragraph)})
        for paragraph in re.split(r"\n\s*\n", text)
        if paragraph.strip()
    )


def _inline(element: etree._Element) -> str:
    """The canonical inline markup of *element*'s content; plain text takes a short cut."""
    if len(element) == 0:
        # What canonical_inline_from_element makes of text alone, without the tree walk.
        return nfc(escape_text(fold_space(element.text or "")))
    return canonical_inline_from_element(element)


def _quote(element: etree._Element) -> tuple[str, str | None]:
    """The text and attribution of a blockquote: all it says but its footer, cite or credit."""
    quote = copy.deepcopy(element)
    attribution = None
    for child in list(quote):
        if _local(child) in ("footer", "cite", "credit"):
            attribution = attribution or _text(child)
            try:
                remove_keeping_tail(child)
            except ValidationError as error:
                raise _fail(element, error.message) from None
    text = canonical_inline_from_element(quote) or canonical_inline_from_element(element)
    return text, attribution


# A block is skipped only when its markup says nothing by the models' own rule: a no-break
# or ideographic space is text here as in every other format.

# The body elements that are a block of inline text, by local name (XHTML, and NITF's hl2):
# the block's class and its fields other than the text.
_TEXT_BLOCKS: Final[dict[str, tuple[type[Block], dict[str, Any]]]] = {
    "p": (Paragraph, {}),
    **{f"h{level}": (Heading, {"level": level}) for level in range(2, 7)},
    "hl2": (Heading, {"level": 2}),
}
# How another body element is read: the block it is, or None when it says nothing.
_ReadBlock = Callable[[etree._Element, dict[str, int]], "_BlockSpec | None"]


def _blockquote(element: etree._Element, photo_index: dict[str, int]) -> _BlockSpec | None:
    text, attribution = _quote(element)
    if _is_blank(text):
        return None
    return element, Quote, {"text": text, "attribution": attribution}


def _list(*, ordered: bool) -> _ReadBlock:
    """Read a list, ordered or not: its items that say something."""

    def read(element: etree._Element, photo_index: dict[str, int]) -> _BlockSpec | None:
        items = [_inline(li) for li in element if _local(li).lower() == "li"]
        items = [item for item in items if not _is_blank(item)]
        return (element, ListBlock, {"items": items, "ordered": ordered}) if items else None

    return read


def _figure(element: etree._Element, photo_index: dict[str, int]) -> _BlockSpec | None:
    """A photo, when the figure's data-residref is the guid of one the item links."""
    if element.get("data-residref") not in photo_index:
        return None
    return element, PhotoRef, {"photo": photo_index[element.get("data-residref", "")]}


def _iframe(element: etree._Element, photo_index: dict[str, int]) -> _BlockSpec | None:
    if not element.get("src"):
        return None
    return element, Embed, {"url": element.get("src"), "title": element.get("title")}


# The other body elements that are blocks, by local name: XHTML, and NITF's bq.
_BLOCK_READERS: Final[dict[str, _ReadBlock]] = {
    "blockquote": _blockquote,
    "bq": _blockquote,
    "ul": _list(ordered=False),
    "ol": _list(ordered=True),
    "figure": _figure,
    "iframe": _iframe,
}
# The body elements whose children are blocks.
_BLOCK_CONTAINERS: Final = frozenset({"div", "section", "article", "block"})
# Every body element read as articlekit writes it.
_KNOWN_BLOCKS: Final = frozenset(_TEXT_BLOCKS) | frozenset(_BLOCK_READERS) | _BLOCK_CONTAINERS


def _blocks(
    container: etree._Element, photo_index: dict[str, int], reading: Reading
) -> Iterator[_BlockSpec]:
    """What the blocks in *container* are made of; `_body` builds them.

    The recursion into containers is bounded by the parser's `_xml.MAX_DEPTH`.
    """
    if container.text and container.text.strip(ASCII_SPACE):
        yield from loose_text(container, container.text, reading)
    for element in container:
        tag = _local(element)
        text_block = _TEXT_BLOCKS.get(tag)
        if text_block is not None:  # the most common blocks, read here without a call
            text = _inline(element)
            if not _is_blank(text):
                kind, fields = text_block
                yield element, kind, {"text": text, **fields}
        elif tag:
            yield from _block(element, tag, photo_index, reading)
        if element.tail and element.tail.strip(ASCII_SPACE):
            yield from loose_text(element, element.tail, reading)


def _block(
    element: etree._Element, tag: str, photo_index: dict[str, int], reading: Reading
) -> Iterator[_BlockSpec]:
    """What a body element is made of, read as the element *tag*.

    *tag* is the element's own name, or the known one a producer's element is read as.
    """
    text_block = _TEXT_BLOCKS.get(tag)
    if text_block is not None:
        text = _inline(element)
        if not _is_blank(text):
            kind, fields = text_block
            yield element, kind, {"text": text, **fields}
    elif (read := _BLOCK_READERS.get(tag)) is not None:
        spec = read(element, photo_index)
        if spec is not None:
            yield spec
    elif tag in _BLOCK_CONTAINERS:
        yield from _blocks(element, photo_index, reading)
    else:

        def read_as(other: etree._Element, known: str) -> Iterator[_BlockSpec]:
            return _block(other, known, photo_index, reading)

        yield from other_block(element, tag, reading, read_as, _KNOWN_BLOCKS)


def article(item: etree._Element, pictures: dict[str, etree._Element], reading: Reading) -> Article:
    """An `Article` from a text newsItem; *pictures* are the picture items beside it, by guid."""
    _check_item(item)
    reading.next_item()
    guid = item.get("guid")
    if not guid:
        raise _fail(item, "the guid attribute is missing")
    if _is_picture(item):
        return _picture_article(item, guid, reading)
    return _text_article(item, guid, pictures, reading)


# Article fields read from the first element of a name in the itemMeta, contentMeta or
# rightsInfo of a text item: the field, the part, the element's local name, and how it is
# read from that element (None when the item has none): alone, or, where a deviation can be
# repaired, with the `Reading` that reports it (then the rule's last member is True).
_FirstElementRules = tuple[tuple[str, str, str, Callable[..., Any], bool], ...]


def _provider(element: etree._Element | None) -> str | None:
    """The provider's name, else its QCode, URI or literal; nprov:unknown is no provider."""
    if element is None or element.get("qcode") == PROVIDER_UNKNOWN:
        return None
    return _name(element) or element.get("qcode") or element.get("uri") or element.get("literal")


def _updated(element: etree._Element | None, reading: Reading) -> datetime | None:
    """The time of a versionCreated, unless the writer inferred it (it is required)."""
    if element is None or element.get("why") == WHY_INFERRED:
        return None
    return _datetime(element, reading)


def _status(element: etree._Element | None) -> Status:
    if element is None:
        return Status.USABLE
    code = (element.get("qcode") or "").partition(":")[2]
    try:
        return Status(code)
    except ValueError:
        raise _fail(element, f"unknown pubStatus {element.get('qcode')!r}") from None


def _urgency(element: etree._Element | None, reading: Reading) -> int | None:
    """The urgency, an xs:integer of 1 to 9 (Int1to9Type); anything else is left out, reported."""
    if element is None:
        return None
    text = (element.text or "").strip()
    if not text:
        return None
    number = ascii_integer(text.removeprefix("+"))  # xs:integer may carry a plus sign
    if number is None or not 1 <= number <= 9:
        reading.report(f"urgency {text[:20]!r} is not a whole number of 1 to 9: left out", element)
        return None
    return number


_DESCRIBING_FIELDS: Final[_FirstElementRules] = (
    ("provider", "itemMeta", "provider", _provider, False),
    ("updated", "itemMeta", "versionCreated", _updated, True),
    ("status", "itemMeta", "pubStatus", _status, False),
    ("editor_note", "itemMeta", "edNote", _text, False),
    ("urgency", "contentMeta", "urgency", _urgency, True),
    ("slugline", "contentMeta", "slugline", _text, False),
    ("dateline", "contentMeta", "dateline", _text, False),
    ("located", "contentMeta", "located", _name_or_text, False),
    ("copyright_holder", "rightsInfo", "copyrightHolder", _name, False),
    ("copyright_notice", "rightsInfo", "copyrightNotice", _text, False),
    ("usage_terms", "rightsInfo", "usageTerms", _text, False),
)
# Read after the body: of an item's several faults, the first read is the one reported.
_TIME_FIELDS: Final[_FirstElementRules] = (
    ("created", "contentMeta", "contentCreated", _datetime, True),
    ("published", "itemMeta", "firstCreated", _datetime, True),
    ("embargoed", "itemMeta", "embargoed", _datetime, True),
)


def _first_element_fields(
    parts: dict[str, dict[str, etree._Element]], rules: _FirstElementRules, reading: Reading
) -> dict[str, Any]:
    fields = {}
    for field, part, tag, read, repairs in rules:
        element = parts[part].get(tag)
        fields[field] = read(element, reading) if repairs else read(element)
    return fields


def _text_article(
    item: etree._Element, guid: str, pictures: dict[str, etree._Element], reading: Reading
) -> Article:
    """An `Article` from a text newsItem, read field by field in a fixed order.

    Of several faults, the first met is the one reported: the order is part of the behaviour.
    """
    meta = _child(item, "itemMeta")
    content = _child(item, "contentMeta")
    rights = _child(item, "rightsInfo")
    parts = {
        "itemMeta": _first_children(meta),
        "contentMeta": _first_children(content),
        "rightsInfo": _first_children(rights),
    }
    links = _children(meta, "link")
    photos, photo_index = _linked_photos(links, guid, pictures, reading)
    nitf_head: dict[str, Any] = {}  # body.head of an NITF body, where the item has none
    fields = {
        "uri": guid,
        "url": _canonical_url(links),
        "photos": photos,
        **_headlines(content),
        "summary": _summary(content),
        **_keywords_and_section(content),
        "topics": _topics(content),
        "bylines": _bylines(content, reading),
        **_first_element_fields(parts, _DESCRIBING_FIELDS, reading),
        "language": _language(item, parts["contentMeta"].get("language")),
        "version": _version(item),
        "body": _body(item, photo_index, reading, photos, nitf_head),
        **_first_element_fields(parts, _TIME_FIELDS, reading),
    }
    for name, value in nitf_head.items():  # NITF's hl1 is the headline, not a derivation
        fields[name] = fields[name] or value
    used = (
        _derive_missing_headline(fields, item, parts, reading)
        if fields["headline"] is None or "title" in parts["itemMeta"]
        else frozenset()
    )
    report_not_read(parts, reading, used=used)
    return _build(item, Article, **fields)  # type: ignore[no-any-return]


def _derive_missing_headline(
    fields: dict[str, Any],
    item: etree._Element,
    parts: dict[str, dict[str, etree._Element]],
    reading: Reading,
) -> frozenset[str]:
    """Give *fields* a headline derived as the reading policy orders, if the item has none.

    Returns:
        The elements read beyond the usual ones: ``title``, when it is the headline.

    Raises:
        ValidationError: The item has no headline and nothing to derive one from.
    """
    title = _text(parts["itemMeta"].get("title"))
    if fields["headline"] is not None:
        return frozenset({"title"}) if fields["headline"] == title else frozenset()
    title = title or _nitf_title(item)
    first = next((b.plain_text for b in fields["body"] if isinstance(b, Paragraph)), None)
    sources = [
        ("<slugline>", fields["slugline"]),
        ("<title>", title),
        ("<description>", fields["summary"]),
        ("the body's first paragraph", first),
    ]
    content = _child(item, "contentMeta")
    where = content if content is not None else item
    headline = derive_headline(
        sources, reading.repairs, where="<headline>", line=_xml.source_line(where)
    )
    if headline is None:
        raise _fail(where, "the item has no headline, nor a slugline, title, description or text")
    fields["headline"] = headline
    return frozenset({"title"}) if headline == title else frozenset()


def _nitf_title(item: etree._Element) -> str | None:
    """The ``head/title`` of an NITF body in the item's inlineXML, if it has one."""
    for inline in _children(_child(item, "contentSet"), "inlineXML"):
        for root in inline:
            if _local(root) == "nitf":
                head = _inner(root, "head")
                title = _inner(head, "title") if head is not root else None
                if title is not None and title is not head:
                    return _text(title)
    return None


def _canonical_url(links: list[etree._Element]) -> str | None:
    """The href of the first canonical link that has one."""
    for link in links:
        if link.get("rel") == LINK_CANONICAL:
            url = _exact(link, "href")
            if url is not None:
                return url
    return None


def _linked_photos(
    links: list[etree._Element], guid: str, pictures: dict[str, etree._Element], reading: Reading
) -> tuple[list[Photo], dict[str, int]]:
    """The photos the item links, in order, and the index of the first linked by each guid."""
    photos: list[Photo] = []
    guids: list[str] = []
    for link in links:
        if link.get("rel") == LINK_PHOTO and (link.get("residref") or link.get("href")):
            ref = link.get("residref") or ""
            photos.append(_linked_photo(link, ref, guid, pictures, reading))
            guids.append(ref)
    photo_index = {ref: index for index, ref in reversed(list(enumerate(guids))) if ref}
    return photos, photo_index


def _linked_photo(
    link: etree._Element,
    ref: str,
    article_guid: str,
    pictures: dict[str, etree._Element],
    reading: Reading,
) -> Photo:
    """The photo a link refers to: its picture item if it is here, else the link alone."""
    # A guid articlekit made up stands for no uri; a uri of that form is kept in an altId.
    uri = None if looks_made_up(ref, article_guid) else (ref or None)
    uri = link.get(f"{{{AK}}}uri") or uri
    if ref in pictures:
        return picture(pictures[ref], uri, reading)
    href = _exact(link, "href")
    return _build(link, Photo, uri=uri if href or uri else ref, href=href)  # type: ignore[no-any-return]


# The field a headline of each role is; a headline of any other role, or none, is the headline.
_HEADLINE_FIELDS: Final = {role: field for field, role in HEADLINE_ROLES.items() if role}


def _headlines(content: etree._Element | None) -> dict[str, str | None]:
    """The headline, subheadline and kicker: the first of each role that has text."""
    found: dict[str, str | None] = {"headline": None, "subheadline": None, "kicker": None}
    for element in _children(content, "headline"):
        field = _HEADLINE_FIELDS.get(element.get("role", ""), "headline")
        if found[field] is None:
            found[field] = _text(element)
    return found


def _summary(content: etree._Element | None) -> str | None:
    """The text of the first summary description, or of one without a role."""
    for description in _children(content, "description"):
        if description.get("role") in (DESCRIPTION_SUMMARY, None):
            summary = _text(description)
            if summary is not None:
                return summary
    return None


def _keywords_and_section(content: etree._Element | None) -> dict[str, Any]:
    """The keywords, and the section: the first keyword of role ak:section."""
    keywords, section = [], None
    for keyword in _children(content, "keyword"):
        text = _text(keyword)
        if text is None:
            continue
        if keyword.get("role") == ROLE_SECTION:
            section = section or text
        else:
            keywords.append(text)
    return {"keywords": keywords, "section": section}


def _topics(content: etree._Element | None) -> list[Topic]:
    """The subjects and genres, in document order."""
    topics: list[Topic] = []
    if content is None:
        return topics
    for element in content.iterchildren(_SUBJECT, _GENRE):  # filtered in C
        kind = _subject_kind(element) if element.tag == _SUBJECT else TopicKind.GENRE
        topic = _topic(element, kind)
        if topic is not None:
            topics.append(topic)
    return topics


def _bylines(content: etree._Element | None, reading: Reading) -> list[Byline]:
    """A byline per creator and per contributor that names someone, in document order."""
    bylines: list[Byline] = []
    if content is None:
        return bylines
    for element in content.iterchildren(_CREATOR, _CONTRIBUTOR):  # filtered in C
        byline = _byline(element, reading)
        if byline is not None:
            bylines.append(byline)
    return bylines


def _language(item: etree._Element, element: etree._Element | None) -> str | None:
    """The contentMeta language's tag, or else the item's xml:lang."""
    return element.get("tag") if element is not None else item.get(XML_LANG)


def _version(item: etree._Element) -> int:
    return _whole_number(item, "version", item.get("version", "1"))


def _picture_article(item: etree._Element, guid: str, reading: Reading) -> Article:
    """A lone picture item: an article whose headline is the picture's and whose photo it is."""
    content = _child(item, "contentMeta")
    headline = _text(_child(content, "headline")) or derive_headline(
        [
            ("<slugline>", _text(_child(content, "slugline"))),
            ("<title>", _text(_child(_child(item, "itemMeta"), "title"))),
            ("<description>", _summary(content)),
        ],
        reading.repairs,
        where="<headline>",
        line=_xml.source_line(item),
    )
    if headline is None:
        raise UnsupportedError(
            f"{_where(item)}: a picture item without a headline, slugline, title or "
            "description is not an article"
        )
    photo = picture(item, guid, reading)
    base = article_fields_of_picture(item, reading)
    return _build(item, Article, uri=guid, headline=headline, photos=[photo], **base)  # type: ignore[no-any-return]


def article_fields_of_picture(item: etree._Element, reading: Reading) -> dict[str, Any]:
    """Times, keywords and topics of a lone picture item, for its article."""
    meta = _child(item, "itemMeta")
    content = _child(item, "contentMeta")
    topics = []
    for element in _children(content, "subject"):
        topic = _topic(element, _subject_kind(element))
        if topic is not None:
            topics.append(topic)
    return {
        "version": _version(item),
        "keywords": [k for k in (_text(e) for e in _children(content, "keyword")) if k],
        "topics": topics,
        "created": _datetime(_child(content, "contentCreated"), reading),
        "published": _datetime(_child(meta, "firstCreated"), reading),
        "updated": _updated(_child(meta, "versionCreated"), reading),
        "language": item.get(XML_LANG),
    }


def items_of(root: etree._Element) -> list[etree._Element]:
    """The items of a newsMessage (its itemSet), or the root item itself."""
    if root.tag == f"{_N}newsMessage":
        return [e for e in _children(_child(root, "itemSet"), "*") if e.tag in _ITEM_TAGS] or [
            e for e in root.iter() if isinstance(e.tag, str) and e.tag in _ITEM_TAGS
        ]
    if root.tag in _ITEM_TAGS:
        return [root]
    raise UnsupportedError(
        f"{_where(root)}: not a NewsML-G2 document (expected a newsItem, packageItem or "
        f"newsMessage in the namespace {NAR})"
    )


def articles(
    root: etree._Element, reading: Reading, *, skip_unsupported: bool
) -> Iterator[Article]:
    """Every article of a document: one per text item, with the pictures it links or packages."""
    items = items_of(root)
    pictures = {item.get("guid", ""): item for item in items if _is_picture(item)}
    texts = {item.get("guid", ""): item for item in items if item.tag == f"{_N}newsItem"}
    packages = [item for item in items if item.tag == f"{_N}packageItem"]
    packaged: set[str] = set()
    if packages:
        yield from _package_articles(
            packages, texts, pictures, packaged, reading, skip_unsupported=skip_unsupported
        )
    yield from _unpackaged_articles(
        texts, pictures, packaged, reading, skip_unsupported=skip_unsupported
    )


def _package_articles(
    packages: list[etree._Element],
    texts: dict[str, etree._Element],
    pictures: dict[str, etree._Element],
    packaged: set[str],
    reading: Reading,
    *,
    skip_unsupported: bool,
) -> Iterator[Article]:
    """An article per package, from its first text item; what it refers to goes in *packaged*."""
    for package in packages:
        refs = [ref.get("residref", "") for ref in package.iter(f"{_N}itemRef")]
        text_refs = [ref for ref in refs if ref in texts and ref not in pictures]
        if not text_refs:
            refusal = UnsupportedError(
                f"{_where(package)}: the package refers to no text item in this document"
            )
            if not skip_unsupported:
                raise refusal
            reading.skipped.append(refusal)
            continue
        main = texts[text_refs[0]]
        packaged.update(refs)
        extra = [ref for ref in refs if ref in pictures]
        yield _with_package_pictures(article(main, pictures, reading), extra, pictures, reading)


def _unpackaged_articles(
    texts: dict[str, etree._Element],
    pictures: dict[str, etree._Element],
    packaged: set[str],
    reading: Reading,
    *,
    skip_unsupported: bool,
) -> Iterator[Article]:
    """An article per text item no package refers to, with the pictures it links."""
    for guid, item in texts.items():
        if guid in packaged or guid in pictures:
            continue
        if _is_read(item, reading, skip_unsupported=skip_unsupported):
            yield article(item, pictures, reading)


def _is_read(item: etree._Element, reading: Reading, *, skip_unsupported: bool) -> bool:
    """Tell whether *item* is of a kind articlekit reads as an article.

    With *skip_unsupported* an item of another kind is skipped, and why is kept in
    *reading*; without, it raises the `UnsupportedError` that says why.
    """
    try:
        _check_item(item)
    except UnsupportedError as refusal:
        if skip_unsupported:
            reading.skipped.append(refusal)
            return False
        raise
    return True


def _with_package_pictures(
    base: Article, refs: list[str], pictures: dict[str, etree._Element], reading: Reading
) -> Article:
    """Add the package's pictures that the text item does not link already, in package order."""
    known = {photo.uri for photo in base.photos}
    extra = [picture(pictures[ref], ref, reading) for ref in refs if ref not in known]
    if not extra:
        return base
    return attrs.evolve(base, photos=(*base.photos, *extra))


def single_article(root: etree._Element, reading: Reading) -> Article:
    """The one article of a document; more than one is an error that points at iter_articles."""
    found = list(articles(root, reading, skip_unsupported=root.tag == f"{_N}newsMessage"))
    if len(found) == 1:
        return found[0]
    items = items_of(root)
    if not found:
        if _is_picture(root):
            return article(root, {}, reading)
        for item in items:
            _check_item(item)  # raises the UnsupportedError that says why
        raise UnsupportedError(f"{_where(root)}: the document holds no text item")
    raise ValidationError(
        f"{_where(root)}: the document holds {len(found)} articles; "
        "read them with articlekit.newsml.iter_articles"
    )


def stream_articles(events: XmlEvents, reading: Reading) -> Iterator[Article]:
    """Every article of a newsMessage of newsItems, reading it as a stream of parse events.

    Each text item takes its photos from the picture items between the text item before it and
    the one after it (pictures follow their text item as articlekit writes them, or precede it);
    a link to a picture further away reads as a photo from the link alone. Items are freed once
    no text item can need them, and elements outside items once read, so memory stays flat:
    what is held at once, from the oldest item kept to the element being read, may span at
    most `_xml.MAX_BYTES` of the stream. Packages need the whole document: the caller reads
    those with `articles`.

    Raises:
        ParseError: What is held at once spans more than `_xml.MAX_BYTES`.
    """
    window = _ItemWindow(events, reading)
    open_items = 0
    for event, element in events:
        if events.bytes_read - window.held_since > _xml.MAX_BYTES:  # checked inline: it is hot
            raise window.too_much(element)
        if element.tag in _ITEM_TAGS:
            if event == "start":
                open_items += 1
                if open_items == 1:
                    window.hold(element)
                continue
            open_items -= 1
            if open_items:
                continue  # an item inside an item: its outer item decides
            found = window.take(element)
            if found is not None:
                yield found
        elif not open_items:
            window.outside_items(event, element)
    last = window.last() or window.lone_picture()
    if last is not None:
        yield last


class _ItemWindow:
    """What `stream_articles` holds: the last text item and the picture items around it."""

    def __init__(self, events: XmlEvents, reading: Reading) -> None:
        self.events = events
        self.reading = reading
        self.taken = False  # whether a text item has been read
        self.pending: etree._Element | None = None  # the last text item, waiting for pictures
        self.before: dict[str, etree._Element] = {}  # pictures from the text item before it
        self.after: dict[str, etree._Element] = {}  # pictures since it
        self.starts: dict[etree._Element, int] = {}  # where each item held began, oldest first
        self.held_since = 0  # where the oldest item held began, or where none was last held

    def too_much(self, element: etree._Element) -> ParseError:
        """The error for holding more than `_xml.MAX_BYTES` of the stream, up to *element*."""
        return ParseError(
            f"more than {_xml.MAX_BYTES} bytes of the stream to hold at once, the limit (a text "
            "item and the picture items around it, or an element outside items, is that long)",
            line=_xml.source_line(element),
        )

    def hold(self, item: etree._Element) -> None:
        """Count an item from where it begins, which is where the parser has read to."""
        if not self.starts:
            self.held_since = self.events.bytes_read
        self.starts[item] = self.events.bytes_read

    def release(self, *items: etree._Element) -> None:
        """Free items no text item needs any more."""
        _free(*items)
        for item in items:
            del self.starts[item]
        self.held_since = next(iter(self.starts.values()), self.events.bytes_read)

    def take(self, item: etree._Element) -> Article | None:
        """Take an item read whole; the article of the text item before it, once it is due."""
        if _is_picture(item):
            pictures = self.after if self.pending is not None else self.before
            replaced = pictures.pop(item.get("guid", ""), None)
            if replaced is not None:  # the same guid again: the last one counts, as before
                self.release(replaced)
            pictures[item.get("guid", "")] = item
            return None
        if not _is_read(item, self.reading, skip_unsupported=True):
            self.release(item)
            return None
        found = self.last()
        self.taken = True
        if self.pending is not None:
            self.release(self.pending, *self.before.values())
            self.before, self.after = self.after, {}
        self.pending = item
        return found

    def last(self) -> Article | None:
        """The article of the text item held, with the pictures around it, if one is held."""
        if self.pending is None:
            return None
        return article(self.pending, self.before | self.after, self.reading)

    def lone_picture(self) -> Article | None:
        """The article of a document that is one picture newsItem and nothing else."""
        if self.taken or len(self.before) != 1:
            return None
        item = next(iter(self.before.values()))
        return article(item, {}, self.reading) if item.getparent() is None else None

    def outside_items(self, event: str, element: etree._Element) -> None:
        """Refuse a root that is not NewsML-G2; free an element read outside items."""
        if event == "start":
            if element.getparent() is None and element.tag != f"{_N}newsMessage":
                items_of(element)  # raises the UnsupportedError that says why
        elif element.getparent() is not None and _holds_no_item(element):
            _free(element)  # a header or an extension: nothing reads it, nothing may pile up
            if not self.starts:
                self.held_since = self.events.bytes_read


def _holds_no_item(element: etree._Element) -> bool:
    return next(element.iter(*_ITEM_TAGS), None) is None


def _free(*items: etree._Element) -> None:
    """Clear items already read and take them out of the tree, so the stream stays small."""
    for item in items:
        item.clear()
        parent = item.getparent()
        if parent is not None:
            parent.remove(item)
