"""The NITF writer: an `Article` as one NITF 3.6 document, and what it cannot carry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from lxml import etree

from articlekit._version import __version__
from articlekit.inline import inline_to_element
from articlekit.model import (
    Article,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    PhotoRef,
    Quote,
    Status,
    Topic,
    TopicKind,
)
from articlekit.nitf._mapping import (
    EM_CLASSES,
    EMBED_MEDIA_TYPE,
    GENRE_TYPE,
    HEADING_CLASS_PREFIX,
    IMAGE,
    KICKER_CLASS,
    KIND_TAGS,
    NAMESPACE,
    PHOTO_ID_PREFIX,
    PHOTOGRAPHER_CLASS,
    SUBJECT_TYPE,
    UNPLACED_PHOTOS,
    URI_SOURCE,
    VERSION,
)

_N: Final = f"{{{NAMESPACE}}}"
# NITF has no place for a person's biography, in a byline or a media-producer.
_LOST_BYLINE_FIELDS: Final = ("bio",)


def format_norm(value: datetime) -> str:
    """A ``norm`` attribute: ISO 8601 basic format with the UTC offset, as NITF 3.6 prefers.

    The schema's words (``money@date``): "YYYYMMDDTHHMMSS-HHMM (preferred)"; microseconds
    are kept as a decimal fraction of the second; an offset of seconds is written in UTC.
    """
    offset = value.utcoffset() or timedelta(0)
    if offset % timedelta(minutes=1):
        value, offset = value.astimezone(timezone.utc), timedelta(0)
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}T"
    text += f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    minutes = abs(offset) // timedelta(minutes=1)
    sign = "-" if offset < timedelta(0) else "+"
    return f"{text}{sign}{minutes // 60:02d}{minutes % 60:02d}"


GENERATOR: Final = f"articlekit {__version__}"
"""The generator ``meta`` articlekit writes in every NITF document's head."""


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, /, **attrs: str
) -> etree._Element:
    element = etree.SubElement(parent, _N + tag, attrs)
    if text is not None:
        element.text = text
    return element


def _inline(markup: str, tag: str) -> etree._Element:
    """The NITF element *tag* holding canonical inline markup: strong, code, sub, sup as em."""
    element = inline_to_element(markup, tag, namespace=NAMESPACE)
    for child in element.iter():
        local = etree.QName(child).localname
        if local in EM_CLASSES:
            child.tag = _N + "em"
            child.set("class", EM_CLASSES[local])
    return element


class _Writing:
    """One article being written: the losses found so far and the photos written so far."""

    __slots__ = ("article", "losses", "written_photos")

    def __init__(self, article: Article) -> None:
        self.article = article
        self.losses: list[str] = []
        self.written_photos: set[int] = set()


# --- head --------------------------------------------------------------------------------------


def _docdata(head: etree._Element, article: Article) -> None:
    attrs = {} if article.status is Status.USABLE else {"management-status": article.status.value}
    docdata = _sub(head, "docdata", **attrs)
    _sub(docdata, "doc-id", **{"id-string": article.uri})
    if article.located is not None:
        # evloc (NITF 3.x): "where events in this document took place"; the place name as is.
        _sub(docdata, "evloc", city=article.located)
    if article.urgency is not None:
        _sub(docdata, "urgency", **{"ed-urg": str(article.urgency)})
    for field, tag in (("published", "date.issue"), ("embargoed", "date.release")):
        moment = getattr(article, field)
        if moment is not None:
            _sub(docdata, tag, norm=format_norm(moment))
    if article.editor_note is not None:
        _sub(docdata, "ed-msg", info=article.editor_note)
    _identity(docdata, article)
    _rights(docdata, article)
    _subjects(docdata, article)


def _identity(docdata: etree._Element, article: Article) -> None:
    """The version and slugline, as Superdesk writes them: du-key@version and du-key@key."""
    du_key = {"version": str(article.version)}
    if article.slugline is not None:
        du_key["key"] = article.slugline
    _sub(docdata, "du-key", **du_key)


def _subjects(docdata: etree._Element, article: Article) -> None:
    if article.keywords:
        key_list = _sub(docdata, "key-list")
        for keyword in article.keywords:
            _sub(key_list, "keyword", key=keyword)
    if article.topics:
        content = _sub(docdata, "identified-content")
        for topic in article.topics:
            _topic(content, topic)


def _rights(docdata: etree._Element, article: Article) -> None:
    if article.copyright_holder is not None:
        _sub(docdata, "doc.copyright", holder=article.copyright_holder)
    if article.usage_terms is not None:
        _sub(docdata, "doc.rights", limitations=article.usage_terms)


