"""Publication dates in `articlekit.extract` (issue #16), on small pages written for the tests.

When what the page prints beats the declaration, and how a printed date and time are read.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest

from articlekit.extract import extract
from articlekit.web._dates import find_written_date, parse_date, written_dates

_BODY = (
    "<p>The council voted on Tuesday to close the old bridge, citing cracks in two piers.</p>"
    "<p>Traffic will be sent over the ring road, which adds about ten minutes, officials said.</p>"
    "<p>Repairs are expected to take a year and cost about four million, the council said.</p>"
)


def _zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def _page(*, declared: str | None = None, head: str = "", printed: str = "") -> str:
    """A page declaring *declared* in JSON-LD and printing *printed* under its headline."""
    if declared is not None:
        data = {"@type": "NewsArticle", "headline": "Bridge", "datePublished": declared}
        head += f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return (
        f"<html><head>{head}</head><body><article><h1>Bridge to close for a year</h1>"
        f"{printed}{_BODY}</article></body></html>"
    )


# --- a placeholder is no date ---------------------------------------------------------------


@pytest.mark.parametrize(
    "placeholder",
    ["0001-01-01T00:00:00Z", "1753-01-01", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z"],
)
def test_a_placeholder_date_is_no_date(placeholder: str) -> None:
    assert parse_date(placeholder) is None


def test_a_declared_placeholder_gives_way_to_the_printed_date() -> None:
    page = _page(
        declared="0001-01-01T00:00:00Z",
        printed="<div class='publish-date'>Published 2:16 AM EST Nov 20, 2019</div>",
    )
    assert extract(page).published == datetime(2019, 11, 20, 2, 16, tzinfo=_zone(-5))


@pytest.mark.parametrize("offset", ["+15:00", "-23:59"])
def test_an_offset_no_zone_has_is_no_date(offset: str) -> None:
    assert parse_date(f"2019-11-20T10:00:00{offset}") is None


# --- a declared day yields to a time printed that day ---------------------------------------


@pytest.mark.parametrize(
    ("head", "printed"),
    [
        ('<meta property="article:published_time" content="2019-11-19T09:02:00+01:00">', ""),
        ("", '<time datetime="2019-11-19T09:02:00+01:00">Tuesday</time>'),
        ("", "<p class='byline'>By Ann Lee, November 19, 2019, 9:02 AM CET</p>"),
    ],
)
def test_a_declared_day_yields_to_a_time_printed_that_day(head: str, printed: str) -> None:
    page = _page(declared="2019-11-19", head=head, printed=printed)
    assert extract(page).published == datetime(2019, 11, 19, 9, 2, tzinfo=_zone(1))


def test_a_declared_day_keeps_against_a_time_printed_another_day() -> None:
    page = _page(declared="2019-11-19", printed='<time datetime="2019-11-20T09:02:00Z">x</time>')
    assert extract(page).published == datetime(2019, 11, 19, tzinfo=timezone.utc)


def test_a_bare_printed_day_yields_to_the_same_day_printed_with_its_time() -> None:
    printed = (
        "<figure><img src='/a.jpg'><figcaption>The bridge on Tuesday, Nov. 19, 2019.</figcaption>"
        "</figure><p class='byline'>Ann Lee November 19, 2019, 9:02 AM</p>"
    )
    page = _page(printed=printed)
    assert extract(page).published == datetime(2019, 11, 19, 9, 2, tzinfo=timezone.utc)


# --- a declared time without a zone takes the printed zone ----------------------------------


@pytest.mark.parametrize(
    "printed",
    [
        '<time datetime="2024-01-15T16:20:00-08:00">Jan 15</time>',
        "<div class='date'>Published January 15, 2024 at 4:20 PM PST</div>",
    ],
)
def test_a_declared_time_without_zone_takes_the_printed_offset(printed: str) -> None:
    head = '<meta property="article:published_time" content="2024-01-15T16:20:37">'
    page = _page(head=head, printed=printed)
    assert extract(page).published == datetime(2024, 1, 15, 16, 20, 37, tzinfo=_zone(-8))


def test_a_printed_time_that_differs_leaves_the_declaration() -> None:
    page = _page(
        declared="2019-11-20T11:19:29Z",
        printed="<time datetime='2019-11-20T05:27:27-06:00'>5:27 am CST</time>",
    )
    assert extract(page).published == datetime(2019, 11, 20, 11, 19, 29, tzinfo=timezone.utc)


# --- dates and times as pages print them ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 2:16 AM EST Nov 20, 2019", datetime(2019, 11, 20, 2, 16, tzinfo=_zone(-5))),
        (
            "1:39 am EST, Wednesday, November 20, 2019",
            datetime(2019, 11, 20, 1, 39, tzinfo=_zone(-5)),
        ),
        ("Tue 19 Nov 2019 08.00 GMT", datetime(2019, 11, 19, 8, tzinfo=timezone.utc)),
        ("20 nov. 2019 à 14h30", datetime(2019, 11, 20, 14, 30, tzinfo=timezone.utc)),
        ("20. November 2019 um 14:30 MEZ", datetime(2019, 11, 20, 14, 30, tzinfo=_zone(1))),
        ("19 November 2019 10:00 UTC+05:30", datetime(2019, 11, 19, 10, tzinfo=_zone(5.5))),
        ("Nov 19, 2019 12:05 a.m.", datetime(2019, 11, 19, 0, 5, tzinfo=timezone.utc)),
        ("Nov 19, 2019 | Updated 10:15 AM", datetime(2019, 11, 19, tzinfo=timezone.utc)),
        ("Nov 19, 2019 13:00 PM", datetime(2019, 11, 19, tzinfo=timezone.utc)),
        ("Nov 19, 2019 9:00 IST", datetime(2019, 11, 19, 9, tzinfo=timezone.utc)),
        ("Nov 19, 2019 9:00 +0100", datetime(2019, 11, 19, 9, tzinfo=_zone(1))),
    ],
)
def test_a_written_date_takes_the_time_printed_next_to_it(text: str, expected: datetime) -> None:
    found = find_written_date(text)
    assert found is not None
    assert (found, found.utcoffset()) == (expected, expected.utcoffset())


def test_a_written_placeholder_year_is_skipped() -> None:
    assert list(written_dates("March 3, 0001 and March 4, 2019")) == [
        datetime(2019, 3, 4, tzinfo=timezone.utc)
    ]


def test_a_time_element_with_a_written_datetime_is_read() -> None:
    printed = '<time datetime="Wed Nov 20 2019 08:00:58 GMT+0000">Yesterday</time>'
    page = _page(declared="20 Nov 2019 08:02 GMT", printed=printed)  # not ISO 8601: not read
    assert extract(page).published == datetime(2019, 11, 20, 8, tzinfo=timezone.utc)


def test_written_dates_take_linear_time() -> None:
    def seconds(copies: int) -> float:
        text = "Nov 19, 2019 at 12:" * copies
        started = time.perf_counter()
        list(written_dates(text))
        return time.perf_counter() - started

    small, large = seconds(2_000), seconds(20_000)
    assert large < 30 * max(small, 0.001)
