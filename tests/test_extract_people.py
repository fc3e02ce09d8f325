"""Bylines as the reader sees them: the printed byline against the declared ``author``.

Each page is a small hand-written snippet in the shape of a common template; none is copied.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit.extract import extract
from articlekit.web._people import byline_names, is_person_name

BODY = (
    "<p>The council voted on Tuesday to close the old bridge, citing cracks in two piers.</p>"
    "<p>Traffic will be sent over the ring road, which adds about ten minutes, officials said.</p>"
    "<p>Repairs are expected to take a year and cost about four million, the council said.</p>"
)


def _declaring(*authors: dict[str, str]) -> str:
    """A JSON-LD NewsArticle whose ``author`` is *authors*."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge shut"}
    data["author"] = list(authors)  # type: ignore[assignment]
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _page(header: str, head: str = "", before: str = "", after: str = "") -> str:
    """A page whose article header holds the ``<h1>`` and *header*."""
    return (
        f"<html><head>{head}</head><body>{before}<article>"
        f"<header><h1>Bridge shut</h1>{header}</header>{BODY}</article>{after}</body></html>"
    )


def _names(page: str) -> list[str]:
    return [byline.name for byline in extract(page).bylines]


SITE = {"@type": "Organization", "name": "Valley Gazette"}
ANN = {"@type": "Person", "name": "Ann Lee"}


# --- the printed byline wins over the declared author ----------------------------------------


def test_printed_person_wins_over_the_site_declared_as_author() -> None:
    page = _page('<p class="byline">By <a href="/staff/ann-lee">Ann Lee</a></p>', _declaring(SITE))
    assert _names(page) == ["Ann Lee"]


def test_printed_two_writers_win_over_one_declared() -> None:
    page = _page('<div class="byline">By Ann Lee and Bo Chan</div>', _declaring(ANN))
    assert _names(page) == ["Ann Lee", "Bo Chan"]


def test_printed_author_links_list_every_writer() -> None:
    byline = (
        '<p class="byline">By <span class="by-author"><a rel="author" href="/a/ann">Ann Lee</a>,'
        '</span> <span class="by-author"><a rel="author" href="/a/bo">Bo Chan</a></span> '
        '<a class="category" href="/news">News</a></p>'
    )
    assert _names(_page(byline, _declaring(ANN))) == ["Ann Lee", "Bo Chan"]


def test_author_parts_of_a_byline_block_are_one_name_each() -> None:
    byline = (
        '<div class="article-byline"><ul class="authors"><li class="author"><span>Kari Haugen'
        '</span></li><li class="author"><span>Per Lund</span></li></ul><div class="dates">'
        "Published: 14 February 2024 08:15</div></div>"
    )
    assert _names(_page(byline, _declaring({"name": "Kari Haugen"}))) == [
        "Kari Haugen",
        "Per Lund",
    ]


def test_printed_spelling_of_the_declared_names_wins() -> None:
    page = _page('<p class="byline">By Ann Lee</p>', _declaring({"name": "By ANN LEE, AP"}))
    assert _names(page) == ["Ann Lee"]


# --- the declared names stay -------------------------------------------------------------------


def test_declared_organisation_stays_when_no_byline_is_printed() -> None:
    assert _names(_page("<p>Tuesday 4 June</p>", _declaring(SITE))) == ["Valley Gazette"]


@pytest.mark.parametrize("credit", ["By Staff", "By Reuters", "By the newsroom"])
def test_a_printed_credit_that_is_no_person_leaves_the_declared_names(credit: str) -> None:
    page = _page(f'<p class="byline">{credit}</p>', _declaring(ANN))
    assert _names(page) == ["Ann Lee"]


def test_a_printed_credit_is_the_byline_when_nothing_is_declared() -> None:
    assert _names(_page('<p class="byline">By Reuters</p>')) == ["Reuters"]


def test_printed_names_that_are_some_of_the_declared_ones_leave_them_all() -> None:
    page = _page(
        '<p class="byline">By <a rel="author" href="/a/ann">Ann Lee</a></p>',
        _declaring(ANN, {"@type": "Person", "name": "Bo Chan"}),
    )
    assert _names(page) == ["Ann Lee", "Bo Chan"]


