"""Find the article body of a news page by content scoring and turn it into typed blocks.

Every walk over the tree is linear: text lengths are computed once bottom-up and cached, so a
page costs a few passes over its elements however deeply they nest.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any, Final
from urllib.parse import urljoin

from lxml import etree

from articlekit._extract_meta import clean, element_text, raw_text
from articlekit._xml import remove_keeping_tail
from articlekit.errors import ValidationError
from articlekit.inline import canonical_inline_from_element
from articlekit.model import Block, Heading, ListBlock, Paragraph, Photo, PhotoRef, Quote

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
_NEGATIVE: Final = re.compile(
    r"(?:^|[-_\s])(?:comments?|share|sharing|social|related|recommend\w*|ad|ads|advert\w*|"
    r"sponsor\w*|promo\w*|newsletter|subscribe|subscription|sidebar|footer|nav|navbar|menu|"
    r"breadcrumbs?|cookie\w*|popup|modal|outbrain|taboola|widget|masthead|banner|toolbar|"
    r"more-stories|most-popular|popular|trending|read-more|readmore|signup|paywall|disqus|"
    r"tags?|skip|print|utility|hidden|offscreen|sr-only|visually-hidden)(?:$|[-_\s])",
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


_XML_UNSAFE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _strip_unsafe(text: str) -> str:
    """Text lxml accepts on a new element: libxml2's HTML parser keeps control characters."""
    return _XML_UNSAFE.sub("", text)


def _xml_safe(text: str | None) -> str | None:
    return None if text is None else _strip_unsafe(text)


