"""Who wrote a news page: the bylines it declares and the ones it prints.

Authors are a display field: where the page prints a byline of people's names, that line wins
over the declared ``author`` (often the site or the publisher, or one of two writers). The
printed byline is looked for beside the headline first (the ``<h1>``'s enclosing blocks up to
its ``<article>`` or ``<main>``), then anywhere on the page outside navigation, asides, footers
and comments. Declared names stay when the page prints no byline, or prints only a credit that
is not a person's name ("Staff", "Reuters"), or prints some of the declared people only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from articlekit.model import Byline
from articlekit.web._common import built_or_none, clean, names_of, tag_of

# "By", also after the verb some templates print before it ("Posted by", "Written by").
_BY: Final = re.compile(
    r"^\s*(?:(?:posted|written|words|story|text)\s+)?(?:by|von|par|por|door|di)\s*[:\s]\s*",
    re.IGNORECASE,
)


# The separators alone: `clean` strips the white space around each name. A leading "\s*" would
# make each split scan a run of spaces once per space in it (quadratic).
_AND: Final = re.compile(r",|\band\b|&|\bund\b|\bet\b|\by\b", re.IGNORECASE)


def split_names(line: str) -> list[str]:
    """``"By Ann Lee and Bo Chan"`` -> ``["Ann Lee", "Bo Chan"]``."""
    text = _BY.sub("", line)
    return [name for name in (clean(p) for p in _AND.split(text)) if name]


# What ends a name and begins the writer's job or paper: ", AP Auto Writer", " | Fox News",
# " - Staff Writer" (a dash between spaces: "Jean-Marc" keeps his).
_AFTER_NAME: Final = re.compile(r",|\||\s[-\u2013\u2014]\s")


def person_name(name: str) -> str | None:
    """A byline as one name: no "By", no ", AP Auto Writer" or ", Cleveland.com" after it."""
    return clean(_AFTER_NAME.split(_BY.sub("", name), maxsplit=1)[0])


# --- a printed line read as names -----------------------------------------------------------

# "and" in the languages `_BY` knows; a comma is no separator here (see `byline_names`).
_AND_WORD: Final = re.compile(r"\b(?:and|und|et|y)\b|&", re.IGNORECASE)

# Where a date or time printed on the byline's line begins: a digit, a weekday name (also glued
# to the name: "Jeff FoustMonday, November 18"), a month name before a day, or the word a CMS
# puts before a date. Names hold none of these.
_DATE_START: Final = re.compile(
    r"\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day[,\s]"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s\d"
    r"|\b(?:published|updated|posted)\b",
    re.IGNORECASE,
)

# What a template prints between a name and the next item on its line.
_TRAILING: Final = " -\u2013\u2014|,;:/\u00b7\u2022"


def byline_names(line: str) -> list[str]:
    """The names a printed byline lists, without "By", the date after them and the affiliation.

    In ``"By A, B and C, Associated Press"`` commas before the last "and" separate names and
    the comma after the last name introduces the writers' affiliation or job; with no "and",
    the first comma does (``"By Ann Lee, Staff Writer"``).

    >>> byline_names("By MEG KINNARD and ERRIN HAINES, Associated Press")
    ['MEG KINNARD', 'ERRIN HAINES']
    """
    *before_last, last = _AND_WORD.split(_before_date(_BY.sub("", line)))
    pieces = [name for piece in before_last for name in piece.split(",")] + [last]
    names = (clean((person_name(piece) or "").strip(_TRAILING)) for piece in pieces)
    return [name for name in names if name]


def _before_date(line: str) -> str:
    """*line* up to the date or time printed after the names."""
    date = _DATE_START.search(line)
    return line[: date.start()] if date else line


# --- what a person's name looks like --------------------------------------------------------

_NOT_IN_NAMES: Final = re.compile(r"[\d!?;:@/\\()\[\]{}<>=+*#%\"\u201c\u201d]")
_MOST_WORDS: Final = 5
_LONGEST_NAME: Final = 50


def is_person_name(name: str) -> bool:
    """Whether *name* reads as a person's: two to five words, capitalised, no digits or marks.

    "Ann Lee", "Troy L. Smith", "Abigail Van Buren", "MEG KINNARD" do; a one-word credit
    ("Staff", "Reuters", "AppleInsider") does not, nor a sentence or a handle.
    """
    words = name.split()
    return (
        2 <= len(words) <= _MOST_WORDS
        and len(name) <= _LONGEST_NAME
        and not _NOT_IN_NAMES.search(name)
        and all(word[0].isalpha() for word in words)
        and not words[0][0].islower()
        and not words[-1][0].islower()
    )


# --- the byline a page prints ---------------------------------------------------------------

# Class or id words of byline and author elements ("byline", "author-name", "by-author"), and
# of the parts of a byline that hold the writer's job, not a name ("byline-title", "author-role").
_BYLINE: Final = re.compile(r"byline|author", re.IGNORECASE)
_JOB_PART: Final = re.compile(r"title|role|job|position|affiliation", re.IGNORECASE)
# Parts of a byline's block that are not names: the date printed beside them.
_DATE_PART: Final = re.compile(r"date|time", re.IGNORECASE)
# A meta line of a post's header ("post-meta", "entry-meta", "article__meta").
_META_LINE: Final = re.compile(r"(?<![a-z])meta(?![a-z])", re.IGNORECASE)
# What separates the items of a meta line: "April 9, 2024 · 5 min · Nadia Ferreira".
_META_SEPARATOR: Final = re.compile(r"[|\u00b7\u2022]")
# Where a byline-classed element is not the article's: a photo's credit, the site's furniture.
_NOT_BYLINES: Final = frozenset(
    {"figure", "figcaption", "nav", "aside", "footer", "script", "style", "template"}
)
_HEADLINE_BLOCKS: Final = frozenset({"article", "main"})
_MOST_LEVELS: Final = 6  # the blocks around the headline that make its header
_MOST_CANDIDATES: Final = 50  # byline elements tried per scope: a bound on hostile pages
_LONGEST_LINE: Final = 200  # characters; a byline block holds a line of names and a date
_MOST_ELEMENTS: Final = 60  # in a byline block
_MOST_NAMES: Final = 8  # more is a list of links, not a byline


def page_authors(
    root: etree._Element, h1: etree._Element | None, declared: list[str] | None
) -> list[str]:
    """The article's authors: the printed byline when it names people, else the declared names.

    Declared names stay when the printed names are some of them only, or not people's names.
    """
    listed = declared_authors(declared or [])
    printed = printed_authors(root, h1)
    if not printed or not listed:
        return printed or listed
    if not all(map(is_person_name, printed)) or _some_of(printed, listed):
        return listed
    return printed


def declared_authors(declared: list[str]) -> list[str]:
    """The declared names, one person each: ``"ANN LEE and BO CHAN"`` is two."""
    return [name for entry in declared for name in _declared_people(entry)]


def _declared_people(entry: str) -> list[str]:
    """*entry* split at "and" when each part is a person's name (not "Johnson & Johnson")."""
    parts = [person_name(part) or "" for part in _AND_WORD.split(entry)]
    return parts if len(parts) > 1 and all(map(is_person_name, parts)) else [entry]


