"""The NewsML 1.x reader: each NewsItem of a NewsML envelope with text, into an `Article`.

Elements are matched by local name. A NewsItem's NewsComponent tree is walked in document
order; the first value found for a field wins, so an item's top component speaks before the
components it holds. Text in NITF goes through `articlekit.nitf`'s reader.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from typing import Any, Final, TypeVar

from lxml import etree

from articlekit._body_html import blocks_from_html
from articlekit._reading import derive_headline, html_of_text, looks_like_html, zone_name
from articlekit._repairs import Repairs
from articlekit._text import fold_space
from articlekit._urls import WEB_SCHEMES, scheme_of
from articlekit._xml import source_line, text_pieces
from articlekit.errors import UnsupportedError, ValidationError
from articlekit.inline import escape_text
from articlekit.model import (
    Article,
    Block,
    Byline,
    Paragraph,
    Photo,
    PhotoRef,
    Rendition,
    Status,
    Topic,
    TopicKind,
)
from articlekit.newsml1._mapping import (
    CAPTION_ROLES,
    HEADLINE_ROLES,
    HEIGHT_PROPERTY,
    KEYWORD_PROPERTY,
    PHOTO_MEDIA_TYPES,
    PHOTO_ROLES,
    PLACE_PROPERTIES,
    ROOT,
    STATUSES,
    SUBJECT_ELEMENTS,
    SUMMARY_ROLES,
    WIDTH_PROPERTY,
)
from articlekit.nitf._read import read_embedded, read_time

_T = TypeVar("_T")
_DERIVED_URI: Final = "urn:articlekit:newsml1-item:"
_BY: Final = re.compile(r"^by\s+", re.IGNORECASE)
_BLANK_LINE: Final = re.compile(r"\n\s*\n")
# The fields an NITF DataContent gives where the NewsML around it has none.
_NITF_FIELDS: Final = (
    "subheadline", "kicker", "bylines", "dateline", "located", "created", "published",
    "updated", "embargoed", "summary", "slugline", "copyright_notice", "copyright_holder",
    "usage_terms", "editor_note", "keywords", "topics", "url", "section", "urgency", "provider",
)  # fmt: skip
# Elements that hold nothing an article needs, by local name: not reported.
_IGNORED: Final = frozenset({"Catalog", "Comment", "Role", "Characteristics", "NewsItemType"})


def local(element: etree._Element) -> str:
    """The local name of *element*; empty for a comment or processing instruction."""
    tag: object = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _where(element: etree._Element) -> str:
    return f"<{local(element)}> (line {source_line(element)})"


def _children(parent: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if parent is None else [child for child in parent if local(child) == name]


def _child(parent: etree._Element | None, name: str) -> etree._Element | None:
    return next(iter(_children(parent, name)), None)


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    pieces = text_pieces(element)
    return fold_space("".join(pieces)) or None


def _formal(element: etree._Element | None) -> str | None:
    """The FormalName of *element*, NewsML 1's coded value; None when absent or blank."""
    return None if element is None else (element.get("FormalName") or "").strip() or None


def _build(element: etree._Element, build: Callable[..., _T], **fields: Any) -> _T:
    """Build a model, naming the element and line in a `ValidationError`."""
    try:
        return build(**fields)
    except ValidationError as error:
        path = f"{error.path}: " if error.path else ""
        raise ValidationError(f"{_where(element)}: {path}{error.message}") from None


