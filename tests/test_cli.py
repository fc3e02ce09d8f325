"""The installed command, run as users run it: as a subprocess, on files, pipes and batches."""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
import articlekit.cli
from _web_server import HEADLINE as WEB_HEADLINE
from _web_server import serving
from articlekit import html, json, jsonl, newsml, ninjs, strategies
from articlekit._formats import FORMATS, ROUND_TRIP, get_format

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
    for name in ROUND_TRIP:  # NewsML 1.x is read only
        format = FORMATS[name]
        paths[name] = folder / f"sample{format.extensions[0]}"
        run("sample", "--to", name, "-o", paths[name])
    return paths


def test_the_console_script_is_installed():
    script = shutil.which("articlekit", path=os.pathsep.join([str(Path(sys.executable).parent)]))
    assert script is not None
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"articlekit {articlekit.__version__}"


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_sample_writes_every_format_and_detect_knows_it(samples, name):
    assert get_format(name).loads(samples[name].read_bytes()) == articlekit.sample()
    assert run("detect", samples[name]).stdout.decode().strip() == f"{samples[name]}: {name}"


@pytest.mark.parametrize("source", ROUND_TRIP)
@pytest.mark.parametrize("target", ROUND_TRIP)
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
    for target in ROUND_TRIP:
        out = folder / target
        run("convert", sources, "--to", target, "--out-dir", out, "--jobs", 2)
        for index, article in enumerate(articles):
            written = out / f"a{index}{FORMATS[target].extensions[0]}"
            assert get_format(target).loads(written.read_bytes()) == _carried(article, target)


def _carried(article: articlekit.Article, target: str) -> articlekit.Article:
    """What *target* carries of *article*: NITF has no place for a biography (reported)."""
    if target != "nitf":
        return article
    photos = [
        attrs.evolve(p, photographer=p.photographer and attrs.evolve(p.photographer, bio=None))
        for p in article.photos
    ]
    bylines = [attrs.evolve(byline, bio=None) for byline in article.bylines]
    return attrs.evolve(article, bylines=bylines, photos=photos)


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
    assert f"{broken}: kicker: '' should be non-empty" in result.stderr.decode()  # one a line
    assert "ValidationError: not valid against article-1.json" in result.stderr.decode()
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


def _convert_with_stderr_on_a_terminal(
    inputs: Path | list[object], out: Path, *, to: tuple[str, ...] = ("html", "--out-dir")
) -> str:
    """Run a batch with standard error on a pseudo-terminal; return what the terminal got."""
    names = [str(name) for name in (inputs if isinstance(inputs, list) else [inputs])]
    pty = pytest.importorskip("pty", reason="pseudo-terminals are a POSIX feature")
    controller, terminal = pty.openpty()
    try:
        process = subprocess.run(
            [*COMMAND, "convert", *names, "--to", *to, str(out)],
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


def test_urls_convert_end_to_end_and_count_in_the_progress_bar(samples, tmp_path):
    with serving() as server:
        page = server.url("/news.html")
        converted = run("convert", page, "--to", "ninjs")
        assert ninjs.loads(converted.stdout).headline == WEB_HEADLINE
        urls = [page, server.url("/gzip.html"), server.url("/sample.ninjs?v=1")]
        drawn = _convert_with_stderr_on_a_terminal([*urls, samples["json"]], tmp_path / "out")
    assert "1/4" in drawn
    assert "4/4" in drawn
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "gzip.html", "news.html", "sample-v-1.html", "sample.html"
    ]  # fmt: skip


def test_a_batch_into_one_json_lines_file_draws_the_progress_bar_too(samples, tmp_path):
    with serving() as server:
        urls = [server.url("/news.html"), server.url("/gzip.html")]
        output = tmp_path / "all.jsonl"
        drawn = _convert_with_stderr_on_a_terminal(
            [*urls, samples["json"]], output, to=("jsonl", "-o")
        )
    assert "1/3" in drawn
    assert "3/3" in drawn
    assert len(output.read_text(encoding="utf-8").splitlines()) == 3


# In-process tests of `articlekit.cli.main`: planning outputs, failed writes, one-line reports.

UNDECODABLE_NAMES = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the file system takes names of any bytes"
)


def cli(capture: pytest.CaptureFixture[bytes], *arguments: object) -> tuple[int, str, str]:
    """Run the command in this process; return its status, standard output and error.

    Standard output is strict UTF-8, as on a UTF-8 terminal, so printing a name that UTF-8
    cannot encode fails the test.
    """
    try:
        status = articlekit.cli.main([str(argument) for argument in arguments])
    except SystemExit as exit:  # argparse ends usage errors so
        status = int(exit.code or 0)
    captured = capture.readouterr()
    return status, captured.out.decode(), captured.err.decode()


