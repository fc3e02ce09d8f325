"""Checking documents against official schema files (JSON Schema, XSD), offline.

The official schemas articlekit bundles live in ``articlekit/data/schemas`` (their sources and
licences in ``NOTICE.md`` there); a checker raises `ValidationError` listing every violation
(up to `MAX_VIOLATIONS`) with its place: the JSON path of a member, the path and line of an
element.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, Final

from lxml import etree

from articlekit._json_text import parse_json
from articlekit._xml import parse_xml
from articlekit.errors import ValidationError, Violation

Checker = Callable[[str | bytes], None]

SCHEMA_FOLDER: Final = Path(str(resources.files("articlekit") / "data" / "schemas"))
"""The bundled official schemas (a folder on disk: lxml resolves XSD imports by file name)."""

NINJS_VERSIONS: Final = ("1.4", "1.6", "2.1", "2.2", "3.0", "3.1")
"""The ninjs versions whose official JSON Schema is bundled."""

NEWSML_SCHEMA: Final = "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
NITF_SCHEMA: Final = "newsml-g2/nitf-3-6.xsd"

# A hostile document can break a rule at each of its elements: list enough to act on.
MAX_VIOLATIONS: Final = 100
# JSON Schema messages quote the offending value, which may be a whole article.
_MAX_MESSAGE: Final = 300

# ninjs 2.x and 3.x refer to GeoJSON by URL; offline, any geometry is taken as it is.
_OFFLINE_STAND_INS: dict[str, Any] = {"https://geojson.org/schema/GeoJSON.json": {}}

_MISSING_JSONSCHEMA: Final = (
    "checking against a JSON Schema needs the jsonschema package: "
    "pip install 'articlekit[validate]'"
)


def checker(path: Path) -> Checker:
    """Return a function that raises `ValidationError` for a document the schema at *path* refuses.

    ``.json`` files are JSON Schemas (needs the ``jsonschema`` package); ``.xsd`` files are XML
    Schemas, whose imports are looked up by file name beside *path*, never on the network.
    """
    if path.suffix == ".xsd":
        return _xsd_checker(path)
    if path.suffix == ".json":
        return _json_schema_checker(path)
    raise ValueError("a schema file ends with .json (JSON Schema) or .xsd (XML Schema)")


@functools.cache
def bundled_checker(name: str) -> Checker:
    """The checker of the bundled schema *name* (``ninjs/ninjs-schema_3.1.json``), made once."""
    return checker(SCHEMA_FOLDER / name)


def ninjs_checker(version: str) -> Checker:
    """The checker of the official ninjs JSON Schema of *version*.

    Raises:
        ValueError: No schema of *version* is bundled.
        ImportError: The ``jsonschema`` package is not installed.
    """
    if version not in NINJS_VERSIONS:
        raise ValueError(f"ninjs version {version!r}: one of {', '.join(NINJS_VERSIONS)}")
    return bundled_checker(f"ninjs/ninjs-schema_{version}.json")


def _refuse(schema: str, violations: list[Violation]) -> ValidationError:
    shown = violations[:MAX_VIOLATIONS]
    more = " (the first shown)" if len(violations) > MAX_VIOLATIONS else ""
    count = f"{len(shown)} violation{'s' if len(shown) != 1 else ''}{more}"
    lines = "".join(f"\n  {violation}" for violation in shown)
    return ValidationError(f"not valid against {schema}: {count}:{lines}", violations=shown)


def _first(found: Iterable[Violation]) -> list[Violation]:
    """At most one more than `MAX_VIOLATIONS` of *found*: enough to say there are more."""
    collected = []
    for violation in found:
        collected.append(violation)
        if len(collected) > MAX_VIOLATIONS:
            break
    return collected


# --- XML Schema ------------------------------------------------------------------------------


def _xsd_checker(path: Path) -> Checker:
    folder = path.resolve().parent
    resolver_base: Any = etree.Resolver  # lxml-stubs lag behind lxml's Resolver API

    class _Beside(resolver_base):  # type: ignore[misc]
        def resolve(self, url: str, pubid: str, context: Any) -> Any:
            local = folder / (url or "").rstrip("/").rsplit("/", 1)[-1]
            return self.resolve_filename(str(local), context) if local.is_file() else None

    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Beside())
    schema = etree.XMLSchema(etree.parse(str(path), parser))

    def check(data: str | bytes) -> None:
        root = parse_xml(data)
        if not schema.validate(root):
            log: Any = schema.error_log  # lxml-stubs lack the entries' fields
            raise _refuse(path.name, _first(_xsd_violations(root, log)))

    return check


def _xsd_violations(root: etree._Element, log: Iterable[Any]) -> Iterator[Violation]:
    tree = root.getroottree()
    for entry in log:
        yield Violation(_element_path(tree, entry.path), entry.message, entry.line or None)


def _element_path(tree: etree._ElementTree, node_path: str | None) -> str:
    """``newsMessage/itemSet/newsItem[2]``: libxml2's ``/*/*[2]`` spelled with local names."""
    try:
        found = tree.xpath(node_path) if node_path else []
    except etree.XPathError:
        return node_path or ""
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        return node_path or ""
    steps = [_step(element) for element in (found[0], *found[0].iterancestors())]
    return "/".join(reversed(steps))


def _step(element: etree._Element) -> str:
    name = etree.QName(element).localname
    parent = element.getparent()
    if parent is None:
        return name
    same = [sibling for sibling in parent if sibling.tag == element.tag]
    return name if len(same) == 1 else f"{name}[{same.index(element) + 1}]"


# --- JSON Schema -----------------------------------------------------------------------------


def _json_schema_checker(path: Path) -> Checker:
    try:
        import jsonschema
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError as error:
        raise ImportError(_MISSING_JSONSCHEMA) from error
    schema = json.loads(path.read_text(encoding="utf-8"))
    registry: Any = Registry().with_resources(
        (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
        for uri, contents in _OFFLINE_STAND_INS.items()
    )
    validator = jsonschema.validators.validator_for(schema)(schema, registry=registry)

    def check(data: str | bytes) -> None:
        document = parse_json(data)
        violations = _first(_json_violations(validator, document))
        if violations:
            raise _refuse(path.name, violations)

    return check


def _json_violations(validator: Any, document: Any) -> Iterator[Violation]:
    """Each item's violations; a JSON array is a list of items, as ninjs feeds send them."""
    from jsonschema.exceptions import best_match

    items = enumerate(document) if isinstance(document, list) else [(None, document)]
    for index, item in items:
        prefix = [] if index is None else [index]
        for error in validator.iter_errors(item):
            # An anyOf/oneOf error holds why each branch failed: name the likeliest one.
            cause = best_match([error])
            where = _json_path([*prefix, *cause.absolute_path])
            yield Violation(where, _shortened(cause.message))


def _json_path(steps: Iterable[str | int]) -> str:
    text = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in steps)
    return text.removeprefix(".")


def _shortened(message: str) -> str:
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "…"
