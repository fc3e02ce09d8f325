"""What `extract` reads around a page's headline: the headline itself, the dek, kicker, section
and topic links. What a reader sees wins over what the page declares (docs/extract.md).
"""

from __future__ import annotations

import json

import pytest

from articlekit.extract import extract
from articlekit.model import Topic

BODY = (
    "<p>The council voted on Tuesday to close the old bridge, citing cracks in two of its piers,"
    " and to send traffic over the ring road while the repairs go on.</p>"
    "<p>Repairs are expected to take a year and cost about four million, the council said in a"
    " statement, with the first works due to start in the spring.</p>"
    "<p>Residents on both banks said they had seen the cracks grow over the winter, and several"
    " had written to the council to ask for an inspection.</p>"
)
DEK = "Engineers found cracks in two piers during a routine inspection last month."


def _page(head: str, article: str) -> str:
    return f"<html><head>{head}</head><body>{article}</body></html>"


def _declaring(**members: str) -> str:
    item = {"@context": "https://schema.org", "@type": "NewsArticle", **members}
    return f'<script type="application/ld+json">{json.dumps(item)}</script>'


# --- the headline -------------------------------------------------------------------------------


def test_the_printed_headline_wins_over_a_different_declared_one() -> None:
    head = _declaring(headline="Bridge shut") + '<meta property="og:title" content="Bridge shut">'
    page = _page(head, f"<article><h1>Old bridge to close for a year</h1>{BODY}</article>")
    assert extract(page).headline == "Old bridge to close for a year"


def test_a_logo_h1_linking_to_the_front_page_is_not_the_headline() -> None:
    logo = '<header><h1 class="logo"><a href="https://town.example/">Town News</a></h1></header>'
    article = f"<article><h2>Old bridge to close for a year</h2>{BODY}</article>"
    page = _page(_declaring(headline="Old bridge to close for a year"), logo + article)
    found = extract(page)
    assert found.headline == "Old bridge to close for a year"
    assert "Town News" not in [found.headline, found.kicker]


@pytest.mark.parametrize(
    "logo",
    [
        '<a href="https://town.example/"><h1><span>Town News</span></h1></a>',  # h1 in the link
        '<h1><svg viewBox="0 0 10 10"><title>Town News</title><path d="M0 0"/></svg></h1>',
        '<h1><img src="/logo.png" alt="Town News"></h1>',
    ],
)
def test_an_h1_printing_only_a_logo_is_not_the_headline(logo: str) -> None:
    article = f"<article><h1>Old bridge to close for a year</h1>{BODY}</article>"
    page = _page("", f"<header>{logo}</header>{article}")
    assert extract(page).headline == "Old bridge to close for a year"


def test_an_h1_naming_the_site_is_not_the_headline() -> None:
    head = (
        '<meta property="og:site_name" content="Town News">'
        '<meta property="og:title" content="Old bridge to close">'
    )
    page = _page(head, f"<h1>Town News</h1><article>{BODY}</article>")
    assert extract(page).headline == "Old bridge to close"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Old bridge to close for a year - Town News", "Old bridge to close for a year"),
        ("Old bridge to close for a year | TOWN", "Old bridge to close for a year"),
        ("Old bridge - what comes next", "Old bridge - what comes next"),  # the headline's own
    ],
)
def test_a_title_tag_loses_a_trailing_site_name(title: str, headline: str) -> None:
    head = f'<title>{title}</title><meta property="og:site_name" content="Town">'
    page = _page(head, f"<header><h1>Town</h1></header><article>{BODY}</article>")
    assert extract(page).headline == headline


def test_a_one_word_section_title_in_h1_gives_way_to_the_declared_headline() -> None:
    page = _page(
        _declaring(headline="Old bridge to close for a year"),
        f"<h1>Politics</h1><article>{BODY}</article>",
    )
    assert extract(page).headline == "Old bridge to close for a year"


def test_the_heading_printing_the_declared_headline_anchors_the_dek() -> None:
    logo = '<h1><a href="/">Town News</a></h1>'
    article = (
        f'<article><header><h2>Old bridge to close</h2><p class="standfirst">{DEK}</p>'
        f"</header>{BODY}</article>"
    )
    found = extract(_page(_declaring(headline="Old bridge to close"), logo + article))
    assert (found.headline, found.subheadline) == ("Old bridge to close", DEK)


# --- the dek ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dek",
    [
        f'<div class="articleDek dekSummary___Gc3x">{DEK}</div>',  # camelCase, CSS modules
        f'<div class="ArticlePage-subHeadline">{DEK}</div>',
        f'<div class="post-description">{DEK}</div>',
        f'<p class="article-leader">{DEK}</p>',
    ],
)
def test_dek_classes_as_publishing_systems_name_them(dek: str) -> None:
    page = _page("", f"<article><header><h1>Old bridge to close</h1>{dek}</header>{BODY}</article>")
    assert extract(page).subheadline == DEK


