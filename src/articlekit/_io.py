"""Reading from and writing to the binary files the format modules' ``load``/``dump`` take."""

from __future__ import annotations

import io
from typing import IO, Final, cast

from articlekit import _xml
from articlekit.errors import ParseError

MAX_BYTES: Final = _xml.MAX_BYTES
"""The largest file `read_binary` reads: the limit of every reader's ``loads``, 64 MiB."""


def read_binary(fp: IO[bytes]) -> bytes:
    """Read all of a binary file; a text-mode file gets a `TypeError` that says what to do.

    Raises:
        ParseError: The file holds more than `MAX_BYTES`; no more than that is read.
    """
    data: object = fp.read(MAX_BYTES + 1)
    if isinstance(data, str):
        raise TypeError("the file is open in text mode: open it in binary mode ('rb')")
    if not isinstance(data, bytes):
        raise TypeError(f"expected a binary file, got one that reads {type(data).__name__}")
    if len(data) > MAX_BYTES:
        raise ParseError(f"document too large: more than {MAX_BYTES} bytes, the limit")
    return data


def write_binary(fp: IO[bytes], data: bytes) -> None:
    """Write bytes to a binary file; a text-mode file gets a `TypeError` that says what to do."""
    target: object = fp
    if isinstance(target, io.TextIOBase):
        raise TypeError("the file is open in text mode: open it in binary mode ('wb')")
    fp.write(data)


def without_name(fp: IO[bytes]) -> IO[bytes]:
    """*fp* seen through its ``read`` method alone, for parsers that would use its ``name``.

    lxml takes a file's ``name`` as the document's base URL and fails with
    `UnicodeEncodeError` on one that is not valid UTF-8 (on Linux, ``os.fsdecode`` keeps an
    undecodable byte of a file name as a lone surrogate); articlekit resolves no URL against
    it, so it passes none.
    """
    return cast("IO[bytes]", _Reader(fp))  # lxml calls read() and nothing else


class _Reader:
    """An object with a binary file's ``read`` and nothing else."""

    def __init__(self, fp: IO[bytes]) -> None:
        self.read = fp.read
