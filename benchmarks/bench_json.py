"""
Benchmark articlekit's native JSON against pydantic v2 and a no-validation attrs baseline.

Three implementations load and dump the same two documents, articlekit's own ``dumps`` output of:

- ``sample``: the article shipped as `articlekit.sample()` (10 paragraphs, one photo);
- ``large``: a long article built below, identical on every run (255 body blocks: 200
  paragraphs with inline markup, 20 headings, 10 quotes, 10 lists, 12 photo blocks and 3 embeds;
  12 photos with 3 renditions each, 5 bylines, 10 topics).

The implementations:

- ``articlekit``: `articlekit.json.loads` and `articlekit.json.dumps`;
- ``pydantic``: pydantic v2 models of the same shape, defined here, through
  ``Article.model_validate_json(text)`` and ``article.model_dump_json(exclude_defaults=True)``;
- ``baseline``: `json.loads` and hand-written construction of plain attrs classes (no
  validators, no converters), and a small recursive function plus `json.dumps` to write them.

Run from a checkout with the ``bench`` and ``strategies`` extras installed::

    python benchmarks/bench_json.py            # full run: 7 repeats of >= 0.2 s each
    python benchmarks/bench_json.py --quick    # smoke run: 3 repeats of >= 0.02 s each
    python benchmarks/bench_json.py --profile  # cProfile of articlekit.json.loads (large)

The report is a Markdown section on stdout, ready to paste into ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import enum
import hashlib
import io
import json
import platform
import pstats
import statistics
import sys
import timeit
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as distribution_version
from typing import Annotated, Any, Literal, Union

import attrs
import pydantic
import pydantic_core
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

import articlekit as ak
from articlekit import json as akjson

# ---------------------------------------------------------------------------------------------
# The large article: built with articlekit's models, so it is canonical and valid, and
# deterministic: no randomness, only arithmetic on indices.
# ---------------------------------------------------------------------------------------------

_PROSE = (
    "the provincial council said on Tuesday that talks over the valley road would resume after "
    "engineers completed a survey of the bridge and officials from three districts agreed on "
    "funding for repairs while residents of upper villages waited for supplies to arrive by "
    "convoy from Varenholt where markets reopened and schools announced shorter hours until "
    "the weather improved according to a statement published by the regional transport office"
)
_WORDS = _PROSE.split()
_NAMES = ("Annelie Brosk", "Elias Maarten", "Tomas Reyval", "Jóhanna Lind", "Mirela Dăncilă")


def _sentence(seed: int, length: int) -> str:
    words = [_WORDS[(seed * 7 + step * 13) % len(_WORDS)] for step in range(length)]
    return " ".join(words).capitalize() + "."


def _paragraph_text(index: int) -> str:
    sentences = [_sentence(index * 5 + part, 9 + (index + part) % 8) for part in range(4)]
    if index % 3 == 0:  # emphasis inside the second sentence
        words = sentences[1].split(" ")
        words[2] = f"<em>{words[2]}</em>"
        sentences[1] = " ".join(words)
    if index % 4 == 1:  # a link around a few words of the third sentence
        words = sentences[2].split(" ")
        link = f"https://news.example.org/valley/{index}?ref=body&amp;part=3"
        words[1] = f'<a href="{link}">{words[1]}'
        words[3] = f"{words[3]}</a>"
        sentences[2] = " ".join(words)
    if index % 5 == 2:  # strong text and an escaped ampersand
        sentences[3] = f"<strong>Update:</strong> roads &amp; bridges. {sentences[3]}"
    if index % 7 == 3:  # non-ASCII: curly quotes and an accented name
        sentences[0] = f"“{sentences[0]}” said {_NAMES[index % len(_NAMES)]}."
    return " ".join(sentences)


def _byline(index: int) -> ak.Byline:
    name = _NAMES[index % len(_NAMES)]
    slug = name.lower().replace(" ", "-").encode("ascii", "ignore").decode()
    return ak.Byline(
        name=name,
        role=("reporter", "photographer", "editor")[index % 3],
        affiliation="Northwind Press",
        email=f"{slug}@northwind.example.org",
        uri=f"https://northwind.example.org/people/{slug}",
        bio=f"{name} covers the Sarn Valley for Northwind Press.",
    )


def _photo(index: int) -> ak.Photo:
    base = f"https://images.example.org/2026/03/valley-{index:02d}"
    return ak.Photo(
        uri=f"urn:articlekit:bench:photo-{index}",
        href=f"{base}.jpg",
        caption=f"Scene {index} from the valley road near Varenholt, Esterlund, on March 14, "
        f"2026. Photo by {_NAMES[index % len(_NAMES)]}/Northwind Press.",
        credit=f"{_NAMES[index % len(_NAMES)]}/Northwind Press",
        alt_text=f"Photograph number {index} of trucks and people on a mountain road.",
        photographer=_byline(index) if index % 2 == 0 else None,
        copyright_notice="© 2026 Northwind Press",
        width=1600,
        height=1067,
        media_type="image/jpeg",
        renditions=[
            ak.Rendition(
                name=name, href=f"{base}-{name}.jpg", width=w, height=h, media_type="image/jpeg"
            )
            for name, w, h in (("thumbnail", 320, 213), ("16x9", 1280, 720), ("1x1", 800, 800))
        ],
    )


def _topic(index: int) -> ak.Topic:
    kinds = list(ak.TopicKind)
    return ak.Topic(
        name=f"Topic {index} of the valley",
        kind=kinds[index % len(kinds)],
        code=f"medtop:{16009000 + index}",
        uri=f"http://cv.iptc.org/newscodes/mediatopic/{16009000 + index}",
    )


def _body() -> list[ak.Block]:
    body: list[ak.Block] = []
    paragraph = 0
    for section in range(20):
        body.append(ak.Heading(text=f"Part {section + 1}: <em>{_WORDS[section]}</em>", level=2))
        if section < 12:
            body.append(ak.PhotoRef(photo=section))
        for position in range(10):
            body.append(ak.Paragraph(text=_paragraph_text(paragraph)))
            paragraph += 1
            if position == 4 and section < 10:
                body.append(
                    ak.Quote(text=_paragraph_text(1000 + section), attribution=_NAMES[section % 5])
                )
            if position == 7 and section >= 10:
                body.append(
                    ak.ListBlock(
                        items=[_sentence(section * 3 + item, 6) for item in range(5)],
                        ordered=section % 2 == 0,
                    )
                )
        if 12 <= section < 15:
            body.append(
                ak.Embed(url=f"https://video.example.org/watch?v=valley{section}", title="Video")
            )
    return body


def large_article() -> ak.Article:
    """Return the large benchmark article; the same on every run."""
    when = datetime(2026, 3, 14, 5, 12, tzinfo=timezone.utc)
    return ak.Article(
        uri="urn:articlekit:bench:large",
        version=3,
        url="https://news.example.org/update-desk/sarn-valley-road-long-read",
        language="en-GB",
        headline="The long road: how the Sarn Valley waited for its bridge",
        subheadline="A long read on a road, a bridge, and the villages that depend on both",
        kicker="Long Read",
        section="World",
        summary=" ".join(_sentence(900 + index, 12) for index in range(3)),
        slugline="sarn-valley-road-long-read",
        bylines=[_byline(index) for index in range(5)],
        photos=[_photo(index) for index in range(12)],
        topics=[_topic(index) for index in range(10)],
        keywords=[_WORDS[index * 3] for index in range(10)],
        body=_body(),
        created=when,
        published=when + timedelta(hours=1),
        updated=when.astimezone(timezone(timedelta(hours=2))) + timedelta(hours=4, minutes=33),
        embargoed=when + timedelta(minutes=30),
        dateline="VARENHOLT, March 14",
        located="Varenholt, Esterlund",
        status=ak.Status.USABLE,
        provider="Northwind Press",
        copyright_holder="Northwind Press",
        copyright_notice="© 2026 Northwind Press",
        usage_terms="Benchmark article generated by articlekit; not for publication.",
        editor_note="Generated for benchmarks/bench_json.py.",
    )


# ---------------------------------------------------------------------------------------------
# pydantic v2 models of the same shape. Same field names, types, defaults and simple bounds
# (sizes >= 1, heading levels 2-6, non-empty required text and list items); strict, so that
# like articlekit they never coerce ("2" is not an int). They do NOT sanitise inline HTML,
# fold white space, normalise to NFC or check URLs, language tags, media types and photo
# references: less work than articlekit does.
# ---------------------------------------------------------------------------------------------

_Count = Annotated[int, Field(ge=1, le=2**31 - 1)]
_Text = Annotated[str, Field(min_length=1)]


class Status(str, enum.Enum):
    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class TopicKind(str, enum.Enum):
    SUBJECT = "subject"
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    EVENT = "event"
    OBJECT = "object"
    GENRE = "genre"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Rendition(_Model):
    name: _Text
    href: _Text
    width: _Count | None = None
    height: _Count | None = None
    media_type: str | None = None


class Byline(_Model):
    name: _Text
    role: str | None = None
    affiliation: str | None = None
    email: str | None = None
    uri: str | None = None
    bio: str | None = None


class Photo(_Model):
    uri: str | None = None
    href: str | None = None
    caption: str | None = None
    credit: str | None = None
    alt_text: str | None = None
    photographer: Byline | None = None
    copyright_notice: str | None = None
    width: _Count | None = None
    height: _Count | None = None
    media_type: str | None = None
    renditions: tuple[Rendition, ...] = ()


class Topic(_Model):
    name: str | None = None
    kind: TopicKind = TopicKind.SUBJECT
    code: str | None = None
    uri: str | None = None


# The tag is a required field: with a default, exclude_defaults=True would drop it on dumps.
class Paragraph(_Model):
    type: Literal["paragraph"]
    text: _Text


class Heading(_Model):
    type: Literal["heading"]
    text: _Text
    level: Annotated[int, Field(ge=2, le=6)] = 2


class Quote(_Model):
    type: Literal["quote"]
    text: _Text
    attribution: str | None = None


class ListBlock(_Model):
    type: Literal["list"]
    items: Annotated[tuple[_Text, ...], Field(min_length=1)]
    ordered: bool = False


class PhotoRef(_Model):
    type: Literal["photo"]
    photo: Annotated[int, Field(ge=0, le=2**31 - 1)]


class Embed(_Model):
    type: Literal["embed"]
    url: _Text
    title: str | None = None


Block = Annotated[
    Union[Paragraph, Heading, Quote, ListBlock, PhotoRef, Embed],  # noqa: UP007 - runtime alias
    Field(discriminator="type"),
]


class Article(_Model):
    articlekit: Literal[1]  # the format version, first member of every document
    uri: _Text
    version: _Count = 1
    url: str | None = None
    language: str | None = None
    headline: _Text
    subheadline: str | None = None
    kicker: str | None = None
    section: str | None = None
    summary: str | None = None
    slugline: str | None = None
    bylines: tuple[Byline, ...] = ()
    photos: tuple[Photo, ...] = ()
    topics: tuple[Topic, ...] = ()
    keywords: tuple[_Text, ...] = ()
    body: tuple[Block, ...] = ()
    created: AwareDatetime | None = None
    published: AwareDatetime | None = None
    updated: AwareDatetime | None = None
    embargoed: AwareDatetime | None = None
    dateline: str | None = None
    located: str | None = None
    status: Status = Status.USABLE
    provider: str | None = None
    copyright_holder: str | None = None
    copyright_notice: str | None = None
    usage_terms: str | None = None
    editor_note: str | None = None


def pydantic_loads(text: str) -> Article:
    return Article.model_validate_json(text)


def pydantic_dumps(article: Article) -> str:
    return article.model_dump_json(exclude_defaults=True)


# ---------------------------------------------------------------------------------------------
# Baseline (b): json.loads plus plain attrs classes built by hand, no validation at all; and a
# simple recursive function plus json.dumps to write them.
# ---------------------------------------------------------------------------------------------

_plain = attrs.define(kw_only=True)


@_plain
class PlainRendition:
    name: str
    href: str
    width: int | None = None
    height: int | None = None
    media_type: str | None = None


@_plain
class PlainByline:
    name: str
    role: str | None = None
    affiliation: str | None = None
    email: str | None = None
    uri: str | None = None
    bio: str | None = None


@_plain
class PlainPhoto:
    uri: str | None = None
    href: str | None = None
    caption: str | None = None
    credit: str | None = None
    alt_text: str | None = None
    photographer: PlainByline | None = None
    copyright_notice: str | None = None
    width: int | None = None
    height: int | None = None
    media_type: str | None = None
    renditions: tuple[PlainRendition, ...] = ()


@_plain
class PlainTopic:
    name: str | None = None
    kind: TopicKind = TopicKind.SUBJECT
    code: str | None = None
    uri: str | None = None


@_plain
class PlainParagraph:
    text: str


@_plain
class PlainHeading:
    text: str
    level: int = 2


@_plain
class PlainQuote:
    text: str
    attribution: str | None = None


@_plain
class PlainListBlock:
    items: tuple[str, ...]
    ordered: bool = False


@_plain
class PlainPhotoRef:
    photo: int


@_plain
class PlainEmbed:
    url: str
    title: str | None = None


@_plain
class PlainArticle:
    uri: str
    version: int = 1
    url: str | None = None
    language: str | None = None
    headline: str
    subheadline: str | None = None
    kicker: str | None = None
    section: str | None = None
    summary: str | None = None
    slugline: str | None = None
    bylines: tuple[PlainByline, ...] = ()
    photos: tuple[PlainPhoto, ...] = ()
    topics: tuple[PlainTopic, ...] = ()
    keywords: tuple[str, ...] = ()
    body: tuple[Any, ...] = ()
    created: datetime | None = None
    published: datetime | None = None
    updated: datetime | None = None
    embargoed: datetime | None = None
    dateline: str | None = None
    located: str | None = None
    status: Status = Status.USABLE
    provider: str | None = None
    copyright_holder: str | None = None
    copyright_notice: str | None = None
    usage_terms: str | None = None
    editor_note: str | None = None


def _datetime(value: str | None) -> datetime | None:
    if value is None:
        return None
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    return datetime.fromisoformat(value)


def _plain_photo(data: dict[str, Any]) -> PlainPhoto:
    fields = dict(data)
    if "photographer" in fields:
        fields["photographer"] = PlainByline(**fields["photographer"])
    fields["renditions"] = tuple(PlainRendition(**item) for item in fields.get("renditions", ()))
    return PlainPhoto(**fields)


def _plain_topic(data: dict[str, Any]) -> PlainTopic:
    fields = dict(data)
    if "kind" in fields:
        fields["kind"] = TopicKind(fields["kind"])
    return PlainTopic(**fields)


def _plain_list(data: dict[str, Any]) -> PlainListBlock:
    return PlainListBlock(items=tuple(data["items"]), ordered=data.get("ordered", False))


_PLAIN_BLOCKS: dict[str, tuple[str, type]] = {
    "paragraph": ("paragraph", PlainParagraph),
    "heading": ("heading", PlainHeading),
    "quote": ("quote", PlainQuote),
    "list": ("list", PlainListBlock),
    "photo": ("photo", PlainPhotoRef),
    "embed": ("embed", PlainEmbed),
}
_PLAIN_TAGS = {kind: tag for tag, kind in _PLAIN_BLOCKS.values()}
_DATETIME_FIELDS = ("created", "published", "updated", "embargoed")


def _plain_block(data: dict[str, Any]) -> Any:
    fields = dict(data)
    kind = _PLAIN_BLOCKS[fields.pop("type")][1]
    if kind is PlainListBlock:
        return _plain_list(fields)
    return kind(**fields)


def baseline_loads(text: str) -> PlainArticle:
    fields = json.loads(text)
    del fields["articlekit"]
    fields["bylines"] = tuple(PlainByline(**item) for item in fields.get("bylines", ()))
    fields["photos"] = tuple(_plain_photo(item) for item in fields.get("photos", ()))
    fields["topics"] = tuple(_plain_topic(item) for item in fields.get("topics", ()))
    fields["keywords"] = tuple(fields.get("keywords", ()))
    fields["body"] = tuple(_plain_block(item) for item in fields.get("body", ()))
    for name in _DATETIME_FIELDS:
        if name in fields:
            fields[name] = _datetime(fields[name])
    if "status" in fields:
        fields["status"] = Status(fields["status"])
    return PlainArticle(**fields)


def _to_json_data(value: Any) -> Any:
    """Attrs instances to dicts without default fields; tuples, enums and datetimes to JSON."""
    if attrs.has(type(value)):
        data: dict[str, Any] = {}
        tag = _PLAIN_TAGS.get(type(value))
        if tag is not None:
            data["type"] = tag
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if item != field.default:
                data[field.name] = _to_json_data(item)
        return data
    if isinstance(value, (tuple, list)):
        return [_to_json_data(item) for item in value]
    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, enum.Enum):
        return value.value
    return value


def baseline_dumps(article: PlainArticle) -> str:
    document = {"articlekit": 1}
    document.update(_to_json_data(article))
    return json.dumps(document, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Measuring.
# ---------------------------------------------------------------------------------------------

IMPLEMENTATIONS = ("articlekit", "pydantic", "baseline")
LOADS: dict[str, Callable[[str], Any]] = {
    "articlekit": akjson.loads,
    "pydantic": pydantic_loads,
    "baseline": baseline_loads,
}
DUMPS: dict[str, Callable[[Any], str]] = {
    "articlekit": akjson.dumps,
    "pydantic": pydantic_dumps,
    "baseline": baseline_dumps,
}


def documents() -> dict[str, str]:
    """The JSON texts every implementation loads: articlekit's dumps output."""
    return {"sample": akjson.dumps(ak.sample()), "large": akjson.dumps(large_article())}


