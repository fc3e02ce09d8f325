"""What the command line says of each input: its outcome, the report of a batch, a progress bar."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field

from articlekit._cli_paths import shown

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class CommandError(Exception):
    """A failure the command describes itself: its message is the whole report."""


@dataclass
class Outcome:
    """What happened to one input: the files written, warnings, and the error if it failed."""

    source: str
    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    detail: str | None = None  # the traceback, shown with --debug
    violations: list[str] = field(default_factory=list)  # of an official schema, one a line

    def fail(self, error: BaseException) -> None:
        """Record *error* as the reason this input failed."""
        self.error = describe(error)
        self.detail = traceback.format_exc()


def describe(error: BaseException) -> str:
    """The one-line description of *error* in a report (escaped later, with the input name)."""
    if isinstance(error, CommandError):
        return str(error)
    return f"{type(error).__name__}: {error}"


class Progress:
    """A one-line progress bar on standard error, for terminals only."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def step(self) -> None:
        self.done += 1
        filled = 30 * self.done // self.total
        end = "\n" if self.done == self.total else ""
        bar = "#" * filled + " " * (30 - filled)
        print(f"\r[{bar}] {self.done}/{self.total}", end=end, file=sys.stderr, flush=True)


def report(outcomes: Iterable[Outcome], *, debug: bool, total: int) -> int:
    failed = 0
    seen = 0
    for outcome in outcomes:
        seen += 1
        # One line per warning and failure, whatever the name or message holds.
        name = shown(outcome.source)
        for message in outcome.warnings:
            print(f"articlekit: {name}: warning: {shown(message)}", file=sys.stderr)
        for violation in outcome.violations:
            print(f"articlekit: {name}: {shown(violation)}", file=sys.stderr)
        if outcome.error:
            failed += 1
            print(f"articlekit: {name}: {shown(outcome.error)}", file=sys.stderr)
            if debug and outcome.detail:
                print(outcome.detail, file=sys.stderr)
    if failed:
        skipped = total - seen
        tail = f", {skipped} not attempted (use --continue-on-error)" if skipped else ""
        print(f"articlekit: {failed} of {total} input(s) failed{tail}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def list_violations(outcome: Outcome, error: BaseException) -> None:
    """Report each violation of an official schema on its own line, then their count."""
    violations = getattr(error, "violations", ())
    if violations:
        outcome.violations = [str(violation) for violation in violations]
        summary = error.message.split("\n", 1)[0].removesuffix(":")  # type: ignore[attr-defined]
        outcome.error = f"{type(error).__name__}: {summary}"
