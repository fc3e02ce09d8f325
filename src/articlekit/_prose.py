"""What the text and Markdown writers share: an article's parts in reading order, and losses.

Both write what a reader of the page sees, in the order a page shows it: the headline, the dek,
the byline and dateline lines, the photos no block places (the lead photo first, where a page
shows it), then the body. Neither carries the article's metadata; `lost_fields` names what each
leaves out, for `articlekit._loss.report_losses`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final

from articlekit.model import Article, Block, Byline, Photo, PhotoRef, Status

# Article fields neither writer carries, and the value that says nothing (left unreported).
_UNCARRIED_FIELDS: Final[tuple[tuple[str, object], ...]] = (
    ("uri", None),  # required, so always lost
    ("version", 1),
    ("url", None),
    ("language", None),
    ("kicker", None),
    ("section", None),
    # The summary is an abstract for feeds; it mostly repeats the dek or the first paragraph,
    # which would repeat text for search indexes and language models.
    ("summary", None),
    ("slugline", None),
    ("topics", ()),
    ("keywords", ()),
    ("created", None),
    ("updated", None),
    ("embargoed", None),
    ("located", None),
    ("status", Status.USABLE),
    ("urgency", None),
    ("provider", None),
    ("copyright_holder", None),
    ("copyright_notice", None),
    ("usage_terms", None),
    ("editor_note", None),
)
_BYLINE_DETAILS: Final = ("role", "affiliation", "email", "uri", "bio")

PhotoLosses = Callable[[Photo], Sequence[str]]
"""The fields of one photo a writer leaves out, as names (``"uri"``, ``"renditions"``)."""


def lost_fields(article: Article, photo_losses: PhotoLosses) -> list[str]:
    """The paths of the fields of *article* a reader's-view writer leaves out."""
    lost = [
        name
        for name, nothing in _UNCARRIED_FIELDS
        if getattr(article, name) is not None and getattr(article, name) != nothing
    ]
    for index, byline in enumerate(article.bylines):
        lost.extend(f"bylines[{index}].{name}" for name in _byline_losses(byline))
    for index, photo in enumerate(article.photos):
        lost.extend(f"photos[{index}].{name}" for name in photo_losses(photo))
    return lost


def _byline_losses(byline: Byline) -> list[str]:
    return [name for name in _BYLINE_DETAILS if getattr(byline, name) is not None]


def common_photo_losses(photo: Photo) -> list[str]:
    """The fields of *photo* that neither writer carries."""
    named = ("uri", "photographer", "copyright_notice", "width", "height", "media_type")
    lost = [name for name in named if getattr(photo, name) is not None]
    return [*lost, "renditions"] if photo.renditions else lost


def byline_line(bylines: Sequence[Byline]) -> str | None:
    """``"By A"``, ``"By A and B"``, ``"By A, B and C"``; None without bylines."""
    names = [byline.name for byline in bylines]
    if not names:
        return None
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


def dateline_line(article: Article) -> str | None:
    """The dateline and the time of first publication (RFC 3339), as one line; None if neither."""
    parts = []
    if article.dateline is not None:
        parts.append(article.dateline)
    if article.published is not None:
        parts.append(f"Published {article.published.isoformat()}")
    return " — ".join(parts) or None


def caption_with_credit(photo: Photo) -> str | None:
    """The caption, and the credit unless the caption prints it already; None if neither."""
    caption, credit = photo.caption, photo.credit
    if credit is None or (caption is not None and credit in caption):
        return caption
    if caption is None:
        return credit
    separator = " " if caption[-1] in ".!?…" else ". "
    return f"{caption}{separator}{credit}"


def blocks_in_reading_order(article: Article) -> Iterator[Block]:
    """The body, after a `PhotoRef` for each photo no block places (where a page shows them)."""
    placed = {block.photo for block in article.body if isinstance(block, PhotoRef)}
    for index in range(len(article.photos)):
        if index not in placed:
            yield PhotoRef(photo=index)
    yield from article.body
