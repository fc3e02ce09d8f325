"""Every reader, fed damaged or hostile input, returns an Article or raises an ArticleKitError.

Never a bare KeyError, TypeError or lxml exception: the documents below are valid ones broken at
random, byte by byte and member by member, and random bytes.
"""

from __future__ import annotations

import contextlib
import io
import json as stdlib_json
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from _json_edits import REMOVE, edited, places
from articlekit import ArticleKitError, _io, _json_text, extract, json, jsonl, ninjs
from articlekit._formats import ROUND_TRIP, detect_file, get_format

IPTC = Path(__file__).resolve().parent / "data" / "iptc"  # IPTC's examples, see NOTICE.md there
_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
# A broken document may read with repairs: that is a reader's answer too, not a failure here.
pytestmark = pytest.mark.filterwarnings("ignore::articlekit.RepairWarning")

# Pieces that break each kind of text in interesting places.
_TOKENS = {
    "json": ['"', "{", "}", "[", "]", ",", ":", "null", "true", "1e999", "-1", "0.5", '""',
             '"\\ud800"', '"\\u0000"', "[]", "{}", '"type"', '"paragraph"', '"photo"'],
    "xml": ["<", ">", "</headline>", "<headline>", "&amp;", "&bogus;", "&#0;", "&#x110000;",
            "<!DOCTYPE x [<!ENTITY e 'x'>]>", "<![CDATA[x]]>", "<?pi x?>", "<!-- c -->", '"',
            'xmlns="urn:other"', "<inlineXML>", "</p>", "<p>", 'qcode="medtop:1"', "\x00"],
    "html": ["<", ">", "<script>alert(1)</script>", "</article>", "<article>", "<p>", "</p>",
             '<script type="application/ld+json">', "</script>", '{"@type": "NewsArticle"}',
             "&nbsp;", "&#0;", '<img src="javascript:x">', "<h1>", "</h1>", "\x00", '"'],
}  # fmt: skip
_KIND = {
    "json": "json",
    "ninjs": "json",
    "jsonl": "json",
    "newsml": "xml",
    "nitf": "xml",
    "html": "html",
}


def _written(name: str) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        data = get_format(name).module.dumps(articlekit.sample())
    return data if isinstance(data, bytes) else data.encode()


_DOCUMENTS = {name: _written(name) for name in ROUND_TRIP}  # NewsML 1.x: test_newsml1.py


def _read_everything(name: str, data: bytes) -> None:
    """Read *data* every way a user can; only an ArticleKitError may come out."""
    reader = get_format(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        for attempt in (
            lambda: reader.loads(data),
            lambda: list(reader.iter_articles(data)),
            lambda: list(reader.iter_articles(io.BytesIO(data))),
            lambda: articlekit.detect(data),
        ):
            with contextlib.suppress(ArticleKitError):
                attempt()


def _examples() -> list[tuple[str, str]]:
    """(format, path) of the official examples, as ids."""
    root = IPTC
    found = [("newsml", path) for path in sorted((root / "newsml-g2").rglob("*.xml"))]
    found += [("ninjs", path) for path in sorted((root / "ninjs").rglob("*.json"))]
    return [(name, str(path.relative_to(root))) for name, path in found]


@st.composite
def _damaged(draw, name: str, document: bytes | None = None) -> bytes:
    data = bytearray(_DOCUMENTS[name] if document is None else document)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 200)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "replace"]))
        token = draw(st.sampled_from(_TOKENS[_KIND[name]])).encode()
        if action == "delete":
            del data[start:end]
        elif action == "insert":
            data[start:start] = token
        elif action == "duplicate":
            data[end:end] = data[start:end]
        else:
            data[start:end] = token
    return bytes(data)


@pytest.mark.parametrize("name", list(ROUND_TRIP))
def test_damaged_documents_give_articles_or_articlekit_errors(name):
    @_SETTINGS
    @given(_damaged(name))
    def check(data):
        _read_everything(name, data)

    check()


