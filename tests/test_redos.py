"""No regular expression of the package backtracks more than linearly on outside input.

Three layers: the static checker of ``tests/_redos.py`` run on every pattern of the package
(and tested itself on known-bad and known-good patterns); property tests that each rewritten
pattern accepts exactly what the one it replaced did; and every validator and reader fed its
worst case, whose time must grow with the input as linear work does.
"""

from __future__ import annotations

import contextlib
import re
import time
import warnings
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from _redos import MODES, Mode, Use, UseMode, analyse, package_uses
from articlekit import ArticleKitError, Byline, _validate
from articlekit._formats import ROUND_TRIP, get_format
from articlekit.web import _body, _caption, _extract, _headline, _people, _photos
from articlekit.web._common import clean

# Patterns the checker flags that may stay, because their input is bounded: the key is the
# pattern's place (`Use.where`) and mode, the value says why it is safe and what the bound is.
# Each entry is reviewed; an entry whose pattern is no longer flagged fails the test below.
ALLOWED: dict[tuple[str, UseMode], str] = {}

# --- the checker itself ---------------------------------------------------------------------

# The patterns this module replaced (issue #14, defect 2 and its class), in the mode they ran.
_OLD_EMAIL = r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+"
_OLD_WEB_URL = r"https?://[^\s/?#]+[^\s]*"
_OLD_AND = r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*"
_OLD_PHOTO_BY = r"(?:photo|photograph|picture|image|foto)s?\s*(?:by|:)\s*([^.()]+?)\s*\.?\s*$"
_OLD_CREDIT = r"(?:credit|source|quelle|©|\(c\))\s*:?\s*(.+?)\s*\.?\s*$"
_OLD_PARENTHESISED = r"\(([^()]{2,60})\)\s*\.?\s*$"
_OLD_NOT_BODY = (
    r"(?:^|\s)[\w-]*(?:caption|credit|byline|dateline|timestamp)[\w-]*(?:$|\s)"
    r"|(?:^|\s)(?:date|time|author|published|updated|post-meta|entry-meta|meta)(?:$|\s)"
)
_OLD_BOILER_LINE = (
    r"^(?:advertisement|advertising|advert|anzeige|sponsored|read more|related:?|share this.*|"
    r"sign up.*newsletter.*|continue reading.*|click here.*|caption|close|explore further|"
    r"you may also like.*|more from .{0,40}|recommended( for you)?)$"
)
_OLD_CHARSET = rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""

_BAD: list[tuple[str | bytes, int, Mode]] = [
    (r"(a+)+$", 0, "match"),
    (r"(a|a)*$", 0, "match"),
    (r"(a|a?)+$", 0, "search"),
    (r"(?:a|b|ab)*c", 0, "fullmatch"),
    (r"\s*x\s*$", 0, "search"),
    (r"\s+$", 0, "search"),
    (r"[^@]+@[^@]+\.[^@]+", 0, "fullmatch"),
    (r"https?://[^\s/?#]+[^\s]*", 0, "fullmatch"),
    (r"[a-z]+:", 0, "search"),  # fine under match; a search scans each run once per start
    (r"(?=.*x)", 0, "search"),  # a lookahead that reads to the end, at every position
    (_OLD_EMAIL, 0, "fullmatch"),
    (_OLD_WEB_URL, re.IGNORECASE, "fullmatch"),
    (_OLD_AND, re.IGNORECASE, "search"),
    (_OLD_PHOTO_BY, re.IGNORECASE, "search"),
    (_OLD_CREDIT, re.IGNORECASE, "search"),
    (_OLD_PARENTHESISED, 0, "search"),
    (_OLD_NOT_BODY, re.IGNORECASE, "search"),
    (_OLD_BOILER_LINE, re.IGNORECASE, "match"),
    (_OLD_CHARSET, re.IGNORECASE, "search"),
]
_GOOD: list[tuple[str | bytes, int, Mode]] = [
    (_validate._EMAIL.pattern, 0, "fullmatch"),
    (_validate._WEB_URL.pattern, re.IGNORECASE, "fullmatch"),
    (_validate._LANGUAGE_TAG.pattern, re.VERBOSE, "fullmatch"),
    (r"[a-z]+", 0, "fullmatch"),
    (r"\S+", 0, "fullmatch"),
    (r"[ \t\n\r]+", 0, "search"),  # a search that succeeds as soon as it starts
    (r"https?://[^\s/?#]+[^\s]*", 0, "search"),  # the same: nothing after the loops can fail
    (r"[a-z]+:", 0, "match"),
    (r"\n\s*\n", 0, "search"),
    (r"^\s*<\?xml[^>]*\?>", 0, "search"),
    (r"(a|ab)*$", 0, "match"),
    (r"(?:-[a-z0-9]{2,8})+", 0, "fullmatch"),
    (r"sign up(?=.*newsletter).*$", 0, "match"),
    (r"&(?!(?:amp|lt|gt);)", 0, "search"),
    (r"(?:^|\s)(?=[\w-]*(?:caption|credit))[\w-]+(?:$|\s)", 0, "search"),
    (rb"<meta[^>]{0,200}?charset", 0, "search"),
]