def files(folder: Path) -> dict[str, bytes]:
    """Every file under *folder*, by path relative to it, with its content."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def story(headline: str) -> articlekit.Article:
    return attrs.evolve(articlekit.sample(), headline=headline)


def test_converting_into_the_input_folder_replaces_no_input(tmp_path, capsysbinary):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "story.json").write_text(json.dumps(story("A")), encoding="utf-8")
    (folder / "story.xml").write_bytes(newsml.dumps(story("B")))
    before = files(tmp_path)
    for in_place in ([], ["--in-place"]):  # two inputs for one output: no flag allows it
        status, _, errors = cli(capsysbinary, "convert", folder, "--to", "json",
                                "--out-dir", folder, *in_place)  # fmt: skip
        assert status == 2
        assert f"{folder / 'story.json'} and {folder / 'story.xml'} would both be written to " in (
            errors
        )
        assert files(tmp_path) == before


def test_inputs_of_one_name_in_two_folders_refuse_to_share_an_output(tmp_path, capsysbinary):
    for parent in ("e", "f"):
        (tmp_path / parent / "x").mkdir(parents=True)
        (tmp_path / parent / "x" / "a.json").write_text(json.dumps(story(parent)), "utf-8")
    out = tmp_path / "out"
    status, _, errors = cli(capsysbinary, "convert", tmp_path / "e", tmp_path / "f",
                            "--to", "html", "--out-dir", out)  # fmt: skip
    assert status == 2
    assert f"{tmp_path / 'e/x/a.json'} and {tmp_path / 'f/x/a.json'}" in errors
    assert str(out / "a.html") in errors
    assert not out.exists()
    # One file named twice (a folder and the folder in it) is converted once, not refused.
    status, _, errors = cli(capsysbinary, "convert", tmp_path / "e", tmp_path / "e" / "x",
                            "--to", "html", "--out-dir", out)  # fmt: skip
    assert (status, errors) == (0, "")
    assert html.loads((out / "a.html").read_bytes()).headline == "e"


def test_an_output_replaces_its_own_input_only_with_in_place(tmp_path, capsysbinary):
    source = tmp_path / "story.json"
    source.write_text(
        ninjs.dumps(story("A")), encoding="utf-8"
    )  # ninjs content, a name of articlekit JSON
    spellings = [source, tmp_path / "." / "story.json"]
    if hasattr(os, "symlink"):
        (tmp_path / "link.json").symlink_to(source)
        spellings.append(tmp_path / "link.json")
    for output in spellings:
        status, _, errors = cli(capsysbinary, "convert", source, "--to", "json", "-o", output)
        assert status == 2
        assert f"would replace the input {source}: pass --in-place" in errors
        assert source.read_text(encoding="utf-8") == ninjs.dumps(story("A"))
    status, _, errors = cli(capsysbinary, "convert", tmp_path, "--to", "json",
                            "--out-dir", tmp_path)  # fmt: skip
    assert status == 2
    assert source.read_text(encoding="utf-8") == ninjs.dumps(story("A"))
    assert cli(capsysbinary, "convert", source, "--to", "json", "-o", source, "--in-place")[0] == 0
    assert json.loads(source.read_bytes()) == story("A")


def test_json_lines_into_one_of_its_inputs_needs_in_place(tmp_path, capsysbinary):
    lines, extra = tmp_path / "all.jsonl", tmp_path / "new.json"
    lines.write_text(jsonl.dumps(story("A")) + jsonl.dumps(story("B")), encoding="utf-8")
    extra.write_text(json.dumps(story("C")), encoding="utf-8")
    status, _, errors = cli(capsysbinary, "convert", lines, extra, "--to", "jsonl", "-o", lines)
    assert status == 2
    assert f"the output {lines} would replace the input {lines}" in errors
    status, _, _ = cli(capsysbinary, "convert", lines, extra, "--to", "jsonl", "-o", lines,
                       "--in-place")  # fmt: skip
    assert status == 0  # every input is read before the output replaces it
    assert [a.headline for a in jsonl.iter_articles(lines.read_bytes())] == ["A", "B", "C"]


def test_a_container_whose_numbered_outputs_another_input_writes_is_refused(tmp_path, capsysbinary):
    container, single = tmp_path / "x.jsonl", tmp_path / "x-2.json"
    container.write_text("".join(jsonl.dumps(story(name)) for name in "ABC"), "utf-8")
    single.write_text(json.dumps(story("D")), encoding="utf-8")
    out = tmp_path / "out"
    status, _, errors = cli(capsysbinary, "convert", container, single, "--to", "html",
                            "--out-dir", out)  # fmt: skip
    assert status == 2
    assert f"{out / 'x-2.html'} is the output of {single}" in errors
    assert not out.exists()
    # A container of one article writes x.html, so x-1.json beside it is no clash.
    container.write_text(jsonl.dumps(story("A")), encoding="utf-8")
    (tmp_path / "x-1.json").write_text(json.dumps(story("B")), encoding="utf-8")
    status, _, _ = cli(capsysbinary, "convert", container, tmp_path / "x-1.json", "--to", "html",
                       "--out-dir", out)  # fmt: skip
    assert status == 0
    assert sorted(files(out)) == ["x-1.html", "x.html"]


def test_standard_input_refuses_a_numbered_name_another_input_writes(
    tmp_path, capsysbinary, monkeypatch
):
    data = (jsonl.dumps(story("A")) + jsonl.dumps(story("B"))).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (tmp_path / "stdin-2.json").write_text(json.dumps(story("C")), encoding="utf-8")
    out = tmp_path / "out"
    status, _, errors = cli(capsysbinary, "convert", "-", tmp_path / "stdin-2.json",
                            "--to", "html", "--out-dir", out, "--continue-on-error")  # fmt: skip
    assert status == 1  # standard input is read once, so its count is known only as it goes
    assert f"its article 2 would be written to {out / 'stdin-2.html'}, the output of " in errors
    assert html.loads((out / "stdin-2.html").read_bytes()).headline == "C"


def test_names_that_differ_in_case_collide_where_the_file_system_ignores_case(
    tmp_path, capsysbinary, monkeypatch
):
    monkeypatch.setattr("articlekit._cli_paths._NAMES_IGNORE_CASE", True)  # macOS, Windows
    for folder, name in (("a", "Story.json"), ("b", "story.json")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(json.dumps(story(name)), encoding="utf-8")
    status, _, errors = cli(capsysbinary, "convert", tmp_path / "a", tmp_path / "b",
                            "--to", "html", "--out-dir", tmp_path / "out")  # fmt: skip
    assert status == 2
    assert "would both be written to" in errors


@pytest.mark.parametrize(
    "target", [["--to", "jsonl", "-o"], ["--to", "html", "-o"], ["--to", "jsonl", "--out-dir"]]
)
def test_an_output_under_a_file_fails_in_one_line(tmp_path, capsysbinary, target):
    source = tmp_path / "story.json"
    source.write_text(json.dumps(story("A")), encoding="utf-8")
    blocked = tmp_path / "plain-file" / "out.x"  # a folder on the way is a file
    (tmp_path / "plain-file").write_text("not a folder", encoding="utf-8")
    status, out, errors = cli(capsysbinary, "convert", source, *target, blocked)
    assert status == 1
    assert out == ""
    assert "Traceback" not in errors
    assert f"cannot write {blocked}" in errors.splitlines()[0]
    assert f": {tmp_path / 'plain-file'}" in errors  # the folder that could not be made


@pytest.mark.parametrize(
    "target",
    [
        ["convert", "{source}", "--to", "jsonl", "-o", "{out}/x.jsonl"],
        ["convert", "{source}", "--to", "html", "-o", "{out}/x.html"],
        ["convert", "{source}", "--to", "html", "--out-dir", "{out}"],
        ["sample", "-o", "{out}/x.json"],
    ],
)
@pytest.mark.parametrize(
    "failure",
    [
        ("open", PermissionError(errno.EACCES, "Permission denied")),  # an unwritable folder
        ("fsync", OSError(errno.ENOSPC, "No space left on device")),  # a full disk
    ],
)
def test_an_output_that_cannot_be_written_fails_in_one_line(
    tmp_path, capsysbinary, monkeypatch, target, failure
):
    source, out = tmp_path / "story.json", tmp_path / "out"
    source.write_text(json.dumps(story("A")), encoding="utf-8")
    function, error = failure
    real = getattr(os, function)

    def failing(*arguments: Any, **keywords: Any) -> Any:
        if function == "open" and not str(arguments[0]).endswith(".part"):
            return real(*arguments, **keywords)
        raise error

    monkeypatch.setattr(os, function, failing)
    arguments = [part.format(source=source, out=out) for part in target]
    status, _, errors = cli(capsysbinary, *arguments)
    assert status == 1
    assert "Traceback" not in errors
    written = Path(arguments[-1]) if "-o" in arguments else out / "story.html"
    assert f"{type(error).__name__}: cannot write {written}: {error.strerror}" in errors
    assert ".part" not in errors  # the output's name, not its temporary file's
    assert not [path for path in tmp_path.rglob("*") if path.is_file() and path != source]


def test_an_output_that_is_a_folder_is_a_usage_error(tmp_path, capsysbinary):
    source = tmp_path / "story.json"
    source.write_text(json.dumps(story("A")), encoding="utf-8")
    for arguments in (
        ["convert", source, "--to", "jsonl", "-o", tmp_path],
        ["convert", source, "--to", "html", "-o", tmp_path],
        ["sample", "-o", tmp_path],
    ):
        status, _, errors = cli(capsysbinary, *arguments)
        assert status == 2
        assert f"-o {tmp_path} is a folder" in errors
    status, _, errors = cli(capsysbinary, "convert", source, "--to", "html", "--out-dir", source)
    assert status == 2
    assert f"--out-dir {source} is a file, not a folder" in errors


def test_a_failure_writing_standard_output_is_one_line(tmp_path, capsysbinary, monkeypatch):
    source = tmp_path / "story.json"
    source.write_text(json.dumps(story("A")), encoding="utf-8")

    class FullDisk(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(FullDisk())))
    for target in ("jsonl", "html"):
        status, _, errors = cli(capsysbinary, "convert", source, "--to", target)
        assert status == 1
        assert "OSError: cannot write standard output: No space left on device" in errors
        assert "Traceback" not in errors


def test_each_failure_is_one_line_whatever_the_name_or_message_holds(tmp_path, capsysbinary):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("bad\nname.json", "bad\rname2.json", "bad\x1b[2Jname3.json", "bad\u2028n4.json"):
        (inputs / name).write_text("{", encoding="utf-8")
    status, _, errors = cli(capsysbinary, "convert", inputs, "--to", "html",
                            "--out-dir", tmp_path / "out", "--continue-on-error")  # fmt: skip
    assert status == 1
    lines = errors.splitlines()
    assert len(lines) == 5  # four failures and the count
    assert f"articlekit: {inputs}/bad\\nname.json: ParseError: " in lines[0]
    assert "bad\\x1b[2Jname3.json" in errors
    assert "bad\\u2028n4.json" in errors
    # An error message that holds a line break: the output's name holds one.
    blocked = tmp_path / "a\nfile"
    blocked.write_text("", encoding="utf-8")
    source = tmp_path / "story.json"
    source.write_text(json.dumps(story("A")), encoding="utf-8")
    status, _, errors = cli(capsysbinary, "convert", source, "--to", "html",
                            "-o", blocked / "x.html")  # fmt: skip
    assert status == 1
    assert errors.splitlines() == [
        f"articlekit: {source}: FileExistsError: cannot write {tmp_path}/a\\nfile/x.html: "
        f"{tmp_path}/a\\nfile is not a folder",
        "articlekit: 1 of 1 input(s) failed",
    ]


@UNDECODABLE_NAMES
def test_a_file_whose_name_is_not_utf8_reads_and_is_named_safely(tmp_path, capsysbinary):
    folder = os.fsencode(tmp_path)
    message = os.fsdecode(folder + b"/caf\xe9.xml")
    with open(message, "wb") as file:
        file.write(newsml.dumps(story("A")))
    status, out, errors = cli(capsysbinary, "show", message)
    assert (status, errors) == (0, "")
    assert out.splitlines()[1] == "A"
    status, out, errors = cli(capsysbinary, "detect", message)
    assert (status, out, errors) == (0, f"{tmp_path}/caf\\xe9.xml: newsml\n", "")
    assert (
        cli(capsysbinary, "validate", message)[1] == f"{tmp_path}/caf\\xe9.xml: valid (1 article)\n"
    )
    status, _, errors = cli(capsysbinary, "convert", message, "--to", "json", "--out-dir", tmp_path)
    assert (status, errors) == (0, "")
    assert json.loads(Path(os.fsdecode(folder + b"/caf\xe9.json")).read_bytes()) == story("A")
    broken = os.fsdecode(folder + b"/broken\xff.json")
    with open(broken, "wb") as file:
        file.write(b"{")
    status, _, errors = cli(capsysbinary, "show", broken)
    assert status == 1
    assert errors.startswith(f"articlekit: {tmp_path}/broken\\xff.json: ParseError: ")


def test_show_of_a_folder_without_articles_is_a_usage_error(tmp_path, capsysbinary):
    status, _, errors = cli(capsysbinary, "show", tmp_path)
    assert status == 2
    assert f"{tmp_path} holds no file of a known format" in errors


# An XML Schema that takes any newsMessage.
ANY_NEWS_MESSAGE = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    targetNamespace="http://iptc.org/std/nar/2006-10-01/" elementFormDefault="qualified">
  <xs:element name="newsMessage"><xs:complexType>
    <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
    <xs:anyAttribute processContents="skip"/>
  </xs:complexType></xs:element>
</xs:schema>"""


