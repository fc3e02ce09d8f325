"""The fast way from parsed articlekit JSON to models: one pass, text checked in bulk.

Building a model the usual way converts and checks every field on its own: a dozen calls per
text, which is most of the time `articlekit.json.loads` takes. Documents articlekit wrote hold
canonical values already, so this builder checks every JSON type on the way down, collects the
plain texts and the markup fragments, and proves them canonical all at once (a few passes in C
over the joined strings, `articlekit.inline._are_canonical`). The objects are built without
their converters; every other field still goes through its converter and validator, and every
`__attrs_post_init__` runs, so what is built is what the constructors would have built.

Anything unusual (a missing or unknown field, a value of the wrong JSON type, a text that is
not canonical yet) makes `build_article` return ``None``, and the caller takes the general path,
which converts what can be converted and reports what cannot with the path of the field.

The builders are generated from the models' attrs fields, once, at import: a new field needs no
change here, only a field kind this module does not know does (it raises at import).
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Final, Union

import attrs

from articlekit import _validate as v
from articlekit._convert import BLOCK_TAGS, parse_datetime
from articlekit._text import is_canonical_text
from articlekit.errors import ValidationError
from articlekit.inline import _are_canonical
from articlekit.model import Article, Block

__all__ = ["build_article", "build_blocks", "texts_are_canonical"]

# A builder takes a JSON object and the lists that collect plain texts and markup fragments.
_Builder = Callable[[Any, list[str], list[str]], Any]

_TEXT_CONVERTERS: Final[set[object]] = {v.required_text, v.optional_text}
_TEXT_VALIDATORS: Final[set[object]] = {v.check_required_text, v.check_optional_text}
_MISSING: Final = object()


class _Declined(Exception):  # noqa: N818 - not an error: a signal to take the general path
    """The data is not what this builder takes; the general path will say what is wrong."""


def build_article(fields: dict[str, Any]) -> Article | None:
    """Build the article *fields* describe, or return ``None`` if it needs the general path.

    *fields* is the parsed JSON object of an article without its format version.
    """
    texts: list[str] = []
    fragments: list[str] = []
    try:
        article: Article = _BUILDERS[Article](fields, texts, fragments)
    except Exception:  # any surprise means: let the general path decide and say what is wrong
        return None
    return article if _all_kept(texts, fragments) else None


def build_blocks(documents: Sequence[dict[str, Any]]) -> list[Block] | None:
    """Build body blocks from their JSON objects the fast way, or return ``None``.

    For readers of other formats: they describe each block as its articlekit JSON object, and
    build the blocks with their constructors (which say what is wrong, and where) on ``None``.
    """
    texts: list[str] = []
    fragments: list[str] = []
    try:
        blocks = [
            _BLOCK_BUILDERS[document["type"]](document, texts, fragments) for document in documents
        ]
    except Exception:  # any surprise means: let the constructors decide and say what is wrong
        return None
    return blocks if _all_kept(texts, fragments) else None


def _all_kept(texts: list[str], fragments: list[str]) -> bool:
    """Tell whether the models keep every plain text and markup fragment exactly as it is."""
    if not (texts_are_canonical(texts) or all(_kept(text, v.required_text) for text in texts)):
        return False
    return _are_canonical(fragments) or all(_kept(item, v.inline) for item in fragments)


def texts_are_canonical(texts: Sequence[str]) -> bool:
    """Tell whether the model would keep every one-line text in *texts* exactly as it is.

    A "no" may be wrong (the text may need a check that is slower in C, such as for a no-break
    space), a "yes" never is.
    """
    if not texts:
        return True
    if "" in texts:
        return False
    joined = "".join(texts)
    if not is_canonical_text(joined):  # printable (no newline), no double space, NFC
        return False
    # Now no text holds a newline, so between texts newlines find the ends of each one.
    ends = "\n".join(texts)
    return " \n" not in ends and "\n " not in ends and ends[0] != " " and ends[-1] != " "


def _kept(value: str, convert: Callable[[str], str]) -> bool:
    """Tell whether the field *convert* belongs to keeps *value* as it is and accepts it."""
    converted = convert(value)  # a failure comes back as a Refused, which is not a plain str
    if type(converted) is not str or converted != value:
        return False
    try:
        v.check_text(converted, "", required=True, what="markup" if convert is v.inline else "text")
    except ValidationError:
        return False
    return True


def _without_none(hint: Any) -> tuple[Any, bool]:
    """Split ``X | None`` into ``X`` and whether None is allowed."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(args) < len(typing.get_args(hint)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return hint, False


def _is_model(hint: Any) -> bool:
    return attrs.has(hint) if isinstance(hint, type) else False


