"""Writing an article as a ninjs 2.x item (lower-case names; the API renames for 3.x)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from articlekit._body_html import blocks_to_html
from articlekit._convert import format_datetime
from articlekit._urls import photo_source
from articlekit.model import Article, Byline, Photo, Topic
from articlekit.ninjs._names import (
    COLLECTIONS,
    CREATOR,
    KIND_ORDER,
    MAIN_RENDITION,
    NO_URI,
    TOPIC_ORDER_ROLE,
)

__all__ = ["write_article"]


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != []:
        target[key] = value


def write_article(article: Article, lost: list[str]) -> dict[str, Any]:
    doc: dict[str, Any] = {"uri": article.uri, "type": "text", "version": str(article.version)}
    for key, moment in (
        ("firstcreated", article.published),
        ("versioncreated", article.updated),
        ("contentcreated", article.created),
        ("embargoed", article.embargoed),
    ):
        _put(doc, key, None if moment is None else format_datetime(moment))
    doc["pubstatus"] = article.status.value
    _put(doc, "urgency", article.urgency)  # "number" in 2.x, an integer of 1-9 in 3.x
    _put(doc, "language", article.language)
    _put(doc, "slugline", article.slugline)
    _put(doc, "located", article.located)
    _put(doc, "copyrightholder", article.copyright_holder)
    _put(doc, "copyrightnotice", article.copyright_notice)
    _put(doc, "usageterms", article.usage_terms)
    _put(doc, "ednote", article.editor_note)
    doc["headlines"] = _roles(
        ("main", article.headline), ("sub", article.subheadline), ("kicker", article.kicker)
    )
    _put(
        doc,
        "descriptions",
        _roles(
            ("summary", article.summary),
            ("section", article.section),
            ("dateline", article.dateline),
        ),
    )
    if article.bylines:
        doc["by"] = ", ".join(byline.name for byline in article.bylines)
    collections: dict[str, list[dict[str, Any]]] = {name: [] for name in COLLECTIONS.values()}
    collections["people"].extend(_write_byline(byline) for byline in article.bylines)
    for topic in article.topics:
        collections[COLLECTIONS[topic.kind]].append(_write_topic(topic))
    collections["subjects"].extend({"name": word, "rel": "keyword"} for word in article.keywords)
    for name, items in collections.items():
        _put(doc, name, items)
    if article.provider is not None:
        doc["infosources"] = [{"name": article.provider, "role": "provider"}]
    if article.url is not None:
        doc["renditions"] = [{"name": "web", "href": article.url, "contenttype": "text/html"}]
    if article.body:
        doc["bodies"] = [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": blocks_to_html(article.body, lambda n: _photo_html(article.photos, n)),
            }
        ]
    _put(
        doc,
        "associations",
        [_write_photo(photo, index, lost) for index, photo in enumerate(article.photos)],
    )
    grouped = sorted(article.topics, key=lambda topic: KIND_ORDER[topic.kind])
    if grouped != list(article.topics):
        order = " ".join(topic.kind.value for topic in article.topics)
        doc["altids"] = [{"role": TOPIC_ORDER_ROLE, "value": order}]
    return doc


def _roles(*pairs: tuple[str, str | None]) -> list[dict[str, str]]:
    return [{"role": role, "value": value} for role, value in pairs if value is not None]


def _photo_html(photos: Sequence[Photo], index: int) -> tuple[str, str | None, str | None]:
    """The body's picture of a photo: the association name, and the image a reader may load.

    The renditions keep every URL as data; the body's HTML is shown, so its ``img`` loads only
    what the URL policy allows (no ``data:``), and the association name finds the photo.
    """
    photo = photos[index]
    return f"photo{index + 1}", photo_source(photo), photo.alt_text


def _write_byline(byline: Byline) -> dict[str, Any]:
    person: dict[str, Any] = {"name": byline.name}
    person["rel"] = CREATOR if byline.role is None else f"{CREATOR}:{byline.role}"
    _put(person, "uri", byline.uri)
    contacts = [
        {"type": kind, "value": value}
        for kind, value in (
            ("email", byline.email),
            ("affiliation", byline.affiliation),
            ("bio", byline.bio),
        )
        if value is not None
    ]
    _put(person, "contactinfo", contacts)
    return person


def _write_topic(topic: Topic) -> dict[str, Any]:
    item: dict[str, Any] = {}
    _put(item, "name", topic.name)
    _put(item, "uri", topic.uri)
    _put(item, "literal", topic.code)
    return item


def _write_rendition(
    name: str, href: str | None, width: int | None, height: int | None, media_type: str | None
) -> dict[str, Any]:
    item: dict[str, Any] = {"name": name}
    _put(item, "href", href)
    _put(item, "contenttype", media_type)
    _put(item, "width", width)
    _put(item, "height", height)
    return item


def _write_photo(photo: Photo, index: int, lost: list[str]) -> dict[str, Any]:
    where = f"photos[{index}]"
    if photo.uri is not None and photo.uri.startswith(NO_URI):
        lost.append(f"{where}.uri (reads back as no uri)")
    item: dict[str, Any] = {
        "name": f"photo{index + 1}",
        "uri": photo.uri or f"{NO_URI}{index + 1}",
        "type": "picture",
    }
    _put(item, "by", photo.credit)
    _put(item, "copyrightnotice", photo.copyright_notice)
    _put(item, "descriptions", _roles(("caption", photo.caption), ("alt", photo.alt_text)))
    if photo.photographer is not None:
        item["people"] = [_write_byline(photo.photographer)]
    renditions = []
    if any(v is not None for v in (photo.href, photo.width, photo.height, photo.media_type)):
        renditions.append(
            _write_rendition(
                MAIN_RENDITION, photo.href, photo.width, photo.height, photo.media_type
            )
        )
    elif photo.renditions and photo.renditions[0].name == MAIN_RENDITION:
        lost.append(f"{where}.renditions[0].name (reads back as the main image)")
    renditions.extend(
        _write_rendition(r.name, r.href, r.width, r.height, r.media_type) for r in photo.renditions
    )
    _put(item, "renditions", renditions)
    return item
