"""The hand-labelled desk-item field sets are well formed, and extract reads every test page.

Accuracy is the benchmark's job (`benchmarks/bench_extract.py`); these tests keep the labels
usable by it: every entry has every field, typed, and every labelled test page exists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from articlekit.extract import extract

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "pages"
BENCHMARK_LABELS = ROOT / "benchmarks" / "extract-fields.json"

TEXT_FIELDS = ("dek", "kicker", "photo_url", "caption", "credit")
LIST_FIELDS = ("topics", "authors")
FIELDS = {"template", "url", "headline", "date", *TEXT_FIELDS, *LIST_FIELDS}
# A day, or a minute with an optional offset: what a page prints, no more.
DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2})?)?")


def _entries(path: Path) -> dict[str, dict[str, Any]]:
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(labels.pop("_about"), str)
    return labels


def _problems(label: dict[str, Any]) -> list[str]:
    """What is wrong with one label, as readable strings (empty when well formed)."""
    problems = [f"missing {key}" for key in FIELDS - label.keys()]
    problems += [f"unknown {key}" for key in label.keys() - FIELDS]
    for key in ("template", "url", "headline"):
        if not isinstance(label.get(key), str) or not label[key].strip():
            problems.append(f"{key} must be non-empty text")
    for key in TEXT_FIELDS:
        value = label.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{key} must be null or non-empty text")
    for key in LIST_FIELDS:
        value = label.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            problems.append(f"{key} must be a list of names")
    date = label.get("date")
    if date is not None and not (isinstance(date, str) and DATE.fullmatch(date)):
        problems.append(f"date {date!r} is not YYYY-MM-DD[THH:MM[+HH:MM]]")
    if not str(label.get("url", "")).startswith("https://"):
        problems.append("url must be an https:// page URL")
    return problems


@pytest.mark.parametrize("path", [BENCHMARK_LABELS, PAGES / "labels.json"], ids=lambda p: p.name)
def test_labels_are_well_formed(path: Path) -> None:
    problems = {key: p for key, label in _entries(path).items() if (p := _problems(label))}
    assert problems == {}


def test_a_malformed_label_is_caught() -> None:
    label = next(iter(_entries(PAGES / "labels.json").values()))
    assert _problems(label) == []
    broken = {**label, "authors": "Mara Lindqvist", "date": "March 12, 2024"}
    del broken["dek"]
    assert sorted(_problems(broken)) == [
        "authors must be a list of names",
        "date 'March 12, 2024' is not YYYY-MM-DD[THH:MM[+HH:MM]]",
        "missing dek",
    ]


def test_benchmark_labels_cover_enough_pages_and_templates() -> None:
    labels = _entries(BENCHMARK_LABELS)
    assert all(re.fullmatch(r"[0-9a-f]{64}", key) for key in labels)
    assert len(labels) >= 30
    assert len({label["template"] for label in labels.values()}) >= 6


def test_labelled_pages_together_cover_forty_pages_and_eight_templates() -> None:
    """Issue #16: at least 40 pages from at least 8 templates, 30 from html-dev, 10 written."""
    benchmark, written = _entries(BENCHMARK_LABELS), _entries(PAGES / "labels.json")
    templates = {label["template"] for label in (*benchmark.values(), *written.values())}
    assert len(written) >= 10
    assert len(benchmark) + len(written) >= 40
    assert len(templates) >= 8


def test_one_template_has_one_name_across_both_label_files() -> None:
    """Spellings such as "Next.js news app" and "NextJS News App" would count one template twice."""
    labels = (*_entries(BENCHMARK_LABELS).values(), *_entries(PAGES / "labels.json").values())
    spellings: dict[str, set[str]] = {}
    for label in labels:
        key = re.sub(r"[^a-z0-9]", "", label["template"].casefold())
        spellings.setdefault(key, set()).add(label["template"])
    assert {key: names for key, names in spellings.items() if len(names) > 1} == {}


def test_every_labelled_test_page_exists_and_every_page_is_labelled() -> None:
    labelled = set(_entries(PAGES / "labels.json"))
    assert labelled == {path.name for path in PAGES.glob("*.html")}


@pytest.mark.parametrize("name", sorted(_entries(PAGES / "labels.json")))
def test_extract_reads_each_test_page(name: str) -> None:
    label = _entries(PAGES / "labels.json")[name]
    article = extract((PAGES / name).read_bytes(), url=label["url"])
    assert article.headline
    assert article.body