def check_agreement(texts: dict[str, str]) -> list[str]:
    """
    Check that every implementation reads every document and writes it back equivalently.

    Returns notes for the report; raises `SystemExit` when an implementation disagrees.
    """
    notes = []
    differs = set()
    for name, text in texts.items():
        expected = json.loads(text)
        for implementation in IMPLEMENTATIONS:
            loaded = LOADS[implementation](text)
            if loaded.headline != expected["headline"] or len(loaded.body) != len(expected["body"]):
                raise SystemExit(f"{implementation} read {name} differently")
            written = DUMPS[implementation](loaded)
            if json.loads(written) != expected:
                raise SystemExit(f"{implementation} wrote {name} back differently")
            if written != text:
                differs.add(implementation)
    if differs:
        names = " and ".join(sorted(differs))
        notes.append(
            f"{names} write documents equal to articlekit's as JSON but not byte for byte "
            "(pydantic leaves out the spaces after `,` and `:`; articlekit's cattrs converter "
            "writes required fields before the others)"
        )
    return notes


def _calibrate(timer: timeit.Timer, target: float) -> int:
    """Return the number of loops for one repeat to take at least *target* seconds."""
    number = 1
    while True:
        for multiplier in (1, 2, 5):
            loops = number * multiplier
            if timer.timeit(loops) >= target:
                return loops
        number *= 10


