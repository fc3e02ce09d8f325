"""Real producers' NewsML-G2 deviations: read and reported leniently, refused when strict.

Each document here is written from a pattern seen in agencies' and newsroom systems' output,
not copied from it.
"""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import articlekit
from articlekit import Heading, ListBlock, Paragraph, ValidationError, newsml

NAR = newsml.NAMESPACE


def item(
    content: str = "<headline>Harbour reopens</headline>",
    *,
    meta: str = "",
    body: str = "<p>Ships are back.</p>",
    body_element: str | None = None,
    version_created: str = "2024-05-01T09:30:00+02:00",
    item_class: str = 'qcode="ninat:text"',
) -> bytes:
    """A text newsItem with *content* in its contentMeta and *body* as its XHTML body."""
    content_set = body_element or (
        '<inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html></inlineXML>'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="{NAR}" guid="urn:x:1" '
        'version="1" standard="NewsML-G2" standardversion="2.10" conformance="power">\n'
        f"<itemMeta>\n<itemClass {item_class}/>\n<provider literal="
        f'"Agency"/>\n<versionCreated>{version_created}</versionCreated>\n{meta}</itemMeta>\n'
        f"<contentMeta>\n{content}\n</contentMeta>\n<contentSet>{content_set}</contentSet>\n"
        "</newsItem>"
    ).encode()


