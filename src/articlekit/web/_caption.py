"""Where a page prints a picture's caption and credit, in the picture's figure or next to it.

Its ``<figcaption>``, else an element classed as a caption or credit beside the image: WordPress
``.wp-caption-text``, gallery ``.caption`` and ``.credit`` boxes, a ``figcaption`` beside the
figure's wrapper.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple

from lxml import etree

# Class names of a caption ("wp-caption-text", "image-caption") and of a credit.
_CAPTION_NAMES: Final = re.compile(r"caption", re.I)
# Not "byline" outside a caption: next to a picture in a header, that is the author's line.
_CREDIT_NAMES: Final = re.compile(r"credit|copyright|source|attribution", re.I)
# The picture's wrapper a few levels up: templates put captions beside the image's <div>.
_BOX_LEVELS: Final = 4
_MAX_BOX_PARAGRAPHS: Final = 3  # more paragraphs than a caption holds: the box is the body


class CaptionParts(NamedTuple):
    """The elements printing a picture's caption and its credit, either one may be missing."""

    caption: etree._Element | None
    credit: etree._Element | None


def _names(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _is_caption(element: etree._Element) -> bool:
    return element.tag == "figcaption" or bool(_CAPTION_NAMES.search(_names(element)))


def _is_credit(element: etree._Element) -> bool:
    return bool(_CREDIT_NAMES.search(_names(element)))


def _count_up_to(element: etree._Element, tag: str, limit: int) -> int:
    count = 0
    for _ in element.iter(tag):
        count += 1
        if count >= limit:
            break
    return count


def _fits_box(element: etree._Element) -> bool:
    """One picture and few paragraphs: a picture's wrapper, not the article around it."""
    return (
        _count_up_to(element, "img", 2) < 2
        and _count_up_to(element, "p", _MAX_BOX_PARAGRAPHS + 1) <= _MAX_BOX_PARAGRAPHS
    )


def _boxes(picture: etree._Element) -> list[etree._Element]:
    """The picture (a figure or a wrapper) and its ancestors that wrap it alone, innermost first."""
    boxes = [] if picture.tag == "img" else [picture]
    for level, ancestor in enumerate(picture.iterancestors()):
        if level >= _BOX_LEVELS or ancestor.tag in ("body", "html") or not _fits_box(ancestor):
            break
        boxes.append(ancestor)
    return boxes


def _after(box: etree._Element, picture: etree._Element) -> list[etree._Element]:
    """The elements of *box* printed after the picture's image, outside it."""
    image = picture if picture.tag == "img" else next(picture.iter("img"), picture)
    inside = set(image.iter())
    elements: list[etree._Element] = []
    seen = False
    for element in box.iter(etree.Element):
        if element is image:
            seen = True
        elif seen and element not in inside:
            elements.append(element)
    return elements


def _innermost_caption(caption: etree._Element) -> etree._Element:
    """A caption box's first caption part ("caption-full" in "caption"), else the box."""
    for element in caption.iterdescendants():
        if _is_caption(element) and not _is_credit(element):
            return element
    return caption


def _first(
    elements: list[etree._Element], wanted: Callable[[etree._Element], bool]
) -> etree._Element | None:
    return next((element for element in elements if wanted(element)), None)


def caption_parts(picture: etree._Element) -> CaptionParts:
    """The caption and credit elements printed with *picture*: a figure, a wrapper or an image."""
    for box in _boxes(picture):
        after = _after(box, picture)
        caption = _first(after, _is_caption)
        credit = _first(after, _is_credit)
        if caption is not None and _is_credit(caption):  # "figcaption.attribution": all credit
            return CaptionParts(None, caption)
        if caption is not None:
            return CaptionParts(_innermost_caption(caption), credit)
        if credit is not None:
            return CaptionParts(None, credit)
    return CaptionParts(None, None)
