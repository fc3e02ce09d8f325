"""HTML5 serialisation of the trees the HTML writer builds, attribute values kept as they are.

libxml2's HTML serialiser percent-escapes spaces and non-ASCII characters in ``href``, ``src``
and ``action`` values (HTML 4.01 appendix B.2.1), so that ``https://example.org/café`` reads
back as ``https://example.org/caf%C3%A9``: the same address to a browser, but not the same
string, and a ``%20`` written for a space cannot be told from a ``%20`` in the URL itself.
HTML5 (WHATWG HTML 13.3, "Serializing HTML fragments") writes every attribute value as it is,
escaping only what ends it; a browser percent-encodes the URL itself when it follows it.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

__all__ = ["serialise"]

# Elements without an end tag or content (WHATWG HTML 13.1.2).
_VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
# Elements whose text is not parsed for markup (raw text elements, WHATWG HTML 13.1.2): the
# writer makes sure their text cannot end them.
_RAW_TEXT: Final = frozenset({"script", "style"})


def _escape_text(text: str) -> str:
    # A raw CR would read back as LF (input stream preprocessing), so it is a reference too.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _escape_attribute(value: str) -> str:
    # "<" and ">" need no escape in a quoted value, but old tools stumble on them.
    value = _escape_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    return value


def serialise(root: etree._Element) -> str:
    """Serialise *root*, a tree of HTML elements without namespaces, comments or PIs.

    Attribute values, URLs included, are written as they are, with ``&``, ``"``, ``<``, ``>``
    and CR as character references; the text of ``script`` and ``style`` is written raw (the
    writer makes sure it cannot end them); a void element's content is not written.
    """
    out: list[str] = []
    write = out.append
    void_depth = 0  # inside a void element, whose content has no place in HTML
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if void_depth:
                void_depth += 1
                continue
            attributes = element.items()
            if attributes:
                escaped = [f' {name}="{_escape_attribute(value)}"' for name, value in attributes]
                write(f"<{tag}{''.join(escaped)}>")
            else:
                write(f"<{tag}>")
            if tag in _VOID:
                void_depth = 1
            elif element.text:
                write(element.text if tag in _RAW_TEXT else _escape_text(element.text))
            continue
        if void_depth > 1:
            void_depth -= 1
            continue
        if void_depth:
            void_depth = 0
        else:
            write(f"</{tag}>")
        if element.tail and element is not root:
            write(_escape_text(element.tail))
    return "".join(out)
