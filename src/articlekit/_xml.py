"""The hardened lxml parsers and helpers shared by the XML and HTML formats.

Input from outside is hostile: parsing never resolves entities, never loads a DTD or anything
from the network, and never follows XInclude. A DOCTYPE is read only as far as `_doctype`
allows: one naming an external DTD (not loaded), with at most external parameter entities,
their references and comments in its internal subset; any other internal subset (the vehicle
of "billion laughs" entity expansion) is refused. The entities such a DTD would have defined
stay undefined: HTML5 character references are read as their characters, reported as repairs;
others are refused. Every failure becomes a `ParseError` with the line and column where
libxml2 saw it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import IO, Any, Final

from lxml import etree

from articlekit._doctype import PROLOG_LIMIT, UndefinedEntities, check_parsed, check_prolog
from articlekit._repairs import Repairs
from articlekit._text import check_xml_safe
from articlekit.errors import ParseError

MAX_BYTES: Final = 64 * 1024 * 1024
"""The largest document the readers take, in bytes (a newsMessage of thousands of items fits)."""

MAX_DEPTH: Final = 128
"""The deepest element nesting the readers take; real news stays under 30 (libxml2 stops at 256)."""

MAX_INLINE_DEPTH: Final = 100
"""The deepest inline markup the model takes: `MAX_DEPTH` less room for the writers' wrappers.