def _topic(parent: etree._Element, topic: Topic) -> None:
    attrs: dict[str, str] = {}
    if topic.kind in (TopicKind.SUBJECT, TopicKind.GENRE):
        attrs["type"] = GENRE_TYPE if topic.kind is TopicKind.GENRE else SUBJECT_TYPE
    if topic.code is not None:
        attrs["location-code" if topic.kind is TopicKind.PLACE else "value"] = topic.code
    element = _sub(parent, KIND_TAGS[topic.kind], topic.name, **attrs)
    if topic.uri is not None:
        _sub(element, "alt-code", idsrc=URI_SOURCE, value=topic.uri)


def _pubdata(head: etree._Element, article: Article) -> None:
    attrs = {}
    if article.url is not None:
        attrs.update({"type": "web", "ex-ref": article.url})
    if article.section is not None:
        attrs["position.section"] = article.section
    if attrs:
        _sub(head, "pubdata", **attrs)


def _head(root: etree._Element, article: Article) -> None:
    head = _sub(root, "head")
    _sub(head, "title", article.headline)
    # Marks the document as articlekit's: its reader then takes every text as the text it is.
    _sub(head, "meta", name="generator", content=GENERATOR)
    _docdata(head, article)
    _pubdata(head, article)
    if article.updated is not None:
        _sub(head, "revision-history", norm=format_norm(article.updated))


# --- body.head ---------------------------------------------------------------------------------


def _byline(parent: etree._Element, byline: Byline, path: str, writing: _Writing) -> None:
    element = _sub(parent, "byline")
    _person(element, byline)
    if byline.role is not None or byline.affiliation is not None:
        title = _sub(element, "byttl", byline.role)
        if byline.affiliation is not None:
            if byline.role is not None:
                title.text = f"{byline.role} "
            _sub(title, "org", byline.affiliation)
    if byline.email is not None:
        _sub(element, "virtloc", byline.email)
    writing.losses += [f"{path}.{f}" for f in _LOST_BYLINE_FIELDS if getattr(byline, f)]


def _person(parent: etree._Element, person: Byline) -> None:
    """A person with the uri as idsrc/value, as NITF codes people (``person@idsrc``)."""
    attrs = {} if person.uri is None else {"idsrc": URI_SOURCE, "value": person.uri}
    _sub(parent, "person", person.name, **attrs)


def _dateline(parent: etree._Element, article: Article) -> None:
    """The dateline as printed, and the creation time as its story.date."""
    if article.dateline is None and article.created is None:
        return
    element = _sub(parent, "dateline", article.dateline)
    if article.created is not None:
        _sub(element, "story.date", norm=format_norm(article.created))


def _body_head(body: etree._Element, article: Article, writing: _Writing) -> None:
    body_head = _sub(body, "body.head")
    hedline = _sub(body_head, "hedline")
    _sub(hedline, "hl1", article.headline)
    if article.kicker is not None:
        _sub(hedline, "hl2", article.kicker, **{"class": KICKER_CLASS})
    if article.subheadline is not None:
        _sub(hedline, "hl2", article.subheadline)
    for index, byline in enumerate(article.bylines):
        _byline(body_head, byline, f"bylines[{index}]", writing)
    if article.provider is not None:
        _sub(body_head, "distributor", article.provider)
    _dateline(body_head, article)
    if article.summary is not None:
        _sub(_sub(body_head, "abstract"), "p", article.summary)


# --- body.content ------------------------------------------------------------------------------


def _media_reference(parent: etree._Element, **fields: Any) -> None:
    attrs = {name.replace("_", "-"): str(value) for name, value in fields.items() if value}
    _sub(parent, "media-reference", **attrs)


def _media(parent: etree._Element, index: int, writing: _Writing) -> None:
    """The media of photo *index*; its first carries the id that gives its index back."""
    photo, path = writing.article.photos[index], f"photos[{index}]"
    attrs = {"media-type": IMAGE}
    if index not in writing.written_photos:
        attrs["id"] = f"{PHOTO_ID_PREFIX}{index}"
    media = _sub(parent, "media", **attrs)
    if photo.uri is not None:
        _sub(media, "media-metadata", name=URI_SOURCE, value=photo.uri)
    # The main file is the media-reference without a name, always written (a media needs one,
    # and it carries the alternative text and copyright); each rendition one named after it.
    _media_reference(
        media, source=photo.href, mime_type=photo.media_type, height=photo.height,
        width=photo.width, alternate_text=photo.alt_text, copyright=photo.copyright_notice,
    )  # fmt: skip
    for rendition in photo.renditions:
        _media_reference(
            media, source=rendition.href, name=rendition.name, mime_type=rendition.media_type,
            height=rendition.height, width=rendition.width,
        )  # fmt: skip
    if photo.caption is not None:
        _sub(media, "media-caption", photo.caption)
    if photo.credit is not None:
        _sub(media, "media-producer", photo.credit)
    if photo.photographer is not None:
        _photographer(media, photo.photographer, f"{path}.photographer", writing)


