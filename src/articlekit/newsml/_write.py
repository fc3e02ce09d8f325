"""The NewsML-G2 writer: an `Article` as a newsMessage of newsItems, or as one newsItem."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any, Final
from urllib.parse import quote

from lxml import etree

from articlekit._loss import report_losses
from articlekit._urls import photo_source
from articlekit.inline import inline_to_element
from articlekit.model import (
    Article,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
    Status,
    Topic,
    TopicKind,
)

NAR: Final = "http://iptc.org/std/nar/2006-10-01/"
XHTML: Final = "http://www.w3.org/1999/xhtml"
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
FORMAT_NAME: Final = "NewsML-G2 2.35"
ITEM_CONTENT_TYPE: Final = "application/vnd.iptc.g2.newsitem+xml"

# QCodes of our own where IPTC has no NewsCode; their scheme alias is "ak".
ROLE_SUB: Final = "hrol:sub"
ROLE_KICKER: Final = "hrol:kicker"
ROLE_SECTION: Final = "ak:section"
ROLE_ATTRIBUTION: Final = "ak:attribution"
DESCRIPTION_SUMMARY: Final = "drol:summary"
DESCRIPTION_CAPTION: Final = "drol:caption"
DESCRIPTION_ALT: Final = "drol:alternativeText"
LINK_PHOTO: Final = "irel:associatedWith"
LINK_CANONICAL: Final = "irel:canonical"
WHY_INFERRED: Final = "why:inferred"
CREATOR_ROLE_SCHEME: Final = "crol:"
RENDITION_SCHEME: Final = "rnd:"
PROVIDER_UNKNOWN: Final = "nprov:unknown"
ALT_ID_URI: Final = "ak:uri"
AK: Final = "urn:articlekit:newsml"
"""The namespace of articlekit's extension attributes (NewsML-G2 allows ##other attributes)."""

KIND_TYPES: Final = {
    TopicKind.SUBJECT: "cpnat:abstract",
    TopicKind.PERSON: "cpnat:person",
    TopicKind.ORGANISATION: "cpnat:organisation",
    TopicKind.PLACE: "cpnat:geoArea",
    TopicKind.EVENT: "cpnat:event",
    TopicKind.OBJECT: "cpnat:object",
}
# The headline elements by role (no role: the headline), which the reader takes back.
HEADLINE_ROLES: Final = {"headline": None, "subheadline": ROLE_SUB, "kicker": ROLE_KICKER}
# xs:dateTime time zones run from -14:00 to +14:00 (XML Schema 1.1 part 2, D.3.7).
_MAX_OFFSET: Final = timedelta(hours=14)


def photo_guid(article_uri: str, index: int) -> str:
    """The guid of a picture item whose photo has no uri: derived from the article's."""
    return f"{article_uri}#photo-{index + 1}"


def looks_made_up(guid: str, article_uri: str) -> bool:
    """Tell whether *guid* has the form `photo_guid` gives the photos of *article_uri*."""
    prefix = photo_guid(article_uri, 0)[:-1]
    return guid.startswith(prefix) and guid[len(prefix) :].isdecimal()


_ANY_URI_SCHEMA: Final = etree.XMLSchema(
    etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<xs:element name="u"><xs:complexType><xs:attribute name="v" type="xs:anyURI"/>'
        b"</xs:complexType></xs:element></xs:schema>"
    )
)
# Characters percent-encoding leaves alone: RFC 3986 reserved and unreserved, but "%".
_URI_SAFE: Final = "!#$&'()*+,-./:;=?@_~"


@functools.lru_cache(maxsize=4096)
def is_any_uri(value: str) -> bool:
    """Tell whether libxml2's schema validation, as XSD validators do, accepts *value*."""
    element = etree.Element("u", v=value)
    return _ANY_URI_SCHEMA.validate(element)


def iri(name: str, value: str) -> dict[str, str]:
    """The attribute *name* for the URI *value*, which xs:anyURI may refuse.

    The model takes some URIs that xs:anyURI does not (a lone "%", "[" in a path, a second
    "#"): the standard attribute then gets the percent-encoded form, which validates, and
    the attribute of the same name in the articlekit namespace keeps the exact value.
    """
    if is_any_uri(value):
        return {name: value}
    head, hash_sign, fragment = quote(value, safe=_URI_SAFE).partition("#")
    escaped = head + hash_sign + fragment.replace("#", "%23")
    return {name: escaped if is_any_uri(escaped) else "urn:invalid", f"{{{AK}}}{name}": value}