class _Reading:
    """One NewsItem being read: its repairs, the zone of naive times, what it did not read."""

    __slots__ = ("not_read", "repairs", "zone")

    def __init__(self, repairs: Repairs, zone: tzinfo) -> None:
        self.repairs = repairs
        self.zone = zone
        self.not_read: dict[str, None] = {}

    def report(self, repair: str, element: etree._Element) -> None:
        self.repairs.report(repair, where=f"<{local(element)}>", line=source_line(element))

    def skip(self, element: etree._Element, prefix: str = "") -> None:
        """Note *element* as not read, unless it is empty or holds nothing an article needs."""
        name = local(element)
        if name and name not in _IGNORED and (_text(element) or element.attrib or len(element)):
            self.not_read[prefix + name] = None

    def time(self, element: etree._Element | None) -> datetime | None:
        """The ISO 8601 date and time of *element*'s text, basic (NewsML 1's) or extended."""
        text = _text(element)
        if element is None or text is None:
            return None
        try:
            read = read_time(text, self.zone)
        except ValueError as error:
            raise ValidationError(f"{_where(element)}: {text!r}: {error}") from None
        if read is None:
            self.report(f"{text!r} is not an ISO 8601 date and time: not read", element)
            return None
        if not read[1]:
            self.report(f"no time zone: read as {zone_name(self.zone)}", element)
        return read[0]

    def urgency(self, element: etree._Element | None) -> int | None:
        """An urgency or priority, 1 to 9: its FormalName, or (TASS) its text."""
        value = _formal(element) or _text(element)
        if element is None or value is None:
            return None
        if value.isascii() and value.isdecimal() and 1 <= int(value) <= 9:
            if element.get("FormalName") is None:
                self.report(f"the urgency {value!r} as text, not FormalName: read", element)
            return int(value)
        self.report(f"an urgency of {value!r}, not 1 to 9: not read", element)
        return None


# --- NewsEnvelope, Identification, NewsManagement ----------------------------------------------


def _envelope_fields(envelope: etree._Element | None, reading: _Reading) -> dict[str, Any]:
    """What the envelope says of every item in it: the fallbacks of the items' own fields."""
    return {
        "published": reading.time(_child(envelope, "DateAndTime")),
        "provider": _formal(_child(envelope, "NewsService")),
        "urgency": reading.urgency(_child(envelope, "Priority")),
    }


def _uri(identifier: etree._Element | None, item: etree._Element, reading: _Reading) -> str:
    """The PublicIdentifier; else the URN NewsML 1 makes of the NewsIdentifier's parts."""
    public = _text(_child(identifier, "PublicIdentifier"))
    provider, date, item_id = (
        _text(_child(identifier, name)) for name in ("ProviderId", "DateId", "NewsItemId")
    )
    # A full PublicIdentifier is urn:newsml:ProviderId:DateId:NewsItemId:RevisionId(Update).
    if public and (item_id is None or item_id in public or public.count(":") >= 5):
        return public.replace(" ", "")
    where = identifier if identifier is not None else item
    if provider and item_id:
        # NewsML 1.2, 5.2.3: urn:newsml:ProviderId:DateId:NewsItemId (the revision apart).
        uri = f"urn:newsml:{provider}:{date or ''}:{item_id}".replace(" ", "")
        problem = "does not name the item" if public else "is missing"
        reading.report(f"the PublicIdentifier {problem}: uri built from the NewsIdentifier", where)
        return uri
    digest = hashlib.sha256(etree.tostring(item, encoding="utf-8")).hexdigest()[:32]
    reading.report("no NewsItemId: a uri derived from the item's content", where)
    return _DERIVED_URI + digest


def _version(identifier: etree._Element | None) -> int:
    revision = _child(identifier, "RevisionId")
    text = _text(revision)
    if revision is None or text is None:
        return 1
    if not (text.isascii() and text.isdecimal()):
        raise ValidationError(f"{_where(revision)}: {text!r} is not a whole number")
    return max(int(text), 1)


def _status(management: etree._Element | None, reading: _Reading) -> Status | None:
    element = _child(management, "Status")
    name = _formal(element)
    if element is None or name is None:
        return None
    if name.lower() in STATUSES:
        return STATUSES[name.lower()]
    reading.report(f"a Status of {name!r}: read as usable", element)
    return Status.USABLE


def _management_fields(management: etree._Element | None, reading: _Reading) -> dict[str, Any]:
    will_change = _child(management, "StatusWillChange")
    future = (_formal(_child(will_change, "FutureStatus")) or "").lower()
    for child in management if management is not None else ():
        if local(child) not in _MANAGEMENT_READ:
            reading.skip(child)
    return {
        "published": reading.time(_child(management, "FirstCreated")),
        "updated": reading.time(_child(management, "ThisRevisionCreated")),
        "status": _status(management, reading),
        "urgency": reading.urgency(_child(management, "Urgency")),
        # The time an embargoed item becomes usable (NewsML 1.2, StatusWillChange).
        "embargoed": reading.time(_child(will_change, "DateAndTime"))
        if future == "usable"
        else None,
    }


_MANAGEMENT_READ: Final = frozenset(
    {"FirstCreated", "ThisRevisionCreated", "Status", "Urgency", "StatusWillChange"}
)


