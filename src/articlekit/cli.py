"""The ``articlekit`` command: convert, validate, detect and show news articles in scripts.

Exit status: 0 when every input succeeded, 1 when any input failed (each failure is one line on
standard error), 2 for a usage error, 130 when interrupted. Output files are written atomically,
so an interrupted run leaves no half-written file.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import glob
import itertools
import os
import shutil
import sys
import tempfile
import traceback
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from articlekit._api import open_atomically, write_atomically
from articlekit._formats import FORMATS, Format, detect_file, get_format
from articlekit._version import __version__
from articlekit.errors import ArticleKitError
from articlekit.model import Article, Heading, ListBlock, Paragraph, Quote

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
STDIO = "-"
_SPOOL_BYTES = 8 * 1024 * 1024  # standard input beyond this goes to a temporary file
_BATCH_JOBS = 64  # inputs per task sent to a worker process


@dataclass
class Outcome:
    """What happened to one input: the files written, warnings, and the error if it failed."""

    source: str
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    detail: str | None = None  # the traceback, shown with --debug


@dataclass(frozen=True)
class Job:
    """One input to convert, and how: picklable, for worker processes."""

    source: str
    to: str
    from_: str | None
    strict: bool
    options: tuple[tuple[str, Any], ...]
    output: str | None  # a file, "-" for standard output, or None with out_dir
    out_dir: str | None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except KeyboardInterrupt:
        print("articlekit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`articlekit ... | head`): stop quietly, and
        # keep Python from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except _UsageError as error:
        parser.error(str(error))  # exits with status 2
    return status


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    formats = ", ".join(FORMATS)
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Convert, validate, detect and show news articles.",
        epilog="Exit status: 0 all inputs succeeded, 1 some input failed, 2 usage error, "
        "130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, directories, globs, or - for stdin"
    )
    reading.add_argument("--from", dest="from_", choices=FORMATS, help="the input format")

    convert = commands.add_parser(
        "convert", parents=[common, reading], help="convert articles to another format"
    )
    convert.add_argument("--to", required=True, choices=FORMATS, help=f"one of {formats}")
    where = convert.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", help="the output file, or - for stdout (one input)")
    where.add_argument("--out-dir", help="write one file per article into this folder")
    convert.add_argument("--strict", action="store_true", help="fail instead of losing fields")
    convert.add_argument("--ninjs-version", choices=("2.2", "3.1"), help="ninjs version to write")
    convert.add_argument("-j", "--jobs", type=_positive, default=1, help="parallel workers")
    convert.add_argument(
        "--continue-on-error",
        action="store_true",
        help="convert every input that can be, instead of stopping at the first failure",
    )
    convert.set_defaults(run=_run_convert)

    validate = commands.add_parser(
        "validate", parents=[common, reading], help="check inputs against articlekit's rules"
    )
    validate.add_argument(
        "--schema", help="also check against this schema file (.json JSON Schema or .xsd)"
    )
    validate.set_defaults(run=_run_validate)

    detect_command = commands.add_parser(
        "detect", parents=[common], help="print the format of each input, by content"
    )
    detect_command.add_argument("inputs", nargs="+", metavar="INPUT")
    detect_command.set_defaults(run=_run_detect)

    show = commands.add_parser("show", parents=[common], help="print a readable summary")
    show.add_argument("inputs", nargs=1, metavar="INPUT")
    show.add_argument("--from", dest="from_", choices=FORMATS, help="the input format")
    show.set_defaults(run=_run_show)

    sample = commands.add_parser(
        "sample", parents=[common], help="write the sample article that ships with articlekit"
    )
    sample.add_argument("--to", default="json", choices=FORMATS, help="format (default json)")
    sample.add_argument("-o", "--output", default=STDIO, help="the output file (default stdout)")
    sample.add_argument("--ninjs-version", choices=("2.2", "3.1"))
    sample.set_defaults(run=_run_sample)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _options(arguments: argparse.Namespace) -> tuple[tuple[str, Any], ...]:
    version = getattr(arguments, "ninjs_version", None)
    if version and arguments.to != "ninjs":
        raise _UsageError("--ninjs-version goes with --to ninjs")
    return (("version", version),) if version else ()


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand directories (recursively, files of known endings) and globs; keep ``-``."""
    endings = tuple(ending for format in FORMATS.values() for ending in format.extensions)
    found: list[str] = []
    for name in inputs:
        if name == STDIO:
            found.append(name)
        elif Path(name).is_dir():
            found.extend(
                str(path)
                for path in sorted(Path(name).rglob("*"))
                if path.is_file() and path.name.lower().endswith(endings)
            )
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise _UsageError(f"no file matches {name!r}")
            found.extend(matches)
        else:
            found.append(name)
    return found


