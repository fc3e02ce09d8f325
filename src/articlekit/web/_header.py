"""What a news page prints around its headline: kicker and topic links, the dek, the lead photo.

Found by the shapes publishing systems share (WordPress themes, Arc XP, Drupal, Ghost,
Brightspot): link relations, link paths and words in class names, never one site's names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Final, NamedTuple

from lxml import etree

from articlekit.web._common import class_words, element_text, names_of, raw_text

# Class names of the label above a headline that names its desk or section.
_SECTION_CLASSES: Final = re.compile(
    r"categor|section|kicker|eyebrow|overline|label|rubric|supertitle", re.I
)
_TOPIC_CLASSES: Final = re.compile(r"(?:^|[-_\s])(?:tags?|topics?|keywords?)(?:$|[-_\s])", re.I)
_SECTION_PATHS: Final = re.compile(r"/(?:category|categories|sections?)/", re.I)
_TOPIC_PATHS: Final = re.compile(r"/(?:tags?|topics?)/", re.I)
_BREADCRUMB: Final = re.compile(r"breadcrumb", re.I)
# Class names of the dek: "article-excerpt", "standfirst", "field--name-field-subtitle", ...
DEK_CLASSES: Final = re.compile(
    r"(?:^|[-_\s])(?:dek|excerpt|standfirst|summary|sub-?head\w*|sub-?title|lede|intro|teaser|"
    r"deck|leader|description|chapo|sapo|strapline)(?:$|[-_\s])",
    re.I,
)
# Class words of a picture's text: an "image-description" is a caption, not a dek.
_PICTURE_WORDS: Final = re.compile(
    r"caption|credit|(?:image|photo|picture|media|video)[-_]?(?:desc|text|info)", re.I
)
_HEADER_SCOPE_LEVELS: Final = 3  # the h1, its header, the article: pages put labels in these
_MAX_LABEL: Final = 80  # a kicker or topic is a few words, never a sentence
_MAX_DEK: Final = 400
_MIN_BODY_PARAGRAPH: Final = 150  # characters


def _rel(link: etree._Element) -> list[str]:
    return (link.get("rel") or "").lower().split()


# Each rule says what a link near the headline names, or None; the first that knows decides.
# WordPress writes rel="category tag" on category links and rel="tag" on tag links.
_LINK_RULES: Final[tuple[Callable[[etree._Element], str | None], ...]] = (
    lambda link: "section" if "category" in _rel(link) else None,
    lambda link: "topic" if "tag" in _rel(link) else None,
    lambda link: "topic" if _TOPIC_PATHS.search(link.get("href") or "") else None,
    lambda link: "section" if _SECTION_PATHS.search(link.get("href") or "") else None,
    lambda link: _kind_by_class(link),
)


def _kind_by_class(link: etree._Element) -> str | None:
    """What the closest of a link and its two ancestors with a telling class name says."""
    parent = link.getparent()
    grandparent = parent.getparent() if parent is not None else None
    for element in (link, parent, grandparent):
        names = "" if element is None else names_of(element)
        # "section-tag" labels a section: the section's word decides over the tag's.
        if _SECTION_CLASSES.search(names):
            return "section"
        if _TOPIC_CLASSES.search(names):
            return "topic"
    return None


def link_kind(link: etree._Element) -> str | None:
    """``"section"`` for a category-like link, ``"topic"`` for a tag-like one, else None."""
    for rule in _LINK_RULES:
        kind = rule(link)
        if kind is not None:
            return kind
    return None


def header_scope(h1: etree._Element) -> etree._Element:
    """The h1's ancestor a few levels up, or the closest ``<article>`` if that comes first."""
    scope = h1
    for _ in range(_HEADER_SCOPE_LEVELS):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
        if scope.tag == "article":
            break
    return scope


def _links_before(h1: etree._Element) -> Iterator[etree._Element]:
    """The links in the headline's scope printed before it, in document order."""
    for element in header_scope(h1).iter():
        if element is h1:
            return
        if element.tag == "a":
            yield element


def _links_under(h1: etree._Element) -> Iterator[etree._Element]:
    """The links in the headline's scope printed after it, up to the body's first paragraph."""
    seen = False
    for element in header_scope(h1).iter():
        if element is h1:
            seen = True
        elif seen and starts_body(element):
            return
        elif seen and element.tag == "a" and h1 not in element.iterancestors():
            yield element


def _label(link: etree._Element) -> str | None:
    text = element_text(link)
    return text if text and len(text) <= _MAX_LABEL else None


class HeaderLabels(NamedTuple):
    """The labels around a headline: kicker above, section link under it, topic links above."""

    kicker: str | None
    section: str | None
    topics: list[str]
    lone_topic: str | None  # the only topic link above it: a kicker where nothing else is


