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

from articlekit.web._common import clean, element_text, names_of, tag_of

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


def _is_caption(element: etree._Element) -> bool:
    return element.tag == "figcaption" or bool(_CAPTION_NAMES.search(names_of(element)))


def _is_credit(element: etree._Element) -> bool:
    return bool(_CREDIT_NAMES.search(names_of(element)))


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


# Where a credit starts. What follows it, up to the end of the caption, is checked with string
# methods: a pattern that also matched it up to "$" would backtrack over the rest of the caption
# once per start, quadratic (cubic with runs of spaces) in a caption a page controls.
_PHOTO_BY: Final = re.compile(r"(?:photo|photograph|picture|image|foto)s?\s*(?:by|:)", re.I)


_CREDIT: Final = re.compile(r"credit|source|quelle|©|\(c\)", re.I)


_AFTER_LABEL: Final = re.compile(r"\s*:?\s*")  # white space, a colon, white space


_PARENTHESISED: Final = re.compile(r"\(([^()]{2,60})\)")


def split_credit(caption: str) -> str | None:
    """The credit printed at the end of a caption: "Photo by A/B.", "(AGENCY)", "Credit: X".

    *caption* is one line of text, as `clean` returns it.
    """
    end = _credit_end(caption)
    for rule in _CREDIT_RULES:
        credit = rule(caption, end)
        if credit is not None:
            return clean(credit)
    return None


def _credit_end(caption: str) -> int:
    """Where a credit closing *caption* ends: before a closing full stop."""
    text = caption.rstrip()
    return len(text) - 1 if text.endswith(".") else len(caption)


def _credit_after_photo_by(caption: str, end: int) -> str | None:
    """A credit "Photo by X.": the first label after the last bracket or full stop, X not empty."""
    after = max(caption.rfind("("), caption.rfind(")"), caption.rfind(".", 0, end))
    match = _PHOTO_BY.search(caption, after + 1)
    return caption[match.end() : end] if match and match.end() < end else None


def _credit_after_credit_label(caption: str, end: int) -> str | None:
    """A credit "Credit: X.": X is all that follows the first label."""
    match = _CREDIT.search(caption)
    if match and match.end() < len(caption):
        return _credit_after_label(caption[match.end() :])
    return None


# Words of agencies' and photo services' names, for a credit in parentheses.
_AGENCY_WORD: Final = re.compile(r"photo|getty|reuters|afp|\bap\b|epa|images|press", re.I)


def _credit_in_parentheses(caption: str, end: int) -> str | None:
    """A credit "(AGENCY)." closing the caption: capitals, a slash or an agency's word."""
    body = caption[:end].rstrip()
    match = _PARENTHESISED.fullmatch(body, body.rfind("(")) if "(" in body else None
    if match and (
        "/" in match.group(1) or match.group(1).isupper() or _AGENCY_WORD.search(match.group(1))
    ):
        return match.group(1)
    return None


# Each rule gives the credit's text, never empty, or None when the caption has no such credit;
# the first rule that finds one decides, even when nothing is left of it once cleaned.
_CREDIT_RULES: Final[tuple[Callable[[str, int], str | None], ...]] = (
    _credit_after_photo_by,
    _credit_after_credit_label,
    _credit_in_parentheses,
)


def _credit_after_label(rest: str) -> str:
    """The text after a credit label, without a colon and a closing full stop."""
    lead = _AFTER_LABEL.match(rest)
    after = rest[lead.end() :] if lead else rest
    if not after:  # the label only: backtracking gives the last character to the group
        return rest[-1]
    text = after.rstrip()
    if text.endswith("."):
        text = text[:-1].rstrip()
    return after[: max(1, len(text))]


_CREDIT_CLASSES: Final = re.compile(r"credit|byline|copyright|source", re.I)


_CREDIT_LABEL: Final = re.compile(
    r"^(?:(?:photo|credit|image)s?\s*(?:by|via|:)\s*)?(?:(?:©|\(c\))\s*)?", re.I
)


_BRACKETS: Final = ("()", "[]")


def caption_and_credit(parts: CaptionParts) -> tuple[str | None, str | None]:
    """A picture's caption text and credit: the credit's own element, else copied from the text."""
    inside = None if parts.caption is None else _credit_element(parts.caption)
    credit_element = inside if inside is not None else parts.credit
    if parts.caption is None:
        return None, _credit_text(credit_element)
    caption = _caption_text(parts.caption, inside)
    if credit_element is None:
        return caption, (split_credit(caption) if caption else None)
    return caption, _credit_text(credit_element)


def _caption_text(caption: etree._Element, credit: etree._Element | None) -> str | None:
    """The caption's text without its credit element and its "more"/"less" toggle buttons."""
    skipped = {*_toggles(caption), *([] if credit is None else [credit])}
    return clean(_text_outside(caption, skipped)) if skipped else element_text(caption)


def _toggles(caption: etree._Element) -> list[etree._Element]:
    """Buttons and links without an address: scripts' "more" and "less" toggles, not text."""
    return [
        element
        for element in caption.iterdescendants("a", "button")
        if element.tag == "button" or not element.get("href")
    ]


def _credit_text(credit_element: etree._Element | None) -> str | None:
    """A credit element's text without a leading "Photo:", "Image via" or brackets."""
    credit = None if credit_element is None else element_text(credit_element)
    if credit and len(credit) > 2 and credit[0] + credit[-1] in _BRACKETS:
        credit = credit[1:-1]
    return clean(_CREDIT_LABEL.sub("", credit)) if credit else None


def _credit_element(caption_element: etree._Element) -> etree._Element | None:
    """The first element inside a caption that holds its credit: ``<small>``, ``.credit``."""
    for element in caption_element.iterdescendants():
        if tag_of(element) == "small" or _CREDIT_CLASSES.search(names_of(element)):
            return element
    return None


def _text_outside(caption_element: etree._Element, skipped: set[etree._Element]) -> str:
    """The caption's text in document order without the *skipped* elements'; their tails stay."""
    pieces: list[str] = []
    # Start and end events: an element's tail follows the text of its children. Comments and
    # processing instructions come as one event each, their text left out and their tail kept.
    walk = etree.iterwalk(caption_element, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        if event == "start":
            if element in skipped:
                walk.skip_subtree()  # its end event still comes, with the tail
            else:
                pieces.append(element.text or "")
        elif element is not caption_element:  # the caption's own tail is not in it
            pieces.append(element.tail or "")
    return "".join(pieces)