def measure(
    cases: dict[tuple[str, str, str], Callable[[], object]], *, repeats: int, target: float
) -> dict[tuple[str, str, str], list[float]]:
    """
    Time every case; return its per-call times in seconds, one per repeat.

    The repeats are interleaved (one repeat of every case, then the next) so that a noisy
    neighbour on a shared machine slows all cases alike rather than one of them.
    """
    timers = {key: timeit.Timer(call) for key, call in cases.items()}
    loops = {}
    for key, timer in timers.items():
        timer.timeit(1)  # warm up caches (cattrs, pydantic) before calibrating
        loops[key] = _calibrate(timer, target)
    times: dict[tuple[str, str, str], list[float]] = {key: [] for key in cases}
    for _ in range(repeats):
        for key, timer in timers.items():
            times[key].append(timer.timeit(loops[key]) / loops[key])
    return times


def _version(distribution: str, fallback: str) -> str:
    try:
        return distribution_version(distribution)
    except PackageNotFoundError:
        return f"{fallback} (not installed)"


def _processor() -> str:
    name = platform.processor()
    if name:
        return name
    try:  # on Linux platform.processor() is usually empty; the model name says more
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return f"'' ({line.partition(':')[2].strip()})"
    except OSError:
        pass
    return "''"


def _microseconds(seconds: float) -> str:
    value = seconds * 1e6
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def report(
    texts: dict[str, str],
    objects: dict[tuple[str, str], Any],
    times: dict[tuple[str, str, str], list[float]],
    *,
    repeats: int,
    target: float,
    notes: list[str],
) -> str:
    median = {key: statistics.median(values) for key, values in times.items()}
    spread = {key: (max(values) - min(values)) / median[key] for key, values in times.items()}
    lines = [
        "## JSON: articlekit vs pydantic v2 vs plain attrs",
        "",
        f"- Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.system()} {platform.machine()}; "
        f"`platform.processor()`: {_processor()}",
        f"- articlekit {ak.__version__}, attrs {attrs.__version__}, "
        f"cattrs {_version('cattrs', '?')}, pydantic {pydantic.VERSION} "
        f"(pydantic-core {pydantic_core.__version__})",
        f"- median per call of {repeats} repeats; each repeat runs as many calls as take "
        f">= {target} s (timeit: garbage collection off while timing)",
    ]
    for name, text in texts.items():
        article = objects[("articlekit", name)]
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        lines.append(
            f"- `{name}`: {len(text.encode()):,} bytes of JSON, {len(article.body)} body blocks, "
            f"{len(article.photos)} photo(s) (sha256 of the text {digest})"
        )
    lines += [
        "",
        "| document | operation | articlekit (µs) | pydantic v2 (µs) | baseline (µs) "
        "| articlekit / pydantic | articlekit / baseline |",
        "|---|---|--:|--:|--:|--:|--:|",
    ]
    ratios = {}
    for name in texts:
        for operation in ("loads", "dumps"):
            ours = median[("articlekit", operation, name)]
            theirs = median[("pydantic", operation, name)]
            plain = median[("baseline", operation, name)]
            ratios[(operation, name)] = (ours / theirs, ours / plain)
            lines.append(
                f"| {name} | {operation} | {_microseconds(ours)} | {_microseconds(theirs)} "
                f"| {_microseconds(plain)} | {ours / theirs:.2f} | {ours / plain:.2f} |"
            )
    worst = max(spread, key=spread.__getitem__)
    lines += [
        "",
        f"Largest spread, (max - min) / median, of any case: {spread[worst]:.0%} "
        f"({' '.join(worst)}).",
        "",
        "| goal | document | ratio | result |",
        "|---|---|--:|---|",
    ]
    for name in texts:
        to_pydantic, to_plain = ratios[("loads", name)]
        lines.append(
            f"| loads no slower than pydantic v2 (articlekit / pydantic <= 1.0) | {name} "
            f"| {to_pydantic:.2f} | {'pass' if to_pydantic <= 1.0 else '**FAIL**'} |"
        )
        lines.append(
            f"| loads within 2x of baseline (articlekit / baseline <= 2.0) | {name} "
            f"| {to_plain:.2f} | {'pass' if to_plain <= 2.0 else '**FAIL**'} |"
        )
    lines += [
        "",
        "Caveats:",
        "",
        "- The pydantic models check shape, types and simple bounds only: they do not sanitise "
        "inline HTML, fold white space, normalise text to NFC, or check URLs, language tags, "
        "media types, e-mail addresses and photo references, all of which articlekit does on "
        "every load. That makes pydantic's job lighter.",
        "- The baseline validates nothing: it is `json.loads`, `datetime.fromisoformat`, enum "
        "lookups and plain attrs `__init__` calls; its dumps is a recursive walk and "
        "`json.dumps`.",
        "- All three read the same text (articlekit's `dumps` output) and write documents equal "
        "to it as JSON; each was checked to read the same headline and body length.",
    ]
    lines += [f"- {note}." for note in notes]
    return "\n".join(lines)


