"""Compare `articlekit.extract` with trafilatura on real news pages: body text, metadata, speed.

Body: the measure of the article-extraction-benchmark (see /work/shared/corpora/README.md): `\\w+`
tokens, 4-word shingles, per-page true/false positives and false negatives by multiplicity
normalised to sum 1, precision and recall averaged over pages, F1 of the two averages.
Metadata: headline, authors and publication date against `extract-truth.json`, labelled by hand
from each page's visible headline, byline and dateline.

Desk-item fields (always run; alone with ``--fields-only``): headline, dek, kicker or section,
topics, authors, published date, lead-photo URL, its caption and its credit against
`extract-fields.json` (html-dev pages) and `tests/data/pages/labels.json` (pages written for the
tests after real templates), labelled by hand from what each page shows a reader (issue #16);
one table over all of them, then one per group.
Each field is scored over the pages that show it (a non-null, non-empty label), as "correct/shown"
with the number of pages where the tool gave any value in brackets:

- text fields match after NFKC, case folding and reducing to `\\w+` words;
- authors and topics match as sets of such names;
- a date labelled with a day matches on the day, one labelled with a time to the minute: as
  instants when both carry a zone; a label without one is the wall clock a page printed in a zone
  it does not name, so a time with a zone matches it when the two are the same instant at some
  real UTC offset (-12:00 to +14:00, in quarter hours), and a time without a zone matches the
  printed wall clock;
- photo URLs match after resolving both against the page URL of the label;
- kicker/section matches when any of a tool's section-like values does (articlekit's ``kicker``
  and ``section``, trafilatura's categories, the declared ``articleSection``).

Tools: ``articlekit.extract``, trafilatura (``bare_extraction(with_metadata=True)``: title,
description, author, date, image, categories, tags) and extruct (the declared JSON-LD, microdata
and OpenGraph fields only: headline, description, author, datePublished, image with its caption
and credit, articleSection, keywords).

    python benchmarks/bench_extract.py [--corpus DIR] [--repeat N] [--fields-only]

Needs ``pip install trafilatura==2.3.1 extruct`` (benchmark-only dependencies).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _extract_fields as fields
import articlekit
from articlekit.extract import extract
from articlekit.model import Heading, ListBlock, Paragraph, Quote

HERE = Path(__file__).parent
WRITTEN = HERE.parent / "tests" / "data" / "pages"
DEFAULT_CORPUS = Path("/work/shared/corpora/html-dev")
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """4-word shingles of the `\\w+` tokens, with multiplicity."""
    tokens = _WORD.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(predicted: str, truth: str) -> tuple[float, float]:
    """Precision and recall of one page, from TP/FP/FN normalised to sum 1."""
    got, want = shingles(predicted), shingles(truth)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp_, fp_, fn_ = tp / total, fp / total, fn / total
    precision = tp_ / (tp_ + fp_) if tp_ + fp_ else 0.0
    recall = tp_ / (tp_ + fn_) if tp_ + fn_ else 0.0
    return precision, recall


def articlekit_run(html: bytes) -> dict[str, Any]:
    """Body text and metadata from articlekit.extract; empty when it raises our error."""
    try:
        article = extract(html)
    except articlekit.ArticleKitError:
        return {"text": "", "title": None, "authors": [], "date": None}
    lines: list[str] = []
    for block in article.body:
        if isinstance(block, (Paragraph, Heading, Quote)):
            lines.append(block.plain_text)
        elif isinstance(block, ListBlock):
            lines.extend(articlekit.inline.inline_text(item) for item in block.items)
    return {
        "text": "\n".join(lines),
        "title": article.headline,
        "authors": [byline.name for byline in article.bylines],
        "date": article.published.date().isoformat() if article.published else None,
    }


def trafilatura_run(html: bytes) -> dict[str, Any]:
    """Body text and metadata from trafilatura.bare_extraction(with_metadata=True)."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True)
    if document is None:
        return {"text": "", "title": None, "authors": [], "date": None}
    data = document if isinstance(document, dict) else document.as_dict()
    author = data.get("author") or ""
    return {
        "text": data.get("text") or "",
        "title": data.get("title"),
        "authors": [name.strip() for name in author.split(";") if name.strip()],
        "date": data.get("date"),
    }


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(_WORD.findall(text))