# --- the NewsComponent tree --------------------------------------------------------------------


class _Component:
    """What the NewsComponents of one NewsItem say, the first value of each field winning."""

    __slots__ = ("blocks", "bylines", "creators", "fields", "nitf", "photos", "reading")

    def __init__(self, reading: _Reading) -> None:
        self.reading = reading
        self.fields: dict[str, Any] = {}
        self.bylines: list[Byline] = []
        self.creators: list[Byline] = []
        self.blocks: list[Block] = []
        self.photos: list[Photo] = []
        self.nitf: dict[str, Any] = {}

    def set(self, name: str, value: Any) -> None:
        if value is not None and value != "" and name not in self.fields:
            self.fields[name] = value

    def extend(self, name: str, values: list[Any]) -> None:
        known = self.fields.setdefault(name, [])
        known.extend(value for value in values if value not in known)

    @property
    def has_text(self) -> bool:
        return bool(self.blocks or self.nitf or "title" in self.fields or "summary" in self.fields)

    def read(self, component: etree._Element) -> None:
        """Read a NewsComponent and those it holds; the recursion is bounded by parse depth."""
        role = (_formal(_child(component, "Role")) or "").lower()
        if role in PHOTO_ROLES or _is_photo_component(component):
            self._photo(component)
            return
        self.set("language", component.get("{http://www.w3.org/XML/1998/namespace}lang"))
        nested = _equivalents(_children(component, "NewsComponent"), self.reading)
        for child in component:
            name = local(child)
            if name == "NewsComponent":
                if child in nested:
                    self.read(child)
            elif name == "ContentItem":
                self._content(child, role)
            elif name in _PARTS:
                _PARTS[name](self, child)
            else:
                self.reading.skip(child)

    def _content(self, item: etree._Element, role: str) -> None:
        data = _child(item, "DataContent")
        if _is_photo_item(item):
            photo = _photo_of(item, None, None, self.reading)
            if photo is not None:
                self.photos.append(photo)
            return
        if data is None:
            self.reading.skip(item, "ContentItem ")
            return
        markup = next((child for child in data if local(child)), None)
        if markup is None:
            self._plain_text(data, role)
        elif local(markup) == "nitf":
            self._nitf(markup)
        elif local(markup) in ("html", "body", "div", "p"):
            self.blocks.extend(_xhtml_blocks(data))
        else:
            self.reading.skip(markup, "DataContent/")

    def _plain_text(self, data: etree._Element, role: str) -> None:
        text = "".join(text_pieces(data))
        if not text.strip():
            return
        if role in HEADLINE_ROLES:
            self.set("title", fold_space(text))
        elif role in SUMMARY_ROLES:
            self.set("summary", fold_space(text))
        elif looks_like_html(text):
            self.reading.repairs.report(
                "HTML in a text DataContent: read as HTML",
                where="<DataContent>",
                line=source_line(data),
            )
            self.blocks.extend(_html_text_blocks(data, text))
        else:
            self.blocks.extend(_paragraphs(data, text))

    def _nitf(self, root: etree._Element) -> None:
        fields, not_read = read_embedded(root, self.reading.repairs, self.reading.zone)
        offset = len(self.photos)
        self.photos.extend(fields["photos"])
        self.blocks.extend(
            PhotoRef(photo=b.photo + offset) if isinstance(b, PhotoRef) else b
            for b in fields["body"]
        )
        for name in not_read:
            self.reading.not_read[f"nitf/{name}"] = None
        if not self.nitf:
            self.nitf = fields

    def _photo(self, component: etree._Element) -> None:
        photo = _photo_component(component, self.reading)
        if photo is not None:
            self.photos.append(photo)


def _equivalents(components: list[etree._Element], reading: _Reading) -> list[etree._Element]:
    """The components to read: of sibling versions in other languages, the first alone."""
    languages = [c.get("{http://www.w3.org/XML/1998/namespace}lang") for c in components]
    if len({language for language in languages if language}) < 2:
        return components
    first = languages[0]
    for language in languages:
        if language != first:
            reading.not_read[f"NewsComponent in another language ({language})"] = None
    return [c for c, language in zip(components, languages, strict=True) if language == first]


