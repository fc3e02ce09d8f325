"""The installed command, run as users run it: as a subprocess, on files, pipes and batches."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import html, json, strategies
from articlekit._formats import FORMATS, get_format

COMMAND = [sys.executable, "-m", "articlekit"]
DOCS_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "_static" / "article-1.json"


def run(*arguments, stdin=None, check=True):
    result = subprocess.run(
        [*COMMAND, *map(str, arguments)], input=stdin, capture_output=True, timeout=300
    )
    if check and result.returncode != 0:
        raise AssertionError(result.stderr.decode())
    return result


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """The sample article written by `articlekit sample` in every format."""
    folder = tmp_path_factory.mktemp("samples")
    paths = {}
    for name, format in FORMATS.items():
        paths[name] = folder / f"sample{format.extensions[0]}"
        run("sample", "--to", name, "-o", paths[name])
    return paths


def test_the_console_script_is_installed():
    script = shutil.which("articlekit", path=os.pathsep.join([str(Path(sys.executable).parent)]))
    assert script is not None
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"articlekit {articlekit.__version__}"


@pytest.mark.parametrize("name", list(FORMATS))
def test_sample_writes_every_format_and_detect_knows_it(samples, name):
    assert get_format(name).loads(samples[name].read_bytes()) == articlekit.sample()
    assert run("detect", samples[name]).stdout.decode().strip() == f"{samples[name]}: {name}"


@pytest.mark.parametrize("source", list(FORMATS))
@pytest.mark.parametrize("target", list(FORMATS))
def test_every_format_converts_to_every_format(samples, source, target, tmp_path):
    output = tmp_path / f"out{FORMATS[target].extensions[0]}"
    run("convert", samples[source], "--to", target, "-o", output)
    assert get_format(target).loads(output.read_bytes()) == articlekit.sample()


def test_stdin_to_stdout(samples):
    result = run("convert", "-", "--to", "html", stdin=samples["json"].read_bytes())
    assert html.loads(result.stdout) == articlekit.sample()


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(strategies.articles(), min_size=6, max_size=6))
def test_generated_articles_convert_in_parallel_batches(tmp_path_factory, articles):
    folder = tmp_path_factory.mktemp("batch")
    sources = folder / "in"
    sources.mkdir()
    for index, article in enumerate(articles):
        (sources / f"a{index}.json").write_text(json.dumps(article), encoding="utf-8")
    for target in FORMATS:
        out = folder / target
        run("convert", sources, "--to", target, "--out-dir", out, "--jobs", 2)
        for index, article in enumerate(articles):
            written = out / f"a{index}{FORMATS[target].extensions[0]}"
            assert get_format(target).loads(written.read_bytes()) == article


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_converted(samples, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(3):
        shutil.copy(samples["json"], inputs / f"good{index}.json")
    (inputs / "bad.json").write_text('{"articlekit": 1, "uri": "urn:x"}', encoding="utf-8")
    result = run(
        "convert", inputs, "--to", "html", "--out-dir", tmp_path / "out", "--jobs", 2,
        "--continue-on-error", check=False,
    )  # fmt: skip
    assert result.returncode == 1
    errors = result.stderr.decode().splitlines()
    assert any(
        "bad.json" in line and "headline: required field is missing" in line for line in errors
    )
    assert "Traceback" not in result.stderr.decode()
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "good0.html", "good1.html", "good2.html"
    ]  # fmt: skip


def test_without_continue_on_error_the_first_failure_stops_the_batch(samples, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-bad.json").write_text("{", encoding="utf-8")
    shutil.copy(samples["json"], inputs / "b-good.json")
    result = run("convert", inputs, "--to", "html", "--out-dir", tmp_path / "out", check=False)
    assert result.returncode == 1
    assert "not attempted" in result.stderr.decode()
    assert "ParseError" in result.stderr.decode()


def test_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run("convert", bad, "--to", "html", "--debug", check=False)
    assert result.returncode == 1
    assert "Traceback" in result.stderr.decode()


def test_usage_errors_exit_with_two(samples):
    assert (
        run("convert", samples["json"], samples["html"], "--to", "json", check=False).returncode
        == 2
    )
    assert run("convert", samples["json"], "--to", "yaml", check=False).returncode == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX here")
def test_an_interrupted_batch_leaves_no_partial_file(samples, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(400):
        shutil.copy(samples["json"], inputs / f"a{index:03}.json")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [*COMMAND, "convert", str(inputs), "--to", "html", "--out-dir", str(out)],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.html"))) < 20:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()
    written = list(out.iterdir())
    assert 0 < len(written) < 400
    assert not [path for path in written if path.suffix == ".part"]
    for path in written:
        assert html.loads(path.read_bytes()) == articlekit.sample()


def test_validate_checks_our_rules_and_an_official_schema(samples, tmp_path):
    assert run("validate", samples["json"], "--schema", DOCS_SCHEMA).returncode == 0
    broken = tmp_path / "broken.json"
    broken.write_text(samples["json"].read_text().replace('"Update Desk"', '""'), encoding="utf-8")
    assert run("validate", broken).returncode == 0  # to our rules "" is no kicker...
    result = run("validate", broken, "--schema", DOCS_SCHEMA, check=False)
    assert result.returncode == 1  # ...but the schema wants canonical documents
    assert "kicker: not valid against article-1.json" in result.stderr.decode()
    bad = tmp_path / "bad.json"
    bad.write_text('{"articlekit": 1, "uri": "urn:x", "headline": "H", "body": [{}]}', "utf-8")
    result = run("validate", bad, check=False)
    assert result.returncode == 1
    assert "body[0]" in result.stderr.decode()


def test_show_prints_a_readable_summary(samples):
    text = run("show", samples["html"]).stdout.decode()
    assert articlekit.sample().headline in text
    assert "UPDATE DESK" in text
    assert "10 blocks" in text


def _convert_with_stderr_on_a_terminal(inputs: Path, out: Path) -> str:
    """Run a batch with standard error on a pseudo-terminal; return what the terminal got."""
    pty = pytest.importorskip("pty", reason="pseudo-terminals are a POSIX feature")
    controller, terminal = pty.openpty()
    try:
        process = subprocess.run(
            [*COMMAND, "convert", str(inputs), "--to", "html", "--out-dir", str(out)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=terminal, timeout=300,
        )  # fmt: skip
        os.close(terminal)
        terminal = -1
        received = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # Linux: the terminal side is closed and everything was read
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(controller)
        if terminal >= 0:
            os.close(terminal)
    assert process.returncode == 0
    return received.decode()


def test_a_progress_bar_is_drawn_only_when_stderr_is_a_terminal(samples, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(3):
        shutil.copy(samples["json"], inputs / f"a{index}.json")
    drawn = _convert_with_stderr_on_a_terminal(inputs, tmp_path / "tty-out")
    assert "1/3" in drawn
    assert "3/3" in drawn
    assert "#" * 30 in drawn  # the full bar, once all are done
    piped = run("convert", inputs, "--to", "html", "--out-dir", tmp_path / "piped-out")
    assert piped.stderr == b""  # scripts and logs get no bar
