"""Converters and validators shared by the model's fields: canonical form first, then checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, Final

import attrs

from articlekit._text import FORBIDDEN_CHARACTER, canonical_text, is_canonical_text
from articlekit.errors import ValidationError
from articlekit.inline import _is_blank, canonical_inline

MAX_INT: Final = 2**31 - 1  # sizes and versions must fit the 32-bit integers of other tools
_MINUTE: Final = timedelta(minutes=1)
# IPTC urgency (NewsML-G2 Int1to9Type, ninjs 3.x "urgency"): 1 is the most urgent, 9 the least.
URGENCY_MOST: Final = 1
URGENCY_LEAST: Final = 9

# Every pattern here reads outside input, so none may backtrack more than linearly: no two
# unbounded repeats in a row that can read the same characters (tests/_redos.py checks).

# RFC 5646 section 2.1, well-formed (not registry-checked) language tags, plus the
# grandfathered irregular tags that do not fit the regular grammar.
_LANGUAGE_TAG: Final = re.compile(
    r"""
    (?:
      (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
      (?:-(?P<script>[a-z]{4}))?
      (?:-(?P<region>[a-z]{2}|[0-9]{3}))?
      (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
      (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*
      (?:-x(?:-[a-z0-9]{1,8})+)?
    |
      x(?:-[a-z0-9]{1,8})+
    |
      en-gb-oed|i-[a-z]{3,8}|sgn-[a-z]{2}-[a-z]{2,3}
    )
    """,
    re.VERBOSE,
)
_SCHEME: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# A host (a first character that is not "/", "?" or "#"), then anything but white space.
_WEB_URL: Final = re.compile(r"https?://[^\s/?#]\S*", re.IGNORECASE)
_IMAGE_DATA_URL: Final = re.compile(r"data:image/[a-z0-9.+\-]+[;,]\S*", re.IGNORECASE)
# Characters that never belong in a URI and that would break out of an HTML attribute.
_UNSAFE_URL_CHARACTER: Final = re.compile(r'[<>"]')
_IDENTIFIER: Final = re.compile(r"\S+")
# local@domain, the domain with a dot that neither starts nor ends it: the domain's first
# character, then up to its first later dot, then the rest (so each character has one place).
_EMAIL: Final = re.compile(r'[^@\s<>"]+@[^@\s<>"][^@\s<>".]*\.[^@\s<>"]+')
_MEDIA_TYPE: Final = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+\-]*/[a-z0-9][a-z0-9!#$&^_.+\-]*")
# Schemes that run code or smuggle content when a browser follows them.
_ACTIVE_SCHEMES: Final = frozenset({"javascript", "vbscript", "data", "file", "blob", "about"})


class Refused(str):
    """A value a converter could not bring to canonical form, kept for its validator to refuse.

    attrs converters do not know the field they convert, validators do: so a converter that
    fails returns the raw value wrapped in this class, and the validator raises the error with
    the field's path. Valid values are converted once and checked cheaply.
    """

    error: str

    def __new__(cls, value: str, error: str) -> Refused:
        refused = super().__new__(cls, value)
        refused.error = error
        return refused


def _convert_text(value: object, convert: Callable[[str], str]) -> object:
    if not isinstance(value, str) or isinstance(value, Refused):
        return value
    try:
        return convert(str(value))
    except ValidationError as error:
        return Refused(value, error.message)


def optional_text(value: str | None) -> str | None:
    """Convert optional one-line text to canonical form; the empty string means no value."""
    if value is None or (type(value) is str and value and is_canonical_text(value)):
        return value  # the common cases, without further calls
    return _convert_text(value, canonical_text) or None  # type: ignore[return-value]


def required_text(value: str) -> str:
    """Convert one-line text to canonical form (the checks come in `check_required_text`)."""
    if type(value) is str and is_canonical_text(value):
        return value
    return _convert_text(value, canonical_text)  # type: ignore[return-value]


def inline(value: str) -> str:
    """Convert inline markup to canonical form (the checks come in `check_inline`)."""
    return _convert_text(value, canonical_inline)  # type: ignore[return-value]


def optional_lower(value: str | None) -> str | None:
    """Convert an optional case-insensitive token (media type, language) to lower case."""
    if isinstance(value, str):
        return value.strip().lower() or None
    return value


def language_tag(value: str | None) -> str | None:
    """Convert an optional language tag to the case RFC 5646 section 2.1.1 recommends.

    Language subtags lower case, script subtags title case, region subtags upper case:
    ``EN-gb`` becomes ``en-GB`` and ``zh-hant-tw`` becomes ``zh-Hant-TW``.
    """
    if not isinstance(value, str):
        return value
    subtags = value.strip().replace("_", "-").split("-")
    cased = [subtags[0].lower()]
    after_singleton = len(subtags[0]) == 1  # "x-..." private use, "i-..." grandfathered
    for subtag in subtags[1:]:
        if after_singleton:
            cased.append(subtag.lower())
        elif len(subtag) == 1:
            cased.append(subtag.lower())
            after_singleton = True
        elif len(subtag) == 2 and subtag.isalpha():
            cased.append(subtag.upper())
        elif len(subtag) == 4 and subtag.isalpha():
            cased.append(subtag.title())
        else:
            cased.append(subtag.lower())
    return "-".join(cased) or None


def optional_url(value: str | None) -> str | None:
    """Strip white space around an optional URL and lower-case its scheme."""
    if isinstance(value, str):
        value = value.strip()
        scheme = _SCHEME.match(value)
        if scheme:
            value = scheme.group(1).lower() + value[scheme.end(1) :]
        return value or None
    return value


def required_url(value: str) -> str:
    """Strip white space around a URL and lower-case its scheme."""
    return optional_url(value) or ""


def texts(value: Iterable[str]) -> tuple[str, ...]:
    """Convert an iterable of one-line texts to a tuple in canonical form."""
    if isinstance(value, str):
        return value  # type: ignore[return-value]  # check_texts says what is wrong
    return tuple(required_text(item) for item in value)


def inlines(value: Iterable[str]) -> tuple[str, ...]:
    """Convert an iterable of inline markup fragments to a tuple in canonical form."""
    if isinstance(value, str):
        return value  # type: ignore[return-value]  # check_inlines says what is wrong
    return tuple(inline(item) for item in value)


def fail(attribute: attrs.Attribute[Any], message: str) -> ValidationError:
    """Return a `ValidationError` located at *attribute*."""
    return ValidationError(message, path=attribute.name)


def check_text(value: object, where: str, *, required: bool, what: str = "text") -> None:
    """Check a value a text converter produced, located at *where*."""
    if type(value) is str:
        # Markup that is only line breaks has no text; plain text "<br>" is four characters.
        empty = not value if what == "text" else _is_blank(value)
        if not empty:
            return
        raise ValidationError(
            "must not be empty" + (" (after sanitising)" if what != "text" else ""), path=where
        )
    if value is None and not required:
        return
    if isinstance(value, Refused):
        raise ValidationError(value.error, path=where)
    raise ValidationError(f"expected {what}, got {type(value).__name__}", path=where)


def check_required_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate required one-line text."""
    check_text(value, attribute.name, required=True)


def check_optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate optional one-line text."""
    check_text(value, attribute.name, required=False)


def check_texts(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a tuple of one-line texts."""
    check_tuple(attribute, value)
    for index, item in enumerate(value):
        check_text(item, f"{attribute.name}[{index}]", required=True)


def check_inline(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a non-empty inline markup fragment."""
    check_text(value, attribute.name, required=True, what="inline markup")


def check_inlines(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validate a non-empty tuple of inline markup fragments."""
    check_tuple(attribute, value)
    if not value:
        raise fail(attribute, "must hold at least one item")
    for index, item in enumerate(value):
        check_text(item, f"{attribute.name}[{index}]", required=True, what="inline markup")


def check_tuple(attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that a converted sequence field is a tuple (a lone string is not a list)."""
    if not isinstance(value, tuple):
        raise fail(attribute, f"expected a list, got {type(value).__name__}")


def check_items(
    kind: type | tuple[type, ...], attribute: attrs.Attribute[Any], value: object
) -> None:
    """Check that a sequence field is a tuple of *kind* instances."""
    if not isinstance(value, tuple):
        raise fail(attribute, f"expected a list, got {type(value).__name__}")
    for index, item in enumerate(value):
        if not isinstance(item, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            raise ValidationError(
                f"expected {' or '.join(k.__name__ for k in kinds)}, got {type(item).__name__}",
                path=f"{attribute.name}[{index}]",
            )


def check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional positive integer that fits 32 bits (sizes, versions)."""
    if value is None and attribute.default is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise fail(attribute, f"expected an integer, got {type(value).__name__}")
    if not 1 <= value <= MAX_INT:
        raise fail(attribute, f"must be between 1 and {MAX_INT}, got {value}")


def check_urgency(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional editorial urgency: an integer from 1 (most urgent) to 9 (least)."""
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise fail(attribute, f"expected an integer, got {type(value).__name__}")
    if not URGENCY_MOST <= value <= URGENCY_LEAST:
        raise fail(attribute, f"must be between {URGENCY_MOST} and {URGENCY_LEAST}, got {value}")


def check_index(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a non-negative integer index."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise fail(attribute, f"expected an integer, got {type(value).__name__}")
    if not 0 <= value <= MAX_INT:
        raise fail(attribute, f"must be between 0 and {MAX_INT}, got {value}")


def check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a boolean."""
    if not isinstance(value, bool):
        raise fail(attribute, f"expected true or false, got {type(value).__name__}")


def check_datetime(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional timezone-aware datetime whose offset is whole minutes."""
    if value is None:
        return
    if not isinstance(value, datetime):
        raise fail(attribute, f"expected a datetime, got {type(value).__name__}")
    offset = value.utcoffset()
    if offset is None:
        raise fail(attribute, "must be timezone-aware (naive datetimes are ambiguous)")
    if offset % _MINUTE:
        # RFC 3339 and xs:dateTime write offsets in whole minutes.
        raise fail(attribute, f"UTC offset {offset} is not a whole number of minutes")
    try:
        value.astimezone(timezone.utc)
    except OverflowError:
        raise fail(attribute, f"{value.isoformat()} falls outside years 1-9999 in UTC") from None


def check_language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional BCP 47 language tag (well-formed; registry not checked)."""
    if value is None:
        return
    if not isinstance(value, str) or not _LANGUAGE_TAG.fullmatch(value.lower()):
        raise fail(attribute, f"{value!r} is not a well-formed BCP 47 language tag")


def check_media_type(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional media type such as ``image/jpeg`` (no parameters)."""
    if value is None:
        return
    if not isinstance(value, str) or not _MEDIA_TYPE.fullmatch(value):
        raise fail(attribute, f"{value!r} is not a media type like 'image/jpeg'")


def check_email(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional e-mail address."""
    if value is None:
        return
    if (
        not isinstance(value, str)
        or not _EMAIL.fullmatch(value)
        or FORBIDDEN_CHARACTER.search(value)
    ):
        raise fail(attribute, f"{value!r} is not an e-mail address")


def check_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an identifier: required or optional text without white space."""
    if value is None and attribute.default is None:
        return
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        raise fail(attribute, f"{value!r} is not an identifier (non-empty, no white space)")
    _check_url_characters(attribute, value)


def check_web_url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional absolute http(s) URL."""
    if value is None and attribute.default is None:
        return
    if not isinstance(value, str) or not _WEB_URL.fullmatch(value):
        raise fail(attribute, f"{value!r} is not an absolute http or https URL")
    _check_url_characters(attribute, value)


def check_image_url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional image address: an http(s) URL or a ``data:image/...`` URL."""
    if value is None and attribute.default is None:
        return
    if isinstance(value, str) and _IMAGE_DATA_URL.fullmatch(value):
        _check_url_characters(attribute, value)
        return
    if not isinstance(value, str) or not _WEB_URL.fullmatch(value):
        raise fail(attribute, f"{value!r} is not an http(s) URL or a data:image URL")
    _check_url_characters(attribute, value)


def check_link_uri(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate an optional absolute URI that is safe to link to (no javascript:, data:, ...)."""
    if value is None:
        return
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        raise fail(attribute, f"{value!r} is not a URI (non-empty, no white space)")
    scheme = _SCHEME.match(value)
    if scheme is None:
        raise fail(attribute, f"{value!r} is not an absolute URI (it has no scheme)")
    if scheme.group(1).lower() in _ACTIVE_SCHEMES:
        raise fail(attribute, f"the {scheme.group(1)}: scheme is not allowed here")
    _check_url_characters(attribute, value)


def _check_url_characters(attribute: attrs.Attribute[Any], value: str) -> None:
    found = FORBIDDEN_CHARACTER.search(value) or _UNSAFE_URL_CHARACTER.search(value)
    if found:
        raise fail(attribute, f"character {found.group()!r} is not allowed in a URI")
