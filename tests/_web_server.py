"""A web server on the loopback address for the tests of URL inputs: never the internet.

Each path is one behaviour: a news page, redirects, error statuses, a slow answer, a large or
compressed body, a charset declared only in the header.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final

import articlekit
from articlekit import html, ninjs

# A saved page in the shape of a WordPress news theme: no articlekit mark, a header with the
# category link, the entry title and a time, an entry-content div and a footer of tags.
NEWS_PAGE: Final = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs &#8211; The Valley Courier</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Valley Courier">
<link rel="canonical" href="https://courier.example/2026/03/harbour-bridge-reopens/">
<meta property="article:published_time" content="2026-03-14T06:00:00+00:00">
</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><nav><a href="/">Home</a> <a href="/local/">Local</a>
</nav></header>
<main id="main" class="site-main">
<article id="post-1207" class="post-1207 post type-post status-publish hentry category-local">
<header class="entry-header">
<span class="cat-links"><a href="/local/" rel="category tag">Local</a></span>
<h1 class="entry-title">Harbour bridge reopens after repairs</h1>
<div class="entry-meta"><span class="byline">By <a class="url fn n" rel="author"
 href="/author/mara/">Mara Ellison</a></span>
<time class="entry-date published" datetime="2026-03-14T06:00:00+00:00">March 14, 2026</time>
</div>
</header>
<div class="entry-content">
<p>The harbour bridge reopened to traffic on Saturday morning after eleven weeks of repairs to
its deck and cables, the port authority said.</p>
<p>Engineers replaced forty-two of the bridge's steel cables and resurfaced the full length of
the deck, work that had been planned for two years.</p>
<p>&ldquo;We are grateful to everyone who put up with the detours,&rdquo; said the
authority's director,
who added that the footpath would open next week.</p>
<p>Buses return to their usual routes on Monday, and the ferry that ran in the meantime will
keep its winter timetable until the end of the month.</p>
</div>
<footer class="entry-footer"><span class="tags-links"><a href="/tag/bridges/" rel="tag">bridges
</a></span></footer>
</article>
</main>
<footer class="site-footer"><p>&copy; 2026 The Valley Courier</p></footer>
</body>
</html>
"""
HEADLINE: Final = "Harbour bridge reopens after repairs"
# The same page in ISO-8859-2, saying so only in the HTTP header, and naming no canonical URL:
# read as UTF-8 or Windows-1252 "Gdańsk" would come out "Gdañsk".
LATIN2_PAGE: Final = (
    NEWS_PAGE.replace('<meta charset="utf-8">\n', "")
    .replace(
        '<link rel="canonical" href="https://courier.example/2026/03/harbour-bridge-reopens/">\n',
        "",
    )
    .replace("The harbour bridge reopened", "The harbour bridge of Gdańsk reopened")
)
SLOW_SECONDS: Final = 3.0


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "articlekit-tests"

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean

    def do_GET(self) -> None:
        self.server.seen.append(self.headers)  # type: ignore[attr-defined]
        route = _ROUTES.get(self.path.partition("?")[0])
        if route is None and self.path.startswith("/hop/"):
            route = _hop
        if route is None:
            self._answer(404, b"<h1>Not found</h1>")
            return
        route(self)

    def _answer(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        **headers: str,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _hop(handler: _Handler) -> None:
    """/hop/N redirects N times before the news page."""
    left = int(handler.path.rsplit("/", 1)[1])
    handler._redirect("/news.html" if left <= 0 else f"/hop/{left - 1}")


def _slow(handler: _Handler) -> None:
    time.sleep(SLOW_SECONDS)
    handler._answer(200, NEWS_PAGE.encode())


def _huge_without_length(handler: _Handler) -> None:
    """A body with no Content-Length, so only counting while reading finds its size."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    for _ in range(64):
        handler.wfile.write(b"<p>" + b"x" * 16380 + b"</p>")


_ROUTES: Final[dict[str, Callable[[_Handler], None]]] = {
    "/news.html": lambda h: h._answer(200, NEWS_PAGE.encode()),
    "/latin2.html": lambda h: h._answer(
        200, LATIN2_PAGE.encode("iso-8859-2"), "text/html; charset=ISO-8859-2"
    ),
    "/moved": lambda h: h._redirect("/latin2.html"),
    "/gzip.html": lambda h: h._answer(
        200, gzip.compress(NEWS_PAGE.encode()), Content_Encoding="gzip"
    ),
    "/deflate.html": lambda h: h._answer(
        200, zlib.compress(NEWS_PAGE.encode()), Content_Encoding="deflate"
    ),
    "/brotli.html": lambda h: h._answer(200, b"\x0b\x00\x80", Content_Encoding="br"),
    "/bomb.html": lambda h: h._answer(
        200, gzip.compress(b" " * (4 * 1024 * 1024)), Content_Encoding="gzip"
    ),
    "/huge.html": lambda h: h._answer(200, b"<p>" + b"x" * (1024 * 1024) + b"</p>"),
    "/huge-unsized.html": _huge_without_length,
    "/sample.ninjs": lambda h: h._answer(
        200, ninjs.dumps(articlekit.sample()).encode(), "application/json"
    ),
    "/own.html": lambda h: h._answer(200, html.dumps(articlekit.sample()).encode()),
    "/loop": lambda h: h._redirect("/loop"),
    "/to-file": lambda h: h._redirect("file:///etc/passwd"),
    "/to-ftp": lambda h: h._redirect("ftp://127.0.0.1/news.html"),
    "/error": lambda h: h._answer(500, b"<h1>Internal error</h1>"),
    "/slow.html": _slow,
}


class WebServer(http.server.ThreadingHTTPServer):
    """The server, with the request headers it has seen."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[object] = []

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that stops reading a body beyond its limit is no error of the server

    def url(self, path: str) -> str:
        """The address of *path* on this server."""
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


@contextmanager
def serving() -> Iterator[WebServer]:
    """Run a `WebServer` in a thread for the block."""
    server = WebServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
