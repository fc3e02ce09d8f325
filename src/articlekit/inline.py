"""Inline markup: the small allow-list of HTML that body text may carry, in one canonical form.

The canonical form is what :func:`canonical_inline` returns and what models store:

- elements ``a`` (with an ``href`` of a safe scheme), ``em``, ``strong``, ``code``, ``sub``,
  ``sup`` and the void ``br``; nothing else, and no other attribute;
- text escapes ``&``, ``<`` and ``>`` as ``&amp;``, ``&lt;`` and ``&gt;``; attribute values
  escape those and ``"``; every other character is literal and in Unicode NFC;
- runs of ASCII white space are one space, none at either end of the fragment, and no element
  is empty (but ``br``); links do not nest.

Anything else is made canonical by parsing it as HTML and walking the tree: ``b`` becomes
``strong``, ``i`` becomes ``em``, ``tt``/``kbd``/``samp`` become ``code``; scripts, styles,
embedded objects and their content are dropped; other elements are unwrapped to their content;
a link whose ``href`` is unsafe (``javascript:``, ``data:``, ...) keeps its text but loses the link.

The elements kept nest at most 100 levels deep, and all elements, unwrapped ones too, at most
128 (as in the documents the readers take): deeper markup is refused, never cut short (libxml2's
HTML parser drops what lies past 256 levels). The documents the writers make hold the markup
inside up to 9 levels of their own, so whatever the model holds is written into documents that
its readers take back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Final

from lxml import etree

from articlekit._text import FORBIDDEN_CHARACTER, check_xml_safe, nfc
from articlekit._urls import TEXT_LINK_SCHEMES, may_be_link
from articlekit._xml import MAX_DEPTH, MAX_INLINE_DEPTH
from articlekit.errors import ValidationError

__all__ = [
    "ALLOWED_TAGS",
    "SAFE_LINK_SCHEMES",
    "canonical_inline",
    "canonical_inline_from_element",
    "escape_text",
    "inline_text",
    "inline_to_element",
    "is_safe_link",
]

ALLOWED_TAGS: Final = frozenset({"a", "em", "strong", "code", "sub", "sup", "br"})
"""The elements canonical inline markup may hold."""
SAFE_LINK_SCHEMES: Final = TEXT_LINK_SCHEMES
"""The URL schemes a link may have; a link without a scheme (a relative URL) is safe too.

They are the writers' URL policy for links in body text (http, https, mailto and tel)."""

_RENAMED: Final = {"b": "strong", "i": "em", "tt": "code", "kbd": "code", "samp": "code"}
# Elements whose content is not text a reader sees, or is active content: dropped whole.
_DROPPED: Final = frozenset(
    {
        "script", "style", "template", "noscript", "iframe", "object", "applet",
        "svg", "math", "head", "title", "textarea", "select", "button", "canvas", "video",
        "audio", "img", "picture", "input", "meta", "link", "base",
    }
)  # fmt: skip
# Void in HTML5, but libxml2's HTML parser may not know it and nests what follows inside:
# the element goes, what it wrongly holds stays.
_VOID_UNKNOWN_TO_LIBXML2: Final = frozenset(
    {"embed", "source", "track", "wbr", "param", "area", "col", "keygen"}
)
# Block elements: unwrapping one must not glue its words to its neighbour's.
_BLOCKS: Final = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "header",
        "footer", "aside", "nav", "figure", "figcaption", "hr", "address", "main",
    }
)  # fmt: skip

_SCHEME: Final = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop tab and newline anywhere in a URL ("java\nscript:" is javascript:).
_URL_IGNORED: Final = re.compile("[\t\n\r]")

