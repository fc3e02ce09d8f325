"""The NITF reader: NITF 3.0-3.6, with or without the namespace, into an `Article`.

Elements are matched by local name, so that the namespace of NITF 3.5/3.6 and its absence in
3.0-3.4 (and in most real documents) read alike.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Final, TypeVar

from lxml import etree

from articlekit._reading import derive_headline, zone_name
from articlekit._repairs import Repairs
from articlekit._text import fold_space
from articlekit._urls import WEB_SCHEMES, may_be_link, scheme_of
from articlekit._xml import remove_keeping_tail, source_line
from articlekit.errors import UnsupportedError, ValidationError
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
    Topic,
    TopicKind,
)
from articlekit.nitf._mapping import (
    EMBED_MEDIA_TYPE,
    GENRE_TYPE,
    HEADING_CLASS_PREFIX,
    IMAGE,
    KICKER_CLASS,
    PHOTO_ID_PREFIX,
    PHOTOGRAPHER_CLASS,
    STATUSES,
    TAGS_OF_EM_CLASS,
    UNPLACED_PHOTOS,
    URI_SOURCE,
)

# ISO 8601 date and time, basic ("20241030T141500+0100") or extended form, as NITF norms are.
_NORM: Final = re.compile(
    r"(?P<year>\d{4})-?(?P<month>\d{2})-?(?P<day>\d{2})"
    r"(?:[Tt ]?(?P<hour>\d{2}):?(?P<minute>\d{2})"
    r"(?::?(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?)?"
    r"(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?"
)
_T = TypeVar("_T")
_DERIVED_URI: Final = "urn:articlekit:nitf-document:"
_BY: Final = re.compile(r"^by\s+", re.IGNORECASE)
# The children of each part of a NITF document that the reader reads; others are reported.
_READ: Final = {
    "nitf": {"head", "body"},
    "head": {"title", "docdata", "pubdata", "revision-history"},
    "docdata": {
        "doc-id", "evloc", "urgency", "date.issue", "date.release", "ed-msg", "du-key",
        "doc.copyright", "doc.rights", "key-list", "identified-content",
    },
    "body": {"body.head", "body.content", "body.end"},
    "body.head": {"hedline", "byline", "distributor", "dateline", "abstract"},
}  # fmt: skip
_KINDS: Final = {
    "person": TopicKind.PERSON,
    "org": TopicKind.ORGANISATION,
    "location": TopicKind.PLACE,
    "event": TopicKind.EVENT,
    "object.title": TopicKind.OBJECT,
    "classifier": TopicKind.SUBJECT,
}


def local(element: etree._Element) -> str:
    """The local name of *element*; empty for a comment or processing instruction."""
    tag: object = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _classes(element: etree._Element) -> list[str]:
    """The tokens of *element*'s class attribute, in lower case."""
    return (element.get("class") or "").lower().split()


def _where(element: etree._Element) -> str:
    return f"<{local(element)}> (line {source_line(element)})"


def _children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if parent is None else [child for child in parent if local(child) == name]


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    return next(iter(_children(parent, name)), None)


def _strings(element: etree._Element) -> Iterator[str]:
    """The text of *element* and its descendants (lxml's stubs type it loosely)."""
    for piece in element.itertext():
        yield piece if isinstance(piece, str) else piece.decode()


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return fold_space("".join(_strings(element))) or None


def _build(element: etree._Element, build: Callable[..., _T], **fields: Any) -> _T:
    """Build a model, naming the element and line in a `ValidationError`."""
    try:
        return build(**fields)
    except ValidationError as error:
        path = f"{error.path}: " if error.path else ""
        raise ValidationError(f"{_where(element)}: {path}{error.message}") from None


class _Reading:
    """One document being read: its repairs, the zone of naive times, what it did not read."""

    __slots__ = ("not_read", "repairs", "zone")

    def __init__(self, repairs: Repairs, zone: tzinfo) -> None:
        self.repairs = repairs
        self.zone = zone
        self.not_read: dict[str, None] = {}

    def report(self, repair: str, element: etree._Element) -> None:
        self.repairs.report(repair, where=f"<{local(element)}>", line=source_line(element))

    def check_children(self, parent: etree._Element | None) -> None:
        """Note the children of *parent* the reader does not read."""
        read = _READ[local(parent)] if parent is not None else set()
        for child in parent if parent is not None else ():
            name = local(child)
            if name and name not in read:
                self.not_read[name] = None


