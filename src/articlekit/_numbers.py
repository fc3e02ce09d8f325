"""Whole numbers written as text in documents and pages: ASCII digits, bounded before conversion.

Sizes, versions and indexes are written in ASCII digits. `str.isdigit` takes more: a
superscript two passes it and `int` then refuses it with a bare `ValueError`; Arabic-Indic
digits pass both; and `int` refuses more than 4,300 digits. Ten digits hold every 32-bit value
the model takes (`articlekit._validate.MAX_INT`), so a longer number is never one to convert.
"""

from __future__ import annotations

import re
from typing import Final

_DECIMAL: Final = re.compile(r"[0-9]{1,10}")


def ascii_integer(text: str) -> int | None:
    """The whole number *text* writes in 1 to 10 ASCII digits and nothing else, else ``None``."""
    return int(text) if _DECIMAL.fullmatch(text) else None
