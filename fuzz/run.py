"""Fuzz articlekit's readers: each target for a while, from fresh seeds; exit 1 on any finding.

Usage::

    python fuzz/run.py --seconds 20                 # every target, 20 s each (CI)
    python fuzz/run.py --seconds 1800 html newsml   # long runs of some targets
    python fuzz/run.py --corpus ~/fuzz-corpus ...   # keep what the fuzzer learns between runs
    python fuzz/run.py --keep-going ...             # record a finding and fuzz on past it
    python fuzz/run.py json --replay FILE ...       # run saved inputs through a target again

Each target runs in a process of its own (``fuzz/run_target.py``) under atheris' libFuzzer,
with the target's limits: an input that takes longer than its ``timeout``, or a process that
grows past its ``rss_limit_mb``, is a finding like an exception that is not an
`ArticleKitError` or a round trip that changes the article. For each target the summary gives
the executions, the coverage (``cov``: branches of articlekit's code, ``ft``: libFuzzer's finer
features) and the executions per second, from libFuzzer's last status line; for a finding, the
file that reproduces it and the end of the log.

Without atheris (it has wheels for Linux on x86-64 only) the seeds are run through the
targets without coverage guidance; where ``CI`` is set on Linux x86-64, a missing atheris is
an error instead.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

HERE: Final = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))  # the sibling modules, also when the tests import this file

from seeds import SHARED, build  # noqa: E402 - after the path is set
from targets import KNOWN_FINDINGS_VARIABLE, TARGETS, Target, signature  # noqa: E402

__all__ = [
    "Finding",
    "Outcome",
    "atheris_expected",
    "fuzz",
    "fuzz_for",
    "main",
    "replay",
    "seed_folders",
]

_STATUS: Final = re.compile(
    r"^#(?P<runs>\d+)\s+\w+\s+cov: (?P<cov>\d+) ft: (?P<ft>\d+) corp: (?P<corpus>\d+)/\S+"
    r".*?exec/s: (?P<speed>\d+)",
    re.MULTILINE,
)
_FINDINGS: Final = (
    ("timeout", re.compile(r"ERROR: libFuzzer: timeout")),
    ("out of memory", re.compile(r"ERROR: libFuzzer: out-of-memory")),
    ("exception", re.compile(r"=== Uncaught Python exception: ===")),
    ("crash", re.compile(r"ERROR: libFuzzer: ")),
)
_ARTIFACT: Final = re.compile(r"Test unit written to (\S+)")
_SEED_KINDS: Final = {
    "json": ("json",),
    "jsonl": ("jsonl",),
    "ninjs": ("ninjs",),
    "newsml": ("newsml",),
    "nitf": ("nitf",),
    "newsml1": ("newsml1",),
    "html": ("html",),
    "extract": ("html", "pages"),
    "detect": ("json", "jsonl", "ninjs", "newsml", "nitf", "newsml1", "html"),
}
_GRACE_SECONDS: Final = 120  # over -max_total_time: start-up, the seeds' first pass, the last input
_SHORTEST_RUN: Final = 10  # seconds: --keep-going starts no run shorter than this
_MOST_FINDINGS: Final = 25  # per target: --keep-going stops there, something is badly wrong


@dataclass
class Finding:
    """Something a run found.

    Attributes:
        kind: ``exception``, ``timeout``, ``out of memory``, ``crash``, ``hung`` or
            ``exit status N``.
        artifact: The file that reproduces it, if libFuzzer wrote one.
        signature: What it is, for an exception (`targets.signature`); else the kind.
        log: The log of the run that found it.
    """

    kind: str
    artifact: str
    signature: str
    log: Path


@dataclass
class Outcome:
    """What fuzzing one target came to, over one run or several (``--keep-going``).

    Attributes:
        target: The target's name.
        runs: Executions, from libFuzzer's last status line (summed over the runs).
        coverage: ``cov`` there: branches of articlekit's code reached.
        features: ``ft`` there: libFuzzer's finer coverage features.
        corpus: Inputs in the corpus at the end.
        speed: Executions per second, over the whole time.
        seconds: Wall-clock time, start-up included.
        findings: What the runs found.
    """

    target: str
    runs: int = 0
    coverage: int = 0
    features: int = 0
    corpus: int = 0
    speed: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the figures, then one per finding."""
        figures = (
            f"{self.target}: {self.runs:,} runs in {self.seconds:.0f} s ({self.speed:,}/s), "
            f"cov {self.coverage:,}, ft {self.features:,}, corpus {self.corpus:,}"
        )
        if not self.findings:
            return f"{figures}: nothing found"
        lines = [f"{figures}: FOUND {len(self.findings)}"]
        lines += [
            f"  {finding.kind}: {finding.signature}\n    reproducer {finding.artifact or '-'}"
            f" (log {finding.log})"
            for finding in self.findings
        ]
        return "\n".join(lines)


