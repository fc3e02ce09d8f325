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
from articlekit._convert import BLOCK_TAGS
from articlekit._json_build import build_blocks
from articlekit._newsml_write import (
    AK,
    ALT_ID_URI,
    CREATOR_ROLE_SCHEME,
    DESCRIPTION_ALT,
    DESCRIPTION_CAPTION,
    DESCRIPTION_SUMMARY,
    KIND_TYPES,
    LINK_CANONICAL,
    LINK_PHOTO,
    NAR,
    PROVIDER_UNKNOWN,
    RENDITION_SCHEME,
    ROLE_KICKER,
    ROLE_SECTION,
    ROLE_SUB,
    WHY_INFERRED,
    XML_LANG,
    photo_guid,
)
from articlekit._text import fold_space, nfc
from articlekit._xml import XmlEvents, remove_keeping_tail
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

_N: Final = f"{{{NAR}}}"
_NITF: Final = "http://iptc.org/std/NITF/2006-10-18/"
_TYPE_KINDS: Final = {value: key for key, value in KIND_TYPES.items()} | {
    "cpnat:poi": TopicKind.PLACE,
    "cpnat:concept": TopicKind.SUBJECT,
}
_HEADING: Final = re.compile(r"h([2-6])")
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


def _strings(element: etree._Element) -> Iterator[str]:
    """The text of *element* and its descendants (lxml's stubs type it loosely)."""
    for piece in element.itertext():
        yield piece if isinstance(piece, str) else piece.decode()


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    raw = element.text if len(element) == 0 else "".join(_strings(element))
    text = fold_space(raw or "")
    return text or None


def _child(parent: etree._Element | None, tag: str) -> etree._Element | None:
    if parent is None:
        return None
    return next(parent.iterchildren(_N + tag), None)  # faster than find(): no path to parse


def _first_children(parent: etree._Element | None) -> dict[str, etree._Element]:
    """The first NewsML-G2 child of *parent* of each name, by local name: one pass for many."""
    first: dict[str, etree._Element] = {}
    for child in parent if parent is not None else ():
        tag: object = child.tag
        if isinstance(tag, str) and tag.startswith(_N):
            first.setdefault(tag[len(_N) :], child)
    return first


def _children(parent: etree._Element | None, tag: str) -> list[etree._Element]:
    if parent is None:
        return []
    return parent.findall(_N + tag)


def _name(element: etree._Element | None) -> str | None:
    """The first <name> of a concept element, or None."""
    return _text(_child(element, "name"))


def _datetime(element: etree._Element | None) -> datetime | None:
    text = _text(element)
    if element is None or text is None:
        return None
    value = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _fail(element, f"{text!r} is not a date and time") from None
    if parsed.tzinfo is None:
        raise _fail(element, f"{text!r} has no time zone (naive times are ambiguous)")
    return parsed


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


def _byline(element: etree._Element) -> Byline:
    details = _child(element, "personDetails")
    affiliation = _child(details, "affiliation")
    email = _child(_child(details, "contactInfo"), "email")
    name = _name(element) or _text(element)
    if name is None:
        raise _fail(element, "a creator or contributor needs a name")
    return _build(  # type: ignore[no-any-return]
        element,
        Byline,
        name=name,
        role=_qcode_text(CREATOR_ROLE_SCHEME, element.get("role", "").split(" ")[0] or None),
        uri=_exact(element, "uri"),
        bio=_text(_child(element, "definition")),
        affiliation=_name(affiliation) or _text(affiliation),
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


def _remote_fields(element: etree._Element) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "href": _exact(element, "href"),
        "media_type": element.get("contenttype"),
    }
    for name in ("width", "height"):
        value = element.get(name)
        if value is not None:
            if not value.strip().isdigit():
                raise _fail(element, f"{name} {value!r} is not a whole number")
            fields[name] = int(value)
    return fields


def _usable_href(href: str | None) -> bool:
    """Tell whether an image href is one a `Photo` can hold: absolute http(s) or data:image."""
    return href is not None and href.strip().lower().startswith(("http://", "https://", "data:"))