def test_validate_reads_no_more_for_the_schema_than_a_reader_takes(
    samples, tmp_path, capsysbinary, monkeypatch
):
    # A newsMessage is read item by item, so only the schema check read the whole file: with
    # no bound, a file of many gigabytes filled memory before anything was said.
    schema = tmp_path / "any.xsd"
    schema.write_text(ANY_NEWS_MESSAGE, encoding="utf-8")
    message = tmp_path / "message.xml"
    message.write_bytes(newsml.dumps(story("A")))
    assert cli(capsysbinary, "validate", message, "--schema", schema)[:2] == (
        0,
        f"{message}: valid (1 article)\n",
    )
    limit = message.stat().st_size - 1
    monkeypatch.setattr(articlekit._io, "MAX_BYTES", limit)
    status, out, errors = cli(capsysbinary, "validate", message, "--schema", schema)
    assert (status, out) == (1, "")
    assert errors.splitlines() == [
        f"articlekit: {message}: ParseError: document too large: more than {limit} bytes, "
        "the limit",
        "articlekit: 1 of 1 input(s) failed",
    ]
    # The schema is read whole too: one larger than a document may be is a usage error.
    limit = DOCS_SCHEMA.stat().st_size - 1
    monkeypatch.setattr(articlekit.cli, "MAX_BYTES", limit)
    status, out, errors = cli(capsysbinary, "validate", samples["json"], "--schema", DOCS_SCHEMA)
    assert (status, out) == (2, "")
    assert f"--schema {DOCS_SCHEMA}: larger than {limit} bytes, the limit" in errors
    assert "Traceback" not in errors