def profile_loads(text: str, *, calls: int = 200, top: int = 25) -> str:
    """Return cProfile's statistics of `articlekit.json.loads` on *text*, by tottime."""
    akjson.loads(text)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        akjson.loads(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return f"cProfile of {calls} calls of articlekit.json.loads(large):\n{out.getvalue()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 short repeats: a smoke run")
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of loads on `large`"
    )
    options = parser.parse_args(argv)
    repeats, target = (3, 0.02) if options.quick else (7, 0.2)

    texts = documents()
    notes = check_agreement(texts)
    objects = {
        (implementation, name): LOADS[implementation](text)
        for implementation in IMPLEMENTATIONS
        for name, text in texts.items()
    }
    cases: dict[tuple[str, str, str], Callable[[], object]] = {}
    for name, text in texts.items():
        for implementation in IMPLEMENTATIONS:
            load, dump = LOADS[implementation], DUMPS[implementation]
            obj = objects[(implementation, name)]
            cases[(implementation, "loads", name)] = lambda load=load, text=text: load(text)
            cases[(implementation, "dumps", name)] = lambda dump=dump, obj=obj: dump(obj)
    times = measure(cases, repeats=repeats, target=target)
    print(report(texts, objects, times, repeats=repeats, target=target, notes=notes))
    if options.profile:
        print()
        print(profile_loads(texts["large"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
