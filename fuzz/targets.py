"""The fuzz targets: one per reader, each a function of bytes that holds the reader to its oracle.

The oracle, for every target:

- the reader returns articles or raises an `ArticleKitError`; any other exception, and any
  warning but a reader's `RepairWarning`, escapes the target, and the fuzzer reports it as a
  crash;
- what was read, written back (in the same format where it has a writer; as articlekit JSON
  and as HTML for `extract` and `detect`) and read again, without repairs, is the same
  article, and the
  ways of reading one document agree (bytes and a stream; `detect` and `detect_file`); an
  `OracleError` says what differs;
- time and memory are bounded by libFuzzer (``-timeout``, ``-rss_limit_mb``), with the limits
  each `Target` names; the input size by ``-max_len``.

The targets need neither atheris nor libFuzzer: ``tests/test_fuzz_harness.py`` calls them
directly, and ``fuzz/run.py --replay`` runs one on saved inputs.
"""

from __future__ import annotations

import io
import os
import re
import traceback
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final, TypeVar, cast

import attrs

import articlekit
from articlekit import (
    ArticleKitError,
    RepairWarning,
    extract,
    html,
    json,
    jsonl,
    newsml,
    newsml1,
    ninjs,
    nitf,
)
from articlekit._formats import detect_file, get_format

__all__ = [
    "KNOWN_FINDINGS_VARIABLE",
    "TARGETS",
    "OracleError",
    "Target",
    "known_findings",
    "signature",
]

_Result = TypeVar("_Result")


class OracleError(Exception):
    """A reader broke the oracle otherwise than by raising.

    An article written and read again came back changed or could not be read back, or two
    ways of reading one document disagree.

    Attributes:
        where: What broke, without the values: ``html round trip: article.body[].text``.
    """

    def __init__(self, message: str, *, where: str):
        super().__init__(message)
        self.where = where


@dataclass(frozen=True)
class Target:
    """A fuzz target and the limits it is fuzzed under.

    Attributes:
        name: The name ``fuzz/run.py`` takes.
        check: Reads one input and holds the reader to the oracle; returns when it holds.
        max_len: The largest input, in bytes (libFuzzer ``-max_len``).
        timeout: Seconds one input may take (libFuzzer ``-timeout``).
        rss_limit_mb: The memory the fuzzing process may use (libFuzzer ``-rss_limit_mb``).
    """

    name: str
    check: Callable[[bytes], None]
    max_len: int
    timeout: int
    rss_limit_mb: int


def _read(reader: Callable[[bytes], _Result], data: bytes) -> _Result | None:
    """What *reader* makes of *data*; None for an ArticleKitError, the reader's way to say no.

    A `RepairWarning` is allowed here, as a reader's report of what it accepted from a
    deviating document; reading back what articlekit wrote allows none.
    """
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=RepairWarning)
            return reader(data)
    except ArticleKitError:
        return None


def _difference(before: object, after: object, where: str = "article") -> tuple[str, str]:
    """Where two unequal values first differ (a path into the article), and how."""
    if type(before) is type(after) and attrs.has(type(before)):
        for field in attrs.fields(cast(Any, type(before))):
            old, new = getattr(before, field.name), getattr(after, field.name)
            if old != new:
                return _difference(old, new, f"{where}.{field.name}")
    sequences = (tuple, list)
    if isinstance(before, sequences) and isinstance(after, sequences):
        if len(before) != len(after):
            return where, f"{len(before)} items became {len(after)}"
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            if old != new:
                return _difference(old, new, f"{where}[{index}]")
    if isinstance(before, str) and isinstance(after, str):
        start = next(
            (
                index
                for index, pair in enumerate(zip(before, after, strict=False))
                if pair[0] != pair[1]
            ),
            min(len(before), len(after)),
        )
        start = max(0, start - 40)
        return where, f"...{before[start : start + 120]!r} became ...{after[start : start + 120]!r}"
    return where, f"{before!r:.300} became {after!r:.300}"


def _same(before: object, after: object, what: str) -> None:
    """Raise OracleError naming the first difference unless *before* equals *after*."""
    if before != after:
        where, how = _difference(before, after)
        raise OracleError(f"{what}: {where}: {how}", where=f"{what}: {_unnumbered(where)}")


