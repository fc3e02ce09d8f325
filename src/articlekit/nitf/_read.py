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

import attrs
from lxml import etree

from articlekit._body_html import blocks_from_html
from articlekit._convert import BLOCK_TAGS
from articlekit._json_build import build_blocks
from articlekit._reading import derive_headline, looks_like_html, zone_name
from articlekit._repairs import Repairs
from articlekit._text import fold_space, nfc
from articlekit._urls import WEB_SCHEMES, may_be_link, scheme_of
from articlekit._xml import remove_keeping_tail, source_line, text_pieces
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
    NAMESPACE,
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
    "head": {"title", "docdata", "pubdata", "revision-history", "tobject"},
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
    # lxml filters by tag in C; "{*}" matches any namespace and none.
    return [] if parent is None else list(parent.iterchildren("{*}" + name))


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    return None if parent is None else next(parent.iterchildren("{*}" + name), None)


def _first_children(parent: etree._Element | None) -> dict[str, etree._Element]:
    """The first child element of *parent* of each local name: one pass for many look-ups."""
    first: dict[str, etree._Element] = {}
    for child in parent if parent is not None else ():
        tag: object = child.tag
        if isinstance(tag, str):
            first.setdefault(tag.rpartition("}")[2], child)
    return first


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    raw = element.text if len(element) == 0 else "".join(text_pieces(element))
    return fold_space(raw or "") or None


def _build(element: etree._Element, build: Callable[..., _T], **fields: Any) -> _T:
    """Build a model, naming the element and line in a `ValidationError`."""
    try:
        return build(**fields)
    except ValidationError as error:
        path = f"{error.path}: " if error.path else ""
        raise ValidationError(f"{_where(element)}: {path}{error.message}") from None


class _Reading:
    """One document being read: its repairs, the zone of naive times, what it did not read."""

    __slots__ = ("not_read", "own", "repairs", "zone")

    def __init__(self, repairs: Repairs, zone: tzinfo) -> None:
        self.repairs = repairs
        self.zone = zone
        self.not_read: dict[str, None] = {}
        self.own = False  # written by articlekit: no text is taken for escaped markup

    def report(self, repair: str, element: etree._Element) -> None:
        self.repairs.report(repair, where=f"<{local(element)}>", line=source_line(element))

    def check_children(
        self, parent: etree._Element | None, parts: dict[str, etree._Element] | None = None
    ) -> None:
        """Note the children of *parent* the reader does not read; *parts* its first children."""
        if parent is None:
            return
        read = _READ[local(parent)]
        for name in _first_children(parent) if parts is None else parts:
            if name not in read:
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
    try:
        read = read_time(text, reading.zone)
    except ValueError as error:
        raise ValidationError(f"{_where(element)}: {name} {text!r}: {error}") from None
    if read is None:  # Superdesk's test feeds hold the schema's "YYYYMMDD000000-HHMM" itself
        reading.report(f"{name} {text!r} is not an ISO 8601 date and time: not read", element)
        return None
    moment, zoned = read
    if not zoned:
        reading.report(f"no time zone: read as {zone_name(reading.zone)}", element)
    return moment


def read_time(text: str, zone: tzinfo) -> tuple[datetime, bool] | None:
    """An ISO 8601 date and time, basic or extended form, and whether it has its own zone.

    A time without a zone is in *zone*; None when *text* is no such date and time.

    Raises:
        ValueError: A date or time that does not exist (month 13, hour 25).
    """
    match = _NORM.fullmatch(text)
    if match is None:
        return None
    try:  # in C, and the same for every form it takes, the basic and extended forms among them
        moment = datetime.fromisoformat(text)
    except ValueError:  # a lower-case t or z, no separator, a date or time that does not exist
        moment = _moment(match)
    if moment.tzinfo is not None:
        return moment, True
    return moment.replace(tzinfo=zone), False


def _moment(match: re.Match[str]) -> datetime:
    """The date and time of a match of `_NORM`, as written (raises ValueError if none is)."""
    year, month, day, hour, minute, second = (
        int(match[key] or 0) for key in ("year", "month", "day", "hour", "minute", "second")
    )
    microsecond = int((match["fraction"] or "0")[:6].ljust(6, "0"))
    moment = datetime(year, month, day, hour, minute, second, microsecond)
    return moment.replace(tzinfo=_zone(match["zone"])) if match["zone"] else moment


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
    """The canonical inline markup of *element*'s content; em of a class as what it stands for.

    Text alone takes a short cut: what canonical_inline_from_element makes of it, without the
    tree walk.
    """
    if len(element) == 0:
        return nfc(escape_text(fold_space(element.text or "")))
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


