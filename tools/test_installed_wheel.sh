#!/usr/bin/env bash
# Run the test suite against articlekit as users get it: the built wheel installed into a fresh
# virtual environment, the tests taken from the built sdist with its src/ removed, so that only the
# installed package can be imported. Used by .ci/run and by the release workflow.
#
# Usage: tools/test_installed_wheel.sh DIST_DIR [PYTEST_OPTION...]  (e.g. -q, -x, -m "not slow")
# DIST_DIR holds exactly one articlekit wheel and one sdist. Set PYTHON to choose the interpreter.
# pytest's "no tests collected" (exit 5) is a failure here too.
set -euo pipefail

dist=$(cd "${1:?usage: $0 DIST_DIR [PYTEST_ARGUMENT...]}" && pwd)
shift
shopt -s nullglob
wheels=("$dist"/articlekit-*.whl)
sdists=("$dist"/articlekit-*.tar.gz)
if [ "${#wheels[@]}" -ne 1 ] || [ "${#sdists[@]}" -ne 1 ]; then
  echo "$dist must hold exactly one articlekit wheel and one sdist" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${PYTHON:-python3}" -m venv "$work/venv"
venv_python="$work/venv/bin/python"
[ -x "$venv_python" ] || venv_python="$work/venv/Scripts/python.exe"  # Windows layout
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"$venv_python" -m pip install -q "${wheels[0]}[test]"

tar -xzf "${sdists[0]}" -C "$work"
suite=("$work"/articlekit-*/)
rm -rf "${suite[0]}src"
cd "${suite[0]}"

# The import must come from the virtual environment's site-packages, not from a source tree.
installed=$("$venv_python" -c '
import pathlib, sysconfig, articlekit
package = pathlib.Path(articlekit.__file__).resolve().parent
site = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
assert package.parent == site, f"articlekit imported from {package}, not from {site}"
print(package)
')
echo "testing the installed package at $installed"

set +e
# The installed modules' doctests too: pytest skips paths inside a virtual environment unless told.
"$venv_python" -m pytest -p no:cacheprovider --collect-in-virtualenv "$@" tests docs README.md "$installed"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
