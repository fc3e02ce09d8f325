"""NewsML 1.x (read only): envelopes, NewsItems, NITF/XHTML/text components, photos, refusals."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from datetime import datetime, timedelta, timezone

import pytest

import articlekit
from articlekit import (
    Paragraph,
    ParseError,
    RepairWarning,
    Status,
    TopicKind,
    UnsupportedError,
    ValidationError,
    json,
    newsml1,
)
from articlekit._formats import FORMATS, WRITABLE, format_for_path
from articlekit.model import ListBlock

COMMAND = [sys.executable, "-m", "articlekit"]
DOCTYPE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20031010:NewsMLv1.2.dtd:1" "NewsML_1.2.dtd"\n'
    b'[<!ENTITY % nitf SYSTEM "nitf-3-2.dtd"> %nitf; ]>\n'
)
ENVELOPE = (
    b'<NewsML Version="1.2">\n'
    b"<NewsEnvelope><DateAndTime>20240305T101500+0100</DateAndTime>"
    b'<NewsService FormalName="Wire Service"/><Priority FormalName="3"/></NewsEnvelope>\n'
)


def item(
    body: bytes,
    *,
    item_id: bytes = b"A1",
    headline: bytes = b"<HeadLine>Flood waters recede</HeadLine>",
    created: bytes = b"20240305T091000+0100",
    management: bytes = b'<Status FormalName="Usable"/><Urgency FormalName="2"/>',
    lines: bytes = b"",
) -> bytes:
    """A NewsItem in the pattern of the agencies' feeds, with *body* in its NewsComponent."""
    return (
        b"<NewsItem>\n<Identification><NewsIdentifier><ProviderId>wire.example</ProviderId>"
        b"<DateId>20240305</DateId><NewsItemId>" + item_id + b"</NewsItemId>"
        b'<RevisionId PreviousRevision="1" Update="N">2</RevisionId>'
        b"<PublicIdentifier>urn:newsml:wire.example:20240305:" + item_id + b":2</PublicIdentifier>"
        b"</NewsIdentifier></Identification>\n"
        b"<NewsManagement><NewsItemType FormalName=\"News\"/><FirstCreated>" + created
        + b"</FirstCreated><ThisRevisionCreated>20240305T101500+0100</ThisRevisionCreated>"
        + management + b"</NewsManagement>\n"
        b"<NewsComponent>\n<NewsLines>" + headline + b"<ByLine>By Ann Example</ByLine>"
        b"<DateLine>RIVERTON, March 5</DateLine><SlugLine>Weather-Flood</SlugLine>"
        b"<CopyrightLine>(c) 2024 Wire</CopyrightLine><KeywordLine>flood</KeywordLine>"
        + lines + b"</NewsLines>\n"
        b'<AdministrativeMetadata><Provider><Party FormalName="WIRE"/></Provider>'
        b"</AdministrativeMetadata>\n"
        b'<DescriptiveMetadata><Language FormalName="en"/><Genre FormalName="Current"/>'
        b'<SubjectCode><Subject FormalName="17000000"/><SubjectMatter FormalName="17004000"/>'
        b'</SubjectCode><Location HowPresent="Origin"><Property FormalName="Country" '
        b'Value="GBR"/><Property FormalName="City" Value="Riverton"/></Location>'
        b"</DescriptiveMetadata>\n" + body + b"\n</NewsComponent>\n</NewsItem>\n"
    )  # fmt: skip


def text_item(content: bytes, **options: bytes) -> bytes:
    return item(
        b'<ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF"/><DataContent>'
        + content + b"</DataContent></ContentItem>",
        **options,
    )  # fmt: skip


NITF_BODY = (
    b"<nitf><body><body.head><hedline><hl1>Inner headline</hl1></hedline>"
    b"<abstract><p>The river fell overnight.</p></abstract></body.head><body.content>"
    b"<p>Water levels fell <em>sharply</em>.</p><p>Roads reopened.</p>"
    b"</body.content></body></nitf>"
)


def document(*items: bytes, doctype: bool = True) -> bytes:
    return (DOCTYPE if doctype else b"") + ENVELOPE + b"".join(items) + b"</NewsML>"


def read(data: bytes, **options: object) -> articlekit.Article:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RepairWarning)  # none expected unless a test says so
        return newsml1.loads(data, **options)  # type: ignore[arg-type]


# --- the mapping -------------------------------------------------------------------------------