def test_declared_names_joined_by_and_are_two_people() -> None:
    page = _page("", _declaring({"name": "MEG KINNARD and ERRIN HAINES"}))
    assert _names(page) == ["MEG KINNARD", "ERRIN HAINES"]


def test_a_declared_company_with_an_ampersand_stays_one_name() -> None:
    assert _names(_page("", _declaring({"name": "Johnson & Johnson"}))) == ["Johnson & Johnson"]


# --- a printed line read as names ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("By MEG KINNARD AND ERRIN HAINES", ["MEG KINNARD", "ERRIN HAINES"]),
        ("Meg Kinnard and Errin Haines, Associated Press", ["Meg Kinnard", "Errin Haines"]),
        ("By Ann Lee, Bo Chan and Cy Dee, Reuters", ["Ann Lee", "Bo Chan", "Cy Dee"]),
        ("By Ann Lee, Staff Writer", ["Ann Lee"]),
        ("Jeff FoustMonday, November 18, 2019", ["Jeff Foust"]),
        ("By Ann Lee Nov. 19, 2019, 9:02 AM", ["Ann Lee"]),
        ("By Ann Lee 18 November 2019", ["Ann Lee"]),
        ("Ann Lee Updated 4 June", ["Ann Lee"]),
        ("Posted by Ann Lee", ["Ann Lee"]),
        ("Yasemin Saplakoglu - Staff Writer", ["Yasemin Saplakoglu"]),
        ("Calum Reid -", ["Calum Reid"]),
        ("By May Chen", ["May Chen"]),
    ],
)
def test_byline_names(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "name", ["Ann Lee", "Troy L. Smith", "Abigail Van Buren", "MEG KINNARD", "Ludwig van Beethoven"]
)
def test_person_names(name: str) -> None:
    assert is_person_name(name)


@pytest.mark.parametrize(
    "name",
    ["Staff", "Reuters", "Photo: Bo Chan", "@annlee", "the newsroom", "5 min", "Ann Lee - Reporter",
     "Watch this: the mayor speaks at length about the bridge and the road"],
)  # fmt: skip
def test_not_person_names(name: str) -> None:
    assert not is_person_name(name)


def test_date_glued_to_the_name_is_cut_off() -> None:
    byline = '<h3 class="byline">by Jeff Foust<br><span>Monday, November 18, 2019</span></h3>'
    assert _names(_page(byline)) == ["Jeff Foust"]


def test_date_in_the_byline_block_is_no_name() -> None:
    byline = (
        '<p class="byline">By <a href="/cdn/email">Mike Wuerthele and Malcolm Owen</a><br>'
        '<span class="gray">Monday, November 18, 2019, 04:05 pm PT</span></p>'
    )
    page = _page(byline, _declaring({"@type": "Organization", "name": "AppleInsider"}))
    assert _names(page) == ["Mike Wuerthele", "Malcolm Owen"]


def test_affiliation_after_the_last_name_is_no_writer() -> None:
    byline = '<p class="byline ap-byline">Meg Kinnard and Errin Haines, Associated Press</p>'
    page = _page(byline, _declaring({"name": "MEG KINNARD and ERRIN HAINES"}))
    assert _names(page) == ["Meg Kinnard", "Errin Haines"]


def test_job_part_of_a_byline_is_no_writer() -> None:
    byline = (
        '<div class="story-byline"><div class="byline-original">By DANICA KIRKA and JILL LAWLESS'
        '</div><div class="byline-title">Associated Press</div></div>'
    )
    assert _names(_page(byline)) == ["DANICA KIRKA", "JILL LAWLESS"]


def test_link_to_the_papers_home_page_is_no_writer() -> None:
    byline = (
        '<ul><li class="publication-author ks-author-byline"><a href="/authors/tanza">Tanza '
        'Loudenback</a>, <a href="http://www.paper.example/">Business Insider</a></li></ul>'
    )
    assert _names(_page(byline)) == ["Tanza Loudenback"]


