"""The headline a news page shows, and the element that shows it.

What a reader sees wins: the page's ``<h1>`` (when it reads as the article's headline, not the
site's logo or a section's title) decides the headline; the declared one (JSON-LD, microdata),
``og:title`` and ``<title>`` come after it, in that order.
"""

from __future__ import annotations

import re
from typing import Any, Final, NamedTuple

from lxml import etree

from articlekit.web._common import element_text, pick, text_outside

_MAX_HEADLINE: Final = 300  # characters: longer "headlines" are broken markup around the text
# A link to a site's front page, absolute: "https://example.org/", "//example.org".
_FRONT_PAGE: Final = re.compile(r"(?:https?:)?//[^/?#\s]+/?")
# The separators pages put between a headline and the site's name in og:title.
_SITE_NAME_SEPARATORS: Final = "|-\u2013\u2014:"


def _without_site_name(title: str, site: str) -> str:
    """*title* without a closing separator and the site's name ("Headline | Site")."""
    # String methods, not a pattern built from the site's name: a page controls both texts.
    head = title.rstrip()
    if not head.endswith(site):
        return title
    head = head[: len(head) - len(site)].rstrip()
    if not head or head[-1] not in _SITE_NAME_SEPARATORS:
        return title
    return head[:-1].rstrip() or title


class Declared(NamedTuple):
    """The headline and site name a page declares: JSON-LD or microdata, OpenGraph."""

    headline: str | None
    og_title: str | None
    site_name: str | None


def declared_names(
    json_ld: dict[str, Any], microdata: dict[str, Any], meta: dict[str, Any]
) -> Declared:
    """What the page declares its headline and its site's name to be."""
    return Declared(
        headline=pick(json_ld.get("headline"), microdata.get("headline")),
        og_title=meta.get("headline"),
        site_name=meta.get("site_name"),
    )


def headline_element(root: etree._Element, declared: Declared) -> etree._Element | None:
    """The element printing the article's headline: its ``<h1>``, else one printing the declared.

    The first ``<h1>`` that reads as a headline: not the site's name or a logo, and not a
    one-word section title where the page declares another headline. A page whose ``<h1>`` is
    none of those prints its headline in another heading that reads the declared one.
    """
    for h1 in root.iter("h1"):
        if _reads_as_headline(h1, declared):
            return h1
    return _heading_saying(root, declared.headline)


def _reads_as_headline(h1: etree._Element, declared: Declared) -> bool:
    text = element_text(h1)
    if not text or len(text) > _MAX_HEADLINE or _is_logo(h1):
        return False
    if declared.site_name and text.casefold() == declared.site_name.casefold():
        return False
    one_word = " " not in text
    return not (one_word and declared.headline and text != declared.headline)


def _is_logo(h1: etree._Element) -> bool:
    """An ``<h1>`` linking to the site's front page, or printing only a picture, as logos do."""
    link = next(h1.iterancestors("a"), None)
    if link is None:
        link = next(h1.iter("a"), None)
    if link is not None and _is_front_page(link.get("href")):
        return True
    picture = next(h1.iter("svg", "img"), None)
    return picture is not None and not text_outside(h1, set(h1.iter("svg", "img"))).strip()


def _is_front_page(href: str | None) -> bool:
    address = (href or "").strip()
    return address in ("/", "./", "#") or _FRONT_PAGE.fullmatch(address) is not None


def _heading_saying(root: etree._Element, text: str | None) -> etree._Element | None:
    """The first ``<h2>`` or ``<h3>`` whose text is *text*."""
    if not text:
        return None
    for heading in root.iter("h2", "h3"):
        if element_text(heading) == text:
            return heading
    return None


def page_headline(
    root: etree._Element, h1: etree._Element | None, declared: Declared
) -> str | None:
    """The headline element's text, else the declared headline, og:title, the ``<title>``."""
    if h1 is not None:
        shown = element_text(h1)
        if shown:
            return shown
    title = next(root.iter("title"), None)
    headline: str | None = pick(
        declared.headline,
        _og_title(declared.og_title, declared.site_name),
        _without_brand(element_text(title) if title is not None else None),
    )
    return headline


_SEPARATORS: Final = (" | ", " - ", " \u2013 ", " \u2014 ")
_MOST_BRAND_WORDS: Final = 3
_FEWEST_HEADLINE_WORDS: Final = 3


def _without_brand(title: str | None) -> str | None:
    """A ``<title>`` without the site's name after its last separator ("Headline - Site").

    The name is a short tail of capitalised words; a tail in lower case ("Brexit - what comes
    next") is the headline's own.
    """
    if not title:
        return title
    at = max(title.rfind(separator) for separator in _SEPARATORS)
    if at < 0:
        return title
    head, tail = title[:at].strip(), title[at + 3 :].strip()
    words = tail.split()
    if (
        1 <= len(words) <= _MOST_BRAND_WORDS
        and all(not word[0].islower() for word in words)
        and len(head.split()) >= _FEWEST_HEADLINE_WORDS
    ):
        return head
    return title


def _og_title(og_title: str | None, site: str | None) -> str | None:
    """``og:title`` without the site's name: "Headline | Site" names the site, not the story."""
    return _without_site_name(og_title, site) if og_title and site else og_title