def picture_guids(article: Article) -> list[str]:
    """The guids of the picture items: each photo's uri, unless taken or absent."""
    taken = {article.uri}
    guids = []
    for index, photo in enumerate(article.photos):
        guid = photo.uri
        number = index
        while guid is None or guid in taken:  # a made-up guid, unless another photo has it
            guid = photo_guid(article.uri, number)
            number += 1
        taken.add(guid)
        guids.append(guid)
    return guids


def qcode_of(scheme: str, text: str) -> str:
    """A QCode for free text: *scheme* and the percent-encoded text (no white space)."""
    return scheme + quote(text, safe="")


def format_datetime(value: datetime) -> str:
    """Format as xs:dateTime; offsets beyond +-14:00 are written in UTC (the same instant)."""
    offset = value.utcoffset() or timedelta(0)
    if abs(offset) > _MAX_OFFSET:
        value = value.astimezone(timezone.utc)
        offset = timedelta(0)
    text = value.replace(tzinfo=None).isoformat()
    if value.year < 1000:  # isoformat pads years to four digits already; keep explicit
        text = f"{value.year:04d}" + text[text.index("-") :]
    if not offset:
        return text + "Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, /, **attrs: str
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NAR}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _named(parent: etree._Element, tag: str, name: str | None, /, **attrs: str) -> etree._Element:
    element = _sub(parent, tag, **attrs)
    if name is not None:
        _sub(element, "name", name)
    return element


def _item_root(tag: str, guid: str, version: int, language: str | None) -> etree._Element:
    root = etree.Element(f"{{{NAR}}}{tag}", nsmap={None: NAR, "ak": AK})  # type: ignore[dict-item]
    root.set("guid", guid)
    root.set("version", str(version))
    root.set("standard", "NewsML-G2")
    root.set("standardversion", "2.35")
    root.set("conformance", "power")
    if language is not None:
        root.set(XML_LANG, language)
    return root


def _item_meta(
    item: etree._Element,
    item_class: str,
    provider: str | None,
    updated: datetime | None,
    now: datetime,
) -> etree._Element:
    meta = _sub(item, "itemMeta")
    _sub(meta, "itemClass", qcode=item_class)
    # provider and versionCreated are required (NewsML-G2 2.35, ItemMetadataType).
    if provider is None:
        _sub(meta, "provider", qcode=PROVIDER_UNKNOWN)
    else:
        _named(meta, "provider", provider)
    if updated is None:
        _sub(meta, "versionCreated", format_datetime(now), why=WHY_INFERRED)
    else:
        _sub(meta, "versionCreated", format_datetime(updated))
    return meta


def _status(parent: etree._Element, status: Status) -> None:
    _sub(parent, "pubStatus", qcode=f"stat:{status.value}")


def _canonical_link(parent: etree._Element, url: str) -> None:
    _sub(parent, "link", rel=LINK_CANONICAL, contenttype="text/html", **iri("href", url))


def _language(parent: etree._Element, tag: str) -> None:
    _sub(parent, "language", tag=tag)


def _byline(parent: etree._Element, byline: Byline) -> None:
    attrs = {}
    if byline.uri is not None:
        attrs.update(iri("uri", byline.uri))
    if byline.role is not None:
        attrs["role"] = qcode_of(CREATOR_ROLE_SCHEME, byline.role)
    creator = _named(parent, "creator", byline.name, **attrs)
    if byline.bio is not None:
        _sub(creator, "definition", byline.bio)
    if byline.affiliation is not None or byline.email is not None:
        details = _sub(creator, "personDetails")
        if byline.affiliation is not None:
            _named(details, "affiliation", byline.affiliation)
        if byline.email is not None:
            contact = _sub(details, "contactInfo")
            _sub(contact, "email", byline.email)