def _norm_name(name: str) -> str:
    return _norm(re.sub(r"^\s*by\s+", "", name, flags=re.I))


def run(
    name: str, function: Callable[[bytes], dict[str, Any]], pages: dict[str, bytes], repeat: int
) -> tuple[dict[str, dict[str, Any]], float]:
    """Results per page and the best pages-per-second of *repeat* passes."""
    results: dict[str, dict[str, Any]] = {}
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        for key, html in pages.items():
            results[key] = function(html)
        elapsed = time.perf_counter() - start
        best = max(best, len(pages) / elapsed)
    return results, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--fields-only", action="store_true", help="only the desk-item field tables, no timing"
    )
    args = parser.parse_args()
    pages = {
        path.name.split(".")[0]: gzip.decompress(path.read_bytes())
        for path in sorted((args.corpus / "html").glob("*.html.gz"))
    }
    warnings.simplefilter("ignore")
    if args.fields_only:
        print_fields(pages)
        return
    truth = json.loads((args.corpus / "ground-truth.json").read_text(encoding="utf-8"))
    labels = json.loads((HERE / "extract-truth.json").read_text(encoding="utf-8"))
    labels = {key: value for key, value in labels.items() if not key.startswith("_")}
    import trafilatura

    rows = []
    for name, function in (("articlekit", articlekit_run), ("trafilatura", trafilatura_run)):
        results, speed = run(name, function, pages, args.repeat)
        precisions, recalls = [], []
        for key, result in results.items():
            p, r = page_scores(result["text"], truth[key]["articleBody"])
            precisions.append(p)
            recalls.append(r)
        precision = sum(precisions) / len(precisions)
        recall = sum(recalls) / len(recalls)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        headline = author = date = dated = 0
        for key, label in labels.items():
            result = results[key]
            headline += _norm(result["title"]) == _norm(label["headline"])
            author += sorted(map(_norm_name, result["authors"])) == sorted(
                map(_norm_name, label["authors"])
            )
            if label["date"] is not None:  # pages that print no absolute date are not scored
                dated += 1
                date += result["date"] == label["date"]
        n = len(labels)
        rows.append(
            f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {speed:.1f} "
            f"| {headline}/{n} | {author}/{n} | {date}/{dated} |"
        )
    print(
        f"Python {platform.python_version()}, articlekit {articlekit.__version__}, "
        f"trafilatura {trafilatura.__version__}; {len(pages)} pages, one process, "
        f"best of {args.repeat} passes.\n"
    )
    columns = "extractor", "body precision", "body recall", "body F1", "pages/s"
    print("| " + " | ".join((*columns, "headline", "authors", "date")) + " |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print_fields(pages)


def written_pages() -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    """The test pages written after real templates, and their labels, keyed by file name."""
    labels = json.loads((WRITTEN / "labels.json").read_text(encoding="utf-8"))
    labels = {key: value for key, value in labels.items() if not key.startswith("_")}
    return {key: (WRITTEN / key).read_bytes() for key in labels}, labels


def print_fields(pages: dict[str, bytes]) -> None:
    """Print per-field tables of the three tools: html-dev and written pages, together and apart.

    Args:
        pages: The html-dev pages by key; those labelled in `extract-fields.json` are scored,
            with every written test page of `tests/data/pages/`.
    """
    labels = json.loads((HERE / "extract-fields.json").read_text(encoding="utf-8"))
    groups = {"html-dev": {key: value for key, value in labels.items() if key in pages}}
    written, groups["written"] = written_pages()
    pages = {**pages, **written}
    every = {key: label for group in groups.values() for key, label in group.items()}
    readers = {
        "articlekit": fields.articlekit_fields,
        "trafilatura": fields.trafilatura_fields,
        "extruct": fields.extruct_fields,
    }
    results = {
        name: {key: reader(pages[key], label["url"]) for key, label in every.items()}
        for name, reader in readers.items()
    }
    for title, group in {"all": every, **groups}.items():
        scores = {name: fields.score(found, group) for name, found in results.items()}
        templates = {label["template"] for label in group.values()}
        print(
            f"\nDesk-item fields, {title}: {len(group)} hand-labelled pages "
            f"({len(templates)} templates): correct/shown (found)\n"
        )
        print(fields.table(scores))


if __name__ == "__main__":
    main()
