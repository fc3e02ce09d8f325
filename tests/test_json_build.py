"""The fast builder behind `articlekit.json.loads` builds exactly what the general path builds."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import articlekit
from _json_edits import REMOVE, edited, places
from articlekit import ValidationError, strategies
from articlekit._convert import structure
from articlekit._json_build import build_article, build_blocks, texts_are_canonical
from articlekit._json_document import to_document
from articlekit._text import canonical_text
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
    Rendition,
    Topic,
)

EVERY_FIELD = Article(
    uri="urn:x:every-field", version=2, url="https://x.org/a", language="en-GB",
    headline="Headline here", subheadline="Sub head", kicker="Desk", section="World",
    summary="A summary.", slugline="slug-line",
    bylines=[Byline(name="Ann Lee", role="reporter", affiliation="Agency", email="a@x.org",
                    uri="https://x.org/ann", bio="Ann writes.")],
    photos=[Photo(uri="urn:x:p", href="https://x.org/p.jpg", caption="A caption.", credit="Ann Lee",
                  alt_text="Alt text", photographer=Byline(name="Bo Chan"),
                  copyright_notice="(c) Agency", width=10, height=20, media_type="image/jpeg",
                  renditions=[Rendition(name="thumb nail", href="https://x.org/t.jpg", width=1,
                                        height=2, media_type="image/jpeg")])],
    topics=[Topic(name="Bridges and roads", kind="place", code="x:1", uri="https://x.org/t")],
    keywords=["one word", "two"],
    body=[Heading(text="A <em>heading</em> here", level=3),
          Paragraph(text="Some <strong>body</strong> text"),
          Quote(text="Said this", attribution="Ann Lee"),
          ListBlock(items=["item one", "<code>x</code> two"]),
          PhotoRef(photo=0), Embed(url="https://x.org/v", title="A video")],
    created=datetime(2026, 3, 14, 6, 0, tzinfo=timezone.utc), dateline="CITY, March 14",
    located="City", provider="Agency", copyright_holder="Agency", copyright_notice="(c) 2026",
    usage_terms="Use it well.", editor_note="Note here.", urgency=2,
)  # fmt: skip


def fields_of(article: Article) -> dict:
    document = to_document(article)
    del document["articlekit"]
    return document


@given(strategies.articles())
def test_generated_articles_take_the_fast_path_and_come_back_equal(article):
    built = build_article(fields_of(article))
    assert built is not None
    assert built == article


def test_the_sample_takes_the_fast_path():
    assert build_article(fields_of(articlekit.sample())) == articlekit.sample()


_REPLACEMENTS = st.one_of(
    st.sampled_from(
        [
            None, True, 0, -1, 1.5, 2**40, "", " ", " padded ", "two  spaces", "line\nbreak",
            "e\u0301", "a\u00a0b", "\x07", "<b>bold</b>", "<em></em>", "<br>", "x<br>",
            '<a href="javascript:alert(1)">x</a>', "javascript:alert(1)", "HTTPS://X.ORG/a.jpg",
            "https://x.org/a.jpg", "urn:x", "2026-03-14T06:00:00Z", "2026-03-14T06:00:00",
            "usable", "withheld", "subject", "paragraph", "photo", "image/JPEG", "EN-gb",
            [], [""], ["x"], [1], {}, {"type": "paragraph", "text": "x"}, {"name": "x"},
        ]
    ),
    st.text(max_size=12),
)  # fmt: skip


@given(strategies.articles(), st.data())
def test_on_any_change_the_fast_path_builds_what_the_general_path_builds_or_declines(article, data):
    document = fields_of(article)
    values = dict(places(document))
    path = data.draw(st.sampled_from([path for path in values if path]))
    change = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if change == "replace":
        changed = edited(document, path, data.draw(_REPLACEMENTS))
    elif change == "remove":
        changed = edited(document, path, REMOVE)
    else:
        parent = values[path[:-1]]
        if isinstance(parent, dict):
            changed = edited(document, path[:-1], {**parent, "unknown": "x"})
        else:
            changed = edited(document, path[:-1], [*parent, data.draw(_REPLACEMENTS)])
    try:
        expected = structure(changed, Article)
    except ValidationError:
        expected = None
    built = build_article(changed)
    assert built is None or built == expected
    if built is not None:  # equal, and of the same types all the way down
        assert attrs.asdict(built, recurse=True) == attrs.asdict(expected, recurse=True)


_UNTIDY = {
    "padded at the end": lambda text: text + " ",
    "padded at the start": lambda text: " " + text,
    "spaces doubled": lambda text: text.replace(" ", "  "),
    "a newline": lambda text: text + "\nmore",
    "decomposed": lambda text: unicodedata.normalize("NFD", text) + "e\u0301",
    "emptied": lambda text: "",
    "marked up": lambda text: f"<b>{text}</b>",
}


def _general(document):
    try:
        return structure(document, Article)
    except ValidationError:
        return None


def test_an_article_with_every_field_takes_the_fast_path():
    assert build_article(fields_of(EVERY_FIELD)) == EVERY_FIELD


@pytest.mark.parametrize("untidiness", sorted(_UNTIDY))
def test_each_string_of_an_article_with_every_field_made_untidy(untidiness):
    document = fields_of(EVERY_FIELD)
    for path, value in places(document):
        if isinstance(value, str) and path[-1] != "type":
            changed = edited(document, path, _UNTIDY[untidiness](value))
            built = build_article(changed)
            assert built is None or built == _general(changed), path


@given(strategies.articles(), st.sampled_from(sorted(_UNTIDY)), st.data())
def test_an_untidy_string_anywhere_is_tidied_as_the_general_path_does_or_declined(
    article, untidiness, data
):
    document = fields_of(article)
    strings = [
        (path, value)
        for path, value in places(document)
        if isinstance(value, str) and path[-1] != "type"
    ]
    assume(strings)
    path, value = data.draw(st.sampled_from(strings))
    changed = edited(document, path, _UNTIDY[untidiness](value))
    built = build_article(changed)
    assert built is None or built == _general(changed)


@pytest.mark.parametrize(
    ("texts", "canonical"),
    [
        ([], True),
        (["one", "two words", "Jóhanna"], True),
        (["one", ""], False),
        (["one ", "two"], False),
        (["one", " two"], False),
        (["two  spaces"], False),
        (["tab\there"], False),
        (["e\u0301"], False),
        (["no-break\u00a0space"], False),  # canonical, but only the slower check knows
    ],
)
def test_texts_are_canonical(texts, canonical):
    assert texts_are_canonical(texts) is canonical


@given(st.lists(st.text(max_size=8), max_size=5))
def test_a_yes_for_texts_is_never_wrong(texts):
    if texts_are_canonical(texts):
        assert all(text and canonical_text(text) == text for text in texts)


@given(strategies.articles())
def test_blocks_build_from_their_json_as_the_constructors_build_them(article):
    # build_blocks serves the readers of other formats (NewsML-G2 bodies).
    documents = to_document(article).get("body", [])
    assert build_blocks(documents) == list(article.body)


@pytest.mark.parametrize(
    "documents",
    [
        [{"type": "paragraph", "text": "two  spaces"}],  # the constructor would tidy it
        [{"type": "paragraph", "text": "<b>bold</b>"}],
        [{"type": "heading", "text": "H", "level": 9}],  # the constructor would refuse it
        [{"type": "poem", "text": "x"}],
        [{"type": "paragraph"}],
        [{"type": "paragraph", "text": "x", "extra": 1}],
    ],
)
def test_blocks_that_need_the_constructors_are_declined(documents):
    assert build_blocks(documents) is None