def _topic(parent: etree._Element, topic: Topic) -> None:
    attrs = {}
    if topic.code is not None:
        if ":" in topic.code[1:-1] and not topic.code.startswith(":"):
            attrs["qcode"] = topic.code
        else:  # not a QCode ("scheme:code"): kept in the articlekit namespace
            attrs[f"{{{AK}}}code"] = topic.code
    if topic.uri is not None:
        attrs.update(iri("uri", topic.uri))
    if topic.kind is TopicKind.GENRE:
        tag = "genre"
    else:
        tag = "subject"
        attrs["type"] = KIND_TYPES[topic.kind]
    _named(parent, tag, topic.name, **attrs)


# How one field's value is written into its parent element.
_Write = Callable[[etree._Element, Any], None]
# Which fields of a model go into an element, in the schema's order, and how each is written.
_Rules = tuple[tuple[str, _Write], ...]


def _as_text(tag: str, role: str | None = None) -> _Write:
    """Write a value as the text of a *tag* element, with *role* when given."""
    qualified = f"{{{NAR}}}{tag}"  # what `_sub` does, done once
    attrs = {} if role is None else {"role": role}

    def write(parent: etree._Element, text: str) -> None:
        etree.SubElement(parent, qualified, attrs).text = text

    return write


def _as_integer(tag: str) -> _Write:
    """Write an integer as the text of a *tag* element."""

    def write(parent: etree._Element, value: int) -> None:
        _sub(parent, tag, str(value))

    return write


def _as_name(tag: str) -> _Write:
    """Write a value as the name of a *tag* element."""

    def write(parent: etree._Element, name: str) -> None:
        _named(parent, tag, name)

    return write


def _as_time(tag: str) -> _Write:
    """Write a date and time as the xs:dateTime text of a *tag* element."""

    def write(parent: etree._Element, value: datetime) -> None:
        _sub(parent, tag, format_datetime(value))

    return write


def _as_each(write_one: _Write) -> _Write:
    """Write each value of a tuple with *write_one*."""

    def write(parent: etree._Element, values: tuple[Any, ...]) -> None:
        for value in values:
            write_one(parent, value)

    return write


def _write_fields(parent: etree._Element, model: object, rules: _Rules) -> None:
    """Write each field of *model* that is set, by its rule, in the order of *rules*."""
    for field, write in rules:
        value = getattr(model, field)
        if value is not None:
            write(parent, value)


# rightsInfo (NewsML-G2 2.35, RightsInfoType), written when one of these is set.
_RIGHTS_INFO: Final[_Rules] = (
    ("copyright_holder", _as_name("copyrightHolder")),
    ("copyright_notice", _as_text("copyrightNotice")),
    ("usage_terms", _as_text("usageTerms")),
)
_PICTURE_RIGHTS_INFO: Final[_Rules] = (("copyright_notice", _as_text("copyrightNotice")),)
# A text item's itemMeta after versionCreated (ItemMetadataType); the photo links follow.
_TEXT_ITEM_META: Final[_Rules] = (
    ("published", _as_time("firstCreated")),
    ("embargoed", _as_time("embargoed")),
    ("status", _status),
    ("editor_note", _as_text("edNote")),
    ("url", _canonical_link),
)
# A text item's contentMeta (ContentMetadataAfDType).
_TEXT_CONTENT_META: Final[_Rules] = (
    ("urgency", _as_integer("urgency")),  # first of AdministrativeMetadataGroup, Int1to9Type
    ("created", _as_time("contentCreated")),
    ("located", _as_name("located")),
    ("bylines", _as_each(_byline)),
    ("language", _language),
    ("topics", _as_each(_topic)),
    ("keywords", _as_each(_as_text("keyword"))),
    ("section", _as_text("keyword", ROLE_SECTION)),
    ("slugline", _as_text("slugline")),
    *((field, _as_text("headline", role)) for field, role in HEADLINE_ROLES.items()),
    ("dateline", _as_text("dateline")),
    ("summary", _as_text("description", DESCRIPTION_SUMMARY)),
)
# A picture item's contentMeta after its photographer and altId.
_PICTURE_CONTENT_META: Final[_Rules] = (
    ("credit", _as_text("creditline")),
    ("caption", _as_text("description", DESCRIPTION_CAPTION)),
    ("alt_text", _as_text("description", DESCRIPTION_ALT)),
)


def _rights_info(item: etree._Element, model: object, rules: _Rules) -> None:
    """The rightsInfo of *model*, when it has a field of *rules* to write there."""
    rights = None
    for field, write in rules:
        value = getattr(model, field)
        if value is not None:
            if rights is None:
                rights = _sub(item, "rightsInfo")
            write(rights, value)


