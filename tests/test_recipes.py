"""The recipes in the docs run: here at small scale, on local files."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import jsonl, newsml, strategies

RECIPES = Path(__file__).resolve().parents[1] / "docs" / "recipes"


def _recipe(name: str):
    pytest.importorskip("dask.bag", reason="the Dask recipe needs dask[bag] (a test extra)")
    spec = importlib.util.spec_from_file_location(f"recipe_{name}", RECIPES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _archive(folder: Path, articles) -> tuple[Path, Path, list[articlekit.Article]]:
    """NewsML-G2 files of *articles*, where to write, and what reading each file gives."""
    sources, target = folder / "newsml", folder / "jsonl"
    sources.mkdir()
    expected = []
    with warnings.catch_warnings():  # NewsML-G2 leaves some photo fields out, and says so
        warnings.simplefilter("ignore", articlekit.LossWarning)
        for index, article in enumerate(articles):
            data = newsml.dumps(article)
            (sources / f"item{index}.xml").write_bytes(data)
            expected.append(newsml.loads(data))
    return sources, target, expected


def _read(target: Path) -> list[articlekit.Article]:
    return [
        article
        for path in sorted(target.glob("*.jsonl"))
        for article in jsonl.iter_articles(path.read_bytes())
    ]


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_recipe_converts_an_archive_of_newsml_to_json_lines(tmp_path, scheduler):
    recipe = _recipe("dask_archive")
    sources, target, expected = _archive(tmp_path, [articlekit.sample()] * 5)
    recipe.convert_archive(str(sources / "*.xml"), str(target / "*.jsonl"), scheduler=scheduler)
    assert _read(target) == expected


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(strategies.articles(), min_size=1, max_size=4))
def test_dask_recipe_keeps_every_article_of_generated_archives(tmp_path_factory, articles):
    recipe = _recipe("dask_archive")
    sources, target, expected = _archive(tmp_path_factory.mktemp("archive"), articles)
    recipe.convert_archive(str(sources / "*.xml"), str(target / "*.jsonl"), scheduler="sync")
    assert sorted(_read(target), key=repr) == sorted(expected, key=repr)
