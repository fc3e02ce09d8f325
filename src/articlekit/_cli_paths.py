"""The command line's paths: every output planned before anything is written, names shown safely.

The plan refuses (as a usage error) two inputs that would be written to one output and an
output that would replace an input, so a run never destroys an input or another input's
output; an existing file that is neither is replaced, as ``cp`` replaces it.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from articlekit.web._fetch import is_url

STDIO: Final = "-"

# The default file systems of macOS (APFS) and Windows (NTFS) ignore case, and APFS Unicode
# normalisation too: there "Story.html" and "story.html" are one file. Linux file systems
# tell them apart. Outputs that already exist are compared by identity, whatever the system.
_NAMES_IGNORE_CASE: Final = sys.platform in ("darwin", "win32")
_NUMBERED: Final = re.compile(r"(.*)-([1-9][0-9]*)", re.DOTALL)
_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What a name made from a URL keeps: letters, digits, "-", "_" and "."; runs of anything else
# become one "-", so no "/", "\\", ":" or control character reaches a file name.
_UNSAFE_IN_NAME: Final = re.compile(r"[^\w.-]+", re.ASCII)
_MAX_URL_STEM: Final = 100  # characters: file systems allow 255 bytes, the ending comes too


class PlanError(Exception):
    """The outputs of a run would collide or replace an input: a usage error."""


def shown(text: str) -> str:
    """*text* for a one-line message: line breaks, controls and undecodable bytes escaped.

    A file name can hold any of these; printed as they are, they would split a message over
    lines, move the cursor, or fail to encode (``os.fsdecode`` keeps an undecodable byte as a
    lone surrogate, which UTF-8 cannot write).
    """
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte it could not decode
        return f"\\x{code - 0xDC00:02x}"
    if char in _ESCAPES:
        return _ESCAPES[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def stem(source: str, endings: Sequence[str]) -> str:
    """The name an input's outputs take: its file name without a known ending (longest first)."""
    if source == STDIO:
        return "stdin"
    if is_url(source):
        return url_stem(source, endings)
    name = Path(source).name
    lowered = name.lower()
    for ending in sorted(endings, key=len, reverse=True):
        if lowered.endswith(ending):
            return name[: -len(ending)]
    return Path(name).stem


def url_stem(url: str, endings: Sequence[str]) -> str:
    """The name a URL's outputs take, safe in any folder: its last path segment and query.

    ``https://example.org/news/rain.html?page=2`` gives ``rain-page-2``; a URL without a path
    gives its host name. Percent escapes are not decoded, so that none becomes a ``/``.
    """
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # such as a bracketed host that is not an IPv6 address: fetching fails
        return "page"
    segment = parts.path.rstrip("/").rpartition("/")[2]
    lowered = segment.lower()
    for ending in sorted(endings, key=len, reverse=True):
        if lowered.endswith(ending):
            segment = segment[: -len(ending)]
            break
    name = "-".join(filter(None, (segment or parts.hostname or "", parts.query)))
    name = _UNSAFE_IN_NAME.sub("-", name).strip(".-")[:_MAX_URL_STEM].rstrip(".-")
    return name or "page"


@dataclass(frozen=True)
class Destination:
    """Where the articles of one input go in an output folder.

    Attributes:
        base: The folder and stem, such as ``out/story``.
        extension: The ending of the target format, such as ``.html``.
        taken: The numbers *n* whose ``base-n.extension`` is another input's output, with
            that input: an input holding *n* or more articles fails instead of writing it.
    """

    base: str
    extension: str
    taken: tuple[tuple[int, str], ...] = ()

    @property
    def path(self) -> str:
        """The output of an input that holds one article (or of a JSON Lines output)."""
        return self.base + self.extension

    def numbered(self, number: int) -> str:
        """The output of article *number* (from 1) of an input that holds several."""
        return f"{self.base}-{number}{self.extension}"