@contextlib.contextmanager
def _open(source: str) -> Iterator[IO[bytes]]:
    """Open an input as a seekable binary file; standard input is copied to a temporary one."""
    if source != STDIO:
        with open(source, "rb") as file:
            yield file
        return
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as copy:
        shutil.copyfileobj(sys.stdin.buffer, copy)
        copy.seek(0)
        yield copy


def _detect(file: IO[bytes], source: str, from_: str | None) -> Format:
    return get_format(from_ or detect_file(file, "" if source == STDIO else source))


def _articles(file: IO[bytes], source: str, from_: str | None) -> Iterator[Article]:
    """The articles of an open input, read as a stream where the format allows."""
    return _detect(file, source, from_).iter_articles(file)


def convert_one(job: Job) -> Outcome:
    """Convert one input; never raises for bad input, but reports it in the outcome."""
    outcome = Outcome(job.source)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            _convert_into(job, outcome)
        outcome.warnings = [str(warning.message) for warning in caught]
    except BrokenPipeError:
        raise  # the reader of standard output went away: main() ends quietly
    except (ArticleKitError, OSError, ValueError, TypeError) as error:
        outcome.error = f"{type(error).__name__}: {error}"
        outcome.detail = traceback.format_exc()
    return outcome


def _convert_into(job: Job, outcome: Outcome) -> None:
    with _open(job.source) as file:
        articles = _articles(file, job.source, job.from_)
        if job.to == "jsonl" and job.out_dir is not None:
            stem = "stdin" if job.source == STDIO else _stem(Path(job.source).name)
            path = Path(job.out_dir) / f"{stem}.jsonl"
            with open_atomically(path) as output:
                _write_lines(articles, output, job.strict)
            outcome.written.append(str(path))
            return
        first = next(articles, None)
        second = next(articles, None)
        if first is None:
            if job.out_dir is None:
                raise ValueError("holds 0 articles")
            return
        count = 1 if second is None else 2
        following = itertools.chain([] if second is None else [second], articles)
        _write_each(job, outcome, first, following, several=count > 1)


def _write_each(
    job: Job, outcome: Outcome, first: Article, following: Iterator[Article], *, several: bool
) -> None:
    target = get_format(job.to)
    options = dict(job.options)
    if job.out_dir is None:
        if several:
            total = 1 + sum(1 for _ in following)
            raise ValueError(f"holds {total} articles: write them with --out-dir or --to jsonl")
        _emit(target.dumps(first, strict=job.strict, **options), job.output or STDIO)
        outcome.written.append(job.output or STDIO)
        return
    stem = "stdin" if job.source == STDIO else _stem(Path(job.source).name)
    for index, article in enumerate(itertools.chain([first], following), start=1):
        suffix = f"-{index}" if several else ""
        path = Path(job.out_dir) / f"{stem}{suffix}{target.extensions[0]}"
        write_atomically(path, target.dumps(article, strict=job.strict, **options))
        outcome.written.append(str(path))


def _write_lines(articles: Iterable[Article], output: IO[bytes], strict: bool) -> int:
    """Write articles as JSON Lines; return how many."""
    jsonl = get_format("jsonl")
    count = 0
    for article in articles:
        output.write(jsonl.dumps(article, strict=strict))
        count += 1
    return count


def _stem(name: str) -> str:
    lowered = name.lower()
    endings = sorted((e for f in FORMATS.values() for e in f.extensions), key=len, reverse=True)
    for ending in endings:
        if lowered.endswith(ending):
            return name[: -len(ending)]
    return Path(name).stem


def _emit(data: bytes, output: str) -> None:
    if output == STDIO:
        sys.stdout.buffer.write(data)
        if not data.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.buffer.flush()
    else:
        write_atomically(Path(output), data)


