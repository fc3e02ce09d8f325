"""Inline markup: the allow-list, sanitising, and one canonical form that every path agrees on."""

from __future__ import annotations

import json as json_module
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import articlekit
from articlekit import Paragraph, html, newsml, ninjs, strategies
from articlekit import json as articlekit_json
from articlekit._text import nfc
from articlekit._xml import MAX_DEPTH, MAX_INLINE_DEPTH
from articlekit.errors import ParseError, ValidationError
from articlekit.inline import (
    _are_canonical,
    canonical_inline,
    canonical_inline_from_element,
    escape_text,
    inline_text,
    inline_to_element,
    is_safe_link,
)
from articlekit.inline import _is_canonical as is_canonical

XHTML = "http://www.w3.org/1999/xhtml"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("plain words", "plain words"),
        ("  folded \n\t white   space ", "folded white space"),
        ("AT&T < BBC > CNN", "AT&amp;T &lt; BBC &gt; CNN"),
        ("<b>bold</b> and <i>italic</i>", "<strong>bold</strong> and <em>italic</em>"),
        ("<tt>x</tt><kbd>y</kbd><samp>z</samp>", "<code>x</code><code>y</code><code>z</code>"),
        ("<p>one</p><p>two</p>", "one two"),
        ("<span class='c' style='x'>kept text</span>", "kept text"),
        ("x<br/>y<BR>z", "x<br>y<br>z"),
        ("&eacute;t&eacute; &#x1F4F0;", "\u00e9t\u00e9 \U0001f4f0"),
        ("e\u0301", "\u00e9"),
        ("a\u00a0b", "a\u00a0b"),
        ("<em></em>gone", "gone"),
        ("<em> </em>x", "x"),
        ("<em>unclosed", "<em>unclosed</em>"),
        ('<a href=" HTTPS://example.org/?a=1&amp;b=2 " title="t">x</a>',
         '<a href="https://example.org/?a=1&amp;b=2">x</a>'),
        ('<a href="/relative">r</a> <a href="mailto:a@b.org">m</a>',
         '<a href="/relative">r</a> <a href="mailto:a@b.org">m</a>'),
        ('<a href="x">"quoted"</a>', '<a href="x">"quoted"</a>'),
        ("<a name='anchor'>no href</a>", "no href"),
        ("<!-- a comment -->text<?pi x?>", "text"),
    ],
)  # fmt: skip
def test_canonical_form_of_examples(raw, canonical):
    assert canonical_inline(raw) == canonical
    assert canonical_inline(canonical) == canonical


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        '<img src="x" onerror="alert(1)">',
        "<iframe src='https://evil.example'></iframe>",
        "<svg onload=alert(1)><circle/></svg>",
        "<object data='x'></object><embed src='x'>",
        "<noscript><p>fallback</p></noscript>",
        "<template><b>t</b></template>",
    ],
)
def test_active_content_is_dropped_with_its_content(hostile):
    assert canonical_inline(f"before {hostile} after") == "before after"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\nscript:alert(1)",
        " javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_keep_their_text_but_lose_the_link(href):
    assert canonical_inline(f'<a href="{href}">click</a>') == "click"


def test_event_handlers_and_other_attributes_never_survive():
    result = canonical_inline('<em onclick="x()" class="c">e</em><a href="/x" onclick="y()">a</a>')
    assert result == '<em>e</em><a href="/x">a</a>'
    assert "on" not in result.replace("</", "")


def test_links_do_not_nest():
    assert (
        canonical_inline('<a href="/a">outer <em><a href="/b">inner</a></em></a>').count("<a ") == 1
    )


def test_control_characters_are_refused_not_dropped():
    with pytest.raises(ValidationError, match="U\\+0007"):
        canonical_inline("bell\x07")


def test_escape_text_and_inline_text_are_inverse_on_plain_text():
    text = 'AT&T said <b> is "bold"'
    assert inline_text(escape_text(text)) == text
    assert inline_text("a<br>b <em>c</em>") == "a\nb c"


@pytest.mark.parametrize(
    ("href", "safe"),
    [("https://x.org", True), ("/a", True), ("mailto:a@b", True), ("tel:+1", True),
     ("javascript:x", False), ("data:,x", False), ("ftp://x", False)],
)  # fmt: skip
def test_is_safe_link(href, safe):
    assert is_safe_link(href) is safe


@given(strategies.inline_markup())
def test_canonical_form_is_a_fixed_point(raw):
    canonical = canonical_inline(raw)
    assert is_canonical(canonical)
    assert canonical_inline(canonical) == canonical