def plan_folder(
    sources: Sequence[str],
    out_dir: str,
    extension: str,
    endings: Sequence[str],
    *,
    in_place: bool,
    numbered: bool,
) -> list[tuple[str, Destination]]:
    """Plan the output of each input in *out_dir*; an input named twice is planned once.

    With *numbered*, an input that holds several articles writes them as ``name-1.ext``,
    ``name-2.ext``, ...: the names another input writes are noted in its `Destination`.

    Raises:
        PlanError: *out_dir* is not a folder, two inputs would be written to one output, or an
            output would replace an input (its own one is allowed with *in_place*).
    """
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise PlanError(f"--out-dir {shown(out_dir)} is a file, not a folder")
    owners: dict[str, str] = {}
    planned: list[tuple[str, Destination]] = []
    for source in sources:
        destination = Destination(os.path.join(out_dir, stem(source, endings)), extension)
        key = _name_key(os.path.basename(destination.path))
        if key in owners:
            other = owners[key]
            if _identity(other) is not None and _identity(other) == _identity(source):
                continue  # the same file twice (a folder and a glob that both reach it)
            raise PlanError(
                f"{shown(other)} and {shown(source)} would both be written to "
                f"{shown(destination.path)}: convert them into different folders"
            )
        owners[key] = source
        planned.append((source, destination))
    inputs = _identities(sources)
    for source, destination in planned:
        _check_replaces(destination.path, source, inputs, in_place=in_place)
    return _with_taken_numbers(planned) if numbered else planned


def check_output_file(output: str, sources: Sequence[str], *, in_place: bool) -> None:
    """Check the one output file that every input is written to (``-o``).

    Raises:
        PlanError: *output* is a folder, or is one of the inputs and *in_place* is not set.
    """
    if output == STDIO:
        return
    if os.path.isdir(output):
        raise PlanError(f"-o {shown(output)} is a folder: name a file, or use --out-dir")
    _check_replaces(output, None, _identities(sources), in_place=in_place)


def _check_replaces(
    output: str, source: str | None, inputs: dict[tuple[int, int], str], *, in_place: bool
) -> None:
    """Refuse an *output* that is an input; the one it is made from is allowed with *in_place*.

    With *source* None, every input goes into *output*, so each counts as the one it is made
    from.
    """
    identity = _identity(output)
    replaced = inputs.get(identity) if identity is not None else None
    if replaced is None:
        return
    if source is not None and _identity(source) != identity:
        raise PlanError(
            f"the output {shown(output)} of {shown(source)} would replace the input "
            f"{shown(replaced)}: write into another folder"
        )
    if not in_place:
        raise PlanError(
            f"the output {shown(output)} would replace the input {shown(replaced)}: "
            "pass --in-place to allow it"
        )


def _with_taken_numbers(planned: list[tuple[str, Destination]]) -> list[tuple[str, Destination]]:
    """Note, for each input, the numbered names (``story-2.html``) another input writes."""
    taken: dict[str, list[tuple[int, str]]] = {}
    for source, destination in planned:
        numbered = _NUMBERED.fullmatch(os.path.basename(destination.base))
        if numbered:
            taken.setdefault(_name_key(numbered[1]), []).append((int(numbered[2]), source))
    if not taken:
        return planned
    return [
        (source, Destination(d.base, d.extension, tuple(sorted(found))))
        if (found := taken.get(_name_key(os.path.basename(d.base))))
        else (source, d)
        for source, d in planned
    ]


def _name_key(name: str) -> str:
    """What a file system compares file names by (within one folder)."""
    return unicodedata.normalize("NFC", name).casefold() if _NAMES_IGNORE_CASE else name


def _identities(sources: Sequence[str]) -> dict[tuple[int, int], str]:
    """The inputs by file identity: links, other spellings and cases reach the same entry."""
    found: dict[tuple[int, int], str] = {}
    for source in sources:
        identity = _identity(source)
        if identity is not None:
            found.setdefault(identity, source)
    return found


def _identity(path: str) -> tuple[int, int] | None:
    if path == STDIO:
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # missing, unreadable, or a name holding a NUL
        return None
    return (status.st_dev, status.st_ino)
