"""Reading from and writing to the binary files the format modules' ``load``/``dump`` take."""

from __future__ import annotations

import io
from typing import IO


def read_binary(fp: IO[bytes]) -> bytes:
    """Read all of a binary file; a text-mode file gets a `TypeError` that says what to do."""
    data: object = fp.read()
    if isinstance(data, str):
        raise TypeError("the file is open in text mode: open it in binary mode ('rb')")
    if not isinstance(data, bytes):
        raise TypeError(f"expected a binary file, got one that reads {type(data).__name__}")
    return data


def write_binary(fp: IO[bytes], data: bytes) -> None:
    """Write bytes to a binary file; a text-mode file gets a `TypeError` that says what to do."""
    target: object = fp
    if isinstance(target, io.TextIOBase):
        raise TypeError("the file is open in text mode: open it in binary mode ('wb')")
    fp.write(data)