# --- values ------------------------------------------------------------------------------------


def _zone(text: str) -> timezone:
    if text in ("Z", "z"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))


def _norm(element: etree._Element | None, reading: _Reading, name: str = "norm") -> datetime | None:
    """The date and time of *element*'s *name* attribute; a naive one in the default zone."""
    text = None if element is None else (element.get(name) or "").strip()
    if element is None or not text:
        return None
    match = _NORM.fullmatch(text)
    if match is None:  # Superdesk's test feeds hold the schema's "YYYYMMDD000000-HHMM" itself
        reading.report(f"{name} {text!r} is not an ISO 8601 date and time: not read", element)
        return None
    year, month, day, hour, minute, second = (
        int(match[key] or 0) for key in ("year", "month", "day", "hour", "minute", "second")
    )
    microsecond = int((match["fraction"] or "0")[:6].ljust(6, "0"))
    try:
        moment = datetime(year, month, day, hour, minute, second, microsecond)
        zone = _zone(match["zone"]) if match["zone"] else None
    except ValueError as error:
        raise ValidationError(f"{_where(element)}: {name} {text!r}: {error}") from None
    if zone is None:
        reading.report(f"no time zone: read as {zone_name(reading.zone)}", element)
        return moment.replace(tzinfo=reading.zone)
    return moment.replace(tzinfo=zone)


def _urgency(element: etree._Element | None, reading: _Reading) -> int | None:
    value = None if element is None else (element.get("ed-urg") or "").strip()
    if element is None or not value:
        return None
    if value.isascii() and value.isdecimal() and 1 <= int(value) <= 9:
        return int(value)
    reading.report(f"an urgency of {value!r}, not 1 to 9: not read", element)
    return None


def _whole_number(element: etree._Element, name: str) -> int | None:
    value = element.get(name)
    if value is None:
        return None
    if not (value.isascii() and value.isdecimal()):
        raise ValidationError(f"{_where(element)}: {name} {value!r} is not a whole number")
    return int(value)


# --- inline markup -----------------------------------------------------------------------------


def _inline(element: etree._Element) -> str:
    """The canonical inline markup of *element*'s content; em of a class as what it stands for."""
    for em in element.iter("{*}em"):
        tag = TAGS_OF_EM_CLASS.get((em.get("class") or "").strip().lower())
        if tag is not None:
            em.tag = tag
    try:
        return canonical_inline_from_element(element)
    except ValidationError as error:
        raise ValidationError(f"{_where(element)}: {error.message}") from None


# --- head --------------------------------------------------------------------------------------


def _uri(docdata: etree._Element | None, root: etree._Element, reading: _Reading) -> str:
    doc_id = _child(docdata, "doc-id")
    uri = None if doc_id is None else (doc_id.get("id-string") or "").strip()
    if uri:
        return uri
    # The tree as lxml writes it: the same document gives the same uri. (Canonical XML would
    # refuse a relative namespace URI such as xmlns="EN", which a document may well have.)
    digest = hashlib.sha256(etree.tostring(root, encoding="utf-8")).hexdigest()[:32]
    reading.report(
        "no doc-id id-string: a uri derived from the document's content",
        root if doc_id is None else doc_id,
    )
    return _DERIVED_URI + digest


def _topic(element: etree._Element) -> Topic | None:
    kind = _KINDS.get(local(element))
    if kind is None:
        return None
    if kind is TopicKind.SUBJECT and (element.get("type") or "").strip().lower() == GENRE_TYPE:
        kind = TopicKind.GENRE
    code = element.get("location-code" if kind is TopicKind.PLACE else "value")
    uri = next(
        (c.get("value") for c in _children(element, "alt-code") if c.get("idsrc") == URI_SOURCE),
        None,
    )
    name = element.text if len(element) == 0 else _text(_without(element, "alt-code"))
    if not fold_space(name or "") and not code and not uri:
        return None
    return _build(element, Topic, name=name, kind=kind, code=code, uri=uri)