def _tag(element: etree._Element | None) -> str:
    tag = None if element is None else element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _class_id(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


_ALWAYS_NEGATIVE: Final = re.compile(
    r"comment|disqus|share|sharing|social|related|newsletter", re.I
)


def _is_negative(element: etree._Element, long_paragraphs: int) -> bool:
    names = _class_id(element)
    if not names.strip() or not _NEGATIVE.search(names):
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


def clean_tree(root: etree._Element, keep: etree._Element | None) -> None:
    """Drop code, chrome and boilerplate subtrees in place (keeping *keep* and its ancestors)."""
    protected: set[etree._Element] = set()
    if keep is not None:
        protected.add(keep)
        protected.update(keep.iterancestors())
    # Code and controls go first, in C: their subtrees need no look at all.
    etree.strip_elements(root, *_JUNK_TAGS, with_tail=False)
    doomed: list[etree._Element] = []
    long_paragraphs = _long_paragraphs(root)
    for element in root.iter():
        tag = _tag(element)
        if not tag:
            doomed.append(element)  # comments and processing instructions
            continue
        if tag in ("html", "body") or element in protected:
            continue
        attributes = element.attrib
        if (
            tag == "aside"
            or (tag == "footer" and _tag(element.getparent()) != "blockquote")
            or (tag == "form" and len(element.findall(".//p")) < 3)
            or "hidden" in attributes
            or attributes.get("aria-hidden") == "true"
            or attributes.get("role") in ("navigation", "complementary", "banner")
            or (
                ("class" in attributes or "id" in attributes)
                and tag not in ("figure", "figcaption", "img", "picture")
                and not _CAPTION_CLASSES.search(_class_id(element))
                and _is_negative(element, long_paragraphs.get(element, 0))
            )
        ):
            doomed.append(element)
    for element in doomed:
        remove_keeping_tail(element, separator="", repair=_strip_unsafe)


def _measure(root: etree._Element) -> tuple[dict[Any, int], dict[Any, int]]:
    """Text and link-text length of every element, one bottom-up pass."""
    text: dict[Any, int] = {}
    links: dict[Any, int] = {}
    for element in reversed(list(root.iter())):
        own = len((element.text or "").strip())
        total = own
        in_links = own if _tag(element) == "a" else 0
        for child in element:
            total += text.get(child, 0) + len((child.tail or "").strip())
            in_links += links.get(child, 0) if _tag(element) != "a" else 0
        if _tag(element) == "a":
            in_links = total
        text[element] = total
        links[element] = in_links
    return text, links


def find_body(root: etree._Element, hint: etree._Element | None) -> list[etree._Element]:
    """The elements that hold the article body, in document order; empty when there is none."""
    text, links = _measure(root)
    scores: dict[Any, float] = {}
    for paragraph in root.iter("p", "pre", "td", "blockquote", "li", "div"):
        tag = _tag(paragraph)
        if tag in ("div", "li", "td") and any(_tag(c) in _BLOCKISH for c in paragraph):
            # A container counts only for the text it holds itself, outside its blocks.
            length = len((paragraph.text or "").strip()) + sum(
                text.get(c, 0) + len((c.tail or "").strip())
                for c in paragraph
                if _tag(c) not in _BLOCKISH
            )
            if length < 100:
                continue
        else:
            length = text.get(paragraph, 0)
        if length < 25 or links.get(paragraph, 0) > 0.5 * length:
            continue
        inner = raw_text(paragraph)
        score = 1.0 + inner.count(",") + inner.count("\uff0c")  # CJK comma + min(length / 100, 3.0)
        if tag == "li":
            score *= 0.5
        ancestor = paragraph.getparent()
        for level in range(3):
            if ancestor is None or _tag(ancestor) in ("html",):
                break
            scores[ancestor] = scores.get(ancestor, 0.0) + score / (1 + level * (level + 1) / 2)
            ancestor = ancestor.getparent()
    if hint is not None and text.get(hint, 0) > 200:
        return [hint]
    best: etree._Element | None = None
    best_score = 0.0
    for element, score in scores.items():
        length = text.get(element, 0) or 1
        weight = 1.0 - links.get(element, 0) / length
        names = _class_id(element)
        bonus = 25.0 if _POSITIVE.search(names) else 0.0
        if _tag(element) in ("article", "main"):
            bonus += 10.0
        final = (score + bonus) * weight
        scores[element] = final
        if final > best_score:
            best, best_score = element, final
    if best is None or best_score < 5:
        return []
    # A body split in sibling blocks (a paywall wrapper, an ad slot in between): take them too.
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, best_score * 0.2)
    chosen: list[etree._Element] = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
            continue
        if scores.get(sibling, 0.0) >= threshold:
            chosen.append(sibling)
        elif _tag(sibling) == "p":
            length = text.get(sibling, 0)
            density = links.get(sibling, 0) / (length or 1)
            inner = raw_text(sibling)
            if (length > 80 and density < 0.25) or (
                0 < length <= 80 and density == 0 and re.search(r"\.( |$)", inner)
            ):
                chosen.append(sibling)
    # Modular CMSs split one body into repeated blocks of the same kind at different depths
    # (text, pull quote, text): take the other blocks with the best one's tag and class.
    signature = (_tag(best), best.get("class"))
    if signature[1]:
        wanted = set(chosen)
        for element, score in scores.items():
            if (_tag(element), element.get("class")) == signature and score >= threshold / 2:
                wanted.add(element)
        if len(wanted) > len(chosen):
            chosen = _outermost_in_order(root, wanted)
    return chosen


def _outermost_in_order(root: etree._Element, wanted: set[Any]) -> list[etree._Element]:
    """The *wanted* elements in document order, leaving out those inside another one."""
    outermost = {
        element
        for element in wanted
        if not any(ancestor in wanted for ancestor in element.iterancestors())
    }
    return [element for element in root.iter() if element in outermost]


