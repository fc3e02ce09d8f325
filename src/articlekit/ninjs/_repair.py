"""The deviations of real ninjs producers, accepted and reported as repairs.

Superdesk writes ninjs 1.x with ``guid`` and no ``uri``, and date-times with a ``+0000``
offset; AP's Media API writes ``version`` as an integer and ``usageterms`` as an array; feeds
such as the BBC's write date-times without a time zone. Each repair is reported through
`Repairs`, so strict reading refuses it.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, tzinfo
from typing import Any, Final

from articlekit._convert import parse_datetime
from articlekit._repairs import Repairs
from articlekit._validate import URGENCY_LEAST, URGENCY_MOST
from articlekit.errors import ValidationError
from articlekit.ninjs._names import CAMEL

__all__ = [
    "Reading",
    "identifier_member",
    "read_urgency",
    "repair_identity",
    "repaired_moment",
]

# The members producers name the item's identifier by when they write no ``uri``: Superdesk's
# ninjs 1.x ``guid``, its content API's ``_id``, and ``id``.
_IDENTIFIERS: Final = ("guid", "_id", "id")
_DERIVED_URI: Final = "urn:articlekit:ninjs-item:"
# A date-time whose UTC offset lacks the colon RFC 3339 asks for (``+0000``), or has none.
_NO_COLON: Final = re.compile(r"(.*[0-9])([+-][0-9]{2})([0-9]{2})")
_NAIVE: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
)


class Reading:
    """How one ninjs item is read: its repairs, the zone of naive times, its names' case."""

    __slots__ = ("camel", "repairs", "zone")

    def __init__(self, repairs: Repairs, zone: tzinfo, *, camel: bool = False) -> None:
        self.repairs = repairs
        self.zone = zone
        self.camel = camel

    def name(self, key: str) -> str:
        """The member *key* as the document names it."""
        return CAMEL.get(key, key) if self.camel else key


def repair_identity(doc: dict[str, Any], reading: Reading) -> dict[str, Any]:
    """Give *doc* a ``uri`` and a string ``version`` when the producer wrote neither so."""
    for repair in (_repair_uri, _repair_version, _repair_usage_terms):
        doc = repair(doc, reading)
    return doc


def identifier_member(doc: dict[str, Any]) -> str | None:
    """The member an item without ``uri`` names its identifier by, if it has one."""
    for key in _IDENTIFIERS:
        value = doc.get(key)
        if (type(value) is str and value.strip()) or type(value) is int:
            return key
    return None


def _repair_uri(doc: dict[str, Any], reading: Reading) -> dict[str, Any]:
    if doc.get("uri") is not None:
        return doc
    key = identifier_member(doc)
    if key is not None:
        reading.repairs.report(f"no uri: the item's {key} is read as its uri", where=key)
        return {**doc, "uri": str(doc[key])}
    digest = hashlib.sha256(
        json.dumps(doc, sort_keys=True, ensure_ascii=False, default=str).encode(
            "utf-8",
            "surrogatepass",  # a lone surrogate is refused later, with its path
        )
    ).hexdigest()[:32]
    reading.repairs.report(
        "uri missing, and no guid or id: a uri derived from the item's content", where="uri"
    )
    return {**doc, "uri": _DERIVED_URI + digest}


def _repair_version(doc: dict[str, Any], reading: Reading) -> dict[str, Any]:
    version = doc.get("version")
    if type(version) is not int:
        return doc
    # AP's Media API: an integer, where ninjs has a string
    reading.repairs.report("an integer where ninjs has a string: read as text", where="version")
    return {**doc, "version": str(version)}


def _repair_usage_terms(doc: dict[str, Any], reading: Reading) -> dict[str, Any]:
    terms = doc.get("usageterms")
    if type(terms) is not list or not all(type(term) is str for term in terms):
        return doc
    # AP's Media API: an array of statements, where ninjs has one string
    reading.repairs.report(
        "an array where ninjs has a string: its entries joined",
        where=reading.name("usageterms"),
    )
    return {**doc, "usageterms": " ".join(term.strip() for term in terms if term.strip()) or None}


def repaired_moment(value: str, key: str, reading: Reading) -> datetime | None:
    """Read a date-time RFC 3339 refuses, if it is a common deviation; None if not one."""
    where = reading.name(key)
    match = _NO_COLON.fullmatch(value)
    if match is not None and _NAIVE.fullmatch(match.group(1)):
        try:
            moment = parse_datetime(f"{match.group(1)}{match.group(2)}:{match.group(3)}")
        except ValidationError:
            return None
        offset = f"{match.group(2)}:{match.group(3)}"
        reading.repairs.report(f"a UTC offset without its colon: read as {offset}", where=where)
        return moment
    if _NAIVE.fullmatch(value):
        try:
            naive = parse_datetime(value + "Z").replace(tzinfo=None)
        except ValidationError:
            return None
        zone = reading.zone
        name = getattr(zone, "key", None) or str(zone)
        reading.repairs.report(f"no time zone: read as {name}", where=where)
        return naive.replace(tzinfo=zone)
    return None


def read_urgency(value: Any, reading: Reading) -> int | None:
    """The item's ``urgency``, or None: a value that is not an integer of 1-9 is dropped.

    ninjs 1.x and 2.x type it "number", so ``3.0`` is read as 3; a string, a fraction or a
    value outside 1-9 (a producer's own scale) is reported as a repair and not read.
    """
    if value is None:
        return None
    if type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is int and URGENCY_MOST <= value <= URGENCY_LEAST:
        return value
    reading.repairs.report(
        f"{_shown(value)} is not an urgency of {URGENCY_MOST} to {URGENCY_LEAST}: not read",
        where=reading.name("urgency"),
    )
    return None


def _shown(value: Any) -> str:
    """A short view of a JSON value for a message: a scalar itself, cut; else its kind."""
    if type(value) is str:
        return repr(value[:20]) + ("..." if len(value) > 20 else "")
    if type(value) in (int, float) and len(str(value)) <= 20:  # JSON ints have < 4300 digits
        return repr(value)
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "an array"}
    return kinds.get(type(value), "an object")