def seed_folders(seeds: Path, target: str) -> list[Path]:
    """The folders of seeds under *seeds* that suit *target*."""
    return [seeds / kind for kind in _SEED_KINDS[target] if (seeds / kind).is_dir()]


def _dictionary(seeds: Path, target: str, into: Path) -> Path:
    """One libFuzzer dictionary for *target*, from its kinds' dictionaries."""
    lines: dict[str, None] = {}
    for kind in _SEED_KINDS[target]:
        path = seeds / f"{kind}.dict"
        if path.is_file():
            lines.update(dict.fromkeys(path.read_text(encoding="ascii").splitlines()))
    into.write_text("\n".join(lines) + "\n", encoding="ascii")
    return into


def _read_log(outcome: Outcome, log: Path, returncode: int | None) -> Finding | None:
    """Add one run's figures from its *log* to *outcome*; return what it found, if anything."""
    text = log.read_text(encoding="utf-8", errors="replace")
    statuses = list(_STATUS.finditer(text))
    runs = 0
    if statuses:
        last = statuses[-1]
        runs = int(last["runs"])
        outcome.coverage, outcome.features = int(last["cov"]), int(last["ft"])
        outcome.corpus = int(last["corpus"])
    executed = re.search(r"stat::number_of_executed_units: (\d+)", text)
    outcome.runs += max(runs, int(executed[1]) if executed else 0)
    if returncode == 0:
        return None
    if returncode is None:
        kind = "hung"
    else:
        found = [name for name, pattern in _FINDINGS if pattern.search(text)]
        kind = found[0] if found else f"exit status {returncode}"
    artifact = _ARTIFACT.search(text)
    return Finding(kind, artifact[1] if artifact else "", kind, log)


