"""Web pages end to end: a saved page through the command line, and every page's article
through every format.

The saved page is one written for the tests (``tests/data/pages``); the corpus of real pages
lives in ``../shared/corpora/html-dev`` (copyleft: read from there, never copied) and its test
skips where it is absent.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import articlekit
from articlekit import extract
from articlekit._formats import ROUND_TRIP, get_format

PAGES = Path(__file__).resolve().parent / "data" / "pages"


def test_a_saved_web_page_converts_to_markdown_from_the_command_line(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes((PAGES / "wordpress-news.html").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "articlekit", "convert", str(page), "--to", "markdown"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    markdown = result.stdout.decode()
    assert markdown.startswith("# Hostages freed after six days in harbour standoff\n")
    assert "*Police say all eleven crew members are safe" in markdown
    assert "By Mara Lindqvist" in markdown
    assert "<script" not in markdown


def _corpus_pages(shared: Path) -> list[Path]:
    folder = shared / "corpora" / "html-dev" / "html"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the real-page corpus lives outside the project")
    return sorted(folder.glob("*.html.gz"))


def test_every_article_extract_returns_survives_every_format(shared: Path) -> None:
    """Each real page's article, written to every format that reads back, reads back equal,
    or, where the format reports a loss, reads back without error."""
    pages = _corpus_pages(shared)
    assert pages
    for page in pages:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", articlekit.RepairWarning)
            article = extract.extract(gzip.decompress(page.read_bytes()))
        for name in ROUND_TRIP:
            format = get_format(name)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                written = format.dumps(article)
            lost = [w for w in caught if issubclass(w.category, articlekit.LossWarning)]
            back = format.loads(written)
            if not lost:
                assert back == article, f"{page.name}: {name}"