def _image_url(image: etree._Element, base: str | None) -> str | None:
    for attribute in ("data-src", "data-original", "data-lazy-src", "src"):
        value = (image.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            break
    else:
        srcset = (image.get("srcset") or image.get("data-srcset") or "").strip()
        value = srcset.split(",")[0].split()[0] if srcset else ""
    if not value:
        return None
    url = urljoin(base, value) if base else value
    return url if url.startswith(("http://", "https://")) else None


# Where a credit starts. What follows it, up to the end of the caption, is checked with string
# methods: a pattern that also matched it up to "$" would backtrack over the rest of the caption
# once per start, quadratic (cubic with runs of spaces) in a caption a page controls.
_PHOTO_BY: Final = re.compile(r"(?:photo|photograph|picture|image|foto)s?\s*(?:by|:)", re.I)
_CREDIT: Final = re.compile(r"credit|source|quelle|©|\(c\)", re.I)
_AFTER_LABEL: Final = re.compile(r"\s*:?\s*")  # white space, a colon, white space
_PARENTHESISED: Final = re.compile(r"\(([^()]{2,60})\)")


def split_credit(caption: str) -> str | None:
    """The credit printed at the end of a caption: "Photo by A/B.", "(AGENCY)", "Credit: X".

    *caption* is one line of text, as `clean` returns it.
    """
    text = caption.rstrip()
    end = len(text) - 1 if text.endswith(".") else len(caption)  # before a closing full stop
    # "Photo by X.": the first label after the last bracket or other full stop, X not empty.
    after = max(caption.rfind("("), caption.rfind(")"), caption.rfind(".", 0, end))
    match = _PHOTO_BY.search(caption, after + 1)
    if match and match.end() < end:
        return clean(caption[match.end() : end])
    # "Credit: X.": X is all that follows the first label.
    match = _CREDIT.search(caption)
    if match and match.end() < len(caption):
        return clean(_credit_after_label(caption[match.end() :]))
    # "(AGENCY)." closing the caption.
    body = caption[:end].rstrip()
    match = _PARENTHESISED.fullmatch(body, body.rfind("(")) if "(" in body else None
    if match and (
        "/" in match.group(1)
        or match.group(1).isupper()
        or re.search(r"photo|getty|reuters|afp|\bap\b|epa|images|press", match.group(1), re.I)
    ):
        return clean(match.group(1))
    return None


def _credit_after_label(rest: str) -> str:
    """The text after a credit label, without a colon and a closing full stop."""
    lead = _AFTER_LABEL.match(rest)
    after = rest[lead.end() :] if lead else rest
    if not after:  # the label only: backtracking gives the last character to the group
        return rest[-1]
    text = after.rstrip()
    if text.endswith("."):
        text = text[:-1].rstrip()
    return after[: max(1, len(text))]


def photo_of(figure: etree._Element, base: str | None) -> Photo | None:
    """A `Photo` from a ``<figure>`` (or a lone ``<img>``): image, caption and credit apart."""
    image = figure if _tag(figure) == "img" else next(figure.iter("img"), None)
    if image is None:
        return None
    href = _image_url(image, base)
    if href is None:
        return None
    caption_element = None if _tag(figure) == "img" else next(figure.iter("figcaption"), None)
    caption: str | None = None
    credit: str | None = None
    if caption_element is not None:
        credit_element = next(
            (
                e
                for e in caption_element.iter()
                if e is not caption_element
                and (
                    _tag(e) == "small"
                    or re.search(r"credit|byline|copyright|source", _class_id(e), re.I)
                )
            ),
            None,
        )
        if credit_element is not None:
            credit = element_text(credit_element)
            pieces: list[str] = [caption_element.text or ""]
            for element in caption_element.iterdescendants():
                inside_credit = element is credit_element or credit_element in set(
                    element.iterancestors()
                )
                if not inside_credit:
                    pieces.append(element.text or "")
                if element.getparent() is not None and (
                    element is credit_element or not inside_credit
                ):
                    pieces.append(element.tail or "")
            caption = clean("".join(pieces))
            if credit:
                credit = clean(
                    re.sub(r"^(?:photo|credit|image)s?\s*(?:by|:)\s*", "", credit, flags=re.I)
                )
        else:
            caption = element_text(caption_element)
            credit = split_credit(caption) if caption else None
    alt = clean(image.get("alt"))
    width = image.get("width") or ""
    height = image.get("height") or ""
    try:
        return Photo(
            href=href,
            caption=caption,
            credit=credit,
            alt_text=alt if alt != caption else None,
            width=int(width) if width.isdigit() and int(width) > 0 else None,
            height=int(height) if height.isdigit() and int(height) > 0 else None,
        )
    except ValidationError:
        return None


def _quote(element: etree._Element) -> Quote | None:
    cite = next((e for e in element.iter("cite", "footer") if e is not element), None)
    attribution = element_text(cite) if cite is not None else None
    if cite is not None:
        remove_keeping_tail(cite, repair=_strip_unsafe)
    paragraphs = [canonical_inline_from_element(p) for p in element.iter("p")]
    text = (
        " ".join(p for p in paragraphs if p)
        if paragraphs
        else canonical_inline_from_element(element)
    )
    if not text:
        return None
    try:
        return Quote(text=text, attribution=attribution)
    except ValidationError:
        return None


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
        if _tag(child) in _BLOCKISH or _tag(child) in ("img", "picture"):
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


def blocks_of(
    containers: list[etree._Element], base: str | None, headline: str | None
) -> tuple[list[Block], list[Photo]]:
    """The body blocks and photos inside *containers*, in reading order."""
    blocks: list[Block] = []
    photos: list[Photo] = []

    def add_photo(element: etree._Element) -> None:
        photo = photo_of(element, base)
        if photo is None:
            return
        for known in photos:
            if known.href == photo.href:
                return
        photos.append(photo)
        blocks.append(PhotoRef(photo=len(photos) - 1))

    def add(block: Block, plain: str) -> None:
        if not plain or _BOILER_LINE.match(plain):
            return
        if blocks and blocks[-1] == block:
            return  # the same block twice in a row: a layout shown for two screen sizes
        blocks.append(block)

    def paragraph(element: etree._Element) -> None:
        plain_length = len(raw_text(element).strip())
        if plain_length == 0:
            image = next(element.iter("img"), None)
            if image is not None:  # a picture wrapped in a <p> or <div> of its own
                add_photo(image)
            return
        in_links = sum(len(raw_text(a).strip()) for a in element.iter("a"))
        if plain_length < 200 and in_links > 0.6 * plain_length:
            return  # a "see also" link or a row of links, not prose
        try:
            text = canonical_inline_from_element(element)
        except ValidationError:
            return
        plain = clean(raw_text(element)) or ""
        if text:
            try:
                add(Paragraph(text=text), plain)
            except ValidationError:
                return  # nothing left once sanitised, e.g. a lone no-break space

    # An explicit stack instead of recursion: pages nest divs hundreds deep.
    stack: list[etree._Element] = list(reversed(containers))
    while stack:
        element = stack.pop()
        tag = _tag(element)
        if not tag:
            continue
        if tag not in ("figure", "img") and _NOT_BODY.search(element.get("class") or ""):
            continue
        if tag in ("p", "pre"):
            paragraph(element)
        elif tag in _HEADINGS:
            plain = element_text(element) or ""
            if plain and plain != headline:
                with contextlib.suppress(ValidationError):
                    add(
                        Heading(text=canonical_inline_from_element(element), level=_HEADINGS[tag]),
                        plain,
                    )
        elif tag == "h1":
            continue
        elif tag == "blockquote":
            if "twitter" in _class_id(element) or "instagram" in _class_id(element):
                continue
            quote = _quote(element)
            if quote is not None:
                add(quote, quote.plain_text)
        elif tag in ("ul", "ol") and next(element.iter("img"), None) is not None:
            # A list of pictures is a gallery: its photos belong to the article, its captions
            # and "Image 1 of 5" counters do not belong to the body text.
            for image in element.iter("img"):
                figure = next(image.iterancestors("figure"), None)
                add_photo(figure if figure is not None else image)
        elif tag in ("ul", "ol"):
            items = [canonical_inline_from_element(li) for li in element if _tag(li) == "li"]
            items = [item for item in items if item]
            total = sum(len(clean(raw_text(li)) or "") for li in element)
            in_links = sum(len(clean(raw_text(a)) or "") for a in element.iter("a"))
            if items and in_links < 0.5 * max(total, 1):
                with contextlib.suppress(ValidationError):
                    add(ListBlock(items=items, ordered=tag == "ol"), " ".join(items))
        elif tag == "figure" or tag == "img":
            add_photo(element)
        elif tag == "table":
            for row in element.iter("tr"):
                cells = [clean(raw_text(c)) for c in row if _tag(c) in ("td", "th")]
                line = " ".join(c for c in cells if c)
                if line:
                    with contextlib.suppress(ValidationError):
                        add(Paragraph.from_text(line), line)
        else:
            children = list(element)
            if any(_tag(c) in _BLOCKISH for c in children):
                # Text and inline markup directly inside a container, between its blocks (blog
                # engines separate paragraphs with <br>), become paragraphs of their own.
                stack.extend(reversed(_runs(element)))
            elif tag in ("div", "section", "article", "main", "span", "font", "center", "header"):
                paragraph(element)
    return blocks, photos
