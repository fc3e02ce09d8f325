"""Who wrote a news page: the bylines it declares and the ones it prints."""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from articlekit.model import Byline
from articlekit.web._common import built_or_none, clean, element_text

_BY: Final = re.compile(r"^\s*(?:by|von|par|por|door|di)\s*[:\s]\s*", re.IGNORECASE)


# The separators alone: `clean` strips the white space around each name. A leading "\s*" would
# make each split scan a run of spaces once per space in it (quadratic).
_AND: Final = re.compile(r",|\band\b|&|\bund\b|\bet\b|\by\b", re.IGNORECASE)


def split_names(line: str) -> list[str]:
    """``"By Ann Lee and Bo Chan"`` -> ``["Ann Lee", "Bo Chan"]``."""
    text = _BY.sub("", line)
    return [name for name in (clean(p) for p in _AND.split(text)) if name]


def person_name(name: str) -> str | None:
    """A byline as one name: no "By", no ", AP Auto Writer" or ", Cleveland.com" after it."""
    text = _BY.sub("", name)
    text = text.split(",")[0].split("|")[0]
    return clean(text)


_BYLINE: Final = re.compile(r"byline|author", re.I)


def page_authors(
    root: etree._Element, h1: etree._Element | None, declared: list[str] | None
) -> list[str]:
    """The article's authors: the declared names, else the ones the page prints."""
    return declared or visible_authors(root)


def visible_authors(root: etree._Element) -> list[str]:
    """The names in ``rel=author`` links, else those in a "By ..." line classed as a byline."""
    return _author_links(root) or _byline_names(root)


def _author_links(root: etree._Element) -> list[str]:
    names: list[str] = []
    for link in root.iter("a"):
        if "author" in (link.get("rel") or "").split():
            name = element_text(link)
            if name and name not in names and len(name) < 80:
                names.append(name)
    return names


def _byline_names(root: etree._Element) -> list[str]:
    """The names of the first short "By ..." line in an element classed as a byline."""
    for element in root.iter():
        if _BYLINE.search(element.get("class") or "") and len(element) < 20:
            text = element_text(element)
            if text and len(text) < 120 and text.lower().startswith("by "):
                return split_names(text)
    return []


def bylines(authors: list[str] | None) -> list[Byline]:
    """A byline per person, once each, without "By" and the job title after the name."""
    names = dict.fromkeys(filter(None, map(person_name, authors or [])))
    bylines = (built_or_none(Byline, name=name) for name in names)
    return [byline for byline in bylines if byline]
