"""The ninjs dialects real producers send: read, each repair reported; refused when strict."""

from __future__ import annotations

import contextlib
import json as stdlib_json
import warnings
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import articlekit
from articlekit import (
    Article,
    Byline,
    Heading,
    ListBlock,
    Paragraph,
    ParseError,
    RepairWarning,
    ValidationError,
    ninjs,
)


def _read(document: dict[str, Any] | str, **options: Any) -> tuple[Article, list[tuple[str, str]]]:
    """Read leniently; the article and each repair as (where, repair)."""
    text = document if isinstance(document, str) else stdlib_json.dumps(document)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = ninjs.loads(text, **options)
    found = [w.message for w in caught if isinstance(w.message, RepairWarning)]
    assert len(found) == len(caught)
    return article, [(w.where, w.repair) for w in found]


def _refused(document: dict[str, Any] | str) -> ValidationError:
    text = document if isinstance(document, str) else stdlib_json.dumps(document)
    with pytest.raises(ValidationError) as caught:
        ninjs.loads(text, strict=True)
    return caught.value


SUPERDESK = {
    "guid": "urn:newsml:example.org:2026:1",
    "type": "text",
    "version": "2",
    "headline": "Council votes",
    "body_html": "<p>The council voted.</p>",
    "versioncreated": "2026-03-14T06:00:00+0000",
}


def test_superdesk_guid_and_offsets_without_colon_are_read_and_reported():
    article, repairs = _read(SUPERDESK)
    assert article.uri == "urn:newsml:example.org:2026:1"
    assert article.updated == datetime(2026, 3, 14, 6, tzinfo=timezone.utc)
    assert article.body == (Paragraph(text="The council voted."),)
    assert repairs == [
        ("guid", "no uri: the item's guid is read as its uri"),
        ("versioncreated", "a UTC offset without its colon: read as +00:00"),
    ]
    assert _refused(SUPERDESK).path == "guid"


def test_a_content_api_id_is_the_uri():
    document = {"_id": "item-7", "headline": "H", "firstcreated": "2026-03-14T06:00:00+0200"}
    article, repairs = _read(document)
    assert article.uri == "item-7"
    assert article.published == datetime(2026, 3, 14, 4, tzinfo=timezone.utc)
    assert repairs[0] == ("_id", "no uri: the item's _id is read as its uri")
    assert _refused(document).path == "_id"


def test_an_item_without_any_identifier_gets_a_uri_derived_from_its_content():
    document = {"headline": "H", "body_html": "<p>B</p>"}
    first, repairs = _read(document)
    again, _ = _read(document)
    assert first.uri.startswith("urn:articlekit:ninjs-item:")
    assert first.uri == again.uri
    assert repairs == [
        ("uri", "uri missing, and no guid or id: a uri derived from the item's content")
    ]
    assert _refused(document).path == "uri"


AP = {
    "uri": "https://api.example.org/content/1",
    "version": 3,
    "type": "text",
    "headline": "Storm nears coast",
    "usageterms": ["Editorial use only.", "No archiving."],
    "provider": "AP",
    "keywords": ["Storm"],
    "bylines": [{"by": "By JANE ROE", "title": "Staff Writer"}],
    "links": [{"href": "https://news.example.org/1", "rel": "canonical"}],
    "renditions": {"nitf": {"mimetype": "text/xml", "href": "https://api.example.org/1.xml"}},
}


def test_ap_media_api_integer_version_and_usage_terms_array_are_read_and_reported():
    article, repairs = _read(AP)
    assert article.version == 3
    assert article.usage_terms == "Editorial use only. No archiving."
    assert article.provider == "AP"
    assert article.keywords == ("Storm",)
    assert article.bylines == (Byline(name="JANE ROE", role="Staff Writer"),)
    assert article.url == "https://news.example.org/1"
    assert article.photos == ()  # the NITF file of the text is no photo
    assert repairs == [
        ("version", "an integer where ninjs has a string: read as text"),
        ("usageterms", "an array where ninjs has a string: its entries joined"),
        ("renditions", "a rendition of type text/xml (nitf) is not an image: not read"),
    ]
    assert _refused(AP).path == "version"


