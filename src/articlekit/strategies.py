"""Hypothesis strategies that generate valid articlekit models, for property-based tests.

Install with the ``strategies`` extra (``pip install "articlekit[strategies]"``), then:

>>> from hypothesis import given
>>> from articlekit import json, strategies
>>> @given(strategies.articles())
... def test_json_round_trip(article):
...     assert json.loads(json.dumps(article)) == article
>>> test_json_round_trip()

The strategies build models through their constructors from raw, often untidy input (extra
white space, ``<b>`` for ``<strong>``, script payloads, non-ASCII text), so they exercise the
canonical form as well as the formats. They reach every shape the model allows: empty
optionals, every block type, many photos, long bodies, hostile strings in every text field.

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import html
from datetime import datetime, timedelta, timezone
from typing import Any, Final

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "articlekit.strategies needs Hypothesis: pip install 'articlekit[strategies]'"
    ) from error

from articlekit.inline import canonical_inline, inline_text
from articlekit.model import (
    Article,
    Block,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
    Rendition,
    Status,
    Topic,
    TopicKind,
)

__all__ = [
    "HOSTILE_STRINGS",
    "articles",
    "blocks",
    "bylines",
    "datetimes",
    "inline_markup",
    "photos",
    "renditions",
    "texts",
    "topics",
    "web_urls",
]

HOSTILE_STRINGS: Final = (
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\"'><svg onload=alert(1)>",
    "]]><!--",
    "-->",
    "&amp; &lt; &#0; &bogus;",
    "{{7*7}} ${7*7}",
    "\u2028\u2029",
    "\u202e\u200b\ufeff",
    "\U0001f4f0 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u4f60\u597d",
    "e\u0301 \u00e9",
    "\xa0\xa0",
)
"""Strings that break naive writers: markup, script, quotes, bidi controls, unicode."""

# Every character articlekit text may hold: no control characters (but white space), no
# surrogates, no U+FFFE/U+FFFF.
_CHARACTERS: Final = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs"),
    exclude_characters="\ufffe\uffff",
    include_characters="\t\n\r ",
)
_SPACE: Final = st.sampled_from([" ", "  ", "\n", "\t", " \r\n "])
_VISIBLE: Final = _CHARACTERS.filter(lambda char: not char.isspace())
_ASCII_LOWER: Final = "abcdefghijklmnopqrstuvwxyz"
_ASCII_WORD: Final = _ASCII_LOWER + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@functools.cache
def texts(*, required: bool = False, max_size: int = 80) -> st.SearchStrategy[str]:
    """Raw one-line text: any allowed characters, untidy white space, hostile strings.

    With *required*, the text holds at least one character that is not white space.
    """
    piece = st.one_of(
        st.text(_CHARACTERS, max_size=max_size),
        st.sampled_from(HOSTILE_STRINGS),
        _SPACE,
    )
    untidy = st.lists(piece, max_size=4).map("".join)
    if not required:
        return untidy
    return st.tuples(untidy, _VISIBLE, untidy).map("".join)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _word(alphabet: str, min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=min_size, max_size=max_size)


_HOST: Final = st.builds(
    lambda labels, top: ".".join([*labels, top]),
    st.lists(_word(_ASCII_LOWER + "0123456789"), min_size=1, max_size=3),
    _word(_ASCII_LOWER, 2, 6),
)
_PATH: Final = st.lists(_word(_ASCII_WORD + "._~%!$&'()*+,;=:@-", 0, 12), max_size=4).map(
    lambda segments: "".join("/" + segment for segment in segments)
)
_QUERY: Final = _optional(_word(_ASCII_WORD + "=&%+._-", 0, 20)).map(
    lambda query: "" if query is None else "?" + query
)


@functools.cache
def web_urls() -> st.SearchStrategy[str]:
    """Absolute http and https URLs, with ``&`` and quotes in path and query."""
    scheme = st.sampled_from(["http", "https", "HTTPS"])
    return st.builds(lambda s, h, p, q: f"{s}://{h}{p}{q}", scheme, _HOST, _PATH, _QUERY)


_DATA_URL: Final = st.builds(
    lambda kind, payload: f"data:image/{kind};base64,{payload}",
    st.sampled_from(["png", "gif", "jpeg"]),
    _word(_ASCII_WORD + "+/", 4, 40),
)
_IMAGE_URL: Final = web_urls() | _DATA_URL
_URN: Final = st.builds(
    lambda nid, nss: f"urn:{nid}:{nss}", _word(_ASCII_LOWER, 1, 10), _word(_ASCII_WORD + ":._-")
)
_IDENTIFIER: Final = st.one_of(
    _URN,
    web_urls(),
    st.text(_VISIBLE.filter(lambda char: char not in '<>"'), min_size=1, max_size=30).map(
        lambda rest: f"tag:example.org,2026:{rest}"
    ),
)
_LINK_URI: Final = web_urls() | _URN
_LANGUAGES: Final = st.sampled_from(
    ["en", "EN-gb", "pt-BR", "zh-Hant-TW", "sr-latn-RS", "de-CH-1996", "es-419", "x-private",
     "he", "ar-EG", "ja", "i-klingon", "en-US-x-twain"]
)  # fmt: skip
_MEDIA_TYPES: Final = st.sampled_from(["image/jpeg", "image/png", "Image/WEBP", "image/svg+xml"])
_SIZES: Final = st.integers(min_value=1, max_value=2**31 - 1) | st.integers(1, 8000)
_EMAIL: Final = st.builds(
    lambda local, domain, top: f"{local}@{domain}.{top}",
    _word(_ASCII_WORD + "._%+-", 1, 12),
    _word(_ASCII_LOWER + "-", 1, 10),
    _word(_ASCII_LOWER, 2, 6),
)
_QCODE: Final = st.builds(
    lambda scheme, code: f"{scheme}:{code}", _word(_ASCII_LOWER, 2, 8), _word(_ASCII_WORD + "_.-")
)


@functools.cache
def datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes with whole-minute offsets, microseconds included."""
    minutes = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1)
    zones = st.sampled_from([timezone.utc, timezone(timedelta(hours=2))]) | minutes.map(
        lambda m: timezone(timedelta(minutes=m))
    )
    return st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=zones
    )