def test_a_newsitem_with_nitf_reads_its_metadata_and_body():
    article = read(document(text_item(NITF_BODY)))
    cet = timezone(timedelta(hours=1))
    assert article.uri == "urn:newsml:wire.example:20240305:A1:2"
    assert article.version == 2
    assert article.headline == "Flood waters recede"  # NewsLines before the NITF hl1
    assert [b.name for b in article.bylines] == ["Ann Example"]
    assert article.dateline == "RIVERTON, March 5"
    assert article.slugline == "Weather-Flood"
    assert article.copyright_notice == "(c) 2024 Wire"
    assert article.keywords == ("flood",)
    assert article.provider == "WIRE"
    assert article.language == "en"
    assert article.located == "Riverton, GBR"
    assert article.published == datetime(2024, 3, 5, 9, 10, tzinfo=cet)
    assert article.updated == datetime(2024, 3, 5, 10, 15, tzinfo=cet)
    assert article.status is Status.USABLE
    assert article.urgency == 2
    assert article.summary == "The river fell overnight."  # from the NITF abstract
    assert [(t.kind, t.code) for t in article.topics] == [
        (TopicKind.GENRE, "Current"),
        (TopicKind.SUBJECT, "17000000"),
        (TopicKind.SUBJECT, "17004000"),
    ]
    assert article.body == (
        Paragraph(text="Water levels fell <em>sharply</em>."),
        Paragraph(text="Roads reopened."),
    )


