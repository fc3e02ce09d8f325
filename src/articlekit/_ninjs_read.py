"""Reading a ninjs 1.x, 2.x or 3.x item into an article."""

from __future__ import annotations

import re
from typing import Any

from articlekit._convert import parse_datetime
from articlekit._ninjs_html import blocks_from_html, blocks_from_text
from articlekit._ninjs_names import (
    BYLINE_RELS,
    CAMEL,
    COLLECTIONS,
    CREATOR,
    HEADLINE_ROLES,
    HTML_TYPES,
    KICKER_ROLES,
    KIND_ORDER,
    LOWER,
    MAIN_RENDITION,
    NO_URI,
    READS,
    SCHEMA_VERSION,
    SUB_ROLES,
    SUMMARY_ROLES,
    TOPIC_ORDER_ROLE,
    WHERE,
    rename,
)
from articlekit._text import check_xml_safe
from articlekit.errors import UnsupportedError, ValidationError, join_path
from articlekit.model import Article, Block, Byline, Photo, Rendition, Topic, TopicKind

__all__ = ["read_document"]


def read_document(document: Any) -> Article:
    """Build an article from one parsed ninjs item of any version read."""
    if not isinstance(document, dict):
        raise ValidationError(
            f"expected a JSON object holding one ninjs item, got {_kind(document)}"
        )
    major = _major_version(document)
    camel = major == 3
    if major == 1:
        document = _from_1x(document)
    else:
        # 2.x has no camelCase names, so renaming is harmless there; providers do mix them.
        renamed = rename(document, LOWER)
        camel = camel or renamed != document
        document = renamed
    try:
        return _read_article(document)
    except ValidationError as error:
        if not camel:
            raise
        path = re.sub(r"[A-Za-z_]+", lambda m: CAMEL.get(m.group(), m.group()), error.path)
        raise ValidationError(error.message, path=path) from None


def _major_version(document: dict[str, Any]) -> int:
    """Tell the major version of an item: the declared one, or the one its shape shows."""
    declared = None
    standard = document.get("standard", document.get("$standard"))
    if isinstance(standard, dict):
        name = standard.get("name")
        if isinstance(name, str) and name.strip().lower() != "ninjs":
            raise UnsupportedError(f"the item declares the standard {name!r}, not ninjs")
        version, schema = standard.get("version"), standard.get("schema")
        if isinstance(version, str):
            declared = version
        elif isinstance(schema, str) and SCHEMA_VERSION.search(schema):
            declared = SCHEMA_VERSION.search(schema).group(1)  # type: ignore[union-attr]
    schema = document.get("$schema")
    if declared is None and isinstance(schema, str) and SCHEMA_VERSION.search(schema):
        declared = SCHEMA_VERSION.search(schema).group(1)  # type: ignore[union-attr]
    if declared is not None:
        match = re.fullmatch(r"\s*([0-9]{1,4})\.([0-9]{1,4})(?:\.[0-9]{1,4})*\s*", declared)
        if match is None or int(match.group(2)) not in READS.get(int(match.group(1)), ()):
            known = "1.0-1.6, 2.0-2.2 and 3.0-3.1"
            raise UnsupportedError(
                f"ninjs version {declared!r} is not read; this release reads {known}"
            )
        return int(match.group(1))
    one = {"headline", "byline", "subject", "person", "place", "organisation", "$standard"}
    if any(
        key in one or key.startswith(("headline_", "body_", "description_")) for key in document
    ):
        return 1
    if isinstance(document.get("associations"), dict) or isinstance(
        document.get("renditions"), dict
    ):
        return 1
    return 3 if any(key in LOWER for key in document) else 2


