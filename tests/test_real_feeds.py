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
from typing import Final

import pytest

import articlekit
from articlekit import json, newsml, newsml1, ninjs, nitf


def _nitf_articles(data: bytes) -> Iterator[articlekit.Article]:
    """The one article of a NITF document."""
    yield nitf.loads(data)


_READERS: dict[str, Callable[[bytes], Iterator[articlekit.Article]]] = {
    "newsml-g2": newsml.iter_articles,
    "ninjs": ninjs.iter_articles,
    "nitf": _nitf_articles,
    "newsml-1": newsml1.iter_articles,
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


_FAMILIES = ["ninjs", "newsml-g2", "nitf", "newsml-1"]


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
    outcomes: list[_Outcome],
) -> None:
    articles = [a for r in outcomes for a in r.articles]
    assert articles
    for article in articles:
        assert json.loads(json.dumps(article)) == article
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", articlekit.LossWarning)
            newsml.validate(newsml.dumps(article))
            ninjs.validate(ninjs.dumps(article, version="3.1"))


# Markup that came through as text: an escaped block, link, line break or inline emphasis.
_ESCAPED_TAGS: Final = ("&lt;p", "&lt;div", "&lt;br", "&lt;a ", "&lt;b&gt;", "&lt;i&gt;",
                        "&lt;em&gt;", "&lt;strong&gt;")  # fmt: skip


def test_no_body_text_holds_markup_that_came_through_as_text(outcomes: list[_Outcome]) -> None:
    leaked = [
        (article.uri, block.text)
        for r in outcomes
        for article in r.articles
        for block in article.body
        if isinstance(getattr(block, "text", None), str)
        and any(tag in block.text for tag in _ESCAPED_TAGS)
    ]
    assert leaked == []


def test_every_article_read_writes_valid_nitf(outcomes: list[_Outcome]) -> None:
    articles = [a for r in outcomes for a in r.articles]
    assert articles
    for article in articles:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", articlekit.LossWarning)
            nitf.validate(nitf.dumps(article))


# NITF documents of different producers: headline, date.issue, first byline, first paragraph.
_NITF_FIELDS: Final = {
    "superdesk-core/ap-nitf.xml": (  # AP
        "Can trading pollution like stocks help fight climate change?",
        "2015-12-10T19:10:44+00:00",
        "BERNARD CONDON",
        "NEW YORK (AP) — The gas produced by hog manure at farms across the U.S.",
    ),
    "superdesk-core/aap-sports.xml": (  # AAP: no byline, no zone on the dates
        "RL:Ferguson returns at centre for Roosters",
        "2015-02-18T16:01:41+00:00",
        None,
        "Blake Ferguson has been named to make his top grade return at",
    ),
    "superdesk-core/efe_nitf.xml": (  # EFE
        "Honduran president announces Cabinet changes",
        "2017-01-02T22:28:00+00:00",
        "gr/bp",
        "Tegucigalpa, Jan 2 (EFE).- Test body.",
    ),
    "superdesk-core/pa3.xml": (  # PA
        "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS",
        "2016-09-08T13:24:46+01:00",
        "Benjamin Wright, Press Association",
        "The UK risks breaking up unless all home nations play a hands-on role",
    ),
    "superdesk-core/nitf-ntb.xml": (  # NTB
        "Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030",
        "2020-09-07T14:45:26+00:00",
        "Geir Molnes / Faktisk.no",
        "Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030",
    ),
    "superdesk-core/handle_invalid_fields.xml": (  # The Canadian Press
        "Man accused of ramming gate at Rideau Hall with truck faces multiple charges",
        "2020-07-03T16:51:36-04:00",
        "Mia Rabson and Jordan Press",
        "OTTAWA - A Manitoba man is facing 22 criminal charges",
    ),
}


@pytest.mark.parametrize("file", sorted(_NITF_FIELDS))
def test_nitf_documents_give_their_fields(outcomes: list[_Outcome], file: str) -> None:
    _assert_fields(outcomes, file, _NITF_FIELDS[file])


def _assert_fields(
    outcomes: list[_Outcome], file: str, expected: tuple[str, str, str | None, str]
) -> None:
    """The one article of *file* has the headline, publication time, first byline and start
    of the first paragraph *expected*."""
    headline, published, byline, first_paragraph = expected
    (article,) = next(r for r in outcomes if r.row["file"] == file).articles
    assert article.headline == headline
    assert article.published is not None
    assert article.published.isoformat() == published
    assert (article.bylines[0].name if article.bylines else None) == byline
    first = article.body[0]
    assert isinstance(first, articlekit.Paragraph)
    assert first.text.startswith(first_paragraph)


def test_nitf_byline_title_is_the_role(outcomes: list[_Outcome]) -> None:
    outcome = next(r for r in outcomes if r.row["file"] == "superdesk-core/ap-nitf.xml")
    assert [(b.name, b.role) for b in outcome.articles[0].bylines] == [
        ("BERNARD CONDON", "AP Business Writer")
    ]


# NewsML 1.x of five producers (through Belga) and AFP: headline, publication time, the first
# byline and the start of the first paragraph, as each document has them.
_NEWSML1_FIELDS: Final = {
    "belga/anp_belga.xml": ("FNV staat alleen met acties bij PostNL (2)",
                            "2018-12-10T09:35:49+01:00", None, "N i e u w bericht, vervangt"),
    "belga/ats_newsml_1_2_belga.xml": ("Un taureau entre dans un magasin à Landquart (GR)",
                                       "2019-06-03T17:47:29+02:00", None, "Un taureau âgé"),
    "belga/belga_newsml_1_2.xml": ("Mediawatch dinsdag 29/01/2019 - VTM Nieuws - 13 uur",
                                   "2019-01-29T12:45:50+00:00", "DWM", "Steven "),
    "belga/kyodo_newsml_1_2_belga.xml": ("Ex-Chinese Premier Li Peng dies aged 90: Xinhua",
                                         "2019-07-23T20:21:19+09:00", None,
                                         "Former Chinese Premier Li Peng"),
    "belga/tass_belga.xml": ("Kremlin has 'negative reaction' to upcoming EU sanctions",
                             "2019-01-21T10:27:08+00:00", None, "MOSCOW, January 21. /TASS/."),
    "superdesk-core/afp.xml": ("Sweden court accepts receivership for Saab carmaker",
                               "2014-08-29T13:49:51+00:00", None, "A Chinese-owned company"),
}  # fmt: skip


@pytest.mark.parametrize("file", sorted(_NEWSML1_FIELDS))
def test_newsml1_documents_give_their_fields(outcomes: list[_Outcome], file: str) -> None:
    _assert_fields(outcomes, file, _NEWSML1_FIELDS[file])
