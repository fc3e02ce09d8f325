"""Streaming containers: newsMessages item by item, JSON Lines line by line, and the CLI on both."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import _xml, jsonl, newsml, strategies
from articlekit._repairs import Repairs
from articlekit.errors import ParseError, UnsupportedError, ValidationError
from articlekit.model import Article
from articlekit.newsml import _read as _newsml_read
from articlekit.newsml._repair import Reading

COMMAND = [sys.executable, "-m", "articlekit"]


def run(*arguments: object, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [*COMMAND, *map(str, arguments)], input=stdin, capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr.decode()
    return result


def items(article: Article) -> bytes:
    """The items articlekit writes for *article* in a newsMessage: its text item, then pictures."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = newsml.dumps(article)
    return document.split(b"<itemSet>", 1)[1].rsplit(b"</itemSet>", 1)[0]


def message(*parts: bytes) -> bytes:
    """A newsMessage holding the items *parts*."""
    return (
        (
            f'<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="{newsml.NAMESPACE}" '
            'xmlns:ak="urn:articlekit:newsml">'
            "<header><sent>2026-01-01T00:00:00Z</sent></header><itemSet>"
        ).encode()
        + b"".join(parts)
        + b"</itemSet></newsMessage>"
    )


def whole(data: bytes) -> list[Article]:
    """What the reader that parses the whole document makes of *data*."""
    reading = Reading(Repairs(strict=True))
    return list(_newsml_read.articles(_xml.parse_xml(data), reading, skip_unsupported=True))


def distinct(found: list[Article]) -> list[Article]:
    """The articles with unique URIs, and photos too: picture guids must be unique."""
    return [
        attrs.evolve(
            article,
            uri=f"urn:test:{index}",
            photos=[
                attrs.evolve(photo, uri=f"urn:test:{index}:photo:{number}")
                for number, photo in enumerate(article.photos)
            ],
        )
        for index, article in enumerate(found)
    ]


def sample_with_photo_uri(number: int) -> Article:
    sample = articlekit.sample()
    return attrs.evolve(
        sample, uri=f"urn:test:{number}", photos=[attrs.evolve(sample.photos[0], uri=None)]
    )


@settings(max_examples=15)
@given(st.lists(strategies.articles(), min_size=1, max_size=4))
def test_streamed_message_gives_the_articles_the_whole_document_reader_gives(found):
    data = message(*(items(article) for article in distinct(found)))
    expected = whole(data)
    assert list(newsml.iter_articles(io.BytesIO(data))) == expected
    assert list(newsml.iter_articles(data)) == expected
    assert list(newsml.iter_articles(data.decode())) == expected


def test_pictures_before_or_after_their_text_item_become_its_photos():
    first, second = sample_with_photo_uri(1), sample_with_photo_uri(2)
    text_1, picture_1 = items(first).split(b"</newsItem>", 1)
    text_2, picture_2 = items(second).split(b"</newsItem>", 1)
    # Provider layout: each picture item before its text item.
    data = message(picture_1, text_1 + b"</newsItem>", picture_2, text_2 + b"</newsItem>")
    streamed = list(newsml.iter_articles(io.BytesIO(data)))
    assert streamed == whole(data) == [first, second]


def test_a_message_with_a_package_is_read_whole_and_still_groups_its_pictures():
    article = sample_with_photo_uri(1)
    text, picture = items(article).split(b"</newsItem>", 1)
    # A text item that does not link its picture: only the package ties them together.
    text = text.replace(b'rel="irel:associatedWith"', b'rel="irel:seeAlso"')
    package = (
        b'<packageItem guid="urn:package" version="1" standard="NewsML-G2" '
        b'standardversion="2.35"><itemMeta><itemClass qcode="ninat:composite"/>'
        b'<provider qcode="nprov:x"/><versionCreated>2026-01-01T00:00:00Z</versionCreated>'
        b'</itemMeta><groupSet root="G1"><group id="G1">'
        b'<itemRef residref="urn:test:1"/><itemRef residref="urn:test:1#photo-1"/>'
        b"</group></groupSet></packageItem>"
    )
    data = message(package, text + b"</newsItem>", picture)
    (from_file,) = newsml.iter_articles(io.BytesIO(data))
    assert [from_file] == whole(data)
    assert from_file.photos[0].caption == article.photos[0].caption


