"""The DOCTYPEs the XML readers take, and the entities their unread DTDs would have defined.

Real NITF, NewsML 1.x and some NewsML-G2 files declare a DOCTYPE naming their DTD, and use
the entities it defines (``&nbsp;``, ``&eacute;``). articlekit never reads a DTD, so:

- `check_prolog` reads the DOCTYPE from the raw bytes before libxml2 does, and refuses it
  unless its internal subset holds only external parameter-entity declarations, references to
  parameter entities, comments and white space: nothing there can define an entity.
- `UndefinedEntities` replaces each reference libxml2 leaves undefined by the HTML5 named
  character reference of that name (the DTDs of news formats define the same names), reported
  as a repair; any other name is a `ParseError`.
"""

from __future__ import annotations

import codecs
import re
from html.entities import html5
from typing import Any, Final

from lxml import etree

from articlekit._repairs import Repairs
from articlekit.errors import ParseError

PROLOG_LIMIT: Final = 64 * 1024
"""How far into a document `check_prolog` looks for its DOCTYPE, in bytes."""

_ENTITY: Final[Any] = etree.Entity  # the tag of entity reference nodes

# The patterns are spelled out for the ReDoS check of tests/_redos.py, which reads literals.
# Their parts, as bytes of any ASCII-compatible encoding: XML's white space (S, [ \t\r\n]),
# a Name ([A-Za-z_:\x80-\xff][A-Za-z0-9_:.\x80-\xff-]*), an ExternalID (SYSTEM "literal" or
# PUBLIC "literal" "literal", in either quotes).
_SPACE: Final = re.compile(rb"[ \t\r\n]*")
# Most documents: the root element right after the XML declaration, no DOCTYPE; said fast. A PI
# this misreads for the declaration can only make a DOCTYPE after it unseen: then refused.
_ROOT_FIRST: Final = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml[^>]{0,300}>)?[ \t\r\n]*<[A-Za-z_:]")
# '<!DOCTYPE' S Name (S ExternalID)?, the part before the optional internal subset.
_DOCTYPE: Final = re.compile(
    rb"<!DOCTYPE[ \t\r\n]+[A-Za-z_:\x80-\xff][A-Za-z0-9_:.\x80-\xff-]*"
    rb"(?:[ \t\r\n]+(?:SYSTEM[ \t\r\n]+(?:\"[^\"]*\"|'[^']*')"
    rb"|PUBLIC[ \t\r\n]+(?:\"[^\"]*\"|'[^']*')[ \t\r\n]+(?:\"[^\"]*\"|'[^']*')))?"
)
# What the internal subset may hold (white space, a comment, an external parameter entity,
# a parameter-entity reference): each alternative starts differently, so no backtracking.
_ALLOWED_ITEM: Final = re.compile(
    rb"[ \t\r\n]+"
    rb"|<!--(?:[^-]|-[^-])*-->"
    rb"|<!ENTITY[ \t\r\n]+%[ \t\r\n]+[A-Za-z_:\x80-\xff][A-Za-z0-9_:.\x80-\xff-]*[ \t\r\n]+"
    rb"(?:SYSTEM[ \t\r\n]+(?:\"[^\"]*\"|'[^']*')"
    rb"|PUBLIC[ \t\r\n]+(?:\"[^\"]*\"|'[^']*')[ \t\r\n]+(?:\"[^\"]*\"|'[^']*'))[ \t\r\n]*>"
    rb"|%[A-Za-z_:\x80-\xff][A-Za-z0-9_:.\x80-\xff-]*;"
)

# What else an internal subset can hold, longest prefix first, said for the refusal.
_REFUSED_ITEMS: Final = (
    (b"<!ENTITY%", "a parameter entity declaration that is not external"),
    (b"<!ENTITY", "a general entity declaration"),
    (b"<!ELEMENT", "an element type declaration"),
    (b"<!ATTLIST", "an attribute-list declaration"),
    (b"<!NOTATION", "a notation declaration"),
    (b"<![", "a conditional section"),
    (b"<?", "a processing instruction"),
)