def _kind(value: object) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number"}
    names.update({list: "an array", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _text(obj: dict[str, Any], key: str, path: str = "") -> str | None:
    value = obj.get(key)
    if value is None or type(value) is str:
        return value
    raise ValidationError(
        f"expected a string, got {_kind(value)}", path=join_path(path, key) if path else key
    )


def _objects(obj: dict[str, Any], key: str, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """The objects of the array *key*, each with its path."""
    where = join_path(path, key) if path else key
    value = obj.get(key)
    if value is None:
        return []
    if type(value) is not list:
        raise ValidationError(f"expected an array, got {_kind(value)}", path=where)
    items = []
    for index, item in enumerate(value):
        if type(item) is not dict:
            raise ValidationError(
                f"expected an object, got {_kind(item)}", path=f"{where}[{index}]"
            )
        items.append((f"{where}[{index}]", item))
    return items


def _size(obj: dict[str, Any], key: str, path: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is float and value.is_integer():  # 2.x types sizes as "number"
        return int(value)
    if type(value) is not int:
        raise ValidationError(f"expected an integer, got {_kind(value)}", path=join_path(path, key))
    return value


def _moment(obj: dict[str, Any], key: str) -> Any:
    value = _text(obj, key)
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValidationError as error:
        raise ValidationError(error.message, path=key) from None


def _model(model: type[Any], path: str, **fields: Any) -> Any:
    """Build a model, locating its validation errors in the document."""
    try:
        return model(**fields)
    except ValidationError as error:
        head, _, rest = error.path.partition(".")
        name, bracket, index = head.partition("[")
        inner = WHERE.get(name, name) + (bracket + index if bracket else "")
        inner = f"{inner}.{rest}" if rest else inner
        raise ValidationError(
            error.message, path=join_path(path, inner) if path else inner
        ) from None


def _plain(item: dict[str, Any], path: str) -> str | None:
    """The value of a headline or description as plain text (markup is read as HTML)."""
    value = _text(item, "value", path)
    if value is None:
        raise ValidationError("required field is missing", path=join_path(path, "value"))
    kind = (_text(item, "contenttype", path) or "").lower()
    if "html" in kind:
        try:
            check_xml_safe(value)
            paragraphs = blocks_from_html(value, lambda name, src: None)
        except ValidationError as error:
            raise ValidationError(error.message, path=join_path(path, "value")) from None
        return " ".join(getattr(block, "plain_text", "") for block in paragraphs) or None
    return value


def _by_role(items: list[tuple[str, dict[str, Any]]], roles: frozenset[str]) -> str | None:
    for path, item in items:
        if (_text(item, "role", path) or "").lower() in roles:
            return _plain(item, path)
    return None


def _read_article(doc: dict[str, Any]) -> Article:
    uri = _text(doc, "uri")
    if uri is None:
        raise ValidationError("required field is missing", path="uri")
    headlines = _objects(doc, "headlines")
    descriptions = _objects(doc, "descriptions")
    headline = _by_role(headlines, HEADLINE_ROLES)
    if headline is None:
        no_role = [entry for entry in headlines if entry[1].get("role") is None]
        headline = _plain(no_role[0][1], no_role[0][0]) if no_role else None
    headline = headline or _text(doc, "title") or _text(doc, "slugline") or uri
    summary = _by_role(descriptions, SUMMARY_ROLES)
    if summary is None:
        plain = [(p, d) for p, d in descriptions if (_text(d, "role", p) or "text") == "text"]
        summary = _plain(plain[0][1], plain[0][0]) if plain else None
    version = _text(doc, "version")
    if version is not None and not re.fullmatch("[0-9]{1,10}", version.strip()):
        raise ValidationError(f"{version!r} is not a version number like '1'", path="version")
    url, photos = _read_root_renditions(doc, uri)
    photos += [
        photo for photo in (_read_photo(p, a) for p, a in _objects(doc, "associations")) if photo
    ]
    names = {name: i for i, name in enumerate(_association_names(doc)) if name is not None}
    bylines, topics, keywords = _read_people_and_topics(doc)
    provider = next(
        (
            _text(s, "name", p)
            for p, s in _objects(doc, "infosources")
            if s.get("role") == "provider"
        ),
        None,
    )
    return _model(  # type: ignore[no-any-return]
        Article,
        "",
        uri=uri,
        # Providers such as AP count versions from 0; the model counts from 1.
        version=max(int(version), 1) if version is not None else 1,
        url=url,
        language=_text(doc, "language"),
        headline=headline,
        subheadline=_by_role(headlines, SUB_ROLES),
        kicker=_by_role(headlines, KICKER_ROLES),
        section=_by_role(descriptions, frozenset({"section"})),
        summary=summary,
        slugline=_text(doc, "slugline"),
        bylines=bylines or _byline_of_by(doc),
        photos=photos,
        topics=topics,
        keywords=keywords,
        body=_read_body(doc, photos, names),
        created=_moment(doc, "contentcreated"),
        published=_moment(doc, "firstcreated"),
        updated=_moment(doc, "versioncreated"),
        embargoed=_moment(doc, "embargoed"),
        dateline=_by_role(descriptions, frozenset({"dateline"})),
        located=_text(doc, "located"),
        status=_text(doc, "pubstatus") or "usable",
        provider=provider,
        copyright_holder=_text(doc, "copyrightholder"),
        copyright_notice=_text(doc, "copyrightnotice"),
        usage_terms=_text(doc, "usageterms"),
        editor_note=_text(doc, "ednote"),
    )


def _byline_of_by(doc: dict[str, Any]) -> list[Byline]:
    """One byline from ``by`` when no person is marked as creator: ``by`` is free text."""
    by = _text(doc, "by")
    if by is None or not by.strip():
        return []
    try:
        return [Byline(name=by)]
    except ValidationError as error:
        raise ValidationError(error.message, path="by") from None


def _association_names(doc: dict[str, Any]) -> list[str | None]:
    """The names of the associations read as photos, in the order of the article's photos."""
    root = [None] if _root_photo_renditions(doc) else []
    return root + [
        _text(a, "name", p) for p, a in _objects(doc, "associations") if _is_picture(a, p)
    ]


def _is_picture(item: dict[str, Any], path: str) -> bool:
    return (_text(item, "type", path) or "picture") in {"picture", "graphic"}


def _root_photo_renditions(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (p, r)
        for p, r in _objects(doc, "renditions")
        if (_text(r, "contenttype", p) or "").lower() not in HTML_TYPES and r.get("href")
    ]


def _read_root_renditions(doc: dict[str, Any], uri: str) -> tuple[str | None, list[Photo]]:
    url = next(
        (
            _text(r, "href", p)
            for p, r in _objects(doc, "renditions")
            if (_text(r, "contenttype", p) or "").lower() in HTML_TYPES
        ),
        None,
    )
    renditions = [_read_rendition(p, r) for p, r in _root_photo_renditions(doc)]
    if not renditions:
        return url, []
    return url, [_model(Photo, "renditions", uri=uri, renditions=renditions)]


def _read_rendition(path: str, item: dict[str, Any]) -> Rendition:
    return _model(  # type: ignore[no-any-return]
        Rendition,
        path,
        name=_text(item, "name", path) or "",
        href=_text(item, "href", path),
        width=_size(item, "width", path),
        height=_size(item, "height", path),
        media_type=_text(item, "contenttype", path),
    )


def _read_photo(path: str, item: dict[str, Any]) -> Photo | None:
    if not _is_picture(item, path):
        return None
    uri = _text(item, "uri", path)
    if uri is not None and uri.startswith(NO_URI):
        uri = None
    main: dict[str, Any] = {}
    renditions = []
    for index, (where, rendition) in enumerate(_objects(item, "renditions", path)):
        if index == 0 and rendition.get("name") == MAIN_RENDITION:
            main = {
                "href": _text(rendition, "href", where),
                "width": _size(rendition, "width", where),
                "height": _size(rendition, "height", where),
                "media_type": _text(rendition, "contenttype", where),
            }
        elif rendition.get("href") is not None:  # a rendition without a file is no image
            renditions.append(_read_rendition(where, rendition))
    descriptions = _objects(item, "descriptions", path)
    caption = _by_role(descriptions, frozenset({"caption"}))
    if caption is None:
        plain = [(p, d) for p, d in descriptions if (_text(d, "role", p) or "text") == "text"]
        caption = _plain(plain[0][1], plain[0][0]) if plain else None
    creators = [_read_byline(p, person) for p, person in _objects(item, "people", path)
                if _is_byline(person, p)]  # fmt: skip
    return _model(  # type: ignore[no-any-return]
        Photo,
        path,
        uri=uri,
        caption=caption,
        credit=_text(item, "by", path),
        alt_text=_by_role(descriptions, frozenset({"alt", "alttext", "alt_text"})),
        photographer=creators[0] if creators else None,
        copyright_notice=_text(item, "copyrightnotice", path),
        renditions=renditions,
        **main,
    )


def _is_byline(person: dict[str, Any], path: str) -> bool:
    rel = (_text(person, "rel", path) or "").lower()
    return rel in BYLINE_RELS or rel.startswith(CREATOR + ":")


def _read_byline(path: str, person: dict[str, Any]) -> Byline:
    rel = _text(person, "rel", path) or ""
    role = rel.partition(":")[2] or None if rel.lower().startswith(CREATOR + ":") else None
    contacts: dict[str, str | None] = {}
    for where, contact in _objects(person, "contactinfo", path):
        kind = (_text(contact, "type", where) or "").lower()
        if kind in {"email", "affiliation", "bio"} and kind not in contacts:
            contacts[kind] = _text(contact, "value", where)
    return _model(  # type: ignore[no-any-return]
        Byline,
        path,
        name=_text(person, "name", path) or "",
        role=role,
        uri=_text(person, "uri", path),
        **contacts,
    )


def _read_people_and_topics(doc: dict[str, Any]) -> tuple[list[Byline], list[Topic], list[str]]:
    bylines: list[Byline] = []
    keywords: list[str] = []
    by_kind: dict[TopicKind, list[Topic]] = {kind: [] for kind in COLLECTIONS}
    for kind, collection in COLLECTIONS.items():
        for path, item in _objects(doc, collection):
            rel = (_text(item, "rel", path) or "").lower()
            if kind is TopicKind.PERSON and _is_byline(item, path):
                bylines.append(_read_byline(path, item))
            elif kind is TopicKind.SUBJECT and rel == "keyword" and _text(item, "name", path):
                keywords.append(_text(item, "name", path) or "")
            else:
                by_kind[kind].append(
                    _model(
                        Topic,
                        path,
                        kind=kind,
                        name=_text(item, "name", path),
                        uri=_text(item, "uri", path),
                        code=_text(item, "literal", path),
                    )
                )
    topics = [topic for kind in COLLECTIONS for topic in by_kind[kind]]
    order = next(
        (
            _text(a, "value", p)
            for p, a in _objects(doc, "altids")
            if a.get("role") == TOPIC_ORDER_ROLE
        ),
        None,
    )
    if order is not None:
        try:
            kinds = [TopicKind(name) for name in order.split()]
        except ValueError:
            kinds = []
        if sorted(kinds, key=KIND_ORDER.__getitem__) == [t.kind for t in topics]:
            queues = {kind: iter(items) for kind, items in by_kind.items()}
            topics = [next(queues[kind]) for kind in kinds]
    return bylines, topics, keywords


def _read_body(doc: dict[str, Any], photos: list[Photo], names: dict[str, int]) -> list[Block]:
    bodies = _objects(doc, "bodies")
    if not bodies:
        return []

    def rank(entry: tuple[str, dict[str, Any]]) -> int:
        kind = (_text(entry[1], "contenttype", entry[0]) or "").lower()
        return 0 if "html" in kind else 1 if not kind else 2

    path, body = min(bodies, key=rank)
    value = _text(body, "value", path)
    if value is None:
        raise ValidationError("required field is missing", path=join_path(path, "value"))
    kind = (_text(body, "contenttype", path) or "").lower()

    def photo_index(name: str | None, src: str | None) -> int | None:
        if name is not None and name in names:
            return names[name]
        for index, photo in enumerate(photos):
            if src is not None and (
                photo.href == src or any(r.href == src for r in photo.renditions)
            ):
                return index
        return None

    try:
        check_xml_safe(value)  # lxml would turn a NUL into U+FFFD: refuse it, as the model does
        if "html" in kind or (not kind and value.lstrip().startswith("<")):
            return blocks_from_html(value, photo_index)
        return blocks_from_text(value)
    except ValidationError as error:
        raise ValidationError(error.message, path=join_path(path, "value")) from None
    except ValueError as error:  # lxml refuses text XML cannot hold
        raise ValidationError(str(error), path=join_path(path, "value")) from None


def _from_1x(doc: dict[str, Any], *, nested: bool = False) -> dict[str, Any]:
    """Bring a ninjs 1.x item to the 2.x shape: flat headline/body/description, singular lists."""
    out: dict[str, Any] = {}
    plural = {"subject": "subjects", "person": "people", "place": "places",
              "organisation": "organisations", "event": "events", "object": "objects",
              "genre": "genres", "infosource": "infosources"}  # fmt: skip
    for key, value in doc.items():
        if key == "headline" or key.startswith("headline_"):
            role = key.partition("_")[2] or "main"
            out.setdefault("headlines", []).append({"role": role, "value": value})
        elif key.startswith(("body_", "description_")):
            kind, _, role = key.partition("_")
            html = role.rsplit("_", 1)[-1] in {"html", "xhtml", "richtext"}
            entry = {
                "role": role,
                "contenttype": "text/html" if html else "text/plain",
                "value": value,
            }
            out.setdefault("bodies" if kind == "body" else "descriptions", []).append(entry)
        elif key == "byline":
            out["by"] = value
        elif key in plural and isinstance(value, list):
            out[plural[key]] = [_concept_from_1x(item, key == "infosource") for item in value]
        elif key == "associations" and isinstance(value, dict):
            if nested:  # associations of associations are not read: no need to map them
                continue
            out[key] = [
                {"name": name, **_from_1x(item, nested=True)} if isinstance(item, dict) else item
                for name, item in value.items()
            ]
        elif key == "renditions" and isinstance(value, dict):
            out[key] = [
                {
                    "name": name,
                    **{("contenttype" if k == "mimetype" else k): v for k, v in item.items()},
                }
                if isinstance(item, dict)
                else item
                for name, item in value.items()
            ]
        elif key not in {
            "$standard",
            "altids",
            "mimetype",
            "trustindicator",
            "charcount",
            "wordcount",
        }:
            out[key] = value
    return out


def _concept_from_1x(item: Any, source: bool) -> Any:
    if not isinstance(item, dict):
        return item
    out = {k: v for k, v in item.items() if k not in {"scheme", "code"}}
    if source and "rel" in out:  # 1.x infosource has "rel" where 2.x has "role"
        out["role"] = out.pop("rel")
    scheme, code = item.get("scheme"), item.get("code")
    if isinstance(code, str):
        if isinstance(scheme, str):
            out["uri"] = scheme + code
        elif "://" in code:
            out["uri"] = code
        else:
            out["literal"] = code
    return out
