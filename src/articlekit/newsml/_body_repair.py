"""What a NewsML-G2 body holds beyond the blocks articlekit writes: read as near as possible.

Producers put text straight into the body between paragraphs, use ``h1`` for a heading, send
tables, and send HTML as ``text/plain``. None of it is dropped silently: it becomes the
paragraph or heading nearest to it, or, where it says nothing the model can hold (a script,
an image outside a figure), is left out and reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from lxml import etree

from articlekit.inline import _is_blank, canonical_inline_from_element, escape_text
from articlekit.model import Block, Heading, Paragraph
from articlekit.newsml._repair import Reading, local_name

__all__ = ["ASCII_SPACE", "loose_text", "other_block"]

BlockSpec = tuple[etree._Element, type[Block], dict[str, Any]]
"""A block to build: the element it comes from (for errors), its class, and its fields."""

ASCII_SPACE: Final = " \t\n\r"
"""What XML folds as white space; a no-break space is text, as in every format."""

# Elements whose content is never text for a reader: left out whole.
_NEVER_TEXT: Final = frozenset(
    {"script", "style", "template", "noscript", "object", "applet", "embed", "form", "button",
     "select", "textarea", "svg", "math", "canvas", "video", "audio", "img", "picture", "head"}
)  # fmt: skip
# Elements that say nothing by themselves: skipped without a report.
_EMPTY: Final = frozenset({"br", "hr", "wbr"})
_CELL_SEPARATOR: Final = " | "


def loose_text(element: etree._Element, text: str, reading: Reading) -> Iterator[BlockSpec]:
    """Text straight in a body container, outside any block: a paragraph, reported."""
    reading.report_once("text outside any paragraph: read as a paragraph", element)
    yield element, Paragraph, {"text": escape_text(" ".join(text.split()))}


ReadAs = Callable[[etree._Element, str], Iterator[BlockSpec]]
"""Read an element as the known body element of the name given."""


def other_block(
    element: etree._Element, tag: str, reading: Reading, read_as: ReadAs, known: frozenset[str]
) -> Iterator[BlockSpec]:
    """A body element articlekit does not write: the nearest block, or nothing; reported.

    Args:
        element: The element.
        tag: Its local name.
        reading: Where the repair is reported.
        read_as: Reads an element as one of the *known* body elements.
        known: The body elements articlekit reads as it writes them.
    """
    lower = tag.lower()
    if lower in _EMPTY:
        return
    if lower != tag and lower in known:  # a producer's upper-case <P>
        reading.report_once(f"<{tag}> in the body: read as <{lower}>", element)
        yield from read_as(element, lower)
    elif lower in _NEVER_TEXT:
        reading.report_once(f"<{tag}> in the body: left out (no block for it)", element)
    elif lower == "h1":
        yield from _heading(element, reading)
    elif lower == "table":
        yield from _table_rows(element, reading)
    elif any(local_name(inner).lower() in known for inner in element.iterdescendants()):
        reading.report_once(f"<{tag}> in the body: read as a container of blocks", element)
        yield from read_as(element, "div")
    else:
        yield from _paragraph(element, tag, reading)


def _heading(element: etree._Element, reading: Reading) -> Iterator[BlockSpec]:
    text = canonical_inline_from_element(element)
    if not _is_blank(text):
        reading.report_once("<h1> in the body: read as a level-2 heading", element)
        yield element, Heading, {"text": text, "level": 2}


def _table_rows(table: etree._Element, reading: Reading) -> Iterator[BlockSpec]:
    """A table: a paragraph per row, its cells apart by a bar (the model has no tables)."""
    rows = []
    for row in table.iter("{*}tr"):
        cells = [canonical_inline_from_element(cell) for cell in row if local_name(cell)]
        text = _CELL_SEPARATOR.join(cell for cell in cells if not _is_blank(cell))
        if text:
            rows.append((row, text))
    if rows:
        reading.report_once("<table> in the body: read as a paragraph per row", table)
    for row, text in rows:
        yield row, Paragraph, {"text": text}


def _paragraph(element: etree._Element, tag: str, reading: Reading) -> Iterator[BlockSpec]:
    text = canonical_inline_from_element(element)
    if not _is_blank(text):
        reading.report_once(f"<{tag}> in the body: read as a paragraph", element)
        yield element, Paragraph, {"text": text}
