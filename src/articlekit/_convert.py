"""The one configured cattrs converter between the models and plain JSON-ready data.

Conventions: datetimes are RFC 3339 strings (``Z`` for UTC), enums their values, tuples lists,
body blocks objects tagged by ``"type"``; fields at their default are left out, unknown fields
are refused; text, numbers and booleans are never coerced from another JSON type.
"""

from __future__ import annotations

import enum
import re
from datetime import datetime, timedelta, timezone
from typing import Any, Final, Optional, TypeVar, get_args, get_origin

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from articlekit.errors import ValidationError
from articlekit.model import (
    Article,
    Block,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    PhotoRef,
    Quote,
)

__all__ = ["BLOCK_TAGS", "format_datetime", "parse_datetime", "structure", "unstructure"]

T = TypeVar("T")

BLOCK_TAGS: Final[dict[type, str]] = {
    Paragraph: "paragraph",
    Heading: "heading",
    Quote: "quote",
    ListBlock: "list",
    PhotoRef: "photo",
    Embed: "embed",
}

# RFC 3339 section 5.6; Python keeps microseconds, so at most six fractional digits.
_RFC3339: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?"
    r"(?:([Zz])|([+-])(\d{2}):(\d{2}))"
)


def format_datetime(value: datetime) -> str:
    """Write an aware datetime as RFC 3339, with ``Z`` for UTC."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def parse_datetime(text: str) -> datetime:
    """Read an RFC 3339 date-time (timezone required, at most microsecond precision).

    Raises:
        ValidationError: *text* is not such a date-time.
    """
    match = _RFC3339.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise ValidationError(
            f"{text!r} is not an RFC 3339 date-time with a timezone, "
            "like '2026-03-14T06:00:00Z' or '2026-03-14T08:00:00+02:00'"
        )
    try:  # the same result, in C, for what it reads (Python 3.10 does not read "Z")
        return datetime.fromisoformat(text)
    except ValueError:
        pass  # what follows says what is wrong, or reads what fromisoformat does not
    year, month, day, hour, minute, second, fraction, utc, sign, off_h, off_m = match.groups()
    if utc:
        zone = timezone.utc
    else:
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        if offset >= timedelta(hours=24):
            raise ValidationError(f"{text!r} has a UTC offset of 24 hours or more")
        zone = timezone(-offset if sign == "-" else offset)
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0").ljust(6, "0")),
            tzinfo=zone,
        )
    except ValueError as error:
        raise ValidationError(f"{text!r} is not a valid date-time: {error}") from None


def _strict(kind: type[T], name: str) -> Any:
    def structure_strictly(value: object, _: object) -> T:
        if type(value) is not kind:  # bool is an int, and 1.0 is not an int here
            raise ValidationError(f"expected {name}, got {_json_type(value)}")
        return value

    return structure_strictly


def _json_type(value: object) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    names.update({list: "an array", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _strict_optional_string(value: object, _: object) -> str | None:
    if value is None or type(value) is str:
        return value
    raise ValidationError(f"expected a string or null, got {_json_type(value)}")


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise ValidationError(f"{value!r} is not one of {choices}") from None


def _structure_datetime(value: object, _: object) -> datetime:
    if not isinstance(value, str):
        raise ValidationError(f"expected an RFC 3339 date-time string, got {_json_type(value)}")
    return parse_datetime(value)


def _is_sequence(kind: Any) -> bool:
    return get_origin(kind) is tuple and len(get_args(kind)) == 2 and get_args(kind)[1] is ...


def _sequence_hook(converter: cattrs.Converter) -> Any:
    def factory(kind: Any) -> Any:
        item_kind = get_args(kind)[0]
        structure_item = converter.get_structure_hook(item_kind)

        def structure_sequence(value: object, _: object) -> tuple[Any, ...]:
            if type(value) is not list:
                raise ValidationError(f"expected an array, got {_json_type(value)}")
            try:
                return tuple([structure_item(item, item_kind) for item in value])
            except Exception:  # noqa: S110 - the loop below finds the item and says where
                pass
            for index, item in enumerate(value):
                try:
                    structure_item(item, item_kind)
                except Exception as error:  # noqa: PERF203 - runs only once something failed
                    raise _first_validation_error(error, "").at(index) from None
            raise AssertionError("unreachable: an item failed once and then passed")

        return structure_sequence

    return factory


def _block_hooks(converter: cattrs.Converter) -> tuple[Any, Any]:
    kinds = {tag: kind for kind, tag in BLOCK_TAGS.items()}
    hooks: dict[type, Any] = {}  # filled on first use: the class hooks are generated lazily

    def structure_block(value: object, _: object) -> Block:
        if type(value) is not dict:
            raise ValidationError(f"expected a body block object, got {_json_type(value)}")
        tag = value.get("type")
        kind = kinds.get(tag) if isinstance(tag, str) else None
        if kind is None:
            expected = ", ".join(repr(name) for name in kinds)
            problem = "has no 'type'" if tag is None else f"has the unknown type {tag!r}"
            raise ValidationError(f"body block {problem}; expected one of {expected}")
        hook = hooks.get(kind)
        if hook is None:
            hook = hooks[kind] = converter.get_structure_hook(kind)
        fields = value.copy()
        del fields["type"]
        return hook(fields, kind)  # type: ignore[no-any-return]

    def unstructure_block(block: Block) -> dict[str, Any]:
        data: dict[str, Any] = {"type": BLOCK_TAGS[type(block)]}
        data.update(converter.unstructure(block, type(block)))
        return data

    return structure_block, unstructure_block


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(
        omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed
    )
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(bool, _strict(bool, "a boolean"))
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook(Optional[str], _strict_optional_string)  # noqa: UP045 - a runtime type
    converter.register_structure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook(datetime, format_datetime)
    converter.register_structure_hook_factory(_is_sequence, _sequence_hook(converter))
    structure_block, unstructure_block = _block_hooks(converter)
    converter.register_structure_hook(Block, structure_block)
    converter.register_unstructure_hook(Block, unstructure_block)
    return converter


# Structuring first runs the fast converter; only when that fails does the detailed one run
# again, to say where: errors are rare, and detailed validation costs on every call.
_FAST: Final = _make_converter(detailed=False)
_DETAILED: Final = _make_converter(detailed=True)


def unstructure(article: Article) -> dict[str, Any]:
    """Turn an article into JSON-ready data (dicts, lists, strings, numbers)."""
    return _FAST.unstructure(article, Article)  # type: ignore[no-any-return]


def structure(data: object, kind: type[T] = Article) -> T:  # type: ignore[assignment]
    """Build a model from JSON-ready data.

    Raises:
        ValidationError: The data does not describe a valid model; ``path`` says where.
    """
    if not isinstance(data, dict):
        raise ValidationError(f"expected an object, got {_json_type(data)}")
    try:
        return _FAST.structure(data, kind)
    except Exception:  # noqa: S110 - the detailed run below says what failed, and where
        pass
    try:
        return _DETAILED.structure(data, kind)
    except Exception as error:
        raise _first_validation_error(error, "") from None


def _first_validation_error(error: BaseException, path: str) -> ValidationError:
    """Walk cattrs' exception groups down to the first failure, collecting its path."""
    if isinstance(error, ForbiddenExtraKeysError):
        names = ", ".join(sorted(error.extra_fields))
        return ValidationError(f"unknown field(s): {names}", path=path)
    inner_errors = getattr(error, "exceptions", None)
    if inner_errors:
        inner = inner_errors[0]
        step: str | int | None = None
        for note in getattr(inner, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                step = note.name
                break
            if isinstance(note, IterableValidationNote):
                step = note.index
                break
        if isinstance(inner, KeyError) and isinstance(step, str):
            return ValidationError("required field is missing", path=_extend(path, step))
        return _first_validation_error(inner, _extend(path, step))
    if isinstance(error, ValidationError):
        return ValidationError(error.message, path=_extend(path, error.path or None))
    if isinstance(error, KeyError):
        return ValidationError(f"required field {error.args[0]!r} is missing", path=path)
    return ValidationError(str(error) or type(error).__name__, path=path)


def _extend(path: str, inner: str | int | None) -> str:
    if inner is None or inner == "":
        return path
    if isinstance(inner, int):
        return f"{path}[{inner}]"
    if inner.startswith("["):
        return path + inner
    return f"{path}.{inner}" if path else inner