def test_the_envelope_gives_urgency_and_time_where_the_item_has_none():
    data = document(text_item(b"Text.", management=b'<Status FormalName="Withheld"/>'))
    article = read(data.replace(b"<FirstCreated>20240305T091000+0100</FirstCreated>", b""))
    assert article.urgency == 3  # NewsEnvelope/Priority
    assert article.published == datetime(2024, 3, 5, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    assert article.status is Status.WITHHELD


def test_an_envelope_of_several_items_gives_one_article_each_and_loads_refuses_it():
    data = document(text_item(b"One."), text_item(b"Two.", item_id=b"B2"))
    articles = list(newsml1.iter_articles(data))
    assert [a.uri.split(":")[-2] for a in articles] == ["A1", "B2"]
    assert [a.body[0].plain_text for a in articles] == ["One.", "Two."]
    assert list(newsml1.iter_articles(io.BytesIO(data))) == articles
    with pytest.raises(ValidationError, match="2 articles: read them with iter_articles"):
        newsml1.loads(data)


def test_a_photo_only_item_is_skipped_and_a_document_of_no_text_refused():
    photo_only = item(b"", item_id=b"P1")
    articles = list(newsml1.iter_articles(document(photo_only, text_item(b"Text."))))
    assert len(articles) == 1
    with pytest.raises(UnsupportedError, match="no NewsItem with text"):
        newsml1.loads(document(photo_only))


def test_xhtml_data_content_reads_as_blocks():
    xhtml = (
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>'
        b"<p>First <strong>bold</strong>.</p><ul><li>one</li><li>two</li></ul>"
        b'<script>alert(1)</script><p onclick="x()">Second.</p></body></html>'
    )
    article = read(document(text_item(xhtml)))
    assert article.body == (
        Paragraph(text="First <strong>bold</strong>."),
        ListBlock(items=("one", "two")),
        Paragraph(text="Second."),
    )


def test_plain_text_data_content_is_a_paragraph_per_run_and_a_mentioned_tag_stays_text():
    article = read(document(text_item(b"First: a &lt;b&gt; tag\n  wrapped.\n\nSecond.")))
    assert [b.plain_text for b in article.body] == ["First: a <b> tag wrapped.", "Second."]


def test_html_sent_as_plain_text_is_read_as_html_and_reported():
    data = document(text_item(b"Steven &lt;b&gt;Van Geel&lt;/b&gt; gave\n  up.\n\nSecond."))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsml1.loads(data)
    assert [str(w.message) for w in caught if "HTML" in str(w.message)] == [
        f"<DataContent> (line {_line_of(data, b'Steven')}): HTML in a text DataContent: "
        "read as HTML"
    ]
    assert [b.text for b in article.body] == [
        "Steven <strong>Van Geel</strong> gave up.",
        "Second.",
    ]
    with pytest.raises(articlekit.ValidationError, match="HTML in a text DataContent"):
        newsml1.loads(data, strict=True)


def _line_of(data: bytes, text: bytes) -> int:
    return data[: data.index(text)].count(b"\n") + 1


def test_role_components_give_headline_summary_and_body():
    parts = b"".join(
        b'<NewsComponent><Role FormalName="' + role + b'"/><ContentItem><Format FormalName='
        b'"Text"/><DataContent>' + text + b"</DataContent></ContentItem></NewsComponent>"
        for role, text in [(b"Title", b"Title text"), (b"Lead", b"Lead text"), (b"Body", b"Body.")]
    )
    article = read(document(item(parts, headline=b"<HeadLine/>")))
    assert (article.headline, article.summary) == ("Title text", "Lead text")
    assert [b.plain_text for b in article.body] == ["Body."]


def test_a_photo_component_is_a_photo_with_caption_credit_and_renditions():
    photo = (
        b'<NewsComponent><Role FormalName="Photo"/><NewsLines><HeadLine>Photo headline'
        b"</HeadLine><CreditLine>Jo Lens / Wire</CreditLine></NewsLines>"
        b'<NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/>'
        b"<DataContent>Sandbags on the quay.</DataContent></ContentItem></NewsComponent>"
        b'<NewsComponent><Role FormalName="Thumbnail"/><ContentItem Href="https://wire.example/'
        b't.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>'
        b'<Characteristics><Property FormalName="Width" Value="120"/><Property FormalName='
        b'"Height" Value="80"/></Characteristics></ContentItem></NewsComponent>'
        b'<NewsComponent><Role FormalName="HighRes"/><ContentItem Href="https://wire.example/'
        b'h.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>'
        b'<Characteristics><Property FormalName="Width" Value="3000"/><Property FormalName='
        b'"Height" Value="2000"/></Characteristics></ContentItem></NewsComponent>'
        b"</NewsComponent>"
    )
    article = read(
        document(text_item(NITF_BODY).replace(b"<ContentItem>", photo + b"<ContentItem>", 1))
    )
    (found,) = article.photos
    assert found.href == "https://wire.example/h.jpg"
    assert (found.width, found.height, found.media_type) == (3000, 2000, "image/jpeg")
    assert found.caption == "Sandbags on the quay."
    assert found.credit == "Jo Lens / Wire"
    assert [(r.name, r.href, r.width) for r in found.renditions] == [
        ("thumbnail", "https://wire.example/t.jpg", 120)
    ]
    assert article.headline == "Flood waters recede"  # the photo's HeadLine is its own


def test_times_in_basic_form_without_a_zone_are_read_in_the_default_zone_and_reported():
    data = document(text_item(b"Text.", created=b"20240305T091000"))
    helsinki = timezone(timedelta(hours=2))
    with pytest.warns(RepairWarning, match="no time zone") as caught:
        article = newsml1.loads(data, default_timezone=helsinki)
    assert article.published == datetime(2024, 3, 5, 9, 10, tzinfo=helsinki)
    assert "<FirstCreated> (line 8)" in str(caught[0].message)


def test_a_missing_headline_is_derived_from_the_slugline_and_reported():
    nitf = b"<nitf><body><body.content><p>Text.</p></body.content></body></nitf>"
    data = document(text_item(nitf, headline=b"<HeadLine/>"))
    with pytest.warns(RepairWarning, match="no headline: derived from the SlugLine"):
        article = newsml1.loads(data)
    assert article.headline == "Weather-Flood"


def test_what_the_model_has_no_field_for_is_reported_once_per_item():
    data = document(text_item(b"Text.", lines=b"<SeriesLine>Asia</SeriesLine>" * 2))
    with pytest.warns(RepairWarning) as caught:
        newsml1.loads(data)
    messages = [str(w.message) for w in caught]
    assert sum("NewsLines/SeriesLine" in m for m in messages) == 1


def test_a_public_identifier_that_does_not_name_the_item_gives_a_built_uri():
    data = document(text_item(b"Text.")).replace(
        b"urn:newsml:wire.example:20240305:A1:2", b"urn:newsml:wire.example"
    )
    with pytest.warns(RepairWarning, match="uri built from the NewsIdentifier"):
        article = newsml1.loads(data)
    assert article.uri == "urn:newsml:wire.example:20240305:A1"


# --- strictness, bad and hostile input ---------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reported"),
    [
        ((b"20240305T091000+0100", b"20240305T091000"), "no time zone"),
        ((b"<HeadLine>Flood waters recede</HeadLine>", b""), "no headline"),
        ((b'<Urgency FormalName="2"/>', b'<Urgency FormalName="12"/>'), "urgency of '12'"),
    ],
)
def test_strict_reading_refuses_each_repair(change, reported):
    data = document(text_item(b"Text.")).replace(*change)
    with pytest.raises(ValidationError, match=reported):
        newsml1.loads(data, strict=True)


