"""Declared metadata of any news page: JSON-LD, microdata, OpenGraph, ``article:*`` and meta tags.

Each reader returns a flat dict of candidate values with the same keys; `extract` merges them in
order of trust (JSON-LD, microdata, OpenGraph and meta, then what the visible page shows).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from lxml import etree

from articlekit._html_read import read_head_metadata
from articlekit._text import FORBIDDEN_CHARACTER

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

# Dates as pages write them: ISO 8601 with or without "T", seconds, fractions, "Z" or "+0100".
_DATE: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_URL_LIKE: Final = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_SPACE: Final = re.compile(r"\s+")


def parse_date(value: object) -> datetime | None:
    """A timezone-aware datetime from an ISO-8601-like string; a naive one is read as UTC."""
    if not isinstance(value, str):
        return None
    match = _DATE.search(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    tz = timezone.utc
    if zone and zone.upper() != "Z":
        digits = zone.replace(":", "")
        sign = -1 if digits[0] == "-" else 1
        minutes = int(digits[1:3]) * 60 + int(digits[3:5])
        try:
            tz = timezone(sign * timedelta(minutes=minutes))
        except ValueError:
            return None
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


def strip_forbidden(text: str) -> str:
    """*text* without the characters the model refuses (`articlekit._text.FORBIDDEN_CHARACTER`).

    Pages hold them (libxml2's HTML parser keeps control characters, ``&#1;`` and ``&#xfffe;``
    among them); a lenient reader drops the characters, not the text around them.
    """
    return text if text.isprintable() else FORBIDDEN_CHARACTER.sub("", text)


def clean(value: object) -> str | None:
    """One-line text without forbidden characters, runs of white space folded, or ``None``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", strip_forbidden(value)).strip()
    return text or None


def clean_json(value: object) -> str | None:
    """One-line text from JSON-LD, where CMSs often leave HTML entities (``&#8220;``) escaped."""
    if isinstance(value, str) and "&" in value:
        value = html.unescape(value)
    return clean(value)


_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar janvier enero janeiro",
            "february feb februar février febrero fevereiro",
            "march mar märz mars marzo março",
            "april apr avril abril",
            "may mai mayo maio",
            "june jun juni juin junio junho",
            "july jul juli juillet julio julho",
            "august aug août agosto",
            "september sep sept septembre septiembre setembro",
            "october oct oktober octobre octubre outubro",
            "november nov novembre noviembre novembro",
            "december dec dezember décembre diciembre dezembro",
        ),
        start=1,
    )
    for name in names.split()
}
_WRITTEN_DATE: Final = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]{3,9})\.?,?(?:\s+de)?\s+(\d{4})"
    r"|([^\W\d_]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b"
)


def find_written_date(text: str) -> datetime | None:
    """The first date written out with a month name: "Nov. 19, 2019", "25. September 2018"."""
    for match in _WRITTEN_DATE.finditer(text):
        day, month, year = match.group(1, 2, 3) if match.group(1) else match.group(5, 4, 6)
        number = _MONTHS.get(month.lower())
        if number is None:
            continue
        try:
            return datetime(int(year), number, int(day), tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


def raw_text(element: etree._Element) -> str:
    """The element's text content as it is."""
    return "".join(str(piece) for piece in element.itertext())


def element_text(element: etree._Element) -> str | None:
    """The element's text content as one line."""
    return clean(raw_text(element))


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
        "image": _first_url(article.get("image")),
        "section": clean(_first_item(article.get("articleSection"))),
        "keywords": _keywords(article.get("keywords")),
        "topics": _names(article.get("about")),  # no "about": no names
        "language": clean(article.get("inLanguage")),
        "provider": clean(publisher.get("name")) if isinstance(publisher, dict) else None,
        "body_text": clean(article.get("articleBody")),
    }


def _json_ld_article(root: etree._Element) -> dict[str, Any] | None:
    nodes: list[dict[str, Any]] = []
    for block in read_head_metadata(root)["json_ld"]:
        _flatten(block, nodes)
    return next((node for node in nodes if _types(node) & ARTICLE_TYPES), None)


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
        "summary": first("og:description", "description", "twitter:description"),
        "url": first("og:url"),
        "image": first("og:image", "og:image:url", "twitter:image"),
        "section": first("article:section"),
        "keywords": [k for k in (clean(v) for v in meta.get("article:tag", [])) if k],
        "language": first("og:locale", "language", "content-language"),
    }


_BY: Final = re.compile(r"^\s*(?:by|von|par|por|door|di)\s*[:\s]\s*", re.IGNORECASE)
# The separators alone: `clean` strips the white space around each name. A leading "\s*" would
# make each split scan a run of spaces once per space in it (quadratic).
_AND: Final = re.compile(r",|\band\b|&|\bund\b|\bet\b|\by\b", re.IGNORECASE)


def split_names(line: str) -> list[str]:
    """``"By Ann Lee and Bo Chan"`` -> ``["Ann Lee", "Bo Chan"]``."""
    text = _BY.sub("", line)
    return [name for name in (clean(p) for p in _AND.split(text)) if name]


def person_name(name: str) -> str | None:
    """A byline as one name: no "By", no ", AP Auto Writer" or ", Cleveland.com" after it."""
    text = _BY.sub("", name)
    text = text.split(",")[0].split("|")[0]
    return clean(text)
