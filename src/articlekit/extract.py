"""Read a real-world news page into an `Article`: the reader of the ``web`` format.

The reader's code lives in `articlekit.web`, with the rest of the format; this module keeps
the verb where users import it from.
"""

from __future__ import annotations

from typing import Final

from articlekit.web import _extract
from articlekit.web._extract import extract

__all__ = ["MAX_BYTES", "extract"]

MAX_BYTES: Final = _extract.MAX_BYTES
"""The largest page :func:`extract` reads; the biggest news pages are a few MiB."""
