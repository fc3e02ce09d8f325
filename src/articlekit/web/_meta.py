"""Declared metadata of any news page: JSON-LD, microdata, OpenGraph, ``article:*`` and meta tags.

Each reader returns a flat dict of candidate values with the same keys; `extract` merges them in
order of trust (JSON-LD, microdata, OpenGraph and meta, then what the visible page shows).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from lxml import etree

from articlekit._page_head import read_head_metadata
from articlekit.web._common import clean, clean_json, element_text
from articlekit.web._dates import parse_date
from articlekit.web._people import split_names

ARTICLE_TYPES: Final = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNews",
        "BlogPosting",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SocialMediaPosting",
    }
)

_URL_LIKE: Final = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _flatten(value: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 4:  # @graph in lists in @graph: real pages nest a little, never deeply
        return
    if isinstance(value, list):
        for item in value[:200]:
            _flatten(item, out, depth + 1)
    elif isinstance(value, dict):
        out.append(value)
        if "@graph" in value:
            _flatten(value["@graph"], out, depth + 1)
        main = value.get("mainEntity")
        if isinstance(main, dict):
            _flatten(main, out, depth + 1)


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD ``author``: a string, an object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = clean_json(item.get("name")) if isinstance(item, dict) else clean_json(item)
        if name and not _URL_LIKE.match(name):
            names.append(name)
    return names


def _first_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("contentUrl")
    return clean(value)


def from_json_ld(root: etree._Element) -> dict[str, Any]:
    """Candidates from the first JSON-LD object typed as an article (``@graph`` and lists too)."""
    article = _json_ld_article(root)
    if article is None:
        return {}
    publisher = article.get("publisher")
    return {
        "headline": clean_json(article.get("headline")) or clean_json(article.get("name")),
        "subheadline": clean_json(article.get("alternativeHeadline")),
        "authors": _names(article.get("author")),
        "published": parse_date(article.get("datePublished")),
        "updated": parse_date(article.get("dateModified")),
        "created": parse_date(article.get("dateCreated")),
        "summary": clean_json(article.get("description")),
        "url": _first_url(article.get("url")) or _first_url(article.get("mainEntityOfPage")),
        "image": _image_url(article.get("image"), root),
        "section": clean(_first_item(article.get("articleSection"))),
        "keywords": _keywords(article.get("keywords")),
        "topics": _names(article.get("about")),  # no "about": no names
        "language": clean(article.get("inLanguage")),
        "provider": clean(publisher.get("name")) if isinstance(publisher, dict) else None,
        "body_text": clean(article.get("articleBody")),
    }


def _json_ld_article(root: etree._Element) -> dict[str, Any] | None:
    return next((node for node in _json_ld_nodes(root) if _types(node) & ARTICLE_TYPES), None)


def _json_ld_nodes(root: etree._Element) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for block in read_head_metadata(root)["json_ld"]:
        _flatten(block, nodes)
    return nodes


_IMAGE_ADDRESSES: Final = ("url", "contentUrl")


def _image_url(value: Any, root: etree._Element) -> str | None:
    """The declared image's address, references resolved.

    A reference ``{"@id": ".../#primaryimage"}`` names a node of the page's JSON-LD, whose
    address it is; it is no image address itself.
    """
    image = _first_item(value)
    if isinstance(image, dict) and not any(image.get(key) for key in _IMAGE_ADDRESSES):
        reference = image.get("@id")
        image = next(
            (node for node in _json_ld_nodes(root) if reference and node.get("@id") == reference),
            None,
        )
        if not isinstance(image, dict) or not any(image.get(key) for key in _IMAGE_ADDRESSES):
            return None
    return _first_url(image)


def _first_item(value: Any) -> Any:
    """The first item of a list (None when empty), or *value* itself."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _keywords(value: Any) -> list[str]:
    """JSON-LD ``keywords``: a list, or one string of comma-separated keywords."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [keyword for keyword in (clean(item) for item in value) if keyword]


def _itemprop_value(element: etree._Element) -> str | None:
    for attribute in ("content", "datetime"):
        if element.get(attribute):
            return clean(element.get(attribute))
    if element.tag in ("a", "link"):
        return clean(element.get("href"))
    return element_text(element)


def from_microdata(root: etree._Element) -> dict[str, Any]:
    """Candidates from the first microdata item typed as an article."""
    scope = _microdata_article(root)
    if scope is None:
        return {}
    found: dict[str, Any] = {"authors": []}
    for element in scope.iter():
        for name in (element.get("itemprop") or "").split():
            read = _ITEMPROP_READERS.get(name)
            if read is not None:
                read(found, name, element)
    return {
        "headline": found.get("headline"),
        "authors": found["authors"],
        "published": parse_date(found.get("datePublished")),
        "updated": parse_date(found.get("dateModified")),
        "summary": found.get("description"),
        "body_element": found.get("body_element"),
    }


def _microdata_article(root: etree._Element) -> etree._Element | None:
    """The first element whose ``itemtype`` names an article type."""
    for element in root.iter():
        itemtype = element.get("itemtype")
        if itemtype and {t.rsplit("/", 1)[-1] for t in itemtype.split()} & ARTICLE_TYPES:
            return element
    return None


def _add_author(found: dict[str, Any], name: str, element: etree._Element) -> None:
    """The author's name: its ``itemprop=name`` inside, else the author element's own value."""
    person = next(
        (e for e in element.iter() if "name" in (e.get("itemprop") or "").split()),
        None,
    )
    value = _itemprop_value(person if person is not None else element)
    if value and not _URL_LIKE.match(value) and value not in found["authors"]:
        found["authors"].append(value)


def _set_body_element(found: dict[str, Any], name: str, element: etree._Element) -> None:
    found.setdefault("body_element", element)


def _set_first_value(found: dict[str, Any], name: str, element: etree._Element) -> None:
    found.setdefault(name, _itemprop_value(element))


# Microdata property -> how it is read into the candidates; the first of each wins.
_ITEMPROP_READERS: Final[dict[str, Callable[[dict[str, Any], str, etree._Element], None]]] = {
    "author": _add_author,
    "articleBody": _set_body_element,
    "headline": _set_first_value,
    "description": _set_first_value,
    "datePublished": _set_first_value,
    "dateModified": _set_first_value,
}


_DESCRIPTIONS: Final = ("og:description", "description", "twitter:description")


def from_meta(root: etree._Element) -> dict[str, Any]:
    """Candidates from OpenGraph, ``article:*``, Dublin Core and common ``<meta name>`` tags."""
    meta: dict[str, list[str]] = read_head_metadata(root)["meta"]

    def first(*keys: str) -> str | None:
        for key in keys:
            for value in meta.get(key, []):
                text = clean(value)
                if text:
                    return text
        return None

    authors = [
        name
        for name in (clean(v) for v in meta.get("article:author", []) + meta.get("author", []))
        if name and not _URL_LIKE.match(name)
    ]
    byl = first("byl")  # the "By A and B" line some US papers put in a meta tag
    if not authors and byl:
        authors = split_names(byl)
    site = first("og:site_name")
    return {
        "headline": first("og:title", "twitter:title", "title", "dc.title"),
        "site_name": site,
        "authors": authors,
        "published": parse_date(
            first(
                "article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
            )
        ),
        "updated": parse_date(
            first("article:modified_time", "og:updated_time", "dcterms.modified")
        ),
        "summary": first(*_DESCRIPTIONS),
        "descriptions": list(
            dict.fromkeys(
                text for key in _DESCRIPTIONS for text in map(clean, meta.get(key, [])) if text
            )
        ),
        "url": first("og:url"),
        "image": first("og:image", "og:image:url", "twitter:image"),
        "section": first("article:section"),
        "keywords": [k for k in (clean(v) for v in meta.get("article:tag", [])) if k],
        "language": first("og:locale", "language", "content-language"),
    }
