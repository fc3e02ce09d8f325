"""NITF: schema-valid 3.6 output, round trips apart from reported losses, real producers' forms."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import warnings
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import articlekit
from articlekit import (
    Article,
    Byline,
    Heading,
    LossError,
    LossWarning,
    Paragraph,
    ParseError,
    Photo,
    PhotoRef,
    Quote,
    RepairWarning,
    Topic,
    TopicKind,
    UnsupportedError,
    ValidationError,
    json,
    nitf,
    strategies,
)
from articlekit._sample import sample
from articlekit._schemas import NITF_SCHEMA, bundled_checker

_PATH_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


@pytest.fixture(scope="session")
def check_schema() -> Any:
    return bundled_checker(NITF_SCHEMA)


def expected_losses(article: Article) -> list[str]:
    """What NITF cannot carry of *article*, by the documented mapping, in the writer's order."""
    lost = [f"bylines[{index}].bio" for index, byline in enumerate(article.bylines) if byline.bio]
    placed = [block.photo for block in article.body if isinstance(block, PhotoRef)]
    unplaced = [index for index in range(len(article.photos)) if index not in placed]
    for index in dict.fromkeys(placed + unplaced):  # photos in the order first written
        photographer = article.photos[index].photographer
        if photographer is not None and photographer.bio:
            lost.append(f"photos[{index}].photographer.bio")
    return lost


def without(article: Article, paths: list[str]) -> Article:
    """*article* with each field of *paths* at its default, and each block of *paths* left out."""
    dropped = sorted((int(p[5:-1]) for p in paths if re.fullmatch(r"body\[\d+\]", p)), reverse=True)
    for path in paths:
        if not re.fullmatch(r"body\[\d+\]", path):
            article = _reset(article, [_PATH_STEP.fullmatch(s).groups() for s in path.split(".")])  # type: ignore[union-attr]
    body = list(article.body)
    for index in dropped:
        del body[index]
    return attrs.evolve(article, body=body)


def _reset(model: Any, steps: list[tuple[str, str | None]]) -> Any:
    (name, index), rest = steps[0], steps[1:]
    if index is None and not rest:
        return attrs.evolve(model, **{name: attrs.fields_dict(type(model))[name].default})
    if index is None:
        return attrs.evolve(model, **{name: _reset(getattr(model, name), rest)})
    items = list(getattr(model, name))
    items[int(index)] = _reset(items[int(index)], rest)
    return attrs.evolve(model, **{name: items})


def test_nitf_module_all_is_pinned():
    assert sorted(nitf.__all__) == ["NAMESPACE", "dump", "dumps", "load", "loads", "validate"]


# --- round trip ------------------------------------------------------------------------------