@pytest.mark.parametrize(("pattern", "flags", "mode"), _BAD)
def test_checker_flags_backtracking_patterns_with_an_input_they_fail_on(
    pattern: str | bytes, flags: int, mode: Mode
) -> None:
    findings = analyse(pattern, mode, flags)
    assert findings, f"{pattern!r} under {mode} is not flagged"
    finding = findings[0]
    assert finding.kind in ("exponential", "polynomial"), str(finding)
    assert finding.pump, str(finding)
    # No attempt that starts before the end of the pumped part succeeds (a search may still
    # match after it: the attempts before have run to their end by then).
    attack = finding.attack(3)
    match = getattr(re.compile(pattern, flags), mode)(attack)
    pumped = len(finding.prefix) + 3 * len(finding.pump)
    assert match is None or match.start() >= pumped, f"{finding} matches, so it shows nothing"


@pytest.mark.parametrize(("pattern", "flags", "mode"), _GOOD)
def test_checker_passes_linear_patterns(pattern: str | bytes, flags: int, mode: Mode) -> None:
    assert analyse(pattern, mode, flags) == []


def test_checker_reports_what_it_cannot_model() -> None:
    (finding,) = analyse(r"(?:a{0,200}){0,200}$", "match")  # too many states to unroll
    assert finding.kind == "unsupported"


def test_allowed_findings_are_left_out_and_stale_entries_reported() -> None:
    uses = [Use(r"\s*x\s*$", 0, "search", "here"), Use(r"[a-z]+", 0, "fullmatch", "there")]
    allowed: dict[tuple[str, UseMode], str] = {
        ("here", "search"): "bounded",
        ("there", "fullmatch"): "bounded",
    }
    problems = _problems(uses, allowed)
    assert problems == ["allow-list entry ('there', 'fullmatch') is stale: not flagged"]


# --- every pattern of the package -----------------------------------------------------------


def _problems(uses: list[Use], allowed: dict[tuple[str, UseMode], str]) -> list[str]:
    problems: list[str] = []
    flagged: set[tuple[str, UseMode]] = set()
    for use in uses:
        if use.mode == "unknown":
            problems.append(f"{use.where}: a pattern built at run time cannot be checked")
            continue
        findings = analyse(use.pattern, use.mode, use.flags)
        if findings:
            flagged.add((use.where, use.mode))
        if findings and (use.where, use.mode) not in allowed:
            problems.extend(f"{use.where}: {finding}" for finding in findings)
    for key, reason in allowed.items():
        if key not in flagged:
            problems.append(f"allow-list entry {key} is stale: not flagged")
        if not reason.strip():
            problems.append(f"allow-list entry {key} gives no reason")
    return problems