def _without(element: etree._Element, *names: str) -> etree._Element:
    """A copy of *element* without its children of *names*, their tails kept."""
    trimmed = copy.deepcopy(element)
    for child in list(trimmed):
        if local(child) in names:
            remove_keeping_tail(child, separator="")
    return trimmed


def _topics(docdata: etree._Element | None, reading: _Reading) -> list[Topic]:
    topics = []
    for content in _children(docdata, "identified-content"):
        for element in content:
            topic = _topic(element)
            if topic is not None:
                topics.append(topic)
            elif local(element) and local(element) not in _KINDS:
                reading.not_read[f"identified-content/{local(element)}"] = None
    return topics


def _web_url(element: etree._Element | None, name: str, reading: _Reading) -> str | None:
    value = None if element is None else (element.get(name) or "").strip()
    if element is None or not value:
        return None
    if may_be_link(value):
        return value
    reading.report(f"{name} {value!r} is not a web address: not read", element)
    return None


def _head_fields(head: etree._Element | None, reading: _Reading) -> dict[str, Any]:
    docdata = _child(head, "docdata")
    reading.check_children(head)
    reading.check_children(docdata)
    pubdata = _child(head, "pubdata")
    du_key = _child(docdata, "du-key")
    status = None if docdata is None else (docdata.get("management-status") or "").strip()
    revisions = [_norm(r, reading) for r in _children(head, "revision-history")]
    return {
        "urgency": _urgency(_child(docdata, "urgency"), reading),
        "published": _norm(_child(docdata, "date.issue"), reading),
        "embargoed": _norm(_child(docdata, "date.release"), reading),
        "updated": max((r for r in revisions if r is not None), default=None),
        "editor_note": _attribute(docdata, "ed-msg", "info"),
        "version": (du_key is not None and _whole_number(du_key, "version")) or 1,
        "slugline": _attribute(docdata, "du-key", "key"),
        "copyright_holder": _attribute(docdata, "doc.copyright", "holder"),
        "usage_terms": _attribute(docdata, "doc.rights", "limitations"),
        "keywords": [
            key
            for key_list in _children(docdata, "key-list")
            for keyword in _children(key_list, "keyword")
            if (key := keyword.get("key"))
        ],
        "topics": _topics(docdata, reading),
        "url": _web_url(pubdata, "ex-ref", reading),
        "section": None if pubdata is None else pubdata.get("position.section"),
        "status": _status(docdata, status, reading),
    }


def _attribute(parent: etree._Element | None, name: str, attribute: str) -> str | None:
    element = _child(parent, name)
    return None if element is None else element.get(attribute)


def _status(docdata: etree._Element | None, status: str | None, reading: _Reading) -> Any:
    if docdata is None or not status:
        return STATUSES["usable"]
    if status.lower() in STATUSES:
        return STATUSES[status.lower()]
    reading.report(f"a management-status of {status!r}: read as usable", docdata)
    return STATUSES["usable"]


# --- body.head ---------------------------------------------------------------------------------


def _bylines(element: etree._Element) -> Iterator[Byline]:
    """The people of a byline: each person, or else the byline's text without "By"."""
    title = _child(element, "byttl")
    affiliation = _text(_child(title, "org"))
    role = _text(_without(title, "org")) if title is not None else None
    email = _text(_child(element, "virtloc"))
    people = _children(element, "person")
    names = [(_text(p), _person_uri(p)) for p in people] or [(_name_of_byline(element), None)]
    for name, uri in names:
        if name:
            fields = {"name": name, "role": role, "affiliation": affiliation, "email": email}
            yield _build(element, Byline, uri=uri, **fields)


def _person_uri(person: etree._Element) -> str | None:
    """The uri of a person coded as articlekit writes it: idsrc "uri" and the value."""
    return person.get("value") if person.get("idsrc") == URI_SOURCE else None