# One token of canonical markup. The groups: 1 an opening tag name, 2 an href, 3 a closing
# tag name. Text and the three entities match without groups.
_CANONICAL_TOKEN: Final = re.compile(
    r"[^<>&]+|&(?:amp|lt|gt);|<br>|<(em|strong|code|sub|sup)>"
    r'|<a href="((?:[^"<>&]|&(?:amp|lt|gt|quot);)*)">|</(em|strong|code|sub|sup|a)>'
)
# What separates fragments checked together: no fragment holds a newline, and the "<" makes the
# separator one more match of the tag pattern below, found as fast as the tags themselves.
_SEPARATOR: Final = "<\n>"
# The ASCII characters canonical markup may hold that need no closer look: printable, not <>&.
_PLAIN_ASCII: Final = bytes(c for c in range(0x20, 0x7F) if c not in b"<>&")
# The tags canonical markup may hold, and separators. Groups: 1 a separator, 2 "/" of an end
# tag, 3 the name, 4 the href attribute (` href="..."`, even an empty one), 5 "</" when an end
# tag follows at once (after a start tag: an empty element, or a mis-nested one). An <a>
# without href, or an href on another tag, matches too and is refused in the loop; entities are
# counted separately.
_CANONICAL_TAG: Final = re.compile(
    r'<(?:(\n)>|(/?)(em|strong|code|sub|sup|br|a)( href="[^"<>\n]*")?>(?:(?=(</))|))'
)
# An element with nothing but text inside: the common shape, found without a loop over tags.
# Groups: 1 the name of an element other than a link, 2 a link's href.
_LEAF_ELEMENT: Final = re.compile(
    r'<(?:(em|strong|code|sub|sup)>[^<>]+</\1|a href="([^"<>\n]*)">[^<>]+</a)>'
)
_TEXT_ENTITIES: Final = ("&amp;", "&lt;", "&gt;")
_UNUSUAL_AMPERSAND: Final = re.compile("&(?!(?:amp|lt|gt);)")
_ATTRIBUTE_ENTITY: Final = re.compile("&(amp|lt|gt|quot);")
_SPACE_RUN: Final = re.compile("[ \t\n\r]+")
_ENTITY_CHARS: Final = {"amp": "&", "lt": "<", "gt": ">", "quot": '"'}

# The HTML parser for markup that is not canonical yet: no network, no comments or PIs.
_HTML_PARSER: Final = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)

# Tokens of the tree walk: ("text", str), ("open", tag, href), ("close", tag), ("br",).
_Token = tuple[str, ...]


def canonical_inline(markup: str) -> str:
    """Return the canonical form of an inline HTML fragment.

    Args:
        markup: Inline HTML, canonical or not.

    Returns:
        The sanitised fragment in canonical form; ``""`` when nothing is left.

    Raises:
        ValidationError: The fragment holds a character XML cannot carry, or nests the
            elements it keeps deeper than 100 levels (all its elements deeper than 128).

    >>> canonical_inline('<b>Hi</b>  <script>x()</script><a href="javascript:x()">there</a>')
    '<strong>Hi</strong> there'

    .. versionadded:: 0.1
    """
    if not isinstance(markup, str):
        raise ValidationError(f"expected text, got {type(markup).__name__}")
    check_xml_safe(markup)
    if _is_canonical(markup):
        return nfc(markup)
    root = etree.fromstring(f"<html><body><div>{markup}</div></body></html>", _HTML_PARSER)
    container = root.find("body/div")
    if container is None:  # pragma: no cover - the parser always keeps the wrapper
        return ""
    return canonical_inline_from_element(container)


def canonical_inline_from_element(element: etree._Element) -> str:
    """Return the canonical form of the content of *element*, for readers of HTML and XML.

    Args:
        element: An lxml element from an HTML or XML tree; its namespace does not matter.

    Returns:
        The element's content (not the element itself), sanitised and in canonical form.

    Raises:
        ValidationError: The content nests the elements it keeps deeper than 100 levels (all
            its elements deeper than 128).

    .. versionadded:: 0.1
    """
    tokens = list(_walk_children(element, in_link=False, depth=0, kept=0))
    return nfc(_serialise(_tidy(tokens)))


