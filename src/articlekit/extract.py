"""Read a real-world news page into an `Article`: the reader of the ``web`` format.

The reader's code lives in `articlekit.web`, with the rest of the format; this module keeps
the verb where users import it from.
"""

from __future__ import annotations

from articlekit.web._extract import MAX_BYTES, extract

__all__ = ["MAX_BYTES", "extract"]
