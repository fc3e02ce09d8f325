"""The registry of format modules, and format detection by content."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import IO, Any, Final

from articlekit._io import read_binary
from articlekit.errors import UnsupportedError
from articlekit.model import Article

__all__ = [
    "FORMATS",
    "READABLE",
    "ROUND_TRIP",
    "WRITABLE",
    "Format",
    "detect",
    "detect_file",
    "format_for_path",
    "get_format",
]

_NEWSML_NAMESPACE: Final = b"http://iptc.org/std/nar/2006-10-01/"
_SNIFF_BYTES: Final = 64 * 1024  # enough for the prolog, root element and first item
# An element's name after its "<": NITF's root is nitf (any version, a prefix or none), NewsML
# 1.x's NewsML; the root is found past the prolog, so that a NewsML 1.x envelope holding NITF
# is told as NewsML.
_NAME: Final = re.compile(rb"[A-Za-z_][\w.:-]*")
# The ends of what may come before the root element: comment, processing instruction, DOCTYPE.
_PROLOG_ENDS: Final = ((b"<!--", b"-->"), (b"<?", b"?>"), (b"<!", b">"))
# What marks a page articlekit wrote: the generator named in its head, or (in a fragment, and
# in pages of articlekit 0.1 and 0.2) an <article> whose class is "articlekit", as its writer
# puts them. No two repeats can match the same text, so a hostile page costs linear time.
_ARTICLEKIT_MARKS: Final = (
    re.compile(rb"""<meta\s+name\s*=\s*["']?generator["']?\s+content\s*=\s*["']?articlekit\b"""),
    re.compile(rb"""<article\s+class\s*=\s*["']?articlekit\b"""),
)


@dataclass(frozen=True)
class Format:
    """One format articlekit reads or writes: its module and the names it goes by.

    Attributes:
        name: The name used by `detect`, `convert` and the command line.
        module_name: The module with ``loads``/``dumps`` (and ``iter_articles`` for containers).
        extensions: File name endings, the first one written.
        description: A few words for help texts.
        streams: Whether the module's ``iter_articles`` reads a binary file as a stream.
        writes: Whether articlekit writes the format; a read-only one (NewsML 1.x) has no
            ``dumps``, and `dumps` refuses it.
        reads_pages: Whether the module's ``loads`` takes the page's ``url`` and the
            ``charset`` its server declared (``web``), for inputs fetched from the web.
        reads: Whether articlekit reads the format; a write-only one (plain text, Markdown)
            has no ``loads``, and `loads` and `iter_articles` refuse it.
        repairs: Whether the module's readers repair producers' deviations and take
            ``strict``, which refuses them instead.
    """

    name: str
    module_name: str
    extensions: tuple[str, ...]
    description: str
    streams: bool = False
    writes: bool = True
    reads_pages: bool = False
    reads: bool = True
    repairs: bool = True

    @property
    def module(self) -> ModuleType:
        """The format module, imported on first use."""
        return importlib.import_module(self.module_name)

    def loads(self, data: str | bytes, *, strict: bool = False, **page: str | None) -> Article:
        """Read one article; *page* (``url``, ``charset``) goes to the formats that read pages.

        *strict* refuses a producer's deviation instead of repairing it, in the formats that
        repair (`repairs`); the others repair nothing.

        Raises:
            UnsupportedError: The format is write only.
        """
        self._check_reads()
        article: Article = self.module.loads(data, **self._reading(strict, page))
        return article

    def _reading(self, strict: bool, page: dict[str, str | None]) -> dict[str, Any]:
        """The keyword arguments of this format's readers."""
        return {
            **(page if self.reads_pages else {}),
            **({"strict": strict} if self.repairs else {}),
        }

    def iter_articles(
        self, source: str | bytes | IO[bytes], *, strict: bool = False, **page: str | None
    ) -> Iterator[Article]:
        """Read every article of a document: several from a container, else the one.

        A binary file is streamed by the formats that can (`streams`), else read whole.
        *page* (``url``, ``charset``) goes to the formats that read pages; *strict* as in
        `loads`.
        """
        self._check_reads()
        data = source if isinstance(source, (str, bytes)) or self.streams else read_binary(source)
        reader = getattr(self.module, "iter_articles", None)
        if reader is None:
            yield self.loads(data, strict=strict, **page)  # type: ignore[arg-type]
            return
        yield from reader(data, **self._reading(strict, {}))

    def _check_reads(self) -> None:
        if not self.reads:
            raise UnsupportedError(
                f"articlekit writes {self.name} ({self.description}) but does not read it; "
                f"read one of {', '.join(READABLE)}"
            )

    def dumps(self, article: Article, *, strict: bool = False, **options: Any) -> bytes:
        """Write one article as bytes (UTF-8 for the text formats).

        Raises:
            UnsupportedError: The format is read only.
        """
        if not self.writes:
            raise UnsupportedError(
                f"articlekit reads {self.name} ({self.description}) but does not write it; "
                f"write one of {', '.join(WRITABLE)}"
            )
        written = self.module.dumps(article, strict=strict, **options)
        return written if isinstance(written, bytes) else written.encode("utf-8")


