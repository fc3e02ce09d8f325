"""HTML: exact round trips through our own pages, safe output, standard structured data."""

from __future__ import annotations

import io
import json as stdlib_json
import os
import re
import shutil
import subprocess
import tracemalloc
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

import articlekit
from _hostile_urls import OTHER_SCHEMES, url_articles
from articlekit import (
    Article,
    Byline,
    Embed,
    Paragraph,
    ParseError,
    Photo,
    PhotoRef,
    Quote,
    Rendition,
    Topic,
    ValidationError,
    html,
    strategies,
)

SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "_static" / "sample-article.png"
PARSER = etree.HTMLParser(no_network=True)
# Attributes that take a URL a browser may load or follow.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "background"}
# What a browser ignores around a URL (C0 controls and space) and inside it (tab and newline).
AROUND_URL = "".join(map(chr, range(0x21)))
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


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


def scheme(url: str) -> str | None:
    """The scheme a browser reads in *url* (the URL Standard's parser), ``None`` if relative."""
    found = SCHEME.match(re.sub("[\t\n\r]", "", url.strip(AROUND_URL)))
    return found.group(1).lower() if found else None


def check_urls(root: etree._Element) -> None:
    """Links and sources are http(s); body text may also link mailto:, tel: or relative."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        in_text = bool(element.xpath("ancestor::div[@class='body']"))
        for name in URL_ATTRIBUTES & set(element.attrib):
            found = scheme(element.get(name))
            allowed = {"http", "https"}
            if name == "href" and element.tag == "a" and "email" in (element.get("class") or ""):
                allowed = {"mailto"}
            elif name == "href" and element.tag == "a" and in_text:
                allowed = {"http", "https", "mailto", "tel", None}
            assert found in allowed, (element.tag, name, element.get(name))
    for meta in root.iter("meta"):
        if meta.get("property") == "og:image":
            assert scheme(meta.get("content")) in {"http", "https"}, meta.get("content")
    for script in root.iter("script"):
        data = stdlib_json.loads(script.text)
        for image in data.get("image", []):
            assert scheme(image) in {"http", "https"}, image
        links = [person.get("url") for person in data.get("author", [])]
        links += [thing.get("sameAs") for thing in data.get("about", [])]
        links += [thing.get("url") for thing in data.get("about", [])]
        for link in filter(None, links):
            assert scheme(link) in {"http", "https"}, link


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
        for name in element.attrib:
            assert not name.lower().startswith("on"), (element.tag, name)
    check_urls(root)


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
    sample = articlekit.sample()
    page = html.dumps(sample)
    # The writer never lets a page load a data: URL; the test puts the drawing in by hand.
    src = f'src="{sample.photos[0].href}"'
    assert page.count(src) == 1
    target = tmp_path / "sample.png"
    run_chromium(
        chromium,
        tmp_path,
        page.replace(src, f'src="{placeholder_photo()}"'),
        f"--screenshot={target}",
        "--window-size=1200,1600",
        "--hide-scrollbars",
    )
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("ARTICLEKIT_UPDATE_SCREENSHOT"):
        shutil.copyfile(target, SCREENSHOT)


def test_head_metadata_reader_finds_json_ld_and_opengraph():
    from articlekit._page_head import read_head_metadata
    from articlekit.html._read import parse_html

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


# -- numbers read from the page --------------------------------------------------------------


def sized_page() -> str:
    """A page whose numbers are each written once: version, sizes and a photo index."""
    photo = Photo(
        href="https://img.example.org/a.jpg",
        width=640,
        height=480,
        renditions=[Rendition(name="small", href="https://img.example.org/s.jpg", width=320)],
    )
    return html.dumps(Article(uri="urn:x", headline="H", version=7, photos=[photo]))


# Where the reader takes a number from, the text written there, and the field it becomes.
NUMBER_SITES = [
    ('data-photo="0"', "photos"),
    ('itemprop="version" content="7"', "version"),
    ('width="640"', "photos[0].width"),
    ('height="480"', "photos[0].height"),
    ('data-width="320"', "photos[0].renditions[0].width"),
]


@pytest.mark.parametrize("index", ["1", "4000", "100000000", "2147483647", "9999999999"])
def test_a_photo_index_beyond_the_figures_is_refused_before_it_sizes_anything(index):
    page = html.dumps(articlekit.sample()).replace('data-photo="0"', f'data-photo="{index}"', 1)
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as info:
            html.loads(page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.path == "photos"
    message = info.value.message
    assert re.fullmatch(
        rf"<figure data-photo> on line \d+ is {index}, but the page has 1 .*", message
    )
    assert peak < 16 * 2**20  # the page's own objects, not one per index below the number


@pytest.mark.parametrize(("written", "path"), NUMBER_SITES)
@pytest.mark.parametrize(
    "number",
    ["²", "\u0661", "\uff11", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x1", "", "9" * 4301],
    ids=repr,
)
def test_numbers_are_ascii_digits_or_a_validation_error_naming_the_attribute(written, path, number):
    page = sized_page()
    name, _, _ = written.rpartition("=")
    attribute = name.split()[-1]
    assert page.count(written) == 1
    with pytest.raises(ValidationError, match="not a number of 1 to 10 ASCII digits") as info:
        html.loads(page.replace(written, f'{name}="{number}"'))
    assert info.value.path == path
    assert f" {attribute}> on line " in info.value.message
    assert len(str(info.value)) < 200  # one short line, whatever the page holds


@pytest.mark.parametrize(("written", "path"), NUMBER_SITES[1:])
@pytest.mark.parametrize("number", ["0", "2147483648", "9999999999"])
def test_sizes_and_versions_out_of_range_name_their_field(written, path, number):
    name, _, _ = written.rpartition("=")
    with pytest.raises(ValidationError, match=f"is {number}, not from 1 to 2147483647") as info:
        html.loads(sized_page().replace(written, f'{name}="{number}"'))
    assert info.value.path == path


@pytest.mark.parametrize("urgency", [1, 9])
def test_urgency_is_a_data_attribute_of_the_article_and_reads_back(urgency):
    article = Article(uri="urn:x", headline="H", urgency=urgency)
    page = html.dumps(article)
    assert re.search(rf'<article [^>]*data-urgency="{urgency}"', page)
    assert html.loads(page) == article
    assert html.loads(html.dumps(article, fragment=True)) == article
    assert "data-urgency" not in html.dumps(Article(uri="urn:x", headline="H"))


@pytest.mark.parametrize(
    ("written", "message"),
    [("0", "is 0, not from 1 to 9"), ("10", "is 10, not from 1 to 9"),
     ("3.0", "not a number of 1 to 10 ASCII digits"), ("\u00b3", "not a number of 1 to 10")],
)  # fmt: skip
def test_an_urgency_outside_1_to_9_is_refused_naming_the_field(written, message):
    page = html.dumps(Article(uri="urn:x", headline="H", urgency=4))
    with pytest.raises(ValidationError, match=message) as info:
        html.loads(page.replace('data-urgency="4"', f'data-urgency="{written}"'))
    assert info.value.path == "urgency"
    assert "<article data-urgency> on line " in info.value.message


def test_the_cli_shows_a_bad_number_in_one_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(sized_page().replace('data-photo="0"', 'data-photo="\u00b2"'), "utf-8")
    result = subprocess.run(
        ["articlekit", "show", str(page)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "page.html" in line]
    assert "data-photo" in line


# -- URLs: written as they are, followed only where the URL policy allows ------------------

# URLs that libxml2's HTML serialiser percent-escapes, and characters around them.
TRICKY_URLS = [
    "https://example.org/café",
    "https://example.org/caf%C3%A9/é?q=ü#ß",
    "https://example.org/%zz%%'&[]{}|\\^`\u200b\u202e\U0001f4f0",
    "https://xn--caf-dma.example/ÄÖÜ?a=1&b=2",
]


def with_url(field: str, url: str) -> Article:
    """An article that holds *url* in the URL field named *field*."""
    base = {"uri": "urn:x", "headline": "H"}
    if field == "url":
        return Article(**base, url=url)
    if field == "bylines[0].uri":
        return Article(**base, bylines=[Byline(name="Ann", uri=url)])
    if field == "topics[0].uri":
        return Article(**base, topics=[Topic(name="T", uri=url)])
    if field == "photos[0].href":
        return Article(**base, photos=[Photo(href=url)])
    if field == "photos[0].renditions[0].href":
        return Article(**base, photos=[Photo(renditions=[Rendition(name="r", href=url)])])
    if field == "photos[0].uri":
        return Article(**base, photos=[Photo(uri=url)])
    if field == "body[0].url":
        return Article(**base, body=[Embed(url=url)])
    assert field == "body[0].text"
    return Article(**base, body=[Paragraph(text=f'<a href="{url.replace("&", "&amp;")}">x</a>')])


URL_FIELDS = [
    "url",
    "bylines[0].uri",
    "topics[0].uri",
    "photos[0].href",
    "photos[0].renditions[0].href",
    "photos[0].uri",
    "body[0].url",
    "body[0].text",
]


@pytest.mark.parametrize("field", URL_FIELDS)
@pytest.mark.parametrize("url", TRICKY_URLS)
def test_each_url_field_comes_back_byte_for_byte(field, url):
    article = with_url(field, url)
    page = html.dumps(article, strict=True)
    assert html.loads(page) == article
    assert html.loads(html.dumps(article, fragment=True)) == article
    written = url.replace("&", "&amp;")
    assert f'="{written}"' in page  # as it is in the attribute, not percent-escaped


@pytest.mark.parametrize(
    "href", ["/a b/café", "https://example.org/a b/ß", "mailto:zoë@example.org", "tel:+1 555 0100"]
)
def test_links_in_body_text_keep_their_spaces_and_letters(href):
    article = with_url("body[0].text", href)
    root = parse(html.dumps(article))
    assert root.find(".//div[@class='body']/p/a").get("href") == href
    assert html.loads(html.dumps(article)) == article


@given(url_articles())
def test_every_url_field_survives_an_html_round_trip_exactly(article):
    page = html.dumps(article, strict=True)  # nothing is lost, so nothing to warn about
    assert html.loads(page) == article
    assert html.loads(html.dumps(article, fragment=True, strict=True)) == article
    check_urls(parse(page))


@pytest.mark.parametrize(
    "url",
    ["data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "data:image/png;base64,AAAA"],
)
def test_a_data_url_is_kept_as_text_never_a_link_or_a_source(url):
    photo = Photo(href=url, renditions=[Rendition(name="thumb", href=url, media_type="image/png")])
    article = Article(uri="urn:x", headline="H", photos=[photo])
    page = html.dumps(article, strict=True)
    root = parse(page)
    holders = [element for element in root.iter() if url in element.attrib.values()]
    assert [element.tag for element in holders] == ["figure", "span"]
    assert holders[0].get("data-src") == url
    assert holders[0].find("img") is None
    assert holders[1].get("data-href") == url
    assert holders[1].get("data-type") == "image/png"
    assert url not in root.find("head/script").text
    assert html.loads(page) == article
    check_safe(page)


@pytest.mark.parametrize("prefix", OTHER_SCHEMES)
@pytest.mark.parametrize("field", ["bylines[0].uri", "topics[0].uri"])
def test_a_uri_of_another_scheme_is_kept_as_text_never_a_link(field, prefix):
    url = prefix + "example.org/x?y=z" if prefix.endswith("/") else prefix + "x:y:zoë"
    article = with_url(field, url)
    page = html.dumps(article, strict=True)
    root = parse(page)
    (holder,) = [element for element in root.find("body").iter() if url in element.attrib.values()]
    assert holder.tag == "span"
    assert holder.get("data-href") == url
    (data,) = [stdlib_json.loads(script.text) for script in root.iter("script")]
    thing = data["author"][0] if field.startswith("bylines") else data["about"][0]
    assert thing["identifier"] == url
    assert "url" not in thing
    assert "sameAs" not in thing
    assert html.loads(page) == article
    check_safe(page)


def test_an_e_mail_address_cannot_add_recipients_to_its_link():
    article = Article(
        uri="urn:x", headline="H", bylines=[Byline(name="Ann", email="ann,eve@example.org?cc=x")]
    )
    page = html.dumps(article)
    link = parse(page).find(".//a[@class='email']")
    assert link.get("href") == "mailto:ann%2Ceve@example.org%3Fcc=x"
    assert link.text == "ann,eve@example.org?cc=x"
    assert html.loads(page) == article


def test_the_reader_takes_the_inert_forms_of_an_embed_and_an_article_url():
    page = (
        '<article class="articlekit"><meta itemprop="identifier" content="urn:x">'
        '<meta itemprop="url" content="https://example.org/a">'
        "<header><h1>H</h1></header><div class='body'>"
        '<div class="embed"><span class="embed-link" data-href="https://example.org/é">'
        '<span class="embed-title">T</span></span></div></div></article>'
    )
    article = html.loads(page)
    assert article.url == "https://example.org/a"
    assert article.body == (Embed(url="https://example.org/é", title="T"),)


def test_chromium_reads_and_resolves_the_urls_as_the_article_holds_them(chromium, tmp_path):
    from articlekit.html._write import build_document

    article = Article(
        uri="urn:x",
        headline="H",
        url="https://example.org/café",
        bylines=[Byline(name="Zoë", uri="https://example.org/people/Zoë?a=1&b=ü")],
        photos=[
            Photo(
                href="https://img.example.org/ö.jpg",
                renditions=[Rendition(name="r", href="https://img.example.org/%41ä.jpg")],
            )
        ],
        topics=[Topic(name="T", uri="https://example.org/tags/ü'[]")],
        body=[
            Embed(url="https://example.org/ñ#frag"),
            Paragraph(text='<a href="/path with space/é">x</a> <a href="?q=a b">y</a>'),
        ],
    )
    # A script records each URL as the browser resolves it, the address it would follow.
    record = (
        "<script>for (const e of document.querySelectorAll('[href],[src]'))"
        " e.setAttribute('data-resolved', e.href || e.src)</script>\n</body>"
    )

    def resolved(page: str) -> tuple[list[str], str]:
        dumped = run_chromium(chromium, tmp_path, page.replace("</body>", record), "--dump-dom")
        found = [element.get("data-resolved") for element in parse(dumped).iter()]
        return [url for url in found if url is not None], dumped

    ours, dumped = resolved(html.dumps(article))
    # The same tree as libxml2 serialises it, percent-escaping these attributes.
    escaped = etree.tostring(build_document(article, stylesheet=True), method="html")
    before, _ = resolved("<!DOCTYPE html>\n" + escaped.decode())
    assert len(ours) == 9
    assert ours == before  # a reader follows the very same addresses as before
    assert html.loads(dumped) == article  # and the browser's DOM holds the URLs unchanged