def header_labels(h1: etree._Element | None) -> HeaderLabels:
    """The kicker and topic links above the headline, the section link in the line under it.

    The kicker is the first category-like link above the headline; a lone topic link there
    may be the kicker too (Ghost prints a post's primary tag there), where nothing else is.
    """
    if h1 is None:
        return HeaderLabels(None, None, [], None)
    kicker: str | None = None
    topics: list[str] = []
    for link in _links_before(h1):
        kind = link_kind(link)
        label = _label(link) if kind else None
        if label and kind == "section" and kicker is None:
            kicker = label
        elif label and kind == "topic":
            topics.append(label)
    lone_topic = topics[0] if len(topics) == 1 else None
    return HeaderLabels(kicker, _section_under(h1), topics, lone_topic)


def _section_under(h1: etree._Element) -> str | None:
    for link in _links_under(h1):
        if link_kind(link) == "section":
            label = _label(link)
            if label:
                return label
    return None


def first_label(element: etree._Element) -> str | None:
    """The text of a kicker element: its first link's when it holds several links."""
    links = list(element.iter("a"))
    if len(links) > 1:
        return _label(links[0])
    return element_text(element)


def tag_links(root: etree._Element) -> list[str]:
    """The texts of the page's ``rel=tag`` links that are not WordPress category links."""
    names: list[str] = []
    for link in root.iter("a"):
        rel = _rel(link)
        if "tag" in rel and "category" not in rel:
            label = _label(link)
            if label:
                names.append(label)
    return names


# The label printed before a list of topic links: "Tags:", "Related Tags:", "Filed under:".
_TOPIC_LIST_LABEL: Final = re.compile(
    r"(?:related )?(?:tags?|topics?|tagged(?: with)?|filed under|keywords?) ?:?", re.I
)
_MIN_TOPIC_RUN: Final = 2  # one topic-path link alone is a "more on" teaser, two are a tag list
_MAX_TOPIC_LINKS: Final = 30


def _iter_tags(root: etree._Element, *tags: object) -> Iterator[etree._Element]:
    """The elements of *root* named *tags*, in document order, filtered in C where lxml can.

    The HTML parser keeps tag names lxml refuses to match by (with control characters, found
    by fuzzing): then every element comes, and the caller's own tests choose among them.
    """
    try:
        return root.iter(*tags)
    except ValueError:
        return root.iter()


def topic_lists(root: etree._Element, h1: etree._Element | None) -> list[str]:
    """The topics of the first tag list: links after a "Tags:" label, runs of ``/tag/`` links.

    Only lists from the headline's container on are read: trending bars above the article
    link to topic pages too, and lists after the first belong to other stories.
    """
    if h1 is None:
        return []
    start = header_scope(h1)
    seen = False
    checked: set[etree._Element] = set()
    for element in _iter_tags(root, start.tag, "a"):  # the scope, then its links
        seen = seen or element is start
        container = _link_list(element) if seen and element.tag == "a" else None
        if container is None or container in checked:
            continue
        checked.add(container)
        names = _labelled_links(container) or _topic_path_run(container)
        if names:
            return list(dict.fromkeys(names))
    return []


def _link_list(link: etree._Element) -> etree._Element | None:
    """The list a link is an item of: its parent, or its item's parent (`_is_item`)."""
    parent = link.getparent()
    if parent is not None and _is_item(parent):
        return parent.getparent()
    return parent


def _is_item(element: etree._Element) -> bool:
    """An ``<li>``, or an element holding one link and no text (Drupal's field items)."""
    if element.tag == "li":
        return True
    return (
        len(element) == 1
        and element[0].tag == "a"
        and not (element.text or "").strip()
        and not (element[0].tail or "").strip(",;|· \n\t")
    )


def _is_topic_label(element: etree._Element | None) -> bool:
    text = None if element is None else element.text
    if not text or len(text) > _MAX_LABEL:
        return False
    return _TOPIC_LIST_LABEL.fullmatch(" ".join(text.split())) is not None


def _labelled_links(container: etree._Element) -> list[str]:
    """The links of a list opened by a "Tags:" label, or printed after one."""
    if _is_topic_label(container) or _is_topic_label(container.getprevious()):
        return _labels(list(_own_links(container)))
    return []


def _topic_path_run(container: etree._Element) -> list[str]:
    """The ``/tag/`` and ``/topic/`` links of a list holding two or more of them."""
    links = [link for link in _own_links(container) if _TOPIC_PATHS.search(link.get("href") or "")]
    return _labels(links) if len(links) >= _MIN_TOPIC_RUN else []


def _own_links(element: etree._Element) -> Iterator[etree._Element]:
    """The element's links as children or inside its items: one list, not its nested ones."""
    for child in element:
        if child.tag == "a":
            yield child
        elif _is_item(child):
            yield from child.iterchildren("a")


def _labels(links: list[etree._Element]) -> list[str]:
    """The links' texts without the commas pages print between them."""
    labels = ((_label(link) or "").rstrip(",;|· ") for link in links[:_MAX_TOPIC_LINKS])
    return [label for label in labels if label]


def breadcrumb_section(root: etree._Element, headline: str | None) -> str | None:
    """The last item of the page's breadcrumb trail that is not the headline itself."""
    found: Any = _BREADCRUMBS(root)
    for element in found:
        if _is_breadcrumb(element):
            labels = [_label(link) for link in element.iter("a")]
            labels = [label for label in labels if label and label != headline]
            return labels[-1] if labels else None
    return None


