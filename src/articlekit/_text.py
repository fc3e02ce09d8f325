"""Canonical plain text: XML-safe, NFC, with runs of white space folded to one space."""

from __future__ import annotations

import re
import unicodedata

from articlekit.errors import ValidationError

# XML 1.0 section 2.2 allows tab, LF and CR among the C0 controls; HTML calls DEL and the C1
# controls parse errors, and no news text needs any of them. Surrogates (lone ones, as Python
# strings can hold) and the non-characters U+FFFE/U+FFFF cannot be written as XML at all.
FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Only ASCII white space: HTML folds these and nothing else, so U+00A0 (no-break space) and
# the other Unicode spaces keep their meaning.
_ASCII_SPACE_RUN = re.compile("[ \t\n\r]+")


def check_xml_safe(text: str) -> None:
    """Raise `ValidationError` if *text* holds a character XML or HTML cannot carry."""
    if text.isprintable():  # the common case, in C: no control, surrogate or non-character
        return
    found = FORBIDDEN_CHARACTER.search(text)
    if found is not None:
        raise ValidationError(
            f"character U+{ord(found.group()):04X} at offset {found.start()} is not allowed "
            "in text (control characters, lone surrogates and U+FFFE/U+FFFF cannot be written "
            "to XML or HTML)"
        )


def fold_space(text: str) -> str:
    """Fold runs of ASCII white space to one space and strip both ends."""
    if not (
        "  " in text or "\n" in text or "\t" in text or "\r" in text
        or text[:1] == " " or text[-1:] == " "
    ):  # fmt: skip
        return text
    return _ASCII_SPACE_RUN.sub(" ", text).strip(" ")


def nfc(text: str) -> str:
    """Return *text* in Unicode normalisation form C."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def is_canonical_text(text: str) -> bool:
    """Tell, in C-level string operations, whether *text* is canonical one-line text already."""
    return (
        text.isprintable()  # no control character (tab, LF, CR included), surrogate or U+FFFE
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
    )


def canonical_text(text: str) -> str:
    """Return the canonical form of a one-line plain text value; check it is XML-safe."""
    if not isinstance(text, str):
        raise ValidationError(f"expected text, got {type(text).__name__}")
    if is_canonical_text(text):
        return text
    check_xml_safe(text)
    return nfc(fold_space(text))
