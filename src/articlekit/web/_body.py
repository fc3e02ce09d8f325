"""Find the article body of a news page by content scoring and turn it into typed blocks.

Every walk over the tree is linear: text lengths are computed once bottom-up and cached, so a
page costs a few passes over its elements however deeply they nest.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from typing import Any, Final

from lxml import etree

from articlekit._text import FORBIDDEN_CHARACTER
from articlekit._xml import remove_keeping_tail
from articlekit.errors import ValidationError
from articlekit.inline import canonical_inline_from_element
from articlekit.model import Block, Heading, ListBlock, Paragraph, Photo, PhotoRef, Quote
from articlekit.web._common import clean, element_text, names_of, raw_text, strip_forbidden, tag_of
from articlekit.web._photos import photo_of

# Never content: code, chrome and controls.
_JUNK_TAGS: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "iframe",
        "button",
        "svg",
        "select",
        "input",
        "textarea",
        "template",
        "object",
        "embed",
        "canvas",
        "link",
        "meta",
    }
)
# Boilerplate by its class or id: the patterns readability and its descendants found on news sites.
# "hidden-xs" and the like hide an element on one screen size only: readers see it elsewhere;
# Drupal's "field--label-hidden" hides a field's label, not the field.
_NEGATIVE: Final = re.compile(
    r"(?:^|[-_\s])(?:comments?|share|sharing|social|related|recommend\w*|ad|ads|advert\w*|"
    r"sponsor\w*|promo\w*|newsletter|subscribe|subscription|sidebar|footer|nav|navbar|menu|"
    r"breadcrumbs?|cookie\w*|popup|modal|outbrain|taboola|widget|masthead|banner|toolbar|"
    r"more-stories|most-popular|popular|trending|read-more|readmore|signup|paywall|disqus|"
    r"tags?|skip|print|utility|(?<!label-)(?<!title-)hidden(?!-(?:xs|sm|md|lg|xl|print|mobile|"
    r"tablet|desktop))|"
    r"offscreen|sr-only|visually-hidden)(?:$|[-_\s])",
    re.IGNORECASE,
)
_POSITIVE: Final = re.compile(
    r"article|body|content|entry|main|post|story|text|blog|prose", re.IGNORECASE
)
_CAPTION_CLASSES: Final = re.compile(r"caption|credit|byline", re.IGNORECASE)
_BLOCKISH: Final = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "ul",
        "ol",
        "table",
        "blockquote",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "header",
        "footer",
        "aside",
        "main",
        "form",
        "dl",
    }
)
_HEADINGS: Final = {f"h{level}": level for level in range(2, 7)}
_BOILER_LINE: Final = re.compile(
    r"^(?:advertisement|advertising|advert|anzeige|sponsored|read more|related:?|share this.*|"
    # a look ahead for "newsletter", not ".*newsletter.*": two ".*" in a row are quadratic
    r"sign up(?=.*newsletter).*|continue reading.*|click here.*|caption|close|explore further|"
    r"you may also like.*|more from .{0,40}|recommended( for you)?)$",
    re.IGNORECASE,
)
# Header furniture and picture captions shown outside <figure>: not body text. A class name
# holding one of the words is found by a look ahead, not by "[\w-]*word[\w-]*", which
# backtracks over the name once per occurrence of a word in it.
_NOT_BODY: Final = re.compile(
    r"(?:^|\s)(?=[\w-]*(?:caption|credit|byline|dateline|timestamp))[\w-]+(?:$|\s)"
    r"|(?:^|\s)(?:date|time|author|published|updated|post-meta|entry-meta|meta)(?:$|\s)",
    re.IGNORECASE,
)


def _xml_safe(text: str | None) -> str | None:
    return None if text is None else strip_forbidden(text)


def _remove_forbidden_characters(root: etree._Element) -> None:
    """Remove the characters the model refuses from every text and link target, in place.

    libxml2's HTML parser keeps control characters (``&#1;``, U+0085, ...) and ``&#xfffe;``;
    left in, each would cost the whole paragraph holding it, which the model refuses.
    """
    # Few pages hold any: a search of all their text, serialised in C, tells whether to walk.
    if FORBIDDEN_CHARACTER.search(etree.tostring(root, method="text", encoding=str)):
        for element in root.iter():
            text, tail = element.text, element.tail
            if text and FORBIDDEN_CHARACTER.search(text):
                element.text = strip_forbidden(text)
            if tail and FORBIDDEN_CHARACTER.search(tail):
                element.tail = strip_forbidden(tail)
    for link in root.iter("a"):  # the inline walk refuses a link target holding one
        href = link.get("href")
        if href and (cleaned := strip_forbidden(href)) != href:
            link.set("href", cleaned)


_ALWAYS_NEGATIVE: Final = re.compile(
    r"comment|disqus|share|sharing|social|related|newsletter", re.I
)


def _is_negative(names: str, long_paragraphs: int) -> bool:
    """Whether class and id *names* say boilerplate, for an element holding *long_paragraphs*."""
    if not _NEGATIVE.search(names):
        return False
    if _ALWAYS_NEGATIVE.search(names):
        return long_paragraphs < 8  # a page-wide wrapper named "has-comments" still holds the body
    # Layout classes ("container penci_sidebar", "non-ad-column") wrap the body: keep a wrapper
    # that holds a run of real paragraphs, whatever its name says.
    return long_paragraphs < 3 and not _POSITIVE.search(names)


def _long_paragraphs(root: etree._Element) -> dict[Any, int]:
    """How many paragraphs of 80 characters or more each element holds (paragraphs x depth)."""
    counts: dict[Any, int] = {}
    for paragraph in root.iter("p"):
        if len(raw_text(paragraph).strip()) >= 80:
            for ancestor in paragraph.iterancestors():
                counts[ancestor] = counts.get(ancestor, 0) + 1
    return counts


def _always(element: etree._Element) -> bool:
    return True


def _outside_quote(element: etree._Element) -> bool:
    """A footer outside a quote: in a ``<blockquote>`` it holds the attribution."""
    return tag_of(element.getparent()) != "blockquote"


def _holds_few_paragraphs(element: etree._Element) -> bool:
    """A form around fewer than three paragraphs: a search or sign-up box, not a paywalled body."""
    return len(element.findall(".//p")) < 3


# Page furniture by its tag: each tag's rule says when such an element is not body.
_FURNITURE_RULES: Final[dict[str, Callable[[etree._Element], bool]]] = {
    "aside": _always,
    "footer": _outside_quote,
    "form": _holds_few_paragraphs,
}
_HIDING_ROLES: Final = frozenset({"navigation", "complementary", "banner"})
# Pictures and captions are kept whatever their class says: a "share-image" figure is the photo.
_PICTURE_TAGS: Final = frozenset({"figure", "figcaption", "img", "picture"})


def _is_boilerplate(element: etree._Element, tag: str, long_paragraphs: dict[Any, int]) -> bool:
    """Page furniture by its tag, hidden from readers, or named as boilerplate."""
    rule = _FURNITURE_RULES.get(tag)
    if rule is not None and rule(element):
        return True
    attributes = element.attrib
    return bool(attributes) and (  # most elements have no attribute: one look tells
        _is_hidden(attributes) or _is_named_boilerplate(element, tag, attributes, long_paragraphs)
    )


def _is_hidden(attributes: etree._Attrib) -> bool:
    """Hidden from readers, or marked as navigation, a sidebar or a site banner."""
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden") == "true"
        or attributes.get("role") in _HIDING_ROLES
    )


def _is_named_boilerplate(
    element: etree._Element,
    tag: str,
    attributes: etree._Attrib,
    long_paragraphs: dict[Any, int],
) -> bool:
    """A class or id naming boilerplate, on an element that is neither a picture nor a caption."""
    if not ("class" in attributes or "id" in attributes) or tag in _PICTURE_TAGS:
        return False
    names = names_of(element)
    return _is_negative(names, long_paragraphs.get(element, 0)) and not _CAPTION_CLASSES.search(
        names
    )


def _with_ancestors(keep: etree._Element | None) -> set[etree._Element]:
    if keep is None:
        return set()
    return {keep, *keep.iterancestors()}


def clean_tree(root: etree._Element, keep: etree._Element | None) -> None:
    """Drop code, chrome and boilerplate subtrees in place (keeping *keep* and its ancestors).

    The characters the model refuses go too, from the text that is left.
    """
    protected = _with_ancestors(keep)
    # Code and controls go first, in C: their subtrees need no look at all.
    etree.strip_elements(root, *_JUNK_TAGS, with_tail=False)
    doomed: list[etree._Element] = []
    long_paragraphs = _long_paragraphs(root)
    walk = etree.iterwalk(root, events=("start", "comment", "pi"))
    for _event, element in walk:
        tag = tag_of(element)
        if not tag:
            doomed.append(element)  # comments and processing instructions
        elif (
            tag not in ("html", "body")
            and element not in protected
            and _is_boilerplate(element, tag, long_paragraphs)
        ):
            doomed.append(element)
            walk.skip_subtree()  # what it holds goes with it
    for element in doomed:
        remove_keeping_tail(element, separator="", repair=strip_forbidden)
    _remove_forbidden_characters(root)


def _measure(root: etree._Element) -> tuple[dict[Any, int], dict[Any, int]]:
    """Text and link-text length of every element, one bottom-up pass."""
    text: dict[Any, int] = {}
    links: dict[Any, int] = {}
    for element in reversed(list(root.iter())):
        own = len((element.text or "").strip())
        total = own
        in_links = own if tag_of(element) == "a" else 0
        for child in element:
            total += text.get(child, 0) + len((child.tail or "").strip())
            in_links += links.get(child, 0) if tag_of(element) != "a" else 0
        if tag_of(element) == "a":
            in_links = total
        text[element] = total
        links[element] = in_links
    return text, links


# Scored as paragraphs of the body; the container tags among them only for their own text.
_SCORED_TAGS: Final = ("p", "pre", "td", "blockquote", "li", "div")
_CONTAINER_TAGS: Final = frozenset({"div", "li", "td"})
# A paragraph's score goes to its parent whole, to its grandparent halved, then quartered.
_SHARE_DIVISORS: Final = (1.0, 2.0, 4.0)
_SENTENCE_END: Final = re.compile(r"\.( |$)")


def find_body(root: etree._Element, hint: etree._Element | None) -> list[etree._Element]:
    """The elements that hold the article body, in document order; empty when there is none."""
    text, links = _measure(root)
    if hint is not None and text.get(hint, 0) > 200:
        return [hint]
    scores = _weighted_scores(_paragraph_scores(root, text, links), text, links)
    best = max(scores, key=scores.__getitem__, default=None)  # the first of equals
    if best is None or scores[best] < 5:
        return []
    return _body_around(root, best, scores, text, links)


def _own_text_length(container: etree._Element, text: dict[Any, int]) -> int:
    """The length of the text a container holds itself, outside its blocks."""
    return len((container.text or "").strip()) + sum(
        text.get(child, 0) + len((child.tail or "").strip())
        for child in container
        if tag_of(child) not in _BLOCKISH
    )


def _reads_as_prose(
    element: etree._Element, tag: str, text: dict[Any, int], links: dict[Any, int]
) -> bool:
    """Enough text, not mostly links; a container holding blocks counts only its own text."""
    if tag in _CONTAINER_TAGS and any(tag_of(child) in _BLOCKISH for child in element):
        length = _own_text_length(element, text)
        if length < 100:
            return False
    else:
        length = text.get(element, 0)
    return not (length < 25 or links.get(element, 0) > 0.5 * length)


def _paragraph_score(element: etree._Element, tag: str) -> float:
    """One point, and one per comma: prose has clauses, menus and captions have few."""
    inner = raw_text(element)
    score = 1.0 + inner.count(",") + inner.count("\uff0c")  # and the CJK comma
    return score * 0.5 if tag == "li" else score


def _paragraph_scores(
    root: etree._Element, text: dict[Any, int], links: dict[Any, int]
) -> dict[Any, float]:
    """Each element's share of the scores of the paragraphs up to three levels below it."""
    scores: dict[Any, float] = {}
    for element in root.iter(*_SCORED_TAGS):
        tag = tag_of(element)
        # A caption or byline is left out of the body (`blocks_of`): it cannot make one either.
        if not _reads_as_prose(element, tag, text, links) or _is_not_body_text(element, tag):
            continue
        score = _paragraph_score(element, tag)
        ancestor = element.getparent()
        for divisor in _SHARE_DIVISORS:
            if ancestor is None or tag_of(ancestor) == "html":
                break
            scores[ancestor] = scores.get(ancestor, 0.0) + score / divisor
            ancestor = ancestor.getparent()
    return scores


