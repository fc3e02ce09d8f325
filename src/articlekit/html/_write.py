"""The HTML writer: an `Article` as semantic HTML5, microdata, OpenGraph and schema.org JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final

from lxml import etree

from articlekit._urls import mailto, may_be_link, may_be_source, photo_source
from articlekit._version import __version__
from articlekit.inline import inline_to_element
from articlekit.model import (
    Article,
    Block,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
    Status,
    Topic,
    TopicKind,
)

SCHEMA: Final = "https://schema.org/"
ARTICLE_CLASS: Final = "articlekit"

_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# In a <script>, the HTML tokenizer ends the block at "</script" and treats "<!--" specially;
# JSON allows \u escapes for any character, so these three never appear raw in the JSON text.
_JSON_ESCAPES: Final = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

STYLESHEET: Final = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5f6368; --rule: #e2e2e2; --accent: #b3261e; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 19px/1.6 Georgia, "Times New Roman", serif; }
article.articlekit { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
article.articlekit header { margin-bottom: 1.5rem; }
.section, .kicker, .byline-list, .meta, figcaption, .topics, .keywords, footer, .renditions,
.dateline, .embed { font-family: "Helvetica Neue", Arial, sans-serif; }
.section { margin: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase;
  color: var(--muted); }
.kicker { margin: .25rem 0 .5rem; font-size: .9rem; font-weight: 700; letter-spacing: .05em;
  text-transform: uppercase; color: var(--accent); }
h1 { margin: 0 0 .6rem; font-size: 2.3rem; line-height: 1.15; }
.dek { margin: 0 0 1rem; font-size: 1.25rem; line-height: 1.4; color: #333; }
.byline-list { margin: 0; font-style: normal; font-size: .9rem; }
.byline-list .author { font-weight: 700; }
.byline-list .role, .byline-list .affiliation, .byline-list .bio { font-weight: 400;
  color: var(--muted); }
.meta { margin: .4rem 0 1.2rem; font-size: .8rem; color: var(--muted); }
.meta time + time::before { content: "\\00a0\\00b7\\00a0"; }
.dateline { font-size: .85rem; font-weight: 700; text-transform: uppercase; margin: 0; }
figure { margin: 1.5rem 0; }
figure img { display: block; width: 100%; height: auto; background: #ddd; min-height: 12rem; }
figcaption { margin-top: .5rem; font-size: .8rem; line-height: 1.45; color: var(--muted); }
figcaption .credit { text-transform: uppercase; letter-spacing: .04em; font-size: .7rem; }
.renditions { list-style: none; padding: 0; margin: .25rem 0 0; font-size: .7rem; }
.renditions { color: var(--muted); }
.renditions::before { content: "Other sizes: "; }
.renditions li { display: inline; margin-right: .75rem; }
.body p { margin: 0 0 1.1rem; }
.body h2, .body h3, .body h4, .body h5, .body h6 {
  font-family: "Helvetica Neue", Arial, sans-serif; margin: 2rem 0 .75rem; line-height: 1.25; }
blockquote { margin: 1.5rem 0; padding-left: 1.25rem; border-left: 4px solid var(--accent);
  font-size: 1.2rem; font-style: italic; }
blockquote footer { font-style: normal; font-size: .9rem; color: var(--muted); }
.embed { border: 1px solid var(--rule); padding: .75rem 1rem; margin: 1.5rem 0; font-size: .9rem; }
a { color: #1a55a8; }
/* Each value is isolated, so that a bidi control inside one cannot reorder its neighbours. */
article.articlekit span, article.articlekit cite, article.articlekit time,
article.articlekit li { unicode-bidi: isolate; }
.topics, .keywords { list-style: none; padding: 0; margin: 1.5rem 0 0; }
.topics li, .keywords li { display: inline-block; margin: 0 .4rem .4rem 0; padding: .15rem .6rem;
  border: 1px solid var(--rule); border-radius: 1rem; font-size: .8rem; }
.keywords li { color: var(--muted); }
footer.article-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--rule);
  font-size: .75rem; color: var(--muted); }
footer.article-footer p { margin: .2rem 0; }
"""


def iso(moment: datetime) -> str:
    """An ISO 8601 / RFC 3339 date-time with its offset; microseconds only when there are some."""
    return moment.isoformat()


