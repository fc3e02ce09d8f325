"""The errors and warnings articlekit raises.

Every exception articlekit raises on purpose derives from :class:`ArticleKitError`, so one
``except ArticleKitError`` catches them all. The two about bad input also derive from
:class:`ValueError`, so code that already catches ``ValueError`` keeps working.

::

    ArticleKitError(Exception)
    ├── ParseError(ArticleKitError, ValueError)       not well-formed; .line, .column
    ├── ValidationError(ArticleKitError, ValueError)  well-formed, not a valid Article; .path
    ├── UnsupportedError(ArticleKitError)             a valid document of a kind we do not read
    └── LossError(ArticleKitError)                    strict output: the format can't carry a field
    LossWarning(UserWarning)                          the same as a warning (the default)
    RepairWarning(UserWarning)                        a reader repaired a producer's deviation
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "ArticleKitError",
    "LossError",
    "LossWarning",
    "ParseError",
    "RepairWarning",
    "UnsupportedError",
    "ValidationError",
    "Violation",
]


class ArticleKitError(Exception):
    """The root of every error articlekit raises on purpose.

    .. versionadded:: 0.1
    """


class ParseError(ArticleKitError, ValueError):
    """The input is not well-formed: broken JSON, XML or HTML.

    Attributes:
        message: What is wrong, without the position.
        line: The 1-based line of the problem, where known.
        column: The 1-based column (or byte offset on the line) of the problem, where known.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        self.message = message
        self.line = line
        self.column = column
        super().__init__(_with_position(message, line, column))


@dataclass(frozen=True)
class Violation:
    """One rule of an official schema that a document breaks.

    Attributes:
        path: Where: the member's JSON path (``headlines[0].value``) or the element's path
            (``newsMessage/itemSet/newsItem/itemMeta``); empty for the whole document.
        message: The rule broken, as the schema checker words it.
        line: The 1-based line of the element, where known (XML documents).

    .. versionadded:: 0.1
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        place = f"{self.path} (line {self.line})" if self.line is not None else self.path
        return f"{place or '(document)'}: {self.message}"


class ValidationError(ArticleKitError, ValueError):
    """The input is well-formed but does not describe a valid article.

    Attributes:
        message: What is wrong, without the path.
        path: Where, as a path from the article: ``photos[0].width``; empty for the whole value.
        violations: From a check against an official schema (``articlekit.ninjs.validate``
            and the like): every rule the document breaks, each with its place; else empty.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str, *, path: str = "", violations: Sequence[Violation] = ()):
        self.message = message
        self.path = path
        self.violations = tuple(violations)
        super().__init__(f"{path}: {message}" if path else message)

    def at(self, outer: str | int) -> ValidationError:
        """Return the same error, located one level further out.

        Call it innermost first:

        >>> ValidationError("must be >= 1", path="width").at(0).at("photos").path
        'photos[0].width'
        """
        return ValidationError(self.message, path=join_path(outer, self.path))


class UnsupportedError(ArticleKitError):
    """The input is a valid document of a kind or version articlekit does not read.

    .. versionadded:: 0.1
    """


class LossError(ArticleKitError):
    """A writer asked for strict output cannot carry some of the article's fields.

    Attributes:
        format: The format being written, e.g. ``"ninjs 2.2"``.
        fields: The paths of the fields that would be lost.

    .. versionadded:: 0.1
    """

    def __init__(self, format: str, fields: Sequence[str]):
        self.format = format
        self.fields = tuple(fields)
        super().__init__(f"{format} cannot carry: {', '.join(self.fields)}")


class LossWarning(UserWarning):
    """A writer could not carry some of the article's fields and left them out.

    With ``strict=True`` the writer raises :class:`LossError` instead.

    .. versionadded:: 0.1
    """


class RepairWarning(UserWarning):
    """A reader accepted a document that deviates from its standard, and repaired it.

    Real producers' documents deviate in recurring ways (a date-time without a time zone, an
    item without a headline, an identifier under another name). A reader accepts the common
    deviations and says what it did about each: a value assumed, derived from another, or
    dropped. With ``strict=True`` the reader raises :class:`ValidationError` instead.

    Attributes:
        repair: What the reader did, without the place.
        where: The element or member it concerns, as the document names it: ``<headline>``,
            ``guid``; empty where the repair concerns the whole document.
        line: The 1-based line of that element, where known.

    .. versionadded:: 0.1
    """

    def __init__(self, repair: str, *, where: str = "", line: int | None = None):
        self.repair = repair
        self.where = where
        self.line = line
        place = f"{where} (line {line})" if where and line is not None else where
        super().__init__(f"{place}: {repair}" if place else repair)


def join_path(outer: str | int, inner: str) -> str:
    """Join a field name or list index to an inner path: ``photos`` + ``[0].width``."""
    head = f"[{outer}]" if isinstance(outer, int) else outer
    if not inner:
        return head
    if inner.startswith("["):
        return head + inner
    return f"{head}.{inner}"


def _with_position(message: str, line: int | None, column: int | None) -> str:
    if line is None:
        return message
    if column is None:
        return f"{message} (line {line})"
    return f"{message} (line {line}, column {column})"