def _subject_codes(head: etree._Element | None) -> list[Topic]:
    """The subject codes and genres of ``tobject``, as topics.

    A subject is ``subj:<refnum>`` (IPTC's subject codes), named by the most specific of its
    detail, matter and type; a ``tobject.property`` type (``Current``, ``Analysis``) is a genre.
    """
    topics = []
    for tobject in _children(head, "tobject"):
        for genre in _children(tobject, "tobject.property"):
            genre_name = fold_space(genre.get("tobject.property.type") or "")
            if genre_name:
                topics.append(Topic(name=genre_name, kind=TopicKind.GENRE))
        for subject in _children(tobject, "tobject.subject"):
            refnum = (subject.get("tobject.subject.refnum") or "").strip()
            name = next(
                (
                    fold_space(value)
                    for key in ("detail", "matter", "type")
                    if (value := subject.get(f"tobject.subject.{key}") or "").strip()
                ),
                None,
            )
            if refnum.isascii() and refnum.isdigit():
                topics.append(Topic(name=name, code=f"subj:{refnum}"))
            elif name is not None:
                topics.append(Topic(name=name))
    return topics


def _web_url(element: etree._Element | None, name: str, reading: _Reading) -> str | None:
    value = None if element is None else (element.get(name) or "").strip()
    if element is None or not value:
        return None
    if may_be_link(value):
        return value
    reading.report(f"{name} {value!r} is not a web address: not read", element)
    return None


def _anpa_keyword(head: etree._Element | None) -> str | None:
    """The ANPA keyword, the slug wires converted from ANPA 1312 keep in a ``meta``."""
    for meta in _children(head, "meta"):
        if meta.get("name") == "anpa-keyword":
            return fold_space(meta.get("content") or "") or None
    return None


def _is_articlekits(head: etree._Element | None) -> bool:
    """Tell whether the document's head says articlekit wrote it (its generator ``meta``)."""
    metas = _children(head, "meta")
    return bool(metas) and all(
        m.get("name") == "generator" and (m.get("content") or "").startswith("articlekit ")
        for m in metas
    )


def _head_fields(head: etree._Element | None, reading: _Reading) -> dict[str, Any]:
    head_parts = _first_children(head)
    if _is_articlekits(head):
        reading.own = True
        head_parts.pop("meta", None)  # read: it says who wrote the document
    docdata = head_parts.get("docdata")
    parts = _first_children(docdata)
    reading.check_children(head, head_parts)
    reading.check_children(docdata, parts)
    pubdata = head_parts.get("pubdata")
    du_key = parts.get("du-key")
    status = None if docdata is None else (docdata.get("management-status") or "").strip()
    revisions = [_norm(r, reading) for r in _children(head, "revision-history")]
    return {
        "urgency": _urgency(parts.get("urgency"), reading),
        "published": _norm(parts.get("date.issue"), reading),
        "embargoed": _norm(parts.get("date.release"), reading),
        "updated": max((r for r in revisions if r is not None), default=None),
        "editor_note": _attribute(parts, "ed-msg", "info"),
        "version": (du_key is not None and _whole_number(du_key, "version")) or 1,
        "slugline": _attribute(parts, "du-key", "key") or _anpa_keyword(head),
        "copyright_holder": _attribute(parts, "doc.copyright", "holder"),
        "usage_terms": _attribute(parts, "doc.rights", "limitations"),
        "keywords": [
            key
            for key_list in _children(docdata, "key-list")
            for keyword in _children(key_list, "keyword")
            if (key := keyword.get("key"))
        ],
        "topics": _topics(docdata, reading) + _subject_codes(head),
        "url": _web_url(pubdata, "ex-ref", reading),
        "section": None if pubdata is None else pubdata.get("position.section"),
        "status": _status(docdata, status, reading),
    }


def _attribute(parts: dict[str, etree._Element], name: str, attribute: str) -> str | None:
    """The *attribute* of the first child *name* of the element whose *parts* are given."""
    element = parts.get(name)
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


