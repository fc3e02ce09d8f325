"""The names of NewsML 1.x the reader maps: roles, media types, formats and properties."""

from __future__ import annotations

from typing import Final

from articlekit.model import Status

FORMAT_NAME: Final = "NewsML 1.x"
ROOT: Final = "NewsML"

# NewsManagement/Status@FormalName (IPTC's NewsML 1 Status vocabulary, in any case).
STATUSES: Final = {
    "usable": Status.USABLE,
    "embargoed": Status.USABLE,  # usable once StatusWillChange's time has come
    "withheld": Status.WITHHELD,
    "canceled": Status.CANCELED,
    "cancelled": Status.CANCELED,
}

# Role@FormalName of a component: which part of the article a text component is. Producers
# split an item so (Belga: Title, Lead, Body); a component without a role is body text.
HEADLINE_ROLES: Final = frozenset({"title", "headline"})
SUMMARY_ROLES: Final = frozenset({"lead", "abstract", "summary", "teaser"})
CAPTION_ROLES: Final = frozenset({"caption"})
PHOTO_ROLES: Final = frozenset({"photo", "picture", "image", "graphic"})
PHOTO_MEDIA_TYPES: Final = frozenset({"photo", "picture", "image", "graphic"})

# Location/Property@FormalName, from the most to the least precise, joined as the place.
PLACE_PROPERTIES: Final = ("City", "CountryArea", "Country")
# DescriptiveMetadata/Property@FormalName whose Value is a keyword (AFP, ANP).
KEYWORD_PROPERTY: Final = "keyword"
# Characteristics/Property@FormalName of a photo's size.
WIDTH_PROPERTY: Final = "width"
HEIGHT_PROPERTY: Final = "height"
# SubjectCode's children: the IPTC Subject Reference's three levels, all read as subjects.
SUBJECT_ELEMENTS: Final = frozenset({"Subject", "SubjectMatter", "SubjectDetail"})
