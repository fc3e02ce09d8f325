"""The one URL policy of the writers: what may be a link or a source, and the rest kept as data."""

from __future__ import annotations

import json as stdlib_json
import warnings

import pytest
from hypothesis import given
from lxml import etree

from _hostile_urls import url_articles, web_urls
from articlekit import (
    Article,
    Byline,
    Embed,
    Paragraph,
    Photo,
    PhotoRef,
    Rendition,
    newsml,
    ninjs,
    strategies,
)
from articlekit._urls import mailto, may_be_link, may_be_source, photo_source, scheme_of
from articlekit.inline import SAFE_LINK_SCHEMES, is_safe_link

XHTML = "{http://www.w3.org/1999/xhtml}"
# Schemes that run code, read local data, smuggle content or start an app when followed.
RISKY = [
    "javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "file:///etc/passwd",
    "filesystem:https://example.org/temporary/x",
    "blob:https://example.org/0b3e",
    "jar:https://example.org/a.jar!/x.html",
    "view-source:https://example.org/",
    "about:blank",
    "ms-msdt:/id PCWDiagnostic",
    "search-ms:query=x",
    "urn:isbn:0451450523",
    "intent://scan/#Intent;scheme=zxing;end",
]
# The same, as a browser still reads them: case, spaces, controls and tabs do not hide a scheme.
DISGUISED = [
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "jav\rascript:alert(1)",
    "DATA:image/png;base64,AAAA",
    "\x00data:,x",
]


@pytest.mark.parametrize("url", RISKY + DISGUISED)
def test_risky_schemes_are_never_a_link_or_a_source(url):
    assert not may_be_link(url)
    assert not may_be_source(url)


@pytest.mark.parametrize("url", RISKY + DISGUISED)
def test_risky_schemes_are_never_a_link_in_body_text(url):
    assert not may_be_link(url, in_text=True)
    assert not is_safe_link(url)


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("HTTPS://example.org/", "https"),
        (" http://example.org/", "http"),
        ("ht\ttp://example.org/", "http"),
        ("java\nscript:x", "javascript"),
        ("/relative/a:b", None),
        ("1http:x", None),
        ("?q=a:b", None),
        ("", None),
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(url, scheme):
    assert scheme_of(url) == scheme


@pytest.mark.parametrize("url", ["https://example.org/café", "http://[::1]/", "HTTPS://a/ b"])
def test_web_urls_may_be_links_and_sources(url):
    assert may_be_link(url)
    assert may_be_link(url, in_text=True)
    assert may_be_source(url)


@pytest.mark.parametrize("url", ["mailto:ann@example.org", "tel:+15550100", "/a b", "#top", ""])
def test_contact_and_relative_links_only_in_body_text(url):
    assert may_be_link(url, in_text=True)
    assert not may_be_link(url)
    assert not may_be_source(url)


def test_inline_markup_links_by_the_same_policy():
    assert {"http", "https", "mailto", "tel"} == SAFE_LINK_SCHEMES
    assert Paragraph(text='<a href="view-source:https://x.org/">x</a>').text == "x"
    assert Paragraph(text='<a href="tel:+1">x</a>').text == '<a href="tel:+1">x</a>'


@given(web_urls() | strategies.web_urls())
def test_every_url_the_model_takes_as_a_web_address_may_be_a_link_and_a_source(url):
    # Article.url and Embed.url are written as links and frames without a fallback.
    assert may_be_link(Article(uri="urn:x", headline="H", url=url).url)
    assert may_be_source(Embed(url=url).url)


@pytest.mark.parametrize(
    ("address", "href"),
    [
        ("ann@example.org", "mailto:ann@example.org"),
        ("ann+news@example.org", "mailto:ann+news@example.org"),
        ("ann,eve@example.org", "mailto:ann%2Ceve@example.org"),
        ("ann@example.org?cc=eve", "mailto:ann@example.org%3Fcc=eve"),
        ("a&b#c%d@example.org", "mailto:a%26b%23c%25d@example.org"),
        ("zoë@example.org", "mailto:zo%C3%AB@example.org"),
    ],
)
def test_a_mailto_link_holds_one_address_and_no_headers(address, href):
    assert mailto(address) == href


def test_a_photo_shows_the_first_image_a_browser_may_load():
    data = "data:image/png;base64,AAAA"
    web = "https://img.example.org/a.jpg"
    assert photo_source(Photo(href=web, renditions=[Rendition(name="r", href=data)])) == web
    assert photo_source(Photo(href=data, renditions=[Rendition(name="r", href=web)])) == web
    assert photo_source(Photo(href=data)) is None


def data_photo_article() -> Article:
    photo = Photo(
        href="data:image/svg+xml;base64,PHN2Zz4=",
        renditions=[Rendition(name="thumb", href="data:image/png;base64,AAAA")],
    )
    return Article(
        uri="urn:x",
        headline="H",
        photos=[photo],
        bylines=[Byline(name="Ann", uri="view-source:https://example.org/ann")],
        body=[Paragraph(text="Text."), PhotoRef(photo=0)],
    )


def test_a_ninjs_body_loads_no_data_url_and_the_item_keeps_it():
    article = data_photo_article()
    text = ninjs.dumps(article, strict=True)
    document = stdlib_json.loads(text)
    (body,) = document["bodies"]
    assert "data:" not in body["value"]
    assert "<img" not in body["value"]
    hrefs = [rendition["href"] for rendition in document["associations"][0]["renditions"]]
    assert hrefs == [article.photos[0].href, article.photos[0].renditions[0].href]
    assert document["people"][0]["uri"] == article.bylines[0].uri
    assert ninjs.loads(text) == article


def test_a_newsml_body_loads_no_data_url_and_the_picture_item_keeps_it():
    article = data_photo_article()
    data = newsml.dumps(article, strict=True)
    root = etree.fromstring(data)
    assert not list(root.iter(f"{XHTML}img"))
    assert data.count(b'href="data:') == 2  # the picture item's remoteContent, as data
    assert newsml.loads(data) == article


@given(url_articles())
def test_ninjs_and_newsml_write_every_url_byte_for_byte(article):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ninjs.loads(ninjs.dumps(article, strict=True)) == article
        assert newsml.loads(newsml.dumps(article, strict=True)) == article
    body = stdlib_json.loads(ninjs.dumps(article))["bodies"][0]["value"]
    sources = etree.fromstring(f"<div>{body}</div>", etree.HTMLParser()).iter("img")
    assert all(may_be_source(image.get("src")) for image in sources)
