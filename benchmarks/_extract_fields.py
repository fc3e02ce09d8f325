"""Per-field accuracy of extractors against the hand labels in `extract-fields.json`.

Each reader turns one page into a dict of the labelled fields (`FIELDS`); `score` compares
them with the labels, field by field, over the pages whose label shows the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin

import articlekit
from articlekit.extract import extract

FIELDS = (
    "headline",
    "dek",
    "kicker",
    "topics",
    "authors",
    "date",
    "photo_url",
    "caption",
    "credit",
)
# Rows of the table: a field, or a coarser view of one ("date_day": the date to the day only,
# since trafilatura reports days and cannot match a label to the minute).
ROWS = (*FIELDS, "date_day")
_SOURCE = {"date_day": "date"}
_WORD = re.compile(r"\w+")
_ARTICLE_TYPES = {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "WebPage"}


def norm(text: str | None) -> str:
    """Text reduced to case-folded NFKC `\\w+` words joined by one space."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(_WORD.findall(text))


def _names(values: Iterable[str]) -> set[str]:
    return {norm(re.sub(r"^\s*by\s+", "", value, flags=re.I)) for value in values} - {""}


def _same_text(got: Any, want: Any, url: str) -> bool:
    return norm(got) == norm(want)


def _same_set(got: Any, want: Any, url: str) -> bool:
    return _names(got or ()) == _names(want)


def _same_any(got: Any, want: Any, url: str) -> bool:
    return norm(want) in {norm(value) for value in got or ()}


def _same_url(got: Any, want: Any, url: str) -> bool:
    return bool(got) and urljoin(url, got) == urljoin(url, want)


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _same_date(got: Any, want: Any, url: str) -> bool:
    if not got:
        return False
    if len(want) == 10:  # labelled to the day: the day as printed
        return str(got)[:10] == want
    parsed, wanted = _parse(str(got)), _parse(want)
    if parsed is None or wanted is None:
        return False
    parsed = parsed.replace(second=0, microsecond=0)
    if parsed.tzinfo and wanted.tzinfo:
        return parsed == wanted
    if parsed.tzinfo:  # the label is a wall clock in a zone the page does not name
        return _at_some_offset(parsed, wanted)
    return parsed == wanted.replace(tzinfo=None)


_EARLIEST_OFFSET = timedelta(hours=-12)
_LATEST_OFFSET = timedelta(hours=14)


def _at_some_offset(instant: datetime, wall_clock: datetime) -> bool:
    """Whether *wall_clock* shows *instant* at a real UTC offset (-12:00 to +14:00, by 15 min)."""
    offset = wall_clock - instant.astimezone(timezone.utc).replace(tzinfo=None)
    return (
        _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET
        and offset % timedelta(minutes=15) == timedelta()
    )


_MATCHERS: dict[str, Callable[[Any, Any, str], bool]] = {
    "headline": _same_text,
    "dek": _same_text,
    "kicker": _same_any,
    "topics": _same_set,
    "authors": _same_set,
    "date": _same_date,
    "photo_url": _same_url,
    "caption": _same_text,
    "credit": _same_text,
    "date_day": lambda got, want, url: bool(got) and str(got)[:10] == want[:10],
}


def _empty() -> dict[str, Any]:
    return dict.fromkeys(FIELDS)


def articlekit_fields(html: bytes, url: str | None = None) -> dict[str, Any]:
    """The labelled fields as `articlekit.extract` reads them; all None when it refuses."""
    try:
        article = extract(html, url=url)
    except articlekit.ArticleKitError:
        return _empty()
    photo = article.photos[0] if article.photos else None
    return {
        "headline": article.headline,
        "dek": article.subheadline,
        "kicker": [value for value in (article.kicker, article.section) if value],
        "topics": [topic.name for topic in article.topics if topic.name],
        "authors": [byline.name for byline in article.bylines],
        "date": article.published.isoformat() if article.published else None,
        "photo_url": photo.href if photo else None,
        "caption": photo.caption if photo else None,
        "credit": photo.credit if photo else None,
    }


