"""Real producers' NewsML-G2 and ninjs, as agencies and newsroom systems send them.

The documents live in ``../shared/corpora/real-dev`` (copyleft: read from there, never copied
into the project); the tests skip where it is absent. ``SOURCES.tsv`` says of each document
whether a user expects an article out of it. The table by producer is printed with ``-s``.
"""

from __future__ import annotations

import csv
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import articlekit
from articlekit import json, newsml, ninjs
from articlekit._schemas import checker

_READERS: dict[str, Callable[[bytes], Iterator[articlekit.Article]]] = {
    "newsml-g2": newsml.iter_articles,
    "ninjs": ninjs.iter_articles,
}


def _reader(format_name: str) -> Callable[[bytes], Iterator[articlekit.Article]] | None:
    return next((read for kind, read in _READERS.items() if format_name.startswith(kind)), None)


class _Outcome:
    """What reading one document gave: articles and repairs, or an articlekit error."""

    def __init__(self, row: dict[str, str], data: bytes) -> None:
        self.row = row
        self.articles: list[articlekit.Article] = []
        self.repairs: list[warnings.WarningMessage] = []
        self.error: articlekit.ArticleKitError | None = None
        read = _reader(row["format"])
        assert read is not None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                self.articles = list(read(data))
            except articlekit.ArticleKitError as error:  # anything else fails the test
                self.error = error
        self.repairs = [w for w in caught if issubclass(w.category, articlekit.RepairWarning)]
        others = [w for w in caught if not issubclass(w.category, articlekit.RepairWarning)]
        assert not others, f"{row['file']}: unexpected warnings {[str(w.message) for w in others]}"

    @property
    def producer(self) -> str:
        return self.row["file"].split("/", 1)[0]

    @property
    def read(self) -> bool:
        return bool(self.articles)


@pytest.fixture(scope="module")
def outcomes(shared: Path) -> list[_Outcome]:
    folder = shared / "corpora" / "real-dev"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    with (folder / "SOURCES.tsv").open(encoding="utf-8", newline="") as sources:
        rows = [row for row in csv.DictReader(sources, delimiter="\t") if _reader(row["format"])]
    assert rows, "the corpus lists no NewsML-G2 or ninjs document"
    results = [_Outcome(row, (folder / row["file"]).read_bytes()) for row in rows]
    _print_table(results)
    return results


def _print_table(results: list[_Outcome]) -> None:
    expected = Counter(r.producer for r in results if r.row["expect"] == "article")
    read = Counter(r.producer for r in results if r.row["expect"] == "article" and r.read)
    print("\nproducer              articles expected  read")
    for producer in sorted(expected):
        print(f"{producer:22}{expected[producer]:>18}{read[producer]:>6}")
    print(f"{'all':22}{sum(expected.values()):>18}{sum(read.values()):>6}")
    for r in results:
        said = f"{len(r.articles)} article(s), {len(r.repairs)} repair(s)"
        print(f"  {r.row['file']:55} {said if r.error is None else r.error}")


_FAMILIES = ["ninjs", "newsml-g2"]


@pytest.mark.parametrize("family", _FAMILIES)
def test_no_document_gives_zero_articles_without_an_error(
    outcomes: list[_Outcome], family: str
) -> None:
    silent = [
        r.row["file"]
        for r in outcomes
        if r.row["format"].startswith(family) and not r.articles and r.error is None
    ]
    assert silent == []


@pytest.mark.parametrize("family", _FAMILIES)
def test_most_documents_that_hold_an_article_give_one(
    outcomes: list[_Outcome], family: str
) -> None:
    expected = [
        r for r in outcomes if r.row["format"].startswith(family) and r.row["expect"] == "article"
    ]
    assert expected
    refused = [f"{r.row['file']}: {r.error}" for r in expected if not r.read]
    assert len(refused) <= 0.05 * len(expected), "\n".join(refused)


def test_every_article_read_writes_valid_newsml_and_ninjs_and_round_trips(
    outcomes: list[_Outcome], shared: Path
) -> None:
    valid_newsml = checker(shared / "standards" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")
    valid_ninjs = checker(shared / "standards" / "ninjs" / "ninjs-schema_3.1.json")
    articles = [a for r in outcomes for a in r.articles]
    assert articles
    for article in articles:
        assert json.loads(json.dumps(article)) == article
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", articlekit.LossWarning)
            valid_newsml(newsml.dumps(article))
            valid_ninjs(ninjs.dumps(article, version="3.1").encode())


def test_no_body_text_holds_markup_that_came_through_as_text(outcomes: list[_Outcome]) -> None:
    leaked = [
        (article.uri, block.text)
        for r in outcomes
        for article in r.articles
        for block in article.body
        if isinstance(getattr(block, "text", None), str)
        and any(tag in block.text for tag in ("&lt;p", "&lt;div", "&lt;br", "&lt;a "))
    ]
    assert leaked == []
