"""Tests of articlekit.text: plain text for search indexes, terminals and language models."""

from __future__ import annotations

import io
import warnings

import pytest
from hypothesis import given, settings

import articlekit
from articlekit import json, strategies, text
from articlekit._formats import READABLE, WRITABLE, get_format
from articlekit.errors import LossError, LossWarning, UnsupportedError
from articlekit.model import (
    Article,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
)


def _quiet(article: Article) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        return text.dumps(article)


def test_all() -> None:
    assert text.__all__ == ["dump", "dumps"]


def test_sample_head_and_photo() -> None:
    written = _quiet(articlekit.sample())
    head = written.split("\n\n")[:4]
    assert head == [
        "Eleven hostages freed in Sarn Valley after weeks of talks",
        "Mediators say all captives held near Varenholt are safe as attention turns to "
        "security in the valley",
        "VARENHOLT, March 14 — Published 2026-03-14T06:00:00+00:00",
        "[Photo: Relatives wait outside the regional hospital in Varenholt, Esterlund, after "
        "eleven hostages were released on March 14, 2026. Photo by Tomas Reyval/Northwind "
        "Press.]",
    ]
    assert (
        "as quiet diplomacy, published a short statement "
        "(https://example.org/halvern-foundation/sarn-valley-statement) on Saturday" in written
    )
    assert written.endswith("discharged within days.\n")
    assert written.count("\n\n") == 3 + 10


def test_each_block_kind() -> None:
    article = Article(
        uri="urn:x:1",
        headline="Talks <resume>",
        bylines=[Byline(name="Ann Lee"), Byline(name="Bo Ek"), Byline(name="Cy Ng")],
        photos=[Photo(href="https://i.example/a.jpg", caption="A bridge", credit="Ann Lee/AP")],
        body=[
            Heading(text="What <em>next</em>", level=3),
            Quote(text="We will return", attribution="Elias Maarten"),
            ListBlock(items=["one", "two<br>lines"], ordered=True),
            ListBlock(items=["a"]),
            PhotoRef(photo=0),
            Embed(url="https://video.example/1", title="The handover"),
            Embed(url="https://video.example/2"),
            Paragraph(text='Mail <a href="mailto:a@b.example">a@b.example</a> or x&amp;y'),
        ],
    )
    assert _quiet(article) == (
        "Talks <resume>\n\n"
        "By Ann Lee, Bo Ek and Cy Ng\n\n"
        "What next\n\n"
        "We will return\n— Elias Maarten\n\n"
        "1. one\n2. two\n   lines\n\n"
        "- a\n\n"
        "[Photo: A bridge. Ann Lee/AP]\n\n"
        "[Embed: The handover (https://video.example/1)]\n\n"
        "[Embed: https://video.example/2]\n\n"
        "Mail a@b.example or x&y\n"
    )


def test_photo_without_caption_uses_alt_text() -> None:
    article = Article(
        uri="urn:x:1", headline="H", photos=[Photo(href="https://i.example/a.jpg", alt_text="A")]
    )
    assert "[Photo: A]" in _quiet(article)


def test_losses_of_the_sample() -> None:
    with pytest.raises(LossError) as raised:
        text.dumps(articlekit.sample(), strict=True)
    assert list(raised.value.fields) == [  # type: ignore[attr-defined]
        "uri", "url", "language", "kicker", "section", "summary", "slugline", "topics",
        "keywords", "created", "updated", "located", "provider", "copyright_holder",
        "copyright_notice", "usage_terms", "photos[0].uri", "photos[0].width",
        "photos[0].height", "photos[0].media_type", "photos[0].renditions", "photos[0].href",
        "photos[0].alt_text",
    ]  # fmt: skip


def test_losses_of_bylines_warn() -> None:
    article = Article(uri="urn:x:1", headline="H", bylines=[Byline(name="A", role="reporter")])
    with pytest.warns(LossWarning, match=r"text cannot carry: uri, bylines\[0\]\.role;"):
        text.dumps(article)


def test_dump_writes_utf8() -> None:
    buffer = io.BytesIO()
    article = Article(uri="urn:x:1", headline="Café")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        text.dump(article, buffer)
    assert buffer.getvalue() == "Café\n".encode()


def test_registry_writes_but_does_not_read() -> None:
    assert "text" in WRITABLE
    assert "text" not in READABLE
    with pytest.raises(UnsupportedError, match=r"writes text \(plain text, write only\) but"):
        get_format("text").loads("Talks resume\n")


def test_convert() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        written = articlekit.convert(json.dumps(articlekit.sample()), to="text")
    assert written.startswith(b"Eleven hostages freed")


@settings(max_examples=25)
@given(strategies.articles())
def test_any_article_is_written(article: Article) -> None:
    written = _quiet(article)
    assert written.startswith(article.headline + "\n")
    assert written.endswith("\n")
