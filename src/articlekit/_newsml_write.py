"""The NewsML-G2 writer: an `Article` as a newsMessage of newsItems, or as one newsItem."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta, timezone
from typing import Final
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
# xs:dateTime time zones run from -14:00 to +14:00 (XML Schema 1.1 part 2, D.3.7).
_MAX_OFFSET: Final = timedelta(hours=14)


def photo_guid(article_uri: str, index: int) -> str:
    """The guid of a picture item whose photo has no uri: derived from the article's."""
    return f"{article_uri}#photo-{index + 1}"


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
        if guid is None or guid in taken:
            guid = photo_guid(article.uri, index)
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


def _body(article: Article, guids: list[str]) -> etree._Element:
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})  # type: ignore[dict-item]
    head = etree.SubElement(html, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}title").text = article.headline
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    for block in article.body:
        if isinstance(block, Paragraph):
            body.append(inline_to_element(block.text, "p", namespace=XHTML))
        elif isinstance(block, Heading):
            body.append(inline_to_element(block.text, f"h{block.level}", namespace=XHTML))
        elif isinstance(block, Quote):
            quote_element = etree.SubElement(body, f"{{{XHTML}}}blockquote")
            quote_element.append(inline_to_element(block.text, "p", namespace=XHTML))
            if block.attribution is not None:
                etree.SubElement(quote_element, f"{{{XHTML}}}footer").text = block.attribution
        elif isinstance(block, ListBlock):
            list_element = etree.SubElement(body, f"{{{XHTML}}}{'ol' if block.ordered else 'ul'}")
            for item in block.items:
                list_element.append(inline_to_element(item, "li", namespace=XHTML))
        elif isinstance(block, PhotoRef):
            photo = article.photos[block.photo]
            figure = etree.SubElement(body, f"{{{XHTML}}}figure")
            figure.set("data-residref", guids[block.photo])
            # The picture item keeps every URL as data; the body is shown, so its img loads only
            # what the URL policy allows (no data:), and data-residref finds the photo.
            src = photo_source(photo)
            if src is not None:
                image = etree.SubElement(figure, f"{{{XHTML}}}img", src=src)
                image.set("alt", photo.alt_text or "")
        elif isinstance(block, Embed):
            # Embed.url is http(s) by the model, which the URL policy lets a frame load.
            iframe = etree.SubElement(body, f"{{{XHTML}}}iframe", src=block.url)
            if block.title is not None:
                iframe.set("title", block.title)
    return html


def text_item(
    article: Article, guids: list[str], now: datetime, *, link_photos: bool
) -> etree._Element:
    """The text newsItem of *article*; its photos as links to the picture items *guids*."""
    item = _item_root("newsItem", article.uri, article.version, article.language)
    if article.copyright_holder or article.copyright_notice or article.usage_terms:
        rights = _sub(item, "rightsInfo")
        if article.copyright_holder is not None:
            _named(rights, "copyrightHolder", article.copyright_holder)
        if article.copyright_notice is not None:
            _sub(rights, "copyrightNotice", article.copyright_notice)
        if article.usage_terms is not None:
            _sub(rights, "usageTerms", article.usage_terms)
    meta = _item_meta(item, "ninat:text", article.provider, article.updated, now)
    if article.published is not None:
        _sub(meta, "firstCreated", format_datetime(article.published))
    if article.embargoed is not None:
        _sub(meta, "embargoed", format_datetime(article.embargoed))
    _sub(meta, "pubStatus", qcode=f"stat:{article.status.value}")
    if article.editor_note is not None:
        _sub(meta, "edNote", article.editor_note)
    if article.url is not None:
        _sub(meta, "link", rel=LINK_CANONICAL, contenttype="text/html", **iri("href", article.url))
    for index, photo in enumerate(article.photos):
        attrs = {"rel": LINK_PHOTO, "residref": guids[index], "contenttype": ITEM_CONTENT_TYPE}
        if link_photos:
            # The link is all of the photo there is: its main file, or else its first rendition.
            href = photo.href or (photo.renditions[0].href if photo.renditions else None)
            if href is not None:
                attrs.update(iri("href", href))
            if photo.uri is not None and photo.uri != guids[index]:
                attrs[f"{{{AK}}}uri"] = photo.uri
        _sub(meta, "link", **attrs)

    content = _sub(item, "contentMeta")
    if article.created is not None:
        _sub(content, "contentCreated", format_datetime(article.created))
    if article.located is not None:
        _named(content, "located", article.located)
    for byline in article.bylines:
        _byline(content, byline)
    if article.language is not None:
        _sub(content, "language", tag=article.language)
    for topic in article.topics:
        _topic(content, topic)
    for keyword in article.keywords:
        _sub(content, "keyword", keyword)
    if article.section is not None:
        _sub(content, "keyword", article.section, role=ROLE_SECTION)
    if article.slugline is not None:
        _sub(content, "slugline", article.slugline)
    _sub(content, "headline", article.headline)
    if article.subheadline is not None:
        _sub(content, "headline", article.subheadline, role=ROLE_SUB)
    if article.kicker is not None:
        _sub(content, "headline", article.kicker, role=ROLE_KICKER)
    if article.dateline is not None:
        _sub(content, "dateline", article.dateline)
    if article.summary is not None:
        _sub(content, "description", article.summary, role=DESCRIPTION_SUMMARY)

    if article.body:
        content_set = _sub(item, "contentSet")
        inline = _sub(content_set, "inlineXML", contenttype="application/xhtml+xml")
        inline.append(_body(article, guids))
    return item