def fuzz(
    target: Target,
    *,
    seconds: int,
    seeds: Path,
    corpus: Path,
    artifacts: Path,
    log: Path,
    seed: int | None = None,
    known: Path | None = None,
) -> tuple[int | None, float]:
    """Fuzz *target* for *seconds* in a process of its own, its output going to *log*.

    Args:
        target: The target.
        seconds: How long libFuzzer fuzzes (``-max_total_time``).
        seeds: The folder `seeds.build` wrote.
        corpus: Where libFuzzer keeps the inputs it finds interesting (created if missing).
        artifacts: Where it writes an input that reproduces a finding.
        log: The file for the run's output.
        seed: libFuzzer's random seed; a fixed one makes a run repeatable.
        known: A file of signatures of findings to go on past (`targets.known_findings`).

    Returns:
        The process's exit status (None if it hung and was killed) and the seconds it took.
    """
    for folder in (corpus, artifacts, log.parent):
        folder.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        str(HERE / "run_target.py"),
        f"--target={target.name}",
        f"-max_total_time={seconds}",
        f"-timeout={target.timeout}",
        f"-rss_limit_mb={target.rss_limit_mb}",
        f"-max_len={target.max_len}",
        f"-dict={_dictionary(seeds, target.name, log.with_suffix('.dict'))}",
        f"-artifact_prefix={artifacts}{os.sep}{target.name}-",
        "-print_final_stats=1",
        *([f"-seed={seed}"] if seed is not None else []),
        str(corpus),
        *map(str, seed_folders(seeds, target.name)),
    ]
    environment = dict(os.environ)
    if known is not None:
        environment[KNOWN_FINDINGS_VARIABLE] = str(known)
    started = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, our own script
            command, stdout=output, stderr=subprocess.STDOUT, env=environment
        )
        try:
            returncode: int | None = process.wait(timeout=seconds + target.timeout + _GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            returncode = None
    return returncode, time.monotonic() - started


def fuzz_for(
    target: Target,
    *,
    seconds: int,
    seeds: Path,
    corpus: Path,
    artifacts: Path,
    logs: Path,
    seed: int | None = None,
    keep_going: bool = False,
) -> Outcome:
    """Fuzz *target* for *seconds*; with *keep_going*, record each finding and fuzz on past it.

    Going on, each exception found is replayed here to learn its `targets.signature`, which
    the following runs let pass; a timeout or running out of memory cannot be told apart so,
    and may be found again. The corpus carries over, so each run starts where the last ended.
    """
    outcome = Outcome(target.name)
    known = logs / f"{target.name}.known"
    known.parent.mkdir(parents=True, exist_ok=True)
    known.write_text("", encoding="utf-8")
    deadline = time.monotonic() + seconds
    for attempt in range(1, _MOST_FINDINGS + 2):
        remaining = round(deadline - time.monotonic())
        if attempt > 1 and remaining < _SHORTEST_RUN:
            break
        log = logs / (f"{target.name}.log" if attempt == 1 else f"{target.name}-{attempt}.log")
        returncode, took = fuzz(
            target,
            seconds=max(remaining, 1),
            seeds=seeds,
            corpus=corpus,
            artifacts=artifacts,
            log=log,
            seed=seed,
            known=known,
        )
        outcome.seconds += took
        runs_before = outcome.runs
        finding = _read_log(outcome, log, returncode)
        if finding is None:
            break
        if outcome.runs == runs_before:  # it did not start: nothing to go on past
            finding.kind = finding.signature = f"did not start ({finding.kind})"
            outcome.findings.append(finding)
            break
        if finding.kind == "exception" and finding.artifact:
            failures = replay(target, [Path(finding.artifact)])
            finding.signature = failures[0][1] if failures else "(does not happen again)"
        outcome.findings.append(finding)
        if not keep_going or len(outcome.findings) >= _MOST_FINDINGS:
            break
        with known.open("a", encoding="utf-8") as file:
            file.write(finding.signature + "\n")
    outcome.speed = round(outcome.runs / outcome.seconds) if outcome.seconds else 0
    return outcome


def replay(target: Target, paths: Iterable[Path]) -> list[tuple[Path, str, str]]:
    """Run each file under *paths* (files, or folders of them) through *target*.

    Returns:
        (file, signature, traceback) for each input that broke the oracle; empty when all held.
    """
    failures = []
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if not file.is_file():
                continue
            try:
                target.check(file.read_bytes())
            except Exception as error:
                failures.append((file, signature(error), traceback.format_exc()))
    return failures


def atheris_expected() -> bool:
    """Tell whether atheris must be here: in CI, on the platform it has wheels for."""
    return bool(os.environ.get("CI")) and (platform.system(), platform.machine()) == (
        "Linux",
        "x86_64",
    )


def _has_atheris() -> bool:
    return importlib.util.find_spec("atheris") is not None


def _tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def _replay_all(names: Sequence[str], paths_for: dict[str, list[Path]]) -> int:
    """Replay inputs through each target, printing what broke; return how many targets broke."""
    broken = 0
    for name in names:
        failures = replay(TARGETS[name], paths_for[name])
        for file, kind, trace in failures:
            print(f"--- {name}: {file}: {kind}\n{trace}", flush=True)
        print(f"{name}: {len(failures)} of the inputs broke the oracle", flush=True)
        broken += bool(failures)
    return broken


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=", ".join(TARGETS))
    parser.add_argument("--seconds", type=int, default=20, help="per target (default 20)")
    parser.add_argument("--corpus", type=Path, help="keep each target's corpus in DIR/TARGET")
    parser.add_argument("--artifacts", type=Path, help="write reproducers and logs here")
    parser.add_argument("--seed", type=int, help="libFuzzer's random seed (repeatable runs)")
    parser.add_argument("--keep-going", action="store_true", help="fuzz on past findings")
    parser.add_argument("--articles", type=int, default=24, help="generated articles in the seeds")
    parser.add_argument("--shared", type=Path, default=SHARED, help="where shared/ is")
    parser.add_argument("--no-shared", action="store_true", help="no seeds from shared/")
    parser.add_argument("--replay", type=Path, nargs="+", metavar="PATH", help="run saved inputs")
    options = parser.parse_args(argv)
    names = options.targets or list(TARGETS)
    unknown = [name for name in names if name not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}; choose from {', '.join(TARGETS)}")
    if options.replay:
        return 1 if _replay_all(names, dict.fromkeys(names, options.replay)) else 0

    with tempfile.TemporaryDirectory(prefix="articlekit-fuzz-") as scratch:
        seeds = Path(scratch) / "seeds"
        shared = None if options.no_shared else options.shared
        counts = build(seeds, articles=options.articles, shared=shared)
        print("seeds: " + ", ".join(f"{kind} {count}" for kind, count in counts.items()))
        if not _has_atheris():
            if atheris_expected():
                print("fuzz: atheris is missing; install the fuzz extra", file=sys.stderr)
                return 1
            print("atheris is not installed (Linux x86-64 only): replaying the seeds instead")
            return 1 if _replay_all(names, {n: seed_folders(seeds, n) for n in names}) else 0
        artifacts = options.artifacts or Path(tempfile.mkdtemp(prefix="articlekit-fuzz-found-"))
        outcomes = []
        for name in names:
            outcome = fuzz_for(
                TARGETS[name],
                seconds=options.seconds,
                seeds=seeds,
                corpus=(options.corpus or Path(scratch) / "corpus") / name,
                artifacts=artifacts,
                logs=artifacts,
                seed=options.seed,
                keep_going=options.keep_going,
            )
            outcomes.append(outcome)
            print(outcome.summary(), flush=True)
            for finding in outcome.findings[:1]:
                print(_tail(finding.log), flush=True)
        found = [outcome for outcome in outcomes if outcome.findings]
        if not found and not options.artifacts:
            shutil.rmtree(artifacts)
        if found:
            print(f"fuzz: {len(found)} of {len(outcomes)} targets found something, in {artifacts}")
        else:
            print(f"fuzz: {len(outcomes)} targets, nothing found")
        return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
