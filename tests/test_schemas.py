"""Checking documents against the bundled official schemas: the validate functions and command."""

from __future__ import annotations

import json as stdlib_json
import socket
import sys
import warnings
from pathlib import Path

import pytest

import articlekit
from articlekit import LossWarning, ParseError, ValidationError, newsml, ninjs, nitf
from articlekit._schemas import MAX_VIOLATIONS, NINJS_VERSIONS, SCHEMA_FOLDER
from articlekit.cli import NINJS_SCHEMA_VERSIONS, main
from articlekit.errors import Violation

IPTC = Path(__file__).resolve().parent / "data" / "iptc"


def quiet(write, *args, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        return write(*args, **options)


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a schema check tried the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


# --- the bundle ------------------------------------------------------------------------------


def test_every_bundled_schema_is_listed_with_its_source_and_licence():
    files = {
        path.relative_to(SCHEMA_FOLDER).as_posix()
        for path in SCHEMA_FOLDER.rglob("*")
        if path.suffix in {".json", ".xsd"}
    }
    assert len(files) == 10
    sources = (SCHEMA_FOLDER / "SOURCES.tsv").read_text(encoding="utf-8")
    notice = (SCHEMA_FOLDER / "NOTICE.md").read_text(encoding="utf-8")
    for name in files:
        assert f"src/articlekit/data/schemas/{name}\n" in sources, name
    assert "MIT License" in notice
    assert "Creative Commons Attribution 4.0" in notice
    assert (IPTC / "NOTICE.md").is_file()


def test_the_cli_offers_the_ninjs_versions_whose_schema_is_bundled():
    assert NINJS_SCHEMA_VERSIONS == NINJS_VERSIONS
    assert all(
        (SCHEMA_FOLDER / "ninjs" / f"ninjs-schema_{v}.json").is_file() for v in NINJS_VERSIONS
    )


# --- what articlekit writes passes -----------------------------------------------------------


@pytest.mark.parametrize("version", ninjs.VERSIONS)
def test_ninjs_articlekit_wrote_is_valid_against_the_official_schema(offline, version):
    ninjs.validate(ninjs.dumps(articlekit.sample(), version=version), version=version)


def test_newsml_and_nitf_articlekit_wrote_are_valid_offline(offline):
    newsml.validate(quiet(newsml.dumps, articlekit.sample()))
    newsml.validate(quiet(newsml.dumps, articlekit.sample(), container="newsItem"))
    nitf.validate(quiet(nitf.dumps, articlekit.sample()))


@pytest.mark.parametrize(
    "name", ["3.1/005_complex_text_article.json", "2.2/004_simple_text_article.json"]
)
def test_iptc_guideline_examples_are_valid_against_their_version(name):
    version = name.split("/", 1)[0]
    ninjs.validate((IPTC / "ninjs" / name).read_bytes(), version=version)


def test_the_standards_own_should_fail_file_is_refused_and_listing_2_passes():
    newsml.validate(next((IPTC / "newsml-g2").glob("LISTING_2_*.xml")).read_bytes())
    with pytest.raises(ValidationError, match="organisationDetails/anyOtherElement"):
        newsml.validate(
            (IPTC / "newsml-g2/unit/2.12__should_fail__xsany-on-hasinstrument.xml").read_bytes()
        )


# --- violations and their places -------------------------------------------------------------


def test_ninjs_violations_are_each_listed_with_the_json_path_of_the_member():
    document = {"uri": 1, "headlines": [{"value": 3}], "pubStatus": "gone"}
    with pytest.raises(ValidationError) as caught:
        ninjs.validate(stdlib_json.dumps(document))
    error = caught.value
    assert isinstance(error, articlekit.ArticleKitError)
    assert {violation.path for violation in error.violations} == {
        "uri", "headlines[0].value", "pubStatus",
    }  # fmt: skip
    assert all(violation.line is None for violation in error.violations)
    assert "ninjs-schema_3.1.json: 3 violations" in str(error)
    assert "\n  headlines[0].value: 3 is not of type 'string'" in str(error)


def test_a_ninjs_array_is_checked_item_by_item():
    items = [{"uri": "urn:a"}, {"uri": 2}]
    with pytest.raises(ValidationError) as caught:
        ninjs.validate(stdlib_json.dumps(items))
    assert caught.value.violations == (Violation("[1].uri", "2 is not of type 'string'"),)


def test_a_version_picks_its_schema():
    lower_case = {"uri": "urn:a", "versioncreated": "2024-01-01T00:00:00Z"}
    ninjs.validate(stdlib_json.dumps(lower_case), version="2.2")
    with pytest.raises(ValidationError, match="versioncreated"):
        ninjs.validate(stdlib_json.dumps(lower_case), version="3.1")
    with pytest.raises(ValueError, match=r"'9\.9': one of 1\.4, 1\.6"):
        ninjs.validate("{}", version="9.9")


def test_newsml_violations_name_the_element_path_and_line():
    data = quiet(newsml.dumps, articlekit.sample(), container="newsItem")
    broken = data.replace(b"<itemClass", b"\n<bogus/><itemClass", 1)
    with pytest.raises(ValidationError) as caught:
        newsml.validate(broken)
    [violation] = caught.value.violations
    assert violation.path == "newsItem/itemMeta/bogus"
    assert violation.line == 3
    assert "This element is not expected" in violation.message
    assert "newsItem/itemMeta/bogus (line 3): Element" in str(caught.value)


def test_nitf_violations_name_the_element_and_sibling_index():
    data = quiet(nitf.dumps, articlekit.sample())
    broken = data.replace(b"</p>", b'</p><p><bogus x="1"/></p>', 1)
    with pytest.raises(ValidationError) as caught:
        nitf.validate(broken)
    [violation] = caught.value.violations
    assert violation.path == "nitf/body/body.head/abstract/p[2]/bogus"  # the first </p>


def test_violations_are_capped_for_a_hostile_document():
    items = [{"uri": index} for index in range(MAX_VIOLATIONS * 3)]
    with pytest.raises(ValidationError) as caught:
        ninjs.validate(stdlib_json.dumps(items))
    assert len(caught.value.violations) == MAX_VIOLATIONS
    assert f"{MAX_VIOLATIONS} violations (the first shown)" in str(caught.value)


@pytest.mark.parametrize(
    ("validate", "data"),
    [
        (ninjs.validate, "{"),
        (newsml.validate, "<a>"),
        (nitf.validate, b'<!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>'),
    ],
)
def test_malformed_or_hostile_input_is_a_parse_error(validate, data):
    with pytest.raises(ParseError):
        validate(data)


def test_without_jsonschema_ninjs_validate_says_what_to_install(monkeypatch):
    from articlekit import _schemas

    _schemas.bundled_checker.cache_clear()
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    try:
        with pytest.raises(ImportError, match=r"pip install 'articlekit\[validate\]'"):
            ninjs.validate("{}")
    finally:
        _schemas.bundled_checker.cache_clear()


# --- the command -----------------------------------------------------------------------------


def run(capsys, *arguments):
    status = main([str(argument) for argument in arguments])
    out, errors = capsys.readouterr()
    return status, out, errors


def test_validate_ninjs_reports_each_violation_on_its_own_line(tmp_path, capsys, offline):
    good = tmp_path / "good.json"
    good.write_text(ninjs.dumps(articlekit.sample()), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": 1, "headlines": [{"value": 3}]}', encoding="utf-8")
    status, out, errors = run(capsys, "validate", "--ninjs", "3.1", good, bad)
    assert status == 1
    assert out == f"{good}: valid (1 article)\n"
    assert errors.splitlines() == [
        f"articlekit: {bad}: uri: 1 is not of type 'string'",
        f"articlekit: {bad}: headlines[0].value: 3 is not of type 'string'",
        f"articlekit: {bad}: ValidationError: not valid against ninjs-schema_3.1.json: "
        "2 violations",
        "articlekit: 1 of 2 input(s) failed",
    ]


def test_validate_newsml_and_nitf_pass_what_articlekit_wrote(tmp_path, capsys, offline):
    for option, write in [("--newsml", newsml.dumps), ("--nitf", nitf.dumps)]:
        path = tmp_path / f"{option[2:]}.xml"
        path.write_bytes(quiet(write, articlekit.sample()))
        assert run(capsys, "validate", option, path) == (0, f"{path}: valid (1 article)\n", "")


def test_validate_newsml_names_the_element_and_line(tmp_path, capsys):
    path = tmp_path / "bad.xml"
    data = quiet(newsml.dumps, articlekit.sample(), container="newsItem")
    path.write_bytes(data.replace(b"<itemClass", b"\n<bogus/><itemClass", 1))
    status, _, errors = run(capsys, "validate", "--newsml", path)
    assert status == 1
    assert f"articlekit: {path}: newsItem/itemMeta/bogus (line 3): Element " in errors


def test_validate_takes_one_schema_option(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--newsml", "--ninjs", "3.1", str(tmp_path / "x.json")])
    assert caught.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