def _news_lines(part: _Component, lines: etree._Element) -> None:
    bylines = _children(lines, "ByLine")
    title = _text(_child(lines, "ByLineTitle"))
    for element in bylines:
        name = _BY.sub("", _text(element) or "").strip(" ,")
        if name:
            part.bylines.append(_build(element, Byline, name=name, role=title))
    for child in lines:
        name = local(child)
        field = _LINE_FIELDS.get(name)
        if field is not None:
            part.set(field, _text(child))
        elif name == "KeywordLine":
            part.extend("keywords", [k for k in [_text(child)] if k])
        elif name not in ("ByLine", "ByLineTitle"):
            part.reading.skip(child, "NewsLines/")


# NewsLines children and the field each is; CreditLine names the provider where nothing else
# does (Kyodo, Belga), as NITF's distributor does.
_LINE_FIELDS: Final = {
    "HeadLine": "headline",
    "SubHeadLine": "subheadline",
    "DateLine": "dateline",
    "SlugLine": "slugline",
    "CopyrightLine": "copyright_notice",
    "CreditLine": "credit",
}


def _parties(parent: etree._Element | None) -> list[etree._Element]:
    return [p for p in _children(parent, "Party") if _formal(p)]


def _administrative(part: _Component, metadata: etree._Element) -> None:
    for child in metadata:
        name = local(child)
        names = [_formal(p) for p in _parties(child)]
        if name in ("Provider", "Source") and names:
            part.set("provider" if name == "Provider" else "source", names[0])
        elif name == "Creator":
            part.creators.extend(
                _build(p, Byline, name=_formal(p), role=(p.get("Topic") or "").lower() or None)
                for p in _parties(child)
            )
        elif names or name not in ("Provider", "Source", "Contributor"):
            part.reading.skip(child, "AdministrativeMetadata/")


def _rights(part: _Component, metadata: etree._Element) -> None:
    for child in metadata.iter("{*}UsageType", "UsageType"):
        part.set("usage_terms", _text(child))
    for child in metadata.iter("{*}CopyrightHolder", "CopyrightHolder"):
        part.set("copyright_holder", _text(child))


def _descriptive(part: _Component, metadata: etree._Element) -> None:
    for child in metadata:
        read = _DESCRIPTIVE.get(local(child))
        if read is not None:
            read(part, child)
        else:
            part.reading.skip(child, "DescriptiveMetadata/")


def _language(part: _Component, element: etree._Element) -> None:
    part.set("language", _formal(element))


def _genre(part: _Component, element: etree._Element) -> None:
    code = _formal(element)
    if code:
        part.extend("topics", [_build(element, Topic, code=code, kind=TopicKind.GENRE)])


def _subjects(part: _Component, element: etree._Element) -> None:
    topics = [
        _build(child, Topic, code=code, kind=TopicKind.SUBJECT)
        for child in element
        if local(child) in SUBJECT_ELEMENTS and (code := _formal(child))
    ]
    part.extend("topics", topics)


def _location(part: _Component, element: etree._Element) -> None:
    values = {
        p.get("FormalName"): fold_space(p.get("Value") or "")
        for p in _children(element, "Property")
    }
    part.set("located", ", ".join(v for name in PLACE_PROPERTIES if (v := values.get(name))))


def _property(part: _Component, element: etree._Element) -> None:
    value = fold_space(element.get("Value") or "")
    if (element.get("FormalName") or "").lower() == KEYWORD_PROPERTY:
        part.extend("keywords", [value] if value else [])
    elif value:
        part.reading.not_read[f"Property {element.get('FormalName')}"] = None


def _dateline_date(part: _Component, element: etree._Element) -> None:
    part.set("created", part.reading.time(element))


_Read = Callable[[_Component, etree._Element], None]
_DESCRIPTIVE: Final[dict[str, _Read]] = {
    "Language": _language,
    "Genre": _genre,
    "SubjectCode": _subjects,
    "Location": _location,
    "Property": _property,
    "DateLineDate": _dateline_date,
}
# The parts of a NewsComponent read, by local name (ContentItem and NewsComponent apart).
_PARTS: Final[dict[str, _Read]] = {
    "NewsLines": _news_lines,
    "AdministrativeMetadata": _administrative,
    "RightsMetadata": _rights,
    "DescriptiveMetadata": _descriptive,
    "Role": lambda part, element: None,
}


# --- text --------------------------------------------------------------------------------------


