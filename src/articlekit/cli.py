"""The ``articlekit`` command: convert, validate, detect and show news articles in scripts.

Exit status: 0 when every input succeeded, 1 when any input failed (each failure is one line on
standard error), 2 for a usage error, 130 when interrupted. Every output path is planned before
anything is written, so a run never replaces an input (unless ``--in-place``) or writes two
inputs to one file. Output files are written atomically, so an interrupted run leaves no
half-written file.
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from articlekit._api import open_atomically
from articlekit._cli_paths import (
    STDIO,
    Destination,
    PlanError,
    check_output_file,
    plan_folder,
    shown,
)
from articlekit._cli_report import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandError,
    Outcome,
    Progress,
    describe,
    list_violations,
    report,
)
from articlekit._cli_summary import write_summary
from articlekit._formats import FORMATS, READABLE, WRITABLE, Format, detect_file, get_format
from articlekit._io import MAX_BYTES, read_binary
from articlekit._version import __version__
from articlekit.errors import ArticleKitError
from articlekit.model import Article
from articlekit.web._fetch import DEFAULT_TIMEOUT, Page, fetch, is_url

# The ninjs versions whose official schema ships with articlekit (as in _schemas, which the
# command imports only when asked to check a schema).
NINJS_SCHEMA_VERSIONS = ("1.4", "1.6", "2.1", "2.2", "3.0", "3.1")
_SPOOL_BYTES = 8 * 1024 * 1024  # standard input beyond this goes to a temporary file
_BATCH_JOBS = 64  # inputs per task sent to a worker process
_ENDINGS = tuple(e for format in FORMATS.values() if format.reads for e in format.extensions)


@dataclass(frozen=True)
class Job:
    """One input to convert, and how: picklable, for worker processes."""

    source: str
    to: str
    from_: str | None
    strict: bool
    options: tuple[tuple[str, Any], ...]
    output: str | None  # a file, "-" for standard output, or None with destination
    destination: Destination | None  # in the output folder, from the plan
    timeout: float = DEFAULT_TIMEOUT  # for a URL: seconds to connect, and for each read
    strict_reading: bool = False  # refuse producers' deviations instead of repairing them


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
    except (_UsageError, PlanError) as error:
        parser.error(str(error))  # exits with status 2
    except (ArticleKitError, OSError, CommandError) as error:
        # What no input's report covers: an output every input goes to, standard output.
        print(f"articlekit: {shown(describe(error))}", file=sys.stderr)
        if arguments.debug:
            traceback.print_exc()
        return EXIT_FAILED
    return status


class _UsageError(Exception):
    pass


class _OutputError(CommandError):
    """An output file (or standard output) could not be written."""

    def __init__(self, output: str, error: OSError) -> None:
        where = "standard output" if output == STDIO else output
        reason = error.strerror or str(error)
        culprit = os.fsdecode(error.filename) if error.filename is not None else None
        if culprit and Path(culprit).parent != Path(output).parent:
            # A folder on the way (not the temporary file beside the output) failed.
            if isinstance(error, FileExistsError):
                reason = f"{culprit} is not a folder"  # what mkdir says "File exists" of
            else:
                reason = f"{culprit}: {reason}"
        super().__init__(f"{type(error).__name__}: cannot write {where}: {reason}")


_INPUT_ERRORS = (ArticleKitError, OSError, ValueError, TypeError, CommandError)
"""What reading, converting or writing one input raises for bad input or a failed write."""


def _parser() -> argparse.ArgumentParser:
    formats = ", ".join(WRITABLE)  # read-only formats (NewsML 1.x) cannot be written
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
    fetching = argparse.ArgumentParser(add_help=False)
    fetching.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        help=f"seconds a URL may take to connect, and each read (default {DEFAULT_TIMEOUT:g})",
    )
    reading = argparse.ArgumentParser(add_help=False, parents=[fetching])
    reading.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, directories, globs, http(s) URLs, or - for stdin",
    )
    reading.add_argument("--from", dest="from_", choices=READABLE, help="the input format")
    reading.add_argument(
        "--strict-reading",
        action="store_true",
        help="refuse a document that deviates from its standard instead of repairing it",
    )

    convert = commands.add_parser(
        "convert", parents=[common, reading], help="convert articles to another format"
    )
    convert.add_argument("--to", required=True, choices=WRITABLE, help=f"one of {formats}")
    where = convert.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", help="the output file, or - for stdout (one input)")
    where.add_argument("--out-dir", help="write one file per article into this folder")
    convert.add_argument("--strict", action="store_true", help="fail instead of losing fields")
    convert.add_argument(
        "--in-place",
        action="store_true",
        help="let an output replace the input it is converted from",
    )
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
    official = validate.add_mutually_exclusive_group()
    official.add_argument(
        "--schema", help="also check against this schema file (.json JSON Schema or .xsd)"
    )
    official.add_argument(
        "--ninjs",
        metavar="VERSION",
        choices=NINJS_SCHEMA_VERSIONS,
        help="also check against the official ninjs schema of VERSION (bundled, offline)",
    )
    official.add_argument(
        "--newsml", action="store_true", help="also check against the NewsML-G2 2.35 schema"
    )
    official.add_argument("--nitf", action="store_true", help="also check against NITF 3.6")
    validate.set_defaults(run=_run_validate)

    detect_command = commands.add_parser(
        "detect", parents=[common, fetching], help="print the format of each input, by content"
    )
    detect_command.add_argument("inputs", nargs="+", metavar="INPUT")
    detect_command.set_defaults(run=_run_detect)

    show = commands.add_parser("show", parents=[common, fetching], help="print a readable summary")
    show.add_argument("inputs", nargs=1, metavar="INPUT")
    show.add_argument("--from", dest="from_", choices=READABLE, help="the input format")
    show.set_defaults(run=_run_show)

    sample = commands.add_parser(
        "sample", parents=[common], help="write the sample article that ships with articlekit"
    )
    sample.add_argument("--to", default="json", choices=WRITABLE, help="format (default json)")
    sample.add_argument("-o", "--output", default=STDIO, help="the output file (default stdout)")
    sample.add_argument("--ninjs-version", choices=("2.2", "3.1"))
    sample.set_defaults(run=_run_sample)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:  # also refuses nan and inf
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600 seconds")
    return value


def _options(arguments: argparse.Namespace) -> tuple[tuple[str, Any], ...]:
    version = getattr(arguments, "ninjs_version", None)
    if version and arguments.to != "ninjs":
        raise _UsageError("--ninjs-version goes with --to ninjs")
    return (("version", version),) if version else ()


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Expand directories (recursively, files of known endings) and globs; keep ``-`` and URLs."""
    found: list[str] = []
    for name in inputs:
        if name == STDIO or is_url(name):  # a URL's "?" and "*" are no glob
            found.append(name)
        elif Path(name).is_dir():
            found.extend(
                str(path)
                for path in sorted(Path(name).rglob("*"))
                if path.is_file() and path.name.lower().endswith(_ENDINGS)
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
def _open(source: str, timeout: float = DEFAULT_TIMEOUT) -> Iterator[IO[bytes]]:
    """Open an input as a seekable binary file; standard input is copied to a temporary one.

    A URL is fetched (within *timeout* for connecting and each read) into a `Page`.
    """
    if is_url(source):
        with fetch(source, timeout=timeout) as page:
            yield page
        return
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


def _articles(
    file: IO[bytes], source: str, from_: str | None, *, strict: bool = False
) -> Iterator[Article]:
    """The articles of an open input, read as a stream where the format allows.

    A fetched page tells a reader of web pages its final URL and the charset its server sent;
    *strict* refuses a producer's deviation instead of repairing it.
    """
    if isinstance(file, Page):
        return _detect(file, source, from_).iter_articles(
            file, strict=strict, url=file.url, charset=file.charset
        )
    return _detect(file, source, from_).iter_articles(file, strict=strict)


def convert_one(job: Job) -> Outcome:
    """Convert one input; never raises for bad input or a failed write, but reports it."""
    outcome = Outcome(job.source)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            _convert_into(job, outcome)
        outcome.warnings = [str(warning.message) for warning in caught]
    except BrokenPipeError:
        raise  # the reader of standard output went away: main() ends quietly
    except _INPUT_ERRORS as error:
        outcome.fail(error)
    return outcome


def _convert_into(job: Job, outcome: Outcome) -> None:
    with _open(job.source, job.timeout) as file:
        articles = _articles(file, job.source, job.from_, strict=job.strict_reading)
        if job.to == "jsonl" and job.destination is not None:
            with _writing(job.destination.path) as write:
                _write_lines(articles, write, job.strict)
            outcome.written.append(job.destination.path)
            return
        first = next(articles, None)
        second = next(articles, None)
        if first is None:
            if job.destination is None:
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
    destination = job.destination
    if destination is None:
        if several:
            total = 1 + sum(1 for _ in following)
            raise ValueError(f"holds {total} articles: write them with --out-dir or --to jsonl")
        _emit(target.dumps(first, strict=job.strict, **options), job.output or STDIO)
        outcome.written.append(job.output or STDIO)
        return
    # The plan gave this input its name; the numbered names of a container's articles depend
    # on how many it holds, so those another input of the run writes are refused here.
    taken = dict(destination.taken) if several else {}
    for number, article in enumerate(itertools.chain([first], following), start=1):
        path = destination.numbered(number) if several else destination.path
        if number in taken:
            raise CommandError(
                f"its article {number} would be written to {path}, the output of "
                f"{taken[number]}: convert them into different folders"
            )
        _emit(target.dumps(article, strict=job.strict, **options), path)
        outcome.written.append(path)


def _write_lines(
    articles: Iterable[Article], write: Callable[[bytes], object], strict: bool
) -> int:
    """Write articles as JSON Lines; return how many."""
    jsonl = get_format("jsonl")
    count = 0
    for article in articles:
        write(jsonl.dumps(article, strict=strict))
        count += 1
    return count


def _emit(data: bytes, output: str) -> None:
    """Write *data* to the file *output*, atomically, or to standard output (``-``)."""
    with _writing(output) as write:
        write(data)
        if output == STDIO and not data.endswith(b"\n"):
            write(b"\n")


@contextlib.contextmanager
def _writing(output: str) -> Iterator[Callable[[bytes], None]]:
    """Write the file *output* atomically, or standard output (``-``), by the function yielded.

    A failure of the output itself (creating, writing, renaming it) raises `_OutputError`, so it
    is not taken for a failure to read the input; an error of the block passes unchanged.
    """
    if output == STDIO:
        yield _guarded(sys.stdout.buffer.write, output)
        with _as_output_error(output):
            sys.stdout.buffer.flush()
        return
    inside = False
    try:
        with open_atomically(Path(output)) as file:
            inside = True
            yield _guarded(file.write, output)
            inside = False
    except OSError as error:
        if inside:
            raise  # reading an input failed, in the block
        raise _OutputError(output, error) from error


def _guarded(write: Callable[[bytes], object], output: str) -> Callable[[bytes], None]:
    """*write*, raising `_OutputError` for an `OSError`."""

    def guarded(data: bytes) -> None:
        with _as_output_error(output):
            write(data)

    return guarded


@contextlib.contextmanager
def _as_output_error(output: str) -> Iterator[None]:
    """Raise an `OSError` of the block as the `_OutputError` of *output*."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader of standard output went away: main() ends quietly
    except OSError as error:
        raise _OutputError(output, error) from error


def _run_convert(arguments: argparse.Namespace) -> int:
    sources = expand_inputs(arguments.inputs)
    if sources.count(STDIO) > 1:
        raise _UsageError("standard input can be read once")
    options = _options(arguments)
    # Every output path is planned, and checked, before anything is written.
    if arguments.to == "jsonl" and arguments.out_dir is None:
        check_output_file(arguments.output or STDIO, sources, in_place=arguments.in_place)
        return _run_convert_to_lines(arguments, sources)
    planned: list[tuple[str, Destination | None]]
    if arguments.out_dir is None:
        if len(sources) > 1:
            raise _UsageError("several inputs need --out-dir (or --to jsonl)")
        check_output_file(arguments.output or STDIO, sources, in_place=arguments.in_place)
        planned = [(source, None) for source in sources]
    else:
        extension = get_format(arguments.to).extensions[0]
        numbered = arguments.to != "jsonl"
        planned = list(
            plan_folder(
                sources,
                arguments.out_dir,
                extension,
                _ENDINGS,
                in_place=arguments.in_place,
                numbered=numbered,
            )
        )
        _check_numbered_names(planned, arguments.from_, strict=arguments.strict_reading)
    jobs = [
        Job(
            source,
            arguments.to,
            arguments.from_,
            arguments.strict,
            options,
            arguments.output,
            destination,
            arguments.timeout,
            arguments.strict_reading,
        )
        for source, destination in planned
    ]
    outcomes = _run_jobs(jobs, arguments.jobs, stop_early=not arguments.continue_on_error)
    return report(outcomes, debug=arguments.debug, total=len(jobs))


def _check_numbered_names(
    planned: Iterable[tuple[str, Destination | None]], from_: str | None, *, strict: bool
) -> None:
    """Refuse a container whose numbered outputs include another input's output.

    Whether ``story.xml`` writes ``story-2.html`` depends on how many articles it holds, so
    only an input whose numbered names another input takes (rare) is read here, to count.
    """
    for source, destination in planned:
        if destination is None or not destination.taken or source == STDIO or is_url(source):
            # Standard input can be read once, a URL is not fetched twice: the writer refuses
            # the name instead.
            continue
        count = _count_articles(source, from_, strict=strict)
        clashes = [(number, owner) for number, owner in destination.taken if number <= count]
        if count >= 2 and clashes:
            number, owner = clashes[0]
            raise PlanError(
                f"{shown(source)} holds {count} articles, written as "
                f"{shown(destination.numbered(1))} to {shown(destination.numbered(count))}, "
                f"and {shown(destination.numbered(number))} is the output of {shown(owner)}: "
                "convert them into different folders"
            )


def _count_articles(source: str, from_: str | None, *, strict: bool) -> int:
    """How many articles the conversion of *source* would write, up to a failure."""
    count = 0
    with contextlib.suppress(*_INPUT_ERRORS), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(source) as file:
            for _ in _articles(file, source, from_, strict=strict):
                count += 1
    return count


def _run_convert_to_lines(arguments: argparse.Namespace, sources: list[str]) -> int:
    """Write the articles of every input, in order, as JSON Lines into one output."""
    output = arguments.output or STDIO
    outcomes: list[Outcome] = []
    progress = Progress(len(sources)) if sys.stderr.isatty() and len(sources) > 1 else None

    def convert_all(write: Callable[[bytes], None]) -> None:
        for source in sources:
            outcome = Outcome(source)
            outcomes.append(outcome)
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    with _open(source, arguments.timeout) as input_file:
                        articles = _articles(
                            input_file, source, arguments.from_, strict=arguments.strict_reading
                        )
                        _write_lines(articles, write, arguments.strict)
                outcome.warnings = [str(warning.message) for warning in caught]
                outcome.written.append(output)
            except BrokenPipeError:
                raise  # the reader of standard output went away: main() ends quietly
            except (ArticleKitError, OSError, ValueError, TypeError) as error:
                # Not _OutputError: a failed output fails the run, not this input.
                outcome.fail(error)
                if not arguments.continue_on_error:
                    raise _StopWritingError from None
            finally:
                if progress:
                    progress.step()

    # Lines of an input that fails part-way stay written; with the default (stop at the first
    # failure) nothing is written at all, as the temporary file is removed.
    try:
        with contextlib.suppress(_StopWritingError), _writing(output) as write:
            convert_all(write)
    except _OutputError as error:
        report(outcomes, debug=arguments.debug, total=len(sources))
        print(f"articlekit: {shown(str(error))}", file=sys.stderr)
        if arguments.debug:
            traceback.print_exc()
        return EXIT_FAILED
    return report(outcomes, debug=arguments.debug, total=len(sources))


class _StopWritingError(Exception):
    pass


def _run_jobs(jobs: list[Job], workers: int, *, stop_early: bool) -> Iterator[Outcome]:
    progress = Progress(len(jobs)) if sys.stderr.isatty() and len(jobs) > 1 else None
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


def _run_validate(arguments: argparse.Namespace) -> int:
    check_schema = _official_checker(arguments) or (
        _schema_checker(arguments.schema) if arguments.schema else None
    )
    outcomes = []
    for source in expand_inputs(arguments.inputs):
        outcome = Outcome(source)
        try:
            # A repair is a warning of its own line, as in convert; strict reading refuses it.
            with (
                _open(source, arguments.timeout) as file,
                warnings.catch_warnings(record=True) as caught,
            ):
                warnings.simplefilter("always")
                if check_schema is not None:
                    # The schema first: its violations say more than the reader's first refusal.
                    # Streamed formats are read piece by piece: read no more than a reader takes.
                    check_schema(read_binary(file))
                    file.seek(0)
                articles = _articles(file, source, arguments.from_, strict=arguments.strict_reading)
                count = sum(1 for _ in articles)
            outcome.warnings = [str(warning.message) for warning in caught]
            print(f"{shown(source)}: valid ({count} article{'s' if count != 1 else ''})")
        except BrokenPipeError:
            raise  # the reader of standard output went away: main() ends quietly
        except _INPUT_ERRORS as error:
            outcome.fail(error)
            list_violations(outcome, error)
        outcomes.append(outcome)
    return report(outcomes, debug=arguments.debug, total=len(outcomes))


def _official_checker(arguments: argparse.Namespace) -> Any:
    """The checker of the bundled official schema the options name, if any."""
    from articlekit import _schemas

    try:
        if arguments.ninjs:
            return _schemas.ninjs_checker(arguments.ninjs)
    except ImportError as error:
        raise _UsageError(f"--ninjs: {error}") from None
    if arguments.newsml:
        return _schemas.bundled_checker(_schemas.NEWSML_SCHEMA)
    if arguments.nitf:
        return _schemas.bundled_checker(_schemas.NITF_SCHEMA)
    return None


def _schema_checker(path: str) -> Any:
    from articlekit import _schemas

    try:
        # The schema is read whole, as a document is: no larger than a document may be.
        if Path(path).stat().st_size > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES} bytes, the limit")
        return _schemas.checker(Path(path))
    except (OSError, ValueError, ImportError) as error:
        raise _UsageError(f"--schema {shown(path)}: {shown(str(error))}") from None


def _run_detect(arguments: argparse.Namespace) -> int:
    outcomes = []
    for source in expand_inputs(arguments.inputs):
        outcome = Outcome(source)
        try:
            with _open(source, arguments.timeout) as file:
                print(f"{shown(source)}: {_detect(file, source, None).name}")
        except BrokenPipeError:
            raise  # the reader of standard output went away: main() ends quietly
        except _INPUT_ERRORS as error:
            outcome.fail(error)
        outcomes.append(outcome)
    return report(outcomes, debug=arguments.debug, total=len(outcomes))


def _run_show(arguments: argparse.Namespace) -> int:
    sources = expand_inputs(arguments.inputs)
    if not sources:
        raise _UsageError(f"{shown(arguments.inputs[0])} holds no file of a known format")
    source = sources[0]
    outcome = Outcome(source)
    try:
        with _open(source, arguments.timeout) as file:
            for article in _articles(file, source, arguments.from_):
                write_summary(article, sys.stdout)
    except BrokenPipeError:
        raise  # the reader of standard output went away: main() ends quietly
    except _INPUT_ERRORS as error:
        outcome.fail(error)
    return report([outcome], debug=arguments.debug, total=1)


def _run_sample(arguments: argparse.Namespace) -> int:
    from articlekit._sample import sample

    target: Format = get_format(arguments.to)
    check_output_file(arguments.output, (), in_place=False)
    _emit(target.dumps(sample(), **dict(_options(arguments))), arguments.output)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