# The markup a prolog holds before its DOCTYPE: processing instructions and comments.
_PROLOG_MISC: Final = ((b"<?", b"?>"), (b"<!--", b"-->"))


def check_prolog(head: bytes) -> bool:
    """Whether the prolog in *head*, a document's first bytes, declares a DOCTYPE we read.

    False when there is none, or none this check can see (beyond `PROLOG_LIMIT`, or in an
    encoding that is not ASCII-compatible): a DOCTYPE libxml2 then finds stays refused by
    `check_parsed`. Only the prolog is scanned, so a document without DOCTYPE costs a few
    comparisons.

    Raises:
        ParseError: The DOCTYPE's internal subset holds what could define an entity.
    """
    if _ROOT_FIRST.match(head):
        return False
    start = _doctype_start(head)
    if start is None:
        return False
    declared = _DOCTYPE.match(head, start, PROLOG_LIMIT)
    if declared is None:
        return False
    end = _skip_space(head, declared.end())
    if head[end : end + 1] == b"[":
        end = _skip_space(head, _skip_internal_subset(head, end + 1) + 1)
    return head[end : end + 1] == b">"


def _skip_space(head: bytes, position: int) -> int:
    """The position of the first byte at or after *position* that is not XML white space."""
    space = _SPACE.match(head, position, PROLOG_LIMIT)
    return position if space is None else space.end()


def _doctype_start(head: bytes) -> int | None:
    """Where the DOCTYPE starts in *head*, past the BOM, declaration, comments and PIs, or None."""
    position = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    while position >= 0:
        position = _skip_space(head, position)
        if head.startswith(b"<!DOCTYPE", position, PROLOG_LIMIT):
            return position
        position = _after_misc(head, position)
    return None


def _after_misc(head: bytes, position: int) -> int:
    """The end of the comment or PI at *position*, or -1 if there is none (or it never ends)."""
    for opening, closing in _PROLOG_MISC:
        if head.startswith(opening, position, PROLOG_LIMIT):
            end = head.find(closing, position + len(opening), PROLOG_LIMIT)
            return end + len(closing) if end >= 0 else -1
    return -1


def _skip_internal_subset(head: bytes, position: int) -> int:
    """The position of the ``]`` that ends the internal subset starting at *position*.

    Raises:
        ParseError: The subset holds anything but what `_ALLOWED_ITEM` matches.
    """
    while (item := _ALLOWED_ITEM.match(head, position, PROLOG_LIMIT)) is not None:
        position = item.end()
    if head[position : position + 1] == b"]":
        return position
    found = _SPACE.sub(b"", head[position : position + 12])
    what = next((said for prefix, said in _REFUSED_ITEMS if found.startswith(prefix)), None)
    what = what or "markup articlekit cannot check"
    raise _refused(f"whose internal subset holds {what}", line=head.count(b"\n", 0, position) + 1)


def check_parsed(docinfo: etree.DocInfo, *, accepted: bool) -> bool:
    """Whether the parsed document declares a DOCTYPE, which *accepted* says `check_prolog` took.

    libxml2's reading of the internal subset is checked again: an encoding that shifts state
    (ISO-2022) could show it bytes `check_prolog` read otherwise.

    Raises:
        ParseError: The DOCTYPE was not accepted, or declares an element or an entity value.
    """
    info: Any = docinfo  # lxml-stubs lack DocInfo.doctype and DTD.iterentities
    dtd = info.internalDTD
    if dtd is None and not info.doctype:
        return False
    if not accepted:
        where = f"in an ASCII-compatible encoding within the first {PROLOG_LIMIT // 1024} KiB"
        raise _refused(f"articlekit cannot check (it reads one {where})", line=1)
    if dtd is not None and (
        any(entity.content is not None for entity in dtd.iterentities()) or dtd.elements()
    ):
        raise _refused("whose internal subset declares an entity value or an element", line=1)
    return True


def _refused(what: str, *, line: int | None) -> ParseError:
    return ParseError(
        f"the document declares a DOCTYPE {what}; articlekit does not read DTDs or their "
        "entities, and takes only external parameter entities, their references and comments "
        "in an internal subset",
        line=line,
    )


