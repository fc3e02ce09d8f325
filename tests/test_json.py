"""articlekit JSON: exact round trips, a published schema, clear errors on bad documents."""

from __future__ import annotations

import io
import json as stdlib_json
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import (
    Article,
    ParseError,
    UnsupportedError,
    ValidationError,
    _convert,
    json,
    strategies,
)

DOCS_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "_static" / "article-1.json"
VALIDATOR = jsonschema.Draft202012Validator(
    json.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def document(**fields):
    return stdlib_json.dumps({"articlekit": 1, "uri": "urn:x", "headline": "H", **fields})


@given(strategies.articles())
def test_generated_articles_survive_a_json_round_trip(article):
    assert json.loads(json.dumps(article)) == article


@pytest.mark.slow
@settings(max_examples=1000)
@given(strategies.articles())
def test_a_thousand_generated_articles_round_trip_without_difference(article):
    text = json.dumps(article)
    again = json.loads(text)
    assert again == article
    assert json.dumps(again) == text  # the document is stable, not only the model


@given(strategies.articles())
def test_every_dumped_document_validates_against_the_schema(article):
    VALIDATOR.validate(stdlib_json.loads(json.dumps(article)))


def test_a_long_article_round_trips():
    paragraphs = [
        articlekit.Paragraph(
            text=f'Paragraph {n} with <em>markup</em> and <a href="/p/{n}">a link</a>.'
        )
        for n in range(2000)
    ]
    photos = [articlekit.Photo(href=f"https://img.example.org/{n}.jpg") for n in range(100)]
    body = [*paragraphs, *(articlekit.PhotoRef(photo=n) for n in range(100))]
    long = Article(uri="urn:x", headline="Long", photos=photos, body=body)
    assert json.loads(json.dumps(long)) == long


def test_schema_published_in_the_docs_is_the_schema_of_this_release():
    assert stdlib_json.loads(DOCS_SCHEMA.read_text(encoding="utf-8")) == json.schema()


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(json.schema())


def test_schema_rejects_what_loads_rejects_for_shape():
    for bad in [{"headline": "H"}, {"articlekit": 1, "uri": "u:x", "headline": "H", "x": 1}]:
        assert not VALIDATOR.is_valid(bad)


def test_sample_round_trips_and_reads_from_bytes_and_text():
    sample = articlekit.sample()
    text = json.dumps(sample, indent=2)
    assert json.loads(text) == sample
    assert json.loads(text.encode("utf-8")) == sample
    assert json.loads(text.encode("utf-16")) == sample


def test_document_starts_with_the_format_version_and_leaves_defaults_out():
    data = stdlib_json.loads(json.dumps(Article(uri="urn:x", headline="H")))
    assert list(data) == ["articlekit", "uri", "headline"]
    assert data["articlekit"] == json.FORMAT_VERSION


def test_urgency_is_an_integer_member_and_documents_without_it_still_read():
    article = Article(uri="urn:x", headline="H", urgency=1)
    text = json.dumps(article)
    assert stdlib_json.loads(text)["urgency"] == 1
    VALIDATOR.validate(stdlib_json.loads(text))
    assert json.loads(text) == article
    assert json.loads(document()).urgency is None  # written before the model had urgency
    assert list(VALIDATOR.iter_errors(stdlib_json.loads(document(urgency=10))))


def test_non_ascii_is_written_as_itself():
    assert "Zoë" in json.dumps(Article(uri="urn:x", headline="Zoë"))


def test_datetimes_are_rfc3339_with_z_for_utc_and_offsets_kept():
    utc = datetime(2026, 3, 14, 6, 0, tzinfo=timezone.utc)
    local = datetime(2026, 3, 14, 8, 0, 0, 500, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    data = stdlib_json.loads(
        json.dumps(Article(uri="urn:x", headline="H", created=utc, updated=local))
    )
    assert data["created"] == "2026-03-14T06:00:00Z"
    assert data["updated"] == "2026-03-14T08:00:00.000500-03:30"


def test_body_blocks_are_tagged_by_type():
    sample = stdlib_json.loads(json.dumps(articlekit.sample()))
    assert {block["type"] for block in sample["body"]} == {"paragraph"}


def test_dump_and_load_use_binary_files():
    buffer = io.BytesIO()
    json.dump(articlekit.sample(), buffer)
    buffer.seek(0)
    assert json.load(buffer) == articlekit.sample()


def test_text_mode_files_are_refused_with_advice():
    with pytest.raises(TypeError, match="binary mode"):
        json.load(io.StringIO(document()))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary mode"):
        json.dump(articlekit.sample(), io.StringIO())  # type: ignore[arg-type]


def test_dumps_refuses_what_is_not_an_article():
    with pytest.raises(TypeError, match="Article"):
        json.dumps({"headline": "H"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [("{", 1, 2), ('{\n  "uri": "x",\n  "headline": }', 3, 15), ("", 1, 1), ("[1,]", 1, 4)],
)
def test_malformed_json_raises_parse_error_with_position(data, line, column):
    with pytest.raises(ParseError) as caught:
        json.loads(data)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_invalid_utf8_raises_parse_error():
    with pytest.raises(ParseError, match="UTF-8"):
        json.loads(b'{"headline": "\xff\xfe\xfa"}')


def test_absurd_json_raises_parse_error_not_a_crash():
    with pytest.raises(ParseError):
        json.loads("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ParseError):
        json.loads('{"articlekit": 1, "version": ' + "9" * 10_000 + "}")


@pytest.mark.parametrize(
    ("data", "path", "word"),
    [
        ("[]", "", "object"),
        ('{"uri": "urn:x", "headline": "H"}', "", "format version is missing"),
        ('{"articlekit": "1", "uri": "urn:x", "headline": "H"}', "articlekit", "positive integer"),
        (document(headline=None), "headline", "string"),
        (stdlib_json.dumps({"articlekit": 1, "uri": "urn:x"}), "headline", "missing"),
        (document(version="2"), "version", "integer"),
        (document(version=2.0), "version", "integer"),
        (document(version=True), "version", "integer"),
        (document(extra=1), "", "unknown field(s): extra"),
        (document(keywords="a, b"), "keywords", "array"),
        (document(keywords=["a", 1]), "keywords[1]", "string"),
        (document(created="2026-03-14 06:00"), "created", "RFC 3339"),
        (document(created="2026-03-14T06:00:00"), "created", "timezone"),
        (document(created="2026-02-30T06:00:00Z"), "created", "day is out of range"),
        (document(status="live"), "status", "usable"),
        (document(urgency="3"), "urgency", "integer"),
        (document(urgency=3.0), "urgency", "integer"),
        (document(urgency=True), "urgency", "integer"),
        (document(urgency=0), "urgency", "between 1 and 9"),
        (document(urgency=10), "urgency", "between 1 and 9"),
        (document(photos=[{"href": "https://x.org/a.jpg", "width": 0}]), "photos[0].width",
         "between"),
        (document(photos=[{"renditions": [{"name": "t", "href": "javascript:x"}]}]),
         "photos[0].renditions[0].href", "http"),
        (document(photos=[{"href": "https://x.org/a.jpg", "photographer": {}}]),
         "photos[0].photographer.name", "missing"),
        (document(topics=[{"name": "x", "kind": "planet"}]), "topics[0].kind", "subject"),
        (document(body=[{"type": "paragraph"}]), "body[0].text", "missing"),
        (document(body=[{"type": "table", "rows": []}]), "body[0]", "unknown type 'table'"),
        (document(body=[{"text": "x"}]), "body[0]", "no 'type'"),
        (document(body=["x"]), "body[0]", "object"),
        (document(body=[{"type": "paragraph", "text": "x", "class": "lead"}]), "body[0]", "class"),
        (document(body=[{"type": "list", "items": ["a", " "]}]), "body[0].items[1]", "empty"),
        (document(body=[{"type": "photo", "photo": 0}]), "body[0].photo", "0 photos"),
        (document(headline="\ud800"), "headline", "U+D800"),
    ],
)  # fmt: skip
def test_invalid_documents_raise_validation_error_with_path(data, path, word):
    with pytest.raises(ValidationError) as caught:
        json.loads(data)
    assert caught.value.path == path
    assert word in caught.value.message


def test_documents_of_a_newer_format_version_are_unsupported():
    with pytest.raises(UnsupportedError, match="upgrade"):
        json.loads(document(articlekit=json.FORMAT_VERSION + 1))


def test_reading_canonicalises_untidy_documents():
    untidy = document(headline="  Two   spaces ", body=[{"type": "paragraph", "text": "<b>x</b>"}])
    assert json.loads(untidy) == Article(uri="urn:x", headline="Two spaces", body=[
        articlekit.Paragraph(text="<strong>x</strong>")
    ])  # fmt: skip


def test_loading_never_warns():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        json.loads(json.dumps(articlekit.sample()))


TWICE = '{"articlekit": 1, "uri": "urn:x", "headline": "Hi", "headline": "Ho"}'


def test_a_member_given_twice_is_read_last_one_wins_and_reported():
    with pytest.warns(articlekit.RepairWarning) as caught:
        article = json.loads(TWICE)
    assert article.headline == "Ho"  # as Python's json and JavaScript's JSON.parse read it
    assert [(w.message.where, w.message.repair) for w in caught] == [  # type: ignore[union-attr]
        ("headline", "given twice in one object: the last one is read")
    ]


def test_a_member_given_twice_is_refused_when_strict():
    with pytest.raises(ParseError, match="'headline' appears twice"):
        json.loads(TWICE, strict=True)
    with pytest.raises(ParseError, match="'headline' appears twice"):
        json.load(io.BytesIO(TWICE.encode()), strict=True)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_javascript_constants_are_not_json(constant):
    with pytest.raises(ParseError, match=constant):
        json.loads(f'{{"articlekit": 1, "version": {constant}}}')


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
    st.booleans(),
)
def test_date_times_read_back_exactly_whatever_their_case_and_offset(moment, minutes, lower):
    when = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    text = _convert.format_datetime(when)
    if lower:
        text = text.replace("T", "t").replace("Z", "z")
    parsed = _convert.parse_datetime(text)
    assert parsed == when
    assert parsed.utcoffset() == when.utcoffset()
    assert parsed.isoformat() == when.isoformat()


@pytest.mark.parametrize(
    "text",
    ["2026-02-30T00:00:00Z", "2026-03-14T24:00:00Z", "2026-03-14T10:00:60Z",
     "2026-03-14T10:00:00+24:00", "2026-03-14T10:00:00", "2026-03-14T10:00:00.1234567Z",
     "2026-03-14 10:00:00Z", "2026-W11-6T10:00:00Z", "20260314T100000Z"],
)  # fmt: skip
def test_date_times_that_are_not_rfc_3339_are_refused(text):
    with pytest.raises(ValidationError, match=r"date-time|offset"):
        _convert.parse_datetime(text)
