"""Reading a ninjs 1.x, 2.x or 3.x item into an article."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import tzinfo
from typing import Any, Final, NamedTuple

from articlekit._body_html import blocks_from_html, blocks_from_text
from articlekit._convert import parse_datetime
from articlekit._reading import derive_headline
from articlekit._repairs import Repairs
from articlekit._text import check_xml_safe
from articlekit.errors import UnsupportedError, ValidationError, join_path
from articlekit.model import (
    Article,
    Block,
    Byline,
    Paragraph,
    Photo,
    Rendition,
    Topic,
    TopicKind,
)
from articlekit.ninjs._names import (
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
from articlekit.ninjs._repair import (
    Reading,
    identifier_member,
    read_urgency,
    repair_identity,
    repaired_moment,
)

__all__ = ["read_document"]

# The fields of one date-time member each, in the order they are read.
DATES: Final = {
    "created": "contentcreated", "published": "firstcreated", "updated": "versioncreated",
    "embargoed": "embargoed",
}  # fmt: skip
# The fields of one string member each, read as they are.
TEXTS: Final = {
    "located": "located", "status": "pubstatus", "copyright_holder": "copyrightholder",
    "copyright_notice": "copyrightnotice", "usage_terms": "usageterms", "editor_note": "ednote",
}  # fmt: skip
# ninjs 1.x: the members only 1.x has, the singular names of its collections.
ONLY_1X: Final = frozenset(
    {"headline", "byline", "subject", "person", "place", "organisation", "$standard"}
)
PREFIXES_1X: Final = ("headline_", "body_", "description_")
PLURALS_1X: Final = {
    "subject": "subjects", "person": "people", "place": "places",
    "organisation": "organisations", "event": "events", "object": "objects",
    "genre": "genres", "infosource": "infosources",
}  # fmt: skip
# 1.x members left out when it is brought to 2.x.
NOT_READ_1X: Final = frozenset(
    {"$standard", "altids", "mimetype", "trustindicator", "charcount", "wordcount"}
)


def read_document(document: Any, repairs: Repairs, zone: tzinfo) -> Article:
    """Build an article from one parsed ninjs item of any version read.

    Deviations of real producers are repaired and reported to *repairs*; a date-time without
    a time zone is read in *zone*.
    """
    if not isinstance(document, dict):
        raise ValidationError(
            f"expected a JSON object holding one ninjs item, got {_kind(document)}"
        )
    major = _major_version(document)
    camel = major == 3
    original = document
    if major == 1:
        document = _from_1x(document)
    else:
        # 2.x has no camelCase names, so renaming is harmless there; providers do mix them.
        renamed = rename(document, LOWER)
        camel = camel or renamed != document
        document = renamed
    reading = Reading(repairs, zone, camel=camel)
    try:
        article = _read_article(repair_identity(document, reading), reading, one=major == 1)
        _report_not_read(original, document, reading, one=major == 1)
        return article
    except ValidationError as error:
        if not camel:
            raise
        path = re.sub(r"[A-Za-z_]+", lambda m: CAMEL.get(m.group(), m.group()), error.path)
        raise ValidationError(error.message, path=path) from None


def _report_not_read(
    original: dict[str, Any], document: dict[str, Any], reading: Reading, *, one: bool
) -> None:
    """Report, in one repair, every member of the item the reader does not read."""
    top = [key for key in original if not _read_1x(key)] if one else []
    found = _not_read(document, "", "", reading, top_level=not one)
    # An item without ``uri`` has its identifier read from the member it names it by.
    used = identifier_member(original) if original.get("uri") is None else None
    names = ", ".join(name for name in dict.fromkeys(top + found) if name != used)
    if names:
        reading.repairs.report(f"not read, the model has no field for them: {names}", where=names)


def _not_read(
    obj: dict[str, Any], kind: str, prefix: str, reading: Reading, *, top_level: bool = True
) -> list[str]:
    """The members not read of *obj*, an object of the array *kind*, and of the objects in it.

    Each is a dotted name (``associations.renditions.poi``); with *top_level* False, *obj*'s
    own members are not checked (a 1.x item's are checked by their 1.x names).
    """
    read = READ_MEMBERS[kind]
    found = []
    for key, value in obj.items():
        if key not in read:
            if top_level:
                found.append(prefix + reading.name(key))
        elif key in READ_MEMBERS and type(value) is list:
            inner = f"{prefix}{reading.name(key)}."
            for entry in value:
                if type(entry) is dict:
                    found += _not_read(entry, key, inner, reading)
    return found


def _read_1x(key: str) -> bool:
    """Tell whether the reader reads the 1.x member *key*."""
    if key.startswith(("headline_", "description_")):
        role = key.partition("_")[2]
        return role in ROLES_READ_1X
    if key in NOT_READ_1X:
        return key == "$standard"  # the version is read from it
    return key in ONLY_1X or key in PLURALS_1X or key.startswith("body_") or key in READ_MEMBERS[""]


def _major_version(document: dict[str, Any]) -> int:
    """Tell the major version of an item: the declared one, or the one its shape shows."""
    standard = document.get("standard", document.get("$standard"))
    standard = standard if isinstance(standard, dict) else {}
    if _standard_name(standard) == "ttninjs":
        return 1  # TT's ninjs 1.x with members of its own, versioned on its own
    declared = _declared_version(standard, document)
    if declared is not None:
        return _read_major(declared)
    return _shape_version(document)


def _standard_name(standard: dict[str, Any]) -> str | None:
    """The declared standard's name, lower case; another standard than ninjs is refused."""
    name = standard.get("name")
    if not isinstance(name, str):
        return None
    name = name.strip().lower()
    if name not in {"ninjs", "ttninjs"}:
        raise UnsupportedError(f"the item declares the standard {standard['name']!r}, not ninjs")
    return name


def _declared_version(standard: dict[str, Any], document: dict[str, Any]) -> str | None:
    """The version in ``standard.version``, else in the ninjs schema URL it names."""
    version = standard.get("version")
    if isinstance(version, str):
        return version
    return _schema_version(standard.get("schema")) or _schema_version(document.get("$schema"))


def _schema_version(schema: Any) -> str | None:
    match = SCHEMA_VERSION.search(schema) if isinstance(schema, str) else None
    return match.group(1) if match is not None else None


def _read_major(declared: str) -> int:
    """The major version of a declared one; a version not read is refused."""
    match = re.fullmatch(r"\s*([0-9]{1,4})\.([0-9]{1,4})(?:\.[0-9]{1,4})*\s*", declared)
    if match is None or int(match.group(2)) not in READS.get(int(match.group(1)), ()):
        known = "1.0-1.6, 2.0-2.2 and 3.0-3.1"
        raise UnsupportedError(
            f"ninjs version {declared!r} is not read; this release reads {known}"
        )
    return int(match.group(1))


def _shape_version(document: dict[str, Any]) -> int:
    """The major version an undeclared item's members show."""
    if any(key in ONLY_1X or key.startswith(PREFIXES_1X) for key in document):
        return 1
    if any(isinstance(document.get(key), dict) for key in ("associations", "renditions")):
        return 1  # 1.x keys these by name: objects where 2.x has arrays
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


def _strings(obj: dict[str, Any], key: str) -> list[str]:
    """The strings of the array *key*, an array of strings in ninjs 2.x and AP's 1.x."""
    value = obj.get(key)
    if value is None:
        return []
    if type(value) is not list or any(type(item) is not str for item in value):
        raise ValidationError("expected an array of strings", path=key)
    return [item for item in value if item.strip()]


def _size(obj: dict[str, Any], key: str, path: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is float and value.is_integer():  # 2.x types sizes as "number"
        return int(value)
    if type(value) is not int:
        raise ValidationError(f"expected an integer, got {_kind(value)}", path=join_path(path, key))
    return value


def _moment(obj: dict[str, Any], key: str, reading: Reading) -> Any:
    value = _text(obj, key)
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValidationError as error:
        moment = repaired_moment(value, key, reading)
        if moment is None:
            raise ValidationError(error.message, path=key) from None
        return moment


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


def _read_article(doc: dict[str, Any], reading: Reading, *, one: bool) -> Article:
    uri = _text(doc, "uri")
    if uri is None:
        raise ValidationError("required field is missing", path="uri")
    headlines = _objects(doc, "headlines")
    descriptions = _objects(doc, "descriptions")
    headline = _main_headline(headlines)
    summary = _described(descriptions, SUMMARY_ROLES)
    version = _read_version(doc)
    url, photos = _read_root_renditions(doc, uri, reading)
    photos += [photo for photo in (_read_photo(p, a) for p, a in _objects(doc, "associations"))
               if photo]  # fmt: skip
    names = {name: i for i, name in enumerate(_association_names(doc)) if name is not None}
    body = _read_body(doc, photos, names)
    fields: dict[str, Any] = {
        "uri": uri,
        "version": version,
        "url": url,
        "headline": _derive_headline(doc, headline, summary, body, reading, one=one),
        **_read_people_and_topics(doc),
        "provider": _provider(doc),
    }
    _apply_producer_members(doc, fields)
    return _model(  # type: ignore[no-any-return]
        Article,
        "",
        language=_text(doc, "language"),
        subheadline=_by_role(headlines, SUB_ROLES),
        kicker=_by_role(headlines, KICKER_ROLES),
        section=_by_role(descriptions, frozenset({"section"})),
        summary=summary,
        slugline=_text(doc, "slugline"),
        **_bylines_or_by(doc, fields),
        photos=photos,
        body=body,
        **{field: _moment(doc, member, reading) for field, member in DATES.items()},
        dateline=_by_role(descriptions, frozenset({"dateline"})),
        **_texts(doc),
        urgency=read_urgency(doc.get("urgency"), reading),
    )


def _main_headline(headlines: list[tuple[str, dict[str, Any]]]) -> str | None:
    """The headline of a main role, else the first one without a role."""
    headline = _by_role(headlines, HEADLINE_ROLES)
    if headline is None:
        no_role = [entry for entry in headlines if entry[1].get("role") is None]
        headline = _plain(no_role[0][1], no_role[0][0]) if no_role else None
    return headline


def _described(descriptions: list[tuple[str, dict[str, Any]]], roles: frozenset[str]) -> str | None:
    """The description of one of *roles*, else the first plain ``text`` one."""
    text = _by_role(descriptions, roles)
    if text is None:
        plain = [(p, d) for p, d in descriptions if (_text(d, "role", p) or "text") == "text"]
        text = _plain(plain[0][1], plain[0][0]) if plain else None
    return text


def _read_version(doc: dict[str, Any]) -> int:
    version = _text(doc, "version")
    if version is None:
        return 1
    if not re.fullmatch("[0-9]{1,10}", version.strip()):
        raise ValidationError(f"{version!r} is not a version number like '1'", path="version")
    return max(int(version), 1)  # providers such as AP count versions from 0; the model from 1


def _derive_headline(
    doc: dict[str, Any],
    headline: str | None,
    summary: str | None,
    body: list[Block],
    reading: Reading,
    *,
    one: bool,
) -> str:
    """The headline read, or one derived as the reading policy orders when there is none."""
    if headline is not None and headline.strip():
        return headline
    first_paragraph = next((b.plain_text for b in body if isinstance(b, Paragraph)), None)
    headline = derive_headline(
        [("slugline", _text(doc, "slugline")), ("title", _text(doc, "title")),
         ("the description", summary), ("the body's first paragraph", first_paragraph)],
        reading.repairs,
        where="headline" if one else reading.name("headlines"),
    )  # fmt: skip
    if headline is None:
        raise ValidationError("required field is missing", path="headlines")
    return headline


def _provider(doc: dict[str, Any]) -> str | None:
    sources = _objects(doc, "infosources")
    return next((_text(s, "name", p) for p, s in sources if s.get("role") == "provider"), None)


def _producer_provider(doc: dict[str, Any]) -> str | None:
    return doc["provider"] if type(doc.get("provider")) is str else None


def _producer_url(doc: dict[str, Any]) -> str | None:
    links = _objects(doc, "links")
    return next((_text(k, "href", p) for p, k in links if k.get("rel") == "canonical"), None)


def _producer_bylines(doc: dict[str, Any]) -> list[Byline]:
    return [
        _model(Byline, p, name=re.sub(r"(?i)^by\s+", "", _text(b, "by", p) or ""),
               role=_text(b, "title", p))
        for p, b in _objects(doc, "bylines") if (_text(b, "by", p) or "").strip()
    ]  # fmt: skip


class _ProducerMember(NamedTuple):
    """A producer's own member, read into *field* where the standard members gave nothing.

    With *extend*, what it holds is added to what the standard members gave.
    """

    member: str
    field: str
    read: Callable[[dict[str, Any]], Any]
    extend: bool = False


# AP's Media API members, in the order they are read.
PRODUCER_MEMBERS: Final = (
    _ProducerMember("provider", "provider", _producer_provider),
    _ProducerMember("keywords", "keywords", lambda doc: _strings(doc, "keywords"), extend=True),
    _ProducerMember("links", "url", _producer_url),
    _ProducerMember("bylines", "bylines", _producer_bylines),
)


def _apply_producer_members(doc: dict[str, Any], fields: dict[str, Any]) -> None:
    for rule in PRODUCER_MEMBERS:
        if rule.extend:
            fields[rule.field] = fields[rule.field] + rule.read(doc)
        elif not fields[rule.field]:
            fields[rule.field] = rule.read(doc)


def _bylines_or_by(doc: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """The fields read so far, bylines from ``by`` when none came from ``people``."""
    return {**fields, "bylines": fields["bylines"] or _byline_of_by(doc)}


def _texts(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields that are one string member each; a missing status is ``usable``."""
    fields = {field: _text(doc, member) for field, member in TEXTS.items()}
    fields["status"] = fields["status"] or "usable"
    return fields


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
    return [(p, r) for p, r in _objects(doc, "renditions") if _is_image(r, p) and r.get("href")]


def _is_image(rendition: dict[str, Any], path: str) -> bool:
    kind = (_text(rendition, "contenttype", path) or "").lower()
    return not kind or kind.startswith("image/")


def _read_root_renditions(
    doc: dict[str, Any], uri: str, reading: Reading
) -> tuple[str | None, list[Photo]]:
    _report_not_images(doc, reading)
    url = next(
        (
            _text(r, "href", p)
            for p, r in _objects(doc, "renditions")
            if (_text(r, "contenttype", p) or "").lower() in HTML_TYPES
        ),
        None,
    )
    found = _root_photo_renditions(doc)
    main: dict[str, Any] = {}
    if found and found[0][1].get("name") == MAIN_RENDITION:  # as in an association's photo
        main = _main_image(found[0][1], found[0][0])
        found = found[1:]
    if not found and not main:
        return url, []
    renditions = [_read_rendition(p, r) for p, r in found]
    return url, [_model(Photo, "renditions", uri=uri, renditions=renditions, **main)]


def _report_not_images(doc: dict[str, Any], reading: Reading) -> None:
    """Report the root renditions neither a web page nor an image: they are not read."""
    for path, rendition in _objects(doc, "renditions"):
        kind = (_text(rendition, "contenttype", path) or "").lower()
        if kind not in HTML_TYPES and not _is_image(rendition, path):
            # AP's Media API lists its text's NITF and ANPA files: no image, nothing to show.
            name = _text(rendition, "name", path)
            reading.repairs.report(
                f"a rendition of type {kind} ({name or path}) is not an image: not read",
                where=reading.name("renditions"),
            )


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
    main, renditions = _photo_renditions(item, path)
    descriptions = _objects(item, "descriptions", path)
    caption = _described(descriptions, frozenset({"caption"}))
    creators = [_read_byline(p, person) for p, person in _objects(item, "people", path)
                if _is_byline(person, p)]  # fmt: skip
    return _model(  # type: ignore[no-any-return]
        Photo,
        path,
        uri=None if uri is not None and uri.startswith(NO_URI) else uri,
        caption=caption,
        credit=_text(item, "by", path),
        alt_text=_by_role(descriptions, frozenset({"alt", "alttext", "alt_text"})),
        photographer=creators[0] if creators else None,
        copyright_notice=_text(item, "copyrightnotice", path),
        renditions=renditions,
        **main,
    )


def _photo_renditions(item: dict[str, Any], path: str) -> tuple[dict[str, Any], list[Rendition]]:
    """The main image's fields (a first rendition named ``original``) and the other renditions."""
    main: dict[str, Any] = {}
    renditions = []
    for index, (where, rendition) in enumerate(_objects(item, "renditions", path)):
        if index == 0 and rendition.get("name") == MAIN_RENDITION:
            main = _main_image(rendition, where)
        elif rendition.get("href") is not None:  # a rendition without a file is no image
            renditions.append(_read_rendition(where, rendition))
    return main, renditions


def _main_image(rendition: dict[str, Any], where: str) -> dict[str, Any]:
    """The photo's own fields from the rendition named ``original``: its main image."""
    return {
        "href": _text(rendition, "href", where),
        "width": _size(rendition, "width", where),
        "height": _size(rendition, "height", where),
        "media_type": _text(rendition, "contenttype", where),
    }


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


def _read_people_and_topics(doc: dict[str, Any]) -> dict[str, Any]:
    """The bylines (creators among ``people``), topics and keywords (``rel`` ``keyword``)."""
    fields: dict[str, Any] = {"bylines": [], "keywords": []}
    by_kind: dict[TopicKind, list[Topic]] = {kind: [] for kind in COLLECTIONS}
    for kind, collection in COLLECTIONS.items():
        for path, item in _objects(doc, collection):
            _read_concept(kind, path, item, fields, by_kind)
    fields["topics"] = _ordered_topics(doc, by_kind)
    return fields


def _read_concept(
    kind: TopicKind,
    path: str,
    item: dict[str, Any],
    fields: dict[str, Any],
    by_kind: dict[TopicKind, list[Topic]],
) -> None:
    """Read one entry of a collection as a byline, a keyword or a topic."""
    rel = (_text(item, "rel", path) or "").lower()
    if kind is TopicKind.PERSON and _is_byline(item, path):
        fields["bylines"].append(_read_byline(path, item))
    elif kind is TopicKind.SUBJECT and rel == "keyword" and _text(item, "name", path):
        fields["keywords"].append(_text(item, "name", path) or "")
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


def _ordered_topics(doc: dict[str, Any], by_kind: dict[TopicKind, list[Topic]]) -> list[Topic]:
    """The topics grouped by kind, or in the order the ``altids`` topic-order entry keeps."""
    topics = [topic for kind in COLLECTIONS for topic in by_kind[kind]]
    kinds = _topic_order(doc)
    if kinds is None or sorted(kinds, key=KIND_ORDER.__getitem__) != [t.kind for t in topics]:
        return topics
    queues = {kind: iter(items) for kind, items in by_kind.items()}
    return [next(queues[kind]) for kind in kinds]


def _topic_order(doc: dict[str, Any]) -> list[TopicKind] | None:
    """The kinds of the topics in order, as the ``altids`` entry of the topic-order role keeps."""
    altids = _objects(doc, "altids")
    order = next(
        (_text(a, "value", p) for p, a in altids if a.get("role") == TOPIC_ORDER_ROLE), None
    )
    if order is None:
        return None
    try:
        return [TopicKind(name) for name in order.split()]
    except ValueError:
        return []


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
    for key, value in doc.items():
        if key in NOT_READ_1X or (nested and key == "associations" and isinstance(value, dict)):
            continue  # associations of associations are not read: no need to map them
        rule = next((put for matches, put in _RULES_1X if matches(key, value)), _keep_1x)
        rule(out, key, value)
    return out


def _keep_1x(out: dict[str, Any], key: str, value: Any) -> None:
    out[key] = value


def _headline_1x(out: dict[str, Any], key: str, value: Any) -> None:
    role = key.partition("_")[2] or "main"
    out.setdefault("headlines", []).append({"role": role, "value": value})


def _text_1x(out: dict[str, Any], key: str, value: Any) -> None:
    kind, _, role = key.partition("_")
    # TT's TTNINJS names its HTML body body_html5
    html = role.rsplit("_", 1)[-1] in {"html", "html5", "xhtml", "richtext"}
    entry = {"role": role, "contenttype": "text/html" if html else "text/plain", "value": value}
    name = "bodies" if kind == "body" else "descriptions"
    entries = out.setdefault(name, [])
    if not isinstance(entries, list):  # the 2.x member given too, not as an array (fuzzing)
        raise ValidationError(f"not an array, and {key} is given beside it", path=name)
    entries.append(entry)


def _byline_1x(out: dict[str, Any], key: str, value: Any) -> None:
    out["by"] = value


def _collection_1x(out: dict[str, Any], key: str, value: Any) -> None:
    out[PLURALS_1X[key]] = [_concept_from_1x(item, key == "infosource") for item in value]


def _associations_1x(out: dict[str, Any], key: str, value: Any) -> None:
    out[key] = [
        {"name": name, **_from_1x(item, nested=True)} if isinstance(item, dict) else item
        for name, item in value.items()
    ]


def _renditions_1x(out: dict[str, Any], key: str, value: Any) -> None:
    out[key] = [
        {"name": name, **{("contenttype" if k == "mimetype" else k): v for k, v in item.items()}}
        if isinstance(item, dict)
        else item
        for name, item in value.items()
    ]


# How each 1.x member is brought to 2.x, by the first rule that matches it; the rest are kept.
_RULES_1X: Final[tuple[tuple[Callable[[str, Any], bool], Callable[..., None]], ...]] = (
    (lambda key, _: key == "headline" or key.startswith("headline_"), _headline_1x),
    (lambda key, _: key.startswith(("body_", "description_")), _text_1x),
    (lambda key, _: key == "byline", _byline_1x),
    (lambda key, value: key in PLURALS_1X and isinstance(value, list), _collection_1x),
    (lambda key, value: key == "associations" and isinstance(value, dict), _associations_1x),
    (lambda key, value: key == "renditions" and isinstance(value, dict), _renditions_1x),
)


def _concept_from_1x(item: Any, source: bool) -> Any:
    if not isinstance(item, dict):
        return item
    out = {k: v for k, v in item.items() if k not in {"scheme", "code"}}
    if source and "rel" in out:  # 1.x infosource has "rel" where 2.x has "role"
        out["role"] = out.pop("rel")
    out.update(_code_from_1x(item.get("scheme"), item.get("code")))
    return out


def _code_from_1x(scheme: Any, code: Any) -> dict[str, str]:
    """A 1.x concept's ``scheme`` and ``code`` as the 2.x ``uri`` or ``literal``."""
    if not isinstance(code, str):
        return {}
    if isinstance(scheme, str) and ":" in scheme:
        return {"uri": scheme + code}
    if isinstance(scheme, str):  # Superdesk names its vocabulary: scheme and code a QCode
        return {"literal": f"{scheme}:{code}"}
    return {"uri": code} if "://" in code else {"literal": code}


# The roles of the 1.x ``headline_<role>`` and ``description_<role>`` members the reader reads.
ROLES_READ_1X: Final = (
    HEADLINE_ROLES | SUB_ROLES | KICKER_ROLES | SUMMARY_ROLES | {"section", "dateline", "text"}
)
_CONCEPT: Final = frozenset({"name", "uri", "literal", "rel"})
_ENTRY: Final = frozenset({"role", "value", "contenttype"})
# The members the reader reads, by the array whose objects hold them ("" is the item itself);
# an array listed here has its objects' members checked too. Every other member is reported.
READ_MEMBERS: Final[dict[str, frozenset[str]]] = {
    "": frozenset(
        {"uri", "version", "type", "standard", "$schema", "headlines", "descriptions", "bodies"}
        | {"renditions", "associations", "by", "infosources", "altids", "slugline", "title"}
        | {"language", "urgency", *DATES.values(), *TEXTS.values(), *COLLECTIONS.values()}
        | {rule.member for rule in PRODUCER_MEMBERS}
    ),
    "headlines": _ENTRY,
    "descriptions": _ENTRY,
    "bodies": _ENTRY,
    "renditions": frozenset({"name", "href", "width", "height", "contenttype"}),
    "associations": frozenset(
        {"name", "uri", "type", "by", "copyrightnotice", "descriptions", "people", "renditions"}
    ),
    **dict.fromkeys(COLLECTIONS.values(), _CONCEPT),
    "people": _CONCEPT | {"contactinfo"},
    "contactinfo": frozenset({"type", "value"}),
    "infosources": frozenset({"name", "role"}),
    "altids": frozenset({"role", "value"}),
    "links": frozenset({"rel", "href"}),
    "bylines": frozenset({"by", "title"}),
}