def _weighted_score(
    element: etree._Element, score: float, text: dict[Any, int], links: dict[Any, int]
) -> float:
    """*score* with a bonus for a name or tag that says "article", less its share of links."""
    weight = 1.0 - links.get(element, 0) / (text.get(element, 0) or 1)
    bonus = 25.0 if _POSITIVE.search(names_of(element)) else 0.0
    if tag_of(element) in ("article", "main"):
        bonus += 10.0
    return (score + bonus) * weight


def _weighted_scores(
    scores: dict[Any, float], text: dict[Any, int], links: dict[Any, int]
) -> dict[Any, float]:
    return {
        element: _weighted_score(element, score, text, links) for element, score in scores.items()
    }


def _body_around(
    root: etree._Element,
    best: etree._Element,
    scores: dict[Any, float],
    text: dict[Any, int],
    links: dict[Any, int],
) -> list[etree._Element]:
    """The best container with the body's other parts beside it or of the same kind."""
    parent = best.getparent()
    if parent is None:
        return [best]
    # A body split in sibling blocks (a paywall wrapper, an ad slot in between): take them too.
    threshold = max(10.0, scores[best] * 0.2)
    chosen = [
        sibling
        for sibling in parent
        if sibling is best
        or scores.get(sibling, 0.0) >= threshold
        or _is_prose_paragraph(sibling, text, links)
    ]
    return _with_same_kind(root, best, chosen, scores, threshold / 2)


