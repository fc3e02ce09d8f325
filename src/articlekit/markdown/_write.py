"""Write an article as CommonMark: what a reader sees, in reading order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from articlekit import _prose
from articlekit._urls import photo_source
from articlekit.markdown._escape import (
    escape,
    inline_markdown,
    link_destination,
    link_title,
)
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

FORMAT_NAME: Final = "markdown"
_HARD_BREAK: Final = "\\\n"  # CommonMark 6.7: a backslash at the end of a line


def write(article: Article) -> tuple[str, list[str]]:
    """The Markdown of *article*, and the paths of the fields it leaves out."""
    head = [
        f"# {_one_line(escape(article.headline))}",
        article.subheadline and f"*{_one_line(escape(article.subheadline))}*",
        _HARD_BREAK.join(
            escape(line)
            for line in (_prose.byline_line(article.bylines), _prose.dateline_line(article))
            if line
        ),
    ]
    body: list[str] = []
    previous: Block | None = None
    for block in _prose.blocks_in_reading_order(article):
        if isinstance(block, ListBlock) and isinstance(previous, ListBlock):
            # Two lists of the same kind in a row are one list unless their markers differ.
            alternate = block.ordered == previous.ordered and not body[-1].startswith(("* ", "1) "))
            body.append(_list(block, alternate=alternate))
        else:
            body.append(_block(block, article))
        previous = block
    markdown = "\n\n".join(part for part in (*head, *body) if part) + "\n"
    return markdown, [*_prose.lost_fields(article, _photo_losses), *_markup_losses(article)]


def _one_line(markdown: str) -> str:
    return markdown.replace("\n", " ")


def _lines(markup: str) -> str:
    """Inline markup as Markdown lines, a line break as a hard break."""
    return inline_markdown(markup).replace("\n", _HARD_BREAK)


def _photo_losses(photo: Photo) -> list[str]:
    lost = _prose.common_photo_losses(photo)
    source = photo_source(photo)
    if photo.href is not None and source != photo.href:
        lost.append("href")  # not a URL an image may load from (see docs/urls.md)
    if photo.alt_text is not None and source is None and photo.caption is not None:
        lost.append("alt_text")
    return lost


def _markup_losses(article: Article) -> list[str]:
    """The body fields whose subscript or superscript CommonMark writes as plain text."""
    lost: list[str] = []
    for index, block in enumerate(article.body):
        if isinstance(block, ListBlock):
            lost.extend(
                f"body[{index}].items[{number}]"
                for number, item in enumerate(block.items)
                if _has_sub_or_sup(item)
            )
        elif isinstance(block, (Paragraph, Heading, Quote)) and _has_sub_or_sup(block.text):
            lost.append(f"body[{index}].text")
    return lost


def _has_sub_or_sup(markup: str) -> bool:
    return "<sub>" in markup or "<sup>" in markup


def _paragraph(block: Block, article: Article) -> str:
    assert isinstance(block, Paragraph)
    return _lines(block.text)


def _heading(block: Block, article: Article) -> str:
    assert isinstance(block, Heading)
    return f"{'#' * block.level} {_one_line(inline_markdown(block.text))}"


def _quote(block: Block, article: Article) -> str:
    assert isinstance(block, Quote)
    quoted = _lines(block.text)
    if block.attribution:
        quoted += f"{_HARD_BREAK}— {escape(block.attribution)}"
    return "\n".join(f"> {line}" for line in quoted.split("\n"))


def _list(block: Block, article: Article | None = None, *, alternate: bool = False) -> str:
    assert isinstance(block, ListBlock)
    items = []
    for number, item in enumerate(block.items, start=1):
        if block.ordered:
            marker = f"{number}{')' if alternate else '.'} "
        else:
            marker = "* " if alternate else "- "
        # Continuation lines are indented to the item's text (CommonMark 5.2).
        items.append(marker + _lines(item).replace("\n", "\n" + " " * len(marker)))
    return "\n".join(items)


def _photo(block: Block, article: Article) -> str:
    assert isinstance(block, PhotoRef)
    photo = article.photos[block.photo]
    source = photo_source(photo)
    parts = []
    if source is not None:
        alt = _one_line(escape(photo.alt_text or ""))
        title = f" {link_title(photo.caption)}" if photo.caption else ""
        parts.append(f"![{alt}]({link_destination(source)}{title})")
    described = _prose.caption_with_credit(photo)
    if described is None and source is None:
        described = photo.alt_text
    if described:
        parts.append(f"*{_one_line(escape(described))}*")
    return "\n\n".join(parts)


def _embed(block: Block, article: Article) -> str:
    assert isinstance(block, Embed)
    return f"[{_one_line(escape(block.title or block.url))}]({link_destination(block.url)})"


_WRITERS: Final[dict[type, Callable[[Block, Article], str]]] = {
    Paragraph: _paragraph,
    Heading: _heading,
    Quote: _quote,
    ListBlock: _list,
    PhotoRef: _photo,
    Embed: _embed,
}


def _block(block: Block, article: Article) -> str:
    return _WRITERS[type(block)](block, article)