def _unnumbered(text: str) -> str:
    """*text* with its numbers left out, so that one fault at many places reads the same."""
    return re.sub(r"\d+", "", text)


def _round_trip(article: articlekit.Article, module: Any, name: str, **options: Any) -> None:
    """Write *article* with *module* and read it back: it must be the same article."""
    written = module.dumps(article, **options)
    try:
        again = module.loads(written)
    except ArticleKitError as error:
        message = f"{name} cannot read what it wrote: {type(error).__name__}: {error}"
        raise OracleError(message, where=_unnumbered(message)) from error
    _same(article, again, f"{name} round trip")


def _round_trips(articles: Iterable[articlekit.Article], module: Any, name: str) -> None:
    for article in articles:
        _round_trip(article, module, name)


def _json_and_html_round_trips(article: articlekit.Article) -> None:
    """What a reader of another format made survives articlekit JSON and HTML."""
    _round_trip(article, json, "json")
    _round_trip(article, html, "html")


KNOWN_FINDINGS_VARIABLE: Final = "ARTICLEKIT_FUZZ_KNOWN"
"""The environment variable naming a file of `signature` lines: findings to go on past."""

_ARTICLEKIT_SOURCE: Final = os.path.dirname(articlekit.__file__) + os.sep


def signature(error: BaseException) -> str:
    """What kind of finding *error* is, told the same wherever in an input it shows.

    The exception's type and the innermost articlekit function it passed through (and a
    warning's message, as every loss warning comes from one function); for a round trip,
    what changed, without indexes.
    """
    if isinstance(error, OracleError):
        return error.where
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if frame.filename.startswith(_ARTICLEKIT_SOURCE)]
    place = f" in {os.path.basename(ours[-1].filename)}:{ours[-1].name}" if ours else ""
    detail = f": {_unnumbered(str(error))[:120]}" if isinstance(error, Warning) else ""
    return f"{type(error).__name__}{place}{detail}"


def _known_findings() -> set[str]:
    path = os.environ.get(KNOWN_FINDINGS_VARIABLE)
    if not path or not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as known:
        return {line.rstrip("\n") for line in known if line.strip()}


known_findings: Final = _known_findings()
"""Signatures of findings already recorded (``fuzz/run.py --keep-going``); they pass."""


def _checked(function: Callable[[bytes], None]) -> Callable[[bytes], None]:
    """Hold *function* to the oracle's rules on warnings and known findings.

    Every warning is an error inside it (a reader says what is wrong by raising, and reports
    repairs as `RepairWarning`, which `_read` allows); a finding whose `signature` is in
    `known_findings` passes.
    """

    def check(data: bytes) -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                function(data)
        except Exception as error:
            if not known_findings or signature(error) not in known_findings:
                raise

    check.__name__ = check.__qualname__ = function.__name__
    check.__doc__ = function.__doc__
    return check


@_checked
def check_json(data: bytes) -> None:
    """Read articlekit JSON with `articlekit.json.loads`, then a JSON round trip."""
    article = _read(json.loads, data)
    if article is not None:
        _round_trip(article, json, "json")


@_checked
def check_jsonl(data: bytes) -> None:
    """JSON Lines: read as bytes and as a stream (the same articles), then a round trip."""
    articles = _read(lambda source: list(jsonl.iter_articles(source)), data)
    streamed = _read(lambda source: list(jsonl.iter_articles(io.BytesIO(source))), data)
    if articles is not None and streamed is not None:
        _same(articles, streamed, "jsonl bytes and stream")
    if articles:
        again = list(jsonl.iter_articles(jsonl.dumps(articles)))
        _same(articles, again, "jsonl round trip")


@_checked
def check_ninjs(data: bytes) -> None:
    """IPTC ninjs: `loads` and `iter_articles`, then a ninjs 3.1 round trip of each article."""
    article = _read(ninjs.loads, data)
    articles = _read(lambda source: list(ninjs.iter_articles(source)), data) or []
    if article is not None:
        _round_trip(article, ninjs, "ninjs")
    _round_trips((item for item in articles if item != article), ninjs, "ninjs")