def _is_prose_paragraph(
    element: etree._Element, text: dict[Any, int], links: dict[Any, int]
) -> bool:
    """A ``<p>``, long with few links or a short sentence with none."""
    if tag_of(element) != "p":
        return False
    length = text.get(element, 0)
    density = links.get(element, 0) / (length or 1)
    if length > 80:
        return density < 0.25
    return length > 0 and density == 0 and _SENTENCE_END.search(raw_text(element)) is not None


def _with_same_kind(
    root: etree._Element,
    best: etree._Element,
    chosen: list[etree._Element],
    scores: dict[Any, float],
    threshold: float,
) -> list[etree._Element]:
    """*chosen* and the elements scoring *threshold* with the best one's tag and class."""
    # Modular CMSs split one body into repeated blocks of the same kind at different depths
    # (text, pull quote, text).
    signature = (tag_of(best), best.get("class"))
    if not signature[1]:
        return chosen
    wanted = set(chosen)
    wanted.update(
        element
        for element, score in scores.items()
        if (tag_of(element), element.get("class")) == signature and score >= threshold
    )
    return _outermost_in_order(root, wanted) if len(wanted) > len(chosen) else chosen


def _outermost_in_order(root: etree._Element, wanted: set[Any]) -> list[etree._Element]:
    """The *wanted* elements in document order, leaving out those inside another one."""
    outermost = {
        element
        for element in wanted
        if not any(ancestor in wanted for ancestor in element.iterancestors())
    }
    return [element for element in root.iter() if element in outermost]


