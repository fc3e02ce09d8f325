"""URL inputs: fetched within limits from a server on the loopback address, never the internet."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import articlekit
import articlekit.cli
from _web_server import HEADLINE, NEWS_PAGE, SLOW_SECONDS, WebServer, serving
from articlekit import json, ninjs, web
from articlekit._cli_paths import url_stem
from articlekit.web import _fetch
from articlekit.web._fetch import FetchError, fetch, is_url


@pytest.fixture(scope="module")
def server() -> Iterator[WebServer]:
    with serving() as running:
        yield running


def cli(capture: pytest.CaptureFixture[bytes], *arguments: object) -> tuple[int, str, str]:
    """Run the command in this process; return its status, standard output and error."""
    try:
        status = articlekit.cli.main([str(argument) for argument in arguments])
    except SystemExit as exit:  # argparse ends usage errors so
        status = int(exit.code or 0)
    captured = capture.readouterr()
    return status, captured.out.decode(), captured.err.decode()


# --- fetching -------------------------------------------------------------------------------


def test_a_page_is_fetched_with_articlekits_user_agent(server):
    page = fetch(server.url("/news.html"))
    assert page.read() == NEWS_PAGE.encode()
    assert page.url == server.url("/news.html")
    assert page.charset == "utf-8"
    headers = server.seen[-1]
    agent = f"articlekit/{articlekit.__version__} (+https://github.com/articlekit/articlekit)"
    assert headers["User-Agent"] == agent


def test_redirects_are_followed_up_to_five(server):
    assert fetch(server.url("/hop/4")).url == server.url("/news.html")  # five redirects
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(server.url("/hop/5"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(server.url("/loop"))


@pytest.mark.parametrize("path", ["/to-file", "/to-ftp"])
def test_a_redirect_to_another_scheme_is_refused(server, path):
    with pytest.raises(FetchError, match="only http and https URLs are fetched"):
        fetch(server.url(path))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a", "data:,x"])
def test_only_http_and_https_urls_are_fetched(url):
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url)


@pytest.mark.parametrize(("path", "status"), [("/missing", "404 Not Found"), ("/error", "500")])
def test_an_error_status_is_a_fetch_error(server, path, status):
    with pytest.raises(FetchError, match=f"HTTP status {status}"):
        fetch(server.url(path))


def test_a_slow_server_times_out(server):
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/slow.html"), timeout=SLOW_SECONDS / 10)


def test_a_closed_port_is_one_clear_error(server):
    with WebServer() as closed:
        url = closed.url("/news.html")  # the port is free again once the block ends
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(url, timeout=5)


@pytest.mark.parametrize("path", ["/huge.html", "/huge-unsized.html", "/bomb.html"])
def test_a_body_beyond_the_limit_is_refused(server, monkeypatch, path):
    monkeypatch.setattr(_fetch, "MAX_BYTES", 512 * 1024)
    with pytest.raises(FetchError, match="too large: more than 524288 bytes"):
        fetch(server.url(path))


@pytest.mark.parametrize("path", ["/gzip.html", "/deflate.html"])
def test_a_compressed_body_is_decoded(server, path):
    assert fetch(server.url(path)).read() == NEWS_PAGE.encode()
    assert "gzip" in server.seen[-1]["Accept-Encoding"]


def test_an_encoding_articlekit_does_not_read_is_refused(server):
    with pytest.raises(FetchError, match="Content-Encoding articlekit does not read: br"):
        fetch(server.url("/brotli.html"))


def test_urls_are_told_from_file_names():
    assert is_url("https://example.org/a?b=*")
    assert is_url("ftp://x")
    assert not is_url("story.json")
    assert not is_url("C:\\story.json")
    assert not is_url("a://")


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        ("https://example.org/news/rain.html?page=2", "rain-page-2"),
        ("https://example.org/", "example.org"),
        ("https://example.org/..", "page"),
        ("https://example.org/a/..%2F..%2Fetc%2Fpasswd", "2F..-2Fetc-2Fpasswd"),
        ("https://example.org/%2e%2e", "2e-2e"),
        ("http://[::1/x", "page"),
    ],
)
def test_a_urls_output_name_stays_in_the_folder(url, stem):
    assert url_stem(url, (".html", ".json")) == stem


# --- web pages through the format registry ----------------------------------------------------


def test_detect_tells_articlekits_own_html_from_other_pages():
    sample = articlekit.sample()
    assert articlekit.detect(articlekit.html.dumps(sample)) == "html"
    assert articlekit.detect(articlekit.html.dumps(sample, fragment=True)) == "html"
    assert articlekit.detect(NEWS_PAGE) == "web"
    assert articlekit.detect(NEWS_PAGE.encode()) == "web"
    # A page that merely uses an <article> is not articlekit's.
    assert articlekit.detect("<article><h1>A</h1><p>text</p></article>") == "web"


def test_articlekits_mark_is_found_however_long_its_head():
    page = articlekit.html.dumps(attrs.evolve(articlekit.sample(), summary="x " * 40_000))
    assert page.index("<article") > 64 * 1024
    assert articlekit.detect(page) == "html"


def test_the_web_module_is_a_read_only_format():
    assert web.__all__ == ["load", "loads"]
    assert articlekit.convert(NEWS_PAGE, from_="web", to="json") == articlekit.convert(
        NEWS_PAGE, to="json"
    )
    with pytest.raises(articlekit.UnsupportedError, match="does not write it"):
        articlekit.convert(articlekit.json.dumps(articlekit.sample()), to="web")


def test_the_web_reader_takes_the_declared_charset_and_the_url():
    page = NEWS_PAGE.replace("harbour bridge reopened", "harbour bridge of Gdańsk reopened")
    page = page.replace('<meta charset="utf-8">', "").replace('rel="canonical"', 'rel="x"')
    data = page.encode("iso-8859-2")
    article = web.loads(data, url="https://courier.example/b", charset="iso-8859-2")
    assert "Gdańsk" in article.body[0].text
    assert article.uri == "https://courier.example/b"
    assert "Gdańsk" not in web.loads(data).body[0].text  # taken for Windows-1252 without it
    # An unknown charset is ignored, not an error: the page is decoded as if none were sent.
    assert web.loads(data, charset="no-such") == web.loads(data)


def test_a_saved_page_converts_through_extract(capsysbinary, tmp_path):
    saved = tmp_path / "bridge.html"
    saved.write_text(NEWS_PAGE, encoding="utf-8")
    status, out, errors = cli(capsysbinary, "convert", saved, "--to", "json")
    assert (status, errors) == (0, "")
    assert json.loads(out).headline == HEADLINE
    status, out, _ = cli(capsysbinary, "detect", saved)
    assert out == f"{saved}: web\n"


def test_from_html_keeps_articlekits_own_reader(capsysbinary, tmp_path):
    saved = tmp_path / "bridge.html"
    saved.write_text(NEWS_PAGE, encoding="utf-8")
    status, _, errors = cli(capsysbinary, "convert", saved, "--from", "html", "--to", "json")
    assert status == 1
    assert "ValidationError" in errors


def test_from_web_forces_extract_on_articlekits_own_page(capsysbinary, tmp_path):
    own = tmp_path / "own.html"
    own.write_text(articlekit.html.dumps(articlekit.sample()), encoding="utf-8")
    status, out, errors = cli(capsysbinary, "convert", own, "--from", "web", "--to", "json")
    assert (status, errors) == (0, "")
    assert json.loads(out).headline == articlekit.sample().headline


def test_the_real_page_corpus_is_detected_as_web(shared):
    pages = sorted((shared / "corpora" / "html-dev" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("no pages in the html-dev corpus")
    assert {articlekit.detect(gzip.decompress(page.read_bytes())) for page in pages} == {"web"}


# --- URL inputs in the command line -----------------------------------------------------------


def test_a_url_converts_to_ninjs(server, capsysbinary):
    status, out, errors = cli(capsysbinary, "convert", server.url("/news.html"), "--to", "ninjs")
    assert (status, errors) == (0, "")
    article = ninjs.loads(out)
    assert article.headline == HEADLINE
    assert article.uri == "https://courier.example/2026/03/harbour-bridge-reopens/"


def test_a_url_of_a_redirect_reads_the_page_by_its_final_url_and_header_charset(
    server, capsysbinary
):
    status, out, errors = cli(capsysbinary, "convert", server.url("/moved"), "--to", "json")
    assert (status, errors) == (0, "")
    article = json.loads(out)
    assert article.uri == server.url("/latin2.html")
    assert "Gdańsk" in article.body[0].text


def test_a_url_of_another_format_is_detected(server, capsysbinary):
    status, out, _ = cli(capsysbinary, "convert", server.url("/sample.ninjs"), "--to", "json")
    assert status == 0
    assert json.loads(out) == ninjs.loads(ninjs.dumps(articlekit.sample()))
    status, out, _ = cli(capsysbinary, "detect", server.url("/own.html"), server.url("/news.html"))
    assert out == f"{server.url('/own.html')}: html\n{server.url('/news.html')}: web\n"


def test_failed_urls_are_reported_one_line_each_and_the_batch_goes_on(
    server, capsysbinary, tmp_path
):
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(articlekit.sample()), encoding="utf-8")
    out = tmp_path / "out"
    missing, slow = server.url("/missing"), server.url("/slow.html")
    status, _, errors = cli(
        capsysbinary, "convert", server.url("/news.html"), missing, slow, saved,
        server.url("/gzip.html?page=2"), "--to", "json", "--out-dir", out,
        "--continue-on-error", "--timeout", SLOW_SECONDS / 3,
    )  # fmt: skip
    assert status == 1
    assert errors.splitlines() == [
        f"articlekit: {missing}: FetchError: HTTP status 404 Not Found",
        f"articlekit: {slow}: FetchError: timed out: no answer within 1 s",
        "articlekit: 2 of 5 input(s) failed",
    ]
    assert sorted(path.name for path in out.iterdir()) == [
        "gzip-page-2.json",
        "news.json",
        "saved.json",
    ]
    assert json.loads((out / "news.json").read_bytes()).headline == HEADLINE


def test_timeout_must_be_a_positive_number(capsysbinary):
    status, _, errors = cli(capsysbinary, "convert", "x", "--to", "json", "--timeout", "0")
    assert status == 2
    assert "--timeout: must be more than 0" in errors


def test_two_urls_with_one_name_are_refused_before_fetching(server, capsysbinary, tmp_path):
    first, second = server.url("/a/news.html"), server.url("/b/news.html")
    before = len(server.seen)
    status, _, errors = cli(
        capsysbinary, "convert", first, second, "--to", "json", "--out-dir", tmp_path
    )
    assert status == 2
    assert f"{first} and {second} would both be written to {Path(tmp_path) / 'news.json'}" in errors
    assert len(server.seen) == before
