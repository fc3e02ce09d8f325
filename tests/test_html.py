"""HTML: exact round trips through our own pages, safe output, standard structured data."""

from __future__ import annotations

import io
import json as stdlib_json
import os
import shutil
import subprocess
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

import articlekit
from articlekit import (
    Article,
    Byline,
    Embed,
    Paragraph,
    ParseError,
    Photo,
    PhotoRef,
    Quote,
    ValidationError,
    html,
    strategies,
)

SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "_static" / "sample-article.png"
PARSER = etree.HTMLParser(no_network=True)
# Attributes that take a URL a browser may load or follow.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "background"}


def parse(text: str) -> etree._Element:
    return etree.fromstring(text, PARSER)


# -- round trip ------------------------------------------------------------------------------


@given(strategies.articles())
def test_generated_articles_survive_an_html_round_trip(article):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # HTML carries every field: no loss warning
        page = html.dumps(article)
    assert html.loads(page) == article


@given(strategies.articles())
def test_generated_articles_survive_a_fragment_round_trip(article):
    fragment = html.dumps(article, fragment=True, strict=True)
    assert fragment.startswith("<article")
    assert html.loads(fragment) == article


def test_sample_round_trips_from_text_bytes_and_files():
    sample = articlekit.sample()
    page = html.dumps(sample)
    assert html.loads(page) == sample
    assert html.loads(page.encode("utf-8")) == sample
    assert html.loads(b"\xef\xbb\xbf" + page.encode("utf-8")) == sample
    buffer = io.BytesIO()
    html.dump(sample, buffer)
    buffer.seek(0)
    assert html.load(buffer) == sample


def test_page_without_stylesheet_has_no_style_and_reads_back():
    sample = articlekit.sample()
    page = html.dumps(sample, stylesheet=False)
    assert "<style" not in page
    assert html.loads(page) == sample


def test_dumped_page_is_stable():
    sample = articlekit.sample()
    assert html.dumps(html.loads(html.dumps(sample))) == html.dumps(sample)


def test_photo_credit_caption_and_rendition_survive_html_round_trip():
    photo = Photo(
        renditions=[articlekit.Rendition(name="thumb", href="data:image/png;base64,AAAA")],
        caption="Relatives wait.",
        credit="A. Person/Agency",
        alt_text="People",
        width=10,
    )
    article = Article(uri="urn:x", headline="H", photos=[photo, photo], body=[PhotoRef(photo=1)])
    assert html.loads(html.dumps(article)) == article


def test_times_keep_their_offsets_and_microseconds():
    moment = datetime(2026, 3, 14, 8, 0, 0, 250, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    article = Article(uri="urn:x", headline="H", published=moment, embargoed=moment)
    again = html.loads(html.dumps(article))
    assert again.published.utcoffset() == moment.utcoffset()
    assert again.published.microsecond == 250


# -- the page's shape ------------------------------------------------------------------------


def test_page_has_the_semantic_parts_of_an_article():
    root = parse(html.dumps(articlekit.sample()))
    assert root.get("lang") == "en"
    assert root.findtext("head/title").startswith("Eleven hostages")
    assert root.find("head/link[@rel='canonical']").get("href").startswith("https://")
    article = root.find("body/article")
    assert article.find("header/p[@class='kicker']").text == "Update Desk"
    assert article.find("header/h1").text.startswith("Eleven hostages")
    figure = article.find("header/figure")
    assert figure.find("img").get("src").endswith(".jpg")
    assert figure.find("figcaption/span[@class='credit']").text == "Tomas Reyval/Northwind Press"
    assert len(article.findall("div[@class='body']/p")) == 10
    assert article.find("ul[@class='topics']/li//span[@class='name']").text == "Hostages"
    assert article.find("header/p[@class='meta']/time").get("datetime") == (
        "2026-03-14T06:00:00+00:00"
    )


def test_head_has_opengraph_and_article_meta():
    root = parse(html.dumps(articlekit.sample()))
    meta = {m.get("property"): m.get("content") for m in root.iter("meta") if m.get("property")}
    assert meta["og:type"] == "article"
    assert meta["og:title"].startswith("Eleven hostages")
    assert meta["og:image"].endswith(".jpg")
    assert meta["article:published_time"] == "2026-03-14T06:00:00+00:00"
    assert meta["article:section"] == "World"


def test_json_ld_is_a_news_article_with_googles_recommended_properties():
    article = Article(
        uri="urn:x",
        headline="H",
        bylines=[Byline(name="Ann Lee", uri="https://example.org/ann")],
        photos=[Photo(href="https://img.example.org/1.jpg")],
        published=datetime(2026, 1, 1, tzinfo=timezone.utc),
        updated=datetime(2026, 1, 2, tzinfo=timezone.utc),
        provider="Northwind",
    )
    (script,) = parse(html.dumps(article)).iter("script")
    data = stdlib_json.loads(script.text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "H"
    assert data["image"] == ["https://img.example.org/1.jpg"]
    assert data["datePublished"] == "2026-01-01T00:00:00+00:00"
    assert data["dateModified"] == "2026-01-02T00:00:00+00:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Ann Lee", "url": "https://example.org/ann"}
    ]
    assert data["publisher"] == {"@type": "Organization", "name": "Northwind"}