def _paragraphs(data: etree._Element, text: str) -> list[Block]:
    """Plain text: a paragraph per run between blank lines, or per line when none is blank."""
    runs = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.splitlines()
    return [
        _build(data, Paragraph, text=escape_text(fold_space(run))) for run in runs if run.strip()
    ]


def _html_text_blocks(data: etree._Element, text: str) -> list[Block]:
    """HTML sent as text, through the sanitising HTML reader ninjs bodies use."""
    try:
        return blocks_from_html(html_of_text(text), lambda name, src: None)
    except ValidationError as error:
        raise ValidationError(
            f"<DataContent> (line {source_line(data)}): {error.message}"
        ) from None


def _xhtml_blocks(data: etree._Element) -> list[Block]:
    """XHTML: its body's content, through the sanitising HTML reader ninjs bodies use."""
    markup = copy.deepcopy(data)
    for element in markup.iter():
        if isinstance(element.tag, str):
            element.tag = local(element)
    etree.cleanup_namespaces(markup)
    body = next(markup.iter("body"), markup)
    inner = (body.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in body
    )
    try:
        return blocks_from_html(inner, lambda name, src: None)
    except ValidationError as error:
        raise ValidationError(f"{_where(data)}: {error.message}") from None


# --- photos ------------------------------------------------------------------------------------


def _media_type(item: etree._Element) -> str:
    return (_formal(_child(item, "MediaType")) or "").lower()


def _is_photo_item(item: etree._Element) -> bool:
    return _media_type(item) in PHOTO_MEDIA_TYPES


def _is_photo_component(component: etree._Element) -> bool:
    """A component of photo files and their captions alone, with no text of the article."""
    items = list(component.iter("{*}ContentItem", "ContentItem"))
    return any(map(_is_photo_item, items)) and not any(map(_is_article_text, items))


def _is_article_text(item: etree._Element) -> bool:
    """A ContentItem with content that is neither a photo nor a caption."""
    data = _child(item, "DataContent")
    has_content = data is not None and (len(data) > 0 or bool((data.text or "").strip()))
    return has_content and not _is_photo_item(item) and _role_of(item) not in CAPTION_ROLES


def _role_of(item: etree._Element) -> str:
    parent = item.getparent()
    return (_formal(_child(parent, "Role")) or "").lower()


def _is_image_url(value: str | None) -> bool:
    return value is not None and scheme_of(value) in WEB_SCHEMES


def _size(item: etree._Element, name: str) -> int | None:
    for prop in _children(_child(item, "Characteristics"), "Property"):
        if (prop.get("FormalName") or "").lower() == name:
            value = (prop.get("Value") or "").strip()
            if not (value.isascii() and value.isdecimal()):
                raise ValidationError(f"{_where(prop)}: {name} {value!r} is not a whole number")
            return int(value)
    return None


def _file_fields(item: etree._Element) -> dict[str, Any]:
    return {
        "href": (item.get("Href") or "").strip(),
        "media_type": _formal(_child(item, "MimeType")),
        "width": _size(item, WIDTH_PROPERTY),
        "height": _size(item, HEIGHT_PROPERTY),
    }


def _photo_of(
    main: etree._Element,
    others: list[etree._Element] | None,
    lines: dict[str, str | None] | None,
    reading: _Reading,
) -> Photo | None:
    """The photo whose main file is the ContentItem *main*, its renditions *others*."""
    fields = _file_fields(main)
    if not _is_image_url(fields["href"]):
        reading.report(f"Href {fields['href']!r} is not an http(s) URL: photo not read", main)
        return None
    renditions = [
        _build(item, Rendition, name=_role_of(item) or f"rendition-{index}", **_file_fields(item))
        for index, item in enumerate(others or [], start=1)
        if _is_image_url(item.get("Href"))
    ]
    return _build(main, Photo, renditions=renditions, **fields, **(lines or {}))