def _photo_link(meta: etree._Element, photo: Photo, guid: str, *, with_file: bool) -> None:
    """The itemMeta link to the picture item *guid*; *with_file* when there is no such item."""
    attrs = {"rel": LINK_PHOTO, "residref": guid, "contenttype": ITEM_CONTENT_TYPE}
    if with_file:
        # The link is all of the photo there is: its main file, or else its first rendition.
        href = photo.href or (photo.renditions[0].href if photo.renditions else None)
        if href is not None:
            attrs.update(iri("href", href))
        if photo.uri is not None and photo.uri != guid:
            attrs[f"{{{AK}}}uri"] = photo.uri
    _sub(meta, "link", **attrs)


def _paragraph(body: etree._Element, block: Paragraph, article: Article, guids: list[str]) -> None:
    body.append(inline_to_element(block.text, "p", namespace=XHTML))


def _heading(body: etree._Element, block: Heading, article: Article, guids: list[str]) -> None:
    body.append(inline_to_element(block.text, f"h{block.level}", namespace=XHTML))


def _quote(body: etree._Element, block: Quote, article: Article, guids: list[str]) -> None:
    quote_element = etree.SubElement(body, f"{{{XHTML}}}blockquote")
    quote_element.append(inline_to_element(block.text, "p", namespace=XHTML))
    if block.attribution is not None:
        etree.SubElement(quote_element, f"{{{XHTML}}}footer").text = block.attribution


def _list(body: etree._Element, block: ListBlock, article: Article, guids: list[str]) -> None:
    list_element = etree.SubElement(body, f"{{{XHTML}}}{'ol' if block.ordered else 'ul'}")
    for item in block.items:
        list_element.append(inline_to_element(item, "li", namespace=XHTML))


def _figure(body: etree._Element, block: PhotoRef, article: Article, guids: list[str]) -> None:
    photo = article.photos[block.photo]
    figure = etree.SubElement(body, f"{{{XHTML}}}figure")
    figure.set("data-residref", guids[block.photo])
    # The picture item keeps every URL as data; the body is shown, so its img loads only
    # what the URL policy allows (no data:), and data-residref finds the photo.
    src = photo_source(photo)
    if src is not None:
        image = etree.SubElement(figure, f"{{{XHTML}}}img", src=src)
        image.set("alt", photo.alt_text or "")


def _iframe(body: etree._Element, block: Embed, article: Article, guids: list[str]) -> None:
    # Embed.url is http(s) by the model, which the URL policy lets a frame load.
    iframe = etree.SubElement(body, f"{{{XHTML}}}iframe", src=block.url)
    if block.title is not None:
        iframe.set("title", block.title)


# Each kind of block and how it is written into the XHTML body, tried in this order.
_BLOCK_WRITERS: Final[tuple[tuple[type[Any], Callable[..., None]], ...]] = (
    (Paragraph, _paragraph),
    (Heading, _heading),
    (Quote, _quote),
    (ListBlock, _list),
    (PhotoRef, _figure),
    (Embed, _iframe),
)


def _body(article: Article, guids: list[str]) -> etree._Element:
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})  # type: ignore[dict-item]
    head = etree.SubElement(html, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}title").text = article.headline
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    for block in article.body:
        for kind, write in _BLOCK_WRITERS:
            if isinstance(block, kind):
                write(body, block, article, guids)
                break
    return html


def text_item(
    article: Article, guids: list[str], now: datetime, *, link_photos: bool
) -> etree._Element:
    """The text newsItem of *article*; its photos as links to the picture items *guids*."""
    item = _item_root("newsItem", article.uri, article.version, article.language)
    _rights_info(item, article, _RIGHTS_INFO)
    meta = _item_meta(item, "ninat:text", article.provider, article.updated, now)
    _write_fields(meta, article, _TEXT_ITEM_META)
    for index, photo in enumerate(article.photos):
        _photo_link(meta, photo, guids[index], with_file=link_photos)
    _write_fields(_sub(item, "contentMeta"), article, _TEXT_CONTENT_META)
    if article.body:
        content_set = _sub(item, "contentSet")
        inline = _sub(content_set, "inlineXML", contenttype="application/xhtml+xml")
        inline.append(_body(article, guids))
    return item


