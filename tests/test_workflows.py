"""The GitHub workflows agree with the README, pyproject.toml and the release policy.

The schema check in .ci/run says a workflow is well-formed; these say it does what
docs/releasing.md promises. .github/ is not in the sdist: there these tests skip.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"

yaml = pytest.importorskip("yaml", reason="PyYAML comes with dask, a test dependency")


def workflow(name: str) -> dict[Any, Any]:
    path = WORKFLOWS / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: .github/ is in the repository, not in the sdist")
    loaded: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def triggers(loaded: dict[Any, Any]) -> Any:
    return loaded.get("on", loaded.get(True))  # YAML 1.1 reads a bare `on` as true


def steps(loaded: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in loaded["jobs"].values() for step in job["steps"]]


def readme_test_command() -> str:
    blocks = re.findall(r"```console\n(.*?)\n```", (ROOT / "README.md").read_text("utf-8"), re.S)
    return str(blocks[1])


def supported_pythons() -> list[str]:
    text = (ROOT / "pyproject.toml").read_text("utf-8")  # no tomllib on Python 3.10
    return re.findall(r'"Programming Language :: Python :: (3\.\d+)"', text)


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_every_workflow_reads_only_and_pins_its_actions(name):
    loaded = workflow(name)
    assert loaded["permissions"] == {"contents": "read"}
    for step in steps(loaded):
        if "uses" in step:
            assert re.search(r"@(v\d+|release/v\d+)$", step["uses"]), step["uses"]


def test_ci_runs_the_readme_test_command_everywhere_supported():
    loaded = workflow("ci.yml")
    assert set(triggers(loaded)) == {"push", "pull_request"}
    tests = loaded["jobs"]["tests"]
    assert tests["strategy"]["matrix"]["os"] == ["ubuntu-latest", "macos-latest", "windows-latest"]
    assert tests["strategy"]["matrix"]["python"] == supported_pythons()
    assert readme_test_command() in [step.get("run") for step in tests["steps"]]
    assert loaded["defaults"]["run"]["shell"] == "bash"  # `&&` on Windows too


def test_ci_runs_the_checks_of_ci_run():
    commands = "\n".join(step.get("run", "") for step in steps(workflow("ci.yml")))
    for command in [
        "ruff check",
        "ruff format --check",
        "mypy --strict src",
        "sphinx-build -q -W -n",
        "twine check --strict",
        "tools/check_wheel.py",
        "tools/test_installed_wheel.sh",
        "check-jsonschema --builtin-schema vendor.github-workflows",
        "tests/test_html.py -k chromium",
        "fuzz/run.py",
    ]:
        assert command in commands


def test_release_publishes_a_tested_build_by_trusted_publishing_only():
    loaded = workflow("release.yml")
    assert triggers(loaded) == {"push": {"tags": ["v*"]}}
    jobs = loaded["jobs"]
    assert set(jobs["publish"]["needs"]) == {"build", "test-installed"}
    assert jobs["publish"]["environment"]["name"] == "pypi"
    assert jobs["publish"]["permissions"] == {"id-token": "write"}
    assert [job for job in jobs.values() if "id-token" in job.get("permissions", {})] == [
        jobs["publish"]
    ]
    publish = [step for step in jobs["publish"]["steps"] if "uses" in step]
    assert publish[-1]["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert "with" not in publish[-1]  # no password or token: OIDC
    assert "secrets." not in (WORKFLOWS / "release.yml").read_text("utf-8")
    runs = [step.get("run", "") for step in steps(loaded)]
    assert sum("python -m build" in run for run in runs) == 1  # built once, in the build job
    built = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "python -m build" in built
    assert "check_wheel.py --version" in built