@given(strategies.inline_markup())
def test_fast_check_and_tree_walk_agree_on_canonical_markup(raw):
    # The fast path accepts a fragment without parsing; parsing it must give it back unchanged,
    # or readers (which walk trees) and constructors (which take the fast path) would disagree.
    canonical = canonical_inline(raw)
    parser = etree.HTMLParser()
    root = etree.fromstring(f"<html><body><div>{canonical}</div></body></html>", parser)
    assert canonical_inline_from_element(root.find("body/div")) == canonical


@given(strategies.inline_markup())
def test_xhtml_elements_built_from_canonical_markup_read_back_equal(raw):
    canonical = canonical_inline(raw)
    element = inline_to_element(canonical, "p", namespace=XHTML)
    reparsed = etree.fromstring(etree.tostring(element))
    assert canonical_inline_from_element(reparsed) == canonical


@given(st.text())
def test_any_text_either_canonicalises_or_raises_validation_error(text):
    try:
        canonical = canonical_inline(text)
    except ValidationError:
        return
    assert canonical_inline(canonical) == canonical


_PIECES = st.sampled_from(
    ["<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>", "<sub>", "</sup>", "<br>",
     "</br>", '<a href="/x">', '<a href="javascript:x">', '<a href="&quot;q">', '<a href="">',
     "<a>", "</a>", '<em href="x">', '<em href="">', '<br href="">', '</em href="">',
     "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&", "<",
     ">", " ", "  ", "\n", "word", "é", "e\u0301", '"', "'"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_fast_check_never_accepts_what_parsing_would_change(markup):
    # The fast path may say "no" too often (that only costs a parse), never "yes" wrongly.
    # (It does not check NFC: canonical_inline normalises after it.)
    if is_canonical(markup):
        parser = etree.HTMLParser()
        root = etree.fromstring(f"<html><body><div>{markup}</div></body></html>", parser)
        assert canonical_inline_from_element(root.find("body/div")) == nfc(markup)


@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=5))
def test_checking_fragments_together_never_accepts_what_the_model_would_change(fragments):
    # The bulk check behind fast loading: a "yes" means every fragment is stored as it is.
    if _are_canonical(fragments):
        for fragment in fragments:
            assert canonical_inline(fragment) == fragment
            assert Paragraph(text=fragment).text == fragment  # and the model accepts it


@pytest.mark.parametrize(
    ("fragments", "canonical"),
    [
        ([], True),
        (["one", "<em>two</em> words", 'a <a href="https://x.org/?a=1&amp;b=2">link</a>'], True),
        (["x<br>y", "<strong>z</strong>"], True),
        (["<em>open", "close</em>"], False),  # each must balance on its own
        (["one", ""], False),
        (["<br>"], False),  # nothing but a line break has no text
        (["x", "<em> y</em>"], False),
        (["x ", "y"], False),
        (["x", " y"], False),
        (["line\nbreak"], False),
        (["e\u0301"], False),
        (["\x07"], False),
        (['<a href="javascript:x">y</a>'], False),
        (["<b>x</b>"], False),
        (['<em href="">x</em>'], False),  # an attribute, even empty, only on links
        (['a<br href="">b'], False),
        (['<em>x</em href="">'], False),
        # Elements holding only text are checked without the loop over tags; these are not.
        (["<strong><em>x</em> y</strong>", "z"], True),
        (['<a href="/x"><em>y</em></a>'], True),
        (['a <a href="/q?a=&quot;b&quot;">c</a>'], True),  # &quot; only inside an href
        (["a &quot; b"], False),
        (["<em>x</em>y<em>"], False),
        (["x<br>y<br>z", "<em>a</em>"], True),
        (["<em>a</em><br>", "b"], True),
        (["a &amp; b &lt;c&gt;"], True),
        (["a &amp b"], False),
    ],
)
def test_are_canonical_on_examples(fragments, canonical):
    assert _are_canonical(fragments) is canonical


def _nested(tag: str, depth: int) -> str:
    return "before " + f"<{tag}>" * depth + "deep" + f"</{tag}>" * depth + " after"


@pytest.mark.parametrize("tag", ["em", "i"])  # canonical already, and canonical once parsed
def test_markup_nested_to_the_depth_limit_is_kept_whole(tag):
    assert Paragraph(text=_nested(tag, MAX_INLINE_DEPTH)).text == _nested("em", MAX_INLINE_DEPTH)


# Elements the canonical form keeps count against the model's limit; those it unwraps (span)
# against the readers' limit only, past which libxml2 may drop text.
@pytest.mark.parametrize("extra", [1, 300, 10_000])
@pytest.mark.parametrize(
    ("tag", "limit"), [("em", MAX_INLINE_DEPTH), ("i", MAX_INLINE_DEPTH), ("span", MAX_DEPTH)]
)
def test_markup_nested_beyond_the_depth_limit_is_refused_not_cut_short(
    tag: str, limit: int, extra: int
) -> None:
    # libxml2 2.14 dropped what lay past 256 levels, "deep" and " after" with it; canonical
    # markup was kept, however deep, for the writers to build trees no reader takes back.
    depth = limit + extra
    with pytest.raises(ValidationError, match=f"deeper than {limit} levels") as caught:
        Paragraph(text=_nested(tag, depth))
    assert caught.value.path == "text"
    with pytest.raises(ValidationError, match=f"deeper than {limit} levels"):
        canonical_inline(_nested(tag, depth))


