"""The fuzz harness in fuzz/: its oracle catches what it must, passes the seeds, and run.py
reports what the fuzzer found. None of this needs atheris: the targets are plain functions."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import attrs
import pytest

import articlekit
from articlekit import html, json, newsml
from articlekit._formats import FORMATS

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
sys.path.insert(0, str(FUZZ))

import run  # noqa: E402 - fuzz/ is not a package: its modules import each other by name
import seeds  # noqa: E402
import targets  # noqa: E402

SAMPLE_JSON = json.dumps(articlekit.sample()).encode()


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds as run.py builds them, with fewer generated articles and without ../shared."""
    folder = tmp_path_factory.mktemp("seeds")
    seeds.build(folder, articles=6, shared=None)
    return folder


def test_every_format_and_extract_and_detect_have_a_target():
    # Every reader: "web" is read by extract, whose target it shares; write-only formats
    # (text, Markdown) read nothing to fuzz.
    readers = {name for name, format in FORMATS.items() if format.reads and not format.reads_pages}
    assert set(targets.TARGETS) == {*readers, "extract", "detect"}


@pytest.mark.parametrize("name", list(targets.TARGETS))
def test_every_target_passes_its_seeds(seed_folder, name):
    folders = run.seed_folders(seed_folder, name)
    assert any(True for folder in folders for _ in folder.iterdir())
    assert run.replay(targets.TARGETS[name], folders) == []


@pytest.mark.parametrize("name", list(targets.TARGETS))
def test_every_target_passes_garbage_that_its_reader_refuses(name):
    targets.TARGETS[name].check(b"\x00 not a document \xff")


def test_seeds_cover_every_kind_and_write_dictionaries(seed_folder):
    for kind in seeds.KINDS[:-1]:  # pages come from ../shared only
        assert any((seed_folder / kind).iterdir()), kind
        assert (seed_folder / f"{kind}.dict").read_text(encoding="ascii").strip(), kind
    names = {path.name.rsplit("-", 1)[0] for path in (seed_folder / "html").iterdir()}
    assert {"sample", "sample-fragment", "strategies-01", "hostile-json-ld-deep"} <= names


def test_generated_articles_are_the_same_on_every_build():
    assert seeds.generated_articles(3) == seeds.generated_articles(3)


def test_a_reader_that_raises_a_foreign_exception_crashes_the_target(monkeypatch):
    def broken(data: bytes) -> articlekit.Article:
        raise KeyError("headline")

    monkeypatch.setattr(json, "loads", broken)
    with pytest.raises(KeyError):
        targets.TARGETS["json"].check(SAMPLE_JSON)


def test_a_reader_that_warns_crashes_the_target(monkeypatch):
    read = json.loads

    def warning(data: bytes) -> articlekit.Article:
        warnings.warn("something was dropped", UserWarning, stacklevel=1)
        return read(data)

    monkeypatch.setattr(json, "loads", warning)
    with pytest.raises(UserWarning, match="something was dropped"):
        targets.TARGETS["json"].check(SAMPLE_JSON)


def test_a_writer_that_changes_the_article_is_a_round_trip_error(monkeypatch):
    write = html.dumps

    def changing(article: articlekit.Article, /, **options: object) -> str:
        return write(attrs.evolve(article, headline="Changed"), **options)  # type: ignore[arg-type]

    monkeypatch.setattr(html, "dumps", changing)
    with pytest.raises(targets.OracleError) as caught:
        targets.TARGETS["html"].check(write(articlekit.sample()).encode())
    assert caught.value.where == "html round trip: article.headline"
    assert "'Changed'" in str(caught.value)


def test_a_writer_whose_output_does_not_read_back_is_a_round_trip_error(monkeypatch):
    document = newsml.dumps(articlekit.sample())
    monkeypatch.setattr(newsml, "dumps", lambda article, **options: b"<newsItem/>")
    with pytest.raises(targets.OracleError, match="newsml cannot read what it wrote"):
        targets.TARGETS["newsml"].check(document)


def test_a_changed_body_block_is_named_without_its_index():
    before = articlekit.sample()
    body = list(before.body)
    body[3] = articlekit.Paragraph(text=body[3].text + " More.")  # type: ignore[union-attr]
    with pytest.raises(targets.OracleError) as caught:
        targets._same(before, attrs.evolve(before, body=body), "json round trip")
    assert caught.value.where == "json round trip: article.body[].text"
    assert "article.body[3].text" in str(caught.value)
    assert "More." in str(caught.value)


def test_a_known_finding_passes_and_another_does_not(monkeypatch):
    def broken(data: bytes) -> articlekit.Article:
        raise KeyError("headline")

    monkeypatch.setattr(json, "loads", broken)
    with pytest.raises(KeyError) as caught:
        targets.TARGETS["json"].check(SAMPLE_JSON)
    found = targets.signature(caught.value)
    assert found.startswith("KeyError")
    monkeypatch.setattr(targets, "known_findings", {found})
    targets.TARGETS["json"].check(SAMPLE_JSON)
    monkeypatch.setattr(targets, "known_findings", {"ValueError in json.py:loads"})
    with pytest.raises(KeyError):
        targets.TARGETS["json"].check(SAMPLE_JSON)


def test_the_signature_of_a_warning_keeps_its_words_but_not_its_numbers():
    found = targets.signature(articlekit.LossWarning("photos[2].uri lost"))
    assert found == "LossWarning: photos[].uri lost"


