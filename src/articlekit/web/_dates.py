"""When a news page was published: declared dates, <time> elements and dates written out.

The declaration wins over what the page prints, unless the page prints the same moment more
precisely: a declared day (or a time padded to midnight) yields to a time printed on that day,
and a declared time in UTC takes the offset of the same wall clock printed with a zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Final, NamedTuple

from lxml import etree

# Dates as pages write them: ISO 8601 with or without "T", seconds, fractions, "Z" or "+0100".
_DATE: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)

_UTC: Final = timezone.utc

# A pure function has no clock, so no "in the future" test: a year outside this range is a
# placeholder (.NET's 0001-01-01, SQL Server's 1753-01-01, 9999-12-31 for "never").
_PLAUSIBLE_YEARS: Final = range(1900, 2200)
# The zero values of common date types, written out as if they were dates.
_ZERO_MOMENTS: Final = frozenset(
    {
        datetime(1900, 1, 1, tzinfo=_UTC),
        datetime(1970, 1, 1, tzinfo=_UTC),  # the Unix epoch: a timestamp of 0
    }
)
_LARGEST_OFFSET: Final = timedelta(hours=14)  # Kiribati's; farther is no real zone


def _moment(
    year: int, month: int, day: int, hour: int, minute: int, second: int, zone: tzinfo
) -> datetime | None:
    """The datetime, or None when it does not exist or is a placeholder rather than a date."""
    if year not in _PLAUSIBLE_YEARS:
        return None
    try:
        moment = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return None if moment in _ZERO_MOMENTS else moment


def _fixed_zone(sign: str, hours: str, minutes: str | None) -> tzinfo | None:
    """The zone of an offset such as "+05:30", None when no place on earth has it."""
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset > _LARGEST_OFFSET:
        return None
    return timezone(-offset if sign == "-" else offset)


def parse_date(value: object) -> datetime | None:
    """A timezone-aware datetime from an ISO-8601-like string; a naive one is read as UTC."""
    if not isinstance(value, str):
        return None
    match = _DATE.search(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    tz: tzinfo | None = _UTC
    if zone and zone.upper() != "Z":
        digits = zone.replace(":", "")
        tz = _fixed_zone(digits[0], digits[1:3], digits[3:5])
    if tz is None:
        return None
    return _moment(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), tz
    )


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

# A time of day as pages print it: "9:02 AM", "2:16 a.m.", "08.00", "14h30", "08:00:58".
_CLOCK: Final = re.compile(
    r"(?<![\d.:])([01]?\d|2[0-3])[:.h]([0-5]\d)(?::[0-5]\d)?(?!\d)"
    r"(?:\s?(?i:([ap])\.?\s?m\b\.?))?"
)
# The zone printed right after a time: "GMT+1", "UTC+05:30", "+0100" or an abbreviation.
_CLOCK_ZONE: Final = re.compile(
    r"\s?\(?(?:(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):?(\d{2})|([A-Z]{2,5})\b)"
)

# Zone abbreviations with one meaning in news pages, as minutes east of UTC. IST (India,
# Ireland, Israel) has three and is left out; CST is the US one (China's pages print +08:00).
_ZONE_MINUTES: Final = {
    **dict.fromkeys(("GMT", "UTC", "UT", "WET"), 0),
    **dict.fromkeys(("BST", "WEST", "CET", "MEZ", "WAT"), 60),
    **dict.fromkeys(("CEST", "MESZ", "EET", "SAST", "CAT"), 120),
    **dict.fromkeys(("EEST", "MSK", "EAT"), 180),
    "PKT": 300,
    "WIB": 420,
    **dict.fromkeys(("AWST", "SGT", "HKT"), 480),
    **dict.fromkeys(("JST", "KST"), 540),
    "ACST": 570,
    "AEST": 600,
    "ACDT": 630,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "HST": -600,
    "AKST": -540,
    **dict.fromkeys(("AKDT", "PST"), -480),
    **dict.fromkeys(("PDT", "MST"), -420),
    **dict.fromkeys(("MDT", "CST"), -360),
    **dict.fromkeys(("CDT", "EST"), -300),
    **dict.fromkeys(("EDT", "AST"), -240),
    "ADT": -180,
}

# Words that may stand between a written date and its time: "Nov 19, 2019 at 9:02 AM",
# "1:39 am EST, Wednesday, November 20, 2019". Any other word ("Updated") parts them.
_BETWEEN_DATE_AND_TIME: Final = frozenset(
    word
    for words in (
        "at on um à a las às alle ore om le el de",
        "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri",
        "saturday sat sunday sun montag dienstag mittwoch donnerstag freitag samstag sonntag",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "lunes martes miércoles jueves viernes sábado domingo",
    )
    for word in words.split()
)
_LONGEST_GAP: Final = 24  # characters between a date and its time: ", Wednesday, " fits
_LONGEST_CLOCK: Final = len("12:30 a.m. (GMT+05:30)")
_WORD: Final = re.compile(r"[^\W\d_]+")


class _Clock(NamedTuple):
    """A printed time of day, the zone printed after it (None when none) and where it ends."""

    hour: int
    minute: int
    zone: tzinfo | None
    end: int


def _clock_at(text: str, at: int) -> _Clock | None:
    """The time printed at *at*, on a 24-hour clock, with the zone printed after it."""
    match = _CLOCK.match(text, at)
    if match is None:
        return None
    hour, minute, meridiem = int(match.group(1)), int(match.group(2)), match.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    zone, end = _zone_after(text, match.end())
    return _Clock(hour, minute, zone, end)


def _zone_after(text: str, at: int) -> tuple[tzinfo | None, int]:
    """The zone printed at *at* and where it ends; (None, *at*) when none is known."""
    match = _CLOCK_ZONE.match(text, at)
    if match is None:
        return None, at
    gmt_sign, gmt_hours, gmt_minutes, sign, hours, minutes, name = match.groups()
    zone: tzinfo | None
    if name is not None:
        offset = _ZONE_MINUTES.get(name)
        zone = None if offset is None else timezone(timedelta(minutes=offset))
    elif gmt_sign is not None:
        zone = _fixed_zone(gmt_sign, gmt_hours, gmt_minutes)
    else:
        zone = _fixed_zone(sign, hours, minutes)
    return (None, at) if zone is None else (zone, match.end())


def _joins(gap: str) -> bool:
    """Whether *gap* is short, has no number and only words that join a date to its time."""
    return (
        len(gap) <= _LONGEST_GAP
        and not any(character.isdigit() for character in gap)
        and all(word.lower() in _BETWEEN_DATE_AND_TIME for word in _WORD.findall(gap))
    )


def _clock_after(text: str, end: int) -> _Clock | None:
    """The time printed right after a date that ends at *end*: "Nov 19, 2019, 9:02 AM"."""
    hit = _CLOCK.search(text, end, end + _LONGEST_GAP + len("00:00"))
    if hit is None or not _joins(text[end : hit.start()]):
        return None
    return _clock_at(text, hit.start())  # read again whole: the search window may cut "a.m."


def _clock_before(text: str, start: int) -> _Clock | None:
    """The time printed right before a date that starts at *start*: "2:16 AM EST Nov 20, 2019"."""
    hits = list(_CLOCK.finditer(text, max(0, start - _LONGEST_GAP - _LONGEST_CLOCK), start))
    clock = _clock_at(text, hits[-1].start()) if hits else None
    if clock is None or not _joins(text[clock.end : start]):
        return None
    return clock


def written_dates(text: str) -> Iterator[datetime]:
    """The dates written out with a month name ("Nov. 19, 2019", "25. September 2018").

    Each at the time of day printed next to it ("9:02 AM EST"), else at midnight UTC.
    """
    for match in _WRITTEN_DATE.finditer(text):
        day, month, year = match.group(1, 2, 3) if match.group(1) else match.group(5, 4, 6)
        number = _MONTHS.get(month.lower())
        moment = None if number is None else _moment(int(year), number, int(day), 0, 0, 0, _UTC)
        if moment is None:
            continue
        clock = _clock_after(text, match.end()) or _clock_before(text, match.start())
        if clock is None:
            yield moment
        else:
            yield moment.replace(hour=clock.hour, minute=clock.minute, tzinfo=clock.zone or _UTC)


def find_written_date(text: str) -> datetime | None:
    """The first of `written_dates`, or None."""
    return next(written_dates(text), None)


def _visible_time(root: etree._Element) -> datetime | None:
    """The page's ``<time datetime>``: the one marked as the publication's, else the first."""
    first = None
    for element in root.iter("time"):
        value = element.get("datetime")
        if not value:
            continue
        if element.get("pubdate") is not None or element.get("itemprop") == "datePublished":
            return _read_datetime_attribute(value)
        first = first or value
    return _read_datetime_attribute(first)


def _read_datetime_attribute(value: str | None) -> datetime | None:
    """An ISO date, else a date written out ("Wed Nov 20 2019 08:00:58 GMT+0000")."""
    if value is None:
        return None
    return parse_date(value) or find_written_date(value)


def published_time(
    root: etree._Element,
    h1: etree._Element | None,
    json_ld: dict[str, Any],
    microdata: dict[str, Any],
    meta: dict[str, Any],
) -> datetime | None:
    """The declared publication time, else a ``<time>``'s, else a date written near the h1.

    Each later one may sharpen the first found (see `_sharpened`).
    """
    found: datetime | None = None
    for candidate in _candidates(root, h1, json_ld, microdata, meta):
        found = candidate if found is None else _sharpened(found, candidate)
        if found is not None and _is_exact(found):
            break
    return found


def _candidates(
    root: etree._Element,
    h1: etree._Element | None,
    json_ld: dict[str, Any],
    microdata: dict[str, Any],
    meta: dict[str, Any],
) -> Iterator[datetime | None]:
    """The publication times, most trusted first; what the page prints is read when asked."""
    yield json_ld.get("published")
    yield microdata.get("published")
    yield meta.get("published")
    yield _visible_time(root)
    if h1 is not None:
        yield from _written_dates_near(root, h1)


def _is_day_only(moment: datetime) -> bool:
    """Whether *moment* is a bare day: a date without a time reads as (and CMSs pad to) 00:00."""
    return (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0)


def _is_in_utc(moment: datetime) -> bool:
    """Whether *moment* is in UTC, which is also how a time declared without a zone reads."""
    return moment.utcoffset() == timedelta()


def _is_exact(moment: datetime) -> bool:
    """Whether nothing printed could sharpen *moment*: it has a time and a zone of its own."""
    return not _is_day_only(moment) and not _is_in_utc(moment)


def _sharpened(found: datetime, other: datetime | None) -> datetime:
    """*found*, unless *other* says the same more precisely.

    A bare day yields to a time on that day; a time in UTC (or without a zone) takes the
    offset of the same wall clock printed with another zone, as CMSs write local times as UTC.
    """
    if other is None:
        return found
    if _is_day_only(found) and not _is_day_only(other) and other.date() == found.date():
        return other
    if _is_in_utc(found) and not _is_in_utc(other) and _same_wall_clock(found, other):
        return found.replace(tzinfo=other.tzinfo)
    return found


def _same_wall_clock(one: datetime, other: datetime) -> bool:
    """Whether two times read the same on a clock, to the minute, whatever their zones."""
    return one.replace(second=0, microsecond=0, tzinfo=None) == other.replace(
        second=0, microsecond=0, tzinfo=None
    )


_TEXT_BEFORE: Final = 300  # characters of page text read before the headline
_TEXT_AFTER: Final = 600  # and after it
_NOT_TEXT: Final = frozenset({"script", "style", "noscript", "template"})


def _written_dates_near(root: etree._Element, h1: etree._Element) -> Iterator[datetime]:
    """The dates written out in words in the few hundred characters around the headline.

    The page's text is read outwards from the headline, as far as needed: a walk of the whole
    page would cost more than the rest of the date's reading.
    """
    headline = " ".join(str(piece) for piece in h1.itertext())  # joined as the page text
    if not headline.strip():
        return iter(())
    before = _first_characters(_texts_before(h1), _TEXT_BEFORE)
    after = _first_characters(_texts_after(h1), _TEXT_AFTER)
    window = " ".join([*reversed(before), headline, *after])
    return written_dates(" ".join(window.split()))


def _first_characters(pieces: Iterator[str], wanted: int) -> list[str]:
    """The first *pieces*, up to *wanted* characters and the piece that reaches them."""
    taken: list[str] = []
    count = 0
    for piece in pieces:
        taken.append(piece)
        count += len(piece)
        if count >= wanted:
            break
    return taken


def _texts_of(element: etree._Element) -> Iterator[str]:
    """The text inside *element* in document order, without scripts' and styles'."""
    if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
        return
    if element.text:
        yield element.text
    for child in element:
        yield from _texts_of(child)
        if child.tail:
            yield child.tail


def _texts_of_backwards(element: etree._Element) -> Iterator[str]:
    """The text inside *element* from its end to its start (each piece whole)."""
    if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
        return
    for child in reversed(element):
        if child.tail:
            yield child.tail
        yield from _texts_of_backwards(child)
    if element.text:
        yield element.text


def _texts_after(element: etree._Element) -> Iterator[str]:
    """The page's text after *element* (not inside it), in document order."""
    node: etree._Element | None = element
    while node is not None and node.tag not in ("body", "html"):
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _texts_of(sibling)
            if sibling.tail:
                yield sibling.tail
        node = node.getparent()


def _texts_before(element: etree._Element) -> Iterator[str]:
    """The page's text before *element* (not around it), from the nearest piece backwards."""
    node: etree._Element | None = element
    while node is not None and node.tag not in ("body", "html"):
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail
            yield from _texts_of_backwards(sibling)
        parent = node.getparent()
        if parent is not None and parent.text:
            yield parent.text
        node = parent