FORMATS: Final = {
    format.name: format
    for format in (
        Format("json", "articlekit.json", (".json",), "articlekit JSON"),
        Format("ninjs", "articlekit.ninjs", (".ninjs.json", ".ninjs"), "IPTC ninjs (JSON)"),
        Format("newsml", "articlekit.newsml", (".xml", ".newsml"), "IPTC NewsML-G2 (XML)", True),
        Format("nitf", "articlekit.nitf", (".nitf.xml", ".nitf"), "IPTC NITF 3.6 (XML)"),
        # Read only: NewsML-G2 replaced NewsML 1.x in 2008, nobody should produce it now.
        Format(
            "newsml1",
            "articlekit.newsml1",
            (".newsml1.xml",),
            "IPTC NewsML 1.x (XML), read only",
            writes=False,
        ),
        # articlekit's own HTML: nothing to repair.
        Format(
            "html",
            "articlekit.html",
            (".html", ".htm"),
            "HTML5 with schema.org markup",
            repairs=False,
        ),
        # Read only, by articlekit.extract: any other web page. No file ending of its own, as
        # a saved page is an .html file: detection tells it from articlekit's own HTML.
        Format(
            "web",
            "articlekit.web",
            (),
            "any other web page, read only",
            writes=False,
            reads_pages=True,
            repairs=False,  # a page is read as it comes: extract repairs silently, by design
        ),
        Format(
            "jsonl",
            "articlekit.jsonl",
            (".jsonl", ".ndjson"),
            "JSON Lines of articlekit JSON",
            True,
        ),
        # Write only: neither says which line is which field (docs/formats/markdown.md).
        Format(
            "text",
            "articlekit.text",
            (".txt",),
            "plain text, write only",
            reads=False,
            repairs=False,
        ),
        Format(
            "markdown",
            "articlekit.markdown",
            (".md", ".markdown"),
            "Markdown (CommonMark), write only",
            reads=False,
            repairs=False,
        ),
    )
}
"""Every format, by name."""
WRITABLE: Final = tuple(name for name, format in FORMATS.items() if format.writes)
"""The names of the formats articlekit writes: all but the read-only ones."""
READABLE: Final = tuple(name for name, format in FORMATS.items() if format.reads)
"""The names of the formats articlekit reads: all but the write-only ones."""
ROUND_TRIP: Final = tuple(name for name in WRITABLE if name in READABLE)
"""The names of the formats articlekit both writes and reads back."""


def get_format(name: str) -> Format:
    """Return the format called *name*; `ValueError` naming the choices when there is none."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None


def format_for_path(path: str) -> Format:
    """Return the format a file name's ending stands for (longest ending first)."""
    lowered = path.lower()
    matches = [
        (len(ending), format)
        for format in FORMATS.values()
        for ending in format.extensions
        if lowered.endswith(ending)
    ]
    if not matches:
        raise ValueError(f"cannot tell the format of {path!r} from its name; name the format")
    return max(matches, key=lambda match: match[0])[1]