@pytest.mark.parametrize(("name", "example"), _examples())
def test_damaged_official_examples_give_articles_or_articlekit_errors(name, example):
    document = (IPTC / example).read_bytes()

    @settings(_SETTINGS, max_examples=25)
    @given(_damaged(name, document))
    def check(data):
        _read_everything(name, data)

    _read_everything(name, document)
    check()


@pytest.mark.parametrize("name", list(ROUND_TRIP))
@_SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_give_articlekit_errors(name, data):
    _read_everything(name, data)


_JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
    st.text(max_size=10), st.just([]), st.just({}), st.just(["x"]), st.just({"x": 1}),
    st.just([{"type": "paragraph"}]), st.just({"href": "javascript:x"}),
)  # fmt: skip


_FIXED_VALUES = [None, True, 0, -1, 2**40, 1.5, "", " ", "x", [], {}, ["x"], {"x": 1}]


@pytest.mark.parametrize("name", ["json", "ninjs"])
def test_json_documents_with_each_member_removed_or_replaced_give_articles_or_errors(name):
    document = stdlib_json.loads(_DOCUMENTS[name])
    for path in [path for path, _ in places(document) if path]:
        for value in [REMOVE, *_FIXED_VALUES]:
            _read_everything(name, stdlib_json.dumps(edited(document, path, value)).encode())


@pytest.mark.parametrize("example", [example for name, example in _examples() if name == "ninjs"])
def test_official_ninjs_examples_with_each_member_removed_or_replaced(example):
    try:
        document = stdlib_json.loads((IPTC / example).read_bytes())
    except ValueError:
        pytest.skip(f"{example} is not JSON")  # an example of what is not valid
    for path in [path for path, _ in places(document) if path]:
        for value in [REMOVE, None, 0, "", "x", [], {}]:
            _read_everything("ninjs", stdlib_json.dumps(edited(document, path, value)).encode())


@pytest.mark.parametrize("name", ["json", "ninjs"])
def test_json_documents_with_any_member_changed_give_articles_or_articlekit_errors(name):
    document = stdlib_json.loads(_DOCUMENTS[name])
    paths = [path for path, _ in places(document) if path]

    @_SETTINGS
    @given(st.sampled_from(paths), _JSON_VALUES, st.booleans())
    def check(path, value, remove):
        changed = edited(document, path, REMOVE if remove else value)
        _read_everything(name, stdlib_json.dumps(changed).encode())

    check()


@_SETTINGS
@given(_damaged("html"))
def test_extract_on_damaged_pages_gives_articles_or_articlekit_errors(page):
    with contextlib.suppress(ArticleKitError):
        extract.extract(page, url="https://news.example.org/a")


@_SETTINGS
@given(st.binary(max_size=300))
def test_extract_on_random_bytes_gives_articles_or_articlekit_errors(page):
    with contextlib.suppress(ArticleKitError):
        extract.extract(page)


# --- limits: nesting and size, every reader ----------------------------------------------------

_DEEP_JSON = {
    "arrays": "[" * 100_000 + "]" * 100_000,
    "objects": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "unclosed": "[" * 100_000,
}
_JSON_READERS = {
    "json": json.loads,
    "ninjs": ninjs.loads,
    "jsonl": lambda data: list(jsonl.iter_articles(data)),
    "detect": articlekit.detect,
}


@pytest.mark.parametrize("reader", list(_JSON_READERS))
@pytest.mark.parametrize("shape", list(_DEEP_JSON))
def test_json_nested_100000_deep_is_a_parse_error_naming_the_limit(reader, shape):
    # Python's parser recursed up to the interpreter's limit and objects then failed in the
    # hook with "maximum recursion depth exceeded while calling a Python object" (fixed).
    with pytest.raises(articlekit.ParseError, match=f"deeper than {_json_text.MAX_DEPTH} levels"):
        _JSON_READERS[reader](_DEEP_JSON[shape])


