"""Small helpers the parts of the web reader share: element names, first values, safe building."""

from __future__ import annotations

import html
import re
from typing import Any, Final

from lxml import etree

from articlekit._text import FORBIDDEN_CHARACTER
from articlekit.errors import ValidationError


def tag_of(element: etree._Element | None) -> str:
    """The element's tag in lower case; "" for none, a comment or a processing instruction."""
    tag = None if element is None else element.tag
    return tag.lower() if isinstance(tag, str) else ""


def names_of(element: etree._Element) -> str:
    """The element's class and id, the words templates name their parts with."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


# A lower-case letter or digit followed by a capital: where camelCase names join two words.
_CAMEL_JOIN: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def class_words(element: etree._Element) -> str:
    """The element's class and id with camelCase words apart: "articleDek" -> "article-Dek"."""
    return _CAMEL_JOIN.sub("-", names_of(element))


def pick(*values: Any) -> Any:
    """The first value that is not empty, else None."""
    for value in values:
        if value:
            return value
    return None


def built_or_none(factory: Any, **fields: Any) -> Any:
    """*factory* called with *fields*, or None when the model refuses them."""
    try:
        return factory(**fields)
    except (ValidationError, TypeError):
        return None


_SPACE: Final = re.compile(r"\s+")


def strip_forbidden(text: str) -> str:
    """*text* without the characters the model refuses (`articlekit._text.FORBIDDEN_CHARACTER`).

    Pages hold them (libxml2's HTML parser keeps control characters, ``&#1;`` and ``&#xfffe;``
    among them); a lenient reader drops the characters, not the text around them.
    """
    return text if text.isprintable() else FORBIDDEN_CHARACTER.sub("", text)


def clean(value: object) -> str | None:
    """One-line text without forbidden characters, runs of white space folded, or ``None``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", strip_forbidden(value)).strip()
    return text or None


def clean_json(value: object) -> str | None:
    """One-line text from JSON-LD, where CMSs often leave HTML entities (``&#8220;``) escaped."""
    if isinstance(value, str) and "&" in value:
        value = html.unescape(value)
    return clean(value)


def raw_text(element: etree._Element) -> str:
    """The element's text content as it is."""
    return "".join(str(piece) for piece in element.itertext())


def element_text(element: etree._Element) -> str | None:
    """The element's text content as one line."""
    return clean(raw_text(element))


def text_outside(element: etree._Element, skipped: set[etree._Element]) -> str:
    """The element's text in document order without the *skipped* elements'; their tails stay."""
    pieces: list[str] = []
    # Start and end events: an element's tail follows the text of its children. Comments and
    # processing instructions come as one event each, their text left out and their tail kept.
    walk = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walk:
        if event == "start":
            if node in skipped:
                walk.skip_subtree()  # its end event still comes, with the tail
            else:
                pieces.append(node.text or "")
        elif node is not element:  # the element's own tail is not in it
            pieces.append(node.tail or "")
    return "".join(pieces)
