"""Build the fuzzers' seed corpus and dictionaries from the material the tests use.

``python fuzz/seeds.py DIR`` writes one folder of seeds per kind of document
(``DIR/json``, ``DIR/jsonl``, ``DIR/ninjs``, ``DIR/newsml``, ``DIR/nitf``, ``DIR/newsml1``,
``DIR/html``, ``DIR/pages``) and
a libFuzzer dictionary per kind (``DIR/json.dict``, ...):

- `articlekit.sample` in every format, and in each format's variants (ninjs versions, a bare
  newsItem, an HTML fragment);
- articles drawn from `articlekit.strategies` with a fixed seed, so every run starts alike;
- the IPTC examples and the real producers' documents in ``../shared`` where it is present
  (nothing depends on it), and real web pages for `extract`;
- small hostile documents written here: deep nesting, entities, odd encodings, huge numbers.

Nothing generated is committed: the seeds are rebuilt for each run in a few seconds.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json as stdlib_json
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from lxml import etree

import articlekit
from articlekit import Article, html, json, jsonl, newsml, ninjs, nitf

__all__ = ["KINDS", "SHARED", "build", "generated_articles", "hostile_seeds"]

KINDS: Final = ("json", "jsonl", "ninjs", "newsml", "nitf", "newsml1", "html", "pages")
"""The kinds of seed, one folder each; ``pages`` are real web pages, for `extract`."""

SHARED: Final = Path(__file__).resolve().parents[2] / "shared"
"""The ``shared/`` folder beside the checkout, as the tests find it."""

_PAGE_BYTES: Final = 128 * 1024  # the fuzzers read no more of a real page (extract's max_len)


def generated_articles(count: int) -> list[Article]:
    """Return *count* articles from `articlekit.strategies`, the same ones on every call."""
    from hypothesis import HealthCheck, Phase, given, settings

    from articlekit import strategies

    found: list[Article] = []

    @settings(
        database=None,
        derandomize=True,  # a fixed seed: every build draws the same articles
        max_examples=count,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategies.articles())
    def collect(article: Article) -> None:
        found.append(article)

    collect()
    return found[:count]


def _written(articles: list[Article]) -> Iterator[tuple[str, str, bytes]]:
    """(kind, name, document) for each article in every format and variant."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        for number, article in enumerate(articles):
            name = "sample" if number == 0 else f"strategies-{number:02}"
            yield "json", name, json.dumps(article).encode()
            yield "html", name, html.dumps(article).encode()
            yield "newsml", name, newsml.dumps(article)
            yield "nitf", name, nitf.dumps(article)
            for version in ninjs.VERSIONS:
                yield "ninjs", f"{name}-{version}", ninjs.dumps(article, version=version).encode()
            if number < 4:  # the variants: once or a few times is enough
                yield "json", f"{name}-indented", json.dumps(article, indent=2).encode()
                yield "html", f"{name}-fragment", html.dumps(article, fragment=True).encode()
                yield "newsml", f"{name}-item", newsml.dumps(article, container="newsItem")
        for number, group in enumerate(_batched(articles, 3)):
            yield "jsonl", f"lines-{number:02}", jsonl.dumps(group).encode()
        pair = articles[:2]
        yield "ninjs", "list", ("[" + ",".join(ninjs.dumps(item) for item in pair) + "]").encode()