@settings(max_examples=25)
@given(strategies.articles(max_photos=4, max_blocks=20))
def test_generated_articles_round_trip_through_schema_valid_nitf_apart_from_losses(
    check_schema, article
):
    lost = expected_losses(article)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = nitf.dumps(article)
    reported = [w.message for w in caught if issubclass(w.category, LossWarning)]
    if lost:
        assert len(reported) == 1
        assert str(reported[0]).startswith(f"NITF 3.6 cannot carry: {', '.join(lost)};")
        with pytest.raises(LossError) as refused:
            nitf.dumps(article, strict=True)
        assert list(refused.value.fields) == lost
    else:
        assert reported == []
    check_schema(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # our own documents need no repair
        assert nitf.loads(data, strict=True) == without(article, lost)


def test_sample_round_trips_without_loss(check_schema):
    article = sample()
    data = nitf.dumps(article, strict=True)
    check_schema(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nitf.loads(data, strict=True) == article


def test_dump_and_load_use_binary_files():
    article = Article(uri="urn:x:1", headline="Binary", body=[Paragraph(text="One")])
    buffer = io.BytesIO()
    nitf.dump(article, buffer, strict=True)
    buffer.seek(0)
    assert nitf.load(buffer) == article
    with pytest.raises(TypeError, match="binary mode"):
        nitf.load(io.StringIO(buffer.getvalue().decode()))  # type: ignore[arg-type]


def test_times_are_written_in_iso_8601_basic_form_with_the_offset():
    moment = datetime(2024, 10, 30, 14, 15, tzinfo=timezone(timedelta(hours=1)))
    data = nitf.dumps(Article(uri="urn:x:1", headline="H", published=moment), strict=True)
    assert b'<date.issue norm="20241030T141500+0100"/>' in data


def test_strong_code_sub_and_sup_are_em_of_a_class_and_come_back(check_schema):
    text = "<strong>a</strong> <code>b</code> x<sub>2</sub> y<sup>3</sup> <em>c</em>"
    article = Article(uri="urn:x:1", headline="H", body=[Paragraph(text=text)])
    data = nitf.dumps(article, strict=True)
    check_schema(data)
    assert b'<em class="bold">a</em>' in data
    assert b'<em class="superscript">3</em>' in data
    assert nitf.loads(data) == article


@pytest.mark.parametrize("space", ["\u00a0", "\u3000", "\u2003"])
def test_blocks_and_names_of_unicode_spaces_alone_survive_the_round_trip(space):
    article = Article(
        uri="urn:x:1",
        headline=space,
        located=space + space,
        dateline=space,
        topics=[Topic(name=space)],
        body=[Paragraph(text=space), Heading(text=space), Quote(text=space)],
    )
    assert nitf.loads(nitf.dumps(article, strict=True)) == article


def test_photos_no_block_places_come_back_unplaced_in_order():
    photos = [Photo(href="https://example.org/1.jpg"), Photo(href="https://example.org/2.jpg")]
    article = Article(uri="urn:x:1", headline="H", photos=photos, body=[PhotoRef(photo=0)])
    back = nitf.loads(nitf.dumps(article, strict=True))
    assert back == article


def test_a_photo_placed_out_of_order_keeps_its_index():
    photos = [Photo(href="https://example.org/1.jpg"), Photo(href="https://example.org/2.jpg")]
    article = Article(uri="urn:x:1", headline="H", photos=photos, body=[PhotoRef(photo=1)])
    assert nitf.loads(nitf.dumps(article, strict=True), strict=True) == article


# --- real producers' forms -------------------------------------------------------------------

# NITF 3.2 without a namespace, as agencies send it: basic-format dates, a byline with person
# and byttl, a media block, a dateline with a location, unread metadata beside.
AGENCY_DOCUMENT = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<nitf version="-//IPTC//DTD NITF 3.2//EN" baselang="en-US">
 <head>
  <title>Storm closes harbour</title>
  <meta name="category" content="WEA"/>
  <docdata management-status="usable">
   <doc-id regsrc="XA" id-string="XA-2024-0042"/>
   <urgency ed-urg="3"/>
   <date.issue norm="20241030T141500+0100"/>
   <date.release norm="20241030T160000Z"/>
   <ed-msg info="Corrects spelling of harbour master's name"/>
   <du-key generation="2" key="WEATHER-STORM" version="2"/>
   <doc.copyright year="2024" holder="Example Agency"/>
   <key-list><keyword key="storm"/><keyword key="shipping"/></key-list>
   <identified-content>
    <org value="xa:org:port">Port Authority</org>
    <location location-code="NO-BGO">Bergen</location>
   </identified-content>
  </docdata>
 </head>
 <body>
  <body.head>
   <hedline><hl1>Storm closes harbour for second day</hl1><hl2>Ferries cancelled</hl2></hedline>
   <byline>By <person>Kari Nordmann</person>, <byttl>Weather correspondent</byttl></byline>
   <distributor><org>Example Agency</org></distributor>
   <dateline><location>BERGEN</location>, Oct. 30</dateline>
   <abstract><p>The harbour stays shut.</p></abstract>
  </body.head>
  <body.content>
   <p lede="true">The harbour was closed on <em class="bold">Wednesday</em>.</p>
   <media media-type="image">
    <media-reference source="https://img.example.org/storm.jpg" mime-type="image/jpeg"
                     width="1200" height="800" alternate-text="Waves on the pier"/>
    <media-caption>Waves break over the pier.</media-caption>
    <media-producer>Ola Foto/XA</media-producer>
   </media>
   <hl2>Ferries</hl2>
   <bq><block><p>We have never seen it this bad.</p></block><credit>Harbour master</credit></bq>
   <ul><li>Route 1</li><li>Route 2</li></ul>
   <table><tr><td>1</td></tr></table>
  </body.content>
  <body.end><tagline>Reporting by K. Nordmann</tagline></body.end>
 </body>
</nitf>
"""


def test_an_agency_document_without_namespace_reads_its_fields():
    with pytest.warns(RepairWarning, match="not read, the model has no field for them: meta, "):
        article = nitf.loads(AGENCY_DOCUMENT)
    assert article.uri == "XA-2024-0042"
    assert article.language == "en-US"
    assert article.headline == "Storm closes harbour for second day"
    assert article.subheadline == "Ferries cancelled"
    assert article.urgency == 3
    assert article.version == 2
    assert article.slugline == "WEATHER-STORM"
    assert article.published == datetime(2024, 10, 30, 13, 15, tzinfo=timezone.utc)
    assert article.embargoed == datetime(2024, 10, 30, 16, tzinfo=timezone.utc)
    assert article.editor_note == "Corrects spelling of harbour master's name"
    assert article.copyright_holder == "Example Agency"
    assert article.provider == "Example Agency"
    assert article.keywords == ("storm", "shipping")
    assert article.topics == (
        Topic(name="Port Authority", kind=TopicKind.ORGANISATION, code="xa:org:port"),
        Topic(name="Bergen", kind=TopicKind.PLACE, code="NO-BGO"),
    )
    assert article.bylines == (Byline(name="Kari Nordmann", role="Weather correspondent"),)
    assert (article.dateline, article.located) == ("BERGEN, Oct. 30", "BERGEN")
    assert article.summary == "The harbour stays shut."
    assert article.photos == (
        Photo(
            href="https://img.example.org/storm.jpg", media_type="image/jpeg", width=1200,
            height=800, alt_text="Waves on the pier", caption="Waves break over the pier.",
            credit="Ola Foto/XA",
        ),
    )  # fmt: skip
    assert article.body[0] == Paragraph(
        text="The harbour was closed on <strong>Wednesday</strong>."
    )
    assert article.body[1] == PhotoRef(photo=0)
    assert article.body[2] == Heading(text="Ferries")
    assert article.body[3] == Quote(
        text="We have never seen it this bad.", attribution="Harbour master"
    )
    assert len(article.body) == 5


def test_unread_elements_are_reported_once_naming_each():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nitf.loads(AGENCY_DOCUMENT)
    repairs = [str(w.message) for w in caught if issubclass(w.category, RepairWarning)]
    assert repairs == [
        "meta, table, tagline: not read, the model has no field for them: meta, table, tagline"
    ]


def test_strict_reading_refuses_what_the_model_cannot_carry():
    with pytest.raises(ValidationError, match=r"not read.*meta, table, tagline"):
        nitf.loads(AGENCY_DOCUMENT, strict=True)


def test_a_document_in_the_2006_namespace_reads_like_one_without():
    namespaced = AGENCY_DOCUMENT.replace(
        b"<nitf version", b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version'
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RepairWarning)
        assert nitf.loads(namespaced) == nitf.loads(AGENCY_DOCUMENT)


def _document(head: str = "", body_head: str = "", content: str = "<p>Text.</p>") -> bytes:
    return (
        f"<nitf><head>{head}</head><body><body.head>{body_head}</body.head>"
        f"<body.content>{content}</body.content></body></nitf>"
    ).encode()


_IDENTIFIED = '<docdata><doc-id id-string="urn:x:1"/></docdata>'
_HEADLINE = "<hedline><hl1>Headline</hl1></hedline>"


def test_a_missing_hl1_takes_the_title_before_the_du_key_reported():
    docdata = '<docdata><doc-id id-string="urn:x:1"/><du-key key="580001T"/></docdata>'
    data = _document(f"<title>From the title</title>{docdata}")
    with pytest.warns(RepairWarning, match=r"<hl1>: no headline: derived from the title"):
        assert nitf.loads(data).headline == "From the title"
    with pytest.raises(ValidationError, match="no headline"):
        nitf.loads(data, strict=True)


def test_the_anpa_keyword_is_the_slugline_and_names_an_empty_wire_item():
    """AAP's NITF converted from ANPA 1312: an empty title, headline and body, a keyword."""
    head = f'<title></title><meta name="anpa-keyword" content=" Samsung "/>{_IDENTIFIED}'
    data = _document(head, "<hedline></hedline>", content="")
    with pytest.warns(RepairWarning) as caught:
        article = nitf.loads(data)
    assert (article.slugline, article.headline, article.body) == ("Samsung", "Samsung", ())
    assert "<hl1>: no headline: derived from the slugline (du-key key, or the ANPA keyword)" in [
        str(w.message) for w in caught
    ]
    with pytest.raises(ValidationError, match="no headline"):
        nitf.loads(data, strict=True)


def test_tobject_subjects_and_properties_are_topics():
    head = (
        '<tobject tobject.type="News"><tobject.property tobject.property.type="Current"/>'
        '<tobject.subject tobject.subject.refnum="04000000" tobject.subject.type="Finance" '
        'tobject.subject.matter="Finance (General)"/>'
        '<tobject.subject tobject.subject.type="Sport"/></tobject>' + _IDENTIFIED
    )
    article = nitf.loads(_document(head, _HEADLINE))
    assert article.topics == (
        Topic(name="Current", kind=TopicKind.GENRE),
        Topic(name="Finance (General)", code="subj:04000000"),
        Topic(name="Sport"),
    )


def test_a_missing_hl1_and_title_take_the_first_sentence():
    data = _document(_IDENTIFIED, content="<p>First sentence here. Second one.</p>")
    with pytest.warns(RepairWarning, match="derived from the body's first paragraph"):
        assert nitf.loads(data).headline == "First sentence here."


def test_naive_and_extended_times_read_in_the_default_timezone_reported():
    head = (
        '<docdata><doc-id id-string="urn:x:1"/><date.issue norm="2020-09-07T14:45:26"/>'
        '<date.release norm="2020-09-07T16:00:00+02:00"/></docdata>'
    )
    zone = timezone(timedelta(hours=2))
    with pytest.warns(RepairWarning, match=r"<date.issue> \(line 1\): no time zone"):
        article = nitf.loads(_document(head, _HEADLINE), default_timezone=zone)
    assert article.published == datetime(2020, 9, 7, 14, 45, 26, tzinfo=zone)
    assert article.embargoed == datetime(2020, 9, 7, 14, tzinfo=timezone.utc)
    with pytest.raises(ValidationError, match="no time zone"):
        nitf.loads(_document(head, _HEADLINE), strict=True)


def test_a_document_without_an_id_string_gets_a_derived_uri():
    data = _document('<docdata><doc-id regsrc="AP"/></docdata>', _HEADLINE)
    with pytest.warns(RepairWarning, match="a uri derived from the document's content"):
        first = nitf.loads(data)
    with pytest.warns(RepairWarning):
        assert nitf.loads(data).uri == first.uri
    assert first.uri.startswith("urn:articlekit:nitf-document:")


def test_a_uri_is_derived_for_a_document_in_a_relative_namespace():
    """Found by fuzzing: canonical XML, which the uri was derived from, refuses xmlns="EN"."""
    data = (
        b'<nitf xmlns="EN"><head><title>Harbour</title><docdata/></head><body><body.head>'
        b"<hedline><hl1>Harbour reopens</hl1></hedline></body.head></body></nitf>"
    )
    with pytest.warns(RepairWarning, match="a uri derived from the document's content"):
        article = nitf.loads(data)
    assert article.uri.startswith("urn:articlekit:nitf-document:")
    assert article.headline == "Harbour reopens"


def test_a_byline_without_person_is_its_text_without_by():
    body_head = f"{_HEADLINE}<byline>By BERNARD CONDON<byttl>AP Business Writer</byttl></byline>"
    article = nitf.loads(_document(_IDENTIFIED, body_head))
    assert article.bylines == (Byline(name="BERNARD CONDON", role="AP Business Writer"),)


def test_preformatted_text_keeps_its_lines():
    data = _document(_IDENTIFIED, _HEADLINE, "<pre>Mexico v Panama\nMexico: Talavera\n</pre>")
    assert nitf.loads(data).body == (Paragraph(text="Mexico v Panama<br>Mexico: Talavera"),)


# --- bad and hostile input -------------------------------------------------------------------


def test_malformed_xml_raises_parse_error_with_line():
    with pytest.raises(ParseError) as caught:
        nitf.loads(b"<nitf>\n<head>\n</nitf>")
    assert caught.value.line == 3


def test_an_unreadable_norm_is_left_out_reported_and_refused_when_strict():
    head = (
        '<docdata>\n<doc-id id-string="urn:x:1"/>\n'
        '<date.issue norm="YYYYMMDD000000-HHMM"/></docdata>'
    )
    with pytest.warns(RepairWarning, match=r"<date.issue> \(line 3\): norm 'YYYYMMDD"):
        assert nitf.loads(_document(head, _HEADLINE)).published is None
    with pytest.raises(
        ValidationError, match=r"not an ISO 8601 date and time: not read \(line 3\)"
    ):
        nitf.loads(_document(head, _HEADLINE), strict=True)


def test_a_relative_image_source_is_left_out_reported():
    content = (
        '<media media-type="image"><media-reference source="high-tide.jpg"/></media>'
        '<media media-type="image"><media-reference source="https://e.org/a.jpg"/></media>'
    )
    with pytest.warns(RepairWarning, match="source 'high-tide.jpg' is not an image URL"):
        article = nitf.loads(_document(_IDENTIFIED, _HEADLINE, content))
    assert article.photos == (Photo(href="https://e.org/a.jpg"),)
    assert article.body == (PhotoRef(photo=0),)


def test_a_bad_image_width_raises_validation_error_naming_element():
    reference = '<media-reference source="https://e.org/a.jpg" width="-3"/>'
    content = f'<media media-type="image">{reference}</media>'
    with pytest.raises(ValidationError, match=r"<media-reference> \(line 1\): width '-3'"):
        nitf.loads(_document(_IDENTIFIED, _HEADLINE, content))


def test_a_document_that_is_not_nitf_is_unsupported():
    with pytest.raises(UnsupportedError, match="not a NITF document"):
        nitf.loads(b"<html><body/></html>")


def test_entities_and_deep_nesting_are_refused():
    bomb = b'<!DOCTYPE nitf [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><nitf>&b;</nitf>'
    with pytest.raises(ParseError):
        nitf.loads(bomb)
    deep = _document(_IDENTIFIED, _HEADLINE, "<block>" * 200 + "</block>" * 200)
    with pytest.raises(ParseError, match="nest deeper"):
        nitf.loads(deep)


# --- conventions for what NITF has no field for --------------------------------------------


def _wire_article() -> Article:
    photographer = Byline(
        name="Ana Pereira", role="Staff photographer", affiliation="Northwind Press",
        email="ana@example.org", uri="https://example.org/people/ana",
    )  # fmt: skip
    photos = [
        Photo(href=f"https://images.example.org/{n}.jpg", caption=f"Photo {n}") for n in range(3)
    ]
    photos[1] = attrs.evolve(photos[1], photographer=photographer)
    return Article(
        uri="urn:x:wire", headline="Storm", kicker="Weather", subheadline="Roads closed",
        copyright_notice="© 2026 Northwind Press",
        bylines=[Byline(name="Lea Stone", uri="https://example.org/people/lea")],
        photos=photos,
        body=[
            Heading(text="Coast", level=3), PhotoRef(photo=2), Paragraph(text="Wind."),
            Heading(text="Inland"), PhotoRef(photo=0), PhotoRef(photo=2),
            Heading(text="Map", level=6),
        ],
    )  # fmt: skip


def test_wire_fields_are_carried_by_nitf_conventions(check_schema):
    article = _wire_article()
    data = nitf.dumps(article, strict=True)
    check_schema(data)
    text = data.decode()
    assert '<hl2 class="kicker">Weather</hl2><hl2>Roads closed</hl2>' in text
    assert "<body.end><tagline><copyrite>© 2026 Northwind Press</copyrite></tagline>" in text
    assert '<hl2 class="h3">Coast</hl2>' in text
    assert "<hl2>Inland</hl2>" in text
    assert '<person idsrc="uri" value="https://example.org/people/lea">Lea Stone</person>' in text
    assert '<media-producer class="photographer"><person idsrc="uri"' in text
    assert "<function>Staff photographer</function><org>Northwind Press</org>" in text
    assert [m.group(1) for m in re.finditer(r'<media media-type="image"( id="[^"]+")?', text)] == [
        ' id="photo-2"',
        ' id="photo-0"',
        None,
        ' id="photo-1"',
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nitf.loads(data, strict=True) == article


def test_a_biography_is_reported_lost_and_nothing_else():
    article = _wire_article()
    article = attrs.evolve(article, bylines=[attrs.evolve(article.bylines[0], bio="Writes.")])
    with pytest.raises(LossError) as refused:
        nitf.dumps(article, strict=True)
    assert list(refused.value.fields) == ["bylines[0].bio"]


def test_other_producers_hl2_and_body_end_read_as_before():
    data = b"""<nitf><head><docdata><doc-id id-string="x:1"/></docdata></head><body>
    <body.head><hedline><hl1>H</hl1><hl2>First</hl2><hl2>Second</hl2></hedline></body.head>
    <body.content><hl2 class="x">Plain</hl2>
    <media media-type="image"><media-reference source="https://e.org/a.jpg"/></media>
    <media media-type="image"><media-reference source="https://e.org/a.jpg"/></media>
    </body.content><body.end><tagline>By wire staff</tagline></body.end></body></nitf>"""
    with pytest.warns(RepairWarning, match="tagline"):
        article = nitf.loads(data)
    assert (article.kicker, article.subheadline, article.copyright_notice) == (None, "First", None)
    assert article.body[0] == Heading(text="Plain", level=2)
    assert article.body[1:] == (PhotoRef(photo=0), PhotoRef(photo=0))
    assert len(article.photos) == 1


# --- the registry: detect, convert and the command line ---------------------------------------

MINIMAL = b'<head><docdata><doc-id id-string="urn:x:1"/></docdata></head><body><body.head>'
MINIMAL += b"<hedline><hl1>Headline</hl1></hedline></body.head></body>"


@pytest.mark.parametrize(
    "document",
    [
        b"<nitf>" + MINIMAL + b"</nitf>",
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">' + MINIMAL + b"</nitf>",
        b'<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd" [<!-- a ">" -->]>\n'
        b"<nitf>" + MINIMAL + b"</nitf>",
        b"<!-- <NewsML> in a comment --><?pi x?>\n<nitf>" + MINIMAL + b"</nitf>",
    ],
    ids=["no-namespace", "namespace", "doctype", "comments"],
)
def test_detect_knows_nitf_and_its_reader_reads_it(document, tmp_path):
    assert articlekit.detect(document) == "nitf"
    assert articlekit.detect(document.decode()) == "nitf"
    path = tmp_path / "story.xml"  # an ending NewsML-G2 shares: the content decides
    path.write_bytes(document)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RepairWarning)  # the DOCTYPE is reported
        assert articlekit.load(path).headline == "Headline"


def test_newsml_1_is_told_as_newsml1_even_when_it_holds_nitf():
    envelope = (
        b'<?xml version="1.0"?><!DOCTYPE NewsML SYSTEM "NewsML_1.2.dtd"><NewsML Version="1.2">'
    )
    envelope += b"<NewsItem><NewsComponent><ContentItem><DataContent><nitf>" + MINIMAL
    envelope += b"</nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
    assert articlekit.detect(envelope) == "newsml1"


def test_a_newsml_g2_item_holding_nitf_is_newsml():
    item = nitf.dumps(sample()).split(b"?>", 1)[1]
    document = b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML>'
    assert articlekit.detect(document + item) == "newsml"


def test_convert_to_and_from_nitf():
    data = articlekit.convert(json.dumps(sample()), to="nitf")
    assert articlekit.detect(data) == "nitf"
    assert articlekit.convert(data, to="json") == json.dumps(sample()).encode()


def test_the_command_line_converts_nitf_both_ways(tmp_path):
    source = tmp_path / "story.nitf.xml"
    source.write_bytes(nitf.dumps(sample(), strict=True))
    command = [sys.executable, "-m", "articlekit", "convert"]
    subprocess.run([*command, source, "--to", "json", "-o", tmp_path / "a.json"], check=True)
    assert json.loads((tmp_path / "a.json").read_bytes()) == sample()
    out = subprocess.run(
        [*command, tmp_path / "a.json", "--to", "nitf"], check=True, capture_output=True
    )
    assert nitf.loads(out.stdout, strict=True) == sample()
    assert out.stderr == b""


# --- HTML a producer escaped into a paragraph (NTB's embeds) ---------------------------------

_ESCAPED_EMBED = (
    "<p>&lt;div class=&quot;factcheck-embed&quot; data-id=&quot;a1&quot;&gt;&lt;/div&gt;"
    "&lt;script async src=&quot;https://checks.example.org/embed.js&quot;&gt;&lt;/script&gt;</p>"
)


def test_html_escaped_in_a_paragraph_is_read_as_html_without_its_script_reported():
    data = _document(_IDENTIFIED, _HEADLINE, f"<p>Before.</p>{_ESCAPED_EMBED}<p>After.</p>")
    with pytest.warns(RepairWarning, match=r"<p> \(line 1\): HTML escaped as a paragraph's text"):
        article = nitf.loads(data)
    assert article.body == (Paragraph(text="Before."), Paragraph(text="After."))
    with pytest.raises(ValidationError, match="HTML escaped"):
        nitf.loads(data, strict=True)


def test_html_escaped_in_a_paragraph_keeps_its_text_and_embeds():
    escaped = (
        "<p>&lt;p&gt;A &lt;b&gt;bold&lt;/b&gt; claim.&lt;/p&gt;"
        "&lt;figure class=&quot;embed&quot;&gt;&lt;a href=&quot;https://video.example.org/v/1&quot;"
        " title=&quot;Clip&quot;&gt;Clip&lt;/a&gt;&lt;/figure&gt;</p>"
    )
    with pytest.warns(RepairWarning, match="HTML escaped"):
        article = nitf.loads(_document(_IDENTIFIED, _HEADLINE, escaped))
    assert article.body == (
        Paragraph(text="A <strong>bold</strong> claim."),
        articlekit.Embed(url="https://video.example.org/v/1", title="Clip"),
    )


def test_a_paragraph_that_only_mentions_a_tag_stays_text():
    content = "<p>Use &lt;b&gt; for bold: 3 &lt; 4.</p>"
    with warnings.catch_warnings():
        warnings.simplefilter("error", RepairWarning)
        article = nitf.loads(_document(_IDENTIFIED, _HEADLINE, content))
    assert article.body == (Paragraph(text="Use &lt;b&gt; for bold: 3 &lt; 4."),)


# --- the reader's short cuts read as the general path ----------------------------------------


def test_text_only_paragraphs_fold_space_and_normalise_as_marked_up_ones():
    content = "<p>  Cafe\u0301   au\n lait &amp; co  </p><p>Cafe\u0301 <em>au</em> lait</p>"
    article = nitf.loads(_document(_IDENTIFIED, _HEADLINE, content))
    assert article.body == (
        Paragraph(text="Caf\u00e9 au lait &amp; co"),
        Paragraph(text="Caf\u00e9 <em>au</em> lait"),
    )


def test_blocks_of_another_namespace_are_read_by_their_local_name():
    content = '<x:p xmlns:x="urn:other">Other namespace.</x:p><p>Plain.</p>'
    article = nitf.loads(_document(_IDENTIFIED, _HEADLINE, content))
    assert article.body == (Paragraph(text="Other namespace."), Paragraph(text="Plain."))


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("20260314T060000+0100", datetime(2026, 3, 14, 6, tzinfo=timezone(timedelta(hours=1)))),
        ("2026-03-14t06:00z", datetime(2026, 3, 14, 6, tzinfo=timezone.utc)),
        ("202603140600-0130", datetime(2026, 3, 14, 6, tzinfo=timezone(-timedelta(minutes=90)))),
        ("2026-03-14T06:00:00,25Z", datetime(2026, 3, 14, 6, 0, 0, 250000, tzinfo=timezone.utc)),
    ],
)
def test_norms_in_every_iso_form_read_alike(norm, expected):
    head = f'<docdata><doc-id id-string="urn:x:1"/><date.issue norm="{norm}"/></docdata>'
    assert nitf.loads(_document(head, _HEADLINE)).published == expected


