"""Write an article as plain text: what a reader sees, in reading order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lxml import etree

from articlekit import _prose
from articlekit.inline import inline_to_element
from articlekit.model import (
    Article,
    Block,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
)

FORMAT_NAME: Final = "text"


def write(article: Article) -> tuple[str, list[str]]:
    """The text of *article*, and the paths of the fields it leaves out."""
    head = [
        article.headline,
        article.subheadline,
        _lines(_prose.byline_line(article.bylines), _prose.dateline_line(article)),
    ]
    body = [_block(block, article) for block in _prose.blocks_in_reading_order(article)]
    text = "\n\n".join(part for part in (*head, *body) if part) + "\n"
    return text, _prose.lost_fields(article, _photo_losses)


def _lines(*lines: str | None) -> str:
    return "\n".join(line for line in lines if line)


def _photo_losses(photo: Photo) -> list[str]:
    lost = _prose.common_photo_losses(photo)
    if photo.href is not None:
        lost.append("href")
    if photo.alt_text is not None and photo.caption is not None:
        lost.append("alt_text")  # written only in place of a missing caption
    return lost


def _paragraph(block: Block, article: Article) -> str:
    assert isinstance(block, (Paragraph, Heading))
    return inline_plain_text(block.text)


def _quote(block: Block, article: Article) -> str:
    assert isinstance(block, Quote)
    return _lines(inline_plain_text(block.text), block.attribution and f"— {block.attribution}")


def _list(block: Block, article: Article) -> str:
    assert isinstance(block, ListBlock)
    items = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        # A line break inside an item continues under the item's text, not its marker.
        items.append(marker + inline_plain_text(item).replace("\n", "\n" + " " * len(marker)))
    return "\n".join(items)


def _photo(block: Block, article: Article) -> str:
    assert isinstance(block, PhotoRef)
    photo = article.photos[block.photo]
    described = _prose.caption_with_credit(photo)
    if photo.caption is None and photo.alt_text is not None:
        described = _lines(photo.alt_text, photo.credit).replace("\n", ". ")
    return f"[Photo: {described}]" if described else "[Photo]"


def _embed(block: Block, article: Article) -> str:
    assert isinstance(block, Embed)
    return f"[Embed: {block.title} ({block.url})]" if block.title else f"[Embed: {block.url}]"


_WRITERS: Final[dict[type, Callable[[Block, Article], str]]] = {
    Paragraph: _paragraph,
    Heading: _paragraph,
    Quote: _quote,
    ListBlock: _list,
    PhotoRef: _photo,
    Embed: _embed,
}


def _block(block: Block, article: Article) -> str:
    return _WRITERS[type(block)](block, article)


def inline_plain_text(markup: str) -> str:
    """The text of canonical inline markup, a link's URL after its text unless the text is it."""
    text = "".join(_pieces(inline_to_element(markup, "p")))
    return "\n".join(line.strip() for line in text.split("\n"))


def _pieces(element: etree._Element) -> list[str]:
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append("\n")
        else:
            pieces.extend(_pieces(child))
            if child.tag == "a":
                pieces.append(_link_target(child))
        pieces.append(child.tail or "")
    return pieces


def _link_target(link: etree._Element) -> str:
    href = link.get("href", "")
    text = "".join(str(piece) for piece in link.itertext())
    bare = href.partition(":")[2] if href.startswith(("mailto:", "tel:")) else href
    return "" if text in (href, bare) else f" ({href})"
