"""Where a page prints a picture's caption and credit, in the picture's figure or next to it.

Its ``<figcaption>``, else an element classed as a caption or credit beside the image: WordPress
``.wp-caption-text``, gallery ``.caption`` and ``.credit`` boxes, a ``figcaption`` beside the
figure's wrapper. The credit is its own element (``.credit``, ``<small>``, ``<cite>``, a short
last part), else the credit printed at the caption's end ("Photo by A/B.", "(AGENCY)",
"[File: AGENCY]", "Credit: X"), split off the caption's text: nothing is copied, nothing lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple

from lxml import etree

from articlekit.web._common import clean, element_text, names_of, tag_of, text_outside

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


def _caption_and_credit_box(box: etree._Element) -> CaptionParts:
    """A box classed as caption and credit: its caption part and credit part, else all credit."""
    caption = _innermost_caption(box)
    if caption is box:  # "figcaption.attribution": the credit alone
        return CaptionParts(None, box)
    credit = _first(list(box.iterdescendants()), _is_credit_only)
    return CaptionParts(caption, credit)


def _is_credit_only(element: etree._Element) -> bool:
    return _is_credit(element) and not _is_caption(element)


def _first(
    elements: list[etree._Element], wanted: Callable[[etree._Element], bool]
) -> etree._Element | None:
    return next((element for element in elements if wanted(element)), None)


def caption_parts(picture: etree._Element) -> CaptionParts:
    """The caption and credit elements printed with *picture*: a figure, a wrapper or an image."""
    for box in _boxes(picture):
        after = _after(box, picture)
        caption = _first(after, _is_caption)
        if caption is not None and _is_credit(caption):  # "caption-credit", "attribution"
            return _caption_and_credit_box(caption)
        if caption is not None:
            inner = _innermost_caption(caption)
            return CaptionParts(inner, _first(after, _credit_beside(inner)))
        credit = _first(after, _is_credit)
        if credit is not None:
            return CaptionParts(None, credit)
    return CaptionParts(None, None)


def _credit_beside(caption: etree._Element) -> Callable[[etree._Element], bool]:
    """Whether an element is a credit and not a box around *caption*: a credit holds no caption."""
    around = set(caption.iterancestors())
    return lambda element: _is_credit(element) and element not in around


class CaptionText(NamedTuple):
    """A picture's caption and its credit as text, the credit split off; either may be missing."""

    caption: str | None
    credit: str | None


class _Credit(NamedTuple):
    """A credit printed in a caption: where its print starts (a label, a bracket) and its text."""

    start: int
    text: str


# Where a credit starts. What follows it, up to the end of the caption, is checked with string
# methods: a pattern that also matched it up to "$" would backtrack over the rest of the caption
# once per start, quadratic (cubic with runs of spaces) in a caption a page controls.
_PHOTO_BY: Final = re.compile(r"(?:photo|photograph|picture|image|foto)s?\s*(?:by|:)", re.I)


# "Credit:", "Photo credit:", "Data source:", "Quelle:" (a colon: "the source of the river"
# is not one), or a copyright sign.
_CREDIT: Final = re.compile(
    r"(?:\b(?:photo|image|picture|foto|data)s?\s+)?\b(?:credits?|source|quelle)\s*:|©|\(c\)",
    re.I,
)


_AFTER_LABEL: Final = re.compile(r"\s*:?\s*")  # white space, a colon, white space


_BRACKETED: Final = re.compile(r"\(([^()]{2,60})\)|\[([^\[\]]{2,60})\]")


_OPENING: Final = {")": "(", "]": "["}


# What ends the text before a credit: a sentence, a clause, a separator, an opening bracket.
_BEFORE_CREDIT: Final = ".!?,;:|/-\u2013\u2014(["
# Before "(c)": not a comma or a bracket, which put it in a list of letters.
_BEFORE_C: Final = ".!?:|/-\u2013\u2014"


# Left dangling once a credit is cut off the caption's end: separators and opening brackets.
_DANGLING: Final = ",;:|/-\u2013\u2014(["


_SENTENCE_ENDS: Final = ".!?\u2026\"\u201d'\u2019"


