"""Hypothesis strategies for URLs the model takes but serialisers like to change.

Non-ASCII text, spaces (in body links), percent escapes that are and are not valid, quotes,
ampersands, brackets and backslashes, bidi and zero-width characters, and schemes that must
never become a link or a source. `articlekit.strategies` makes plain web URLs; these make the
ones that found the HTML writer percent-escaping URLs (#14).
"""

from __future__ import annotations

import html
from typing import Any

from hypothesis import strategies as st

from articlekit import (
    Article,
    Byline,
    Embed,
    Paragraph,
    Photo,
    PhotoRef,
    Rendition,
    Topic,
    strategies,
)

# Schemes the model takes for a byline's or a topic's uri that are not http(s).
OTHER_SCHEMES = (
    "urn:",
    "tag:",
    "mailto:",
    "tel:",
    "ftp://",
    "filesystem:",
    "jar:",
    "view-source:",
    "ms-settings:",
    "search-ms:",
    "intent://",
    "chrome-extension://",
)
# What the model refuses anywhere in a URL: white space, C0 and C1 controls, DEL, surrogates,
# U+FFFE and U+FFFF, and the three characters that would end an HTML attribute.
_CHARACTER = st.characters(
    exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), exclude_characters='<>"\ufffe\uffff'
)
_PIECES = st.sampled_from(
    [
        "café", "%", "%20", "%C3%A9", "%%41", "%zz", "'", "&", "&amp;", "&quot;", "#", "?", "=",
        "[", "]", "{", "}", "|", "\\", "^", "`", "!", "$", "(", ")", "*", ",", ";", "@", "~",
        "e\u0301", "\U0001f4f0", "\u200b", "\u202e", "\ufeff", "\u00ad", "ß", "\u0130", "\u4e2d",
        "/", "//", "..", "a",
    ]
)  # fmt: skip
_TAIL = st.lists(_PIECES | st.text(_CHARACTER, min_size=1, max_size=6), max_size=6).map("".join)
_HOST = st.one_of(
    st.sampled_from(["example.org", "xn--caf-dma.example", "café.example", "[::1]", "a:8080"]),
    st.text(_CHARACTER.filter(lambda c: c not in "/?#"), min_size=1, max_size=8),
)


def web_urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs, anything the model takes after the host."""
    scheme = st.sampled_from(["http://", "https://", "HTTPS://"])
    return st.builds(lambda s, h, t: f"{s}{h}/{t}", scheme, _HOST, _TAIL)


def link_uris() -> st.SearchStrategy[str]:
    """A byline's or topic's uri: a web URL, or another scheme the model takes."""
    other = st.builds(lambda s, t: s + t, st.sampled_from(OTHER_SCHEMES), _TAIL.filter(bool))
    return web_urls() | other


def image_urls() -> st.SearchStrategy[str]:
    """A photo's or rendition's href: a web URL or a ``data:image`` URL."""
    data = st.builds(
        lambda kind, separator, payload: f"data:image/{kind}{separator}{payload}",
        st.sampled_from(["png", "svg+xml", "GIF"]),
        st.sampled_from([";base64,", ",", ";charset=utf-8,"]),
        _TAIL,
    )
    return web_urls() | data


def identifiers() -> st.SearchStrategy[str]:
    """An article's or photo's uri: any text without white space (but ``<>"``)."""
    return link_uris() | _TAIL.filter(bool)


def text_link_hrefs() -> st.SearchStrategy[str]:
    """A link in body text: anything above, relative, with spaces inside."""
    spaced = st.lists(_TAIL.filter(bool), min_size=1, max_size=3).map(" ".join)
    relative = st.sampled_from(["/", "./", "../", "?", "#", ""]).flatmap(
        lambda head: spaced.map(lambda rest: head + rest)
    )
    return link_uris() | relative | st.builds(lambda u, r: f"{u} {r}", web_urls(), spaced)


@st.composite
def url_articles(draw: Any) -> Article:
    """Articles with every URL field set to a hostile but valid URL."""
    href = draw(text_link_hrefs())
    link = f'<a href="{html.escape(href)}">link</a>'
    return Article(
        uri=draw(identifiers()),
        headline=draw(strategies.texts(required=True)),
        url=draw(web_urls()),
        bylines=[Byline(name="Ann", uri=draw(link_uris()), email="ann@example.org")],
        photos=[
            Photo(
                uri=draw(st.none() | identifiers()),
                href=draw(image_urls()),
                renditions=[
                    Rendition(name="small", href=draw(image_urls()), media_type="image/png")
                ],
            ),
            Photo(renditions=[Rendition(name="only", href=draw(image_urls()))]),
        ],
        topics=[Topic(name="Topic", uri=draw(link_uris()))],
        body=[
            Embed(url=draw(web_urls()), title=draw(st.none() | st.just("Title"))),
            Paragraph(text=f"See {link} here."),
            PhotoRef(photo=1),
        ],
    )