# A block to build: the element it comes from (for errors), its class, and its fields.
_BlockSpec = tuple[etree._Element, type[Block], dict[str, Any]]


def _block_class(kind: type[Block]) -> Callable[..., Block]:
    """*kind* as the constructor of a `Block` (mypy reads type[Block] of a union as object)."""
    return kind


class _Body:
    """The blocks and photos of body.content, in reading order; `finish` builds the blocks."""

    __slots__ = ("blocks", "photo_ids", "photos", "reading", "specs")

    def __init__(self, reading: _Reading) -> None:
        self.reading = reading
        self.specs: list[_BlockSpec] = []
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
        """Order the photos by their ids, then build the blocks the fast way, as from JSON."""
        self._order_photos()
        specs = self.specs
        blocks = build_blocks([{"type": BLOCK_TAGS[kind], **fields} for _, kind, fields in specs])
        if blocks is None:  # the constructors say what is wrong, and where
            blocks = [
                _build(element, _block_class(kind), **fields) for element, kind, fields in specs
            ]
        self.blocks = blocks

    def _order_photos(self) -> None:
        """Put the photos in the order of their ids "photo-0", "photo-1", ... when all have one."""
        wanted = [f"{PHOTO_ID_PREFIX}{index}" for index in range(len(self.photos))]
        if self.photo_ids == wanted or sorted(map(str, self.photo_ids)) != sorted(wanted):
            return
        new_index = {old: wanted.index(str(i)) for old, i in enumerate(self.photo_ids)}
        self.photos = [self.photos[self.photo_ids.index(name)] for name in wanted]
        for _, kind, fields in self.specs:
            if kind is PhotoRef:
                fields["photo"] = new_index[fields["photo"]]

    def read(self, container: etree._Element, *, placed: bool = True) -> None:
        """Read the blocks in *container*; the recursion is bounded by the parser's depth."""
        for element in container:
            if element.tag in _PARAGRAPH_TAGS:  # the most common block, read without a call
                if (
                    len(element) == 0
                    and not self.reading.own
                    and looks_like_html(element.text or "")
                ):
                    self.add_html(element)
                    continue
                text = _inline(element)
                if not _is_blank(text):
                    self.specs.append((element, Paragraph, {"text": text}))
                continue
            read = _READERS_BY_TAG.get(element.tag)
            if read is None:  # another namespace's element, or a comment (its tag a function)
                name = local(element)
                read = _BLOCK_READERS.get(name)
                if read is None:
                    if name and name != "hr":
                        self.reading.not_read[name] = None
                    continue
            read(self, element, placed)

    def add(self, element: etree._Element, kind: type[Block], **fields: Any) -> None:
        self.specs.append((element, kind, fields))

    def add_html(self, element: etree._Element) -> None:
        """Read a paragraph whose text is HTML the producer escaped (NTB's embeds) as HTML.

        Through the sanitiser of ninjs bodies: scripts are dropped, a figure of class "embed"
        with a link is an `Embed`; the markup never comes through as text.
        """
        self.reading.report("HTML escaped as a paragraph's text: read as HTML", element)
        try:
            blocks = blocks_from_html(element.text or "", lambda name, source: None)
        except ValidationError as error:
            raise ValidationError(f"{_where(element)}: {error.message}") from None
        for block in blocks:
            self.specs.append((element, type(block), attrs.asdict(block, recurse=False)))


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
    lines = [escape_text(line) for line in "".join(text_pieces(element)).splitlines()]
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
    source = (_attribute(_first_children(element), "media-reference", "source") or "").strip()
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
_PARAGRAPH_TAGS: Final = frozenset({"p", f"{{{NAMESPACE}}}p"})
# The same by tag, without the namespace (NITF 3.0-3.4, most real documents) and with it.
_READERS_BY_TAG: Final = _BLOCK_READERS | {
    f"{{{NAMESPACE}}}{name}": read for name, read in _BLOCK_READERS.items()
}


# --- the document ------------------------------------------------------------------------------


def _copyright_notice(body_end: etree._Element | None, reading: _Reading) -> str | None:
    """The copyrite of body.end's tagline, as articlekit writes the notice; the rest reported."""
    tagline = _child(body_end, "tagline")
    notice = _text(_child(tagline, "copyrite"))
    children = () if body_end is None else body_end
    rest = [local(child) for child in children if local(child) and child is not tagline]
    if tagline is not None and not _holds_only(tagline, "copyrite"):
        rest.append("tagline")
    for name in rest:
        reading.not_read[name] = None
    return notice