@pytest.mark.parametrize("name", ["json", "ninjs", "jsonl"])
def test_json_depth_limit_is_exact(name):
    limit = _json_text.MAX_DEPTH
    deepest = "[" * (limit - 1) + "]" * (limit - 1)  # inside the document object: level 2 on
    document = stdlib_json.loads(_DOCUMENTS[name].splitlines()[0])
    document["uri"] = "@"
    text = stdlib_json.dumps(document).replace('"@"', deepest, 1)
    with pytest.raises(ArticleKitError) as caught:
        get_format(name).loads(text)
    assert not isinstance(caught.value, articlekit.ParseError)  # the wrong type, not too deep
    with pytest.raises(articlekit.ParseError, match="deeper"):
        get_format(name).loads(text.replace(deepest, f"[{deepest}]", 1))


@pytest.mark.parametrize("name", list(ROUND_TRIP))
def test_every_reader_refuses_input_beyond_its_size_limit_and_says_the_limit(monkeypatch, name):
    for module in (_json_text, _io, articlekit._xml, articlekit.html._read):
        monkeypatch.setattr(module, "MAX_BYTES", 1000)
    data = _DOCUMENTS[name]
    assert len(data) > 1000
    reader = get_format(name)
    attempts = [lambda: reader.loads(data), lambda: reader.module.load(io.BytesIO(data))]
    if name != "newsml":  # streamed item by item: the whole message has no size limit
        attempts.append(lambda: list(reader.iter_articles(io.BytesIO(data))))
    if name in ("json", "ninjs", "jsonl"):  # markup is told by its first 64 KiB alone
        attempts.append(lambda: articlekit.detect(data))
    for attempt in attempts:
        with pytest.raises(articlekit.ParseError, match="1000"):
            attempt()


def test_a_file_is_read_no_further_than_the_size_limit(monkeypatch):
    monkeypatch.setattr(_io, "MAX_BYTES", 1000)
    source = io.BytesIO(b"{" + b" " * 10_000 + b"}")
    with pytest.raises(articlekit.ParseError, match="more than 1000 bytes"):
        json.load(source)
    assert source.tell() == 1001
    source.seek(0)
    with pytest.raises(articlekit.ParseError, match="more than 1000 bytes"):
        detect_file(source)


def test_json_lines_refuses_a_line_beyond_the_limit_reading_no_further(monkeypatch):
    monkeypatch.setattr(_json_text, "MAX_BYTES", 1000)
    line = _DOCUMENTS["jsonl"].splitlines()[0]
    short = stdlib_json.dumps({"articlekit": 1, "uri": "urn:x", "headline": "H"}).encode()
    source = io.BytesIO(short + b"\n" + b" " * 50_000 + line + b"\n")
    found = jsonl.iter_articles(source)
    assert next(found).headline == "H"
    with pytest.raises(articlekit.ParseError, match="more than 1000 bytes") as caught:
        next(found)
    assert caught.value.line == 2
    assert source.tell() <= len(short) + 1 + 1001


def test_ninjs_html_bodies_nested_beyond_the_limit_are_refused_whatever_libxml2_does():
    limit = articlekit._xml.MAX_DEPTH
    for depth in (limit, 10_000):
        body = "<div>" * depth + "x" + "</div>" * depth
        item = stdlib_json.dumps({"uri": "urn:x", "headline": "H", "body_html": body})
        with pytest.raises(articlekit.ValidationError, match=f"deeper than {limit}") as caught:
            ninjs.loads(item)
        assert caught.value.path == "bodies[0].value"
    shallow = "<div>" * (limit - 2) + "x" + "</div>" * (limit - 2)  # inside <html><body>
    item = stdlib_json.dumps({"uri": "urn:x", "headline": "H", "body_html": shallow})
    assert ninjs.loads(item).body == (articlekit.Paragraph(text="x"),)


@pytest.mark.parametrize("name", ["newsml", "html"])
def test_markup_nested_10000_deep_is_a_parse_error(name):
    data = _DOCUMENTS[name].replace(b"<p>", b"<p>" + b"<b>" * 10_000, 1)
    for attempt in (
        lambda: get_format(name).loads(data),
        lambda: list(get_format(name).iter_articles(io.BytesIO(data))),
    ):
        with pytest.raises(articlekit.ParseError, match="deep"):
            attempt()