def _quote(element: etree._Element) -> Quote | None:
    attribution = _take_attribution(element)
    text = _quote_text(element)
    if not text:
        return None
    try:
        return Quote(text=text, attribution=attribution)
    except ValidationError:
        return None


def _take_attribution(quote: etree._Element) -> str | None:
    """The text of a quote's ``<cite>`` or ``<footer>``, which leaves the quote (its tail stays)."""
    cite = next((e for e in quote.iter("cite", "footer") if e is not quote), None)
    if cite is None:
        return None
    attribution = element_text(cite)
    remove_keeping_tail(cite, repair=strip_forbidden)
    return attribution


def _quote_text(quote: etree._Element) -> str:
    """The quote's paragraphs joined, or its inline content when it has none."""
    paragraphs = [canonical_inline_from_element(p) for p in quote.iter("p")]
    if not paragraphs:
        return canonical_inline_from_element(quote)
    return " ".join(p for p in paragraphs if p)


def _runs(container: etree._Element) -> list[etree._Element]:
    """The container's block children, with each run of inline content between them in a <p>."""
    items: list[etree._Element] = []
    run = etree.Element("p")
    run.text = _xml_safe(container.text)

    def flush() -> None:
        nonlocal run
        if (run.text and run.text.strip()) or len(run):
            items.append(run)
        run = etree.Element("p")

    for child in list(container):
        if tag_of(child) in _BLOCKISH or tag_of(child) in ("img", "picture"):
            flush()
            items.append(child)
            run.text = _xml_safe(child.tail)
        else:
            # Moved, not copied: lxml refuses to create the names the HTML parser let through
            # (``@click``, ``:class``, ``[hidden]``, ``<b:c:d>``), and the walk of inline
            # content reads neither such attributes nor such elements' tags anyway.
            run.append(child)  # its tail, the text up to the next child, comes along
            child.text = _xml_safe(child.text)
            child.tail = _xml_safe(child.tail)
    flush()
    return items