def test_embed_is_a_plain_link_and_quote_has_its_attribution():
    article = Article(
        uri="urn:x",
        headline="H",
        body=[
            Embed(url="https://video.example.org/1", title="Video"),
            Quote(text="Q", attribution="Ann"),
        ],
    )
    root = parse(html.dumps(article, fragment=True))
    assert root.find(".//div[@class='embed']/a").get("href") == "https://video.example.org/1"
    assert root.find(".//iframe") is None
    assert root.find(".//blockquote/footer/cite").text == "Ann"


# -- safety ----------------------------------------------------------------------------------


def check_safe(page: str) -> None:
    root = parse(page)
    scripts = list(root.iter("script"))
    assert len(scripts) <= 1
    for script in scripts:
        assert script.get("type") == "application/ld+json"
        for character in "<>&":
            assert character not in script.text
        stdlib_json.loads(script.text)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in {"iframe", "object", "embed", "applet", "base", "form"}
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in URL_ATTRIBUTES:
                url = "".join(value.split()).lower()
                assert not url.startswith(("javascript:", "vbscript:", "file:")), value
                if url.startswith("data:"):
                    assert url.startswith("data:image/"), value
                    assert name == "src" or element.tag == "a", (element.tag, name)


@given(strategies.articles())
def test_generated_pages_have_no_active_content(article):
    page = html.dumps(article)
    check_safe(page)
    assert page.count("</script>") == 1


def test_script_payloads_in_every_text_field_stay_text():
    payload = '</script><script>document.title="pwned"</script><!--'
    article = hostile_article(payload)
    page = html.dumps(article)
    check_safe(page)
    assert html.loads(page) == article
    assert page.count("<script") == 1


