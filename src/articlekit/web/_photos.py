"""A news page's photos: a figure's image, the lead photo a template shows, the declared one."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


# Class names of a featured image shown before the body ("feat-image": an abbreviation).
_FEATURED_CLASSES: Final = re.compile(
    r"(?:^|[-_\s])(?:featured|feature|feat|hero|lead|post-thumbnail|wp-post-image|main-image|"
    r"top-image|article-image|post-image|entry-image)(?:$|[-_\s])",
    re.I,
)


def lead_figure(h1: etree._Element, body: etree._Element) -> etree._Element | None:
    """The featured picture shown before the body.

    A figure after the headline, else one named as featured in the headline's header or
    between the headline and the body. A headline whose header was cleaned away as
    boilerplate is no longer on the page: the picture then is the one nearest before the body.
    """
    if _outermost(h1) is not _outermost(body):
        return _nearest_before(body)
    header = header_scope(h1)
    in_header = set(header.iter())
    seen_h1 = False
    featured = None
    for element in _common_ancestor(header, body).iter():
        if element is h1:
            seen_h1 = True
        elif element is body:
            break
        elif not (seen_h1 or element in in_header) or not _is_lead(element):
            continue
        elif seen_h1 and element.tag == "figure":
            return element
        elif featured is None:
            featured = element
    return featured


def _outermost(element: etree._Element) -> etree._Element:
    """The element's outermost ancestor: the page's root, unless it was cut off the page."""
    ancestors = list(element.iterancestors())
    return ancestors[-1] if ancestors else element


def _common_ancestor(scope: etree._Element, body: etree._Element) -> etree._Element:
    """*scope*, or its nearest ancestor that also holds *body*: the walk from headline to body."""
    around_body = set(body.iterancestors())
    if scope is body or scope in around_body or body in scope.iterancestors():
        return scope  # the body in the headline's scope, or the scope in the body
    return next((a for a in scope.iterancestors() if a in around_body), scope)


def _nearest_before(body: etree._Element) -> etree._Element | None:
    """The last figure or featured picture before *body*, outermost, in document order."""
    found = None
    for element in _outermost(body).iter():
        if element is body:
            break
        if _is_lead(element) and (found is None or found not in element.iterancestors()):
            found = element
    return found


def _is_featured(element: etree._Element) -> bool:
    """A figure, or an image or its wrapper named as featured, holding an image."""
    if element.tag not in ("figure", "img", "div", "picture"):
        return False
    if element.tag != "figure" and not _FEATURED_CLASSES.search(names_of(element)):
        return False
    return next(element.iter("img"), None) is not None


def _is_lead(element: etree._Element) -> bool:
    """A featured picture, not a teaser: a picture linking to another page ("Most popular")."""
    if not _is_featured(element):
        return False
    link = next(element.iterancestors("a"), None)
    return link is None or not _links_away(link)


def _links_away(link: etree._Element) -> bool:
    """A link to another page: not to the image itself, not a script's "#"."""
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:")) and not _IMAGE_FILE.search(href)


def declared_image(image: str | None) -> str | None:
    """The declared image's address, when it is a web address."""
    href = clean(image)
    return href if href and href.startswith(("http://", "https://")) else None


# Lazy loaders keep the real address in a data- attribute and put a placeholder in src.
_IMAGE_SOURCES: Final = ("data-src", "data-original", "data-lazy-src", "src")
# An image file's address: its path ends in an image format's extension.
_IMAGE_FILE: Final = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.I)


# A lazy loader's placeholder file: "sr-loader.png", "1x1-white.jpg", "placeholder.gif".
_PLACEHOLDER: Final = re.compile(
    r"(?:^|[-_.])(?:loader|loading|placeholder|blank|spacer|lazy|1x1|transparent)(?:$|[-_.])",
    re.I,
)