# Candidates picked in C: elements with an attribute naming a breadcrumb in the usual letter
# cases ("Breadcrumb", "breadcrumbs", "BREADCRUMB"); `_is_breadcrumb` decides. Testing every
# attribute once is cheaper than testing each element's class, id, label and type.
_BREADCRUMBS: Final = etree.XPath("//@*[contains(., 'readcrumb') or contains(., 'READCRUMB')]/..")


def _is_breadcrumb(element: etree._Element) -> bool:
    return bool(
        _BREADCRUMB.search(names_of(element))
        or _BREADCRUMB.search(element.get("aria-label") or "")
        or (element.get("itemtype") or "").endswith("BreadcrumbList")
    )


def _is_around(element: etree._Element, h1: etree._Element) -> bool:
    return element is h1 or h1 in element.iterancestors() or element in h1.iterancestors()


def dek_element(h1: etree._Element | None) -> etree._Element | None:
    """The dek: an element classed as one near the headline, else a ``<p>`` right under it."""
    if h1 is None:
        return None
    for element in header_scope(h1).iter():
        if (
            DEK_CLASSES.search(class_words(element))
            and not _is_around(element, h1)
            and _fits_dek(element)
        ):
            return element
    return _paragraph_after(h1)


def _fits_dek(element: etree._Element) -> bool:
    """Short text, without the headline or a picture (Brightspot's "lede" is the lead photo)."""
    text = element_text(element)
    if not text or len(text) > _MAX_DEK or _PICTURE_WORDS.search(class_words(element)):
        return False
    if next(element.iterancestors("figure", "figcaption"), None) is not None:
        return False
    return next(element.iter("h1", "img", "figure", "picture"), None) is None


def _paragraph_after(h1: etree._Element) -> etree._Element | None:
    """The ``<p>`` right after the headline inside a ``<header>`` (or a block named so)."""
    parent = h1.getparent()
    if parent is None or not (parent.tag == "header" or "header" in names_of(parent).lower()):
        return None
    sibling = h1.getnext()  # the parser drops comments: the next node is an element
    if sibling is not None and sibling.tag == "p" and _fits_dek(sibling):
        return sibling if _reads_as_sentence(element_text(sibling) or "") else None
    return None


# What opens a byline's or a date's line, not a dek: "By", "Updated:", "Published".
_LINE_LABEL: Final = re.compile(r"(?:by|von|par|updated|published|posted|last modified)\b", re.I)
_FEWEST_DEK_WORDS: Final = 5


def _reads_as_sentence(text: str) -> bool:
    """Words enough for a dek, not opening as a byline's or a date's line does."""
    return len(text.split()) >= _FEWEST_DEK_WORDS and not _LINE_LABEL.match(text)


# Elements a dek is printed in; a <div> or <span> only when it holds few elements of its own.
_DEK_TAGS: Final = ("p", "h2", "h3", "h4", "div", "span")
_MAX_DEK_CHILDREN: Final = 3


def element_saying(
    root: etree._Element, text: str | None, h1: etree._Element | None, before: etree._Element
) -> etree._Element | None:
    """An element printed after the headline, before the body starts, that reads *text*.

    *text* is the declared description: where the page prints it under its headline, in a
    paragraph, a heading or a text box, that is the dek the reader sees. The body starts at
    *before*, its container, or, when that container holds the headline too, at the first
    long paragraph after the headline.
    """
    if not text:
        return None
    in_tree = h1 is not None and h1.getroottree().getroot() is root
    seen_h1 = not in_tree
    around_h1 = in_tree and h1 is not None and before in h1.iterancestors()
    for element in _iter_tags(root, "h1", *_DEK_TAGS, before.tag):
        if element is before and not around_h1:
            return None
        seen_h1 = seen_h1 or element is h1
        if not seen_h1 or element is h1:
            continue
        if _could_say(element, text):
            return element
        if around_h1 and starts_body(element):
            return None
    return None


def starts_body(element: etree._Element) -> bool:
    """A paragraph long enough to be the body's first: longer than a byline or a date line."""
    return element.tag == "p" and len(raw_text(element)) > _MIN_BODY_PARAGRAPH


def _could_say(element: etree._Element, text: str) -> bool:
    if element.tag in ("div", "span") and len(element) > _MAX_DEK_CHILDREN:
        return False
    first_text = next((str(piece) for piece in element.itertext() if piece.strip()), "")
    first = " ".join(first_text.split())[:_COMPARED_START]
    if not first or not text.startswith(first):  # most elements differ in their first words
        return False
    return _agrees(element_text(element), text)


_COMPARED_START: Final = 12  # characters


def _agrees(shown: str | None, declared: str) -> bool:
    """The same text, or the declared one cut short with "..." as CMSs do."""
    if not shown:
        return False
    stem = declared.rstrip(".\u2026 ")
    return shown == declared or (len(stem) > 40 and shown.startswith(stem))