def picture(item: etree._Element, uri: str | None) -> Photo:
    """A `Photo` from a picture newsItem; *uri* is None for a guid articlekit made up."""
    content = _child(item, "contentMeta")
    rights = _child(item, "rightsInfo")
    creator = _child(content, "creator")
    captions: dict[str, str | None] = {}
    for description in _children(content, "description"):
        captions.setdefault(description.get("role", DESCRIPTION_CAPTION), _text(description))
    for alt_id in _children(content, "altId"):
        if alt_id.get("type") == ALT_ID_URI:
            uri = _text(alt_id)
    caption = captions.get(DESCRIPTION_CAPTION) or _text(_child(content, "headline"))
    main: dict[str, Any] = {}
    renditions: list[Rendition] = []
    for remote in _children(_child(item, "contentSet"), "remoteContent"):
        rendition = remote.get("rendition")
        if rendition is None and not main:
            main = _remote_fields(remote)
            if not _usable_href(main["href"]):
                main["href"] = None
        else:
            if not _usable_href(_exact(remote, "href")):
                continue  # relative or local files ("./a.jpg", "file:///..."): nothing to fetch
            name = _qcode_text(RENDITION_SCHEME, rendition) or f"rendition-{len(renditions) + 1}"
            renditions.append(_build(remote, Rendition, name=name, **_remote_fields(remote)))
    return _build(  # type: ignore[no-any-return]
        item,
        Photo,
        uri=uri,
        caption=caption,
        credit=_text(_child(content, "creditline")),
        alt_text=captions.get(DESCRIPTION_ALT),
        photographer=_byline(creator) if creator is not None else None,
        copyright_notice=_text(_child(rights, "copyrightNotice")),
        renditions=renditions,
        **main,
    )


def _item_class(item: etree._Element) -> str:
    item_class = _child(_child(item, "itemMeta"), "itemClass")
    return (item_class.get("qcode") or "") if item_class is not None else ""


def _check_item(item: etree._Element) -> None:
    if item.tag != f"{_N}newsItem":
        raise UnsupportedError(
            f"{_where(item)}: a NewsML-G2 {_local(item)} is not an article; "
            "articlekit reads newsItems of class ninat:text and ninat:picture"
        )
    item_class = _item_class(item)
    if item_class not in ("ninat:text", "ninat:picture"):
        raise UnsupportedError(
            f"{_where(item)}: a newsItem of class {item_class or '(none)'} is not an article; "
            "articlekit reads ninat:text items and their ninat:picture items"
        )


def _body(item: etree._Element, photo_index: dict[str, int]) -> list[Block]:
    specs: list[_BlockSpec] = []
    content_set = _child(item, "contentSet")
    for inline in _children(content_set, "inlineXML"):
        for root in inline:
            if not _local(root):
                continue  # a comment or processing instruction
            container = root
            if _local(root) == "html":
                container = next((c for c in root if _local(c) == "body"), root)
            elif _local(root) == "nitf":
                nitf_body = next((c for c in root if _local(c) == "body"), root)
                container = next((c for c in nitf_body if _local(c) == "body.content"), nitf_body)
            specs.extend(_blocks(container, photo_index))
    for data in _children(content_set, "inlineData"):
        paragraphs = re.split(r"\n\s*\n", "".join(_strings(data)))
        specs.extend(
            (data, Paragraph, {"text": escape_text(paragraph)})
            for paragraph in paragraphs
            if paragraph.strip()
        )
    # Built the fast way, as from articlekit JSON; the constructors say what is wrong, and where.
    blocks = build_blocks([{"type": BLOCK_TAGS[kind], **fields} for _, kind, fields in specs])
    if blocks is None:
        blocks = [_build(element, kind, **fields) for element, kind, fields in specs]
    return blocks


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