def _photographer(media: etree._Element, person: Byline, path: str, writing: _Writing) -> None:
    producer = _sub(media, "media-producer", **{"class": PHOTOGRAPHER_CLASS})
    _person(producer, person)
    for tag, value in (("function", person.role), ("org", person.affiliation)):
        if value is not None:
            _sub(producer, tag, value)
    if person.email is not None:
        _sub(producer, "virtloc", person.email)
    writing.losses += [f"{path}.{f}" for f in _LOST_BYLINE_FIELDS if getattr(person, f)]


def _paragraph(parent: etree._Element, block: Paragraph, path: str, writing: _Writing) -> None:
    parent.append(_inline(block.text, "p"))


def _heading(parent: etree._Element, block: Heading, path: str, writing: _Writing) -> None:
    # NITF has one heading in the body, hl2 (NITF 3.6, blockContent): its class the level.
    heading = _inline(block.text, "hl2")
    if block.level != 2:
        heading.set("class", f"{HEADING_CLASS_PREFIX}{block.level}")
    parent.append(heading)


def _quote(parent: etree._Element, block: Quote, path: str, writing: _Writing) -> None:
    quote = _sub(parent, "bq")
    _sub(quote, "block").append(_inline(block.text, "p"))
    if block.attribution is not None:
        _sub(quote, "credit", block.attribution)


def _list(parent: etree._Element, block: ListBlock, path: str, writing: _Writing) -> None:
    element = _sub(parent, "ol" if block.ordered else "ul")
    for item in block.items:
        element.append(_inline(item, "li"))


def _photo_ref(parent: etree._Element, block: PhotoRef, path: str, writing: _Writing) -> None:
    # Each placement is a whole media, as NITF readers expect; a second one of the same photo
    # has no id, and reads back as the photo it equals.
    _media(parent, block.photo, writing)
    writing.written_photos.add(block.photo)


def _embed(parent: etree._Element, block: Embed, path: str, writing: _Writing) -> None:
    media = _sub(parent, "media", **{"media-type": EMBED_MEDIA_TYPE})
    _sub(media, "media-reference", source=block.url)
    if block.title is not None:
        _sub(media, "media-caption", block.title)


# Each kind of block and how it is written into body.content.
_BLOCK_WRITERS: Final[dict[type[Any], Callable[..., None]]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    Quote: _quote,
    ListBlock: _list,
    PhotoRef: _photo_ref,
    Embed: _embed,
}


def _body_content(body: etree._Element, article: Article, writing: _Writing) -> None:
    content = _sub(body, "body.content")
    for index, block in enumerate(article.body):
        _BLOCK_WRITERS[type(block)](content, block, f"body[{index}]", writing)
    unplaced = [i for i in range(len(article.photos)) if i not in writing.written_photos]
    if unplaced:
        photos = _sub(content, "block", **{"class": UNPLACED_PHOTOS})
        for index in unplaced:
            _media(photos, index, writing)
    if article.copyright_notice is not None:
        # copyrite (NITF 3.6, enrichedText): "a displayable statement about who owns the
        # copyright to the article"; doc.copyright has only holder and year attributes. It
        # sits in the tagline of body.end, where a printed notice goes.
        tagline = _sub(_sub(body, "body.end"), "tagline")
        _sub(tagline, "copyrite", article.copyright_notice)


def write(article: Article) -> tuple[bytes, list[str]]:
    """Serialise *article* as a NITF 3.6 document; also the paths of the fields left out."""
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    writing = _Writing(article)
    root = etree.Element(_N + "nitf", nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    root.set("version", VERSION)
    if article.language is not None:
        root.set("baselang", article.language)
    _head(root, article)
    body = _sub(root, "body")
    _body_head(body, article, writing)
    _body_content(body, article, writing)
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data, list(dict.fromkeys(writing.losses))  # a photo placed twice: reported once