_JUNK: Final = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">trap</a>',
        '<a href="data:text/html,x">data</a>',
        '<span style="color:red" onclick="x()">styled</span>',
        "<p>block</p>",
        "<!-- comment -->",
        "&nbsp;&eacute;&#x1F4F0;",
        "<br>",
        "<BR />",
    ]
)
_LEAF: Final = texts(max_size=40).map(lambda text: html.escape(text, quote=False)) | _JUNK
_TAGS: Final = st.sampled_from(["em", "strong", "code", "sub", "sup", "b", "i", "kbd"])
_LINK_TARGETS: Final = web_urls() | st.sampled_from(["/relative", "mailto:a@b.org"])


def _extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    content = st.lists(children, min_size=1, max_size=3).map("".join)
    element = st.builds(lambda tag, inner: f"<{tag}>{inner}</{tag}>", _TAGS, content)
    link = st.builds(
        lambda href, inner: f'<a href="{html.escape(href)}" title="t">{inner}</a>',
        _LINK_TARGETS,
        content,
    )
    return element | link


_FRAGMENT: Final = st.recursive(_LEAF, _extend, max_leaves=10)


@functools.cache
def inline_markup() -> st.SearchStrategy[str]:
    """Raw inline HTML that sanitises to a non-empty fragment (markup, junk, hostile text)."""
    fragment = st.lists(_FRAGMENT, min_size=1, max_size=4).map("".join)
    return fragment.filter(lambda markup: inline_text(canonical_inline(markup)).strip() != "")


_MAYBE_TEXT: Final = _optional(texts())
_MAYBE_SIZE: Final = _optional(_SIZES)
_MAYBE_MEDIA_TYPE: Final = _optional(_MEDIA_TYPES)
_MAYBE_IDENTIFIER: Final = _optional(_IDENTIFIER)
_MAYBE_IMAGE_URL: Final = _optional(_IMAGE_URL)
_MAYBE_QCODE: Final = _optional(_QCODE)
_MAYBE_LINK_URI: Final = _optional(_LINK_URI)


@functools.cache
def renditions() -> st.SearchStrategy[Rendition]:
    """Renditions of a photo."""
    return st.builds(
        Rendition,
        name=texts(required=True, max_size=20),
        href=_IMAGE_URL,
        width=_MAYBE_SIZE,
        height=_MAYBE_SIZE,
        media_type=_MAYBE_MEDIA_TYPE,
    )


@functools.cache
def bylines() -> st.SearchStrategy[Byline]:
    """Bylines, from a bare name to every field set."""
    role = st.sampled_from(["reporter", "photographer", "editor"]) | texts(required=True)
    some = st.builds(
        Byline,
        name=texts(required=True),
        role=_optional(role),
        affiliation=_MAYBE_TEXT,
        email=_optional(_EMAIL),
        uri=_optional(_LINK_URI),
        bio=_MAYBE_TEXT,
    )
    every = st.builds(
        Byline,
        name=texts(required=True),
        role=role,
        affiliation=texts(required=True),
        email=_EMAIL,
        uri=_LINK_URI,
        bio=texts(required=True),
    )
    return some | every


_MAYBE_BYLINE: Final = _optional(bylines())


@st.composite
def photos(draw: st.DrawFn) -> Photo:
    """Photos: each has at least one of ``href``, ``uri`` or a rendition."""
    how = draw(st.sampled_from(["href", "uri", "renditions"]))
    return Photo(
        uri=draw(_IDENTIFIER if how == "uri" else _MAYBE_IDENTIFIER),
        href=draw(_IMAGE_URL if how == "href" else _MAYBE_IMAGE_URL),
        caption=draw(_MAYBE_TEXT),
        credit=draw(_MAYBE_TEXT),
        alt_text=draw(_MAYBE_TEXT),
        photographer=draw(_MAYBE_BYLINE),
        copyright_notice=draw(_MAYBE_TEXT),
        width=draw(_MAYBE_SIZE),
        height=draw(_MAYBE_SIZE),
        media_type=draw(_MAYBE_MEDIA_TYPE),
        renditions=draw(st.lists(renditions(), min_size=how == "renditions", max_size=4)),
    )


