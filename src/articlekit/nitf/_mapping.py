"""The names both directions of NITF share: namespace, element names, roles and conventions."""

from __future__ import annotations

from typing import Final

from articlekit.model import Status, TopicKind

NAMESPACE: Final = "http://iptc.org/std/NITF/2006-10-18/"
"""The NITF 3.5/3.6 XML namespace; NITF 3.0-3.4 documents, and most real ones, have none."""
VERSION: Final = "-//IPTC//DTD NITF 3.6//EN"
"""The ``version`` attribute NITF 3.6 fixes on its root element."""
FORMAT_NAME: Final = "NITF 3.6"

# identified-content: the element of each kind of topic. Subjects and genres are classifiers,
# told apart by their type; a place's code goes in location-code, as location has no value.
KIND_TAGS: Final = {
    TopicKind.PERSON: "person",
    TopicKind.ORGANISATION: "org",
    TopicKind.PLACE: "location",
    TopicKind.EVENT: "event",
    TopicKind.OBJECT: "object.title",
    TopicKind.SUBJECT: "classifier",
    TopicKind.GENRE: "classifier",
}
GENRE_TYPE: Final = "genre"
SUBJECT_TYPE: Final = "subject"
# A topic's URI, and a photo's, is kept where NITF keeps other codes: alt-code / media-metadata.
URI_SOURCE: Final = "uri"

# NITF inline markup has em but no strong, code, sub or sup (NITF 3.6, enrichedText): they are
# em elements of these classes; Superdesk writes bold and italic so.
EM_CLASSES: Final = {"strong": "bold", "code": "code", "sub": "subscript", "sup": "superscript"}
TAGS_OF_EM_CLASS: Final = {value: key for key, value in EM_CLASSES.items()} | {"italic": "em"}

# docdata@management-status (NITF 3.5+): usable, embargoed, withheld, canceled.
STATUSES: Final = {status.value: status for status in Status} | {"embargoed": Status.USABLE}

# hedline/hl2 of this class is the kicker (the words above the headline); others are
# subheadlines. body.content/hl2 of class "h3" to "h6" is a heading of that level, none is 2.
KICKER_CLASS: Final = "kicker"
HEADING_CLASS_PREFIX: Final = "h"
# A photographer is the media-producer of this class: person (with the uri as idsrc/value),
# function (the role), org (the affiliation) and virtloc (the e-mail).
PHOTOGRAPHER_CLASS: Final = "photographer"
# Each photo's first media has the id "photo-N", N its index in Article.photos, so that the
# reader restores the photos' order when the body places them in another order.
PHOTO_ID_PREFIX: Final = "photo-"

IMAGE: Final = "image"
EMBED_MEDIA_TYPE: Final = "other"
# The block after body.content's flow that holds the photos no PhotoRef places.
UNPLACED_PHOTOS: Final = "unplaced-photos"