def _human(moment: datetime) -> str:
    offset = moment.strftime("%z")
    zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
    return (
        f"{_MONTHS[moment.month - 1]} {moment.day}, {moment.year}, "
        f"{moment.hour:02}:{moment.minute:02} {zone}"
    )


def _el(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    """Make an element (under *parent*), with text and attributes; `class_` is ``class``."""
    attributes = {key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()}
    element = (
        etree.Element(tag, attributes)
        if parent is None
        else etree.SubElement(parent, tag, attributes)
    )
    if text is not None:
        element.text = text
    if parent is not None:
        element.tail = "\n"
    return element


def _meta(parent: etree._Element, itemprop: str, content: str) -> None:
    _el(parent, "meta", itemprop=itemprop, content=content)


def _link(
    parent: etree._Element,
    url: str,
    *,
    class_: str | None = None,
    rel: str | None = None,
    itemprop: str | None = None,
    media_type: str | None = None,
) -> etree._Element:
    """A link to *url*, or a ``span`` that keeps *url* in ``data-href`` where it may not be one.

    The URL policy (`articlekit._urls`) says which URLs a reader may follow; any other URL
    the model takes (``urn:``, ``data:``, an app's scheme) stays on the page as inert data,
    without the link's ``rel``, microdata property or ``type``.
    """
    attributes = {"class": class_} if class_ is not None else {}
    if not may_be_link(url):
        attributes["data-href"] = url
        if media_type is not None:
            attributes["data-type"] = media_type
        return _el(parent, "span", **attributes)
    more = {"rel": rel, "href": url, "itemprop": itemprop, "type": media_type}
    attributes.update({name: value for name, value in more.items() if value is not None})
    return _el(parent, "a", **attributes)


def _time(parent: etree._Element, moment: datetime, class_: str, itemprop: str, label: str) -> None:
    time = _el(parent, "time", class_=class_, datetime=iso(moment), itemprop=itemprop)
    time.text = f"{label} {_human(moment)}"
    time.tail = None  # the stylesheet puts a separator between the times


def build_article(article: Article) -> etree._Element:
    """Build the ``<article>`` element that carries every field of *article*."""
    root = _el(None, "article", class_=ARTICLE_CLASS, itemscope="", itemtype=SCHEMA + "NewsArticle")
    root.text = "\n"
    if article.language is not None:
        root.set("lang", article.language)
    # Fields with no visible home and no schema.org property: data-* attributes (HTML 3.2.6.6).
    for name, value in (
        ("data-status", None if article.status is Status.USABLE else article.status.value),
        ("data-slugline", article.slugline),
        ("data-embargoed", None if article.embargoed is None else iso(article.embargoed)),
        ("data-editor-note", article.editor_note),
        ("data-urgency", None if article.urgency is None else str(article.urgency)),
    ):
        if value is not None:
            root.set(name, value)
    _meta(root, "identifier", article.uri)
    _meta(root, "version", str(article.version))
    if article.url is not None:
        if may_be_link(article.url):
            _el(root, "link", itemprop="url", href=article.url)
        else:  # not today's model, which takes only http(s) here: kept as data all the same
            _meta(root, "url", article.url)
    if article.summary is not None:
        _meta(root, "description", article.summary)
    if article.created is not None:
        _meta(root, "dateCreated", iso(article.created))
    _header(root, article)
    _body(root, article)
    _gallery(root, article)
    _tags(root, article)
    _footer(root, article)
    return root


def _header(root: etree._Element, article: Article) -> None:
    header = _el(root, "header")
    header.text = "\n"
    if article.section is not None:
        _el(header, "p", article.section, class_="section", itemprop="articleSection")
    if article.kicker is not None:
        _el(header, "p", article.kicker, class_="kicker")
    _el(header, "h1", article.headline, itemprop="headline")
    if article.subheadline is not None:
        _el(header, "p", article.subheadline, class_="dek", itemprop="alternativeHeadline")
    if article.bylines:
        address = _el(header, "address", class_="byline-list")
        address.text = "By "
        for index, byline in enumerate(article.bylines):
            if index:
                address[-1].tail = ", "
            _byline(address, byline, itemprop="author")
        address[-1].tail = None
    if article.published is not None or article.updated is not None:
        meta = _el(header, "p", class_="meta")
        if article.published is not None:
            _time(meta, article.published, "published", "datePublished", "Published")
        if article.updated is not None:
            _time(meta, article.updated, "updated", "dateModified", "Updated")
    if article.dateline is not None:
        _el(header, "p", article.dateline, class_="dateline")
    if article.photos:
        _figure(header, article.photos[0], 0)


def _byline(parent: etree._Element, byline: Byline, *, itemprop: str) -> None:
    person = _el(parent, "span", class_="author", itemprop=itemprop, itemscope="")
    person.set("itemtype", SCHEMA + "Person")
    if byline.uri is not None:
        name_parent = _link(person, byline.uri, rel="author", itemprop="url")
    else:
        name_parent = person
    _el(name_parent, "span", byline.name, class_="name", itemprop="name").tail = None
    if byline.role is not None:
        _el(person, "span", byline.role, class_="role", itemprop="jobTitle")
    if byline.affiliation is not None:
        _el(person, "span", byline.affiliation, class_="affiliation", itemprop="affiliation")
    if byline.email is not None:
        _el(person, "a", byline.email, class_="email", href=mailto(byline.email))
    if byline.bio is not None:
        _el(person, "span", byline.bio, class_="bio", itemprop="description")
    for child in person:  # separate the parts with a space, not a newline inside a line
        child.tail = " "
    person[-1].tail = None


def _figure(parent: etree._Element, photo: Photo, index: int) -> None:
    figure = _el(parent, "figure", class_="photo", itemprop="image", itemscope="")
    figure.set("itemtype", SCHEMA + "ImageObject")
    figure.set("data-photo", str(index))
    figure.text = "\n"
    if photo.uri is not None:
        _meta(figure, "identifier", photo.uri)
    if photo.media_type is not None:
        _meta(figure, "encodingFormat", photo.media_type)
    sizes = {
        name: str(value)
        for name, value in (("width", photo.width), ("height", photo.height))
        if value is not None
    }
    if photo.href is not None and may_be_source(photo.href):
        image = _el(figure, "img", src=photo.href, itemprop="contentUrl", **sizes)
        if photo.alt_text is not None:
            image.set("alt", photo.alt_text)
    else:  # nothing to show: the address, sizes and text alternative are data
        if photo.href is not None:  # a data: URL, which the URL policy does not let load
            figure.set("data-src", photo.href)
        for name, value in sizes.items():
            figure.set(f"data-{name}", value)
        if photo.alt_text is not None:
            figure.set("data-alt", photo.alt_text)
    parts = (
        (photo.caption, "caption", "caption"),
        (photo.credit, "credit", "creditText"),
        (photo.copyright_notice, "copyright", "copyrightNotice"),
    )
    if any(text is not None for text, _, _ in parts) or photo.photographer is not None:
        caption = _el(figure, "figcaption")
        for text, class_, itemprop in parts:
            if text is not None:
                _el(caption, "span", text, class_=class_, itemprop=itemprop).tail = " "
        if photo.photographer is not None:
            _byline(caption, photo.photographer, itemprop="creator")
        caption[-1].tail = None
    if photo.renditions:
        renditions = _el(figure, "ul", class_="renditions")
        for rendition in photo.renditions:
            item = _el(renditions, "li")
            link = _link(item, rendition.href, class_="rendition", media_type=rendition.media_type)
            link.text = rendition.name
            link.tail = None
            if rendition.width is not None:
                link.set("data-width", str(rendition.width))
            if rendition.height is not None:
                link.set("data-height", str(rendition.height))


def _body(root: etree._Element, article: Article) -> None:
    body = _el(root, "div", class_="body", itemprop="articleBody")
    body.text = "\n"
    for block in article.body:
        _block(body, block, article)


def _block(body: etree._Element, block: Block, article: Article) -> None:
    if isinstance(block, Paragraph):
        _append(body, inline_to_element(block.text, "p"))
    elif isinstance(block, Heading):
        _append(body, inline_to_element(block.text, f"h{block.level}"))
    elif isinstance(block, Quote):
        quote = _el(body, "blockquote")
        _append(quote, inline_to_element(block.text, "p"))
        if block.attribution is not None:
            footer = _el(quote, "footer")
            footer.text = "\u2014 "
            _el(footer, "cite", block.attribution).tail = None
    elif isinstance(block, ListBlock):
        items = _el(body, "ol" if block.ordered else "ul")
        for item in block.items:
            _append(items, inline_to_element(item, "li"))
    elif isinstance(block, PhotoRef):
        _figure(body, article.photos[block.photo], block.photo)
    elif isinstance(block, Embed):
        embed = _el(body, "div", class_="embed")
        link = _link(embed, block.url, class_="embed-link")
        link.tail = None
        if block.title is not None:
            _el(link, "span", block.title, class_="embed-title").tail = None
        else:
            link.text = block.url
    else:  # pragma: no cover - the model allows no other block
        raise TypeError(f"unknown block {block!r}")


def _append(parent: etree._Element, child: etree._Element) -> None:
    parent.append(child)
    child.tail = "\n"


def _gallery(root: etree._Element, article: Article) -> None:
    """Show the photos that neither lead nor appear in the body, so that each is on the page."""
    shown = {0} | {block.photo for block in article.body if isinstance(block, PhotoRef)}
    rest = [index for index in range(len(article.photos)) if index not in shown]
    if rest:
        gallery = _el(root, "section", class_="gallery")
        gallery.text = "\n"
        _el(gallery, "h2", "Photos")
        for index in rest:
            _figure(gallery, article.photos[index], index)


def _tags(root: etree._Element, article: Article) -> None:
    if article.topics:
        topics = _el(root, "ul", class_="topics")
        for topic in article.topics:
            _topic(_el(topics, "li"), topic)
    if article.keywords:
        keywords = _el(root, "ul", class_="keywords")
        for keyword in article.keywords:
            _el(keywords, "li", keyword, itemprop="keywords")


def _topic(item: etree._Element, topic: Topic) -> None:
    if topic.uri is not None:
        tag = _link(item, topic.uri, class_="topic", rel="tag")
    else:
        tag = _el(item, "span", class_="topic")
    tag.tail = None
    if topic.kind is not TopicKind.SUBJECT:
        tag.set("data-kind", topic.kind.value)
    if topic.code is not None:
        tag.set("data-code", topic.code)
    if topic.name is not None:
        _el(tag, "span", topic.name, class_="name").tail = None
    else:  # a topic without a name shows its code or its URI
        tag.text = topic.code if topic.code is not None else topic.uri


def _footer(root: etree._Element, article: Article) -> None:
    parts = (
        (article.located, "located", "contentLocation", "Location: "),
        (article.provider, "provider", "provider", "Provided by "),
        (article.copyright_notice, "copyright", "copyrightNotice", ""),
        (article.copyright_holder, "copyright-holder", "copyrightHolder", "Copyright holder: "),
        (article.usage_terms, "usage-terms", "usageInfo", "Terms of use: "),
    )
    if all(text is None for text, _, _, _ in parts):
        return
    footer = _el(root, "footer", class_="article-footer")
    footer.text = "\n"
    for text, class_, itemprop, label in parts:
        if text is not None:
            line = _el(footer, "p", label or None)
            _el(line, "span", text, class_=class_, itemprop=itemprop).tail = None


def json_ld(article: Article) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of *article*, as Google's article guidelines ask."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}

    def put(key: str, value: Any) -> None:
        if value is not None and value != []:
            data[key] = value

    put("headline", article.headline)
    put("alternativeHeadline", article.subheadline)
    put("description", article.summary)
    put("identifier", article.uri)
    put("version", article.version)
    page = article.url if article.url is not None and may_be_link(article.url) else None
    put("url", page)
    if page is not None:
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": page}
    put("inLanguage", article.language)
    put("articleSection", article.section)
    put("keywords", list(article.keywords))
    put("image", [url for url in map(photo_source, article.photos) if url is not None])
    for key, moment in (
        ("dateCreated", article.created),
        ("datePublished", article.published),
        ("dateModified", article.updated),
    ):
        put(key, None if moment is None else iso(moment))
    put("author", [_person(byline) for byline in article.bylines])
    if article.provider is not None:
        data["publisher"] = {"@type": "Organization", "name": article.provider}
    if article.copyright_holder is not None:
        data["copyrightHolder"] = {"@type": "Organization", "name": article.copyright_holder}
    put("copyrightNotice", article.copyright_notice)
    if article.usage_terms is not None:
        data["usageInfo"] = {"@type": "CreativeWork", "text": article.usage_terms}
    if article.located is not None:
        data["contentLocation"] = {"@type": "Place", "name": article.located}
    put("about", [_thing(topic) for topic in article.topics])
    return data


def _person(byline: Byline) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": byline.name}
    if byline.uri is not None and may_be_link(byline.uri):
        person["url"] = byline.uri
    elif byline.uri is not None:
        person["identifier"] = byline.uri
    if byline.role is not None:
        person["jobTitle"] = byline.role
    if byline.affiliation is not None:
        person["affiliation"] = {"@type": "Organization", "name": byline.affiliation}
    if byline.email is not None:
        person["email"] = byline.email
    if byline.bio is not None:
        person["description"] = byline.bio
    return person


def _thing(topic: Topic) -> dict[str, Any]:
    types = {
        TopicKind.PERSON: "Person",
        TopicKind.ORGANISATION: "Organization",
        TopicKind.PLACE: "Place",
        TopicKind.EVENT: "Event",
    }
    thing: dict[str, Any] = {"@type": types.get(topic.kind, "Thing")}
    if topic.name is not None:
        thing["name"] = topic.name
    identifiers = [topic.code] if topic.code is not None else []
    if topic.uri is not None and may_be_link(topic.uri):
        thing["sameAs"] = topic.uri
    elif topic.uri is not None:  # an identifier such as a urn: is not a page to visit
        identifiers.append(topic.uri)
    if identifiers:
        thing["identifier"] = identifiers[0] if len(identifiers) == 1 else identifiers
    return thing


def json_ld_text(article: Article) -> str:
    """The JSON-LD block's text, safe inside ``<script>``: no ``<``, ``>`` or ``&`` in it."""
    text = json.dumps(json_ld(article), ensure_ascii=False, indent=1)
    return "\n" + text.translate(_JSON_ESCAPES) + "\n"


def build_document(article: Article, *, stylesheet: bool) -> etree._Element:
    """Build the whole ``<html>`` document of *article*."""
    html = _el(None, "html")
    html.text = "\n"
    if article.language is not None:
        html.set("lang", article.language)
    head = _el(html, "head")
    head.text = "\n"
    _el(head, "meta", charset="utf-8")
    # The mark `articlekit.detect` tells articlekit's pages from other web pages by, first in
    # the head so that it is found however long the page; fragments carry class="articlekit".
    _el(head, "meta", name="generator", content=f"articlekit {__version__}")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "title", article.headline)
    if article.url is not None and may_be_link(article.url):
        _el(head, "link", rel="canonical", href=article.url)
    if article.summary is not None:
        _el(head, "meta", name="description", content=article.summary)
    if article.keywords:
        # The keywords meta is a comma-separated list; the exact list is in the article.
        _el(head, "meta", name="keywords", content=", ".join(article.keywords))
    for prop, content in _open_graph(article):
        _el(head, "meta", property=prop, content=content)
    script = _el(head, "script", type="application/ld+json")
    script.text = json_ld_text(article)
    if stylesheet:
        _el(head, "style", STYLESHEET)
    body = _el(html, "body")
    body.text = "\n"
    _append(body, build_article(article))
    return html


def _open_graph(article: Article) -> Iterable[tuple[str, str]]:
    """OpenGraph (ogp.me) and its article vertical."""
    yield "og:type", "article"
    yield "og:title", article.headline
    if article.summary is not None:
        yield "og:description", article.summary
    if article.url is not None and may_be_link(article.url):
        yield "og:url", article.url
    if article.language is not None:
        yield "og:locale", article.language.replace("-", "_")
    if article.provider is not None:
        yield "og:site_name", article.provider
    for photo in article.photos:
        url = photo_source(photo)
        if url is not None:
            yield "og:image", url
            if photo.alt_text is not None:
                yield "og:image:alt", photo.alt_text
    if article.published is not None:
        yield "article:published_time", iso(article.published)
    if article.updated is not None:
        yield "article:modified_time", iso(article.updated)
    if article.section is not None:
        yield "article:section", article.section
    for keyword in article.keywords:
        yield "article:tag", keyword