def test_a_bad_revision_names_the_element_and_line():
    data = document(text_item(b"Text.")).replace(b">2</RevisionId>", b">two</RevisionId>")
    with pytest.raises(ValidationError, match=r"<RevisionId> \(line 7\): 'two' is not a whole"):
        newsml1.loads(data)


def test_an_impossible_time_names_the_element_and_line():
    data = document(text_item(b"Text.", created=b"20241305T091000+0100"))
    with pytest.raises(ValidationError, match=r"<FirstCreated> \(line 8\)"):
        newsml1.loads(data)


def test_a_bad_photo_size_names_the_element_and_line():
    photo = (
        b'<ContentItem Href="https://wire.example/p.jpg"><MediaType FormalName="Photo"/>'
        b'<Characteristics><Property FormalName="Width" Value="wide"/></Characteristics>'
        b"</ContentItem>"
    )
    with pytest.raises(ValidationError, match=r"<Property> \(line \d+\): width 'wide'"):
        newsml1.loads(
            document(text_item(b"Text.").replace(b"<ContentItem>", photo + b"<ContentItem>", 1))
        )


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE NewsML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<NewsML>&b;</NewsML>",
        b'<!DOCTYPE NewsML [<!ENTITY e SYSTEM "file:///etc/passwd">]><NewsML>&e;</NewsML>',
        ENVELOPE
        + b"<NewsItem>"
        + b"<NewsComponent>" * 200
        + b"</NewsComponent>" * 200
        + b"</NewsItem></NewsML>",
        ENVELOPE + b"<NewsItem>",
    ],
    ids=["entities", "external-entity", "deep", "not-well-formed"],
)
def test_hostile_or_broken_input_is_a_parse_error(data):
    with pytest.raises(ParseError):
        newsml1.loads(data)


def test_another_root_is_unsupported():
    with pytest.raises(UnsupportedError, match="not <NewsML>"):
        newsml1.loads(b"<nitf/>")


def test_a_text_mode_file_is_refused():
    with pytest.raises(TypeError, match="binary mode"):
        newsml1.load(io.StringIO("<NewsML/>"))  # type: ignore[arg-type]


# --- detection, the registry, the command line -------------------------------------------------


def test_detect_tells_newsml1_past_a_doctype_with_an_internal_subset():
    data = document(text_item(NITF_BODY))
    assert articlekit.detect(data) == "newsml1"
    assert articlekit.detect(data.decode()) == "newsml1"
    assert format_for_path("story.newsml1.xml") is FORMATS["newsml1"]


def test_newsml1_is_read_only_and_convert_refuses_to_write_it():
    assert "newsml1" in FORMATS
    assert "newsml1" not in WRITABLE
    assert not hasattr(newsml1, "dumps")
    with pytest.raises(UnsupportedError, match=r"reads newsml1 .* but does not write it"):
        articlekit.convert(json.dumps(articlekit.sample()), to="newsml1")
    with pytest.raises(UnsupportedError, match="does not write"):
        articlekit.dump(articlekit.sample(), "/nonexistent/x.newsml1.xml")


def test_the_command_line_converts_newsml1_and_refuses_to_write_it(tmp_path):
    source = tmp_path / "story.xml"
    source.write_bytes(document(text_item(NITF_BODY)))
    result = subprocess.run(
        [*COMMAND, "convert", str(source), "--to", "json"], capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout).headline == "Flood waters recede"
    refused = subprocess.run(
        [*COMMAND, "convert", str(source), "--to", "newsml1"], capture_output=True, timeout=120
    )
    assert refused.returncode == 2
    assert b"invalid choice: 'newsml1'" in refused.stderr
    helped = subprocess.run([*COMMAND, "convert", "--help"], capture_output=True, timeout=120)
    choices = helped.stdout.decode().split("--to {", 1)[1].split("}", 1)[0]
    assert "newsml1" not in choices
    assert "nitf" in choices
    assert "newsml1" in helped.stdout.decode().split("--from {", 1)[1].split("}", 1)[0]


def test_a_photo_beside_text_without_a_media_type_leaves_the_text_read():
    photo = (
        b'<NewsComponent><ContentItem Href="https://wire.example/p.jpg"><MediaType '
        b'FormalName="Photo"/></ContentItem></NewsComponent>'
    )
    text = b"<NewsComponent><ContentItem><DataContent>Text.</DataContent></ContentItem>"
    text += b"</NewsComponent>"
    article = read(document(item(b"<NewsComponent>" + photo + text + b"</NewsComponent>")))
    assert [b.plain_text for b in article.body] == ["Text."]
    assert [p.href for p in article.photos] == ["https://wire.example/p.jpg"]
