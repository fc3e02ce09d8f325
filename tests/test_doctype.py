"""DOCTYPEs (issue #15): a DTD is named, never read; the entities it would define, reported."""

from __future__ import annotations

import codecs
import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import articlekit
from articlekit import Article, newsml
from articlekit._doctype import PROLOG_LIMIT, check_parsed
from articlekit._repairs import Repairs
from articlekit._xml import iterparse_xml, parse_xml
from articlekit.errors import ParseError, ValidationError

NEWSML_1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20031010:NewsMLv1.2.dtd:1" "NewsML-1.2.dtd" [
  <!-- the NITF DTD, for the body -->
  <!ENTITY % nitf SYSTEM "nitf-3-0.dtd">
  %nitf;
]>
<NewsML><p>caf&eacute;&nbsp;<b>x</b>&mdash;y</p></NewsML>"""


def _parsed(data: str | bytes, repairs: Repairs | None = None) -> str:
    return etree.tostring(parse_xml(data, repairs=repairs), encoding="unicode")


def _streamed(data: str | bytes, repairs: Repairs | None = None) -> str:
    raw = data.encode() if isinstance(data, str) else data
    events = list(iterparse_xml(io.BytesIO(raw), repairs=repairs))
    return etree.tostring(events[-1][1], encoding="unicode")


READERS = pytest.mark.parametrize("read", [_parsed, _streamed], ids=["tree", "events"])


@READERS
@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">',
        "<!DOCTYPE nitf PUBLIC '-//IPTC//DTD NITF 3.2//EN' 'nitf-3-2.dtd'>",
        '<!DOCTYPE nitf SYSTEM "nitf.dtd" [ ]>',
        '<!DOCTYPE nitf SYSTEM "n.dtd" [<!ENTITY % a PUBLIC "-//x//y" "a.ent"><!--c-->%a;]>',
        "<!DOCTYPE nitf>",
    ],
)
def test_a_doctype_that_cannot_define_entities_is_read(read: Callable[..., str], doctype):
    prolog = codecs.BOM_UTF8 + b'<?xml version="1.0"?>\n<!-- made by X -->\n<?pi x?>\n'
    assert read(prolog + doctype.encode() + b"\n<nitf>x</nitf>") == "<nitf>x</nitf>"


@READERS
def test_undefined_html5_entities_are_read_as_their_characters(read: Callable[..., str]):
    assert read(NEWSML_1) == "<NewsML><p>caf\u00e9\u00a0<b>x</b>\u2014y</p></NewsML>"


@READERS
def test_each_entity_read_is_reported_once_with_the_line_of_its_first_use(read):
    repairs = Repairs(strict=False)
    read(NEWSML_1.replace("</p>", "&eacute;</p>\n<p>&nbsp;&NotEqualTilde;</p>"), repairs)
    made = {warning.where: (str(warning), warning.line) for warning in repairs.made}
    assert len(repairs.made) == len(made) == 4
    assert made["&nbsp;"][1] == 7
    assert made["&NotEqualTilde;"][1] == 8
    assert "undefined entity &nbsp; (its DTD is not read): read as U+00A0" in made["&nbsp;"][0]
    assert "read as U+2242 U+0338" in made["&NotEqualTilde;"][0]


@READERS
def test_strict_reading_refuses_an_undefined_entity(read: Callable[..., str]):
    with pytest.raises(ValidationError, match="&eacute;"):
        read(NEWSML_1, Repairs(strict=True))


@READERS
def test_an_undefined_entity_no_html5_name_defines_is_refused_naming_it_and_its_line(read):
    with pytest.raises(ParseError, match="&bogus;") as caught:
        read(NEWSML_1.replace("&mdash;", "\n\n&bogus;"))
    assert caught.value.line == 9


@READERS
@pytest.mark.parametrize("name", ["nbsp", "bogus"])
def test_an_undefined_entity_in_an_attribute_value_is_refused(read, name):
    # libxml2 drops it from the value, saying so only in its log: never silently lost.
    with pytest.raises(ParseError, match=f"&{name};") as caught:
        read(f'<!DOCTYPE a SYSTEM "a.dtd"><a>&nbsp;\n<b title="x&{name};y"/></a>')
    assert caught.value.line == 2


def test_without_a_doctype_an_undefined_entity_stays_an_error():
    with pytest.raises(ParseError, match="nbsp"):
        parse_xml("<a>&nbsp;</a>")


def _files(tmp_path: Path) -> tuple[Path, Path]:
    """A DTD and an entity file that define entities a document uses, with marked content."""
    dtd = tmp_path / "nitf.dtd"
    dtd.write_text('<!ENTITY secret "FROM-THE-DTD"><!ENTITY nbsp "FROM-THE-DTD">')
    entities = tmp_path / "entities.ent"
    entities.write_text('<!ENTITY secret "FROM-THE-ENT"><!ENTITY nbsp "FROM-THE-ENT">')
    return dtd, entities


@READERS
def test_neither_the_dtd_nor_a_parameter_entity_is_loaded(read, tmp_path):
    dtd, entities = _files(tmp_path)
    for where in (str(entities), entities.as_uri(), str(tmp_path / "missing.ent")):
        doctype = f'<!DOCTYPE a SYSTEM "{dtd.as_uri()}" [<!ENTITY % e SYSTEM "{where}"> %e;]>'
        assert read(f"{doctype}<a>&nbsp;</a>") == "<a>\u00a0</a>"
        with pytest.raises(ParseError, match="&secret;") as caught:
            read(f"{doctype}<a>&secret;</a>")
        assert "FROM-THE" not in str(caught.value)


@READERS
@pytest.mark.parametrize(
    ("subset", "said"),
    [
        ('<!ENTITY x "y">', "a general entity declaration"),
        ('<!ENTITY x SYSTEM "file:///etc/passwd">', "a general entity declaration"),
        ("<!ENTITY % x \"<!ENTITY y 'z'>\"> %x;", "a parameter entity declaration"),
        ('<!ENTITY % x SYSTEM "x" NDATA n>', "a parameter entity declaration"),
        ("<!ELEMENT a ANY>", "an element type declaration"),
        ('<!ATTLIST a b CDATA "c">', "an attribute-list declaration"),
        ('<!NOTATION n SYSTEM "n">', "a notation declaration"),
        ("<![INCLUDE[ ]]>", "a conditional section"),
        ("<?pi x?>", "a processing instruction"),
        ("%x", "markup articlekit cannot check"),
    ],
)
def test_an_internal_subset_that_could_define_entities_is_refused(read, subset, said):
    with pytest.raises(ParseError, match="declares a DOCTYPE") as caught:
        read(f'<!DOCTYPE a SYSTEM "a.dtd" [\n<!-- ok -->\n{subset}\n]><a/>')
    assert said in caught.value.message
    assert caught.value.line == 3


@READERS
@pytest.mark.parametrize(
    "data",
    [
        b"<!--" + b" " * PROLOG_LIMIT + b'--><!DOCTYPE a SYSTEM "a.dtd"><a/>',  # too far in
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a SYSTEM "a.dtd"><a/>'.encode("utf-16"),
    ],
    ids=["beyond-the-prolog-limit", "utf-16"],
)
def test_a_doctype_the_byte_check_cannot_see_stays_refused(read, data):
    with pytest.raises(ParseError, match="DOCTYPE articlekit cannot check"):
        read(data)


def test_libxml2s_reading_of_the_subset_is_checked_again():
    # Defence in depth: were the byte check ever misled (a state-shifting encoding), an entity
    # value or element libxml2 read from the subset is still refused.
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(b'<!DOCTYPE a [<!ENTITY x "y">]><a/>', parser)
    with pytest.raises(ParseError, match="declares an entity value or an element"):
        check_parsed(root.getroottree().docinfo, accepted=True)


@READERS
def test_many_entities_and_hostile_prologs_take_linear_time(read):
    started = time.perf_counter()
    many = "<!DOCTYPE a SYSTEM 'a.dtd'><a>" + "&nbsp;x" * 200_000 + "</a>"
    assert read(many).count("\u00a0") == 200_000
    for hostile in ("<!--" + "-x" * 30_000, "%" * 60_000, "<!ENTITY % a SYSTEM '" * 3_000):
        with pytest.raises(ParseError):
            read(f"<!DOCTYPE a SYSTEM 'a.dtd' [{hostile}]><a/>")
    assert time.perf_counter() - started < 5  # a bound on runaway work, not a benchmark


def test_a_newsml_g2_item_naming_its_dtd_and_using_its_entities_loads():
    written = newsml.dumps(Article(uri="urn:x:1", version=1, headline="Caf\u00e9 news"))
    data = written.encode() if isinstance(written, str) else written
    end_of_declaration = data.index(b"?>") + 2
    doctype = b'\n<!DOCTYPE newsItem SYSTEM "NewsML-G2_2.33.dtd">'
    body = data[end_of_declaration:].replace("Caf\u00e9".encode(), b"Caf&eacute;&nbsp;")
    document = data[:end_of_declaration] + doctype + body
    with pytest.warns(articlekit.RepairWarning) as caught:
        assert newsml.loads(document).headline == "Caf\u00e9\u00a0 news"
    assert [str(w.message) for w in caught] == [
        "&eacute; (line 3): undefined entity &eacute; (its DTD is not read): read as U+00E9",
        "&nbsp; (line 3): undefined entity &nbsp; (its DTD is not read): read as U+00A0",
    ]
    with pytest.warns(articlekit.RepairWarning):
        found = [item.headline for item in newsml.iter_articles(io.BytesIO(document))]
    assert found == ["Caf\u00e9\u00a0 news"]
    with pytest.raises(articlekit.ValidationError, match="undefined entity &eacute;"):
        newsml.loads(document, strict=True)
