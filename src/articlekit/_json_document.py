"""articlekit JSON documents as Python objects, shared by the ``json`` and ``jsonl`` formats."""

from __future__ import annotations

from typing import Any, Final

from articlekit import _convert
from articlekit._json_build import build_article
from articlekit.errors import UnsupportedError, ValidationError
from articlekit.model import Article

FORMAT_VERSION: Final = 1
VERSION_KEY: Final = "articlekit"


def to_document(article: Article) -> dict[str, Any]:
    """The JSON object of *article*, its format version first."""
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    document: dict[str, Any] = {VERSION_KEY: FORMAT_VERSION}
    document.update(_convert.unstructure(article))
    return document


def from_document(document: Any) -> Article:
    """Build an article from parsed articlekit JSON, checking the format version first."""
    if not isinstance(document, dict):
        raise ValidationError("expected a JSON object holding one article")
    version = document.get(VERSION_KEY)
    if version is None:
        raise ValidationError(
            f"not an articlekit document: the {VERSION_KEY!r} format version is missing"
        )
    if type(version) is not int or version < 1:
        raise ValidationError("must be a positive integer", path=VERSION_KEY)
    if version > FORMAT_VERSION:
        raise UnsupportedError(
            f"articlekit JSON format version {version} is newer than this release reads "
            f"({FORMAT_VERSION}); upgrade articlekit"
        )
    fields = dict(document)
    del fields[VERSION_KEY]
    return build_article(fields) or _convert.structure(fields, Article)