def test_an_impossible_norm_names_its_element():
    head = '<docdata><doc-id id-string="urn:x:1"/><date.issue norm="20260230T060000Z"/></docdata>'
    with pytest.raises(ValidationError, match=r"<date.issue> \(line 1\): norm '20260230T060000Z'"):
        nitf.loads(_document(head, _HEADLINE))


def test_a_tagline_holding_more_than_the_copyrite_is_reported():
    end = "<body.end><tagline><copyrite>(c) Press</copyrite> Distributed by X</tagline></body.end>"
    data = (
        f"<nitf><head>{_IDENTIFIED}</head><body><body.head>{_HEADLINE}</body.head>"
        f"<body.content><p>Text.</p></body.content>{end}</body></nitf>"
    ).encode()
    with pytest.warns(RepairWarning, match="no field for them: tagline"):
        assert nitf.loads(data).copyright_notice == "(c) Press"


def test_text_that_reads_like_markup_comes_back_as_text_from_articlekits_own_nitf():
    """Found by fuzzing: escaped HTML in a paragraph is a producer's markup, but not in the
    documents articlekit writes, which say so in their generator meta."""
    article = Article(
        uri="urn:x:1",
        headline="H",
        body=[Paragraph(text="&lt;p&gt;Use &lt;b&gt;bold&lt;/b&gt; sparingly")],
    )
    data = nitf.dumps(article)
    assert b'<meta name="generator" content="articlekit ' in data
    assert nitf.loads(data) == article  # no RepairWarning: the suite turns warnings into errors