def _holds_only(element: etree._Element, name: str) -> bool:
    """Tell whether *element* holds children *name* and nothing else but space."""
    if len(element) == 0 or (element.text or "").strip():
        return _text(element) is None
    return all(local(c) == name and not (c.tail or "").strip() for c in element)


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
        ("the slugline (du-key key, or the ANPA keyword)", fields.get("slugline")),
        ("the abstract", fields.get("summary")),
        ("the body's first paragraph", first),
    ]
    return derive_headline(sources, reading.repairs, where="<hl1>")


def _report_not_read(reading: _Reading) -> None:
    """Report, once for the document, the elements the model has no field for."""
    if reading.not_read:
        names = ", ".join(reading.not_read)
        reading.repairs.report(f"not read, the model has no field for them: {names}", where=names)


# The fields of body.head another document's reader may take where it has none of its own.
BODY_HEAD_FIELDS: Final = ("headline", "kicker", "subheadline", "bylines", "summary")


def read_body(
    root: etree._Element, repairs: Repairs, zone: tzinfo, *, first_photo: int = 0
) -> tuple[list[Block], dict[str, Any]]:
    """The body of a NITF document inside another, such as a NewsML-G2 item's inlineXML.

    body.content is read as `read_document` reads it; its photos are placed from the index
    *first_photo* on, after the envelope's own. The NITF ``head`` is not read: the envelope
    has its own metadata. What the model has no field for is reported once.

    Returns:
        The blocks, and the fields of body.head named in `BODY_HEAD_FIELDS` (None or empty
        where it has none) with ``photos``, the photos of the body's media.
    """
    reading = _Reading(repairs, zone)
    body_element = _child(root, "body")
    head = _body_head_fields(_child(body_element, "body.head"), reading)
    body = _Body(reading)
    for content in _children(body_element, "body.content"):
        body.read(content)
    body.finish()
    _report_not_read(reading)
    blocks = [
        PhotoRef(photo=block.photo + first_photo) if isinstance(block, PhotoRef) else block
        for block in body.blocks
    ]
    fields = {name: head.get(name) for name in BODY_HEAD_FIELDS}
    return blocks, {**fields, "photos": body.photos}


def read_document(root: etree._Element, repairs: Repairs, zone: tzinfo) -> Article:
    """The `Article` of a NITF document whose root element is *root*."""
    if local(root) != "nitf":
        raise UnsupportedError(
            f"the root element is <{local(root)}>, not <nitf>: not a NITF document"
        )
    reading = _Reading(repairs, zone)
    head = _child(root, "head")
    fields, body = _document_fields(root, reading)
    fields["headline"] = _headline(fields, head, body, reading)
    if fields["headline"] is None:
        raise ValidationError(f"{_where(root)}: no hl1, title or text to take a headline from")
    _report_not_read(reading)
    uri = _uri(_child(head, "docdata"), root, reading)
    language = root.get("baselang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return _build(
        root, Article, uri=uri, language=language, photos=body.photos, body=body.blocks, **fields
    )


def _document_fields(root: etree._Element, reading: _Reading) -> tuple[dict[str, Any], _Body]:
    """The fields of the NITF document *root* but its headline and uri, and its body."""
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
    return fields, body


def read_embedded(
    root: etree._Element, repairs: Repairs, zone: tzinfo
) -> tuple[dict[str, Any], list[str]]:
    """The fields of an NITF document inside another (NewsML 1.x ``DataContent``).

    No headline or uri is derived, as the envelope has its own: the fields hold what the NITF
    has (``headline`` None without ``hl1``; ``title``, ``body`` and ``photos`` added), and the
    names of the elements not read, for the envelope's reader to report once.
    """
    reading = _Reading(repairs, zone)
    fields, body = _document_fields(root, reading)
    doc_id = _child(_child(_child(root, "head"), "docdata"), "doc-id")
    fields.update(
        title=_text(_child(_child(root, "head"), "title")),
        uri=None if doc_id is None else (doc_id.get("id-string") or "").strip() or None,
        body=body.blocks,
        photos=body.photos,
    )
    return fields, list(reading.not_read)