def escape_text(text: str) -> str:
    """Escape plain text for use as canonical inline markup.

    >>> escape_text("AT&T <b>")
    'AT&amp;T &lt;b&gt;'

    .. versionadded:: 0.1
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline_text(markup: str) -> str:
    r"""Return the plain text of canonical inline markup; ``br`` becomes a newline.

    >>> inline_text('AT&amp;T <em>said</em><br>no')
    'AT&T said\nno'

    .. versionadded:: 0.1
    """
    return "".join(_plain_pieces(markup))


def _is_blank(markup: str) -> bool:
    """Tell whether canonical inline markup says nothing: empty, or line breaks and spaces only.

    The models refuse such markup where text is required.
    """
    return not markup or ("<br>" in markup and not inline_text(markup).strip())


def is_safe_link(href: str) -> bool:
    r"""Tell whether *href* is a URL a link may point to: http(s), mailto, tel or relative.

    Browsers ignore tabs and newlines in URLs, so this does too: ``"java\nscript:"`` is unsafe.

    .. versionadded:: 0.1
    """
    return may_be_link(href, in_text=True)


def inline_to_element(markup: str, tag: str, *, namespace: str | None = None) -> etree._Element:
    """Build an lxml element named *tag* whose content is the canonical *markup*.

    Args:
        markup: Canonical inline markup, as the models hold it.
        tag: The name of the element to build, e.g. ``"p"``.
        namespace: The namespace of the element and its children, e.g. XHTML's.

    Returns:
        A new element, for writers of HTML and XML.

    .. versionadded:: 0.1
    """
    name = (lambda local: f"{{{namespace}}}{local}") if namespace else (lambda local: local)
    root = etree.Element(name(tag))
    stack = [root]
    last: etree._Element | None = None  # the element whose tail takes the next text
    for token in _tokens_of_canonical(markup):
        kind = token[0]
        if kind == "text":
            if last is None:
                stack[-1].text = (stack[-1].text or "") + token[1]
            else:
                last.tail = (last.tail or "") + token[1]
        elif kind == "open":
            child = etree.SubElement(stack[-1], name(token[1]))
            if token[1] == "a":
                child.set("href", token[2])
            stack.append(child)
            last = None
        elif kind == "close":
            last = stack.pop()
        else:
            last = etree.SubElement(stack[-1], name("br"))
    return root


def _is_canonical(markup: str) -> bool:
    """Tell whether *markup* is canonical already, without parsing it as HTML.

    Only an optimisation: a false "no" costs a parse, so the checks are string operations in C
    with one Python loop over the (few) tags; a "yes" must never be wrong. It does not check
    NFC and XML safety, which `canonical_inline` checks around it. Markup nested deeper than
    `MAX_INLINE_DEPTH` is not canonical: the tree walk refuses it and says why.
    """
    if not markup or "\n" in markup or "\t" in markup or "\r" in markup:
        return not markup
    return _structure_is_canonical(markup, (markup,))


def _are_canonical(fragments: Sequence[str]) -> bool:
    """Tell whether the model would keep every one of *fragments* exactly as it is.

    That is: each is canonical inline markup, XML-safe, NFC, and has text. For loaders that
    check a whole document's markup at once: the checks run over all fragments joined, so their
    cost is a few passes in C rather than a dozen calls per fragment. Like `_is_canonical`, a
    "no" may be wrong (the caller then checks each fragment on its own), a "yes" never is.
    """
    if "" in fragments:
        return False
    # ASCII fragments (most, in English) are checked apart: joined, they make a string of one
    # byte per character, which C scans several times faster, and need no NFC check.
    ascii_fragments = [fragment for fragment in fragments if fragment.isascii()]
    if ascii_fragments:
        # One pass keeps what needs a closer look: "<", ">", "&" and control characters.
        special = "".join(ascii_fragments).encode("ascii").translate(None, _PLAIN_ASCII)
        if special.translate(None, b"<>&"):  # a control character, tab or newline
            return False
        counts = (special.count(b"<"), special.count(b">"), special.count(b"&"))
        joined = _SEPARATOR.join(ascii_fragments)
        if not _structure_is_canonical(joined, ascii_fragments, with_text=True, counts=counts):
            return False
    if len(ascii_fragments) == len(fragments):
        return True
    others = [fragment for fragment in fragments if not fragment.isascii()]
    text = "".join(others)
    if not text.isprintable() and (
        FORBIDDEN_CHARACTER.search(text) or "\n" in text or "\t" in text or "\r" in text
    ):
        return False
    if not unicodedata.is_normalized("NFC", text):
        return False
    return _structure_is_canonical(_SEPARATOR.join(others), others, with_text=True)


def _structure_is_canonical(
    joined: str,
    fragments: Sequence[str],
    *,
    with_text: bool = False,
    counts: tuple[int, int, int] | None = None,
) -> bool:
    """Check the tags, entities and spaces of *fragments*, given as *joined* by `_SEPARATOR`.

    The caller has made sure that no fragment is empty or holds a tab, newline or CR, so the
    newlines of *joined* are those of the separators, which mark where each fragment ends.
    With *with_text*, a fragment of nothing but line breaks (which has no text) fails too.
    *counts*, when the caller knows them, are the numbers of "<", ">" and "&" in the fragments.
    """
    if "  " in joined or any(fragment[0] == " " or fragment[-1] == " " for fragment in fragments):
        return False
    separators = len(fragments) - 1
    if counts is None:
        counts = (joined.count("<") - separators, joined.count(">") - separators, joined.count("&"))
    opening, closing, ampersands = counts
    if not opening and not ampersands:
        return not closing
    hrefs = _links_if_flat(joined, opening, closing)
    if hrefs is None:  # an element holds another, or a tag is not canonical: look at each tag
        hrefs = _tags_are_canonical(joined, opening + separators, closing + separators)
        if hrefs is None:
            return False
    elif not all(map(_link_is_canonical, hrefs)):
        return False
    # Every "&" starts an entity: &amp;, &lt; or &gt;, or &quot; inside an href.
    if ampersands and _UNUSUAL_AMPERSAND.search(joined):
        quotes = sum(href.count("&quot;") for href in hrefs)
        if ampersands != quotes + sum(map(joined.count, _TEXT_ENTITIES)):
            return False
    if any(
        (fragment[0] == "<" or fragment[-1] == ">") and _has_space_at_an_end(fragment)
        for fragment in fragments
    ):
        return False
    return not (with_text and "<br>" in joined) or all(
        inline_text(fragment).strip() for fragment in fragments if "<br>" in fragment
    )


def _links_if_flat(joined: str, opening: int, closing: int) -> list[str] | None:
    """Return the hrefs of the links in *joined* if no element in it holds another, else None.

    *opening* and *closing* are the numbers of "<" and ">" in *joined* (separators aside):
    when the canonical elements that hold only text, and the line breaks, account for all of
    them, every tag is canonical and each fragment closes what it opens.
    """
    leaves = _LEAF_ELEMENT.findall(joined)
    line_breaks = opening - 2 * len(leaves)
    if closing != opening or (line_breaks and joined.count("<br>") != line_breaks):
        return None
    return [href for name, href in leaves if not name]


def _tags_are_canonical(joined: str, opening: int, closing: int) -> list[str] | None:
    """Check the tags of *joined* one by one: they nest, and each fragment closes what it opens.

    *opening* and *closing* are the numbers of "<" and ">" in *joined*. Returns the hrefs of
    the links as written, or ``None`` when a tag is not canonical or elements nest deeper than
    `MAX_INLINE_DEPTH`.
    """
    tags = _CANONICAL_TAG.findall(joined)
    if opening != len(tags) or closing != len(tags):
        return None
    hrefs: list[str] = []
    stack: list[str] = []
    for boundary, end, name, attribute, closed_at_once in tags:
        if boundary:
            if stack:
                return None
        elif name == "br":
            if end or attribute:
                return None
        elif end:
            if attribute or not stack or stack.pop() != name:
                return None
        elif closed_at_once:  # an empty element, or one closed by another's end tag
            return None
        elif name == "a":
            if not attribute or "a" in stack:
                return None
            href = attribute[7:-1]  # the value between ' href="' and '"'
            if not _link_is_canonical(href):
                return None
            hrefs.append(href)
            stack.append(name)
            if len(stack) > MAX_INLINE_DEPTH:
                return None
        elif attribute:
            return None
        else:
            stack.append(name)
            if len(stack) > MAX_INLINE_DEPTH:
                return None
    return None if stack else hrefs


def _link_is_canonical(href: str) -> bool:
    """Tell whether *href*, as written in canonical markup, is a canonical link target.

    Canonical links are non-empty, unpadded, and of a safe scheme in lower case (the caller
    has made sure that tab, CR and LF are absent).
    """
    link = _decode_attribute(href) if "&" in href else href
    if not link or link[0] == " " or link[-1] == " ":
        return False
    scheme = _SCHEME.match(link)
    return scheme is None or scheme.group(1) in SAFE_LINK_SCHEMES


def _has_space_at_an_end(markup: str) -> bool:
    """Tell whether the text starts or ends with a space, looking past tags (not ``<br>``)."""
    head = markup
    while head.startswith("<") and not head.startswith("<br>"):
        head = head[head.index(">") + 1 :]
    tail = markup
    while tail.endswith(">") and not tail.endswith("<br>"):
        tail = tail[: tail.rindex("<")]
    return head.startswith(" ") or tail.endswith(" ")


def _clean_href(raw: str) -> str:
    """Return *raw* as browsers read it: tab and newline removed, spaces stripped."""
    return _URL_IGNORED.sub("", raw).strip(" ")


def _decode_attribute(value: str) -> str:
    return _ATTRIBUTE_ENTITY.sub(lambda m: _ENTITY_CHARS[m.group(1)], value)


def _local_name(element: etree._Element) -> str | None:
    tag: object = element.tag  # a function, not a string, for comments and PIs
    if not isinstance(tag, str):
        return None
    return tag.rpartition("}")[2].lower()


def _walk_children(
    element: etree._Element, *, in_link: bool, depth: int, kept: int
) -> Iterator[_Token]:
    """The tokens of *element*'s content.

    *depth* is how deep *element* is in the fragment, *kept* how many of the elements around
    its content the canonical form keeps (``em``, ``a``, ...).
    """
    if element.text:
        yield ("text", element.text)
    for child in element:
        yield from _walk(child, in_link=in_link, depth=depth + 1, kept=kept)
        if child.tail:
            yield ("text", child.tail)


def _check_kept(kept: int) -> None:
    """Refuse markup whose kept elements nest deeper than the model takes."""
    if kept > MAX_INLINE_DEPTH:
        raise ValidationError(f"inline markup nests elements deeper than {MAX_INLINE_DEPTH} levels")


def _walk(element: etree._Element, *, in_link: bool, depth: int, kept: int) -> Iterator[_Token]:
    # The walk recurses once per level; libxml2 2.14 drops what lies past 256 levels of a
    # document, older releases build deeper trees: refuse rather than lose text or the stack.
    # The elements the canonical form drops count here as in the documents the readers take.
    if depth > MAX_DEPTH:
        raise ValidationError(
            f"inline markup nests elements deeper than {MAX_DEPTH} levels, "
            "counting those it does not keep"
        )
    tag = _local_name(element)
    if tag is None or tag in _DROPPED:
        return
    if tag in _VOID_UNKNOWN_TO_LIBXML2:
        yield from _walk_children(element, in_link=in_link, depth=depth, kept=kept)
        return
    tag = _RENAMED.get(tag, tag)
    if tag == "br":
        yield ("br",)
        return
    if tag == "a":
        href = _clean_href(element.get("href") or "")
        if not in_link and href and is_safe_link(href):
            check_xml_safe(href)
            _check_kept(kept + 1)
            yield ("open", "a", _lower_scheme(href))
            yield from _walk_children(element, in_link=True, depth=depth, kept=kept + 1)
            yield ("close", "a")
            return
        yield from _walk_children(element, in_link=in_link, depth=depth, kept=kept)
        return
    if tag in ALLOWED_TAGS:
        _check_kept(kept + 1)
        yield ("open", tag, "")
        yield from _walk_children(element, in_link=in_link, depth=depth, kept=kept + 1)
        yield ("close", tag)
        return
    padding = tag in _BLOCKS
    if padding:
        yield ("text", " ")
    yield from _walk_children(element, in_link=in_link, depth=depth, kept=kept)
    if padding:
        yield ("text", " ")


def _lower_scheme(href: str) -> str:
    scheme = _SCHEME.match(href)
    if scheme is None:
        return href
    return scheme.group(1).lower() + href[scheme.end(1) :]


def _tidy(tokens: list[_Token]) -> list[_Token]:
    """Merge and fold text, strip the ends, drop empty elements; repeat until stable."""
    while True:
        tidied = _strip_ends(_drop_empty(_merge_text(tokens)))
        if tidied == tokens:
            return tidied
        tokens = tidied


def _merge_text(tokens: list[_Token]) -> list[_Token]:
    """Each run of text tokens as one, its white space folded: joined once, so linear in size."""
    merged: list[_Token] = []
    run: list[str] = []

    def end_run() -> None:
        text = _SPACE_RUN.sub(" ", "".join(run))
        if text:
            merged.append(("text", text))
        run.clear()

    for token in tokens:
        if token[0] == "text":
            run.append(token[1])
            continue
        if run:
            end_run()
        merged.append(token)
    if run:
        end_run()
    return merged


def _drop_empty(tokens: list[_Token]) -> list[_Token]:
    kept: list[_Token] = []
    for token in tokens:
        if token[0] == "close" and kept and kept[-1][0] == "open":
            kept.pop()
            continue
        kept.append(token)
    return kept


def _strip_ends(tokens: list[_Token]) -> list[_Token]:
    stripped = list(tokens)
    for indices, strip in (
        (range(len(stripped)), str.lstrip),
        (range(len(stripped) - 1, -1, -1), str.rstrip),
    ):
        for index in indices:
            kind = stripped[index][0]
            if kind == "text":
                stripped[index] = ("text", strip(stripped[index][1], " "))
                if stripped[index][1]:
                    break
            elif kind == "br":
                break
    return [token for token in stripped if token != ("text", "")]


def _serialise(tokens: list[_Token]) -> str:
    out: list[str] = []
    for token in tokens:
        kind = token[0]
        if kind == "text":
            out.append(escape_text(token[1]))
        elif kind == "open":
            if token[1] == "a":
                out.append(f'<a href="{escape_text(token[2]).replace(chr(34), "&quot;")}">')
            else:
                out.append(f"<{token[1]}>")
        elif kind == "close":
            out.append(f"</{token[1]}>")
        else:
            out.append("<br>")
    return "".join(out)


def _tokens_of_canonical(markup: str) -> Iterator[_Token]:
    for match in _CANONICAL_TOKEN.finditer(markup):
        opened, href, closed = match.groups()
        text = match.group()
        if opened:
            yield ("open", opened, "")
        elif href is not None:
            yield ("open", "a", _decode_attribute(href))
        elif closed:
            yield ("close", closed)
        elif text == "<br>":
            yield ("br",)
        elif text[0] == "&":
            yield ("text", _ENTITY_CHARS[text[1:-1]])
        else:
            yield ("text", text)


def _plain_pieces(markup: str) -> Iterator[str]:
    for token in _tokens_of_canonical(markup):
        if token[0] == "text":
            yield token[1]
        elif token[0] == "br":
            yield "\n"