def test_no_pattern_of_the_package_backtracks_super_linearly() -> None:
    uses = package_uses(articlekit)
    assert {"articlekit._validate._EMAIL", "articlekit._validate._WEB_URL"} <= {
        use.where for use in uses
    }
    assert any(use.where.startswith("articlekit.ninjs._read, line") for use in uses)
    assert _problems(uses, ALLOWED) == []


def test_package_patterns_are_checked_in_the_modes_they_run_in() -> None:
    modes: dict[str, set[str]] = {}
    for use in package_uses(articlekit):
        modes.setdefault(use.where, set()).add(use.mode)
    assert modes["articlekit._validate._EMAIL"] == {"fullmatch"}
    assert modes["articlekit.web._meta._URL_LIKE"] == {"match"}
    assert modes["articlekit.web._people._AND"] == {"search"}
    assert modes["articlekit.web._caption._PHOTO_BY"] == {"search"}
    assert modes["articlekit.web._extract._KICKER"] == set(MODES)  # passed to a function


# --- the rewritten patterns accept what the old ones did ------------------------------------


def _joined(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=10).map("".join)


@given(_joined("a", "b", ".", "@", " ", "\t", "<", '"', "é", "\u2003", "..", "@a.b"))
def test_email_pattern_accepts_what_the_backtracking_one_did(value: str) -> None:
    old = re.fullmatch(_OLD_EMAIL, value) is not None
    assert (_validate._EMAIL.fullmatch(value) is not None) == old


@given(st.from_regex(_OLD_EMAIL, fullmatch=True))
def test_email_pattern_accepts_every_address_the_old_one_did(value: str) -> None:
    assert _validate._EMAIL.fullmatch(value)


@given(
    st.sampled_from(["http://", "HTTPS://", "https:/", "ftp://", ""]).flatmap(
        lambda scheme: _joined("a", "/", "?", "#", " ", "\t", "é", ":", "\u2003").map(
            lambda rest: scheme + rest
        )
    )
)
def test_web_url_pattern_accepts_what_the_backtracking_one_did(value: str) -> None:
    old = re.fullmatch(_OLD_WEB_URL, value, re.IGNORECASE) is not None
    assert (_validate._WEB_URL.fullmatch(value) is not None) == old


# split_credit's rules as backtracking patterns: the old ones above, with what issue #16 added
# to them (a photo label opens a clause, "credit" and "source" take a colon, "(c)" follows a
# sentence or a separator, square brackets count, a bracketed credit loses its label), and the
# caption as the text before the credit, without a separator left dangling.
_REF_CLAUSE = r"(?:^|[.!?,;:|/\-\u2013\u2014(\[])\s*"
_REF_PHOTO_BY = (
    _REF_CLAUSE + r"(?P<label>(?:photo|photograph|picture|image|foto)s?\s*(?:by|:))"
    r"(?P<credit>[^.()\[\]]*(?:\([^(]*\)|\[[^\[]*\])?)\.?$"
)
_REF_CREDIT = (
    r"(?:(?:^|[.!?:|/\-\u2013\u2014])\s*(?P<copyright>\(c\))"
    r"|(?P<label>©|(?:\b(?:photo|image|picture|foto|data)s?\s+)?\b(?:credits?|source|quelle)\s*:))"
    r"\s*:?\s*(?P<credit>.+?)\s*\.?\s*$"
)
_REF_BRACKETED = r"(?:\((?P<round>[^()]{2,60})\)|\[(?P<square>[^\[\]]{2,60})\])\s*\.?\s*$"
_REF_AGENCY = r"photo|getty|reuters|afp|\bap\b|epa|images|press"
_REF_LABEL = (
    r"(?:(?:photo|photograph|picture|image|foto)s?\s*(?:credits?\s*)?(?:by|via|:)"
    r"|(?:credits?|source|quelle)\s*:)?\s*(?:(?:©|\(c\))\s*)?"
)