def split_credit(caption: str) -> CaptionText:
    """The caption without the credit printed at its end, and that credit.

    "Photo by A/B.", "(AGENCY)", "[File: AGENCY]", "Credit: X" and "© X" are credits; the
    caption keeps its text before them, without the label, the brackets and a separator left
    dangling. All credit: no caption. *caption* is one line of text, as `clean` returns it.
    """
    end = _credit_end(caption)
    for rule in _CREDIT_RULES:
        found = rule(caption, end)
        if found is not None:
            credit = clean(found.text)
            if credit is None:  # a label and nothing after it: no credit to split off
                return CaptionText(caption or None, None)
            return CaptionText(_text_before(caption, found.start, end), credit)
    return CaptionText(caption or None, None)


def _credit_end(caption: str) -> int:
    """Where a credit closing *caption* ends: before a closing full stop."""
    text = caption.rstrip()
    return len(text) - 1 if text.endswith(".") else len(caption)


def _text_before(caption: str, start: int, end: int) -> str | None:
    """The caption before a credit starting at *start*, without separators left dangling.

    A caption ending with a full stop keeps it: "Crowds (AFP)." gives "Crowds.".
    """
    stop = start
    while stop > 0 and (caption[stop - 1].isspace() or caption[stop - 1] in _DANGLING):
        stop -= 1
    text = caption[:stop]
    if text and end < len(caption) and text[-1] not in _SENTENCE_ENDS:
        text += "."
    return text or None


def _ends_clause(caption: str, start: int, ends: str) -> bool:
    """Whether the text before *start* is empty or ends with one of *ends*, white space apart."""
    # A look back over the white space only: run once per label, a copy of the text before it
    # would make a caption of many labels quadratic.
    before = start - 1
    while before >= 0 and caption[before].isspace():
        before -= 1
    return before < 0 or caption[before] in ends


def _final_bracket(caption: str, end: int) -> int:
    """Where a bracketed group closing the caption (before *end*) opens; *end* when none."""
    body = caption[:end].rstrip()
    closer = body[-1:]
    opening = body.rfind(_OPENING[closer]) if closer in _OPENING else -1
    return opening if opening >= 0 else end


def _credit_after_photo_by(caption: str, end: int) -> _Credit | None:
    """A credit "Photo by X." opening the last clause, X not empty.

    The label comes after the last bracket or full stop; a bracket closing the caption is the
    credit's ("Photo by A (AGENCY)").
    """
    limit = _final_bracket(caption, end)
    after = max(
        *(caption.rfind(bracket, 0, limit) for bracket in "()[]"), caption.rfind(".", 0, limit)
    )
    for match in _PHOTO_BY.finditer(caption, after + 1, limit):
        if _ends_clause(caption, match.start(), _BEFORE_CREDIT):
            return _Credit(match.start(), caption[match.end() : end]) if match.end() < end else None
    return None


def _credit_after_credit_label(caption: str, end: int) -> _Credit | None:
    """A credit "Credit: X." or "© X": X is all that follows the first label."""
    match = next((m for m in _CREDIT.finditer(caption) if _is_credit_label(caption, m)), None)
    if match is None or match.end() >= len(caption):
        return None
    credit = _credit_after_label(caption[match.end() :])
    return _without_brackets(caption, match.start(), credit)


def _is_credit_label(caption: str, match: re.Match[str]) -> bool:
    """Not a list's letter: "(a), (b), (c)" is one, "Crowds. (c) Ann Lee" is a copyright."""
    return match.group().lower() != "(c)" or _ends_clause(caption, match.start(), _BEFORE_C)


def _without_brackets(caption: str, start: int, credit: str) -> _Credit:
    """A labelled credit in brackets, "(Credit: X)": the print starts at the opening bracket."""
    before = caption[:start].rstrip()
    closer = credit.rstrip()[-1:]
    if closer in _OPENING and before.endswith(_OPENING[closer]) and _OPENING[closer] not in credit:
        return _Credit(len(before) - 1, credit.rstrip()[:-1])
    return _Credit(start, credit)


# Words of agencies' and photo services' names, for a credit in brackets.
_AGENCY_WORD: Final = re.compile(r"photo|getty|reuters|afp|\bap\b|epa|images|press", re.I)


