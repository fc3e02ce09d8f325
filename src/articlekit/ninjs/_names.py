"""The names and conventions ninjs documents use, shared by the ninjs reader and writer."""

from __future__ import annotations

import re
from typing import Any, Final

from articlekit.model import TopicKind

READS: Final = {1: range(7), 2: range(3), 3: range(2)}
SCHEMA_URL: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json"
SCHEMA_VERSION: Final = re.compile(r"ninjs-schema_(\d+\.\d+)")

# 2.x names to the 3.x ones; every other name is the same in both.
CAMEL: Final = {
    "versioncreated": "versionCreated", "firstcreated": "firstCreated",
    "contentcreated": "contentCreated", "embargoed": "embargoedUntil", "pubstatus": "pubStatus",
    "copyrightholder": "copyrightHolder", "copyrightnotice": "copyrightNotice",
    "usageterms": "usageTerms", "ednote": "edNote", "contenttype": "contentType",
    "altids": "altIds", "infosources": "infoSources", "contactinfo": "contactInfo",
    "representationtype": "representationType", "trustindicators": "trustIndicators",
    "sizeinbytes": "sizeInBytes", "charcount": "charCount", "wordcount": "wordCount",
    "rightsinfo": "rightsInfo", "digitalsourcetype": "digitalSourceType", "geojson": "geoJSON",
    "postalcode": "postalCode", "langid": "langId", "linkedrights": "linkedRights",
    "encodedrights": "encodedRights",
}  # fmt: skip
LOWER: Final = {camel: lower for lower, camel in CAMEL.items()}

# Topic kinds in the order their collections are written.
COLLECTIONS: Final = {
    TopicKind.SUBJECT: "subjects", TopicKind.PERSON: "people",
    TopicKind.ORGANISATION: "organisations", TopicKind.PLACE: "places",
    TopicKind.EVENT: "events", TopicKind.OBJECT: "objects", TopicKind.GENRE: "genres",
}  # fmt: skip
KIND_ORDER: Final = {kind: index for index, kind in enumerate(COLLECTIONS)}
TOPIC_ORDER_ROLE: Final = "articlekit:topic-order"
NO_URI: Final = "urn:articlekit:photo-without-uri:"
MAIN_RENDITION: Final = "original"
CREATOR: Final = "creator"
BYLINE_RELS: Final = frozenset({"creator", "author", "by", "byline", "writer"})
HTML_TYPES: Final = ("text/html", "application/xhtml+xml")

HEADLINE_ROLES: Final = frozenset({"main", "headline", "simple", "title", "default"})
SUB_ROLES: Final = frozenset({"sub", "subheadline", "subtitle", "dek", "standfirst", "deck"})
KICKER_ROLES: Final = frozenset({"kicker", "overline", "overhead", "supertitle", "eyebrow"})
SUMMARY_ROLES: Final = frozenset({"summary", "abstract", "lead", "teaser", "description"})

# Where a field of the model sits in a ninjs document, for the paths of validation errors.
WHERE: Final = {
    "headline": "headlines", "subheadline": "headlines", "kicker": "headlines",
    "summary": "descriptions", "section": "descriptions", "dateline": "descriptions",
    "caption": "descriptions", "alt_text": "descriptions", "created": "contentcreated",
    "published": "firstcreated", "updated": "versioncreated", "status": "pubstatus",
    "copyright_holder": "copyrightholder", "copyright_notice": "copyrightnotice",
    "usage_terms": "usageterms", "editor_note": "ednote", "provider": "infosources",
    "url": "renditions", "bylines": "people", "photos": "associations", "keywords": "subjects",
    "media_type": "contenttype", "credit": "by", "photographer": "people", "code": "literal",
    "role": "rel", "email": "contactinfo", "affiliation": "contactinfo", "bio": "contactinfo",
}  # fmt: skip


def rename(value: Any, names: dict[str, str], depth: int = 0) -> Any:
    """Rename the members of every object in *value* by *names*.

    Below 32 levels nothing is renamed: no ninjs property is that deep, and the limit keeps
    hostile nesting from exhausting the stack.
    """
    if depth > 32:
        return value
    deeper = depth + 1
    nested = (dict, list)  # only these can hold objects: texts and numbers are kept as they are
    if isinstance(value, dict):
        return {
            names.get(key, key): rename(item, names, deeper) if isinstance(item, nested) else item
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [rename(item, names, deeper) if isinstance(item, nested) else item for item in value]
    return value