def _reference_photo_by(caption: str) -> tuple[int, str] | None:
    match = re.search(_REF_PHOTO_BY, caption, re.IGNORECASE)
    return (match.start("label"), match["credit"]) if match and match["credit"] else None


def _reference_credit_label(caption: str) -> tuple[int, str] | None:
    match = re.search(_REF_CREDIT, caption, re.IGNORECASE)
    if match is None:
        return None
    start, credit = match.start("copyright" if match["copyright"] else "label"), match["credit"]
    opener = {")": "(", "]": "["}.get(credit[-1])
    before = caption[:start].rstrip()
    if opener and before.endswith(opener) and opener not in credit:  # "(Credit: X)"
        return len(before) - 1, credit[:-1]
    return start, credit


def _reference_bracketed(caption: str) -> tuple[int, str] | None:
    match = re.search(_REF_BRACKETED, caption)
    inside = match and (match["round"] or match["square"])
    if not inside or not (
        "/" in inside or inside.isupper() or re.search(_REF_AGENCY, inside, re.IGNORECASE)
    ):
        return None
    return match.start(), clean(re.sub("^" + _REF_LABEL, "", inside, flags=re.I)) or inside


def _reference_split_credit(caption: str) -> tuple[str | None, str | None]:
    for rule in (_reference_photo_by, _reference_credit_label, _reference_bracketed):
        found = rule(caption)
        if found is not None:
            start, credit = found[0], clean(found[1])
            if credit is None:
                break
            text = re.sub(r"[\s,;:|/\-\u2013\u2014(\[]+$", "", caption[:start])
            if text and caption.endswith(".") and text[-1] not in ".!?\u2026\"\u201d'\u2019":
                text += "."
            return text or None, credit
    return caption or None, None


_CAPTION_PIECES = (
    "photo", "Photos", "photograph", "image", "foto", "picture", "by", "BY", ":", ".", "(", ")",
    " ", "  ", "\t", "x", "Ann", "AP", "A/B", "credit", "Credit", "source", "quelle", "©", "(c)",
    "(C)", "Getty", "\u017f",  # long s: "s" to re.IGNORECASE
    "[", "]", ",", "-", "data", "File: ",
)  # fmt: skip


@given(_joined(*_CAPTION_PIECES).map(lambda text: clean(text) or ""))
def test_split_credit_finds_what_the_backtracking_patterns_do(caption: str) -> None:
    assert tuple(_caption.split_credit(caption)) == _reference_split_credit(caption)


_CLASS_PIECES = ("caption", "Credit", "date", "META", "post-meta", "x", "-", "_", ".", " ", "\t",
                 "\n", "\u2003", "é", "\x1c")  # fmt: skip


@given(_joined(*_CLASS_PIECES))
def test_not_body_pattern_finds_what_the_backtracking_one_did(names: str) -> None:
    old = re.search(_OLD_NOT_BODY, names, re.IGNORECASE) is not None
    assert (_body._NOT_BODY.search(names) is not None) == old


_LINE_PIECES = ("sign up", "Sign Up", " ", "newsletter", "x", "\n", "share this", "more from ",
                "related", ":")  # fmt: skip


@given(_joined(*_LINE_PIECES))
def test_boilerplate_pattern_finds_what_the_backtracking_one_did(line: str) -> None:
    old = re.match(_OLD_BOILER_LINE, line, re.IGNORECASE) is not None
    assert (_body._BOILER_LINE.match(line) is not None) == old


_BYLINE_PIECES = ("By ", "Ann", " ", "and", "AND", "und", "et", "y", ",", "&", "\t", "\n", "Lee",
                  "\u2003", "yet", "éy")  # fmt: skip


@given(_joined(*_BYLINE_PIECES))
def test_split_names_splits_where_the_backtracking_pattern_did(line: str) -> None:
    text = _people._BY.sub("", line)
    parts = re.split(_OLD_AND, text, flags=re.IGNORECASE)
    assert _people.split_names(line) == [name for name in map(clean, parts) if name]


