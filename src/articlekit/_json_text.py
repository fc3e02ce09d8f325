"""Parsing JSON text from outside: every failure a `ParseError`, no ambiguity let through."""

from __future__ import annotations

import json
from typing import Any

from articlekit.errors import ParseError


def parse_json(data: str | bytes) -> Any:
    """Parse JSON text or bytes, turning every failure into `ParseError`."""
    if not isinstance(data, (str, bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    try:
        return json.loads(
            data, object_pairs_hook=_object_without_duplicates, parse_constant=_refuse_constant
        )
    except ParseError:
        raise
    except json.JSONDecodeError as error:
        raise ParseError(f"not JSON: {error.msg}", line=error.lineno, column=error.colno) from None
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8, UTF-16 or UTF-32 text: {error.reason}") from None
    except (ValueError, RecursionError) as error:  # integers too long, nesting too deep
        raise ParseError(f"JSON beyond limits: {error}") from None


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a repeated member: which of the two is meant is unknowable."""
    members = dict(pairs)
    if len(members) != len(pairs):
        seen: set[str] = set()
        for name, _ in pairs:
            if name in seen:
                raise ParseError(f"not valid JSON: the member {name!r} appears twice in an object")
            seen.add(name)
    return members


def _refuse_constant(name: str) -> Any:
    raise ParseError(f"not JSON: {name} is a JavaScript constant, not a JSON number")