TT = {
    "$standard": {"name": "TTNINJS", "version": "2.0"},
    "uri": "http://tt.example.org/text/1",
    "headline": "Val i dag",
    "body_text": "Val i dag. Rösterna räknas.",
    "body_html5": "<h2>Val</h2><p>Rösterna <strong>räknas</strong>.</p><ul><li>Ett</li></ul>",
    "versioncreated": "2026-03-14T06:00:00+01:00",
}


def test_tt_html5_body_is_read_as_blocks_without_any_repair():
    article, repairs = _read(TT)
    assert article.body == (
        Heading(text="Val", level=2),
        Paragraph(text="Rösterna <strong>räknas</strong>."),
        ListBlock(items=["Ett"]),
    )
    assert repairs == []


def test_tt_html5_body_is_read_as_html_without_a_declared_standard():
    document = {key: value for key, value in TT.items() if key != "$standard"}
    article, _ = _read(document)
    assert not any("<" in getattr(block, "plain_text", "") for block in article.body)
    assert article.body[0] == Heading(text="Val", level=2)


NAIVE = {"uri": "urn:x", "headline": "H", "firstcreated": "2018-05-28T16:40:08"}


def test_a_naive_date_time_is_read_as_utc_and_reported():
    article, repairs = _read(NAIVE)
    assert article.published == datetime(2018, 5, 28, 16, 40, 8, tzinfo=timezone.utc)
    assert repairs == [("firstcreated", "no time zone: read as UTC")]
    assert _refused(NAIVE).path == "firstcreated"


def test_a_naive_date_time_is_read_in_the_zone_given():
    article, repairs = _read(NAIVE, default_timezone=ZoneInfo("Europe/London"))
    assert article.published is not None
    assert article.published.utcoffset() == timedelta(hours=1)  # British summer time
    assert repairs == [("firstcreated", "no time zone: read as Europe/London")]


def test_a_naive_date_time_in_ninjs_3_names_its_camel_case_member():
    document = {
        "uri": "urn:x",
        "headlines": [{"value": "H"}],
        "firstCreated": "2018-05-28T16:40:08",
    }
    _, repairs = _read(document)
    assert repairs == [("firstCreated", "no time zone: read as UTC")]


@pytest.mark.parametrize(
    ("fields", "headline", "source"),
    [  # the first two have the shape of ninjs 2.x, whose member is headlines
        ({"slugline": "council-vote", "title": "T"}, "council-vote", "slugline"),
        ({"title": "Council votes"}, "Council votes", "title"),
        (
            {"description_text": "The council voted. It was late."},
            "The council voted.",
            "the description",
        ),
        (
            {"body_html": "<p>" + "word " * 60 + "</p>"},
            ("word " * 40).strip(),
            "the body's first paragraph",
        ),
    ],
)
def test_a_missing_headline_is_derived_in_the_policy_order(fields, headline, source):
    document = {"uri": "urn:x", **fields}
    article, repairs = _read(document)
    assert article.headline == headline
    where = "headlines" if source in {"slugline", "title"} else "headline"
    assert repairs == [(where, f"no headline: derived from {source}")]
    assert _refused(document).path == where


def test_an_item_with_nothing_to_derive_a_headline_from_is_refused():
    with pytest.raises(ValidationError) as caught:
        ninjs.loads('{"uri": "urn:x"}')
    assert caught.value.path == "headlines"


DUPLICATE = '{"uri": "urn:x", "headline": "First", "headline": "Second"}'


def test_a_member_given_twice_is_read_last_one_wins_and_reported():
    article, repairs = _read(DUPLICATE)
    assert article.headline == "Second"
    assert repairs == [("headline", "given twice in one object: the last one is read")]
    with pytest.raises(ParseError, match="appears twice"):
        ninjs.loads(DUPLICATE, strict=True)


def test_superdesk_vocabulary_names_make_qcodes():
    subject = {"name": "Lawyer", "code": "02002001", "scheme": "category"}
    document = {"uri": "urn:x", "headline": "H", "subject": [subject]}
    article, repairs = _read(document)
    assert article.topics[0].code == "category:02002001"
    assert repairs == []


def test_iter_articles_reports_each_items_repairs():
    items = stdlib_json.dumps([SUPERDESK, NAIVE])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = list(ninjs.iter_articles(items))
    assert [a.uri for a in articles] == ["urn:newsml:example.org:2026:1", "urn:x"]
    assert len(caught) == 3
    with pytest.raises(ValidationError):
        list(ninjs.iter_articles(items, strict=True))


