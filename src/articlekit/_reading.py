"""The reading policy's steps shared by every reader: one rule, whatever the format.

A missing headline is derived from the slugline, the title, the description, then the body's
first paragraph; a date-time without a zone is read in the caller's zone. Each is a repair,
reported through `Repairs` (so strict reading refuses it).
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Final

from articlekit._repairs import Repairs

__all__ = [
    "HEADLINE_LIMIT",
    "derive_headline",
    "first_sentence",
    "html_of_text",
    "looks_like_html",
    "zone_name",
]

HEADLINE_LIMIT: Final = 200
"""The most characters of a headline derived from a description or the body."""

_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s")
# Text that opens with an HTML block or line-break tag is HTML, whatever its content type says;
# so is text that opens and closes an inline tag of the kind body text carries (Belga's
# "Steven <b>Van Geel</b>"): a plain text seldom holds both by chance.
_HTML_START: Final = re.compile(
    r"\s*<(?:p|div|h[1-6]|ul|ol|blockquote|table|section|article|br|pre)[\s/>]", re.IGNORECASE
)
_INLINE_OPEN: Final = re.compile(r"<(?:b|i|em|strong|u|sub|sup)>", re.IGNORECASE)
_INLINE_CLOSE: Final = re.compile(r"</(?:b|i|em|strong|u|sub|sup)>", re.IGNORECASE)
# The sources that are short names already (slugline, title): taken whole, not cut.
_WHOLE_SOURCES: Final = 2


def derive_headline(
    sources: list[tuple[str, str | None]],
    repairs: Repairs,
    *,
    where: str,
    line: int | None = None,
) -> str | None:
    """Derive a missing headline from the first of *sources* that has text, and report it.

    Args:
        sources: The slugline, the title, the description and the body's first paragraph's
            text, in that order, each with the name the report gives it.
        repairs: Where the repair is reported.
        where: The headline's element or member in the document.
        line: The line the report names, where the format knows it.

    Returns:
        The headline, or None when no source has text (nothing is reported then).
    """
    for index, (source, text) in enumerate(sources):
        if text is None or not text.strip():
            continue
        headline = " ".join(text.split()) if index < _WHOLE_SOURCES else first_sentence(text)
        repairs.report(f"no headline: derived from {source}", where=where, line=line)
        return headline
    return None


def first_sentence(text: str) -> str:
    """The first sentence of *text*, cut at a word boundary to at most `HEADLINE_LIMIT`."""
    text = " ".join(text.split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= HEADLINE_LIMIT:
        return sentence
    cut = sentence[: HEADLINE_LIMIT + 1].rsplit(" ", 1)[0]
    return cut if cut and len(cut) <= HEADLINE_LIMIT else sentence[:HEADLINE_LIMIT]


def zone_name(zone: tzinfo) -> str:
    """How a report names *zone*: its IANA key (``Europe/Helsinki``), else ``UTC`` or its offset."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else str(zone)


def looks_like_html(text: str) -> bool:
    """Tell whether *text*, sent as plain text, is HTML.

    It is when it opens with a block tag, or holds both an opening and a closing inline tag
    (``<b>``, ``</b>``, ``<em>`` ...).
    """
    if _HTML_START.match(text) is not None:
        return True
    return _INLINE_OPEN.search(text) is not None and _INLINE_CLOSE.search(text) is not None


_BLANK_LINE: Final = re.compile(r"\n[ \t\r\f\v]*\n")


def html_of_text(text: str) -> str:
    """HTML sent as text, its paragraphs marked where it has none.

    Text that opens with a block tag is taken as it is; text with inline tags only becomes a
    paragraph per run between blank lines.
    """
    if _HTML_START.match(text) is not None:
        return text
    return "".join(f"<p>{run}</p>" for run in _BLANK_LINE.split(text) if run.strip())