def _blocks(container: etree._Element, photo_index: dict[str, int]) -> Iterator[_BlockSpec]:
    """What the blocks in *container* are made of; `_body` builds them.

    A block is skipped only when its markup says nothing by the models' own rule: a no-break
    or ideographic space is text here as in every other format. The recursion into containers
    is bounded by the parser's `_xml.MAX_DEPTH`.
    """
    for element in container:
        tag = _local(element)
        heading = _HEADING.fullmatch(tag)
        level = int(heading.group(1)) if heading else 2 if tag == "hl2" else 0  # NITF hl2
        if tag == "p":
            text = _inline(element)
            if not _is_blank(text):
                yield element, Paragraph, {"text": text}
        elif level:
            text = _inline(element)
            if not _is_blank(text):
                yield element, Heading, {"text": text, "level": level}
        elif tag in ("blockquote", "bq"):
            text, attribution = _quote(element)
            if not _is_blank(text):
                yield element, Quote, {"text": text, "attribution": attribution}
        elif tag in ("ul", "ol"):
            items = [_inline(li) for li in element if _local(li) == "li"]
            items = [item for item in items if not _is_blank(item)]
            if items:
                yield element, ListBlock, {"items": items, "ordered": tag == "ol"}
        elif tag == "figure" and element.get("data-residref") in photo_index:
            yield element, PhotoRef, {"photo": photo_index[element.get("data-residref", "")]}
        elif tag == "iframe" and element.get("src"):
            yield element, Embed, {"url": element.get("src"), "title": element.get("title")}
        elif tag in ("div", "section", "article", "block"):
            yield from _blocks(element, photo_index)


def article(item: etree._Element, pictures: dict[str, etree._Element]) -> Article:
    """An `Article` from a text newsItem; *pictures* are the picture items beside it, by guid."""
    _check_item(item)
    guid = item.get("guid")
    if not guid:
        raise _fail(item, "the guid attribute is missing")
    if _item_class(item) == "ninat:picture":
        return _picture_article(item, guid)
    meta = _child(item, "itemMeta")
    content = _child(item, "contentMeta")
    rights = _child(item, "rightsInfo")
    in_meta, in_content, in_rights = map(_first_children, (meta, content, rights))
    photos: list[Photo] = []
    guids: list[str] = []
    url = None
    for link in _children(meta, "link"):
        rel = link.get("rel")
        if rel == LINK_CANONICAL and url is None:
            url = _exact(link, "href")
        elif rel == LINK_PHOTO and (link.get("residref") or link.get("href")):
            ref = link.get("residref") or ""
            uri = None if ref == photo_guid(guid, len(photos)) else (ref or None)
            uri = link.get(f"{{{AK}}}uri") or uri
            if ref in pictures:
                photos.append(picture(pictures[ref], uri))
            else:
                href = _exact(link, "href")
                photos.append(_build(link, Photo, uri=uri if href or uri else ref, href=href))
            guids.append(ref)
    photo_index = {ref: index for index, ref in reversed(list(enumerate(guids))) if ref}
    headline = subheadline = kicker = None
    for element in _children(content, "headline"):
        role = element.get("role")
        if role == ROLE_SUB:
            subheadline = subheadline or _text(element)
        elif role == ROLE_KICKER:
            kicker = kicker or _text(element)
        elif headline is None:
            headline = _text(element)
    if headline is None:
        raise _fail(content if content is not None else item, "the item has no headline")
    summary = None
    for description in _children(content, "description"):
        if description.get("role") in (DESCRIPTION_SUMMARY, None) and summary is None:
            summary = _text(description)
    keywords, section = [], None
    for keyword in _children(content, "keyword"):
        text = _text(keyword)
        if text is None:
            continue
        if keyword.get("role") == ROLE_SECTION:
            section = section or text
        else:
            keywords.append(text)
    topics = []
    for element in content if content is not None else ():
        local = _local(element)
        topic = None
        if local == "subject":
            kind = _TYPE_KINDS.get(element.get("type", ""), TopicKind.SUBJECT)
            topic = _topic(element, kind)
        elif local == "genre":
            topic = _topic(element, TopicKind.GENRE)
        if topic is not None:
            topics.append(topic)
    bylines = [
        _byline(element)
        for element in (content if content is not None else ())
        if _local(element) in ("creator", "contributor")
    ]
    provider_element = in_meta.get("provider")
    provider = None
    if provider_element is not None and provider_element.get("qcode") != PROVIDER_UNKNOWN:
        provider = (
            _name(provider_element)
            or provider_element.get("qcode")
            or provider_element.get("uri")
            or provider_element.get("literal")
        )
    version_created = in_meta.get("versionCreated")
    updated = None
    if version_created is not None and version_created.get("why") != WHY_INFERRED:
        updated = _datetime(version_created)
    status_element = in_meta.get("pubStatus")
    status = Status.USABLE
    if status_element is not None:
        code = (status_element.get("qcode") or "").partition(":")[2]
        try:
            status = Status(code)
        except ValueError:
            raise _fail(
                status_element, f"unknown pubStatus {status_element.get('qcode')!r}"
            ) from None
    language_element = in_content.get("language")
    language = language_element.get("tag") if language_element is not None else item.get(XML_LANG)
    version = item.get("version", "1")
    if not version.isdigit():
        raise _fail(item, f"version {version!r} is not a whole number")
    return _build(  # type: ignore[no-any-return]
        item,
        Article,
        uri=guid,
        version=int(version),
        url=url,
        language=language,
        headline=headline,
        subheadline=subheadline,
        kicker=kicker,
        section=section,
        summary=summary,
        slugline=_text(in_content.get("slugline")),
        bylines=bylines,
        photos=photos,
        topics=topics,
        keywords=keywords,
        body=_body(item, photo_index),
        created=_datetime(in_content.get("contentCreated")),
        published=_datetime(in_meta.get("firstCreated")),
        updated=updated,
        embargoed=_datetime(in_meta.get("embargoed")),
        dateline=_text(in_content.get("dateline")),
        located=_name(in_content.get("located")) or _text(in_content.get("located")),
        status=status,
        provider=provider,
        copyright_holder=_name(in_rights.get("copyrightHolder")),
        copyright_notice=_text(in_rights.get("copyrightNotice")),
        usage_terms=_text(in_rights.get("usageTerms")),
        editor_note=_text(in_meta.get("edNote")),
    )