@_checked
def check_newsml(data: bytes) -> None:
    """NewsML-G2: `loads`, `iter_articles` of bytes and of a stream, then round trips."""
    article = _read(newsml.loads, data)
    articles = _read(lambda source: list(newsml.iter_articles(source)), data)
    streamed = _read(lambda source: list(newsml.iter_articles(io.BytesIO(source))), data)
    if articles is not None and streamed is not None:
        _same(articles, streamed, "newsml bytes and stream")
    if article is not None:
        _round_trip(article, newsml, "newsml")
    _round_trips((item for item in articles or [] if item != article), newsml, "newsml")


@_checked
def check_nitf(data: bytes) -> None:
    """NITF: `articlekit.nitf.loads`, then a NITF 3.6 round trip.

    The reader fills no field the writer cannot carry (a biography), so a `LossWarning` here
    is a finding, as any other warning is.
    """
    article = _read(nitf.loads, data)
    if article is not None:
        _round_trip(article, nitf, "nitf")


@_checked
def check_newsml1(data: bytes) -> None:
    """NewsML 1.x (read only): `loads`, `iter_articles` of bytes and a stream; round trips.

    The readings agree, and each article makes JSON and HTML round trips.
    """
    article = _read(newsml1.loads, data)
    articles = _read(lambda source: list(newsml1.iter_articles(source)), data)
    streamed = _read(lambda source: list(newsml1.iter_articles(io.BytesIO(source))), data)
    if articles is not None and streamed is not None:
        _same(articles, streamed, "newsml1 bytes and stream")
    if article is not None and articles != [article]:
        raise OracleError("loads and iter_articles disagree", where="newsml1 loads")
    for item in articles or []:
        _json_and_html_round_trips(item)


@_checked
def check_html(data: bytes) -> None:
    """HTML: `articlekit.html.loads`, then a round trip as a page and as a fragment."""
    article = _read(html.loads, data)
    if article is not None:
        _round_trip(article, html, "html")
        _round_trip(article, html, "html fragment", fragment=True)


@_checked
def check_extract(data: bytes) -> None:
    """A web page: `articlekit.extract.extract`, then JSON and HTML round trips."""
    article = _read(extract.extract, data)
    if article is not None:
        _json_and_html_round_trips(article)


@_checked
def check_detect(data: bytes) -> None:
    """Any document: `detect` agrees with `detect_file`; the format it names reads it."""
    name = _read(articlekit.detect, data)
    from_file = _read(lambda source: detect_file(io.BytesIO(source)), data)
    if name != from_file:
        message = f"detect says {name!r}, detect_file says {from_file!r}"
        raise OracleError(message, where="detect and detect_file disagree")
    if name is None:
        return
    articles = _read(lambda source: list(get_format(name).iter_articles(source)), data) or []
    for article in articles:
        _json_and_html_round_trips(article)


# Limits: inputs up to 64 KiB (128 KiB for real pages), a little over the largest seeds; a
# timeout several hundred times the slowest seed's time (under 20 ms), so that only work that
# grows faster than the input reaches it; memory for the interpreter, the corpus and a
# reader's copies of an input, but not for a reader that allocates by what a number says.
_KIB: Final = 1024
TARGETS: Final = {
    target.name: target
    for target in (
        Target("json", check_json, max_len=64 * _KIB, timeout=3, rss_limit_mb=1024),
        Target("jsonl", check_jsonl, max_len=64 * _KIB, timeout=3, rss_limit_mb=1024),
        Target("ninjs", check_ninjs, max_len=64 * _KIB, timeout=3, rss_limit_mb=1024),
        Target("newsml", check_newsml, max_len=64 * _KIB, timeout=5, rss_limit_mb=1024),
        Target("nitf", check_nitf, max_len=64 * _KIB, timeout=5, rss_limit_mb=1024),
        Target("newsml1", check_newsml1, max_len=64 * _KIB, timeout=5, rss_limit_mb=1024),
        Target("html", check_html, max_len=64 * _KIB, timeout=5, rss_limit_mb=1024),
        Target("extract", check_extract, max_len=128 * _KIB, timeout=5, rss_limit_mb=1536),
        Target("detect", check_detect, max_len=64 * _KIB, timeout=5, rss_limit_mb=1024),
    )
}
"""Every target, by name, in the order ``fuzz/run.py`` runs them."""