_TITLE_PIECES = ("Head", "line", " ", "|", "-", "\u2013", "\u2014", ":", "Site", "S", ".")


@given(_joined(*_TITLE_PIECES).map(clean), _joined(*_TITLE_PIECES).map(clean))
def test_site_name_is_cut_from_titles_as_the_pattern_did(
    title: str | None, site: str | None
) -> None:
    if not title or not site:  # extract only cuts when both are there
        return
    old = re.sub(rf"\s*[|\-\u2013\u2014:]\s*{re.escape(site)}\s*$", "", title) or title
    assert _headline._without_site_name(title, site) == old


@given(
    st.lists(
        st.sampled_from([b"<meta", b" ", b"charset", b"=", b'"', b"'", b"utf-8", b">", b"x"]),
        max_size=10,
    ).map(b"".join)
)
def test_charset_pattern_finds_what_the_backtracking_one_did(data: bytes) -> None:
    old = re.search(_OLD_CHARSET, data, re.IGNORECASE)
    new = _extract._CHARSET.search(data)
    assert (new and new.group(1)) == (old and old.group(1))


# --- worst cases, at 10 KB and 100 KB -------------------------------------------------------

_SMALL, _LARGE = 10_000, 100_000


def _best_time(run: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        with contextlib.suppress(ArticleKitError), warnings.catch_warnings():
            warnings.simplefilter("ignore", articlekit.LossWarning)
            run()
        best = min(best, time.perf_counter() - start)
    return best


def _assert_linear(run: Callable[[Any], object], make: Callable[[int], Any]) -> None:
    """*run* on ``make(100_000)`` takes about 10 times what it takes on ``make(10_000)``.

    Quadratic work takes 100 times: allow 30 times, plus 0.25 s for a busy machine. The code
    this replaced took from 20 s to minutes on such input.
    """
    small_input, large_input = make(_SMALL), make(_LARGE)
    small = _best_time(lambda: run(small_input))
    large = _best_time(lambda: run(large_input))
    assert large <= 30 * small + 0.25, f"{small:.4f} s at 10 KB, {large:.4f} s at 100 KB"


_SAMPLE = attrs.evolve(
    articlekit.sample(), bylines=(Byline(name="Ann Lee", email="ann@example.org"),)
)
_URL = _SAMPLE.url
assert _URL is not None

# Inputs that made the old patterns backtrack, each as long as asked.
_WORST: dict[str, Callable[[int], str]] = {
    "email": lambda size: "a@" + "." * size + "@",
    "url": lambda size: "http://" + "a" * size + " b",
    "identifier": lambda size: "urn:" + "a" * size + " b",
    "link": lambda size: "a" * size,
    "language": lambda size: "en" + "-abcde" * (size // 6) + "-!",
    "media type": lambda size: "image/" + "a" * size + "/",
}


@pytest.mark.parametrize(
    ("field", "evolve"),
    [
        ("email", lambda value: Byline(name="Ann", email=value)),
        ("url", lambda value: attrs.evolve(_SAMPLE, url=value)),
        ("url", lambda value: attrs.evolve(_SAMPLE.photos[0], href=value)),
        ("identifier", lambda value: attrs.evolve(_SAMPLE, uri=value)),
        ("link", lambda value: Byline(name="Ann", uri=value)),
        ("language", lambda value: attrs.evolve(_SAMPLE, language=value)),
        ("media type", lambda value: attrs.evolve(_SAMPLE.photos[0], media_type=value)),
    ],
)
def test_validators_take_linear_time_on_their_worst_case(
    field: str, evolve: Callable[[str], object]
) -> None:
    _assert_linear(evolve, _WORST[field])


def _document(name: str, replace: str, make: Callable[[int], str]) -> Callable[[int], bytes]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", articlekit.LossWarning)
        written = get_format(name).module.dumps(_SAMPLE)
    text = written.decode() if isinstance(written, bytes) else written
    assert replace in text
    return lambda size: text.replace(replace, make(size)).encode()


@pytest.mark.parametrize("name", sorted(ROUND_TRIP))  # documents written to be read
@pytest.mark.parametrize(("replace", "field"), [("ann@example.org", "email"), (_URL, "url")])
def test_readers_take_linear_time_on_a_hostile_address(name: str, replace: str, field: str) -> None:
    reader = get_format(name).module
    _assert_linear(reader.loads, _document(name, replace, _WORST[field]))


@pytest.mark.parametrize(
    ("replace", "make"),
    [
        ('"language": "en"', lambda size: '"language": "' + _WORST["language"](size) + '"'),
        ("2026-03-14T", lambda size: "2026-03-14T" + "1" * size),
    ],
)
def test_json_reader_takes_linear_time_on_a_hostile_language_or_date(
    replace: str, make: Callable[[int], str]
) -> None:
    _assert_linear(articlekit.json.loads, _document("json", replace, make))


def _page(size: int) -> str:
    words = "photo by " * (size // 9)
    spaces = " " * size
    return (
        "<html><head>"
        f'<meta property="og:title" content="Headline {"- " * (size // 2)}|x">'
        f'<meta property="og:site_name" content="{"- " * (size // 4)}x">'
        f'<meta name="byl" content="By Ann{spaces}x">'
        "</head><body><article><h1>Headline</h1>"
        f'<div class="{"caption" * (size // 7)}!">Not body</div>'
        f"<p>A first paragraph of the story, long enough to count as the body of it. {spaces}</p>"
        '<figure><img src="https://example.org/a.jpg">'
        f"<figcaption>A caption. {words}(</figcaption></figure>"
        f"<p>Sign up {'newsletter ' * (size // 11)}!</p>"
        "<p>A second paragraph of the story, as long as the first one, to be sure.</p>"
        "</article></body></html>"
    )


def test_extract_takes_linear_time_on_hostile_captions_classes_bylines_and_titles() -> None:
    _assert_linear(lambda page: _extract.extract(page, url="https://example.org/a"), _page)


def _many_spans(size: int) -> str:
    """A paragraph of *size* / 10 inline elements: each one's text was once merged one by one."""
    spans = '<span class="author">Ann Lee</span> ' * (size // 40)
    body = f"<p>{spans}</p><p>{'A paragraph of the story, long enough to count. ' * 3}</p>"
    return f"<html><body><article><h1>Headline</h1>{body}</article></body></html>"


@pytest.mark.parametrize(
    "make",
    [
        lambda size: ", " * (size // 2) + "a.jpg",
        lambda size: "a.jpg " + "1x " * (size // 3),
        lambda size: "a.jpg 1w," * (size // 9),
    ],
)
def test_srcset_parsing_takes_linear_time(make: Callable[[int], str]) -> None:
    _assert_linear(_photos._largest_srcset_url, make)


def test_extract_takes_linear_time_on_a_paragraph_of_many_inline_elements() -> None:
    _assert_linear(lambda page: _extract.extract(page, url="https://example.org/a"), _many_spans)


@pytest.mark.parametrize(
    "make",
    [
        lambda size: "a " + "photo by " * (size // 9) + "(",
        lambda size: "credit: x" + " " * size + "x(",
        lambda size: "(ab) " + " " * size + "x",
    ],
)
def test_split_credit_takes_linear_time(make: Callable[[int], str]) -> None:
    _assert_linear(_caption.split_credit, make)


def test_split_names_takes_linear_time_on_runs_of_spaces() -> None:
    _assert_linear(_people.split_names, lambda size: "By Ann" + " " * size + "x")


def test_site_name_cut_takes_linear_time() -> None:
    _assert_linear(
        lambda title: _headline._without_site_name(title, "-" * _SMALL + "x"),
        lambda size: "-" * size,
    )