def _some_of(printed: list[str], listed: list[str]) -> bool:
    """Whether the printed names are fewer than the listed ones and each among them."""
    listed_folded = {name.casefold() for name in filter(None, map(person_name, listed))}
    printed_folded = {name.casefold() for name in printed}
    return printed_folded < listed_folded


def printed_authors(root: etree._Element, h1: etree._Element | None) -> list[str]:
    """The names of the byline printed beside the headline, else of the first one on the page."""
    searched: etree._Element | None = None
    for scope in _headline_scopes(h1):
        elements = list(_unsearched(scope, searched))
        names = _byline_in(elements) or _meta_line_name(elements)
        if names:
            return names
        searched = scope
    return _byline_in(root.iter())


def _headline_scopes(h1: etree._Element | None) -> Iterator[etree._Element]:
    """The blocks around the headline, innermost first, up to its ``<article>`` or ``<main>``."""
    if h1 is None:
        return
    for ancestor in islice(h1.iterancestors(), _MOST_LEVELS):
        if tag_of(ancestor) in ("body", "html"):
            return
        yield ancestor
        if tag_of(ancestor) in _HEADLINE_BLOCKS:
            return


def _unsearched(scope: etree._Element, searched: etree._Element | None) -> Iterator[etree._Element]:
    """*scope* and its descendants in document order, less the *searched* block inside it."""
    yield scope
    for child in scope:
        if child is not searched:
            yield from child.iter()


def _byline_in(elements: Iterable[etree._Element]) -> list[str]:
    """The names of the first byline element among *elements* that lists any."""
    candidates = (element for element in elements if _is_byline_part(element))
    for element in islice(candidates, _MOST_CANDIDATES):
        names = [] if _in_page_furniture(element) else _block_names(element)
        if names:
            return names
    return []


