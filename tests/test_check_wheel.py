"""tools/check_wheel.py: the release check that a wheel holds the package and nothing else."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "check_wheel.py"

CLEAN = [
    "articlekit/__init__.py",
    "articlekit/_version.py",
    "articlekit/py.typed",
    "articlekit/nitf/_read.py",
    "articlekit/data/sample.json",
    "articlekit/data/schemas/NOTICE.md",
    "articlekit/data/schemas/ninjs/ninjs-schema_3.1.json",
    "articlekit/data/schemas/newsml-g2/xml.xsd",
    "articlekit-1.2.0.dist-info/METADATA",
    "articlekit-1.2.0.dist-info/WHEEL",
    "articlekit-1.2.0.dist-info/RECORD",
    "articlekit-1.2.0.dist-info/entry_points.txt",
    "articlekit-1.2.0.dist-info/licenses/LICENSE",
]


@pytest.fixture(scope="module")
def check_wheel():
    if not TOOL.is_file():
        pytest.skip(f"{TOOL} is absent: tools/ ships in the sdist and the repository only")
    spec = importlib.util.spec_from_file_location("check_wheel", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wheel(folder: Path, names: list[str], version: str = "1.2.0") -> str:
    path = folder / f"articlekit-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return str(path)


def test_a_clean_wheel_passes(check_wheel, tmp_path, capsys):
    assert check_wheel.main([wheel(tmp_path, CLEAN)]) == 0
    assert "clean" in capsys.readouterr().out


@pytest.mark.parametrize(
    "stray",
    [
        "tests/test_json.py",
        "articlekit/tests/test_json.py",
        "articlekit/__pycache__/json.cpython-311.pyc",
        "articlekit/json.py.orig",
        "articlekit/.DS_Store",
        "articlekit/data/schemas/notes.docx",
        "conftest.py",
        "articlekit/nitf/test_read.py",
        "articlekit-1.2.0.dist-info/direct_url.json",
    ],
)
def test_a_stray_file_fails_and_is_named(check_wheel, tmp_path, capsys, stray):
    assert check_wheel.main([wheel(tmp_path, [*CLEAN, stray])]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'articlekit-1.2.0-py3-none-any.whl'}: stray file: {stray}"
    ]


@pytest.mark.parametrize(
    "required", ["articlekit/py.typed", "articlekit-1.2.0.dist-info/licenses/LICENSE"]
)
def test_a_missing_required_file_fails(check_wheel, tmp_path, capsys, required):
    names = [name for name in CLEAN if name != required]
    assert check_wheel.main([wheel(tmp_path, names)]) == 1
    assert "missing: " in capsys.readouterr().err


def test_the_version_must_be_the_tags(check_wheel, tmp_path, capsys):
    path = wheel(tmp_path, CLEAN)
    assert check_wheel.main(["--version", "1.2.0", path]) == 0
    assert check_wheel.main(["--version", "1.3.0", path]) == 1
    assert "version 1.2.0, expected 1.3.0" in capsys.readouterr().err


def test_a_file_that_is_not_a_wheel_fails_without_a_traceback(check_wheel, tmp_path, capsys):
    path = tmp_path / "articlekit-1.2.0-py3-none-any.whl"
    path.write_bytes(b"not a zip")
    assert check_wheel.main([str(path)]) == 1
    assert "cannot read" in capsys.readouterr().err
