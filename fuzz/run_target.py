#!/usr/bin/env python3
"""Fuzz one target under atheris: ``fuzz/run_target.py --target=NAME [libFuzzer options] [CORPUS]``.

``fuzz/run.py`` calls this with the limits and seeds each target needs; call it directly to
pass libFuzzer options of your own, to run saved inputs again (give their paths), or to
minimise one (``-minimize_crash=1 -max_total_time=60 FILE``). libFuzzer ignores options that
start with two dashes, such as ``--target``, and passes them on when it starts itself again
(to minimise), which is why this file is executable.
Every articlekit module is imported under atheris' instrumentation, so libFuzzer sees the
branches taken in articlekit's Python code (lxml's C code is not instrumented).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Any

# Not readers, or not importable for their side effects: the command line runs on import.
_SKIPPED = ("articlekit.__main__", "articlekit.cli", "articlekit.strategies")


def main() -> None:
    """Fuzz the target that ``--target`` names; the other arguments are libFuzzer's."""
    atheris: Any = importlib.import_module("atheris")
    names = [
        argument.partition("=")[2] for argument in sys.argv if argument.startswith("--target=")
    ]
    if not names:
        sys.exit(f"usage: {sys.argv[0]} --target=NAME [libFuzzer options] [CORPUS ...]")
    name = names[-1]
    # Let libFuzzer see what str.startswith / endswith compare with. (Not the "RegEx" hook:
    # its pattern proxy breaks the standard library, whose json calls match(text, pos).)
    atheris.enabled_hooks.add("str")
    with atheris.instrument_imports(include=["articlekit"]):
        import articlekit

        for module in pkgutil.walk_packages(articlekit.__path__, "articlekit."):
            if module.name not in _SKIPPED:
                importlib.import_module(module.name)  # readers import some modules lazily
    from targets import TARGETS

    if name not in TARGETS:
        sys.exit(f"unknown target {name!r}; choose one of {', '.join(TARGETS)}")
    atheris.Setup(sys.argv, TARGETS[name].check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
