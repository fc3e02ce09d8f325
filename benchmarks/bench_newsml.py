"""
Benchmark reading NewsML-G2 with articlekit against bare lxml and IPTC's newsmlg2 package.

Two documents, both written by `articlekit.newsml.dumps`:

- ``item``: a typical text newsItem, the shipped sample article (10 paragraphs, one photo
  linked), written with ``container="newsItem"``;
- ``message``: a newsMessage of 100 text newsItems (the sample with 100 different guids),
  read with `articlekit.newsml.iter_articles`.

Three readers of the same bytes:

- ``articlekit``: `articlekit.newsml.loads` (``item``) or ``list(iter_articles(...))``
  (``message``): hardened parse, model construction, validation, inline sanitising;
- ``lxml``: bare ``lxml.etree.fromstring(data)``, the floor (goal: articlekit within 2x);
- ``newsmlg2``: ``NewsMLG2.NewsMLG2Document(data).get_item()`` (goal: articlekit faster).
  newsmlg2 1.1 does not read the items inside a newsMessage (its ItemSet does not implement
  the schema's xs:any), so for ``message`` it reads the same 100 items as separate documents.

Run::

    python benchmarks/bench_newsml.py          # 7 repeats of >= 0.2 s per case
    python benchmarks/bench_newsml.py --quick  # 3 short repeats
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import timeit
import warnings
from collections.abc import Callable
from importlib.metadata import version as distribution_version

import attrs
from lxml import etree

import articlekit as ak
from articlekit import newsml

try:
    from NewsMLG2 import NewsMLG2Document
except ImportError:  # pragma: no cover - optional
    NewsMLG2Document = None


ITEMS: list[bytes] = []  # the message's items, each a document of its own, for newsmlg2


def documents() -> dict[str, bytes]:
    sample = ak.sample()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ak.LossWarning)
        item = newsml.dumps(sample, container="newsItem")
    parts = []
    for number in range(100):
        one = attrs.evolve(
            sample,
            uri=f"urn:articlekit:bench:{number}",
            photos=(),
            body=tuple(block for block in sample.body if not isinstance(block, ak.PhotoRef)),
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ak.LossWarning)
            parts.append(newsml.dumps(one, container="newsItem").split(b"?>", 1)[1])
    message = (
        b"<?xml version='1.0' encoding='UTF-8'?>"
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
        b"<sent>2026-03-14T10:00:00Z</sent></header><itemSet>"
        + b"".join(parts)
        + b"</itemSet></newsMessage>"
    )
    ITEMS[:] = [b"<?xml version='1.0' encoding='UTF-8'?>" + part for part in parts]
    return {"item": item, "message": message}


def readers(name: str) -> dict[str, Callable[[bytes], object]]:
    ours: Callable[[bytes], object] = (
        newsml.loads if name == "item" else lambda data: list(newsml.iter_articles(data))
    )
    found: dict[str, Callable[[bytes], object]] = {"articlekit": ours, "lxml": etree.fromstring}
    if NewsMLG2Document is not None:
        if name == "item":
            found["newsmlg2"] = lambda data: NewsMLG2Document(data).get_item()
        else:  # newsmlg2 cannot read items inside a newsMessage: give it each item alone
            found["newsmlg2"] = lambda data: [NewsMLG2Document(i).get_item() for i in ITEMS]
    return found


def _calibrate(timer: timeit.Timer, target: float) -> int:
    number = 1
    while True:
        for multiplier in (1, 2, 5):
            loops = number * multiplier
            if timer.timeit(loops) >= target:
                return loops
        number *= 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 short repeats: a smoke run")
    options = parser.parse_args(argv)
    repeats, target = (3, 0.02) if options.quick else (7, 0.2)
    texts = documents()
    assert len(list(newsml.iter_articles(texts["message"]))) == 100
    cases = {}
    for name, data in texts.items():
        for reader, read in readers(name).items():
            cases[(name, reader)] = timeit.Timer(lambda read=read, data=data: read(data))
    loops = {}
    for key, timer in cases.items():
        timer.timeit(1)
        loops[key] = _calibrate(timer, target)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
    for _ in range(repeats):  # interleaved, so a noisy neighbour slows every case alike
        for key, timer in cases.items():
            times[key].append(timer.timeit(loops[key]) / loops[key])
    median = {key: statistics.median(value) for key, value in times.items()}
    nml = distribution_version("newsmlg2") if NewsMLG2Document is not None else "not installed"
    lines = [
        "## NewsML-G2: articlekit vs bare lxml vs newsmlg2",
        "",
        f"- Python {platform.python_version()}, lxml {etree.__version__}, newsmlg2 {nml}, "
        f"articlekit {ak.__version__}; median per call of {repeats} repeats of >= {target} s",
        f"- `item`: {len(texts['item']):,} bytes; `message`: {len(texts['message']):,} bytes, "
        "100 text newsItems",
        "",
        "| document | articlekit (µs) | lxml.etree.fromstring (µs) | newsmlg2 (µs) "
        "| articlekit / lxml (goal <= 2) | articlekit / newsmlg2 (goal < 1) |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name in texts:
        ours = median[(name, "articlekit")]
        bare = median[(name, "lxml")]
        theirs = median.get((name, "newsmlg2"))
        lines.append(
            f"| {name} | {ours * 1e6:,.0f} | {bare * 1e6:,.0f} | "
            + (f"{theirs * 1e6:,.0f}" if theirs else "n/a")
            + f" | {ours / bare:.1f} | "
            + (f"{ours / theirs:.2f}" if theirs else "n/a")
            + " |"
        )
    lines += [
        "",
        "newsmlg2 1.1 cannot read the items inside a newsMessage (its ItemSet does not implement "
        "the schema's xs:any), so for `message` it reads the 100 items as 100 separate documents.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