@st.composite
def topics(draw: st.DrawFn) -> Topic:
    """Topics of every kind: each has at least one of a name, a code or a URI."""
    how = draw(st.sampled_from(["name", "code", "uri"]))
    return Topic(
        name=draw(texts(required=True) if how == "name" else _MAYBE_TEXT),
        kind=draw(st.sampled_from(TopicKind)),
        code=draw(_QCODE if how == "code" else _MAYBE_QCODE),
        uri=draw(_LINK_URI if how == "uri" else _MAYBE_LINK_URI),
    )


@functools.cache
def blocks(*, photo_count: int = 0) -> st.SearchStrategy[Block]:
    """Body blocks of every type; `PhotoRef` blocks only when *photo_count* photos exist."""
    return st.one_of(_block_kinds(photo_count))


@functools.cache
def _block_kinds(photo_count: int) -> list[st.SearchStrategy[Block]]:
    options: list[st.SearchStrategy[Block]] = [
        st.builds(Paragraph, text=inline_markup()),
        st.builds(Heading, text=inline_markup(), level=st.integers(2, 6)),
        st.builds(Quote, text=inline_markup(), attribution=_MAYBE_TEXT),
        st.builds(
            ListBlock,
            items=st.lists(inline_markup(), min_size=1, max_size=5),
            ordered=st.booleans(),
        ),
        st.builds(Embed, url=web_urls(), title=_MAYBE_TEXT),
    ]
    if photo_count:
        options.append(st.builds(PhotoRef, photo=st.integers(0, photo_count - 1)))
    return options


_SHAPES: Final = st.sampled_from(["typical", "typical", "typical", "bare", "full", "long"])
_SHORT_TEXT: Final = texts(required=True, max_size=20)
# Blocks for long bodies: light, so that Hypothesis' bound on the data behind one example
# leaves room for dozens of them.
_LIGHT_BLOCK: Final = st.one_of(
    st.builds(Paragraph.from_text, _SHORT_TEXT),
    st.builds(Heading, text=_SHORT_TEXT.map(html.escape), level=st.integers(2, 6)),
)


@st.composite
def articles(draw: st.DrawFn, *, max_photos: int = 12, max_blocks: int = 60) -> Article:
    """Valid articles, from a bare ``uri`` and ``headline`` to every field set.

    Each article is drawn in one of four shapes: typical (each optional field may be set),
    bare (only ``uri`` and ``headline``), full (every field set) or long (a long body of light
    blocks and up to *max_photos* photos), so that every shape is tested often.

    Args:
        draw: Supplied by Hypothesis: leave it out when calling ``articles()``.
        max_photos: The most photos an article gets.
        max_blocks: The most body blocks an article gets.
    """
    shape = draw(_SHAPES)

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        if shape == "bare":
            return None
        return draw(strategy if shape == "full" else _optional(strategy))

    def some(strategy: st.SearchStrategy[Any], most: int) -> list[Any]:
        if shape == "bare":
            return []
        return draw(st.lists(strategy, min_size=shape == "full", max_size=most))

    photo_count = 0 if shape == "bare" else draw(st.integers(shape == "full", max_photos))
    if shape != "long":
        photo_count = min(photo_count, 4)
    article_photos = draw(st.lists(photos(), min_size=photo_count, max_size=photo_count))
    body: list[Block]
    if shape == "long":
        block_count = draw(st.integers(min(20, max_blocks), max_blocks))
        body = draw(st.lists(_LIGHT_BLOCK, min_size=block_count, max_size=block_count))
        body += [PhotoRef(photo=index) for index in range(photo_count)]
    else:
        body = some(blocks(photo_count=photo_count), min(8, max_blocks))
        if shape == "full":  # one block of each type, in an order of Hypothesis' choosing
            every_kind = [draw(kind) for kind in _block_kinds(photo_count)]
            body = [*draw(st.permutations(every_kind)), *body][:max_blocks]
    return Article(
        uri=draw(_IDENTIFIER),
        version=draw(st.integers(1, 5) | _SIZES),
        url=maybe(web_urls()),
        language=maybe(_LANGUAGES),
        headline=draw(texts(required=True)),
        subheadline=maybe(texts()),
        kicker=maybe(texts()),
        section=maybe(texts()),
        summary=maybe(texts(max_size=300)),
        slugline=maybe(texts()),
        bylines=some(bylines(), 4),
        photos=article_photos,
        topics=some(topics(), 6),
        keywords=some(_SHORT_TEXT, 8),
        body=body,
        created=maybe(datetimes()),
        published=maybe(datetimes()),
        updated=maybe(datetimes()),
        embargoed=maybe(datetimes()),
        dateline=maybe(texts()),
        located=maybe(texts()),
        status=draw(st.sampled_from(Status)),
        urgency=maybe(st.integers(1, 9)),
        provider=maybe(texts()),
        copyright_holder=maybe(texts()),
        copyright_notice=maybe(texts()),
        usage_terms=maybe(texts()),
        editor_note=maybe(texts()),
    )
