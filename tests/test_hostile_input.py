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
from articlekit import ArticleKitError, extract
from articlekit._formats import FORMATS, get_format

SHARED = Path(__file__).resolve().parents[2] / "shared"  # as in conftest.py
_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

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
_KIND = {"json": "json", "ninjs": "json", "jsonl": "json", "newsml": "xml", "html": "html"}


def _written(name: str) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        data = get_format(name).module.dumps(articlekit.sample())
    return data if isinstance(data, bytes) else data.encode()


_DOCUMENTS = {name: _written(name) for name in FORMATS}


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
    """(format, path) of the official examples, as ids; none where shared/ is absent."""
    root = SHARED / "standards" / "examples"
    if not root.is_dir():
        return []
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


@pytest.mark.parametrize("name", list(FORMATS))
def test_damaged_documents_give_articles_or_articlekit_errors(name):
    @_SETTINGS
    @given(_damaged(name))
    def check(data):
        _read_everything(name, data)

    check()


@pytest.mark.parametrize(("name", "example"), _examples())
def test_damaged_official_examples_give_articles_or_articlekit_errors(shared, name, example):
    document = (shared / "standards" / "examples" / example).read_bytes()

    @settings(_SETTINGS, max_examples=25)
    @given(_damaged(name, document))
    def check(data):
        _read_everything(name, data)

    _read_everything(name, document)
    check()


@pytest.mark.parametrize("name", list(FORMATS))
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
def test_official_ninjs_examples_with_each_member_removed_or_replaced(shared, example):
    try:
        document = stdlib_json.loads((shared / "standards" / "examples" / example).read_bytes())
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
