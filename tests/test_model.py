"""The models: canonical form on construction, and validation errors that name the field."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
import pytest

from articlekit import (
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
    Status,
    Topic,
    TopicKind,
    ValidationError,
)

UTC = timezone.utc


def article(**fields):
    return Article(**{"uri": "urn:example:1", "headline": "Headline", **fields})


def test_minimal_article_has_documented_defaults():
    minimal = article()
    assert minimal.version == 1
    assert minimal.status is Status.USABLE
    assert minimal.bylines == minimal.photos == minimal.topics == minimal.body == ()
    assert minimal.keywords == ()
    assert minimal.lead_photo is None


@pytest.mark.parametrize("urgency", [1, 5, 9])
def test_urgency_takes_the_iptc_scale_of_1_to_9(urgency):
    assert article(urgency=urgency).urgency == urgency
    assert article().urgency is None


def test_models_are_frozen_and_hashable():
    first = article(keywords=["a"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.headline = "changed"  # type: ignore[misc]
    assert hash(first) == hash(article(keywords=("a",)))
    assert attrs.evolve(first, headline="New").headline == "New"


def test_fields_are_keyword_only():
    with pytest.raises(TypeError):
        Byline("Ada")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("  Storm   hits\tcoast\n", "Storm hits coast"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # NFC
        ("10\u00a0km", "10\u00a0km"),  # no-break space is meaningful, not folded
        ("<b>not markup</b>", "<b>not markup</b>"),  # plain text stays plain text
    ],
)
def test_one_line_text_is_folded_and_normalised(raw, canonical):
    assert article(headline=raw).headline == canonical


def test_empty_optional_text_means_no_value():
    assert article(kicker="   ", subheadline="").kicker is None
    assert article(subheadline="").subheadline is None


def test_equal_meaning_gives_equal_articles():
    assert article(headline=" A  b", keywords=["x "]) == article(headline="A b", keywords=("x",))


def test_lists_become_tuples():
    made = article(bylines=[Byline(name="A")], keywords=["k"])
    assert isinstance(made.bylines, tuple)
    assert isinstance(made.keywords, tuple)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("EN", "en"), ("en-gb", "en-GB"), ("zh-hant-tw", "zh-Hant-TW"), ("sr_latn", "sr-Latn"),
     ("es-419", "es-419"), ("x-Private", "x-private"), ("en-US-x-Twain", "en-US-x-twain")],
)  # fmt: skip
def test_language_tags_are_cased_as_rfc5646_recommends(raw, canonical):
    assert article(language=raw).language == canonical


def test_media_types_and_url_schemes_are_lower_case():
    photo = Photo(href="HTTPS://Example.org/A.jpg", media_type="Image/JPEG")
    assert photo.href == "https://Example.org/A.jpg"
    assert photo.media_type == "image/jpeg"


def test_body_inline_markup_is_sanitised():
    paragraph = Paragraph(text='<b>Hi</b> <script>x()</script><a href="javascript:x()">there</a>')
    assert paragraph.text == "<strong>Hi</strong> there"
    assert paragraph.plain_text == "Hi there"


def test_paragraph_from_text_escapes_markup():
    assert Paragraph.from_text("1 < 2 & <b>").text == "1 &lt; 2 &amp; &lt;b&gt;"


def test_plain_text_that_looks_like_markup_is_kept_as_text():
    # Only markup that is nothing but line breaks is empty; in plain text "<br>" is four characters.
    assert article(editor_note="<br>").editor_note == "<br>"
    assert article(keywords=["<br>"]).keywords == ("<br>",)


def test_datetimes_with_any_offset_compare_by_instant():
    utc = datetime(2026, 3, 14, 6, 0, tzinfo=UTC)
    local = datetime(2026, 3, 14, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    assert article(published=utc) == article(published=local)


def test_enums_accept_their_values():
    assert article(status="withheld").status is Status.WITHHELD
    assert Topic(name="Paris", kind="place").kind is TopicKind.PLACE


def test_lead_photo_is_the_first_photo():
    first, second = Photo(href="https://x.org/1.jpg"), Photo(href="https://x.org/2.jpg")
    assert article(photos=[first, second]).lead_photo == first


def test_photo_ref_points_into_photos():
    made = article(photos=[Photo(uri="urn:p:1")], body=[PhotoRef(photo=0)])
    assert made.body[0] == PhotoRef(photo=0)


INVALID = [
    # (what to build, the path the error must name, a word the message must hold)
    (lambda: article(headline=""), "headline", "empty"),
    (lambda: article(headline="   "), "headline", "empty"),
    (lambda: article(headline=None), "headline", "text"),
    (lambda: article(headline="bell\x07"), "headline", "U+0007"),
    (lambda: article(headline="lone \ud800"), "headline", "U+D800"),
    (lambda: article(summary="\ufffe"), "summary", "U+FFFE"),
    (lambda: article(uri=""), "uri", "identifier"),
    (lambda: article(uri="has space"), "uri", "identifier"),
    (lambda: article(version=0), "version", "between"),
    (lambda: article(version=True), "version", "integer"),
    (lambda: article(version=2**31), "version", "between"),
    (lambda: article(url="javascript:alert(1)"), "url", "http"),
    (lambda: article(url="ftp://x.org/a"), "url", "http"),
    (lambda: article(url='https://x.org/"onmouseover'), "url", "allowed"),
    (lambda: article(language="english!"), "language", "BCP 47"),
    (lambda: article(language="1en"), "language", "BCP 47"),
    (lambda: article(language="en--gb"), "language", "BCP 47"),
    (lambda: article(published=datetime(2026, 1, 1)), "published", "timezone-aware"),
    (lambda: article(updated="2026-01-01T00:00:00Z"), "updated", "datetime"),
    (
        lambda: article(created=datetime(2026, 1, 1, tzinfo=timezone(timedelta(seconds=30)))),
        "created",
        "whole number of minutes",
    ),
    (lambda: article(status="deleted"), "status", "usable"),
    (lambda: article(urgency=0), "urgency", "between 1 and 9, got 0"),
    (lambda: article(urgency=10), "urgency", "between 1 and 9, got 10"),
    (lambda: article(urgency=True), "urgency", "integer, got bool"),
    (lambda: article(urgency="3"), "urgency", "integer, got str"),
    (lambda: article(urgency=3.0), "urgency", "integer, got float"),
    (lambda: article(keywords="one string"), "keywords", "list"),
    (lambda: article(keywords=["ok", ""]), "keywords[1]", "empty"),
    (lambda: article(bylines=["Ada"]), "bylines[0]", "Byline"),
    (lambda: article(photos=[Photo(uri="urn:p")], body=[PhotoRef(photo=1)]), "body[0].photo",
     "1 photo"),
    (lambda: article(body=["text"]), "body[0]", "expected"),
    (lambda: Byline(name="A", email="not-an-address"), "email", "e-mail"),
    (lambda: Byline(name="A", uri="javascript:alert(1)"), "uri", "javascript"),
    (lambda: Byline(name="A", uri="no-scheme"), "uri", "scheme"),
    (lambda: Photo(href="https://x.org/a.jpg", width=0), "width", "between"),
    (lambda: Photo(href="https://x.org/a.jpg", height=-3), "height", "between"),
    (lambda: Photo(href="https://x.org/a.jpg", width=1.5), "width", "integer"),
    (lambda: Photo(href="data:text/html,<script>"), "href", "data:image"),
    (lambda: Photo(href="https://x.org/a.jpg", media_type="jpeg"), "media_type", "media type"),
    (lambda: Photo(href="https://x.org/a.jpg", photographer="Ann"), "photographer", "Byline"),
    (lambda: Photo(href="https://x.org/a.jpg", renditions=[{"name": "x"}]), "renditions[0]",
     "Rendition"),
    (lambda: Photo(caption="no address"), "", "href, a uri or"),
    (lambda: Rendition(name="thumb", href="javascript:x"), "href", "http"),
    (lambda: Topic(kind="place"), "", "name, a code or a uri"),
    (lambda: Topic(name="x", kind="planet"), "kind", "subject"),
    (lambda: Topic(name="x", code="has space"), "code", "identifier"),
    (lambda: Paragraph(text=""), "text", "empty"),
    (lambda: Paragraph(text="<script>only script</script>"), "text", "empty"),
    (lambda: Paragraph(text="\x00"), "text", "U+0000"),
    (lambda: Paragraph(text="<br><em><br></em>"), "text", "empty"),
    (lambda: Heading(text="h", level=1), "level", "between 2 and 6"),
    (lambda: Heading(text="h", level=7), "level", "between 2 and 6"),
    (lambda: Quote(text=" "), "text", "empty"),
    (lambda: ListBlock(items=[]), "items", "at least one"),
    (lambda: ListBlock(items=["a", " "]), "items[1]", "empty"),
    (lambda: ListBlock(items="abc"), "items", "list"),
    (lambda: ListBlock(items=["a"], ordered="yes"), "ordered", "true or false"),
    (lambda: PhotoRef(photo=-1), "photo", "between"),
    (lambda: Embed(url="javascript:alert(1)"), "url", "http"),
]  # fmt: skip


@pytest.mark.parametrize(("build", "path", "word"), INVALID)
def test_invalid_values_raise_validation_error_naming_the_field(build, path, word):
    with pytest.raises(ValidationError) as caught:
        build()
    assert caught.value.path == path
    assert word in caught.value.message