@pytest.mark.parametrize(
    "line", ["UPDATED: Tue., Nov. 19, 2019", "By Ann Lee and Bo Chan, Town News staff", "Town"]
)
def test_a_date_or_byline_line_under_the_headline_is_not_the_dek(line: str) -> None:
    page = _page("", f"<article><header><h1>Old bridge</h1><p>{line}</p></header>{BODY}</article>")
    assert extract(page).subheadline is None


def test_a_picture_box_named_like_a_dek_is_not_the_dek() -> None:
    lede = (
        '<div class="ArticlePage-lede"><figure><img src="https://img.example/a.jpg">'
        "<figcaption>The bridge from the east.</figcaption></figure></div>"
    )
    page = _page(
        "", f"<article><header><h1>Old bridge to close</h1>{lede}</header>{BODY}</article>"
    )
    assert extract(page).subheadline is None


@pytest.mark.parametrize(
    ("tag", "dek"),
    [
        ("h2", DEK),
        ("span", DEK),
        ("div", DEK),
        (
            "p",
            "\n  <strong>Engineers</strong> found cracks"
            + DEK.removeprefix("Engineers found cracks"),
        ),
    ],
)
def test_the_declared_description_printed_under_the_headline_is_the_dek(tag: str, dek: str) -> None:
    head = f'<meta name="description" content="{DEK}">'
    page = _page(head, f"<div><h1>Old bridge to close</h1><{tag}>{dek}</{tag}>{BODY}</div>")
    found = extract(page)
    assert found.subheadline == DEK
    assert DEK not in [getattr(block, "text", "") for block in found.body]


def test_each_declared_description_is_tried_og_and_meta_name() -> None:
    head = (
        '<meta property="og:description" content="Cracks found in two piers.">'
        f'<meta name="description" content="{DEK}">'
    )
    page = _page(head, f"<main><h1>Old bridge to close</h1><h3>{DEK}</h3>{BODY}</main>")
    assert extract(page).subheadline == DEK


def test_a_declared_description_printed_only_in_the_body_is_not_a_dek() -> None:
    head = f'<meta name="description" content="{DEK}">'
    body = BODY + f"<p>{DEK}</p>"
    assert extract(_page(head, f"<article><h1>Old bridge</h1>{body}</article>")).subheadline is None


def test_a_declared_subheadline_repeating_the_headline_is_no_dek() -> None:
    head = _declaring(headline="Old bridge to close", alternativeHeadline="Old Bridge To Close")
    page = _page(head, f"<article><h1>Old bridge to close</h1>{BODY}</article>")
    assert extract(page).subheadline is None


def test_a_dek_hidden_on_small_screens_only_is_still_read() -> None:
    head = f'<meta name="description" content="{DEK}">'
    dek = f'<h2 class="pb10 hidden-xs">{DEK}</h2>'
    page = _page(head, f'<div class="arti-hd"><h1>Old bridge to close</h1>{dek}</div>{BODY}')
    assert extract(page).subheadline == DEK


# --- kicker, section and topics -----------------------------------------------------------------


def test_a_category_link_in_the_byline_line_is_the_section_over_the_declared_one() -> None:
    byline = (
        '<p class="byline">By Ann Lee - <span><a class="chunk category" '
        'href="https://town.example/health">Health</a></span></p>'
    )
    head = _declaring(articleSection="News")
    page = _page(head, f"<article><header><h1>Old bridge</h1>{byline}</header>{BODY}</article>")
    assert extract(page).section == "Health"


def test_a_lone_tag_link_above_the_headline_is_the_kicker_and_a_topic() -> None:
    tag = '<div class="post-card-primary-tag"><a href="/tag/bridges/">Bridges</a></div>'
    page = _page("", f"<article><header>{tag}<h1>Old bridge</h1></header>{BODY}</article>")
    found = extract(page)
    assert (found.kicker, found.topics) == ("Bridges", (Topic(name="Bridges"),))


def test_a_category_and_a_tag_link_above_the_headline_stay_apart() -> None:
    links = (
        '<a rel="category tag" href="/category/town/">Town</a>'
        '<a rel="tag" href="/tag/bridges/">Bridges</a>'
    )
    page = _page("", f"<article><header>{links}<h1>Old bridge</h1></header>{BODY}</article>")
    found = extract(page)
    assert (found.kicker, found.topics) == ("Town", (Topic(name="Bridges"),))


def test_topic_links_each_in_an_item_box_of_their_own_are_a_list() -> None:
    tags = (
        '<div class="field field--name-field-tags field__items">'
        '<div class="field__item"><a href="/tags/bridges">Bridges</a></div>'
        '<div class="field__item"><a href="/tags/roads">Roads</a></div></div>'
    )
    page = _page("", f"<article><h1>Old bridge</h1>{BODY}{tags}</article>")
    assert extract(page).topics == (Topic(name="Bridges"), Topic(name="Roads"))