Each document articlekit writes puts body markup inside elements of its own, 9 levels at most
(a NewsML-G2 newsMessage: newsMessage, itemSet, newsItem, contentSet, inlineXML, html, body,
blockquote, p); the readers count those levels too, so a model limit of `MAX_DEPTH` would let
an article be written that no reader takes back. 100 leaves room for a few more.
"""


_POSITION_SUFFIX: Final = re.compile(r", line \d+, column \d+$")


# What makes a parse of untrusted XML safe: no entity expanded, nothing loaded from a DTD or
# the network, libxml2's own size and depth limits kept.
_HARDENED: Final[dict[str, Any]] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
}


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(**_HARDENED, remove_comments=False, remove_pis=False)


def parse_xml(data: str | bytes, *, repairs: Repairs | None = None) -> etree._Element:
    """Parse untrusted XML into its root element.

    Args:
        data: The document.
        repairs: Where to report an undefined HTML5 entity read as its characters; None to
            read it unreported.

    Raises:
        ParseError: The document is not well-formed, too large or too deep, declares a
            DOCTYPE that could define entities, or uses an entity no HTML5 name defines.
        ValidationError: *repairs* is strict and an entity needed reading.
    """
    if isinstance(data, str):
        data = encode_xml(data)
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(data) > MAX_BYTES:
        raise ParseError(f"document too large: {len(data)} bytes, the limit is {MAX_BYTES}")
    data = bytes(data)
    accepted = check_prolog(data)
    parser = _xml_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise _parse_error(error) from None
    if check_parsed(root.getroottree().docinfo, accepted=accepted):
        entities = UndefinedEntities(repairs)
        entities.replace_below(root)
        entities.check_log(parser.error_log)
    check_depth(root)
    return root


def encode_xml(text: str) -> bytes:
    """Encode XML text as UTF-8 bytes: lxml refuses str with an encoding declaration."""
    return text.encode("utf-8") if not text.lstrip().startswith("<?xml") else _reencode(text)


def _reencode(text: str) -> bytes:
    """Encode XML text as UTF-8 and make its declaration say so."""
    end = text.find("?>")
    return ('<?xml version="1.0" encoding="UTF-8"?>' + text[end + 2 :]).encode("utf-8")


# The elements one level deeper than allowed, the root being at level 1: found in C.
_TOO_DEEP: Final = etree.XPath("/".join(["self::*"] + ["*"] * MAX_DEPTH))


def text_pieces(element: etree._Element) -> Iterator[str]:
    """The text of *element* and its descendants, in document order, as `str`.

    lxml's stubs type `itertext` loosely (`str | bytes`); it gives `str` for parsed documents.
    """
    for piece in element.itertext():
        yield piece if isinstance(piece, str) else piece.decode()


def first_too_deep(root: etree._Element) -> etree._Element | None:
    """The first element nested deeper than `MAX_DEPTH` below *root* (level 1), or ``None``."""
    too_deep: Any = _TOO_DEEP(root)
    return too_deep[0] if too_deep else None


def source_line(element: etree._Element) -> int | None:
    """The line of the source where *element* starts, where libxml2 knows it."""
    line: object = element.sourceline  # lxml-stubs give it no usable type
    return line if isinstance(line, int) else None


def check_depth(root: etree._Element) -> None:
    """Raise `ParseError` if elements nest deeper than `MAX_DEPTH`."""
    too_deep = first_too_deep(root)
    if too_deep is not None:
        raise ParseError(
            f"elements nest deeper than {MAX_DEPTH} levels", line=source_line(too_deep)
        )


def iterparse_xml(source: IO[bytes], *, repairs: Repairs | None = None) -> XmlEvents:
    """Parse untrusted XML from a binary file as ``("start"|"end", element)`` events.

    The hardening of `parse_xml` applies (no entities, DTD, network; DOCTYPE checked the same
    way; nesting bounded by `MAX_DEPTH`), but not `MAX_BYTES` to the whole: the caller frees
    what it has read, so memory stays flat however long the document is, and bounds what it
    holds with `XmlEvents.bytes_read`. An element's undefined HTML5 entities are read as their
    characters by its "end" event.

    Args:
        source: The document, opened in binary mode.
        repairs: As for `parse_xml`.

    Raises:
        ParseError: As `parse_xml`, when the events reach the fault.
        ValidationError: As `parse_xml`.
    """
    return XmlEvents(source, repairs=repairs)


class XmlEvents(Iterator[tuple[str, etree._Element]]):
    """The events of `iterparse_xml`, and how far into its source the parser has read."""

    def __init__(self, source: IO[bytes], *, repairs: Repairs | None = None) -> None:
        self.bytes_read = 0
        """The bytes of the source read so far; the parser reads ahead of its events."""
        self._read_source = source.read  # nothing else: lxml would take a name as base URL
        self._head = b""  # the prolog, read first for its DOCTYPE, not yet given to the parser
        self._repairs = repairs
        self._events = self._parse()

    def read(self, size: int = -1) -> bytes:
        """Read from the source for the parser, counting."""
        if self._head:
            cut = len(self._head) if size < 0 else size
            data, self._head = self._head[:cut], self._head[cut:]
            return data
        data = self._read_source(size)
        self.bytes_read += len(data)
        return data

    def __next__(self) -> tuple[str, etree._Element]:
        return next(self._events)

    def _read_head(self) -> bytes:
        """Read the first `PROLOG_LIMIT` bytes (or all, if fewer), kept for the parser."""
        chunks: list[bytes] = []
        wanted = PROLOG_LIMIT
        while wanted > 0 and (chunk := self._read_source(wanted)):
            chunks.append(chunk)
            wanted -= len(chunk)
        self._head = b"".join(chunks)
        self.bytes_read += len(self._head)
        return self._head

    def _parse(self) -> Iterator[tuple[str, etree._Element]]:
        accepted = check_prolog(self._read_head())
        events = etree.iterparse(
            self, events=("start", "end"), **_HARDENED, remove_comments=True, remove_pis=True
        )
        depth = 0
        entities: UndefinedEntities | None = None
        try:
            for event, element in events:
                if event == "start":
                    depth += 1
                    if depth == 1 and check_parsed(
                        element.getroottree().docinfo, accepted=accepted
                    ):
                        entities = UndefinedEntities(self._repairs)
                    if depth > MAX_DEPTH:
                        raise ParseError(
                            f"elements nest deeper than {MAX_DEPTH} levels",
                            line=source_line(element),
                        )
                else:
                    depth -= 1
                    if entities is not None:
                        entities.replace_in(element)
                yield event, element
        except etree.XMLSyntaxError as error:
            raise _parse_error(error) from None
        if entities is not None:
            entities.check_log(events.error_log)


def _parse_error(error: etree.XMLSyntaxError) -> ParseError:
    """Our error for libxml2's, its position apart; its own nesting limit said as ours."""
    line, column = error.position if error.position else (None, None)
    message = _POSITION_SUFFIX.sub("", error.msg or "syntax error")
    if message.startswith("Excessive depth"):  # libxml2 stops at 256, beyond MAX_DEPTH
        return ParseError(f"elements nest deeper than {MAX_DEPTH} levels", line=line, column=column)
    return ParseError(f"not well-formed XML: {message}", line=line, column=column)


def remove_keeping_tail(
    element: etree._Element,
    *,
    separator: str = " ",
    repair: Callable[[str], str] | None = None,
) -> None:
    """Remove *element* from its parent; the text that follows it stays, after *separator*.

    lxml's ``remove`` takes an element's tail with it, which is the text after it. libxml2's
    HTML parser keeps some characters that lxml refuses to set again: *repair* makes the joined
    text safe (page extraction strips them); without it, such text raises.

    Raises:
        ValidationError: The text holds a character XML cannot carry and there is no *repair*.
    """
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        before = parent.text if previous is None else previous.tail
        text = f"{before or ''}{separator}{element.tail}"
        if repair is None:
            check_xml_safe(text)
        else:
            text = repair(text)
        if previous is None:
            parent.text = text
        else:
            previous.tail = text
    parent.remove(element)