def _photo_component(component: etree._Element, reading: _Reading) -> Photo | None:
    """A photo component: its files, the largest the main one, and its caption and credit."""
    items = [i for i in component.iter("{*}ContentItem", "ContentItem") if _is_photo_item(i)]
    files = [i for i in items if i.get("Href")]
    if not files:
        reading.report("a photo without an Href: not read", component)
        return None
    main = max(files, key=lambda i: _size(i, WIDTH_PROPERTY) or 0)
    captions = [
        _text(_child(i, "DataContent"))
        for i in component.iter("{*}ContentItem", "ContentItem")
        if _role_of(i) in CAPTION_ROLES
    ]
    lines = _child(component, "NewsLines")
    creator = next(
        iter(_parties(_child(_child(component, "AdministrativeMetadata"), "Creator"))), None
    )
    photo_lines = {
        "caption": next((c for c in captions if c), None) or _text(_child(lines, "HeadLine")),
        "credit": _text(_child(lines, "CreditLine")) or _formal(creator),
        "copyright_notice": _text(_child(lines, "CopyrightLine")),
    }
    return _photo_of(main, [f for f in files if f is not main], photo_lines, reading)


# --- the item ----------------------------------------------------------------------------------


def _headline(part: _Component, reading: _Reading, item: etree._Element) -> str | None:
    fields = part.fields
    for found in (fields.get("headline"), fields.get("title"), part.nitf.get("headline")):
        if found:
            return str(found)
    first = next((b.plain_text for b in part.blocks if isinstance(b, Paragraph)), None)
    sources = [
        ("the SlugLine", fields.get("slugline") or part.nitf.get("slugline")),
        ("the NITF title", part.nitf.get("title")),
        ("the summary", fields.get("summary") or part.nitf.get("summary")),
        ("the body's first paragraph", first),
    ]
    return derive_headline(sources, reading.repairs, where="<HeadLine>", line=source_line(item))


def _merge(
    envelope: dict[str, Any], part: _Component, item_fields: dict[str, Any]
) -> dict[str, Any]:
    """The article's fields: the item's, else its components', its NITF's, the envelope's."""
    component = {k: v for k, v in part.fields.items() if k not in ("title", "credit", "source")}
    nitf = {k: part.nitf[k] for k in _NITF_FIELDS if part.nitf.get(k)}
    merged: dict[str, Any] = {k: v for k, v in envelope.items() if v is not None}
    for layer in (nitf, component, item_fields):
        merged.update((k, v) for k, v in layer.items() if v is not None and v != [])
    provider = part.fields.get("credit") or part.fields.get("source")
    if provider and "provider" not in component:
        merged["provider"] = provider
    bylines = part.bylines or part.nitf.get("bylines") or part.creators
    merged["bylines"] = bylines
    return merged


def read_item(
    item: etree._Element, envelope: dict[str, Any], repairs: Repairs, zone: tzinfo
) -> Article | None:
    """The article of a NewsItem; None when it has no text (a photo alone)."""
    reading = _Reading(repairs, zone)
    identifier = _child(_child(item, "Identification"), "NewsIdentifier")
    part = _Component(reading)
    for child in item:
        name = local(child)
        if name == "NewsComponent":
            part.read(child)
        elif name not in ("Identification", "NewsManagement"):
            reading.skip(child)
    if not part.has_text:
        return None
    item_fields = {
        "uri": _uri(identifier, item, reading),
        "version": _version(identifier),
        **_management_fields(_child(item, "NewsManagement"), reading),
    }
    item_fields["language"] = part.fields.get("language") or item.get(
        "{http://www.w3.org/XML/1998/namespace}lang"
    )
    fields = _merge(envelope, part, item_fields)
    fields["headline"] = _headline(part, reading, item)
    if fields["headline"] is None:
        raise ValidationError(f"{_where(item)}: no HeadLine or text to take a headline from")
    if reading.not_read:
        names = ", ".join(reading.not_read)
        repairs.report(f"not read, the model has no field for them: {names}", where=names)
    return _build(item, Article, body=part.blocks, photos=part.photos, **fields)


def read_articles(root: etree._Element, repairs: Repairs, zone: tzinfo) -> Iterator[Article]:
    """The article of each NewsItem with text in the NewsML document *root*.

    Raises:
        UnsupportedError: The root is not ``NewsML``, or no NewsItem holds text.
    """
    if local(root) != ROOT:
        raise UnsupportedError(
            f"the root element is <{local(root)}>, not <NewsML>: not a NewsML 1.x document"
        )
    envelope = _envelope_fields(_child(root, "NewsEnvelope"), _Reading(repairs, zone))
    count = 0
    for item in _children(root, "NewsItem"):
        article = read_item(item, envelope, repairs, zone)
        if article is not None:
            count += 1
            yield article
    if not count:
        raise UnsupportedError("the NewsML document holds no NewsItem with text")
