"""The JSON Schema of articlekit JSON, derived from the models' fields and validators."""

from __future__ import annotations

import enum
import types
from datetime import datetime
from typing import Any, Final, Union, get_args, get_origin, get_type_hints

import attrs

from articlekit import _validate as v
from articlekit._convert import BLOCK_TAGS
from articlekit.model import Article, Block, Byline, Photo, Rendition, Topic

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
_SCHEMA_ID: Final = "https://articlekit.readthedocs.io/en/latest/_static/article-{version}.json"

# One-line text: no tab, CR or LF, no space at either end (ECMA-262 \s would also match
# U+00A0, which canonical text may start with).
_TEXT: Final = {"type": "string", "minLength": 1, "pattern": r"^[^ \t\n\r]([^\t\n\r]*[^ \t\n\r])?$"}
_URI: Final = {"type": "string", "pattern": r"^\S+$"}
_WEB_URL: Final = {"type": "string", "format": "uri", "pattern": r"^https?://\S+$"}
_COUNT: Final = {"type": "integer", "minimum": 1, "maximum": v.MAX_INT}

# What each field validator allows, as far as JSON Schema can say it.
_BY_VALIDATOR: Final[dict[Any, dict[str, Any]]] = {
    v.check_required_text: _TEXT,
    v.check_optional_text: _TEXT,
    v.check_inline: {"type": "string", "minLength": 1},
    v.check_identifier: _URI,
    v.check_link_uri: {"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$"},
    v.check_web_url: _WEB_URL,
    v.check_image_url: {"type": "string", "pattern": r"^(https?://|data:image/)\S+$"},
    v.check_email: {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+$"},
    v.check_language: {"type": "string", "pattern": r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$"},
    v.check_media_type: {"type": "string", "pattern": r"^[a-z0-9][^/\s]*/[a-z0-9][^/\s]*$"},
    v.check_count: _COUNT,
    v.check_index: {"type": "integer", "minimum": 0, "maximum": v.MAX_INT},
    v.check_urgency: {"type": "integer", "minimum": v.URGENCY_MOST, "maximum": v.URGENCY_LEAST},
    v.check_bool: {"type": "boolean"},
    v.check_datetime: {"type": "string", "format": "date-time"},
    v.check_texts: {"type": "array", "items": _TEXT},
    v.check_inlines: {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
}
_LEVEL: Final = {"type": "integer", "minimum": 2, "maximum": 6}


def article_schema(*, version_key: str, version: int) -> dict[str, Any]:
    """Return the schema of an articlekit JSON document of format *version*."""
    definitions: dict[str, Any] = {}
    for model in (Byline, Rendition, Photo, Topic, *BLOCK_TAGS):
        definitions[model.__name__] = _object_schema(model)
    definitions["Block"] = {"oneOf": [{"$ref": f"#/$defs/{kind.__name__}"} for kind in BLOCK_TAGS]}
    article = _object_schema(Article)
    article["properties"] = {
        version_key: {"const": version, "description": "The articlekit JSON format version."},
        **article["properties"],
    }
    article["required"] = [version_key, *article["required"]]
    return {
        "$schema": _DRAFT,
        "$id": _SCHEMA_ID.format(version=version),
        "title": f"articlekit JSON, format version {version}",
        **article,
        "$defs": definitions,
    }


def _object_schema(model: type) -> dict[str, Any]:
    hints = get_type_hints(model)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(model):
        properties[field.name] = _field_schema(field, hints[field.name])
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {"type": "object"}
    tag = BLOCK_TAGS.get(model)
    if tag is not None:
        properties = {"type": {"const": tag}, **properties}
        required.insert(0, "type")
    schema["properties"] = properties
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _field_schema(field: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
    if field.name == "level":
        return dict(_LEVEL)
    known = _BY_VALIDATOR.get(field.validator)
    if known is not None:
        return dict(known)
    return _type_schema(hint)


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        if options and all(attrs.has(option) for option in options) and len(options) > 1:
            return {"$ref": "#/$defs/Block"}
        return _type_schema(options[0])
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(hint)[0])}
    if hint is Block:
        return {"$ref": "#/$defs/Block"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new field type
