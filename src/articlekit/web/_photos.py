"""A news page's photos: a figure's image, the lead photo a template shows, the declared one."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urljoin

from lxml import etree

from articlekit._numbers import ascii_integer
from articlekit._validate import MAX_INT
from articlekit.errors import ValidationError
from articlekit.model import Block, Photo, PhotoRef
from articlekit.web._caption import caption_and_credit, caption_parts
from articlekit.web._common import built_or_none, clean, names_of, tag_of
from articlekit.web._header import header_scope


def declared_photo(image: str | None, base: str | None) -> list[Photo]:
    """The declared image as the lead photo, for a page that shows none."""
    try:
        href = declared_image(urljoin(base, image) if image and base else image)
    except ValueError:  # a URL urllib cannot read, such as "https://[x/a" (found by fuzzing)
        return []
    photo = built_or_none(Photo, href=href) if href else None
    return [photo] if photo is not None else []


def first_below(containers: list[etree._Element], h1: etree._Element) -> etree._Element:
    """The first body container not around the headline: a header holding a dek can score too."""
    around = set(h1.iterancestors())
    return next((c for c in containers if c not in around), containers[-1])


def opens_with_first_photo(body: list[Block]) -> bool:
    return any(isinstance(block, PhotoRef) and block.photo == 0 for block in body[:1])


def with_lead_photo(
    body: list[Block], photos: list[Photo], lead: etree._Element | None, base: str | None
) -> tuple[list[Block], list[Photo]]:
    """*body* opening with the photo of *lead*, a figure shown between headline and body."""
    photo = photo_of(lead, base) if lead is not None else None
    if photo is None or any(known.href == photo.href for known in photos):
        return body, photos
    shifted = (PhotoRef(photo=b.photo + 1) if isinstance(b, PhotoRef) else b for b in body)
    return [PhotoRef(photo=0), *shifted], [photo, *photos]


# Class names of a featured image shown before the body.
_FEATURED_CLASSES: Final = re.compile(
    r"(?:^|[-_\s])(?:featured|feature|hero|lead|post-thumbnail|wp-post-image|main-image|"
    r"top-image|article-image|post-image|entry-image)(?:$|[-_\s])",
    re.I,
)


def lead_figure(h1: etree._Element, body: etree._Element) -> etree._Element | None:
    """The featured picture shown before the body: a figure after the headline, else one above."""
    seen_h1 = False
    featured = None
    for element in header_scope(h1).iter():
        if element is h1:
            seen_h1 = True
        elif element is body:
            return featured
        elif seen_h1 and element.tag == "figure":
            return element
        elif featured is None and _is_featured(element):
            featured = element
    return featured


def _is_featured(element: etree._Element) -> bool:
    """A figure, or an image or its wrapper named as featured, holding an image."""
    if element.tag not in ("figure", "img", "div", "picture"):
        return False
    if element.tag != "figure" and not _FEATURED_CLASSES.search(names_of(element)):
        return False
    return next(element.iter("img"), None) is not None


def declared_image(image: str | None) -> str | None:
    """The declared image's address, when it is a web address."""
    href = clean(image)
    return href if href and href.startswith(("http://", "https://")) else None


# Lazy loaders keep the real address in a data- attribute and put a placeholder in src.
_IMAGE_SOURCES: Final = ("data-src", "data-original", "data-lazy-src", "src")


def _image_source(image: etree._Element) -> str:
    """The image's address as written, not an inline ``data:`` placeholder; else srcset's first."""
    for attribute in _IMAGE_SOURCES:
        value = (image.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return _first_srcset_url(image.get("srcset") or image.get("data-srcset") or "")


def _first_srcset_url(srcset: str) -> str:
    """The URL of a srcset's first candidate, "" when it has none; never an error.

    As the HTML standard parses a srcset: white space and commas before a candidate are
    skipped (so empty candidates are), its URL runs to the next white space, and commas ending
    the URL are not part of it; a comma inside it is ("w_300,h_200/x.jpg").
    """
    for word in srcset.split():
        url = word.strip(",")
        if url:
            return url
    return ""


def _image_url(image: etree._Element, base: str | None) -> str | None:
    value = _image_source(image)
    if not value:
        return None
    try:
        url = urljoin(base, value) if base else value
    except ValueError:  # a page's own URL that urllib cannot read, such as "https://[x/a"
        return None
    return url if url.startswith(("http://", "https://")) else None


def photo_of(figure: etree._Element, base: str | None) -> Photo | None:
    """A `Photo` from a ``<figure>`` (or a lone ``<img>``): image, caption and credit apart."""
    lone = tag_of(figure) == "img"
    image = figure if lone else next(figure.iter("img"), None)
    if image is None:
        return None
    href = _image_url(image, base)
    if href is None:
        return None
    caption, credit = caption_and_credit(caption_parts(figure))
    alt = clean(image.get("alt"))
    try:
        return Photo(
            href=href,
            caption=caption,
            credit=credit,
            alt_text=alt if alt != caption else None,
            width=_dimension(image.get("width")),
            height=_dimension(image.get("height")),
        )
    except ValidationError:
        return None


def _dimension(value: str | None) -> int | None:
    """A width or height in pixels: ASCII digits of a size the model takes, else None."""
    number = None if value is None else ascii_integer(value)
    return number if number is not None and 1 <= number <= MAX_INT else None
