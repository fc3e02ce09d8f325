"""The deviations of real NewsML-G2 producers, accepted and reported as repairs.

Nordic agencies write date-times without a time zone (which XML Schema allows, but which name
no instant); wire items often carry a slugline or a description and no headline; Reuters,
ANSA and TT name creators by a ``literal`` or a ``qcode`` alone, or by nothing; ANSA sends
HTML as ``text/plain``; every producer sends elements the model has no field for. Each repair
is reported through `Repairs`, so strict reading refuses it.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Final
from urllib.parse import unquote

from lxml import etree

from articlekit._reading import zone_name
from articlekit._repairs import Repairs
from articlekit._text import fold_space
from articlekit._xml import source_line, text_pieces
from articlekit.errors import UnsupportedError, ValidationError

__all__ = ["Reading", "creator_name", "moment", "report_not_read"]


class Reading:
    """How one NewsML-G2 document is read: its repairs and the zone of naive times."""

    __slots__ = ("_said", "repairs", "skipped", "zone")

    def __init__(self, repairs: Repairs, zone: tzinfo = timezone.utc) -> None:
        self.repairs = repairs
        self.zone = zone
        self.skipped: list[UnsupportedError] = []
        """Why each item skipped as not an article was skipped, in document order."""
        self._said: set[str] = set()  # the repairs reported once for the item being read

    def report(self, repair: str, element: etree._Element) -> None:
        """Report *repair*, made at *element*, naming it and its line."""
        self.repairs.report(repair, where=f"<{local_name(element)}>", line=source_line(element))

    def report_once(self, repair: str, element: etree._Element) -> None:
        """Report *repair* at its first *element* in the item: a body may repeat it often."""
        if repair not in self._said:
            self._said.add(repair)
            self.report(repair, element)

    def next_item(self) -> None:
        """Begin a new item: what it repairs is reported again."""
        self._said.clear()


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace; empty for a comment or processing instruction."""
    tag: object = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def moment(element: etree._Element, text: str, reading: Reading) -> datetime:
    """The xs:dateTime (or xs:date) *text* of *element*, in the reading's zone if it has none.

    A date-time without a zone is reported.

    Raises:
        ValidationError: *text* is not a date and time.
    """
    value = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"<{local_name(element)}> (line {element.sourceline}): {text!r} is not a date and time"
        ) from None
    if parsed.tzinfo is not None:
        return parsed
    reading.report(f"no time zone: read as {zone_name(reading.zone)}", element)
    return parsed.replace(tzinfo=reading.zone)


def creator_name(element: etree._Element, name: str | None, reading: Reading) -> str | None:
    """The name of a creator or contributor: its *name*, its ``literal``, or its QCode's code.

    A name taken from the QCode is reported; None (nothing names the person) is for the
    caller to report, as it drops the element.
    """
    if name is not None:
        return name
    literal = fold_space(element.get("literal") or "")
    if literal:
        return literal
    qcode = (element.get("qcode") or "").strip()
    code = unquote(qcode.partition(":")[2] or qcode).strip()
    if code:
        reading.report(f"no name: the qcode {qcode!r} is read as the name", element)
        return code
    return None


# The children of each part of an item that the reader takes into the model, by local name.
_READ_IN_ITEM_META: Final = frozenset(
    {"itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus",
     "edNote", "link"}
)  # fmt: skip
_READ_IN_CONTENT_META: Final = frozenset(
    {"headline", "description", "keyword", "subject", "genre", "creator", "contributor",
     "slugline", "dateline", "located", "language", "contentCreated", "urgency"}
)  # fmt: skip
READ_ELEMENTS: Final = {
    "itemMeta": _READ_IN_ITEM_META,
    "contentMeta": _READ_IN_CONTENT_META,
    "rightsInfo": frozenset({"copyrightHolder", "copyrightNotice", "usageTerms"}),
}


def report_not_read(
    parts: dict[str, dict[str, etree._Element]], reading: Reading, *, used: frozenset[str]
) -> None:
    """Report, in one repair, the elements of *parts* that say something the model cannot hold.

    *parts* holds, for each part of the item (`READ_ELEMENTS` names them), its first child of
    each name. An element says something when it has text or an attribute; empty ones are not
    reported. *used* names the other elements read for this item (an itemMeta ``title`` that
    gave the headline).
    """
    unread: list[str] = []
    for part, children in parts.items():
        read = READ_ELEMENTS[part]
        if children.keys() <= read:
            continue  # every part of articlekit's own documents: one set comparison
        for key, first in children.items():  # in document order
            if key in read or key in used:
                continue  # every one, in articlekit's own documents
            parent = first.getparent()
            named = [first] if parent is None else parent.iterchildren(first.tag)
            name = local_name(first)
            if any(_says_something(child) for child in named) and name not in unread:
                unread.append(name)
    if unread:
        names = ", ".join(f"<{name}>" for name in unread)
        reading.repairs.report(f"not read (the model has no field for them): {names}", where="item")


def _says_something(element: etree._Element) -> bool:
    return bool(element.attrib) or bool(fold_space("".join(text_pieces(element))))
