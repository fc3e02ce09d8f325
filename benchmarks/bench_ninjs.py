"""
Benchmark articlekit.ninjs: loads and dumps of the sample and of a large article, per version.

The documents are `articlekit.sample()` and the large article of ``bench_json.py`` (255 body
blocks, 12 photos), written by `articlekit.ninjs.dumps` in each version it writes. The same
articles through `articlekit.json` are the reference: the last column is the ninjs time
divided by the articlekit JSON time of the same operation and document.

Run from a checkout with the ``bench`` and ``strategies`` extras installed::

    python benchmarks/bench_ninjs.py            # full run: 7 repeats of >= 0.2 s each
    python benchmarks/bench_ninjs.py --quick    # smoke run: 3 repeats of >= 0.02 s each

The report is a Markdown section on stdout, ready to paste into ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import articlekit as ak
from articlekit import json as akjson
from articlekit import ninjs
from bench_json import large_article


def _calibrate(timer: timeit.Timer, target: float) -> int:
    """Return the number of loops for one repeat to take at least *target* seconds."""
    number = 1
    while True:
        for multiplier in (1, 2, 5):
            loops = number * multiplier
            if timer.timeit(loops) >= target:
                return loops
        number *= 10


def measure(
    cases: dict[tuple[str, str, str], Callable[[], object]], *, repeats: int, target: float
) -> dict[tuple[str, str, str], float]:
    """Time every case, repeats interleaved; return the median time per call in seconds."""
    timers = {key: timeit.Timer(call) for key, call in cases.items()}
    loops = {}
    for key, timer in timers.items():
        timer.timeit(1)
        loops[key] = _calibrate(timer, target)
    times: dict[tuple[str, str, str], list[float]] = {key: [] for key in cases}
    for _ in range(repeats):
        for key, timer in timers.items():
            times[key].append(timer.timeit(loops[key]) / loops[key])
    return {key: statistics.median(values) for key, values in times.items()}


def _microseconds(seconds: float) -> str:
    value = seconds * 1e6
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 short repeats: a smoke run")
    options = parser.parse_args(argv)
    repeats, target = (3, 0.02) if options.quick else (7, 0.2)

    articles = {"sample": ak.sample(), "large": large_article()}
    formats = {f"ninjs {version}": version for version in ninjs.VERSIONS}
    cases: dict[tuple[str, str, str], Callable[[], object]] = {}
    sizes: dict[tuple[str, str], int] = {}
    for name, article in articles.items():
        text = akjson.dumps(article)
        sizes[("articlekit JSON", name)] = len(text.encode())
        cases[("articlekit JSON", "loads", name)] = lambda text=text: akjson.loads(text)
        cases[("articlekit JSON", "dumps", name)] = lambda a=article: akjson.dumps(a)
        for label, version in formats.items():
            text = ninjs.dumps(article, version=version, strict=True)
            if ninjs.loads(text) != article:
                raise SystemExit(f"{label} does not read {name} back as written")
            sizes[(label, name)] = len(text.encode())
            cases[(label, "loads", name)] = lambda text=text: ninjs.loads(text)
            cases[(label, "dumps", name)] = lambda a=article, v=version: ninjs.dumps(a, version=v)
    median = measure(cases, repeats=repeats, target=target)

    lines = [
        "## ninjs (`benchmarks/bench_ninjs.py`)",
        "",
        f"- Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.system()} {platform.machine()}; articlekit {ak.__version__}",
        f"- median per call of {repeats} repeats; each repeat runs as many calls as take "
        f">= {target} s",
        "",
        "| document | format | bytes | loads (µs) | dumps (µs) | loads / JSON | dumps / JSON |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    for name in articles:
        base_loads = median[("articlekit JSON", "loads", name)]
        base_dumps = median[("articlekit JSON", "dumps", name)]
        for label in ["articlekit JSON", *formats]:
            loads, dumps = median[(label, "loads", name)], median[(label, "dumps", name)]
            lines.append(
                f"| {name} | {label} | {sizes[(label, name)]:,} | {_microseconds(loads)} "
                f"| {_microseconds(dumps)} | {loads / base_loads:.2f} | {dumps / base_dumps:.2f} |"
            )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