# --- strict reading: refusals for pipelines that want them --------------------------------------

# A Superdesk-style ninjs item: its identifier in "guid", not "uri", which a reader repairs.
DEVIATING_NINJS = (
    '{"guid": "urn:newsml:example.org:2026:1", "type": "text", "headline": "Council votes",'
    ' "body_html": "<p>The council voted.</p>", "versioncreated": "2026-03-14T06:00:00+0000"}'
)


def test_a_repaired_deviation_is_a_warning_and_with_strict_reading_a_failure(capfdbinary, tmp_path):
    source = tmp_path / "item.ninjs.json"
    source.write_text(DEVIATING_NINJS, encoding="utf-8")
    status, out, err = cli(capfdbinary, "convert", source, "--to", "json")
    assert status == 0
    assert articlekit.json.loads(out).uri == "urn:newsml:example.org:2026:1"
    assert "warning: guid: no uri" in err
    status, out, err = cli(capfdbinary, "convert", source, "--to", "json", "--strict-reading")
    assert (status, out) == (1, "")
    assert "guid: no uri" in err
    assert "refuses" in err


def test_validate_with_strict_reading_refuses_what_a_lenient_reading_repairs(capfdbinary, tmp_path):
    source = tmp_path / "item.ninjs.json"
    source.write_text(DEVIATING_NINJS, encoding="utf-8")
    status, out, err = cli(capfdbinary, "validate", source)
    assert (status, out.strip()) == (0, f"{source}: valid (1 article)")
    assert f"articlekit: {source}: warning: guid: no uri" in err  # a repair, reported
    status, out, err = cli(capfdbinary, "validate", source, "--strict-reading")
    assert (status, out) == (1, "")
    assert "guid" in err


def test_strict_reading_changes_nothing_for_a_document_without_deviations(capfdbinary, samples):
    for name in ("json", "ninjs", "newsml", "nitf", "html"):
        status, out, err = cli(capfdbinary, "validate", samples[name], "--strict-reading")
        assert (status, err) == (0, ""), name
        assert "valid (1 article)" in out