class _Body:
    """The blocks and photos read from the body so far, in reading order."""

    __slots__ = ("base", "blocks", "headline", "photos")

    def __init__(self, base: str | None, headline: str | None) -> None:
        self.base = base
        self.headline = headline
        self.blocks: list[Block] = []
        self.photos: list[Photo] = []

    def add(self, block: Block, plain: str) -> None:
        """Add *block*, whose text is *plain*, unless it is empty, boilerplate or a repeat."""
        if not plain or _BOILER_LINE.match(plain):
            return
        if self.blocks and self.blocks[-1] == block:
            return  # the same block twice in a row: a layout shown for two screen sizes
        self.blocks.append(block)

    def add_photo(self, element: etree._Element) -> None:
        """Add the photo of a figure or image, once per image URL, where it stands."""
        photo = photo_of(element, self.base)
        if photo is None or any(known.href == photo.href for known in self.photos):
            return
        self.photos.append(photo)
        self.blocks.append(PhotoRef(photo=len(self.photos) - 1))


def _add_paragraph(body: _Body, element: etree._Element) -> None:
    """A paragraph of *element*'s inline content; a picture alone in it is a photo."""
    plain_length = len(raw_text(element).strip())
    if plain_length == 0:
        image = next(element.iter("img"), None)
        if image is not None:  # a picture wrapped in a <p> or <div> of its own
            body.add_photo(image)
        return
    if _is_link_row(element, plain_length):
        return  # a "see also" link or a row of links, not prose
    try:
        text = canonical_inline_from_element(element)
    except ValidationError:
        return
    if text:
        # ValidationError: nothing left once sanitised, e.g. a lone no-break space.
        with contextlib.suppress(ValidationError):
            body.add(Paragraph(text=text), clean(raw_text(element)) or "")


def _is_link_row(element: etree._Element, plain_length: int) -> bool:
    """Short text that is mostly link text."""
    if plain_length >= 200:
        return False
    in_links = sum(len(raw_text(link).strip()) for link in element.iter("a"))
    return in_links > 0.6 * plain_length


def _add_list(body: _Body, element: etree._Element, *, ordered: bool) -> None:
    """A list of its ``<li>`` children, unless they are mostly links (a menu, "related")."""
    items = [canonical_inline_from_element(li) for li in element if tag_of(li) == "li"]
    items = [item for item in items if item]
    if items and not _is_link_list(element):
        with contextlib.suppress(ValidationError):
            body.add(ListBlock(items=items, ordered=ordered), " ".join(items))


def _is_link_list(element: etree._Element) -> bool:
    total = sum(len(clean(raw_text(item)) or "") for item in element)
    in_links = sum(len(clean(raw_text(link)) or "") for link in element.iter("a"))
    return in_links >= 0.5 * max(total, 1)


def _add_gallery(body: _Body, element: etree._Element) -> None:
    """The photos of a list of pictures; its captions and "Image 1 of 5" counters are not text."""
    for image in element.iter("img"):
        figure = next(image.iterancestors("figure"), None)
        body.add_photo(figure if figure is not None else image)


def _row_text(row: etree._Element) -> str:
    cells = (clean(raw_text(cell)) for cell in row if tag_of(cell) in ("td", "th"))
    return " ".join(cell for cell in cells if cell)