def read(data: bytes, **options: object) -> tuple[articlekit.Article, list[str]]:
    """The article of *data*, and each repair reported, as text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = newsml.loads(data, **options)  # type: ignore[arg-type]
    assert all(w.category is articlekit.RepairWarning for w in caught)
    return article, [str(w.message) for w in caught]


def test_a_well_formed_item_of_the_pattern_reads_without_a_repair():
    article, repairs = read(item())
    assert article.headline == "Harbour reopens"
    assert repairs == []


@pytest.mark.parametrize(
    "item_class",
    ['qcode="icls:text"', 'uri="http://cv.iptc.org/newscodes/ninature/text"'],
)
def test_the_older_item_class_alias_and_the_scheme_uri_mean_text(item_class):
    article, repairs = read(item(item_class=item_class))
    assert article.body == (Paragraph(text="Ships are back."),)
    assert repairs == []
    (streamed,) = newsml.iter_articles(item(item_class=item_class))
    assert streamed == article


def test_a_time_without_a_zone_is_read_as_utc_and_reported():
    article, repairs = read(item(version_created="2019-04-15T13:49:15"))
    assert article.updated == datetime(2019, 4, 15, 13, 49, 15, tzinfo=timezone.utc)
    assert repairs == ["<versionCreated> (line 6): no time zone: read as UTC"]


def test_a_time_without_a_zone_is_read_in_the_zone_the_caller_gives():
    helsinki = ZoneInfo("Europe/Helsinki")
    data = item(version_created="2019-04-15 13:49:15")  # a space, as some producers write
    article, repairs = read(data, default_timezone=helsinki)
    assert article.updated == datetime(2019, 4, 15, 13, 49, 15, tzinfo=helsinki)
    assert article.updated.utcoffset() == timedelta(hours=3)
    assert repairs == ["<versionCreated> (line 6): no time zone: read as Europe/Helsinki"]


def test_a_time_without_a_zone_is_refused_when_strict():
    with pytest.raises(ValidationError, match=r"no time zone.*line 6.*strict reading refuses"):
        newsml.loads(item(version_created="2019-04-15T13:49:15"), strict=True)


def test_a_time_that_is_no_time_stays_an_error():
    with pytest.raises(ValidationError, match=r"<versionCreated> \(line 6\): 'soon'"):
        newsml.loads(item(version_created="soon"))


@pytest.mark.parametrize(
    ("content", "meta", "headline", "source"),
    [
        ("<headline/><slugline>harbour-reopens</slugline>", "", "harbour-reopens", "<slugline>"),
        ("<headline> </headline>", "<title>Harbour reopens at last</title>",
         "Harbour reopens at last", "<title>"),
        ('<description role="drol:summary">Ships are back. Cranes too.</description>', "",
         "Ships are back.", "<description>"),
        ("<slugline/>", "", "Ships are back.", "the body's first paragraph"),
    ],
)  # fmt: skip
def test_a_missing_headline_is_derived_in_the_policy_order_and_reported(
    content, meta, headline, source
):
    article, repairs = read(item(content, meta=meta))
    assert article.headline == headline
    assert repairs == [f"<headline> (line 8): no headline: derived from {source}"]
    with pytest.raises(ValidationError, match="no headline: derived from"):
        newsml.loads(item(content, meta=meta), strict=True)


def test_a_headline_derived_from_a_long_paragraph_is_cut_at_a_word():
    words = " ".join(["harbour"] * 60)  # 479 characters, no sentence end
    article, _ = read(item("<slugline/>", body=f"<p>{words}</p>"))
    assert len(article.headline) <= 200
    assert article.headline == " ".join(["harbour"] * 25)


def test_an_item_with_nothing_to_name_it_is_still_refused():
    with pytest.raises(ValidationError, match=r"<contentMeta> \(line 8\): the item has no"):
        newsml.loads(item("<slugline/>", body=""))


def test_a_creator_named_by_its_literal_reads_as_a_byline_without_a_repair():
    article, repairs = read(item('<headline>H</headline><creator literal="Jane Roe"/>'))
    assert [b.name for b in article.bylines] == ["Jane Roe"]
    assert repairs == []


def test_a_creator_named_only_by_a_qcode_takes_its_code_as_the_name_reported():
    article, repairs = read(
        item('<headline>H</headline><contributor qcode="ag:Reuters" role="ctrol:supplier"/>')
    )
    assert [(b.name, b.role) for b in article.bylines] == [("Reuters", "supplier")]
    assert repairs == [
        "<contributor> (line 9): no name: the qcode 'ag:Reuters' is read as the name"
    ]
    with pytest.raises(ValidationError, match="qcode 'ag:Reuters'"):
        newsml.loads(item('<headline>H</headline><creator qcode="ag:Reuters"/>'), strict=True)


def test_a_creator_that_names_no_one_is_left_out_and_reported():
    content = '<headline>H</headline>\n<creator literal=""/><creator><name>Ann Lee</name></creator>'
    article, repairs = read(item(content))
    assert [b.name for b in article.bylines] == ["Ann Lee"]
    assert repairs == ["<creator> (line 10): a creator or contributor that names no one: left out"]
    with pytest.raises(ValidationError, match="names no one"):
        newsml.loads(item(content), strict=True)


def test_a_creator_affiliation_is_not_taken_for_its_name():
    content = (
        '<headline>H</headline><creator qcode="staff:7"><personDetails>'
        "<affiliation><name>Desk</name></affiliation></personDetails></creator>"
    )
    article, _ = read(item(content))
    assert [(b.name, b.affiliation) for b in article.bylines] == [("7", "Desk")]


def test_html_sent_as_plain_text_is_read_as_html_and_reported():
    cdata = (
        '<inlineData contenttype="text/plain"><![CDATA[\n<p>\n  (Agency) - Rome - One.\n</p>'
        "<p>Two <b>bold</b>.</p><script>alert(1)</script>]]></inlineData>"
    )
    article, repairs = read(item(body_element=cdata))
    assert article.body == (
        Paragraph(text="(Agency) - Rome - One."),
        Paragraph(text="Two <strong>bold</strong>."),
    )
    assert repairs == ["<inlineData> (line 11): HTML in a text inlineData: read as HTML"]
    with pytest.raises(ValidationError, match="HTML in a text inlineData"):
        newsml.loads(item(body_element=cdata), strict=True)


def test_plain_text_that_mentions_a_tag_stays_text():
    text = "a &lt; b, and 2 &gt; 1"
    data = item(body_element=f'<inlineData contenttype="text/plain">{text}</inlineData>')
    article, repairs = read(data)
    assert article.body == (Paragraph(text="a &lt; b, and 2 &gt; 1"),)
    assert repairs == []


def test_body_markup_articlekit_does_not_write_is_read_as_near_as_it_can_and_reported():
    body = (
        "<h1>Title again</h1>loose words<P>Upper case</P>"
        "<section><x-lead><p>Lead one</p></x-lead></section>"
        "<table><tr><td>Team</td><td>Points</td></tr><tr><td>A</td><td>3</td></tr></table>"
        "<script>alert(1)</script><pre>a  b</pre><br/><UL><LI>one</LI></UL>"
    )
    article, repairs = read(item(body=body))
    assert article.body == (
        Heading(text="Title again", level=2),
        Paragraph(text="loose words"),
        Paragraph(text="Upper case"),
        Paragraph(text="Lead one"),
        Paragraph(text="Team | Points"),
        Paragraph(text="A | 3"),
        Paragraph(text="a b"),
        ListBlock(items=["one"], ordered=False),
    )
    assert [repair.split(": ", 1)[1] for repair in repairs] == [
        "<h1> in the body: read as a level-2 heading",
        "text outside any paragraph: read as a paragraph",
        "<P> in the body: read as <p>",
        "<x-lead> in the body: read as a container of blocks",
        "<table> in the body: read as a paragraph per row",
        "<script> in the body: left out (no block for it)",
        "<pre> in the body: read as a paragraph",
        "<UL> in the body: read as <ul>",
    ]
    with pytest.raises(ValidationError, match="<h1> in the body"):
        newsml.loads(item(body=body), strict=True)


def test_a_repair_repeated_in_a_body_is_reported_once_per_item():
    _, repairs = read(item(body="<P>one</P><P>two</P><P>three</P>"))
    assert repairs == ["<P> (line 11): <P> in the body: read as <p>"]


def test_what_the_model_cannot_hold_is_reported_in_one_repair():
    content = (
        "<headline>H</headline><infoSource literal='Wire'/><contentModified>2024-05-01"
        "</contentModified><genre literal='x'/><signal/><by>By Ann</by>"
    )
    meta = '<service qcode="svc:main"/><signal qcode="sig:update"/>'
    article, repairs = read(item(content, meta=meta))
    assert article.headline == "H"
    assert repairs == [
        "item: not read (the model has no field for them): "
        "<service>, <signal>, <infoSource>, <contentModified>, <by>"
    ]
    with pytest.raises(ValidationError, match="not read"):
        newsml.loads(item(content, meta=meta), strict=True)


def test_an_urgency_out_of_range_is_left_out_and_reported():
    article, repairs = read(item("<headline>H</headline><urgency>0</urgency>"))
    assert article.urgency is None
    assert repairs == ["<urgency> (line 9): urgency '0' is not a whole number of 1 to 9: left out"]
    article, repairs = read(item("<headline>H</headline><urgency>4</urgency>"))
    assert (article.urgency, repairs) == (4, [])


def test_a_document_of_no_article_says_so_instead_of_giving_nothing():
    package = (
        f'<packageItem xmlns="{NAR}" guid="urn:p" version="1"><itemMeta>'
        '<itemClass qcode="ninat:composite"/><provider literal="A"/>'
        "<versionCreated>2024-01-01T00:00:00Z</versionCreated></itemMeta>"
        '<groupSet root="G"><group id="G"><itemRef residref="urn:elsewhere"/></group>'
        "</groupSet></packageItem>"
    ).encode()
    with pytest.raises(articlekit.UnsupportedError, match="holds no article: <packageItem>"):
        list(newsml.iter_articles(package))
    video = item(item_class='qcode="icls:video"')
    with pytest.raises(articlekit.UnsupportedError, match=r"holds no article.*icls:video"):
        list(newsml.iter_articles(video))


def test_a_lone_picture_item_streams_as_its_article():
    picture = item(item_class='qcode="ninat:picture"', body_element="")
    (article,) = newsml.iter_articles(picture)
    assert article == newsml.loads(picture)
    assert article.headline == "Harbour reopens"
    assert len(article.photos) == 1


def test_each_article_of_a_message_reports_its_own_repairs():
    first = item(version_created="2024-05-01T09:30:00").split(b"?>", 1)[1]
    second = item().replace(b"urn:x:1", b"urn:x:2").split(b"?>", 1)[1]
    message = (
        (
            f'<newsMessage xmlns="{NAR}"><header><sent>2024-05-01T10:00:00Z</sent></header>'
            "<itemSet>"
        ).encode()
        + first
        + second
        + b"</itemSet></newsMessage>"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = newsml.iter_articles(message)
        next(found)
        assert len(caught) == 1
        next(found)
        assert len(caught) == 1
    with pytest.raises(ValidationError, match="no time zone"):
        list(newsml.iter_articles(message, strict=True))
