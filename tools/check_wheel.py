"""Check that a built articlekit wheel holds the package and nothing else.

Run by ``.ci/run`` and the release workflow: ``python tools/check_wheel.py dist/*.whl``.
Each file in the wheel must match one rule of ``_ALLOWED``: the package's modules, ``py.typed``,
the bundled data files with their licence notices, and the metadata the build backend writes.
No tests, caches, editor or VCS leftovers ship; ``py.typed`` and the licence must be present.
Exit status 0 means the wheel is clean, 1 that it is not (one line per problem), 2 a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

# A wheel's file name: name-version(-build)?-python-abi-platform.whl (PEP 427).
_WHEEL_NAME = re.compile(r"^articlekit-(?P<version>[^-]+)-(?:\d[^-]*-)?py3-none-any\.whl$")

# What may ship, as patterns on the path inside the wheel; anything else is a stray file.
_ALLOWED = (
    re.compile(r"^articlekit/(?:[a-z0-9_]+/)*[a-z0-9_]+\.py$"),
    re.compile(r"^articlekit/py\.typed$"),
    # Bundled schemas, examples of the sample article, and the notices their licences ask for.
    re.compile(r"^articlekit/data/(?:[\w.-]+/)*[\w.-]+\.(?:json|xsd|xml|dtd|txt|tsv|md)$"),
    re.compile(r"^articlekit/data/(?:[\w.-]+/)*(?:LICEN[CS]E|NOTICE|COPYING)[\w.-]*$"),
    re.compile(r"^articlekit-[^/]+\.dist-info/(?:METADATA|WHEEL|RECORD|entry_points\.txt)$"),
    re.compile(r"^articlekit-[^/]+\.dist-info/licenses/LICENSE$"),
)

# Test code never ships, even where a pattern above would admit it.
_FORBIDDEN = re.compile(r"(?:^|/)(?:tests?/|test_[^/]*$|[^/]*_test\.py$|conftest\.py$)")

# Without these the wheel is broken even if nothing stray ships.
_REQUIRED = (
    "articlekit/__init__.py",
    "articlekit/py.typed",
    "articlekit/_version.py",
    "dist-info/METADATA",
    "dist-info/entry_points.txt",
    "dist-info/licenses/LICENSE",
)


def stray_files(names: Iterable[str]) -> list[str]:
    """Return the paths in a wheel that are test code or that no rule of ``_ALLOWED`` admits."""
    return [name for name in names if _FORBIDDEN.search(name) or not _admitted(name)]


def missing_files(names: Iterable[str]) -> list[str]:
    """Return the required paths that the wheel lacks (dist-info paths without their version)."""
    present = {_without_dist_info_version(name) for name in names}
    return [name for name in _REQUIRED if name not in present]


def version_mismatch(wheel_name: str, expected: str | None) -> str | None:
    """Return a problem if the wheel's file name is not articlekit's or has another version."""
    found = _WHEEL_NAME.match(wheel_name)
    if found is None:
        return f"{wheel_name}: not a pure-Python articlekit wheel name"
    if expected is not None and found["version"] != expected:
        return f"{wheel_name}: version {found['version']}, expected {expected}"
    return None


def problems(path: str, expected_version: str | None = None) -> list[str]:
    """Return one line per problem with the wheel at ``path``; empty if it is clean."""
    with zipfile.ZipFile(path) as wheel:
        names = [name for name in wheel.namelist() if not name.endswith("/")]
    found = [f"stray file: {name}" for name in stray_files(names)]
    found += [f"missing: {name}" for name in missing_files(names)]
    mismatch = version_mismatch(PurePosixPath(path.replace("\\", "/")).name, expected_version)
    return found if mismatch is None else [mismatch, *found]


def main(argv: Sequence[str] | None = None) -> int:
    """Check each wheel named on the command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheels", nargs="+", help="the .whl files to check")
    parser.add_argument("--version", help="the version the wheels must have (a release tag's)")
    arguments = parser.parse_args(argv)
    status = 0
    for path in arguments.wheels:
        try:
            found = problems(path, arguments.version)
        except (OSError, zipfile.BadZipFile) as exc:
            found = [f"cannot read: {exc}"]
        for problem in found:
            print(f"{path}: {problem}", file=sys.stderr)
        status = status or int(bool(found))
        if not found:
            print(f"{path}: clean")
    return status


def _admitted(name: str) -> bool:
    """Whether a rule of ``_ALLOWED`` admits the path."""
    return any(rule.match(name) for rule in _ALLOWED)


def _without_dist_info_version(name: str) -> str:
    """``articlekit-0.1.0.dist-info/METADATA`` as ``dist-info/METADATA``; other paths as given."""
    return re.sub(r"^articlekit-[^/]+\.dist-info/", "dist-info/", name)


if __name__ == "__main__":
    sys.exit(main())