def _name_of_byline(element: etree._Element) -> str | None:
    text = _text(_without(element, "byttl", "virtloc", "location"))
    return None if text is None else _BY.sub("", text).strip(" ,") or None


def _dateline(element: etree._Element | None, reading: _Reading) -> dict[str, Any]:
    if element is None:
        return {}
    return {
        "dateline": _text(element),
        "located": _text(_child(element, "location")),
        "created": _norm(_child(element, "story.date"), reading),
    }


def _located(docdata: etree._Element | None) -> str | None:
    """The place of evloc: its city, county or district, and state or province."""
    evloc = _child(docdata, "evloc")
    if evloc is None:
        return None
    names = (fold_space(evloc.get(name, "")) for name in ("city", "county-dist", "state-prov"))
    return ", ".join(name for name in names if name) or None


def _body_head_fields(body_head: etree._Element | None, reading: _Reading) -> dict[str, Any]:
    reading.check_children(body_head)
    hedline = _child(body_head, "hedline")
    distributor = _child(body_head, "distributor")
    kickers = [e for e in _children(hedline, "hl2") if KICKER_CLASS in _classes(e)]
    subheadlines = [e for e in _children(hedline, "hl2") if e not in kickers]
    return {
        "headline": _text(_child(hedline, "hl1")),
        "kicker": _text(next(iter(kickers), None)),
        "subheadline": _text(next(iter(subheadlines), None)),
        "bylines": [b for e in _children(body_head, "byline") for b in _bylines(e)],
        "provider": _text(distributor),
        "summary": _text(_child(body_head, "abstract")),
        **_dateline(_child(body_head, "dateline"), reading),
    }


# --- body.content ------------------------------------------------------------------------------


class _Body:
    """The blocks and photos of body.content, in reading order."""

    __slots__ = ("blocks", "photo_ids", "photos", "reading")

    def __init__(self, reading: _Reading) -> None:
        self.reading = reading
        self.blocks: list[Block] = []
        self.photos: list[Photo] = []
        self.photo_ids: list[str | None] = []

    def photo_index(self, element: etree._Element, photo: Photo) -> int:
        """The index of *photo*: a media without an id equal to an earlier one places it again."""
        if element.get("id") is None and photo in self.photos:
            return self.photos.index(photo)
        self.photos.append(photo)
        self.photo_ids.append(element.get("id"))
        return len(self.photos) - 1

    def finish(self) -> None:
        """Put the photos in the order of their ids "photo-0", "photo-1", ... when all have one."""
        wanted = [f"{PHOTO_ID_PREFIX}{index}" for index in range(len(self.photos))]
        if self.photo_ids == wanted or sorted(map(str, self.photo_ids)) != sorted(wanted):
            return
        new_index = {old: wanted.index(str(i)) for old, i in enumerate(self.photo_ids)}
        self.photos = [self.photos[self.photo_ids.index(name)] for name in wanted]
        self.blocks = [
            PhotoRef(photo=new_index[b.photo]) if isinstance(b, PhotoRef) else b
            for b in self.blocks
        ]

    def read(self, container: etree._Element, *, placed: bool = True) -> None:
        """Read the blocks in *container*; the recursion is bounded by the parser's depth."""
        for element in container:
            name = local(element)
            if not name:
                continue
            read = _BLOCK_READERS.get(name)
            if read is not None:
                read(self, element, placed)
            elif name != "hr":
                self.reading.not_read[name] = None

    def add(self, element: etree._Element, kind: Callable[..., Block], **fields: Any) -> None:
        self.blocks.append(_build(element, kind, **fields))


def _text_block(kind: type[Block]) -> Callable[[_Body, etree._Element, bool], None]:
    def read(body: _Body, element: etree._Element, placed: bool) -> None:
        text = _inline(element)
        if not _is_blank(text):
            body.add(element, kind, text=text)

    return read


def _heading(body: _Body, element: etree._Element, placed: bool) -> None:
    """An hl2; a class "h3" to "h6" is its level (articlekit's convention), else 2."""
    text = _inline(element)
    if not _is_blank(text):
        body.add(element, Heading, text=text, level=_heading_level(element))


