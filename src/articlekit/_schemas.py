"""Checking documents against official schema files (JSON Schema, XSD), offline."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from articlekit._xml import parse_xml
from articlekit.errors import ValidationError

# ninjs 2.x and 3.x refer to GeoJSON by URL; offline, any geometry is taken as it is.
_OFFLINE_STAND_INS: dict[str, Any] = {"https://geojson.org/schema/GeoJSON.json": {}}


def checker(path: Path) -> Callable[[bytes], None]:
    """Return a function that raises `ValidationError` for a document the schema at *path* refuses.

    ``.json`` files are JSON Schemas (needs the ``jsonschema`` package); ``.xsd`` files are XML
    Schemas, whose imports are looked up by file name beside *path*, never on the network.
    """
    if path.suffix == ".xsd":
        return _xsd_checker(path)
    if path.suffix == ".json":
        return _json_schema_checker(path)
    raise ValueError("a schema file ends with .json (JSON Schema) or .xsd (XML Schema)")


def _xsd_checker(path: Path) -> Callable[[bytes], None]:
    folder = path.resolve().parent

    resolver_base: Any = etree.Resolver  # lxml-stubs lag behind lxml's Resolver API

    class _Beside(resolver_base):  # type: ignore[misc]
        def resolve(self, url: str, pubid: str, context: Any) -> Any:
            local = folder / (url or "").rstrip("/").rsplit("/", 1)[-1]
            return self.resolve_filename(str(local), context) if local.is_file() else None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Beside())
    schema = etree.XMLSchema(etree.parse(str(path), parser))

    def check(data: bytes) -> None:
        if not schema.validate(parse_xml(data)):
            log: Any = schema.error_log  # lxml-stubs lack last_error
            error = log.last_error
            raise ValidationError(
                f"not valid against {path.name}: {error.message} (line {error.line})"
            )

    return check


def _json_schema_checker(path: Path) -> Callable[[bytes], None]:
    try:
        import jsonschema
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError as error:
        raise ImportError("checking a JSON Schema needs: pip install jsonschema") from error
    schema = json.loads(path.read_text(encoding="utf-8"))
    registry: Any = Registry().with_resources(
        (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
        for uri, contents in _OFFLINE_STAND_INS.items()
    )
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, registry=registry)

    def check(data: bytes) -> None:
        document = json.loads(data)
        for item in document if isinstance(document, list) else [document]:
            error = jsonschema.exceptions.best_match(validator.iter_errors(item))
            if error is not None:
                where = "".join(
                    f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path
                )
                raise ValidationError(
                    f"not valid against {path.name}: {error.message}", path=where.lstrip(".")
                )

    return check
