"""When a news page was published: declared dates, <time> elements and dates written out."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from lxml import etree

from articlekit.web._common import pick

# Dates as pages write them: ISO 8601 with or without "T", seconds, fractions, "Z" or "+0100".
_DATE: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)


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


def _visible_time(root: etree._Element) -> Any:
    first = None
    for element in root.iter("time"):
        value = element.get("datetime")
        if not value:
            continue
        if element.get("pubdate") is not None or element.get("itemprop") == "datePublished":
            return parse_date(value)
        first = first or value
    return parse_date(first)


def published_time(
    root: etree._Element,
    h1: etree._Element | None,
    json_ld: dict[str, Any],
    microdata: dict[str, Any],
    meta: dict[str, Any],
) -> Any:
    """The declared publication time, else a ``<time>``'s, else a date written near the h1."""
    published = pick(
        json_ld.get("published"),
        microdata.get("published"),
        meta.get("published"),
        _visible_time(root),
    )
    if published is None and h1 is not None:
        return _written_date_near(root, h1)
    return published


def _written_date_near(root: etree._Element, h1: etree._Element) -> Any:
    """A date written out in words in the few hundred characters around the headline."""
    body = next(root.iter("body"), root)
    pieces = body.xpath(
        ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
        " or ancestor::template)]"
    )
    text = " ".join(str(piece) for piece in pieces) if isinstance(pieces, list) else ""
    headline = " ".join(str(piece) for piece in h1.itertext())  # joined as the page text
    at = text.find(headline) if headline.strip() else -1
    if at < 0:
        return None
    return find_written_date(" ".join(text[max(0, at - 300) : at + len(headline) + 600].split()))