def trafilatura_fields(html: bytes, url: str | None = None) -> dict[str, Any]:
    """The labelled fields from trafilatura's metadata; it reads no caption or credit."""
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if document is None:
        return _empty()
    data = document if isinstance(document, dict) else document.as_dict()
    author = data.get("author") or ""
    return {
        "headline": data.get("title"),
        "dek": data.get("description"),
        "kicker": list(data.get("categories") or ()),
        "topics": list(data.get("tags") or ()),
        "authors": [name.strip() for name in author.split(";") if name.strip()],
        "date": data.get("date"),
        "photo_url": data.get("image"),
        "caption": None,
        "credit": None,
    }


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text_of(value: Any, *keys: str) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        for key in keys:
            if value.get(key):
                return _text_of(value[key], *keys)
        return None
    return str(value) if value else None


def _author_names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = [_text_of(item, "name", "@value") for item in values if item]
    return [name for name in names if name]


def _declared_article(data: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The first JSON-LD or microdata item typed as an article, or an empty dict."""
    items: list[dict[str, Any]] = []
    for item in data.get("json-ld", []):
        items.extend(item.get("@graph", [item]))
    items.extend(data.get("microdata", []))
    for item in items:
        kinds = item.get("@type") or item.get("type") or ()
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if any(str(kind).rsplit("/", 1)[-1] in _ARTICLE_TYPES for kind in kinds):
            return dict(item.get("properties", item))
    return {}


def _opengraph(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in data.get("opengraph", []):
        for key, value in item.get("properties", []):
            found.setdefault(key, []).append(value)
    return found


def extruct_fields(html: bytes, url: str | None = None) -> dict[str, Any]:
    """The declared fields: schema.org article (JSON-LD, microdata), else OpenGraph."""
    import extruct

    try:
        data = extruct.extract(
            html, base_url=url, syntaxes=["json-ld", "microdata", "opengraph"], errors="ignore"
        )
    except Exception:  # extruct raises whatever its parsers raise on hostile pages
        return _empty()
    item, og = _declared_article(data), _opengraph(data)
    image = _first(item.get("image"))
    keywords = item.get("keywords") or og.get("article:tag") or []
    if isinstance(keywords, str):
        keywords = [word.strip() for word in keywords.split(",")]
    section = item.get("articleSection") or og.get("article:section") or []
    return {
        "headline": _text_of(item.get("headline")) or _first(og.get("og:title")),
        "dek": _text_of(item.get("description")) or _first(og.get("og:description")),
        "kicker": [section] if isinstance(section, str) else list(section),
        "topics": keywords,
        "authors": _author_names(item.get("author")),
        "date": _text_of(item.get("datePublished")) or _first(og.get("article:published_time")),
        "photo_url": _text_of(image, "url", "contentUrl") or _first(og.get("og:image")),
        "caption": _text_of(image, "caption") if isinstance(image, dict) else None,
        "credit": _text_of(image, "creditText", "copyrightHolder")
        if isinstance(image, dict)
        else None,
    }


def _shown(value: Any) -> bool:
    return value is not None and value != [] and value != ""


def _found(value: Any) -> bool:
    return _shown(value) and not (isinstance(value, list) and not any(value))


def score(
    results: dict[str, dict[str, Any]], labels: dict[str, dict[str, Any]]
) -> dict[str, tuple[int, int, int]]:
    """Per field: (correct, found, shown) over the labelled pages that show the field."""
    totals: dict[str, tuple[int, int, int]] = {}
    for field in ROWS:
        source = _SOURCE.get(field, field)
        correct = found = shown = 0
        for key, label in labels.items():
            want = label[source]
            if not _shown(want):
                continue
            got = results[key][source]
            shown += 1
            found += _found(got)
            correct += _MATCHERS[field](got, want, label.get("url") or "")
        totals[field] = (correct, found, shown)
    return totals


def table(scores: dict[str, dict[str, tuple[int, int, int]]]) -> str:
    """A Markdown table: one row per field, one column per tool, "correct/shown (found)"."""
    names = list(scores)
    lines = [
        "| field | pages showing it | " + " | ".join(names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for field in ROWS:
        shown = next(iter(scores.values()))[field][2]
        cells = [f"{s[field][0]}/{shown} ({s[field][1]})" for s in scores.values()]
        lines.append(f"| {field} | {shown} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