class UndefinedEntities:
    """Reads the entity references libxml2 left undefined in a document whose DTD is not read.

    libxml2 keeps a reference to an undefined entity in text as a node of its own, but drops
    one in an attribute value, saying so only in its error log (of 100 entries): `check_log`
    finds those by the references it logged that no node holds.

    Args:
        repairs: Where to report each name read, once per document; None to not report.
    """

    __slots__ = ("_read", "_repairs", "_reported")

    def __init__(self, repairs: Repairs | None) -> None:
        self._repairs = repairs
        self._reported: set[str] = set()
        self._read: list[tuple[int | None, str]] = []  # the first _LOG_SIZE, to match the log

    def replace_below(self, root: etree._Element) -> None:
        """Replace each undefined entity reference in the tree of *root*."""
        for parent in dict.fromkeys(entity.getparent() for entity in root.iter(_ENTITY)):
            if parent is not None:
                self.replace_in(parent)

    def replace_in(self, element: etree._Element) -> None:
        """Replace each undefined entity reference among the children of *element*.

        One pass over the children: text joined once per run, however many references.
        """
        if next(element.iterchildren(_ENTITY), None) is None:
            return
        pieces = [element.text or ""]
        holder: etree._Element | None = None  # None: the text goes to element.text
        for child in list(element):
            if child.tag is _ENTITY:
                pieces += (self._characters(child), child.tail or "")
                element.remove(child)
                continue
            _set_text(element, holder, "".join(pieces))
            holder, pieces = child, [child.tail or ""]
        _set_text(element, holder, "".join(pieces))

    def check_log(self, log: Any) -> None:
        """Refuse what libxml2 logged as undefined that no node held: it dropped it.

        Raises:
            ParseError: A name that is no HTML5 character reference, or one in an attribute.
        """
        logged = [
            (entry.line, _logged_name(entry.message))
            for entry in log
            if entry.type_name == "WAR_UNDECLARED_ENTITY"
        ]
        for line, name in logged:
            if name + ";" not in html5:
                raise _undefined(name, line)
        if len(log) >= _LOG_SIZE:
            return  # the log stopped at its 100th entry: what follows cannot be matched
        unread = list(logged)
        for read in self._read:
            if read in unread:
                unread.remove(read)
        if unread:
            line, name = unread[0]
            raise ParseError(
                f"undefined entity &{name}; in an attribute value: its DTD is not read, "
                "and the value cannot be read without it",
                line=line,
            )

    def _characters(self, entity: etree._Element) -> str:
        """The characters *entity* stands for, reported; or ParseError naming it."""
        name = (entity.text or "&;")[1:-1]
        sourceline: object = entity.sourceline  # lxml-stubs give it no usable type
        line = sourceline if isinstance(sourceline, int) else None
        characters = html5.get(name + ";")
        if characters is None:
            raise _undefined(name, line)
        if len(self._read) < _LOG_SIZE:
            self._read.append((line, name))
        if self._repairs is not None and name not in self._reported:
            self._reported.add(name)
            code_points = " ".join(f"U+{ord(character):04X}" for character in characters)
            self._repairs.report(
                f"undefined entity &{name}; (its DTD is not read): read as {code_points}",
                where=f"&{name};",
                line=line,
            )
        return characters


_LOG_SIZE: Final = 100  # lxml keeps the first 100 entries of a parser's error log


def _logged_name(message: str) -> str:
    """The entity name in libxml2's "Entity 'nbsp' not defined"."""
    return message.split("'")[1] if message.count("'") >= 2 else message


def _undefined(name: str, line: int | None) -> ParseError:
    return ParseError(
        f"undefined entity &{name};: its DTD is not read, and it is no HTML5 character reference",
        line=line,
    )


def _set_text(element: etree._Element, holder: etree._Element | None, text: str) -> None:
    """Set the text after *holder*, a child of *element*, or *element*'s own text if None."""
    if holder is None:
        element.text = text or None
    else:
        holder.tail = text or None