def _picture_article(item: etree._Element, guid: str) -> Article:
    """A lone picture item: an article whose headline is the picture's and whose photo it is."""
    content = _child(item, "contentMeta")
    headline = _text(_child(content, "headline"))
    if headline is None:
        raise UnsupportedError(
            f"{_where(item)}: a picture item without a headline is not an article"
        )
    photo = picture(item, guid)
    base = article_fields_of_picture(item)
    return _build(item, Article, uri=guid, headline=headline, photos=[photo], **base)  # type: ignore[no-any-return]


def article_fields_of_picture(item: etree._Element) -> dict[str, Any]:
    """Times, keywords and topics of a lone picture item, for its article."""
    meta = _child(item, "itemMeta")
    content = _child(item, "contentMeta")
    version_created = _child(meta, "versionCreated")
    topics = []
    for element in _children(content, "subject"):
        topic = _topic(element, _TYPE_KINDS.get(element.get("type", ""), TopicKind.SUBJECT))
        if topic is not None:
            topics.append(topic)
    version = item.get("version", "1")
    return {
        "version": int(version) if version.isdigit() else 1,
        "keywords": [k for k in (_text(e) for e in _children(content, "keyword")) if k],
        "topics": topics,
        "created": _datetime(_child(content, "contentCreated")),
        "published": _datetime(_child(meta, "firstCreated")),
        "updated": None
        if version_created is None or version_created.get("why") == WHY_INFERRED
        else _datetime(version_created),
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


def articles(root: etree._Element, *, skip_unsupported: bool) -> Iterator[Article]:
    """Every article of a document: one per text item, with the pictures it links or packages."""
    items = items_of(root)
    pictures = {
        item.get("guid", ""): item
        for item in items
        if item.tag == f"{_N}newsItem" and _item_class(item) == "ninat:picture"
    }
    texts = {item.get("guid", ""): item for item in items if item.tag == f"{_N}newsItem"}
    packaged: set[str] = set()
    for package in (item for item in items if item.tag == f"{_N}packageItem"):
        refs = [ref.get("residref", "") for ref in package.iter(f"{_N}itemRef")]
        text_refs = [ref for ref in refs if ref in texts and ref not in pictures]
        if not text_refs:
            if not skip_unsupported:
                raise UnsupportedError(
                    f"{_where(package)}: the package refers to no text item in this document"
                )
            continue
        main = texts[text_refs[0]]
        packaged.update(refs)
        extra = [ref for ref in refs if ref in pictures]
        yield _with_package_pictures(article(main, pictures), extra, pictures)
    for guid, item in texts.items():
        if guid in packaged or guid in pictures:
            continue
        try:
            _check_item(item)
        except UnsupportedError:
            if skip_unsupported:
                continue
            raise
        yield article(item, pictures)


def _with_package_pictures(
    base: Article, refs: list[str], pictures: dict[str, etree._Element]
) -> Article:
    """Add the package's pictures that the text item does not link already, in package order."""
    known = {photo.uri for photo in base.photos}
    extra = [picture(pictures[ref], ref) for ref in refs if ref not in known]
    if not extra:
        return base
    return attrs.evolve(base, photos=(*base.photos, *extra))


def single_article(root: etree._Element) -> Article:
    """The one article of a document; more than one is an error that points at iter_articles."""
    found = list(articles(root, skip_unsupported=root.tag == f"{_N}newsMessage"))
    if len(found) == 1:
        return found[0]
    items = items_of(root)
    if not found:
        if root.tag == f"{_N}newsItem" and _item_class(root) == "ninat:picture":
            return article(root, {})
        for item in items:
            _check_item(item)  # raises the UnsupportedError that says why
        raise UnsupportedError(f"{_where(root)}: the document holds no text item")
    raise ValidationError(
        f"{_where(root)}: the document holds {len(found)} articles; "
        "read them with articlekit.newsml.iter_articles"
    )


def stream_articles(events: XmlEvents) -> Iterator[Article]:
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
    open_items = 0
    pending: etree._Element | None = None  # the last text item, waiting for its pictures
    before: dict[str, etree._Element] = {}  # pictures between the text item before it and it
    after: dict[str, etree._Element] = {}  # pictures since it
    starts: dict[etree._Element, int] = {}  # where each item held began, oldest first
    emptied = 0  # where the reader last held nothing, in bytes read

    def release(*items: etree._Element) -> None:
        nonlocal emptied
        _free(*items)
        for item in items:
            del starts[item]
        if not starts:
            emptied = events.bytes_read

    for event, element in events:
        _check_span(events.bytes_read - next(iter(starts.values()), emptied), element)
        tag = element.tag
        if event == "start":
            root = open_items == 0 and element.getparent() is None
            if root and tag != f"{_N}newsMessage" and tag not in _ITEM_TAGS:
                items_of(element)  # raises the UnsupportedError that says why
            if tag in _ITEM_TAGS:
                open_items += 1
                if open_items == 1:
                    starts[element] = events.bytes_read
            continue
        if tag not in _ITEM_TAGS:
            if not open_items and element.getparent() is not None and _holds_no_item(element):
                _free(element)  # a header or an extension: nothing reads it, nothing may pile up
                if not starts:
                    emptied = events.bytes_read
            continue
        open_items -= 1
        if open_items:
            continue  # an item inside an item: its outer item decides
        if tag == f"{_N}newsItem" and _item_class(element) == "ninat:picture":
            pictures = after if pending is not None else before
            replaced = pictures.pop(element.get("guid", ""), None)
            if replaced is not None:  # the same guid again: the last one counts, as before
                release(replaced)
            pictures[element.get("guid", "")] = element
            continue
        try:
            _check_item(element)
        except UnsupportedError:
            release(element)
            continue
        if pending is not None:
            yield article(pending, before | after)
            release(pending, *before.values())
            before, after = after, {}
        pending = element
    if pending is not None:
        yield article(pending, before | after)


def _check_span(span: int, element: etree._Element) -> None:
    if span > _xml.MAX_BYTES:
        raise ParseError(
            f"more than {_xml.MAX_BYTES} bytes of the stream to hold at once, the limit (a text "
            "item and the picture items around it, or an element outside items, is that long)",
            line=_xml.source_line(element),
        )


def _holds_no_item(element: etree._Element) -> bool:
    return next(element.iter(*_ITEM_TAGS), None) is None


def _free(*items: etree._Element) -> None:
    """Clear items already read and take them out of the tree, so the stream stays small."""
    for item in items:
        item.clear()
        parent = item.getparent()
        if parent is not None:
            parent.remove(item)
