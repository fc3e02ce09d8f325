"""
Benchmark the ``articlekit`` command on batches: parallel conversion, and streaming memory.

Articles are built directly with the model classes from synthetic text, the same on every run
(a fixed ``random.Random`` seed; Hypothesis' ``example()`` is not deterministic). Two cases:

- ``jobs``: 10,000 articlekit JSON files in a folder, converted with
  ``articlekit convert DIR --to ninjs --out-dir OUT --jobs 1`` and then ``--jobs 2``
  (goal: a speed-up of 1.8x or more on 2 cores);
- ``rss``: newsMessages of 1,000 and 10,000 text items (every tenth with a picture item),
  converted with ``articlekit convert message.xml --to jsonl -o out.jsonl``; the peak RSS of
  each subprocess (``ru_maxrss`` of ``RUSAGE_CHILDREN`` after it alone has run; goal: flat).

Each command runs as a subprocess, as users run it. Prints a Markdown table.

Run::

    python benchmarks/bench_batch.py             # 10,000 files, 1,000 and 10,000 items
    python benchmarks/bench_batch.py --quick     # 1,000 files, 100 and 1,000 items
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from articlekit import json, newsml
from articlekit.model import Article, Byline, Paragraph, Photo, Topic, TopicKind

_VOCABULARY = (
    "council harbour vote budget river storm school rail minister court festival market "
    "hospital energy bridge farmers museum season league coast election union village "
    "report police mayor drought library airport wind solar tram teachers rescue"
)
WORDS = tuple(_VOCABULARY.split())
COMMAND = [sys.executable, "-m", "articlekit"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def build(number: int, rng: random.Random, *, photo: bool) -> Article:
    """One synthetic article: varied headline, 4-12 paragraphs, maybe a byline and a photo."""
    published = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=number)
    return Article(
        uri=f"urn:bench:{number}",
        headline=sentence(rng, rng.randint(5, 11))[:-1],
        summary=sentence(rng, rng.randint(12, 25)),
        bylines=[Byline(name=f"Reporter {rng.randint(1, 40)}")] if rng.random() < 0.7 else [],
        topics=[Topic(name=rng.choice(WORDS), kind=TopicKind.SUBJECT)],
        keywords=rng.sample(WORDS, 3),
        photos=[
            Photo(
                href=f"https://images.example.org/{number}.jpg",
                caption=sentence(rng, 8),
                width=1200,
                height=800,
            )
        ]
        if photo
        else [],
        body=[
            Paragraph.from_text(" ".join(sentence(rng, rng.randint(8, 24)) for _ in range(3)))
            for _ in range(rng.randint(4, 12))
        ],
        published=published,
        language="en",
    )


def articles(count: int, seed: int = 8) -> list[Article]:
    rng = random.Random(seed)
    return [build(number, rng, photo=number % 10 == 0) for number in range(count)]


def write_files(folder: Path, found: list[Article]) -> None:
    folder.mkdir(parents=True)
    for index, article in enumerate(found):
        (folder / f"{index:05}.json").write_text(json.dumps(article), encoding="utf-8")


def write_message(path: Path, found: list[Article]) -> None:
    """A newsMessage of every article's items (text item, then its picture items)."""
    with path.open("wb") as file:
        file.write(
            f'<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="{newsml.NAMESPACE}" '
            'xmlns:ak="urn:articlekit:newsml"><header><sent>2026-01-01T00:00:00Z</sent>'
            "</header><itemSet>".encode()
        )
        for article in found:
            document = newsml.dumps(article)
            file.write(document.split(b"<itemSet>", 1)[1].rsplit(b"</itemSet>", 1)[0])
        file.write(b"</itemSet></newsMessage>")


def timed(*arguments: object) -> tuple[float, int]:
    """Run the command; return the wall time in seconds and its peak RSS in KiB.

    ``RUSAGE_CHILDREN``'s ``ru_maxrss`` is the largest of all children so far, so each
    measurement runs in a fresh child of a fresh interpreter.
    """
    code = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True)\n"
        "print(time.perf_counter() - start, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *COMMAND, *map(str, arguments)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss = result.stdout.split()
    return float(seconds), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller batches, for a smoke run")
    arguments = parser.parse_args()
    files = 1_000 if arguments.quick else 10_000
    sizes = (100, 1_000) if arguments.quick else (1_000, 10_000)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temporary:
        root = Path(temporary)
        found = articles(max(files, *sizes))
        write_files(root / "in", found[:files])
        times = {}
        for jobs in (1, 2):
            seconds, rss = timed(
                "convert", root / "in", "--to", "ninjs", "--out-dir", root / f"out{jobs}",
                "--jobs", jobs,
            )  # fmt: skip
            times[jobs] = seconds
            rows.append(
                (f"convert {files:,} .json files to ninjs, --jobs {jobs}", seconds, rss, "")
            )
        rows[-1] = (*rows[-1][:3], f"speed-up {times[1] / times[2]:.2f}x")
        for size in sizes:
            message = root / f"message-{size}.xml"
            write_message(message, found[:size])
            megabytes = message.stat().st_size / 1e6
            seconds, rss = timed("convert", message, "--to", "jsonl", "-o", root / "out.jsonl")
            lines = sum(1 for _ in (root / "out.jsonl").open("rb"))
            assert lines == size, (lines, size)
            label = f"convert a newsMessage of {size:,} items ({megabytes:.1f} MB) to jsonl"
            rows.append((label, seconds, rss, ""))
    print(
        f"Python {platform.python_version()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs seen, {platform.processor() or platform.machine()}\n"
    )
    print("| case | wall time (s) | peak RSS (MiB) | note |")
    print("|---|---:|---:|---|")
    for label, seconds, rss, note in rows:
        print(f"| {label} | {seconds:.2f} | {rss / 1024:.0f} | {note} |")


if __name__ == "__main__":
    main()