def test_model_refuses_javascript_and_data_urls_before_html_sees_them():
    with pytest.raises(ValidationError):
        Embed(url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        Photo(href="data:text/html,<script>alert(1)</script>")
    with pytest.raises(ValidationError):
        Article(uri="urn:x", headline="H", url="data:text/html,x")
    assert Paragraph(text='<a href="javascript:alert(1)">x</a>').text == "x"


def hostile_article(payload: str) -> Article:
    return Article(
        uri="urn:x:1",
        headline=f"Headline {payload}",
        subheadline=payload,
        kicker=payload,
        section=payload,
        summary=payload,
        slugline=payload,
        bylines=[Byline(name=payload, role=payload, affiliation=payload, bio=payload)],
        photos=[
            Photo(
                href="https://img.example.org/a.jpg",
                caption=payload,
                credit=payload,
                alt_text=payload,
                copyright_notice=payload,
            )
        ],
        topics=[articlekit.Topic(name=payload)],
        keywords=[payload],
        body=[
            Paragraph.from_text(payload),
            Paragraph(text="Text " + payload + '<img src=x onerror="document.title=1">'),
            Quote(text=articlekit.inline.escape_text(payload), attribution=payload),
            Embed(url="https://video.example.org/1", title=payload),
        ],
        dateline=payload,
        located=payload,
        provider=payload,
        copyright_holder=payload,
        copyright_notice=payload,
        usage_terms=payload,
        editor_note=payload,
    )


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize("data", ["", "   ", b"", b"\xff\xfe<html>"])
def test_empty_or_undecodable_input_is_a_parse_error(data):
    with pytest.raises(ParseError):
        html.loads(data)


def test_page_without_article_is_a_validation_error():
    with pytest.raises(ValidationError, match="no <article>"):
        html.loads("<html><body><p>Hello</p></body></html>")


def test_article_without_headline_names_the_field():
    with pytest.raises(ValidationError) as info:
        html.loads('<article class="articlekit"><header></header></article>')
    assert info.value.path == "headline"


def test_bad_values_name_their_field():
    page = html.dumps(
        Article(uri="urn:x", headline="H", published=datetime(2026, 1, 1, tzinfo=timezone.utc))
    )
    with pytest.raises(ValidationError) as info:
        html.loads(page.replace("2026-01-01T00:00:00+00:00", "yesterday"))
    assert info.value.path == "published"
    with pytest.raises(ValidationError) as info:
        html.loads(page.replace('itemprop="version" content="1"', 'itemprop="version" content="x"'))
    assert info.value.path == "version"


def test_deep_nesting_is_bounded_and_refused_cleanly():
    # libxml2 stops nesting at 255 levels itself; either way the caller gets our error.
    with pytest.raises((ParseError, ValidationError)):
        html.loads("<article>" + "<div>" * 400 + "</div>" * 400 + "</article>")


def test_text_mode_files_are_refused():
    with pytest.raises(TypeError, match="binary"):
        html.load(io.StringIO("<article></article>"))
    with pytest.raises(TypeError, match="binary"):
        html.dump(articlekit.sample(), io.StringIO())


def test_dumps_refuses_what_is_not_an_article():
    with pytest.raises(TypeError):
        html.dumps({"headline": "H"})


def test_html_module_all_is_pinned():
    assert sorted(html.__all__) == ["dump", "dumps", "load", "loads"]


# -- an independent structured-data reader -------------------------------------------------


def test_extruct_reads_the_same_headline_authors_dates_and_images():
    extruct = pytest.importorskip("extruct", reason="extruct is a test dependency")
    article = Article(
        uri="urn:x",
        headline="Talks resume </script><!--",
        url="https://news.example.org/a",
        bylines=[
            Byline(name="Ann Lee", uri="https://example.org/ann"),
            Byline(name="Bo Chen", role="photographer"),
        ],
        photos=[
            Photo(href="https://img.example.org/1.jpg"),
            Photo(href="https://img.example.org/2.jpg?a=1&b=2"),
        ],
        published=datetime(2026, 3, 14, 8, tzinfo=timezone(timedelta(hours=2))),
        updated=datetime(2026, 3, 14, 9, 45, 30, tzinfo=timezone.utc),
        provider="Northwind Press",
    )
    data = extruct.extract(
        html.dumps(article), base_url=article.url, syntaxes=["json-ld", "opengraph", "microdata"]
    )
    (ld,) = data["json-ld"]
    assert ld["@type"] == "NewsArticle"
    assert ld["headline"] == article.headline
    assert [author["name"] for author in ld["author"]] == ["Ann Lee", "Bo Chen"]
    assert ld["author"][0]["url"] == "https://example.org/ann"
    assert datetime.fromisoformat(ld["datePublished"]) == article.published
    assert datetime.fromisoformat(ld["dateModified"]) == article.updated
    assert ld["image"] == [photo.href for photo in article.photos]
    assert ld["publisher"] == {"@type": "Organization", "name": "Northwind Press"}
    (og,) = data["opengraph"]
    properties = dict(og["properties"])
    assert properties["og:title"] == article.headline
    assert properties["og:type"] == "article"
    (item,) = [item for item in data["microdata"] if item["type"].endswith("NewsArticle")]
    assert item["properties"]["headline"] == article.headline


def test_extruct_reads_the_sample_page():
    extruct = pytest.importorskip("extruct", reason="extruct is a test dependency")
    sample = articlekit.sample()
    data = extruct.extract(html.dumps(sample), syntaxes=["json-ld"])
    (ld,) = data["json-ld"]
    assert ld["headline"] == sample.headline
    assert ld["image"] == [sample.lead_photo.href]
    assert datetime.fromisoformat(ld["datePublished"]) == sample.published


# -- a real browser ------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium binary on PATH (Debian: apt-get install -y chromium)")


def run_chromium(chromium, tmp_path, page: str, *flags: str) -> str:
    page_file = tmp_path / "page.html"
    page_file.write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *flags, page_file.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_chromium_runs_a_script_when_there_is_one(chromium, tmp_path):
    # The control: the harness sees it when a script runs, so the next test means something.
    control = "<!DOCTYPE html><title>before</title><script>document.title='ran'</script>"
    dom = parse(run_chromium(chromium, tmp_path, control, "--dump-dom"))
    assert dom.findtext("head/title") == "ran"


def test_chromium_shows_the_headline_and_runs_no_payload(chromium, tmp_path):
    payload = (
        "</script><script>document.title='pwned';"
        "document.body.appendChild(document.createElement('pwned'))</script><!--"
        "<img src=x onerror=\"document.title='pwned'\">"
    )
    article = hostile_article(payload)
    page = html.dumps(article)
    dumped = run_chromium(chromium, tmp_path, page, "--dump-dom")
    dom = parse(dumped)
    assert dom.findtext("head/title") == article.headline
    assert dom.find("body/article/header/h1").text == article.headline
    assert "pwned" not in {element.tag for element in dom.iter()}
    assert [script.get("type") for script in dom.iter("script")] == ["application/ld+json"]
    # What the browser built is what we wrote: it reads back to the same article.
    assert html.loads(dumped) == article


def placeholder_photo() -> str:
    """A drawn stand-in for the sample's photo, whose URL is an example address."""
    import base64

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067" viewBox="0 0 160 107">'
        '<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">'
        '<stop offset="0" stop-color="#0d1b2a"/><stop offset="1" stop-color="#415a77"/>'
        "</linearGradient></defs>"
        '<rect width="160" height="107" fill="url(#s)"/>'
        '<rect x="20" y="30" width="120" height="60" fill="#1b263b"/>'
        '<rect x="65" y="55" width="30" height="35" fill="#e0c97f" opacity=".85"/>'
        '<circle cx="15" cy="25" r="3" fill="#ffe8a3"/>'
        '<circle cx="145" cy="25" r="3" fill="#ffe8a3"/>'
        + "".join(
            f'<ellipse cx="{x}" cy="92" rx="4" ry="9" fill="#0b0f19"/>'
            f'<circle cx="{x}" cy="80" r="3" fill="#0b0f19"/>'
            for x in (30, 40, 52, 105, 117, 128, 138)
        )
        + "</svg>"
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def test_chromium_screenshot_of_the_sample(chromium, tmp_path):
    import attrs

    sample = articlekit.sample()
    lead = attrs.evolve(sample.photos[0], href=placeholder_photo())
    shown = attrs.evolve(sample, photos=[lead])
    target = tmp_path / "sample.png"
    run_chromium(
        chromium,
        tmp_path,
        html.dumps(shown),
        f"--screenshot={target}",
        "--window-size=1200,1600",
        "--hide-scrollbars",
    )
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("ARTICLEKIT_UPDATE_SCREENSHOT"):
        shutil.copyfile(target, SCREENSHOT)


def test_head_metadata_reader_finds_json_ld_and_opengraph():
    from articlekit._html_read import parse_html, read_head_metadata

    metadata = read_head_metadata(parse_html(html.dumps(articlekit.sample())))
    (ld,) = metadata["json_ld"]
    assert ld["headline"] == articlekit.sample().headline
    assert metadata["meta"]["og:type"] == ["article"]
    assert metadata["meta"]["article:tag"] == list(articlekit.sample().keywords)


def test_a_long_article_round_trips():
    paragraphs = [
        Paragraph(text=f'Paragraph {n} with <em>markup</em> and <a href="/p/{n}">a link</a>.')
        for n in range(2000)
    ]
    photos = [Photo(href=f"https://img.example.org/{n}.jpg") for n in range(100)]
    body = [*paragraphs, *(PhotoRef(photo=n) for n in range(0, 100, 2))]
    long = Article(uri="urn:x", headline="Long", photos=photos, body=body)
    assert html.loads(html.dumps(long)) == long


def test_entities_and_external_resources_are_never_resolved():
    page = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<html><body><article class="articlekit"><meta itemprop="identifier" content="urn:x">'
        "<header><h1>&xxe; &b;</h1></header></article></body></html>"
    )
    assert html.loads(page).headline == "&xxe; &b;"