def _batched(items: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_MINIMAL_JSON: Final = b'{"articlekit": 1, "uri": "urn:x:1", "headline": "x"'
_MINIMAL_NINJS: Final = b'{"uri": "urn:x:1", "type": "text", "headlines": [{"value": "x"}]'
_MINIMAL_NEWSML: Final = (
    b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1" '
    b'standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
    b'<provider qcode="nprov:x"/><versionCreated>2024-01-01T00:00:00Z</versionCreated>'
    b"</itemMeta><contentMeta><headline>x</headline></contentMeta>"
)
_MINIMAL_NITF: Final = (
    b'<nitf><head><docdata><doc-id id-string="urn:x:1"/></docdata></head><body><body.head>'
    b"<hedline><hl1>x</hl1></hedline></body.head><body.content>"
)
_NITF_END: Final = b"</body.content></body></nitf>"
# NewsML 1.x is read only: its seeds are written here, and taken from ../shared.
_MINIMAL_NEWSML1: Final = (
    b'<NewsML Version="1.2"><NewsEnvelope><DateAndTime>20240101T000000+0000</DateAndTime>'
    b"</NewsEnvelope><NewsItem><Identification><NewsIdentifier><ProviderId>x.org</ProviderId>"
    b"<DateId>20240101</DateId><NewsItemId>1</NewsItemId><RevisionId>1</RevisionId>"
    b"<PublicIdentifier>urn:newsml:x.org:20240101:1:1</PublicIdentifier></NewsIdentifier>"
    b"</Identification><NewsManagement><FirstCreated>20240101T000000+0000</FirstCreated>"
    b'<Status FormalName="Usable"/></NewsManagement><NewsComponent><NewsLines>'
    b"<HeadLine>x</HeadLine></NewsLines>"
)
_NEWSML1_END: Final = b"</NewsComponent></NewsItem></NewsML>"
_NEWSML1_TEXT: Final = b'<ContentItem><MediaType FormalName="Text"/><DataContent>'
_PAGE_HEAD: Final = b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
_ARTICLE: Final = (
    b"<article><h1>Rain due on Sunday</h1>"
    b"<p>Rain is expected on Sunday, the weather service said, in the north and west.</p>"
    b"<p>It will clear by Monday, with sun, light wind and cooler nights ahead.</p>"
)


def hostile_seeds() -> dict[str, dict[str, bytes]]:
    """Small hand-written documents at the edges of each kind, by kind and name."""
    deep = 300
    email = b'"bylines": [{"name": "x", "email": "a@' + b"." * 300 + b'@"}]'
    nested_objects = b'{"a":' * deep + b"0" + b"}" * deep
    # fmt: off
    return {
        "json": {
            "minimal": _MINIMAL_JSON + b"}",
            "deep-arrays": _MINIMAL_JSON + b', "body": ' + b"[" * deep + b"]" * deep + b"}",
            "deep-objects": _MINIMAL_JSON + b', "x": ' + nested_objects + b"}",
            "numbers": _MINIMAL_JSON + b', "photos": [{"href": "https://e.org/p.jpg", "width": '
            b"1e999, " + b'"height": 1' + b"0" * 50 + b"}]}",
            "surrogate-and-nul": b'{"articlekit": 1, "uri": "urn:\\ud800", "headline": "\\u0000"}',
            "utf16": (_MINIMAL_JSON + b"}").decode().encode("utf-16"),
            "bom": b"\xef\xbb\xbf" + _MINIMAL_JSON + b"}",
            "duplicate-keys": _MINIMAL_JSON + b', "headline": "y", "headline": null}',
            "email-dots": _MINIMAL_JSON + b", " + email + b"}",
            "url-space": _MINIMAL_JSON + b', "url": "http://' + b"a" * 300 + b' b"}',
            "url-unicode": _MINIMAL_JSON + ', "url": "https://example.org/café"}'.encode(),
            "future-version": b'{"articlekit": 99, "uri": "urn:x:1", "headline": "x"}',
        },
        "jsonl": {
            "two": (_MINIMAL_JSON + b"}\n") * 2,
            "blank-lines-and-bom": b"\xef\xbb\xbf\n" + _MINIMAL_JSON + b"}\n\n\r\n" + _MINIMAL_JSON
            + b"}",
            "separators": _MINIMAL_JSON + ', "summary": "a\u2028b\u2029c"}\n'.encode() * 2,
            "bad-second-line": _MINIMAL_JSON + b"}\n{\n",
        },
        "ninjs": {
            "minimal": _MINIMAL_NINJS + b"}",
            "old": b'{"uri": "urn:x:1", "type": "text", "headline": "x", "body_html": "<p>x</p>"}',
            "deep-html": _MINIMAL_NINJS + b', "body_html": "' + b"<b>" * deep + b'x"}',
            "empty-list": b"[]",
            "list": b"[" + _MINIMAL_NINJS + b"}, " + _MINIMAL_NINJS + b"}]",
            "unknown-standard": _MINIMAL_NINJS + b', "$standard": {"name": "x", "version": "9"}}',
            "renditions": _MINIMAL_NINJS + b', "renditions": {"a": {"href": '
            b'"data:image/svg+xml;base64,PHN2Zz4=", "width": -1}}}',
        },
        "newsml": {
            "minimal": _MINIMAL_NEWSML + b"</newsItem>",
            "entities": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>',
            "external-entity": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
            "deep": _MINIMAL_NEWSML + b"<contentSet><inlineXML><html><body>" + b"<div>" * deep
            + b"</body></html></inlineXML></contentSet></newsItem>",
            "wrong-encoding": b'<?xml version="1.0" encoding="utf-16"?>' + _MINIMAL_NEWSML
            + b"</newsItem>",
            "nbsp-paragraph": _MINIMAL_NEWSML + '<contentSet><inlineXML><html xmlns="http://www.w3.'
            'org/1999/xhtml"><body><p>\xa0</p><p>\u3000</p></body></html></inlineXML>'
            "</contentSet></newsItem>".encode(),
            "message": b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/>'
            b"<itemSet>" + _MINIMAL_NEWSML[_MINIMAL_NEWSML.index(b"<newsItem") :]
            + b"</newsItem><packageItem/></itemSet></newsMessage>",
        },
        "nitf": {
            "minimal": _MINIMAL_NITF + b"<p>x</p>" + _NITF_END,
            "doctype": b'<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">'
            + _MINIMAL_NITF + _NITF_END,
            "deep": _MINIMAL_NITF + b"<block>" * deep + b"</block>" * deep + _NITF_END,
            "photos": _MINIMAL_NITF + b'<media media-type="image" id="photo-1"><media-reference '
            b'source="https://e.org/a.jpg" width="1' + b"0" * 40 + b'"/></media><media '
            b'media-type="image"><media-reference source="https://e.org/a.jpg"/><media-producer '
            b'class="photographer"><person idsrc="uri" value="x"/></media-producer></media>'
            + _NITF_END,
            "conventions": _MINIMAL_NITF.replace(b"</hl1>", b'</hl1><hl2 class="kicker"> </hl2>')
            + b'<hl2 class="h7 h3">x</hl2><hl2 class="h3"></hl2>' + _NITF_END[:-14]
            + b"<body.end><tagline><copyrite/>x</tagline><bibliography/></body.end></body></nitf>",
            "dates": _MINIMAL_NITF.replace(b"</docdata>", b'<date.issue norm="99999999T999999'
            b'+9999"/><urgency ed-urg="\xd9\xa3"/></docdata>') + _NITF_END,
        },
        "newsml1": {
            "minimal": _MINIMAL_NEWSML1 + _NEWSML1_TEXT + b"x</DataContent></ContentItem>"
            + _NEWSML1_END,
            "doctype-nitf": b'<?xml version="1.0"?><!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:'
            b'20031010:NewsMLv1.2.dtd:1" "NewsML_1.2.dtd" [<!ENTITY % nitf SYSTEM "nitf.dtd"> '
            b"%nitf; ]>" + _MINIMAL_NEWSML1 + _NEWSML1_TEXT + _MINIMAL_NITF + b"<p>x</p>"
            + _NITF_END + b"</DataContent></ContentItem>" + _NEWSML1_END,
            "xhtml": _MINIMAL_NEWSML1 + _NEWSML1_TEXT + b'<html xmlns="http://www.w3.org/1999/'
            b'xhtml"><body><p>x</p><ul><li>y</li></ul></body></html></DataContent></ContentItem>'
            + _NEWSML1_END,
            "deep": _MINIMAL_NEWSML1 + b"<NewsComponent>" * deep + b"</NewsComponent>" * deep
            + _NEWSML1_END,
            "photo": _MINIMAL_NEWSML1 + b'<NewsComponent><Role FormalName="Photo"/><NewsLines>'
            b"<CreditLine>c</CreditLine></NewsLines><ContentItem Href=\"https://e.org/a.jpg\">"
            b'<MediaType FormalName="Photo"/><Characteristics><Property FormalName="Width" '
            b'Value="1' + b"0" * 40 + b'"/></Characteristics></ContentItem></NewsComponent>'
            + _NEWSML1_TEXT + b"x</DataContent></ContentItem>" + _NEWSML1_END,
            "times": _MINIMAL_NEWSML1.replace(b"20240101T000000+0000", b"99999999T999999+9999")
            .replace(b"<RevisionId>1", b"<RevisionId>\xd9\xa3") + _NEWSML1_END,
            "two-items": _MINIMAL_NEWSML1 + _NEWSML1_TEXT + b"x</DataContent></ContentItem>"
            + b"</NewsComponent></NewsItem>"
            + _MINIMAL_NEWSML1[_MINIMAL_NEWSML1.index(b"<NewsItem>") :]
            + _NEWSML1_TEXT + b"y\n\nz</DataContent></ContentItem>" + _NEWSML1_END,
        },
        "html": {
            "minimal": _PAGE_HEAD + b"</head><body>" + _ARTICLE + b"</article></body></html>",
            "framework-attributes": _PAGE_HEAD + b"</head><body><article @click=\"x\" :class=\"y\" "
            b'[hidden]="z" (click)="w"><h1>Rain</h1><p>Rain <b:c:d>is</b:c:d> expected on Sunday, '
            b"the weather service said, in the north.</p></article></body></html>",
            "json-ld-deep": _PAGE_HEAD + b'<script type="application/ld+json">' + b"[" * deep
            + b"</script></head><body>" + _ARTICLE + b"</article></body></html>",
            "json-ld": _PAGE_HEAD + b'<script type="application/ld+json">{"@type": "NewsArticle", '
            b'"headline": "x", "author": [{"@type": "Person", "name": "A B"}], "datePublished": '
            b'"2024-02-30T25:00:00", "image": {"url": "data:x"}}</script></head><body>'
            + _ARTICLE + b"</article></body></html>",
            "figure-numbers": _PAGE_HEAD + b'</head><body><article data-status="usable"><h1>x</h1>'
            b'<figure data-photo="7"><img src="/p.jpg" width="12345678901234567890" height="-1">'
            b'<figcaption><span class="caption">c</span></figcaption></figure>'
            b'<div class="body"><p>x</p><figure data-photo="0"></figure></div></article></body>'
            b"</html>",
            "charsets": b'<html><head><meta charset="utf-7"><meta http-equiv="Content-Type" '
            b'content="text/html; charset=utf-16"></head><body>' + _ARTICLE
            + "<p>caf\xe9 \u2603</p>".encode("cp1252", "replace") + b"</article></body></html>",
            "links": _PAGE_HEAD + b'<base href="javascript:x"><link rel="canonical" '
            b'href="https://example.org/caf\xc3\xa9 x"></head><body>' + _ARTICLE
            + b'<p><a href="data:text/html,x">l</a> <a href="view-source:x">m</a></p>'
            b"</article></body></html>",
            "no-article": b"<html><body><p>x</p></body></html>",
            "nul-and-pi": b"<?xml version='1.0' encoding='latin-1'?>\x00<html><?php x ?>"
            b"<body><article><h1>\x00</h1></article></body></html>",
        },
    }
    # fmt: on


def _shared_documents(shared: Path) -> Iterator[tuple[str, str, bytes]]:
    """(kind, name, document) for the examples and corpora in *shared*, where they exist."""
    folders = [
        (shared / "standards" / "examples" / "newsml-g2", "*.xml", "newsml"),
        (shared / "standards" / "examples" / "ninjs", "*.json", "ninjs"),
        (shared / "corpora" / "real-dev", "*.xml", "newsml"),  # or nitf, by its root
        (shared / "corpora" / "real-dev", "*.json", "ninjs"),
    ]
    for folder, pattern, kind in folders:
        for path in sorted(folder.rglob(pattern)):
            name = "-".join(path.relative_to(folder.parent).with_suffix("").parts)
            data = path.read_bytes()
            yield _xml_kind(data) if kind == "newsml" else kind, name, data
    for path in sorted((shared / "corpora" / "html-dev" / "html").glob("*.html.gz")):
        with gzip.open(path) as page:
            yield "pages", f"html-dev-{path.name[:16]}", page.read(_PAGE_BYTES)


def _xml_kind(data: bytes) -> str:
    """The seed kind of an XML document of real-dev: NITF, NewsML 1.x or NewsML-G2."""
    try:
        kind = articlekit.detect(data)
    except articlekit.ArticleKitError:
        return "newsml"  # other XML: material for the XML readers all the same
    return kind if kind in ("nitf", "newsml1") else "newsml"


def _dictionary_entries(kind: str, documents: Iterable[bytes]) -> list[bytes]:
    """The names a fuzzer should know for *kind*, most frequent first.

    JSON keys, or element and attribute names and the words of a few attributes (``class``,
    ``itemprop``, ...).
    """
    entries: Counter[bytes] = Counter()
    for document in documents:
        if kind in ("json", "ninjs", "jsonl"):
            for line in document.splitlines() if kind == "jsonl" else [document]:
                entries.update(f'"{key}"'.encode() for key in _keys(_json_or_none(line)))
            continue
        parser = (
            etree.HTMLParser(no_network=True)
            if kind in ("html", "pages")
            else etree.XMLParser(resolve_entities=False, no_network=True)
        )
        try:
            root = etree.fromstring(document, parser)
        except etree.XMLSyntaxError:
            continue
        for element in root.iter() if root is not None else ():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.rpartition("}")[2].encode()
            entries.update([b"<" + tag, b"</" + tag + b">"])
            for name, value in element.attrib.items():
                entries[str(name).rpartition("}")[2].encode() + b'="'] += 1
                if name in ("class", "itemprop", "itemtype", "rel", "type", "role"):
                    entries.update(word.encode() for word in str(value).split()[:4])
    return [entry for entry, _ in entries.most_common() if 0 < len(entry) <= 64]


def _json_or_none(text: bytes) -> Any:
    try:
        return stdlib_json.loads(text)
    except ValueError:
        return None


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


_TOKENS: Final = {
    "json": [b"{", b"}", b"[", b"]", b'":', b"null", b"true", b"1e999", b'"\\ud800"', b'"\\u0000"'],
    "xml": [b"<!DOCTYPE", b"<!ENTITY", b"<![CDATA[", b"]]>", b"<?xml", b"&amp;", b"&#0;", b"/>",
            b"xmlns=\"", b"encoding=\"", b"\xa0", b"\xe3\x80\x80"],
    "html": [b"<!DOCTYPE html>", b"&nbsp;", b"&#0;", b"/>", b"javascript:", b"data:", b"http://",
             b"application/ld+json", b"NewsArticle", b"@type", b"@graph", b"charset="],
}  # fmt: skip
_TOKEN_KIND: Final = {
    "json": "json",
    "ninjs": "json",
    "jsonl": "json",
    "newsml": "xml",
    "nitf": "xml",
    "newsml1": "xml",
    "html": "html",
    "pages": "html",
}


def _dictionary_line(entry: bytes) -> str:
    """One libFuzzer dictionary line: the entry quoted, other than printable ASCII as hex."""
    quoted = "".join(
        chr(byte) if 32 <= byte < 127 and byte not in b'"\\' else f"\\x{byte:02x}" for byte in entry
    )
    return f'"{quoted}"'


def build(root: Path, *, articles: int = 24, shared: Path | None = SHARED) -> dict[str, int]:
    """Write the seeds and dictionaries under *root*; return the number of seeds per kind.

    Args:
        root: The folder to write into; created if missing.
        articles: How many generated articles to write (in every format), besides the sample.
        shared: The ``shared/`` folder whose examples and corpora to add, if it exists.
    """
    found: dict[str, dict[str, bytes]] = {kind: {} for kind in KINDS}
    material = [articlekit.sample(), *generated_articles(articles)]
    for kind, name, document in _written(material):
        found[kind][name] = document
    for kind, documents in hostile_seeds().items():
        found[kind].update({f"hostile-{name}": data for name, data in documents.items()})
    if shared is not None and shared.is_dir():
        for kind, name, document in _shared_documents(shared):
            found[kind][name] = document
    for kind, documents in found.items():
        folder = root / kind
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in documents.items():
            digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:8]
            (folder / f"{name}-{digest}").write_bytes(data)
        entries = {
            *_TOKENS[_TOKEN_KIND[kind]],
            *_dictionary_entries(kind, documents.values())[:400],
        }
        lines = sorted(_dictionary_line(entry) for entry in entries)
        (root / f"{kind}.dict").write_text("\n".join(lines) + "\n", encoding="ascii")
    return {kind: len(documents) for kind, documents in found.items()}


def main() -> None:
    """Build the seeds into the folder the command line names."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the seeds")
    parser.add_argument("--articles", type=int, default=24, help="generated articles (24)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="where shared/ is")
    parser.add_argument("--no-shared", action="store_true", help="leave out shared/")
    options = parser.parse_args()
    shared = None if options.no_shared else options.shared
    counts = build(options.folder, articles=options.articles, shared=shared)
    print(", ".join(f"{kind}: {count}" for kind, count in counts.items()))


if __name__ == "__main__":
    main()