def _heading_level(element: etree._Element) -> int:
    for token in _classes(element):
        level = token.removeprefix(HEADING_CLASS_PREFIX)
        if level in ("3", "4", "5", "6"):
            return int(level)
    return 2


def _pre(body: _Body, element: etree._Element, placed: bool) -> None:
    """Preformatted text (PA's sports tables): a paragraph whose lines are kept as breaks."""
    lines = [escape_text(line) for line in "".join(_strings(element)).splitlines()]
    text = "<br>".join(line for line in lines if line.strip())
    if text:
        body.add(element, Paragraph, text=text)


def _quote(body: _Body, element: etree._Element, placed: bool) -> None:
    attribution = _text(_child(element, "credit")) or element.get("quote-source")
    text = _inline(_without(element, "credit"))
    if not _is_blank(text):
        body.add(element, Quote, text=text, attribution=attribution)


def _list(ordered: bool) -> Callable[[_Body, etree._Element, bool], None]:
    def read(body: _Body, element: etree._Element, placed: bool) -> None:
        items = [_inline(li) for li in _children(element, "li")]
        items = [item for item in items if not _is_blank(item)]
        if items:
            body.add(element, ListBlock, items=items, ordered=ordered)

    return read


def _block(body: _Body, element: etree._Element, placed: bool) -> None:
    unplaced = UNPLACED_PHOTOS in (element.get("class") or "").split()
    body.read(element, placed=placed and not unplaced)


def _media(body: _Body, element: etree._Element, placed: bool) -> None:
    kind = (element.get("media-type") or "").strip().lower()
    if kind == IMAGE:
        photo = _photo(element, body.reading)
        if photo is not None:
            index = body.photo_index(element, photo)
            if placed:
                body.add(element, PhotoRef, photo=index)
        return
    source = (_attribute(element, "media-reference", "source") or "").strip()
    if kind == EMBED_MEDIA_TYPE and may_be_link(source):
        body.add(element, Embed, url=source, title=_text(_child(element, "media-caption")))
        return
    body.reading.not_read[f"media ({kind or 'no media-type'})"] = None


def _photo(element: etree._Element, reading: _Reading) -> Photo | None:
    references = _children(element, "media-reference")
    main = next((r for r in references if not r.get("name")), None)
    renditions = [
        _rendition(r) for r in references if r.get("name") and _is_image_url(r.get("source"))
    ]
    producers = _children(element, "media-producer")
    photographer = next((p for p in producers if _is_photographer(p)), None)
    credit = next((p for p in producers if p is not photographer), None)
    uri = next(
        (
            m.get("value")
            for m in _children(element, "media-metadata")
            if m.get("name") == URI_SOURCE
        ),
        None,
    )
    main_fields = _main_file(main)
    href = main_fields.get("href")
    problem = "no source"
    if href is not None and not _is_image_url(href):
        main_fields["href"] = None
        problem = f"source {href!r} is not an image URL"
    if not (uri or main_fields.get("href") or renditions):
        reading.report(f"{problem}: the photo is not read", element)
        return None
    if main is not None and href != main_fields["href"]:
        reading.report(f"{problem}: not read", main)
    return _build(
        element, Photo, uri=uri, renditions=renditions, **main_fields,
        caption=_text(_child(element, "media-caption")), credit=_text(credit),
        photographer=None if photographer is None else _photographer(photographer),
    )  # fmt: skip


def _is_image_url(value: str | None) -> bool:
    """Tell whether *value* may be a photo's file: http(s) or data:image (relative: no)."""
    if value is None:
        return False
    scheme = scheme_of(value)
    return scheme in WEB_SCHEMES or (scheme == "data" and value[5:].lower().startswith("image/"))


def _is_photographer(producer: etree._Element) -> bool:
    """A media-producer of class "photographer" with a person, or holding a person alone."""
    people = _children(producer, "person")
    if PHOTOGRAPHER_CLASS in _classes(producer):
        return len(people) == 1
    return len(producer) == 1 and len(people) == 1 and not (producer.text or "").strip()


