"""Markdown text that never turns into markup: escapes, and canonical inline markup as Markdown.

CommonMark (0.31.2) section 2.4: any ASCII punctuation may be backslash-escaped. Escaping all of
it would make the text hard to read, so only what can start markup is escaped: everywhere the
characters of emphasis, code, links, images, raw HTML, autolinks and heading closers; ``&``
where it would start an entity reference (section 2.5); and at the start of a line what would
make the line a heading, quote, list item, thematic break, setext underline or code fence.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from articlekit.inline import inline_to_element, is_safe_link

# "#" anywhere: a heading drops a closing run of "#" (section 4.2).
_ANYWHERE: Final = re.compile(r"([\\`*_\[\]<>#])")
_ENTITY: Final = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)")
# What starts a block at the start of a line: "-", "+", "=", "~" and ">" (the others are escaped
# everywhere), and an ordered list marker: up to nine digits and "." or ")".
_LINE_START: Final = re.compile(r"^(?:([-+=~>])|([0-9]{1,9})([.)]))")
_INLINE_MARKERS: Final = {"em": "*", "strong": "**"}


def escape(text: str) -> str:
    """Escape plain *text* so that Markdown shows it as it is, on one or more lines."""
    return escape_line_starts(_escape_inline(text))


def escape_line_starts(markdown: str) -> str:
    """Escape what would start a block at the start of each line of *markdown*."""
    return "\n".join(_LINE_START.sub(_escape_marker, line.strip()) for line in markdown.split("\n"))


def _escape_marker(match: re.Match[str]) -> str:
    marker, digits, delimiter = match.groups()
    return f"\\{marker}" if marker else f"{digits}\\{delimiter}"


def link_destination(url: str) -> str:
    """*url* as a link destination in angle brackets, which may hold spaces and parentheses."""
    return "<" + re.sub(r"([\\<>&])", r"\\\1", url) + ">"


def link_title(text: str) -> str:
    """*text* as a link title in double quotes."""
    return '"' + re.sub(r'([\\"&])', r"\\\1", text) + '"'


def inline_markdown(markup: str) -> str:
    """Canonical inline markup as Markdown; a line break is a newline, to be joined by the caller.

    Emphasis, strong emphasis, code and links become their Markdown; subscript and superscript,
    which CommonMark has no markup for, their text.
    """
    element = inline_to_element(markup, "p")
    return escape_line_starts("".join(_children(element)))


def _children(element: etree._Element, within: frozenset[str] = frozenset()) -> list[str]:
    """The Markdown of *element*'s content, inside the emphasis kinds *within*.

    Code elements with nothing between them are one code span: two spans side by side would
    run their backticks together ("`a``b`" is one span holding "a``b").
    """
    pieces = [_escape_inline(element.text or "")]
    code: list[str] = []  # the texts of a run of code elements side by side
    for child in element:
        if child.tag == "code":
            code.append("".join(str(text) for text in child.itertext()))
            if child.tail:  # text after it ends the run
                pieces += [code_span("".join(code)), _escape_inline(child.tail)]
                code = []
            continue
        if code:
            pieces.append(code_span("".join(code)))
            code = []
        pieces += [_element(child, within), _escape_inline(child.tail or "")]
    if code:
        pieces.append(code_span("".join(code)))
    return pieces


def _escape_inline(text: str) -> str:
    """Escape what would start inline markup in *text*, wherever it stands."""
    return _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\1", text))


def _element(element: etree._Element, within: frozenset[str]) -> str:
    """The Markdown of one inline element, inside the emphasis kinds *within*.

    Emphasis inside emphasis of the same kind is written once: ``*`` around ``*x*`` reads as
    strong emphasis (``**x**``), and a browser shows the two the same anyway.
    """
    tag = str(element.tag)
    if tag == "br":
        return "\n"
    marker = _INLINE_MARKERS.get(tag)
    inner = "".join(_children(element, within | {tag} if marker else within))
    if tag == "a":
        href = element.get("href", "")
        return f"[{inner}]({link_destination(href)})" if is_safe_link(href) else inner
    if marker is None or tag in within or not inner.strip():
        return inner
    return _delimit(inner, marker)


def _delimit(inner: str, marker: str) -> str:
    """Wrap *inner* in *marker*, the spaces at its ends moved outside.

    CommonMark section 6.2: a delimiter next to white space does not open or close emphasis, and
    one alone on a line is a list item. Every character Python takes for white space goes out
    (line and paragraph separators too): lines are stripped so, and a delimiter left at the
    start of a line, before a space, would open a list item.
    """
    stripped = inner.strip()
    start = inner.index(stripped)
    return f"{inner[:start]}{marker}{stripped}{marker}{inner[start + len(stripped) :]}"


def code_span(text: str) -> str:
    """*text* as a code span, whose content is literal (CommonMark section 6.1).

    Fenced by more backticks than its longest run of them, padded when it starts or ends with one.
    """
    text = text.replace("\n", " ")
    if not text:
        return ""  # nothing to show: an empty span ("``") would open a longer fence
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"