def _image_source(image: etree._Element) -> str:
    """The image's address as written, not a placeholder (inline ``data:``, "loader.png").

    Else srcset's widest, else an image file's address in another lazy loader's data- attribute,
    else the address written, if only a file named like a placeholder.
    """
    written = [(image.get(attribute) or "").strip() for attribute in _IMAGE_SOURCES]
    for value in written:
        if value and not _is_placeholder(value):
            return value
    srcset = _largest_srcset_url(image.get("srcset") or image.get("data-srcset") or "")
    named = next((value for value in written if value and not value.startswith("data:")), "")
    return srcset or _lazy_image_file(image) or named


def _is_placeholder(address: str) -> bool:
    """An inline ``data:`` image, or a file named as a lazy loader's placeholder."""
    file_name = address.split("?", 1)[0].rsplit("/", 1)[-1]
    return address.startswith("data:") or _PLACEHOLDER.search(file_name) is not None


def _lazy_image_file(image: etree._Element) -> str:
    """The first data- attribute naming an image file, "" when none does."""
    for name, value in image.attrib.items():
        if str(name).startswith("data-") and _IMAGE_FILE.search(str(value)):
            return str(value).strip()
    return ""


def _largest_srcset_url(srcset: str) -> str:
    """The URL of a srcset's widest candidate (its first if none says a width), "" when none."""
    best, best_width = "", -1.0
    for url, width in _srcset_candidates(srcset):
        if url and width > best_width:
            best, best_width = url, width
    return best


def _srcset_candidates(srcset: str) -> Iterator[tuple[str, float]]:
    """Each candidate's URL and width, as the HTML standard parses a srcset; never an error.

    White space and commas before a candidate are skipped (so empty candidates are), its URL
    runs to the next white space, commas ending the URL end the candidate and a comma inside
    it is part of it ("w_300,h_200/x.jpg"); its descriptors run to the next comma. Linear:
    each character is looked at once.
    """
    position, length = 0, len(srcset)
    while position < length:
        while position < length and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < length and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        if not url:
            return
        if url.endswith(","):
            yield url.rstrip(","), 0.0
            continue
        end = srcset.find(",", position)
        end = length if end < 0 else end
        descriptors = srcset[position:end].split()
        yield url, max(map(_descriptor_width, descriptors), default=0.0)
        position = end + 1


def _descriptor_width(descriptor: str) -> float:
    """The width a "300w" or density a "2x" descriptor gives, 0 for anything else."""
    number = descriptor[:-1]
    if descriptor[-1:] in ("w", "x") and number.replace(".", "", 1).isdigit():
        return float(number) * (1 if descriptor.endswith("w") else 1000)
    return 0.0


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
    width, height = _dimension(image.get("width")), _dimension(image.get("height"))
    if href is None or _is_button(href, width, height):
        return None
    caption, credit = caption_and_credit(caption_parts(figure))
    alt = clean(image.get("alt"))
    try:
        return Photo(
            href=href,
            caption=caption,
            credit=credit,
            alt_text=alt if alt != caption else None,
            width=width,
            height=height,
        )
    except ValidationError:
        return None


# Icons and buttons are at most this many pixels high or wide; tracking pixels are 1 or 2.
_MAX_ICON_SIZE: Final = 48
# Share-button services, whose images are buttons ("Bookmark and Share").
_SHARE_SERVICES: Final = re.compile(r"[/.](?:addthis|sharethis|addtoany|shareaholic)\.", re.I)


def _is_button(href: str, width: int | None, height: int | None) -> bool:
    """A share button, an icon or a tracking pixel: no photo of the article."""
    small = any(size is not None and size <= _MAX_ICON_SIZE for size in (width, height))
    return small or _SHARE_SERVICES.search(href) is not None


def _dimension(value: str | None) -> int | None:
    """A width or height in pixels: ASCII digits of a size the model takes, else None."""
    number = None if value is None else ascii_integer(value)
    return number if number is not None and 1 <= number <= MAX_INT else None