# --- bylines in templates without "By" or a byline class ----------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="attribution"><span class="author">Elliot Brownstein</span>'
        '<span class="publication">Florida Today</span></div>',
        '<div class="node__meta"><span class="field field--name-field-author">Elliot Brownstein'
        "</span> "
        '<span class="field field--name-created">18 July 2024, 09:30</span></div>',
        '<p class="about"><span>Von</span> <span><a class="author-link" href="/author/eb">'
        "Elliot Brownstein</a></span> <span>publiziert am 25. September 2018</span></p>",
        '<div class="td-post-author-name"><div class="td-author-by">By</div> '
        '<a href="/author/eb/">Elliot Brownstein</a><div class="td-author-line"> - </div></div>',
        '<span itemprop="author" itemscope><span itemprop="name">Elliot Brownstein</span></span>',
    ],
)
def test_byline_without_by_or_byline_class(byline: str) -> None:
    assert _names(_page(byline, _declaring(SITE))) == ["Elliot Brownstein"]


def test_name_in_a_headers_meta_line_beside_a_date() -> None:
    meta = '<div class="post-meta"><span>April 9, 2024</span> · 5 min · Nadia Ferreira</div>'
    page = _page(meta, _declaring({"@type": "Person", "name": "Fenland Skies"}))
    assert _names(page) == ["Nadia Ferreira"]


def test_a_meta_line_of_categories_names_no_one() -> None:
    meta = '<div class="post-meta">April 9, 2024 · Observing · Leave a comment</div>'
    assert _names(_page(meta, _declaring(SITE))) == ["Valley Gazette"]


# --- where the byline is looked for ----------------------------------------------------------


def test_byline_beside_the_headline_wins_over_one_earlier_on_the_page() -> None:
    before = '<div class="teaser"><a rel="author" href="/a/other">Otto Berg</a></div>'
    page = _page('<p class="byline">By Ann Lee</p>', before=before)
    assert _names(page) == ["Ann Lee"]


def test_bylines_in_asides_and_comments_are_not_the_articles() -> None:
    aside = '<aside><p class="byline">By Otto Berg</p></aside>'
    comments = '<div class="comment-author vcard"><cite class="fn">Joe Bloggs</cite></div>'
    page = _page("", _declaring(SITE), before=aside, after=comments)
    assert _names(page) == ["Valley Gazette"]


def test_photo_credit_classed_as_a_byline_is_no_writer() -> None:
    figure = (
        '<figure><img src="/img/bridge.jpg" alt="The bridge"><figcaption>The old bridge. '
        '<span class="byline">Bo Chan</span></figcaption></figure>'
    )
    assert _names(_page(figure, _declaring(ANN))) == ["Ann Lee"]


def test_author_box_with_the_writers_stories_is_not_read_as_names() -> None:
    stories = "".join(
        f'<li><a href="/story/{n}">Watch Jeff Goldblum, Sharon Van Etten Play {n}</a></li>'
        for n in range(8)
    )
    byline = (
        '<div class="c-byline"><em>By</em> <a rel="author" href="/author/ryan-reed/">Ryan Reed</a>'
        f'<div class="c-author"><h4 class="c-author__heading">Ryan Reed\'s Most Recent Stories'
        f"</h4><ul>{stories}</ul><a href='/author/ryan-reed/'>View All</a></div></div>"
    )
    assert _names(_page(byline, _declaring(SITE))) == ["Ryan Reed"]


def test_many_nested_author_elements_end_quickly() -> None:
    nested = '<div class="author">' * 100 + "x " * 100_000 + "</div>" * 100
    many = '<span class="author">Ann Lee</span>' * 1_000
    assert _names(_page(nested + many)) == []  # the first 50 candidates name no one
    assert _names(_page(nested[:800] + many)) == ["Ann Lee"]


@given(st.text(max_size=200))
def test_any_line_reads_as_clean_names(line: str) -> None:
    names = byline_names(line)
    assert all(name and name == name.strip() for name in names)
    assert all(isinstance(is_person_name(name), bool) for name in [line, *names])