def picture_item(photo: Photo, guid: str, article: Article, now: datetime) -> etree._Element:
    """A picture newsItem carrying every field of *photo*."""
    item = _item_root("newsItem", guid, 1, None)
    _rights_info(item, photo, _PICTURE_RIGHTS_INFO)
    meta = _item_meta(item, "ninat:picture", article.provider, None, now)
    _status(meta, article.status)
    content = _sub(item, "contentMeta")
    if photo.photographer is not None:
        _byline(content, photo.photographer)
    if photo.uri is not None and (photo.uri != guid or looks_made_up(guid, article.uri)):
        # The uri is another item's guid already (a second photo with the same uri, or the
        # article's own): the picture item gets a made-up guid and keeps the uri here. A uri
        # of the made-up form is kept here too, or the reader would take it for made up.
        _sub(content, "altId", photo.uri, type=ALT_ID_URI)
    _write_fields(content, photo, _PICTURE_CONTENT_META)
    if photo.renditions or _has_main_file(photo):
        _picture_files(_sub(item, "contentSet"), photo)
    return item


def _has_main_file(photo: Photo) -> bool:
    """Tell whether anything is known of the photo's main file: where, its size or its type."""
    return photo.href is not None or bool(photo.width or photo.height or photo.media_type)


def _picture_files(content_set: etree._Element, photo: Photo) -> None:
    if _has_main_file(photo):
        # The main file: a remoteContent without a rendition (and without an href when
        # only its size or type is known; NewsML-G2 makes href optional).
        _remote(content_set, photo.href, photo.width, photo.height, photo.media_type, None)
    for rendition in photo.renditions:
        _remote(
            content_set,
            rendition.href,
            rendition.width,
            rendition.height,
            rendition.media_type,
            qcode_of(RENDITION_SCHEME, rendition.name),
        )


def _remote(
    parent: etree._Element,
    href: str | None,
    width: int | None,
    height: int | None,
    media_type: str | None,
    rendition: str | None,
) -> None:
    attrs = iri("href", href) if href is not None else {}
    if rendition is not None:
        attrs["rendition"] = rendition
    if media_type is not None:
        attrs["contenttype"] = media_type
    if width is not None:
        attrs["width"] = str(width)
    if height is not None:
        attrs["height"] = str(height)
    _sub(parent, "remoteContent", **attrs)


# The photo fields only a picture item carries: a lone newsItem links its photos and loses them.
_PICTURE_ITEM_FIELDS: Final = (
    "caption", "credit", "alt_text", "photographer", "copyright_notice",
    "width", "height", "media_type", "renditions",
)  # fmt: skip


def _picture_item_losses(article: Article) -> list[str]:
    """The photo fields a lone text item cannot carry, as paths."""
    return [
        f"photos[{index}].{field}"
        for index, photo in enumerate(article.photos)
        for field in _PICTURE_ITEM_FIELDS
        if getattr(photo, field) not in (None, ())
    ]


def _news_message(
    text: etree._Element, article: Article, guids: list[str], now: datetime
) -> etree._Element:
    """A newsMessage of the text item *text* and a picture item per photo."""
    root = etree.Element(f"{{{NAR}}}newsMessage", nsmap={None: NAR, "ak": AK})  # type: ignore[dict-item]
    header = _sub(root, "header")
    _sub(header, "sent", format_datetime(now))
    item_set = _sub(root, "itemSet")
    item_set.append(text)
    for photo, guid in zip(article.photos, guids, strict=True):
        item_set.append(picture_item(photo, guid, article, now))
    return root


def write(article: Article, *, strict: bool, container: str) -> bytes:
    """Serialise *article* as a newsMessage or a single newsItem, reporting losses."""
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    if container not in ("newsMessage", "newsItem"):
        raise ValueError(f"container must be 'newsMessage' or 'newsItem', not {container!r}")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    guids = picture_guids(article)
    single = container == "newsItem"
    losses = _picture_item_losses(article) if single else []
    text = text_item(article, guids, now, link_photos=single)
    root = text if single else _news_message(text, article, guids, now)
    # Called from here, so that the warning's stacklevel points at the caller of dumps.
    report_losses(FORMAT_NAME, losses, strict=strict)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)
