"""Fetching the command line's http(s) inputs, with the standard library and hard limits.

- http and https only, at the start and after each of at most `MAX_REDIRECTS` redirects;
- a time-out for connecting and for each read, and `TOTAL_TIMEOUTS` of them for the whole body;
- at most `MAX_BYTES` of body, after gzip or deflate decoding, read in chunks;
- a User-Agent that names articlekit and where to learn about it.

Each failure is one `FetchError` whose message says what went wrong (status, time-out, size,
scheme), so that the command reports a failed URL in one line and goes on.
"""

from __future__ import annotations

import http.client
import io
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from typing import IO, Any, Final

from articlekit._io import MAX_BYTES as _DOCUMENT_LIMIT
from articlekit._version import __version__

DEFAULT_TIMEOUT: Final = 20.0
"""Seconds to wait to connect, and for each read."""
TOTAL_TIMEOUTS: Final = 10
"""The whole body must arrive within this many time-outs: a server that trickles is let go."""
MAX_BYTES: Final = _DOCUMENT_LIMIT
"""The largest body fetched (64 MiB, the limit of every reader), decoded."""
MAX_REDIRECTS: Final = 5
SCHEMES: Final = ("http", "https")
USER_AGENT: Final = f"articlekit/{__version__} (+https://github.com/articlekit/articlekit)"
_ACCEPT: Final = "text/html,application/xhtml+xml,application/json,application/xml;q=0.9,*/*;q=0.8"
_CHUNK: Final = 64 * 1024
# zlib's window bits: 32 + 15 reads a gzip or a zlib stream (RFC 9110's "deflate" is zlib).
_ENCODINGS: Final = {"gzip": 32 + 15, "x-gzip": 32 + 15, "deflate": 32 + 15}


class FetchError(OSError):
    """A URL could not be fetched; the message says why, in a few words."""


class Page(io.BytesIO):
    """A fetched body, readable as a file, with the address it came from and its charset.

    Attributes:
        url: The final URL, after redirects: the page's base URL.
        charset: The character encoding the server declared in ``Content-Type``, if any.
    """

    def __init__(self, data: bytes, url: str, charset: str | None) -> None:
        super().__init__(data)
        self.url, self.charset = url, charset


def is_url(name: str) -> bool:
    """Tell whether a command line input names a URL (``scheme://``) rather than a file."""
    scheme, separator, _ = name.partition("://")
    return bool(separator) and scheme.isascii() and scheme.isalpha() and len(scheme) > 1


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> Page:
    """Fetch *url* within the limits of this module.

    Raises:
        FetchError: The URL is not http(s), a redirect leads elsewhere or too far, the server
            answers with an error status, does not answer in time, or sends too much.
    """
    _check_scheme(url)
    try:
        # The scheme is checked above, and the opener has no handler but http(s).
        request = urllib.request.Request(url, headers=_headers())  # noqa: S310
    except ValueError as error:
        raise FetchError(f"not a URL articlekit can fetch: {error}") from None
    try:
        with _opener().open(request, timeout=timeout) as response:
            data = _read_body(response, time.monotonic() + timeout * TOTAL_TIMEOUTS)
            return Page(data, response.geturl(), response.headers.get_content_charset())
    except urllib.error.HTTPError as error:
        error.close()
        raise FetchError(f"HTTP status {error.code} {error.reason}".rstrip()) from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason)) from None
    except TimeoutError:
        raise FetchError(f"timed out: no answer within {timeout:g} s") from None
    except (http.client.HTTPException, ValueError, OSError) as error:
        if isinstance(error, FetchError):
            raise
        raise FetchError(f"the connection failed: {type(error).__name__}: {error}") from None


def _headers() -> dict[str, str]:
    return {"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out while connecting"
    if isinstance(reason, FetchError):
        return str(reason)
    return f"cannot connect: {reason}"


def _check_scheme(url: str) -> None:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(f"only http and https URLs are fetched, not {scheme or 'this'}: {url}")


def _opener() -> urllib.request.OpenerDirector:
    """An opener of http(s) alone: no file:, ftp: or data: handler to be redirected to."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        _RedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows at most `MAX_REDIRECTS` redirects, to http(s) URLs only."""

    # Above our own limit, so that ours is the one that speaks.
    max_repeats = max_redirections = MAX_REDIRECTS + 1

    def __init__(self) -> None:
        self.followed = 0

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any
    ) -> Any:
        target = headers.get("location") or headers.get("uri") or ""
        target = urllib.parse.urljoin(req.full_url, target)
        self.followed += 1
        if self.followed > MAX_REDIRECTS:
            fp.close()
            raise FetchError(f"more than {MAX_REDIRECTS} redirects (the last to {target})")
        if urllib.parse.urlsplit(target).scheme.lower() not in SCHEMES:
            fp.close()
            raise FetchError(f"redirected to {target}: only http and https URLs are fetched")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _read_body(response: Any, deadline: float) -> bytes:
    """The body of *response*, decoded, in chunks; `FetchError` beyond the limits."""
    length = response.headers.get("Content-Length", "")
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding == "identity" and length.isdigit() and int(length) > MAX_BYTES:
        raise _too_large()
    decode = _decoder(encoding)
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        if time.monotonic() > deadline:
            raise FetchError("timed out: the body took too long to arrive")
        piece = decode(chunk)
        size += len(piece)
        if size > MAX_BYTES:
            raise _too_large()
        parts.append(piece)
    return b"".join(parts)


def _too_large() -> FetchError:
    return FetchError(f"too large: more than {MAX_BYTES} bytes, the limit")


def _decoder(encoding: str) -> Any:
    """A function from a chunk of the body to its decoded bytes, bounded by `MAX_BYTES`."""
    if encoding == "identity":
        return lambda chunk: chunk
    if encoding not in _ENCODINGS:
        raise FetchError(f"the server sent a Content-Encoding articlekit does not read: {encoding}")
    stream = zlib.decompressobj(_ENCODINGS[encoding])

    def decode(chunk: bytes) -> bytes:
        # No more than one byte beyond the limit is inflated: a small bomb stays small.
        try:
            return stream.decompress(chunk, MAX_BYTES + 1)
        except zlib.error as error:
            raise FetchError(f"the {encoding} body is broken: {error}") from None

    return decode
