"""Parsing JSON text from outside: every failure a `ParseError`, no ambiguity let through.

Size and nesting are bounded before anything walks the result: Python's own parser recurses
once per level and only stops at the interpreter's recursion limit, and every reader after it
(the builders, cattrs, the ninjs renaming) walks the same nesting again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

from articlekit import _xml
from articlekit.errors import ParseError

if TYPE_CHECKING:
    from articlekit._repairs import Repairs

MAX_BYTES: Final = _xml.MAX_BYTES
"""The largest JSON text the readers take: in bytes, or in characters for a `str`."""

MAX_DEPTH: Final = 128
"""The deepest nesting of arrays and objects the readers take; articles need fewer than 10."""


def parse_json(data: str | bytes, *, strict: bool = True, repairs: Repairs | None = None) -> Any:
    """Parse JSON text or bytes, turning every failure into `ParseError`.

    Args:
        data: The JSON text, or its bytes in UTF-8, UTF-16 or UTF-32.
        strict: Refuse a member given twice in one object and the constants ``NaN`` and
            ``Infinity``; without it, the last of two members wins and the constants are
            read, as web pages' JSON-LD needs. Size and nesting are bounded either way.
        repairs: The document readers' report: unless it is strict, a member given twice is
            read as Python's json and JavaScript's ``JSON.parse`` do (the last one wins) and
            reported; the constants are refused still.

    Raises:
        ParseError: Not JSON, larger than `MAX_BYTES` or nested deeper than `MAX_DEPTH`.
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(data) > MAX_BYTES:
        unit = "characters" if isinstance(data, str) else "bytes"
        raise ParseError(f"JSON too large: {len(data)} {unit}, the limit is {MAX_BYTES}")
    hooks: dict[str, Any] = (
        {"object_pairs_hook": _object_without_duplicates, "parse_constant": _refuse_constant}
        if strict
        else {}
    )
    if repairs is not None and not repairs.strict:
        hooks["object_pairs_hook"] = _object_reporting_duplicates(repairs)
    try:
        document = json.loads(data, **hooks)
    except ParseError:
        raise
    except json.JSONDecodeError as error:
        raise ParseError(f"not JSON: {error.msg}", line=error.lineno, column=error.colno) from None
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8, UTF-16 or UTF-32 text: {error.reason}") from None
    except RecursionError:  # the parser recursed as deep as the interpreter lets it
        raise ParseError(_too_deep()) from None
    except ValueError as error:  # integers of more digits than int() converts
        raise ParseError(f"JSON beyond limits: {error}") from None
    _check_depth(document)
    return document


def _too_deep() -> str:
    return f"JSON nests arrays and objects deeper than {MAX_DEPTH} levels"


def _check_depth(document: Any) -> None:
    """Raise `ParseError` if *document* nests deeper than `MAX_DEPTH`; level by level, no stack."""
    level = [document] if type(document) is dict or type(document) is list else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise ParseError(_too_deep())
        level = [
            value
            for container in level
            for value in (container.values() if type(container) is dict else container)
            if type(value) is dict or type(value) is list
        ]


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a repeated member: which of the two is meant is unknowable."""
    members = dict(pairs)
    if len(members) != len(pairs):
        name = next(_repeated_names(pairs))
        raise ParseError(f"not valid JSON: the member {name!r} appears twice in an object")
    return members


def _object_reporting_duplicates(
    repairs: Repairs,
) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An object hook keeping the last of a repeated member, and reporting it."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        members = dict(pairs)
        if len(members) != len(pairs):
            for name in _repeated_names(pairs):
                repairs.report("given twice in one object: the last one is read", where=name)
        return members

    return build


def _refuse_constant(name: str) -> Any:
    raise ParseError(f"not JSON: {name} is a JavaScript constant, not a JSON number")


def _repeated_names(pairs: list[tuple[str, Any]]) -> Iterator[str]:
    """The members of an object given again after their first time, in order."""
    seen: set[str] = set()
    for name, _ in pairs:
        if name in seen:
            yield name
        seen.add(name)
