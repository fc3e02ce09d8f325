"""The public surface: what ``__all__`` promises exists, and every format module has one shape."""

from __future__ import annotations

import importlib
import os

import pytest

import articlekit

FORMAT_MODULES = [
    "articlekit.json",
    "articlekit.html",
    "articlekit.newsml",
    "articlekit.ninjs",
    "articlekit.jsonl",
]


def test_top_level_all_names_exist_and_are_sorted():
    assert articlekit.__all__ == sorted(articlekit.__all__)
    for name in articlekit.__all__:
        assert hasattr(articlekit, name), name


def test_top_level_exports_models_errors_and_sample():
    for name in ["Article", "Byline", "Photo", "Topic", "Paragraph", "ArticleKitError", "sample"]:
        assert name in articlekit.__all__


def test_version_is_a_string():
    assert isinstance(articlekit.__version__, str)
    assert articlekit.__version__[0].isdigit()


@pytest.mark.parametrize("module_name", FORMAT_MODULES)
def test_format_module_offers_the_four_verbs(module_name):
    module = importlib.import_module(module_name)
    for verb in ["loads", "dumps", "load", "dump"]:
        assert verb in module.__all__, verb
        assert callable(getattr(module, verb))


def test_json_module_all_is_pinned():
    from articlekit import json

    assert sorted(json.__all__) == ["FORMAT_VERSION", "dump", "dumps", "load", "loads", "schema"]


def test_newsml1_module_reads_only_and_its_all_is_pinned():
    from articlekit import newsml1

    assert sorted(newsml1.__all__) == ["iter_articles", "load", "loads"]
    assert not hasattr(newsml1, "dumps")


def test_inline_module_all_names_exist():
    from articlekit import inline

    for name in inline.__all__:
        assert hasattr(inline, name), name


def test_importing_articlekit_does_not_import_hypothesis():
    import subprocess
    import sys

    code = "import sys, articlekit, articlekit.json; print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_atomic_writes_leave_the_target_or_nothing(tmp_path):
    from articlekit._api import open_atomically, write_atomically

    target = tmp_path / "out" / "article.json"
    write_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())

    def fail_half_way():
        with open_atomically(target) as file:
            file.write(b"half")
            raise RuntimeError("the writer failed")

    with pytest.raises(RuntimeError):
        fail_half_way()
    assert target.read_bytes() == b"first"
    assert [path.name for path in target.parent.iterdir()] == ["article.json"]


def test_an_interrupt_while_the_temporary_file_is_made_leaves_nothing(tmp_path, monkeypatch):
    # The worst moment: the file exists, its descriptor is not yet returned to the caller.
    import articlekit._api as api

    real_open = os.open

    def open_then_interrupt(*arguments, **options):
        os.close(real_open(*arguments, **options))
        raise KeyboardInterrupt

    monkeypatch.setattr(api.os, "open", open_then_interrupt)
    with pytest.raises(KeyboardInterrupt), api.open_atomically(tmp_path / "a.json"):
        pass  # pragma: no cover - never reached
    assert list(tmp_path.iterdir()) == []


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