# What the rules give back: the elements to read next, in order (a container's blocks).
_Children = Sequence[etree._Element]
_NO_CHILDREN: Final[_Children] = ()


def _read_paragraph(body: _Body, element: etree._Element, tag: str) -> _Children:
    _add_paragraph(body, element)
    return _NO_CHILDREN


def _read_heading(body: _Body, element: etree._Element, tag: str) -> _Children:
    """A heading of level 2 to 6, unless it repeats the headline."""
    plain = element_text(element) or ""
    if plain and plain != body.headline:
        with contextlib.suppress(ValidationError):
            level = _HEADINGS[tag]
            body.add(Heading(text=canonical_inline_from_element(element), level=level), plain)
    return _NO_CHILDREN


def _skip(body: _Body, element: etree._Element, tag: str) -> _Children:
    """Nothing: an ``<h1>`` is the headline, which the metadata has."""
    return _NO_CHILDREN


def _read_quote(body: _Body, element: etree._Element, tag: str) -> _Children:
    """A quote, unless it is an embedded social media post."""
    names = names_of(element)
    if "twitter" not in names and "instagram" not in names:
        quote = _quote(element)
        if quote is not None:
            body.add(quote, quote.plain_text)
    return _NO_CHILDREN


def _read_list(body: _Body, element: etree._Element, tag: str) -> _Children:
    """A list; a list with pictures is a gallery, whose photos belong to the article."""
    if next(element.iter("img"), None) is not None:
        _add_gallery(body, element)
    else:
        _add_list(body, element, ordered=tag == "ol")
    return _NO_CHILDREN


def _read_photo(body: _Body, element: etree._Element, tag: str) -> _Children:
    body.add_photo(element)
    return _NO_CHILDREN


def _read_table(body: _Body, element: etree._Element, tag: str) -> _Children:
    """A paragraph per row with text: news pages use tables for layout more than for data."""
    for row in element.iter("tr"):
        line = _row_text(row)
        if line:
            with contextlib.suppress(ValidationError):
                body.add(Paragraph.from_text(line), line)
    return _NO_CHILDREN


# Containers read as one paragraph when they hold no blocks.
_PARAGRAPH_CONTAINERS: Final = frozenset(
    {"div", "section", "article", "main", "span", "font", "center", "header"}
)


def _read_container(body: _Body, element: etree._Element, tag: str) -> _Children:
    """Any other element: its blocks, else (for the tags above) one paragraph."""
    if any(tag_of(child) in _BLOCKISH for child in element):
        # Text and inline markup directly inside a container, between its blocks (blog
        # engines separate paragraphs with <br>), become paragraphs of their own.
        return _runs(element)
    if tag in _PARAGRAPH_CONTAINERS:
        _add_paragraph(body, element)
    return _NO_CHILDREN


# Element kind -> how it is read; any other tag is read by `_read_container`.
_BLOCK_RULES: Final[dict[str, Callable[[_Body, etree._Element, str], _Children]]] = {
    "p": _read_paragraph,
    "pre": _read_paragraph,
    **dict.fromkeys(_HEADINGS, _read_heading),
    "h1": _skip,
    "blockquote": _read_quote,
    "ul": _read_list,
    "ol": _read_list,
    "figure": _read_photo,
    "img": _read_photo,
    "table": _read_table,
}


def _is_not_body_text(element: etree._Element, tag: str) -> bool:
    """Header furniture, or a caption shown outside ``<figure>``, by its class."""
    return tag not in ("figure", "img") and _NOT_BODY.search(element.get("class") or "") is not None


def blocks_of(
    containers: list[etree._Element], base: str | None, headline: str | None
) -> tuple[list[Block], list[Photo]]:
    """The body blocks and photos inside *containers*, in reading order."""
    body = _Body(base, headline)
    # An explicit stack instead of recursion: pages nest divs hundreds deep.
    stack: list[etree._Element] = list(reversed(containers))
    while stack:
        element = stack.pop()
        tag = tag_of(element)
        if tag and not _is_not_body_text(element, tag):
            read = _BLOCK_RULES.get(tag, _read_container)
            stack.extend(reversed(read(body, element, tag)))
    return body.blocks, body.photos