def _credit_in_brackets(caption: str, end: int) -> _Credit | None:
    """A credit "(AGENCY)." or "[File: AGENCY]" closing the caption.

    Capitals, a slash or an agency's word make it a credit; a label inside ("(Photo: X)") is
    not the credit's.
    """
    body = caption[:end].rstrip()
    opening = _final_bracket(caption, end)
    match = _BRACKETED.fullmatch(body, opening) if opening < end else None
    inside = None if match is None else match.group(1) or match.group(2)
    if inside and ("/" in inside or inside.isupper() or _AGENCY_WORD.search(inside)):
        return _Credit(opening, _without_label(inside) or inside)
    return None


# Each rule gives the credit found, its text never empty, or None when the caption has no such
# credit; the first rule that finds one decides, even when nothing is left of it once cleaned.
_CREDIT_RULES: Final[tuple[Callable[[str, int], _Credit | None], ...]] = (
    _credit_after_photo_by,
    _credit_after_credit_label,
    _credit_in_brackets,
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


# A credit's label: "Photo:", "Image credit:", "Photo by", "Image via", "Source:", "©".
_CREDIT_LABEL: Final = re.compile(
    r"(?:(?:photo|photograph|picture|image|foto)s?\s*(?:credits?\s*)?(?:by|via|:)"
    r"|(?:credits?|source|quelle)\s*:)?\s*(?:(?:©|\(c\))\s*)?",
    re.I,
)


_BRACKETS: Final = ("()", "[]")


def _without_label(credit: str) -> str | None:
    """*credit* without a leading label ("Photo:", "Credit:", "©")."""
    label = _CREDIT_LABEL.match(credit)
    return clean(credit[label.end() :] if label else credit)


def caption_and_credit(parts: CaptionParts) -> CaptionText:
    """A picture's caption text and credit: the credit's own element, else split off the text."""
    inside = None if parts.caption is None else _credit_element(parts.caption)
    credit_element = inside if inside is not None else parts.credit
    if parts.caption is None:
        return CaptionText(None, _credit_text(credit_element))
    caption = _caption_text(parts.caption, inside)
    if credit_element is None:
        return split_credit(caption) if caption else CaptionText(None, None)
    return CaptionText(caption, _credit_text(credit_element))


def _caption_text(caption: etree._Element, credit: etree._Element | None) -> str | None:
    """The caption's text without its credit element and its "more"/"less" toggle buttons."""
    skipped = {*_toggles(caption), *([] if credit is None else [credit])}
    return clean(text_outside(caption, skipped)) if skipped else element_text(caption)


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
    return _without_label(credit) if credit else None


def _credit_element(caption_element: etree._Element) -> etree._Element | None:
    """The element inside a caption that holds its credit, if any.

    The first ``<small>``, ``<cite>`` or ``.credit``, else a short last part after the caption's
    sentences.
    """
    for element in caption_element.iterdescendants():
        if tag_of(element) in _CREDIT_TAGS or _CREDIT_CLASSES.search(names_of(element)):
            return element
    return _closing_part(caption_element)


_CREDIT_TAGS: Final = frozenset({"small", "cite"})
# Inline parts a caption prints its credit in, after the caption's own part.
_PART_TAGS: Final = frozenset({"span", "small", "cite"})
_MAX_CREDIT_PART: Final = 80  # characters: a name and an agency, not a sentence


def _closing_part(caption_element: etree._Element) -> etree._Element | None:
    """The credit part of a caption in parts: "<span>Caption.</span><span>NAME / AGENCY</span>".

    The last part, short, without a full stop of its own, after a part ending a sentence.
    """
    parts = list(caption_element)
    if len(parts) < 2 or _has_loose_text(caption_element) or tag_of(parts[-1]) not in _PART_TAGS:
        return None
    before, last = element_text(parts[-2]), element_text(parts[-1])
    if not before or not last or len(last) > _MAX_CREDIT_PART:
        return None
    return parts[-1] if before[-1] in _SENTENCE_ENDS and last[-1] not in _SENTENCE_ENDS else None


def _has_loose_text(element: etree._Element) -> bool:
    """Text of *element* outside its children: a caption written as text, not in parts."""
    pieces = [element.text, *(child.tail for child in element)]
    return any(piece and piece.strip() for piece in pieces)