NOT_READ = {
    "uri": "urn:example:not-read",
    "type": "text",
    "headlines": [{"role": "main", "value": "H"}],
    "authors": [{"name": "A"}],
    "extra": {"subtitle": "S"},
    "associations": [{"name": "photo1", "uri": "urn:p", "type": "picture", "poi": {"x": 1}}],
}


def test_members_not_read_are_reported_in_one_repair():
    article, repairs = _read(NOT_READ)
    assert article.headline == "H"
    assert len(article.photos) == 1
    names = "authors, extra, associations.poi"
    assert repairs == [(names, f"not read, the model has no field for them: {names}")]
    assert _refused(NOT_READ).path == names


@pytest.mark.parametrize(
    "item",
    [
        {"uri": "u", "headlines": [{"value": "H"}], "urgency": 3},  # 3.x, integer
        {"uri": "u", "headlines": [{"value": "H"}], "urgency": 3.0},  # 2.x types it "number"
        {"uri": "u", "headline": "H", "urgency": 3},  # 1.x
    ],
)
def test_urgency_is_read_in_every_major_version_without_a_repair(item):
    article, repairs = _read(item)
    assert article.urgency == 3
    assert type(article.urgency) is int
    assert repairs == []


@pytest.mark.parametrize(
    ("urgency", "shown"),
    [(0, "0"), (10, "10"), (3.5, "3.5"), ("3", "'3'"), (True, "a boolean"), ([1], "an array")],
)
def test_an_urgency_outside_1_to_9_is_dropped_and_reported(urgency, shown):
    item = {"uri": "u", "headlines": [{"value": "H"}], "urgency": urgency}
    article, repairs = _read(item)
    assert article.urgency is None
    assert repairs == [("urgency", f"{shown} is not an urgency of 1 to 9: not read")]
    refused = _refused(item)
    assert refused.path == "urgency"
    assert "strict reading refuses it" in refused.message


def test_members_not_read_keep_the_names_of_ninjs_3_and_1():
    three = {"uri": "u", "headlines": [{"value": "H"}], "versionCreated": "2026-03-14T06:00:00Z"}
    _, repairs = _read({**three, "geoJSON": {}, "headlines": [{"value": "H", "langId": "x"}]})
    assert [where for where, _ in repairs] == ["headlines.langId, geoJSON"]
    one = {"uri": "u", "headline": "H", "headline_extended": "E", "mimetype": "text/plain"}
    _, repairs = _read(one)
    assert [where for where, _ in repairs] == ["headline_extended, mimetype"]


@pytest.mark.parametrize("version", ["2.2", "3.1"])
def test_own_output_reads_back_without_a_not_read_repair(version):
    from articlekit import sample

    _, repairs = _read(ninjs.dumps(sample(), version=version))
    assert repairs == []


def test_a_root_rendition_named_original_is_the_photos_main_image() -> None:
    # Found by fuzzing: it was kept as a rendition named "original", which ninjs.dumps then
    # reported as a loss, since it writes a photo's main image under that name.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.RepairWarning)
        article = ninjs.loads(
            b'{"renditions": {"original": {"href": "https://x.org/a.jpg"}}, "slugline": "m"}'
        )
    assert [(photo.href, photo.renditions) for photo in article.photos] == [
        ("https://x.org/a.jpg", ())
    ]
    assert ninjs.loads(ninjs.dumps(article)) == article


def test_an_item_without_uri_holding_a_lone_surrogate_reads_or_refuses_never_crashes() -> None:
    # Found by fuzzing: deriving the uri from the item's content raised UnicodeEncodeError.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.RepairWarning)
        with contextlib.suppress(articlekit.ArticleKitError):
            ninjs.loads(rb'{"headline": "x", "x": "\ud800"}')


def test_a_1x_body_beside_a_bodies_member_that_is_no_array_is_refused_in_our_words():
    """Found by fuzzing: the 1.x body_text was appended to a string and raised AttributeError."""
    document = (
        '{"uri": "urn:x:1", "type": "text", "headline": "H", "bodies": "x", "body_text": "y"}'
    )
    with pytest.raises(ValidationError, match="bodies: not an array, and body_text"):
        ninjs.loads(document)