def _photographer(producer: etree._Element) -> Byline:
    person = _children(producer, "person")[0]
    return _build(
        producer, Byline, name=_text(person) or "", uri=_person_uri(person),
        role=_text(_child(producer, "function")), affiliation=_text(_child(producer, "org")),
        email=_text(_child(producer, "virtloc")),
    )  # fmt: skip


def _main_file(reference: etree._Element | None) -> dict[str, Any]:
    if reference is None:
        return {}
    return {
        "href": reference.get("source"),
        "media_type": reference.get("mime-type"),
        "width": _whole_number(reference, "width"),
        "height": _whole_number(reference, "height"),
        "alt_text": reference.get("alternate-text"),
        "copyright_notice": reference.get("copyright"),
    }


def _rendition(reference: etree._Element) -> Rendition:
    return _build(
        reference, Rendition, name=reference.get("name"), href=reference.get("source"),
        media_type=reference.get("mime-type"), width=_whole_number(reference, "width"),
        height=_whole_number(reference, "height"),
    )  # fmt: skip


_ReadBlock = Callable[[_Body, etree._Element, bool], None]
# How each element of body.content is read, by local name.
_BLOCK_READERS: Final[dict[str, _ReadBlock]] = {
    "p": _text_block(Paragraph),
    "hl2": _heading,
    "pre": _pre,
    "bq": _quote,
    "ol": _list(ordered=True),
    "ul": _list(ordered=False),
    "block": _block,
    "media": _media,
}


# --- the document ------------------------------------------------------------------------------


def _copyright_notice(body_end: etree._Element | None, reading: _Reading) -> str | None:
    """The copyrite of body.end's tagline, as articlekit writes the notice; the rest reported."""
    tagline = _child(body_end, "tagline")
    notice = _text(_child(tagline, "copyrite"))
    children = () if body_end is None else body_end
    rest = [local(child) for child in children if local(child) and child is not tagline]
    if tagline is not None and _text(_without(tagline, "copyrite")):
        rest.append("tagline")
    for name in rest:
        reading.not_read[name] = None
    return notice


def _headline(
    fields: dict[str, Any], head: etree._Element | None, body: _Body, reading: _Reading
) -> str | None:
    if fields["headline"]:
        return str(fields["headline"])
    first = next((b.plain_text for b in body.blocks if isinstance(b, Paragraph)), None)
    # NITF's own title of the document comes before du-key@key, which producers such as PA
    # fill with a feed key ("580001T") rather than a slugline.
    sources = [
        ("the title", _text(_child(head, "title"))),
        ("the slugline (du-key key)", fields.get("slugline")),
        ("the abstract", fields.get("summary")),
        ("the body's first paragraph", first),
    ]
    return derive_headline(sources, reading.repairs, where="<hl1>")


def read_document(root: etree._Element, repairs: Repairs, zone: tzinfo) -> Article:
    """The `Article` of a NITF document whose root element is *root*."""
    if local(root) != "nitf":
        raise UnsupportedError(
            f"the root element is <{local(root)}>, not <nitf>: not a NITF document"
        )
    reading = _Reading(repairs, zone)
    reading.check_children(root)
    head = _child(root, "head")
    body_element = _child(root, "body")
    body_head = _child(body_element, "body.head")
    fields = {**_head_fields(head, reading), **_body_head_fields(body_head, reading)}
    fields["located"] = _located(_child(head, "docdata")) or fields.get("located")
    body = _Body(reading)
    for content in _children(body_element, "body.content"):
        body.read(content)
    body.finish()
    fields["copyright_notice"] = _copyright_notice(_child(body_element, "body.end"), reading)
    reading.check_children(body_element)  # body.end last, in document order
    fields["headline"] = _headline(fields, head, body, reading)
    if fields["headline"] is None:
        raise ValidationError(f"{_where(root)}: no hl1, title or text to take a headline from")
    if reading.not_read:
        names = ", ".join(reading.not_read)
        repairs.report(f"not read, the model has no field for them: {names}", where=names)
    uri = _uri(_child(head, "docdata"), root, reading)
    language = root.get("baselang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return _build(
        root, Article, uri=uri, language=language, photos=body.photos, body=body.blocks, **fields
    )
