"""
Count the machine instructions each benchmark case takes per call, with valgrind's callgrind.

Timings on a shared machine move by tens of percent from run to run; instruction counts do not
(the same interpreter, inputs and case give the same count, whatever else the machine is doing).
They are a companion to the timed benchmarks, not a replacement: C code such as libxml2's
parser or `json.loads` runs more instructions per cycle than the Python interpreter, so a ratio
of instructions is lower than the ratio of times for the same two cases. Use them to tell
whether a change made a case cheaper, and by how much, without waiting for a quiet machine.

Each case runs twice under callgrind, with 0 and with N calls after one warm-up call; the
difference divided by N is the count per call, free of interpreter start-up and imports.
String hashing is fixed (``PYTHONHASHSEED=0``) so that repeated counts agree.

Run from a checkout with the ``bench`` and ``strategies`` extras and valgrind installed::

    python benchmarks/count_instructions.py              # every case, a Markdown table
    python benchmarks/count_instructions.py json-large   # the cases whose names start so
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> (calls to count, the case it is compared with or "")
CASES: dict[str, tuple[int, str]] = {
    "json-sample-baseline": (200, ""),
    "json-sample-pydantic": (200, ""),
    "json-sample-articlekit": (200, "json-sample-baseline"),
    "json-large-baseline": (10, ""),
    "json-large-pydantic": (10, ""),
    "json-large-articlekit": (10, "json-large-baseline"),
    "newsml-item-lxml": (500, ""),
    "newsml-item-articlekit": (100, "newsml-item-lxml"),
    "nitf-item-lxml": (500, ""),
    "nitf-item-articlekit": (100, "newsml-item-articlekit"),
    "ninjs-sample-articlekit": (100, "json-sample-articlekit"),
    "ninjs-large-articlekit": (5, "json-large-articlekit"),
}


def _case(name: str) -> Callable[[], object]:
    """Return a function that runs the case *name* once."""
    sys.path.insert(0, str(HERE))
    import articlekit as ak
    from articlekit import json as akjson
    from articlekit import newsml

    if name.startswith("json-"):
        import bench_json

        _, document, reader = name.split("-")
        article = ak.sample() if document == "sample" else bench_json.large_article()
        text = akjson.dumps(article)
        read = {
            "baseline": bench_json.baseline_loads,
            "pydantic": bench_json.pydantic_loads,
            "articlekit": akjson.loads,
        }[reader]
        return lambda: read(text)
    if name.startswith("ninjs-"):
        import bench_json
        from articlekit import ninjs

        article = ak.sample() if name.split("-")[1] == "sample" else bench_json.large_article()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ak.LossWarning)
            document = ninjs.dumps(article)
        return lambda: ninjs.loads(document)
    from lxml import etree

    from articlekit import nitf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ak.LossWarning)
        if name.startswith("nitf-"):
            data, loads = nitf.dumps(ak.sample()), nitf.loads
        else:
            data, loads = newsml.dumps(ak.sample(), container="newsItem"), newsml.loads
    parse = etree.fromstring if name.endswith("-lxml") else loads
    return lambda: parse(data)


def _run(name: str, calls: int) -> None:
    """Run the case: one warm-up call (imports, caches), then *calls* calls."""
    once = _case(name)
    once()
    for _ in range(calls):
        once()


def _instructions(name: str, calls: int) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--run",
        name,
        str(calls),
    ]
    # String hashing is randomised per process, which moves dict and set costs by a few percent.
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count for {name}:\n{result.stderr}")
    return int(found.group(1))


def count(name: str) -> int:
    """Return the instructions one call of the case *name* takes."""
    calls = CASES[name][0]
    return (_instructions(name, calls) - _instructions(name, 0)) // calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="count only cases whose names start so")
    parser.add_argument("--run", nargs=2, metavar=("CASE", "CALLS"), help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.run:
        _run(options.run[0], int(options.run[1]))
        return 0
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed")
    wanted = [n for n in CASES if not options.prefixes or n.startswith(tuple(options.prefixes))]
    counts: dict[str, int] = {}
    print("| case | instructions per call | ratio to |")
    print("|---|--:|---|")
    for name in wanted:
        counts[name] = count(name)
        reference = CASES[name][1]
        if reference and reference not in counts and reference in CASES:
            counts[reference] = count(reference)
        ratio = f"{counts[name] / counts[reference]:.2f}x {reference}" if reference else ""
        print(f"| {name} | {counts[name]:,} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
