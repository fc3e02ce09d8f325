"""One error hierarchy, rooted in ArticleKitError, that says what and where."""

from __future__ import annotations

import pytest

from articlekit import errors
from articlekit.errors import (
    ArticleKitError,
    LossError,
    LossWarning,
    ParseError,
    UnsupportedError,
    ValidationError,
)


@pytest.mark.parametrize("error", [ParseError, ValidationError, UnsupportedError, LossError])
def test_every_error_derives_from_the_root(error):
    assert issubclass(error, ArticleKitError)


@pytest.mark.parametrize("error", [ParseError, ValidationError])
def test_bad_input_errors_are_value_errors(error):
    assert issubclass(error, ValueError)


def test_loss_warning_is_a_user_warning_not_an_error():
    assert issubclass(LossWarning, UserWarning)
    assert not issubclass(LossWarning, ArticleKitError)


def test_parse_error_message_carries_line_and_column():
    error = ParseError("not JSON: Expecting value", line=3, column=7)
    assert (error.line, error.column) == (3, 7)
    assert str(error) == "not JSON: Expecting value (line 3, column 7)"
    assert str(ParseError("broken")) == "broken"
    assert str(ParseError("broken", line=2)) == "broken (line 2)"


def test_validation_error_message_starts_with_its_path():
    error = ValidationError("must be between 1 and 2147483647, got 0", path="width")
    assert error.path == "width"
    assert str(error) == "width: must be between 1 and 2147483647, got 0"
    assert str(ValidationError("whole thing")) == "whole thing"


def test_validation_error_at_prefixes_fields_and_indexes_innermost_first():
    error = ValidationError("bad", path="width").at(0).at("photos")
    assert error.path == "photos[0].width"
    assert ValidationError("bad").at(2).at("keywords").path == "keywords[2]"
    assert ValidationError("bad", path="[1]").at("items").path == "items[1]"


def test_loss_error_names_format_and_fields():
    error = LossError("ninjs 2.2", ["kicker", "photos[0].credit"])
    assert error.fields == ("kicker", "photos[0].credit")
    assert str(error) == "ninjs 2.2 cannot carry: kicker, photos[0].credit"


def test_module_all_is_pinned():
    assert sorted(errors.__all__) == [
        "ArticleKitError",
        "LossError",
        "LossWarning",
        "ParseError",
        "RepairWarning",
        "UnsupportedError",
        "ValidationError",
        "Violation",
    ]
