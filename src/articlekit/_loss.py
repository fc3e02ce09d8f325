"""The loss report: what a writer could not carry is said, never dropped silently."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from articlekit.errors import LossError, LossWarning


def report_losses(format_name: str, fields: Iterable[str], *, strict: bool) -> None:
    """Say that writing *format_name* leaves out *fields* (paths such as ``photos[0].credit``).

    With *strict*, raise `LossError`; otherwise warn with `LossWarning`, once per call, naming
    every field. Nothing happens when *fields* is empty.
    """
    lost = list(dict.fromkeys(fields))  # in order, each once
    if not lost:
        return
    if strict:
        raise LossError(format_name, lost)
    warnings.warn(
        f"{format_name} cannot carry: {', '.join(lost)}; they were left out "
        "(pass strict=True to make this an error)",
        LossWarning,
        stacklevel=3,
    )