def _field_code(cls: type, field: attrs.Attribute[Any], hint: Any, names: dict[str, Any]) -> str:
    """Return the lines that read, check and store *field* from the JSON object ``d``."""
    key = field.name
    converter: object = field.converter
    validator: object = field.validator
    base, optional = _without_none(hint)
    names[f"A_{key}"] = field
    names[f"V_{key}"] = field.validator
    names[f"C_{key}"] = field.converter
    none_ok = "x is None or " if optional else ""
    checked = f"        V_{key}(self, A_{key}, x)" if field.validator is not None else ""
    converted = f"        x = C_{key}(x)" if field.converter is not None else ""
    if converter in _TEXT_CONVERTERS and validator in _TEXT_VALIDATORS:
        body = [
            "        if type(x) is str: P.append(x)",
            f"        elif not ({none_ok}False): raise Declined",
        ]
    elif converter is v.texts:
        body = [
            "        if type(x) is not list or not all(type(i) is str for i in x): raise Declined",
            "        P.extend(x); x = tuple(x)",
        ]
    elif converter is v.inline:
        body = ["        if type(x) is not str: raise Declined", "        M.append(x)"]
    elif converter is v.inlines:
        body = [
            "        if type(x) is not list or not x: raise Declined",
            "        if not all(type(i) is str for i in x): raise Declined",
            "        M.extend(x); x = tuple(x)",
        ]
    elif typing.get_origin(base) is tuple:
        item = typing.get_args(base)[0]
        if item is Block:  # the builder of each block is the one its "type" names
            names["BLOCKS"] = _BLOCK_BUILDERS
            build = "BLOCKS[i['type']](i, P, M)"
        else:
            names[f"B_{key}"] = _builder_of(item)
            build = f"B_{key}(i, P, M)"
        body = [
            "        if type(x) is not list: raise Declined",
            f"        x = tuple([{build} for i in x])",
            checked,
        ]
    elif _is_model(base):
        names[f"B_{key}"] = _builder_of(base)
        body = [f"        if x is not None: x = B_{key}(x, P, M)"] + (
            [] if optional else ["        else: raise Declined"]
        )
        body.append(checked)
    elif base is datetime:
        names["parse_datetime"] = parse_datetime
        body = [
            "        if type(x) is str: x = parse_datetime(x)",
            f"        elif not ({none_ok}False): raise Declined",
            checked,
        ]
    elif isinstance(base, type) and issubclass(base, enum.Enum):
        names[f"E_{key}"] = base
        make = f"C_{key}(x)" if field.converter is not None else f"E_{key}(x)"
        body = ["        if type(x) is not str: raise Declined", f"        x = {make}", checked]
    elif base in (str, int, bool):
        names[f"T_{key}"] = base
        body = [
            f"        if not ({none_ok}type(x) is T_{key}): raise Declined",
            converted,
            checked,
        ]
    else:
        raise TypeError(f"no fast builder for {cls.__name__}.{key}: {hint!r}")
    if field.default is attrs.NOTHING:
        head = [f"    x = d[{key!r}]", "    if True:"]
    else:
        names[f"D_{key}"] = field.default
        head = [
            f"    x = d.get({key!r}, MISSING)",
            f"    if x is MISSING: x = D_{key}",
            "    else:",
        ]
    slot = inspect.getattr_static(cls, key, None)
    if isinstance(slot, types.MemberDescriptorType):  # attrs classes have slots: set it directly
        names[f"S_{key}"] = slot.__set__
        store = f"    S_{key}(self, x)"
    else:
        store = f"    setattr(self, {key!r}, x)"
    return "\n".join([*head, *[line for line in body if line], store])


_BUILDERS: dict[type, _Builder] = {}
_BLOCK_BUILDERS: dict[str, _Builder] = {}  # by the "type" that names each kind of block


def _builder_of(cls: type) -> _Builder:
    """Return the builder of the model class *cls*, generating it on first use."""
    known = _BUILDERS.get(cls)
    if known is not None:
        return known
    names: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "setattr": object.__setattr__,
        "MISSING": _MISSING,
        "Declined": _Declined,
    }
    keys = {field.name for field in attrs.fields(cls)}
    if cls in BLOCK_TAGS:
        keys.add("type")
    names["KEYS"] = frozenset(keys)
    hints = typing.get_type_hints(cls)
    lines = [
        "def build(d, P, M):",
        "    if not d.keys() <= KEYS: raise Declined",
        "    self = new(cls)",
    ]
    lines += [_field_code(cls, field, hints[field.name], names) for field in attrs.fields(cls)]
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    source = "\n".join(lines)
    exec(compile(source, f"<articlekit fast builder of {cls.__name__}>", "exec"), names)  # noqa: S102 - generated from the models' own fields
    builder: _Builder = names["build"]
    _BUILDERS[cls] = builder
    return builder


_BLOCK_BUILDERS.update({tag: _builder_of(kind) for kind, tag in BLOCK_TAGS.items()})
_builder_of(Article)