def test_replay_names_the_input_that_crashes_a_broken_reader(monkeypatch, tmp_path):
    good = tmp_path / "good.json"
    good.write_bytes(SAMPLE_JSON)
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"crash": true}')
    read = json.loads

    def broken(data: bytes) -> articlekit.Article:
        if isinstance(data, bytes) and b"crash" in data:
            raise IndexError("tuple index out of range")
        return read(data)

    monkeypatch.setattr(json, "loads", broken)
    [(file, found, trace)] = run.replay(targets.TARGETS["json"], [tmp_path])
    assert file == bad
    assert found.startswith("IndexError")
    assert "tuple index out of range" in trace
    assert run.main(["json", "--replay", str(bad)]) == 1
    assert run.main(["json", "--replay", str(good)]) == 0


_LOG_START = "INFO: Seed: 1\n#42\tINITED cov: 434 ft: 1135 corp: 28/76Kb exec/s: 0 rss: 58Mb\n"
_LOG_DONE = (
    "#85961\tDONE   cov: 667 ft: 3502 corp: 321/1383Kb lim: 12857 exec/s: 4093 rss: 61Mb\n"
    "Done 85961 runs in 21 second(s)\nstat::number_of_executed_units: 85961\n"
)
_LOG_EXCEPTION = (
    "#500\tNEW    cov: 700 ft: 3600 corp: 330/1400Kb lim: 12857 exec/s: 250 rss: 61Mb L: 9/9\n"
    "\n === Uncaught Python exception: ===\nKeyError: 'x'\n"
    "==1== ERROR: libFuzzer: fuzz target exited\n"
    "artifact_prefix='/tmp/a/json-'; Test unit written to /tmp/a/json-crash-0a1b\n"
    "stat::number_of_executed_units: 501\n"
)


@pytest.mark.parametrize(
    ("tail", "returncode", "kind"),
    [
        (_LOG_EXCEPTION, 1, "exception"),
        ("==1== ERROR: libFuzzer: timeout after 6 seconds\n", 70, "timeout"),
        ("==1== ERROR: libFuzzer: out-of-memory (used: 1100Mb)\n", 71, "out of memory"),
        ("", None, "hung"),
        ("", 3, "exit status 3"),
    ],
)  # fmt: skip
def test_the_log_of_a_run_that_found_something_says_what(tmp_path, tail, returncode, kind):
    log = tmp_path / "json.log"
    log.write_text(_LOG_START + tail, encoding="utf-8")
    outcome = run.Outcome("json")
    finding = run._read_log(outcome, log, returncode)
    assert finding is not None
    assert finding.kind == kind
    if kind == "exception":
        assert finding.artifact == "/tmp/a/json-crash-0a1b"
        assert (outcome.runs, outcome.coverage, outcome.features) == (501, 700, 3600)


def test_the_log_of_a_clean_run_gives_its_figures(tmp_path):
    log = tmp_path / "json.log"
    log.write_text(_LOG_START + _LOG_DONE, encoding="utf-8")
    outcome = run.Outcome("json", seconds=21.0)
    assert run._read_log(outcome, log, 0) is None
    assert (outcome.runs, outcome.coverage, outcome.features, outcome.corpus) == (
        85961,
        667,
        3502,
        321,
    )
    assert outcome.summary().endswith("cov 667, ft 3,502, corpus 321: nothing found")


def test_without_atheris_ci_fails_loudly_and_elsewhere_the_seeds_are_replayed(monkeypatch, capsys):
    monkeypatch.setattr(run, "_has_atheris", lambda: False)
    arguments = ["json", "--no-shared", "--articles", "2"]
    monkeypatch.setattr(run, "atheris_expected", lambda: True)
    assert run.main(arguments) == 1
    assert "atheris is missing" in capsys.readouterr().err
    monkeypatch.setattr(run, "atheris_expected", lambda: False)
    assert run.main(arguments) == 0
    assert "json: 0 of the inputs broke the oracle" in capsys.readouterr().out


def test_detect_and_detect_file_disagreeing_is_an_oracle_error(monkeypatch):
    monkeypatch.setattr(targets, "detect_file", lambda fp, name="": "ninjs")
    with pytest.raises(targets.OracleError) as caught:
        targets.TARGETS["detect"].check(SAMPLE_JSON)
    assert caught.value.where == "detect and detect_file disagree"
    assert "detect says 'json', detect_file says 'ninjs'" in str(caught.value)


def test_a_reader_that_reports_a_repair_passes(monkeypatch):
    read = json.loads

    def repairing(data: bytes | str) -> articlekit.Article:
        if isinstance(data, bytes):  # the input, not the round trip's json.dumps text
            warnings.warn(articlekit.RepairWarning("given twice", where="uri"), stacklevel=1)
        return read(data)

    monkeypatch.setattr(json, "loads", repairing)
    targets.TARGETS["json"].check(SAMPLE_JSON)


def test_what_articlekit_wrote_needing_a_repair_to_read_back_is_a_finding(monkeypatch):
    read = json.loads

    def repairing_written_text(data: bytes | str) -> articlekit.Article:
        if isinstance(data, str):  # the round trip reads back json.dumps' text
            warnings.warn(articlekit.RepairWarning("given twice", where="uri"), stacklevel=1)
        return read(data)

    monkeypatch.setattr(json, "loads", repairing_written_text)
    with pytest.raises(articlekit.RepairWarning, match="given twice"):
        targets.TARGETS["json"].check(SAMPLE_JSON)