def _in_page_furniture(element: etree._Element) -> bool:
    """Whether *element* is a comment's, or inside a figure, navigation, an aside, a footer."""
    return "comment" in names_of(element).lower() or any(
        tag_of(ancestor) in _NOT_BYLINES for ancestor in element.iterancestors()
    )


def _is_byline_part(element: etree._Element) -> bool:
    attributes = element.attrib
    if not attributes:  # most elements have none: one look tells
        return False
    names = names_of(element)
    if _BYLINE.search(names) and not _JOB_PART.search(names):
        return True
    itemprop, rel = attributes.get("itemprop"), attributes.get("rel")
    return bool(
        (itemprop and "author" in itemprop.split()) or (rel and "author" in rel.lower().split())
    )


def _block_names(element: etree._Element) -> list[str]:
    """The names a byline block prints: in its author parts, its links, else its line."""
    if _line_text(element) is None:
        return []  # no line of names: an author box, a list of the writer's stories
    parts = _innermost_parts(element)
    names = [name for part in parts for name in _names_shown(part)] or _names_shown(element)
    names = list(dict.fromkeys(names))
    return names if 0 < len(names) <= _MOST_NAMES else []


def _innermost_parts(element: etree._Element) -> list[etree._Element]:
    """The byline parts inside *element* that hold no other ("li.author", not "ul.authors")."""
    parts = [e for e in element.iterdescendants() if _is_byline_part(e)]
    inner = set(parts)
    return [part for part in parts if not any(a in inner for a in part.iterdescendants())]


def _names_shown(element: etree._Element) -> list[str]:
    """People's names in the element's links, else the names of its line of text."""
    linked = [
        name
        for link in element.iter("a")
        if not _links_to_a_home_page(link)
        for name in byline_names(_line_text(link) or "")
        if is_person_name(name)
    ]
    if linked:
        return linked
    line = _line_text(element)
    if not line:
        return []
    names = byline_names(line)
    if _BY.match(line) and all(len(name.split()) <= _MOST_WORDS for name in names):
        return names  # "By Staff", "By Reuters": the page credits them as the writers
    return names if all(map(is_person_name, names)) else []


def _links_to_a_home_page(link: etree._Element) -> bool:
    """Whether *link* goes to a site's home page: it names the paper, not a writer."""
    try:
        return urlsplit(link.get("href") or "").path in ("", "/")
    except ValueError:  # not a web address: no home page either
        return False


def _line_text(element: etree._Element) -> str | None:
    """The element's text without the dates in it, as one line; None unless a short line."""
    nodes = list(islice(element.iter(), _MOST_ELEMENTS + 1))
    if len(nodes) > _MOST_ELEMENTS:
        return None
    skipped: set[etree._Element] = set()
    pieces = [element.text or ""]
    for node in nodes[1:]:
        if node.getparent() in skipped:
            skipped.add(node)
            continue
        if _is_date_part(node) or not isinstance(node.tag, str):
            skipped.add(node)
        else:
            pieces.append(node.text or "")
        pieces.append(node.tail or "")
    if sum(map(len, pieces)) > _LONGEST_LINE:
        return None
    return clean("".join(pieces))


def _is_date_part(element: etree._Element) -> bool:
    tag = tag_of(element)
    return tag in ("time", "script", "style") or bool(_DATE_PART.search(names_of(element)))


def _meta_line_name(elements: Iterable[etree._Element]) -> list[str]:
    """The one person's name among the items of a header's meta line beside a date.

    Themes print "April 9, 2024 · 5 min · Nadia Ferreira" with no "By" and no byline class.
    """
    meta_lines = (element for element in elements if _META_LINE.search(names_of(element)))
    for element in islice(meta_lines, _MOST_CANDIDATES):
        line = _line_text(element) or ""
        items = [clean(_BY.sub("", item)) or "" for item in _META_SEPARATOR.split(line)]
        names = [item for item in items if is_person_name(item)]
        if len(names) == 1 and any(_DATE_START.search(item) for item in items):
            return names
    return []


def bylines(authors: list[str] | None) -> list[Byline]:
    """A byline per person, once each, without "By" and the job title after the name."""
    names = dict.fromkeys(filter(None, map(person_name, authors or [])))
    bylines = (built_or_none(Byline, name=name) for name in names)
    return [byline for byline in bylines if byline]
