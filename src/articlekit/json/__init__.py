"""articlekit's own JSON: every field of an `Article`, exactly, in a documented and versioned shape.

Wire conventions:

- one JSON object per article, UTF-8; its first member ``"articlekit"`` is the format version
  (:data:`FORMAT_VERSION`), so that later releases can read documents written by earlier ones;
- field names as in :class:`~articlekit.Article`; fields at their default (``None``, empty lists,
  ``version`` 1, ``status`` ``"usable"``) are left out;
- datetimes are RFC 3339 strings with a UTC offset (``Z`` for UTC);
- body blocks are objects tagged by ``"type"``: ``paragraph``, ``heading``, ``quote``, ``list``,
  ``photo``, ``embed``; inline text is canonical inline markup (:mod:`articlekit.inline`);
- reading refuses unknown fields and never coerces types: ``"version": "2"`` is an error.

The JSON Schema of the format is :func:`schema`.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json as _json
from typing import IO, Any, Final

from articlekit._io import read_binary, write_binary
from articlekit._json_document import FORMAT_VERSION as _FORMAT_VERSION
from articlekit._json_document import VERSION_KEY as _VERSION_KEY
from articlekit._json_document import from_document, to_document
from articlekit._json_text import parse_json
from articlekit._repairs import Repairs
from articlekit.json._schema import article_schema
from articlekit.model import Article

__all__ = ["FORMAT_VERSION", "dump", "dumps", "load", "loads", "schema"]

FORMAT_VERSION: Final = _FORMAT_VERSION
"""The version of the JSON shape this release writes, in each document's ``"articlekit"``."""


def dumps(article: Article, /, *, strict: bool = False, indent: int | None = None) -> str:
    """Write *article* as articlekit JSON.

    Args:
        article: The article.
        strict: Taken, as by every format's ``dumps``; articlekit JSON carries every field,
            so nothing is ever lost.
        indent: Indent nested members by this many spaces; ``None`` writes one line.

    Returns:
        The JSON text. Non-ASCII characters are written as themselves, not escaped.

    .. versionadded:: 0.1
    """
    return _json.dumps(to_document(article), ensure_ascii=False, indent=indent)


def dump(
    article: Article, fp: IO[bytes], /, *, strict: bool = False, indent: int | None = None
) -> None:
    """Write *article* as articlekit JSON, UTF-8 encoded, to the binary file *fp*.

    .. versionadded:: 0.1
    """
    write_binary(fp, dumps(article, indent=indent).encode())


def loads(data: str | bytes, /, *, strict: bool = False) -> Article:
    """Read an article from articlekit JSON.

    A member given twice in one object is read as Python's json and JavaScript's
    ``JSON.parse`` do, the last one winning, and reported as a `RepairWarning`.

    Args:
        data: The JSON text, or its bytes in UTF-8, UTF-16 or UTF-32.
        strict: Refuse a member given twice with `ParseError` instead.

    Raises:
        ParseError: *data* is not JSON; ``line`` and ``column`` say where.
        ValidationError: It is JSON but not a valid article; ``path`` says where.
        UnsupportedError: It was written by a newer articlekit, in a format version this
            release does not know.

    .. versionadded:: 0.1
    """
    repairs = Repairs(strict=strict)
    article = from_document(parse_json(data, repairs=repairs))
    repairs.warn()
    return article


def load(fp: IO[bytes], /, *, strict: bool = False) -> Article:
    """Read an article from a binary file of articlekit JSON; see :func:`loads`.

    .. versionadded:: 0.1
    """
    repairs = Repairs(strict=strict)
    article = from_document(parse_json(read_binary(fp), repairs=repairs))
    repairs.warn()
    return article


def schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the documents :func:`dumps` writes.

    Every document :func:`dumps` writes validates against it. The schema checks shape, types
    and the simpler rules (required fields, number ranges, URL schemes); :func:`loads` checks
    everything, such as inline markup and references from the body to photos.

    .. versionadded:: 0.1
    """
    return article_schema(version_key=_VERSION_KEY, version=FORMAT_VERSION)