def picture_item(photo: Photo, guid: str, article: Article, now: datetime) -> etree._Element:
    """A picture newsItem carrying every field of *photo*."""
    item = _item_root("newsItem", guid, 1, None)
    if photo.copyright_notice is not None:
        rights = _sub(item, "rightsInfo")
        _sub(rights, "copyrightNotice", photo.copyright_notice)
    meta = _item_meta(item, "ninat:picture", article.provider, None, now)
    _sub(meta, "pubStatus", qcode=f"stat:{article.status.value}")
    content = _sub(item, "contentMeta")
    if photo.photographer is not None:
        _byline(content, photo.photographer)
    if photo.uri is not None and photo.uri != guid:
        # The uri is another item's guid already (a second photo with the same uri, or the
        # article's own): the picture item gets a made-up guid and keeps the uri here.
        _sub(content, "altId", photo.uri, type=ALT_ID_URI)
    if photo.credit is not None:
        _sub(content, "creditline", photo.credit)
    if photo.caption is not None:
        _sub(content, "description", photo.caption, role=DESCRIPTION_CAPTION)
    if photo.alt_text is not None:
        _sub(content, "description", photo.alt_text, role=DESCRIPTION_ALT)
    if photo.href or photo.renditions or photo.width or photo.height or photo.media_type:
        content_set = _sub(item, "contentSet")
        if photo.href is not None or photo.width or photo.height or photo.media_type:
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
    return item


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


def write(article: Article, *, strict: bool, container: str) -> bytes:
    """Serialise *article* as a newsMessage or a single newsItem, reporting losses."""
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    if container not in ("newsMessage", "newsItem"):
        raise ValueError(f"container must be 'newsMessage' or 'newsItem', not {container!r}")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    guids = picture_guids(article)
    losses: list[str] = []
    single = container == "newsItem"
    if single:
        for index, photo in enumerate(article.photos):
            where = f"photos[{index}]"
            losses.extend(
                f"{where}.{field}"
                for field in (
                    "caption", "credit", "alt_text", "photographer", "copyright_notice",
                    "width", "height", "media_type", "renditions",
                )
                if getattr(photo, field) not in (None, ())
            )  # fmt: skip
    text = text_item(article, guids, now, link_photos=single)
    if single:
        root = text
    else:
        root = etree.Element(f"{{{NAR}}}newsMessage", nsmap={None: NAR, "ak": AK})  # type: ignore[dict-item]
        header = _sub(root, "header")
        _sub(header, "sent", format_datetime(now))
        item_set = _sub(root, "itemSet")
        item_set.append(text)
        for photo, guid in zip(article.photos, guids, strict=True):
            item_set.append(picture_item(photo, guid, article, now))
    report_losses(FORMAT_NAME, losses, strict=strict)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)
