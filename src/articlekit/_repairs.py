"""The repair report: what a reader accepts from a deviating document is said, never silent.

A reader takes a `Repairs` for each document, calls `Repairs.report` where it accepts a
deviation from its standard, and calls `Repairs.warn` once it has read the document, so that
each warning points at the caller's line. With ``strict=True`` the first repair raises
`ValidationError` at once, and the reader reads nothing further.
"""

from __future__ import annotations

import warnings

from articlekit.errors import RepairWarning, ValidationError

__all__ = ["Repairs"]


class Repairs:
    """The repairs made while reading one document, or a refusal of the first one.

    Args:
        strict: Refuse instead of repairing: `report` raises `ValidationError`.
    """

    __slots__ = ("_made", "strict")

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self._made: list[RepairWarning] = []

    def report(self, repair: str, *, where: str = "", line: int | None = None) -> None:
        """Record *repair*, made at *where* (an element or member) on *line*.

        Raises:
            ValidationError: In strict mode, with *where* as its path and *line* in its message.
        """
        warning = RepairWarning(repair, where=where, line=line)
        if self.strict:
            message = f"{repair} (line {line})" if line is not None else repair
            raise ValidationError(f"{message}; strict reading refuses it", path=where)
        self._made.append(warning)

    @property
    def made(self) -> tuple[RepairWarning, ...]:
        """The repairs recorded so far, in the order they were made."""
        return tuple(self._made)

    def warn(self, *, stacklevel: int = 3) -> None:
        """Issue each recorded repair as a `RepairWarning` and forget it.

        Args:
            stacklevel: As for `warnings.warn`, counted from the caller of `warn`: the default
                points at the caller of the public function that called `warn`.
        """
        made, self._made = self._made, []
        for warning in made:
            warnings.warn(warning, stacklevel=stacklevel)