class _Pipe(io.RawIOBase):
    """A binary file that cannot seek, like standard input from a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer):  # type: ignore[no-untyped-def]
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_file_that_cannot_seek_streams_too():
    data = message(*(items(sample_with_photo_uri(n)) for n in range(3)))
    assert list(newsml.iter_articles(_Pipe(data))) == whole(data)


def test_streaming_refuses_a_doctype_and_deep_nesting_and_names_the_line_of_bad_xml():
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + message()[38:]
    with pytest.raises(ParseError, match="DOCTYPE"):
        list(newsml.iter_articles(io.BytesIO(hostile)))
    deep = message(b"<a>" * 200 + b"</a>" * 200)
    with pytest.raises(ParseError, match="deeper"):
        list(newsml.iter_articles(io.BytesIO(deep)))
    broken = message(items(sample_with_photo_uri(1)))[:-20] + b"\n<oops"
    with pytest.raises(ParseError) as caught:
        list(newsml.iter_articles(io.BytesIO(broken)))
    assert caught.value.line is not None


def test_streaming_refuses_other_xml_and_text_mode_files(tmp_path):
    with pytest.raises(UnsupportedError, match="NewsML-G2"):
        list(newsml.iter_articles(io.BytesIO(b"<rss><channel/></rss>")))
    path = tmp_path / "m.xml"
    path.write_bytes(message())
    with path.open() as text_file, pytest.raises(TypeError, match="binary mode"):
        newsml.iter_articles(text_file)  # type: ignore[arg-type]


def test_jsonl_module_all_is_pinned():
    assert sorted(jsonl.__all__) == ["dump", "dumps", "iter_articles", "load", "loads"]


@settings(max_examples=15)
@given(st.lists(strategies.articles(), max_size=4))
def test_articles_survive_a_json_lines_round_trip(found):
    text = jsonl.dumps(found)
    assert text.count("\n") == len(found)
    assert len(text.splitlines()) == len(found)  # also for tools that split on U+2028/U+2029
    assert list(jsonl.iter_articles(text)) == found
    assert list(jsonl.iter_articles(io.BytesIO(text.encode()))) == found
    out = io.BytesIO()
    jsonl.dump(iter(found), out)
    assert out.getvalue() == text.encode()


def test_line_and_paragraph_separators_are_escaped_and_read_back():
    article = attrs.evolve(articlekit.sample(), editor_note="one\u2028two\u2029three")
    text = jsonl.dumps([article, article])
    assert "\u2028" not in text
    assert "\u2029" not in text
    assert "\\u2028" in text
    assert len(text.splitlines()) == 2
    assert list(jsonl.iter_articles(text)) == [article, article]


def test_json_lines_errors_name_the_line():
    line = jsonl.dumps(articlekit.sample())
    with pytest.raises(ParseError) as caught:
        list(jsonl.iter_articles(line + "\n" + "{nope\n"))
    assert caught.value.line == 3
    with pytest.raises(ValidationError, match="line 2"):
        list(jsonl.iter_articles(line + '{"articlekit": 1, "uri": 5}\n'))
    with pytest.raises(ValidationError, match="iter_articles"):
        jsonl.loads(line + line)
    assert jsonl.loads(line) == articlekit.sample()


def test_detect_tells_json_lines_from_one_json_document():
    line = jsonl.dumps(articlekit.sample())
    assert articlekit.detect(line + line) == "jsonl"
    assert articlekit.detect("\n" + line + "\n" + line) == "jsonl"
    assert articlekit.detect(line) == "json"
    assert articlekit.detect(articlekit.json.dumps(articlekit.sample(), indent=2)) == "json"


@pytest.fixture(scope="module")
def big_message(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("message") / "message.xml"
    path.write_bytes(message(*(items(sample_with_photo_uri(n)) for n in range(50))))
    return path


def test_cli_converts_a_message_into_one_json_lines_file_and_back(big_message, tmp_path):
    out = tmp_path / "all.jsonl"
    run("convert", big_message, "--to", "jsonl", "-o", out)
    lines = out.read_bytes().splitlines()
    assert len(lines) == 50
    assert list(jsonl.iter_articles(out.read_bytes())) == whole(big_message.read_bytes())
    assert run("detect", out).stdout.decode().strip() == f"{out}: jsonl"
    run("convert", out, "--to", "json", "--out-dir", tmp_path / "split")
    assert len(list((tmp_path / "split").glob("all-*.json"))) == 50
    several = subprocess.run(
        [*COMMAND, "convert", big_message, "--to", "json"], capture_output=True
    )
    assert several.returncode == 1
    assert b"holds 50 articles" in several.stderr


def test_cli_writes_every_input_into_one_json_lines_output_and_reads_stdin(tmp_path):
    for number in range(3):
        (tmp_path / "in" / f"{number}.json").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"{number}.json").write_text(
            articlekit.json.dumps(sample_with_photo_uri(number))
        )
    out = tmp_path / "all.jsonl"
    run("convert", tmp_path / "in", "--to", "jsonl", "-o", out)
    uris = [article.uri for article in jsonl.iter_articles(out.read_bytes())]
    assert uris == ["urn:test:0", "urn:test:1", "urn:test:2"]
    run("convert", "-", "--to", "ninjs", "--out-dir", tmp_path / "n", stdin=out.read_bytes())
    assert len(list((tmp_path / "n").glob("stdin-*.ninjs.json"))) == 3
    shown = run("show", "-", stdin=out.read_bytes()).stdout.decode()
    assert shown.count("lead photo") == 3


def test_cli_leaves_no_json_lines_output_when_an_input_fails(tmp_path):
    (tmp_path / "good.json").write_text(articlekit.json.dumps(articlekit.sample()))
    (tmp_path / "bad.json").write_text("{nope")
    out = tmp_path / "all.jsonl"
    result = subprocess.run(
        [*COMMAND, "convert", tmp_path / "bad.json", tmp_path / "good.json", "--to", "jsonl",
         "-o", out],
        capture_output=True,
    )  # fmt: skip
    assert result.returncode == 1
    assert not out.exists()
    assert not list(tmp_path.glob(".all.jsonl.*"))


@pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the file system takes names of any bytes"
)
def test_a_message_streams_from_a_file_whose_name_is_not_utf8(tmp_path):
    # lxml takes an open file's name as the base URL and cannot encode a surrogate-escaped one.
    path = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.xml")
    article = sample_with_photo_uri(1)
    with open(path, "wb") as file:
        file.write(message(items(article)))
    with open(path, "rb") as file:
        assert list(newsml.iter_articles(file)) == [article]


TWICE = b'{"articlekit": 1, "uri": "urn:x", "headline": "Hi", "headline": "Ho"}\n'


def test_json_lines_read_a_member_given_twice_last_one_wins_with_its_line():
    good = jsonl.dumps(articlekit.sample()).encode()
    with pytest.warns(articlekit.RepairWarning) as caught:
        articles = list(jsonl.iter_articles(io.BytesIO(good + TWICE)))
    assert articles[1].headline == "Ho"
    assert [(w.message.where, w.message.line) for w in caught] == [("headline", 2)]  # type: ignore[union-attr]


def test_json_lines_refuse_a_member_given_twice_when_strict():
    with pytest.raises(ParseError, match="appears twice") as caught:
        jsonl.loads(TWICE, strict=True)
    assert caught.value.line == 1
