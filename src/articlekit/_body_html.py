"""Body blocks to and from the HTML of a ninjs ``bodies[]`` entry."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

from lxml import etree

from articlekit._convert import BLOCK_TAGS
from articlekit._json_build import build_blocks
from articlekit._text import fold_space, nfc
from articlekit._xml import MAX_DEPTH, first_too_deep, remove_keeping_tail
from articlekit.errors import ValidationError
from articlekit.inline import (
    _is_blank,
    _is_canonical,
    canonical_inline,
    canonical_inline_from_element,
    escape_text,
)
from articlekit.model import Block, Embed, Heading, ListBlock, Paragraph, PhotoRef, Quote

__all__ = ["blocks_from_html", "blocks_from_text", "blocks_to_html"]

# No network, no comments or processing instructions: the body is hostile input.
_PARSER: Final = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
# Block-level elements whose content a reader never sees, or that run code: skipped whole.
_SKIPPED: Final = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "applet", "head", "title",
     "embed", "form", "button", "select", "textarea", "svg", "math", "canvas", "video", "audio"}
)  # fmt: skip
# The elements of canonical inline markup and the blocks that hold it: content made of them
# is serialised and checked; anything else goes through the tree walk of the sanitiser.
_FAST_TAGS: Final = frozenset({"em", "strong", "code", "sub", "sup", "br", "a", "p", "li"}) | {
    f"h{level}" for level in range(1, 7)
}
# What HTML folds as white space; a no-break space is text the models keep.
_ASCII_SPACE: Final = " \t\n\r\f"
# Containers whose children are blocks in their own right.
_CONTAINERS: Final = frozenset({"div", "section", "article", "main", "body", "html", "aside"})
# Elements read as blocks; any other element is inline content of a paragraph.
_BLOCK_TAGS: Final = _CONTAINERS | {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "figure", "pre", "table",
    "dl", "hr", "address", "header", "footer", "nav",
}  # fmt: skip


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def blocks_to_html(
    blocks: Sequence[Block], photo_html: Callable[[int], tuple[str, str | None, str | None]]
) -> str:
    """Write blocks as HTML; *photo_html* gives a photo's association name, src and alt."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{block.text}</p>")
        elif isinstance(block, Heading):
            out.append(f"<h{block.level}>{block.text}</h{block.level}>")
        elif isinstance(block, Quote):
            footer = (
                f"<footer>{escape_text(block.attribution)}</footer>" if block.attribution else ""
            )
            out.append(f"<blockquote><p>{block.text}</p>{footer}</blockquote>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{item}</li>" for item in block.items)
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, PhotoRef):
            name, src, alt = photo_html(block.photo)
            image = ""
            if src is not None:
                alt_attribute = f' alt="{_attribute(alt)}"' if alt is not None else ""
                image = f'<img src="{_attribute(src)}"{alt_attribute}>'
            out.append(f'<figure data-association="{_attribute(name)}">{image}</figure>')
        else:
            title = f' title="{_attribute(block.title)}"' if block.title is not None else ""
            text = escape_text(block.title if block.title is not None else block.url)
            link = f'<a href="{_attribute(block.url)}"{title}>{text}</a>'
            out.append(f'<figure class="embed">{link}</figure>')
    return "".join(out)


def blocks_from_text(text: str) -> list[Block]:
    """Read plain text: one paragraph per run of lines between blank lines."""
    paragraphs = [fold_space(chunk) for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph.from_text(chunk) for chunk in paragraphs if chunk]


def blocks_from_html(
    markup: str, photo_index: Callable[[str | None, str | None], int | None]
) -> list[Block]:
    """Read HTML into blocks; *photo_index* maps a figure's association name or src to a photo.

    Scripts, event handlers and other active content never reach a block: the walk keeps only
    the elements below, and their inline content goes through the shared inline sanitiser.
    """
    if not markup.strip():
        return []
    try:
        root = etree.fromstring(f"<html><body>{markup}</body></html>", _PARSER)
    except etree.ParserError:  # nothing the parser could make a tree of
        return []
    # The walks below recurse once per level; libxml2 stops at 256 levels and drops the rest,
    # or in older releases nowhere: refuse rather than lose text or the stack.
    if first_too_deep(root) is not None:
        raise ValidationError(f"the HTML nests elements deeper than {MAX_DEPTH} levels")
    for entry in _PARSER.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise ValidationError(f"the HTML is beyond the parser's limits: {entry.message}")
    body = root.find("body")
    if body is None:  # pragma: no cover - the parser always keeps the wrapper
        return []
    return _build(list(_blocks_in(body, photo_index)))


_Spec = tuple[type[Block], dict[str, Any]]
"""A block to build: its kind and its articlekit JSON fields, whose markup may not be canonical."""


def _build(specs: list[_Spec]) -> list[Block]:
    """Build the blocks, the fast way when all their text is canonical already (as ours is).

    Otherwise each block's markup is made canonical first and the constructors build it; a
    block whose markup says nothing (``<p><em></em></p>``, ``<p><br></p>``) is dropped.
    """
    blocks = build_blocks([{"type": BLOCK_TAGS[kind], **fields} for kind, fields in specs])
    if blocks is not None:
        return blocks
    return [block for kind, fields in specs if (block := _construct(kind, fields)) is not None]


