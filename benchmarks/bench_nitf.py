"""
Benchmark reading and writing NITF with articlekit, against NewsML-G2 of the same article.

One article, the shipped sample (10 paragraphs, one photo with caption, credit, alt text,
size and a thumbnail), written by articlekit as:

- ``nitf``: a NITF 3.6 document, `articlekit.nitf.dumps`; it carries the whole article;
- ``newsml``: NewsML-G2 as `articlekit.newsml.dumps` writes an article by default, a
  newsMessage of the text newsItem and the photo's picture newsItem: the same article;
- ``newsml-item``: the text newsItem alone (``container="newsItem"``, as
  ``bench_newsml.py`` reads it): it links the photo but leaves its caption, credit, alt text,
  size and renditions to the picture item, so it reads less than the other two.

For each: `loads` (hardened parse, model construction, validation, inline sanitising), bare
``lxml.etree.fromstring`` of the same bytes (the floor), and `dumps` of the article. The goal
(issue #17): NITF read no slower than NewsML-G2 read of the same article (ratio <= 1).

Run::

    python benchmarks/bench_nitf.py          # 7 repeats of >= 0.2 s per case
    python benchmarks/bench_nitf.py --quick  # 3 short repeats
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import timeit
import warnings
from collections.abc import Callable

from lxml import etree

import articlekit as ak
from articlekit import newsml, nitf


def _quiet(write: Callable[[ak.Article], bytes | str]) -> Callable[[ak.Article], bytes | str]:
    def quietly(article: ak.Article) -> bytes | str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ak.LossWarning)
            return write(article)

    return quietly


WRITERS: dict[str, Callable[[ak.Article], bytes | str]] = {
    "nitf": _quiet(nitf.dumps),
    "newsml": _quiet(newsml.dumps),
    "newsml-item": _quiet(lambda article: newsml.dumps(article, container="newsItem")),
}
READERS: dict[str, Callable[[bytes | str], object]] = {
    "nitf": nitf.loads,
    "newsml": newsml.loads,
    "newsml-item": newsml.loads,
}


def documents() -> dict[str, bytes | str]:
    """The sample article written in each format."""
    sample = ak.sample()
    return {name: write(sample) for name, write in WRITERS.items()}


def cases(texts: dict[str, bytes | str]) -> dict[tuple[str, str], Callable[[], object]]:
    """Every case to time, by (format, what): read, lxml, write."""
    sample = ak.sample()
    found: dict[tuple[str, str], Callable[[], object]] = {}
    for name, data in texts.items():
        raw = data.encode() if isinstance(data, str) else data
        found[(name, "read")] = lambda data=data, read=READERS[name]: read(data)
        found[(name, "lxml")] = lambda raw=raw: etree.fromstring(raw)
        found[(name, "write")] = lambda write=WRITERS[name]: write(sample)
    return found


def _calibrate(timer: timeit.Timer, target: float) -> int:
    number = 1
    while True:
        for multiplier in (1, 2, 5):
            loops = number * multiplier
            if timer.timeit(loops) >= target:
                return loops
        number *= 10


def measure(repeats: int, target: float) -> dict[tuple[str, str], float]:
    """The median seconds per call of each case, repeats interleaved."""
    timers = {key: timeit.Timer(run) for key, run in cases(documents()).items()}
    loops = {}
    for key, timer in timers.items():
        timer.timeit(1)
        loops[key] = _calibrate(timer, target)
    times: dict[tuple[str, str], list[float]] = {key: [] for key in timers}
    for _ in range(repeats):  # interleaved, so a noisy neighbour slows every case alike
        for key, timer in timers.items():
            times[key].append(timer.timeit(loops[key]) / loops[key])
    return {key: statistics.median(value) for key, value in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 short repeats: a smoke run")
    options = parser.parse_args(argv)
    repeats, target = (3, 0.02) if options.quick else (7, 0.2)
    texts = documents()
    assert nitf.loads(texts["nitf"]) == newsml.loads(texts["newsml"]) == ak.sample()
    median = measure(repeats, target)
    lines = [
        "## NITF: articlekit vs NewsML-G2 of the same article, and bare lxml",
        "",
        f"- Python {platform.python_version()}, lxml {etree.__version__}, "
        f"articlekit {ak.__version__}; median per call of {repeats} repeats of >= {target} s",
        f"- the shipped sample: NITF {len(texts['nitf']):,} bytes, NewsML-G2 "
        f"{len(texts['newsml']):,} bytes (text and picture item), the text item alone "
        f"{len(texts['newsml-item']):,} bytes",
        "",
        "| format | loads (µs) | lxml.etree.fromstring (µs) | loads / lxml | dumps (µs) |",
        "|---|--:|--:|--:|--:|",
    ]
    for name in texts:
        read, bare, write = (median[(name, what)] for what in ("read", "lxml", "write"))
        lines.append(
            f"| {name} | {read * 1e6:,.0f} | {bare * 1e6:,.0f} | {read / bare:.1f} "
            f"| {write * 1e6:,.0f} |"
        )
    ratio = median[("nitf", "read")] / median[("newsml", "read")]
    item_ratio = median[("nitf", "read")] / median[("newsml-item", "read")]
    lines += [
        "",
        f"NITF loads / NewsML-G2 loads of the same article: {ratio:.2f} (goal <= 1); "
        f"/ the text newsItem alone, which reads less of the photo: {item_ratio:.2f}",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