def detect(data: str | bytes) -> str:
    """Tell the format of a document from its content, not its name.

    Returns:
        ``"json"``, ``"ninjs"``, ``"newsml"``, ``"nitf"``, ``"newsml1"`` (NewsML 1.x),
        ``"html"`` (a page or fragment articlekit wrote), ``"web"`` (any other HTML page, read
        by `articlekit.extract.extract`) or ``"jsonl"`` (JSON Lines: its first non-blank line
        is an articlekit JSON object, and another line follows). A NewsML-G2 item that carries
        an NITF body is ``"newsml"``, a NewsML 1.x envelope that carries NITF ``"newsml1"``.

    Raises:
        UnsupportedError: The content is none of the formats articlekit reads.
        ParseError: It looks like JSON but is not.

    >>> import articlekit
    >>> from articlekit import html, json
    >>> sample = articlekit.sample()
    >>> articlekit.detect(json.dumps(sample)), articlekit.detect(html.dumps(sample))
    ('json', 'html')

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       Knows NITF and NewsML 1.x.
    .. versionchanged:: 0.2
       Tells articlekit's own HTML (``"html"``) from other web pages (``"web"``).
    """
    # Only the start is looked at: a huge text is neither encoded nor copied whole.
    head = data[:_SNIFF_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", "surrogatepass")[:_SNIFF_BYTES]
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if _NEWSML_NAMESPACE in head:
            return "newsml"
        root = _root_name(head)
        if root == b"nitf":
            return "nitf"
        if root == b"NewsML":
            return "newsml1"
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype html" in lowered or b"<article" in lowered:
            return "html" if _is_articlekit_page(lowered) else "web"
        raise UnsupportedError("an XML or HTML document, but neither NewsML-G2 nor an HTML page")
    if head.startswith(b"{") and _is_json_lines(head):
        return "jsonl"
    if head.startswith((b"{", b"[")):
        return _detect_json(data)
    raise UnsupportedError("not a document articlekit reads: neither JSON, XML nor HTML")


def _is_articlekit_page(lowered: bytes) -> bool:
    """Tell whether the lower-cased start of an HTML page carries articlekit's mark."""
    return any(mark.search(lowered) for mark in _ARTICLEKIT_MARKS)


def _root_name(head: bytes) -> bytes | None:
    """The local name of the root element of the XML *head*, past its prolog; None if cut off.

    Each search starts where the last ended, so the work is linear in *head*.
    """
    position = 0
    while (start := head.find(b"<", position)) != -1:
        end = next((e for s, e in _PROLOG_ENDS if head.startswith(s, start)), None)
        if end is None:
            name = _NAME.match(head, start + 1)
            return None if name is None else name[0].rpartition(b":")[2]
        position = _end_of(head, start, end)
        if position == -1:
            return None
    return None


def _end_of(head: bytes, start: int, end: bytes) -> int:
    """Where the comment, processing instruction or declaration at *start* ends; -1 if cut off."""
    close = head.find(end, start + 2)
    if end == b">" and close != -1 and (subset := head.find(b"[", start, close)) != -1:
        # A DOCTYPE's internal subset holds declarations with ">" of their own.
        bracket = head.find(b"]", subset)
        close = -1 if bracket == -1 else head.find(end, bracket)
    return -1 if close == -1 else close + len(end)


def _is_json_lines(head: bytes) -> bool:
    """Tell whether *head* starts with a line of articlekit JSON that another line follows."""
    first, newline, rest = head.partition(b"\n")
    if not newline or not rest.strip():
        return False
    from articlekit._json_text import parse_json
    from articlekit.errors import ParseError

    try:
        document = parse_json(first, strict=False)  # readers repair duplicates
    except ParseError:
        return False
    return isinstance(document, dict) and "articlekit" in document


def detect_file(fp: IO[bytes], name: str = "") -> str:
    """Tell the format of a seekable binary file, reading no more than it must; rewinds it.

    Markup is told from its first 64 KiB, JSON Lines from its first two lines; other JSON
    is read whole. A one-line ``.jsonl``/``.ndjson`` file (one article) is JSON Lines too.
    """
    start = fp.tell()
    try:
        head = fp.read(_SNIFF_BYTES)
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped.startswith(b"{"):
            fp.seek(start)
            lines = [fp.readline()]
            while lines[-1] and not lines[-1].strip():
                lines.append(fp.readline())  # blank lines before the first
            lines.append(fp.readline())
            while lines[-1] and not lines[-1].strip():
                lines.append(fp.readline())
            if _is_json_lines(b"".join(lines).lstrip(b"\xef\xbb\xbf \t\r\n")):
                return "jsonl"
        if stripped.startswith((b"{", b"[")):
            fp.seek(start)
            found = detect(read_binary(fp))
        else:
            found = detect(head)
    finally:
        fp.seek(start)
    if found == "json" and name.lower().endswith(FORMATS["jsonl"].extensions):
        return "jsonl"
    return found


def _detect_json(data: str | bytes) -> str:
    from articlekit._json_text import parse_json

    document = parse_json(data, strict=False)  # readers repair duplicates
    first = document[0] if isinstance(document, list) and document else document
    if not isinstance(first, dict):
        raise UnsupportedError("JSON, but not an object or a list of objects")
    if "articlekit" in first:
        return "json"
    ninjs_keys = {"uri", "headline", "headlines", "standard", "$standard", "body_html", "bodies"}
    if ninjs_keys & set(first):
        return "ninjs"
    raise UnsupportedError("JSON, but neither articlekit JSON nor ninjs")