def _construct(kind: type[Block], fields: dict[str, Any]) -> Block | None:
    """Build a block through its constructor, or return ``None`` if its markup says nothing."""
    if kind is ListBlock:
        items = [item for item in map(canonical_inline, fields["items"]) if not _is_blank(item)]
        return ListBlock(items=items, ordered=fields["ordered"]) if items else None
    if "text" in fields:  # a paragraph, heading or quote
        text = canonical_inline(fields["text"])
        return None if _is_blank(text) else kind(**{**fields, "text": text})
    return kind(**fields)


def _tag(element: etree._Element) -> str | None:
    tag: object = element.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else None


def _inline(element: etree._Element) -> str:
    """The inline markup of *element*'s content, canonical or to be made so by `_build`.

    What articlekit wrote is canonical already once serialised, and is then checked with the
    rest of the body at once, which is several times faster than walking the tree; anything
    else, scripts and event handlers included, fails that check or is sanitised from the tree.
    """
    if len(element) == 0:
        # What the sanitiser makes of text alone, without parsing it again.
        return nfc(escape_text(fold_space(element.text or "")))
    tags = {_tag(child) for child in element.iter()}
    if not tags <= _FAST_TAGS:
        return canonical_inline_from_element(element)
    if "a" in tags:
        # libxml2's HTML serialiser percent-escapes non-ASCII in an href, which would pass
        # for canonical and change the link; XML serialisation keeps it as written.
        markup = _serialise(element, "xml")
        return markup if _is_canonical(markup) else canonical_inline_from_element(element)
    return _serialise(element, "html")


def _serialise(element: etree._Element, method: str) -> str:
    """*element*'s content as markup, serialised by libxml2."""
    parts = [escape_text(element.text or "")]
    parts += [etree.tostring(child, encoding="unicode", method=method) for child in element]
    return "".join(parts)


def _paragraph(element: etree._Element) -> _Spec | None:
    text = _inline(element)
    return (Paragraph, {"text": text}) if text.strip(_ASCII_SPACE) else None


def _blocks_in(
    container: etree._Element, photo_index: Callable[[str | None, str | None], int | None]
) -> Iterator[_Spec]:
    loose: list[str] = []  # inline content between blocks becomes a paragraph of its own

    def flush() -> Iterator[_Spec]:
        if loose:
            wrapper = etree.fromstring(f"<div>{''.join(loose)}</div>", _PARSER).find(".//div")
            loose.clear()
            paragraph = None if wrapper is None else _paragraph(wrapper)
            if paragraph is not None:
                yield paragraph

    if container.text and container.text.strip():
        loose.append(escape_text(container.text))
    for child in container:
        tag = _tag(child)
        if tag is None or tag in _SKIPPED:
            pass
        elif tag in _BLOCK_TAGS:
            yield from flush()
            yield from _block(child, tag, photo_index)
        else:
            loose.append(etree.tostring(child, encoding="unicode", with_tail=False, method="html"))
        if child.tail and child.tail.strip():
            loose.append(escape_text(child.tail))
    yield from flush()


def _block(
    element: etree._Element,
    tag: str,
    photo_index: Callable[[str | None, str | None], int | None],
) -> Iterator[_Spec]:
    if tag in _CONTAINERS:
        yield from _blocks_in(element, photo_index)
    elif tag == "p" or tag in {"pre", "table", "dl", "address", "header", "footer", "nav"}:
        paragraph = _paragraph(element)
        if paragraph is not None:
            yield paragraph
    elif tag[0] == "h" and tag[1:].isdigit():
        text = _inline(element)
        if text.strip(_ASCII_SPACE):
            yield Heading, {"text": text, "level": max(2, int(tag[1:]))}
    elif tag == "blockquote":
        attribution = None
        for footer in element.findall(".//footer") + element.findall(".//cite"):
            attribution = attribution or fold_space("".join(map(str, footer.itertext()))) or None
            remove_keeping_tail(footer)
        text = _quote_text(element)
        if text.strip(_ASCII_SPACE):
            yield Quote, {"text": text, "attribution": attribution}
    elif tag in {"ul", "ol"}:
        items = [item for item in map(_inline, element.iter("li")) if item.strip(_ASCII_SPACE)]
        if items:
            yield ListBlock, {"items": items, "ordered": tag == "ol"}
    elif tag == "figure":
        yield from _figure(element, photo_index)


def _quote_text(element: etree._Element) -> str:
    """The text of a blockquote: the content of its one paragraph, or all of it."""
    only = element[0] if len(element) == 1 and _tag(element[0]) == "p" else None
    if only is None or (element.text or "").strip() or (only.tail or "").strip():
        return canonical_inline_from_element(element)
    return _inline(only)


def _figure(
    element: etree._Element, photo_index: Callable[[str | None, str | None], int | None]
) -> Iterator[_Spec]:
    if "embed" in (element.get("class") or "").split():
        link = element.find(".//a")
        href = link.get("href") if link is not None else None
        if link is not None and href:
            try:
                embed = Embed(url=href, title=link.get("title"))
            except ValidationError:  # not an http(s) link: keep its text, lose the link
                paragraph = _paragraph(element)
                if paragraph is not None:
                    yield paragraph
            else:
                yield Embed, {"url": embed.url, "title": embed.title}
        return
    image = element.find(".//img")
    src = image.get("src") if image is not None else None
    index = photo_index(element.get("data-association"), src)
    if index is not None:
        yield PhotoRef, {"photo": index}