def _run_convert(arguments: argparse.Namespace) -> int:
    sources = expand_inputs(arguments.inputs)
    if arguments.to == "jsonl" and arguments.out_dir is None:
        return _run_convert_to_lines(arguments, sources)
    if len(sources) > 1 and arguments.out_dir is None:
        raise _UsageError("several inputs need --out-dir (or --to jsonl)")
    if sources.count(STDIO) > 1:
        raise _UsageError("standard input can be read once")
    jobs = [
        Job(
            source,
            arguments.to,
            arguments.from_,
            arguments.strict,
            _options(arguments),
            arguments.output,
            arguments.out_dir,
        )
        for source in sources
    ]
    outcomes = _run_jobs(jobs, arguments.jobs, stop_early=not arguments.continue_on_error)
    return _report(outcomes, debug=arguments.debug, total=len(jobs))


def _run_convert_to_lines(arguments: argparse.Namespace, sources: list[str]) -> int:
    """Write the articles of every input, in order, as JSON Lines into one output."""
    if sources.count(STDIO) > 1:
        raise _UsageError("standard input can be read once")
    _options(arguments)  # refuses options of other formats
    output = arguments.output or STDIO
    outcomes: list[Outcome] = []

    def convert_all(file: IO[bytes]) -> None:
        for source in sources:
            outcome = Outcome(source)
            outcomes.append(outcome)
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    with _open(source) as input_file:
                        articles = _articles(input_file, source, arguments.from_)
                        _write_lines(articles, file, arguments.strict)
                outcome.warnings = [str(warning.message) for warning in caught]
                outcome.written.append(output)
            except BrokenPipeError:
                raise  # the reader of standard output went away: main() ends quietly
            except (ArticleKitError, OSError, ValueError, TypeError) as error:
                outcome.error = f"{type(error).__name__}: {error}"
                outcome.detail = traceback.format_exc()
                if not arguments.continue_on_error:
                    raise _StopWritingError from None

    # Lines of an input that fails part-way stay written; with the default (stop at the first
    # failure) nothing is written at all, as the temporary file is removed.
    with contextlib.suppress(_StopWritingError):
        if output == STDIO:
            convert_all(sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with open_atomically(Path(output)) as file:
                convert_all(file)
    return _report(outcomes, debug=arguments.debug, total=len(sources))


class _StopWritingError(Exception):
    pass


def _run_jobs(jobs: list[Job], workers: int, *, stop_early: bool) -> Iterator[Outcome]:
    progress = _Progress(len(jobs)) if sys.stderr.isatty() and len(jobs) > 1 else None
    if workers == 1 or len(jobs) == 1 or any(job.source == STDIO for job in jobs):
        for job in jobs:
            outcome = convert_one(job)
            if progress:
                progress.step()
            yield outcome
            if outcome.error and stop_early:
                return
        return
    # Jobs go to the workers in batches: one task per small file costs more in pickling and
    # scheduling than the conversion itself, and would waste the second core.
    size = max(1, min(_BATCH_JOBS, len(jobs) // (workers * 4)))
    batches = [jobs[start : start + size] for start in range(0, len(jobs), size)]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(convert_many, batch) for batch in batches]
        try:
            for future in concurrent.futures.as_completed(futures):
                for outcome in future.result():
                    if progress:
                        progress.step()
                    yield outcome
                    if outcome.error and stop_early:
                        return
        finally:
            for future in futures:
                future.cancel()


def convert_many(jobs: list[Job]) -> list[Outcome]:
    """Convert a batch of inputs in one worker process."""
    return [convert_one(job) for job in jobs]


class _Progress:
    """A one-line progress bar on standard error, for terminals only."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def step(self) -> None:
        self.done += 1
        filled = 30 * self.done // self.total
        end = "\n" if self.done == self.total else ""
        bar = "#" * filled + " " * (30 - filled)
        print(f"\r[{bar}] {self.done}/{self.total}", end=end, file=sys.stderr, flush=True)


def _report(outcomes: Iterable[Outcome], *, debug: bool, total: int) -> int:
    failed = 0
    seen = 0
    for outcome in outcomes:
        seen += 1
        for message in outcome.warnings:
            print(f"articlekit: {outcome.source}: warning: {message}", file=sys.stderr)
        if outcome.error:
            failed += 1
            print(f"articlekit: {outcome.source}: {outcome.error}", file=sys.stderr)
            if debug and outcome.detail:
                print(outcome.detail, file=sys.stderr)
    if failed:
        skipped = total - seen
        tail = f", {skipped} not attempted (use --continue-on-error)" if skipped else ""
        print(f"articlekit: {failed} of {total} input(s) failed{tail}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _run_validate(arguments: argparse.Namespace) -> int:
    check_schema = _schema_checker(arguments.schema) if arguments.schema else None
    outcomes = []
    for source in expand_inputs(arguments.inputs):
        outcome = Outcome(source)
        try:
            with _open(source) as file:
                count = sum(1 for _ in _articles(file, source, arguments.from_))
                if check_schema is not None:
                    file.seek(0)
                    check_schema(file.read())
            print(f"{source}: valid ({count} article{'s' if count != 1 else ''})")
        except (ArticleKitError, OSError, ValueError) as error:
            outcome.error = f"{type(error).__name__}: {error}"
            outcome.detail = traceback.format_exc()
        outcomes.append(outcome)
    return _report(outcomes, debug=arguments.debug, total=len(outcomes))


def _schema_checker(path: str) -> Any:
    from articlekit import _schemas

    try:
        return _schemas.checker(Path(path))
    except (OSError, ValueError, ImportError) as error:
        raise _UsageError(f"--schema {path}: {error}") from None


def _run_detect(arguments: argparse.Namespace) -> int:
    outcomes = []
    for source in expand_inputs(arguments.inputs):
        outcome = Outcome(source)
        try:
            with _open(source) as file:
                print(f"{source}: {_detect(file, source, None).name}")
        except (ArticleKitError, OSError) as error:
            outcome.error = f"{type(error).__name__}: {error}"
        outcomes.append(outcome)
    return _report(outcomes, debug=arguments.debug, total=len(outcomes))


def _run_show(arguments: argparse.Namespace) -> int:
    source = expand_inputs(arguments.inputs)[0]
    outcome = Outcome(source)
    try:
        with _open(source) as file:
            for article in _articles(file, source, arguments.from_):
                write_summary(article, sys.stdout)
    except (ArticleKitError, OSError) as error:
        outcome.error = f"{type(error).__name__}: {error}"
        outcome.detail = traceback.format_exc()
    return _report([outcome], debug=arguments.debug, total=1)


def write_summary(article: Article, out: IO[str]) -> None:
    """Write a readable summary of *article* for a terminal."""
    lines = []
    if article.kicker or article.section:
        lines.append(" / ".join(filter(None, [article.section, article.kicker])).upper())
    lines.append(article.headline)
    if article.subheadline:
        lines.append(article.subheadline)
    lines.append("")
    facts = {
        "uri": article.uri,
        "url": article.url,
        "language": article.language,
        "by": ", ".join(byline.name for byline in article.bylines) or None,
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "dateline": article.dateline,
        "topics": ", ".join(t.name or t.code or t.uri or "" for t in article.topics) or None,
        "keywords": ", ".join(article.keywords) or None,
        "status": article.status.value,
    }
    lines.extend(f"  {name:<10} {value}" for name, value in facts.items() if value)
    for index, photo in enumerate(article.photos):
        label = "lead photo" if index == 0 else f"photo {index + 1}"
        lines.append(f"  {label:<10} {photo.href or photo.uri or photo.renditions[0].href}")
        if photo.caption:
            lines.append(f"  {'':<10} {photo.caption}")
    words = sum(len(_block_text(block).split()) for block in article.body)
    lines.append(f"  {'body':<10} {len(article.body)} blocks, {words} words")
    lines.append("")
    for block in article.body[:3]:
        text = _block_text(block)
        if text:
            lines.append(text if len(text) <= 300 else text[:299] + "…")
            lines.append("")
    out.write("\n".join(lines) + "\n")


def _block_text(block: object) -> str:
    if isinstance(block, (Paragraph, Heading, Quote)):
        return block.plain_text
    if isinstance(block, ListBlock):
        from articlekit.inline import inline_text

        return " ".join(inline_text(item) for item in block.items)
    return ""


def _run_sample(arguments: argparse.Namespace) -> int:
    from articlekit._sample import sample

    target: Format = get_format(arguments.to)
    _emit(target.dumps(sample(), **dict(_options(arguments))), arguments.output)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