def test_unwrapped_elements_nested_to_the_readers_limit_keep_their_text() -> None:
    assert Paragraph(text=_nested("span", MAX_DEPTH)).text == "before deep after"


def test_a_tree_nested_beyond_the_depth_limit_is_refused_not_walked_until_recursion_error():
    # Older libxml2 releases build such trees; lxml builds them whatever the release.
    root = etree.Element("p")
    element = root
    for _ in range(10_000):
        element = etree.SubElement(element, "em")
    element.text = "deep"
    with pytest.raises(ValidationError, match=f"deeper than {MAX_INLINE_DEPTH} levels"):
        canonical_inline_from_element(root)


@pytest.mark.parametrize("depth", [300, 10_000])
def test_every_reader_refuses_body_markup_nested_beyond_the_depth_limit(depth):
    article = articlekit.sample()
    markup = _nested("em", depth)
    document = json_module.loads(articlekit_json.dumps(article))
    document["body"][0]["text"] = markup
    with pytest.raises(ValidationError, match=f"deeper than {MAX_INLINE_DEPTH} levels") as caught:
        articlekit_json.loads(json_module.dumps(document))
    assert caught.value.path == "body[0].text"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        document = json_module.loads(ninjs.dumps(article))
    for body in document["bodies"]:
        if body["contentType"] == "text/html":
            body["value"] = f"<p>{markup}</p>"
    with pytest.raises(ValidationError, match=f"deeper than {MAX_DEPTH} levels"):
        ninjs.loads(json_module.dumps(document))
    # In a document of markup the nesting is the document's: too deep to parse.
    page = html.dumps(article).replace("<p>", f"<p>{markup}", 1)
    with pytest.raises(ParseError, match=f"deeper than {MAX_DEPTH} levels"):
        html.loads(page)
    item = newsml.dumps(article).replace(b"<p>", f"<p>{markup}".encode(), 1)
    with pytest.raises(ParseError, match=f"deeper than {MAX_DEPTH} levels"):
        newsml.loads(item)


def _article_nested_to(depth: int) -> articlekit.Article:
    """An article whose every kind of block holds markup nested *depth* levels deep."""
    markup = _nested("em", depth)
    return articlekit.Article(
        uri="urn:example:deep",
        headline="Deep",
        body=[
            Paragraph(text=markup),
            articlekit.Heading(text=markup, level=2),
            articlekit.Quote(text=markup),
            articlekit.ListBlock(items=[markup]),
        ],
    )


_ROUND_TRIPS: dict[str, tuple[Callable[[articlekit.Article], str | bytes], Callable[..., Any]]] = {
    "json": (articlekit_json.dumps, articlekit_json.loads),
    "ninjs 2.2": (lambda article: ninjs.dumps(article, version="2.2"), ninjs.loads),
    "ninjs 3.1": (lambda article: ninjs.dumps(article, version="3.1"), ninjs.loads),
    "newsml item": (lambda article: newsml.dumps(article, container="newsItem"), newsml.loads),
    "newsml message": (newsml.dumps, newsml.loads),
    "html page": (html.dumps, html.loads),
    "html fragment": (lambda article: html.dumps(article, fragment=True), html.loads),
}


@pytest.mark.parametrize("name", list(_ROUND_TRIPS))
def test_markup_at_the_model_depth_limit_survives_every_format_round_trip(name: str) -> None:
    # The writers put the markup inside levels of their own (9 in a newsMessage), which the
    # readers count against their limit of 128: at a model limit of 128 the documents
    # articlekit wrote from a valid article were too deep for its own readers.
    article = _article_nested_to(MAX_INLINE_DEPTH)
    write, read = _ROUND_TRIPS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        assert read(write(article)).body == article.body


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda markup: Paragraph(text=markup), "text"),
        (lambda markup: articlekit.Heading(text=markup, level=2), "text"),
        (lambda markup: articlekit.Quote(text=markup), "text"),
        (lambda markup: articlekit.ListBlock(items=[markup]), "items[0]"),
    ],
)
def test_markup_one_level_beyond_the_model_depth_limit_is_refused_at_construction(
    build: Callable[[str], object], path: str
) -> None:
    with pytest.raises(ValidationError, match=f"deeper than {MAX_INLINE_DEPTH} levels") as caught:
        build(_nested("em", MAX_INLINE_DEPTH + 1))
    assert caught.value.path == path
