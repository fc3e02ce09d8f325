"""The article model: `Article` and the parts it is made of.

Every class is a frozen, keyword-only attrs class. Values are brought to one canonical form when
an object is built, so that two objects that mean the same thing compare equal, and every format
can read back exactly what it wrote:

- one-line text (headline, names, captions, ...) is NFC, with runs of ASCII white space folded to
  one space and none at either end; an optional text that is empty after that is ``None``;
- body text is inline markup in the canonical form of :mod:`articlekit.inline`;
- lists are tuples; media types and URL schemes are lower case; language tags are cased as
  RFC 5646 recommends (``en-GB``, ``zh-Hant-TW``).

What cannot be made canonical raises :class:`~articlekit.errors.ValidationError`, whose ``path``
names the field: text with control characters, naive datetimes, unsafe URL schemes, sizes below 1.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Union

import attrs

from articlekit import _validate as v
from articlekit.errors import ValidationError
from articlekit.inline import escape_text, inline_text

__all__ = [
    "Article",
    "Block",
    "Byline",
    "Embed",
    "Heading",
    "ListBlock",
    "Paragraph",
    "Photo",
    "PhotoRef",
    "Quote",
    "Rendition",
    "Status",
    "Topic",
    "TopicKind",
]


class Status(enum.Enum):
    """The publication status of an article (NewsML-G2 ``pubStatus``, ninjs ``pubstatus``).

    .. versionadded:: 0.1
    """

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class TopicKind(enum.Enum):
    """What a `Topic` is: the ninjs collection or NewsML-G2 concept type it belongs to.

    .. versionadded:: 0.1
    """

    SUBJECT = "subject"
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    EVENT = "event"
    OBJECT = "object"
    GENRE = "genre"


def _status(value: Status | str) -> Status:
    try:
        return Status(value)
    except ValueError:
        choices = ", ".join(repr(status.value) for status in Status)
        raise ValidationError(f"{value!r} is not one of {choices}", path="status") from None


def _topic_kind(value: TopicKind | str) -> TopicKind:
    try:
        return TopicKind(value)
    except ValueError:
        choices = ", ".join(repr(kind.value) for kind in TopicKind)
        raise ValidationError(f"{value!r} is not one of {choices}", path="kind") from None


@attrs.frozen(kw_only=True)
class Rendition:
    """One file of a photo: a size, crop or encoding of the same picture.

    Attributes:
        name: What the rendition is for, e.g. ``"thumbnail"`` or ``"16x9"`` (ninjs ``name``).
        href: Where the file is: an http(s) URL or a ``data:image/...`` URL.
        width: Width in pixels.
        height: Height in pixels.
        media_type: The IANA media type, e.g. ``"image/jpeg"`` (ninjs ``contenttype``).

    .. versionadded:: 0.1
    """

    name: str = attrs.field(converter=v.required_text, validator=v.check_required_text)
    href: str = attrs.field(converter=v.required_url, validator=v.check_image_url)
    width: int | None = attrs.field(default=None, validator=v.check_count)
    height: int | None = attrs.field(default=None, validator=v.check_count)
    media_type: str | None = attrs.field(
        default=None, converter=v.optional_lower, validator=v.check_media_type
    )


@attrs.frozen(kw_only=True)
class Byline:
    """A person credited with the article (synonyms: author, creator, contributor).

    Attributes:
        name: The name as printed.
        role: What they did: ``"reporter"``, ``"photographer"``, ``"editor"``, ...
        affiliation: The organisation they write for, e.g. an agency.
        email: An e-mail address.
        uri: An identifier or profile page for the person.
        bio: A one-line biography.

    .. versionadded:: 0.1
    """

    name: str = attrs.field(converter=v.required_text, validator=v.check_required_text)
    role: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    affiliation: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    email: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_email
    )
    uri: str | None = attrs.field(
        default=None, converter=v.optional_url, validator=v.check_link_uri
    )
    bio: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn an iterable into a tuple; leave a string as it is, for the validator to refuse."""
    return value if isinstance(value, (str, tuple)) else tuple(value)  # type: ignore[return-value]


def _renditions(value: Iterable[Rendition]) -> tuple[Rendition, ...]:
    return _as_tuple(value)


def _check_renditions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.check_items(Rendition, attribute, value)


def _check_photographer(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Byline):
        raise v.fail(attribute, f"expected a Byline, got {type(value).__name__}")


@attrs.frozen(kw_only=True)
class Photo:
    """A picture that belongs to the article; the article's first photo is its lead photo.

    A photo needs at least one of ``href``, ``uri`` or a rendition, so that it can be found.

    Attributes:
        uri: A stable identifier of the picture (NewsML-G2 ``guid``, ninjs ``uri``).
        href: The URL of the main image file.
        caption: The caption, without a credit the source sets apart
            (:func:`~articlekit.extract.extract` splits one off).
        credit: The credit line as printed, e.g. ``"Miriam Alster/Flash90"``.
        alt_text: A text alternative for readers who cannot see the image.
        photographer: The person who took it.
        copyright_notice: The picture's own copyright notice.
        width: Width of the main image in pixels.
        height: Height of the main image in pixels.
        media_type: The IANA media type of the main image.
        renditions: Other files of the same picture.

    .. versionadded:: 0.1
    """

    uri: str | None = attrs.field(
        default=None, converter=v.optional_url, validator=v.check_identifier
    )
    href: str | None = attrs.field(
        default=None, converter=v.optional_url, validator=v.check_image_url
    )
    caption: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    credit: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    alt_text: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    photographer: Byline | None = attrs.field(default=None, validator=_check_photographer)
    copyright_notice: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    width: int | None = attrs.field(default=None, validator=v.check_count)
    height: int | None = attrs.field(default=None, validator=v.check_count)
    media_type: str | None = attrs.field(
        default=None, converter=v.optional_lower, validator=v.check_media_type
    )
    renditions: tuple[Rendition, ...] = attrs.field(
        default=(), converter=_renditions, validator=_check_renditions
    )

    def __attrs_post_init__(self) -> None:
        if self.href is None and self.uri is None and not self.renditions:
            raise ValidationError("a photo needs an href, a uri or at least one rendition")


@attrs.frozen(kw_only=True)
class Topic:
    """Something the article is about: a subject, person, organisation, place, event, ...

    A topic needs a name, a code or a URI.

    Attributes:
        name: The human-readable name, e.g. ``"Hostages"``.
        kind: What kind of thing the topic is.
        code: A controlled-vocabulary code as a QCode, e.g. ``"medtop:16009000"``.
        uri: The topic's identifier as a full URI.

    .. versionadded:: 0.1
    """

    name: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    kind: TopicKind = attrs.field(default=TopicKind.SUBJECT, converter=_topic_kind)
    code: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_identifier
    )
    uri: str | None = attrs.field(
        default=None, converter=v.optional_url, validator=v.check_link_uri
    )

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.code is None and self.uri is None:
            raise ValidationError("a topic needs a name, a code or a uri")


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of body text.

    Attributes:
        text: Inline markup (see :mod:`articlekit.inline`); sanitised and made canonical.

    .. versionadded:: 0.1
    """

    text: str = attrs.field(converter=v.inline, validator=v.check_inline)

    @classmethod
    def from_text(cls, text: str) -> Paragraph:
        """Build a paragraph from plain text, escaping what would read as markup."""
        return cls(text=escape_text(text))

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return inline_text(self.text)


def _check_level(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.check_index(instance, attribute, value)
    if not 2 <= value <= 6:  # type: ignore[operator]
        raise v.fail(attribute, f"must be between 2 and 6 (the headline is level 1), got {value}")


@attrs.frozen(kw_only=True)
class Heading:
    """A subheading inside the body.

    Attributes:
        text: Inline markup.
        level: 2 to 6, as HTML ``h2``-``h6``; the article's headline is level 1.

    .. versionadded:: 0.1
    """

    text: str = attrs.field(converter=v.inline, validator=v.check_inline)
    level: int = attrs.field(default=2, validator=_check_level)

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return inline_text(self.text)


@attrs.frozen(kw_only=True)
class Quote:
    """A block quotation (a pull quote or a quoted passage).

    Attributes:
        text: Inline markup.
        attribution: Who said or wrote it, as plain text.

    .. versionadded:: 0.1
    """

    text: str = attrs.field(converter=v.inline, validator=v.check_inline)
    attribution: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )

    @property
    def plain_text(self) -> str:
        """The text without markup."""
        return inline_text(self.text)


@attrs.frozen(kw_only=True)
class ListBlock:
    """A list of items, numbered or not.

    Attributes:
        items: One inline markup fragment per item; at least one.
        ordered: Whether the items are numbered.

    .. versionadded:: 0.1
    """

    items: tuple[str, ...] = attrs.field(converter=v.inlines, validator=v.check_inlines)
    ordered: bool = attrs.field(default=False, validator=v.check_bool)


@attrs.frozen(kw_only=True)
class PhotoRef:
    """Places one of the article's photos in the flow of the body.

    Attributes:
        photo: The index of the photo in `Article.photos`.

    .. versionadded:: 0.1
    """

    photo: int = attrs.field(validator=v.check_index)


@attrs.frozen(kw_only=True)
class Embed:
    """Third-party content shown in the body, such as a video or a social media post.

    Attributes:
        url: Where the content is: an http(s) URL.
        title: What it is, as plain text.

    .. versionadded:: 0.1
    """

    url: str = attrs.field(converter=v.required_url, validator=v.check_web_url)
    title: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )


Block = Union[Paragraph, Heading, Quote, ListBlock, PhotoRef, Embed]  # noqa: UP007 - a runtime alias
"""One block of an article's body."""

_BLOCK_TYPES = (Paragraph, Heading, Quote, ListBlock, PhotoRef, Embed)


def _bylines(value: Iterable[Byline]) -> tuple[Byline, ...]:
    return _as_tuple(value)


def _photos(value: Iterable[Photo]) -> tuple[Photo, ...]:
    return _as_tuple(value)


def _topics(value: Iterable[Topic]) -> tuple[Topic, ...]:
    return _as_tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return _as_tuple(value)


def _check_bylines(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.check_items(Byline, attribute, value)


def _check_photos(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.check_items(Photo, attribute, value)


def _check_topics(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.check_items(Topic, attribute, value)


def _check_body(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.check_items(_BLOCK_TYPES, attribute, value)


@attrs.frozen(kw_only=True)
class Article:
    """A news article: what it says, who wrote it, what it shows and when.

    Only ``uri`` and ``headline`` are required.

    Attributes:
        uri: A stable, globally unique identifier (NewsML-G2 ``guid``, ninjs ``uri``).
        version: The version of this article, from 1.
        url: The canonical web address (http or https).
        language: The language as a BCP 47 tag, e.g. ``"en"`` or ``"pt-BR"``.
        headline: The main headline.
        subheadline: The dek or standfirst under the headline.
        kicker: The small label above the headline, often the desk or a theme.
        section: The section of the publication, e.g. ``"World"``.
        summary: A short abstract.
        slugline: The newsroom's short working name.
        bylines: The people credited, in order.
        photos: The pictures; the first is the lead photo.
        topics: What the article is about.
        keywords: Free keywords, in order.
        body: The body, as blocks in reading order.
        created: When the content was created.
        published: When it was first published.
        updated: When this version was published.
        embargoed: Not to be published before this time.
        dateline: The dateline as printed, e.g. ``"VARENHOLT, March 14"``.
        located: Where the story happened, as a place name.
        status: Whether the article may be used.
        urgency: The editorial urgency, from 1 (most urgent, such as a flash) to 9 (least),
            as the provider rates it (IPTC urgency: NewsML-G2 ``urgency``, ninjs ``urgency``).
        provider: Who supplies the article, e.g. an agency.
        copyright_holder: Who holds the copyright.
        copyright_notice: The copyright notice as printed.
        usage_terms: The terms under which it may be used.
        editor_note: A note for editors, not for readers.

    .. versionadded:: 0.1
    """

    uri: str = attrs.field(converter=v.required_url, validator=v.check_identifier)
    version: int = attrs.field(default=1, validator=v.check_count)
    url: str | None = attrs.field(default=None, converter=v.optional_url, validator=v.check_web_url)
    language: str | None = attrs.field(
        default=None, converter=v.language_tag, validator=v.check_language
    )
    headline: str = attrs.field(converter=v.required_text, validator=v.check_required_text)
    subheadline: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    kicker: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    section: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    summary: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    slugline: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    bylines: tuple[Byline, ...] = attrs.field(
        default=(), converter=_bylines, validator=_check_bylines
    )
    photos: tuple[Photo, ...] = attrs.field(default=(), converter=_photos, validator=_check_photos)
    topics: tuple[Topic, ...] = attrs.field(default=(), converter=_topics, validator=_check_topics)
    keywords: tuple[str, ...] = attrs.field(default=(), converter=v.texts, validator=v.check_texts)
    body: tuple[Block, ...] = attrs.field(default=(), converter=_blocks, validator=_check_body)
    created: datetime | None = attrs.field(default=None, validator=v.check_datetime)
    published: datetime | None = attrs.field(default=None, validator=v.check_datetime)
    updated: datetime | None = attrs.field(default=None, validator=v.check_datetime)
    embargoed: datetime | None = attrs.field(default=None, validator=v.check_datetime)
    dateline: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    located: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    status: Status = attrs.field(default=Status.USABLE, converter=_status)
    urgency: int | None = attrs.field(default=None, validator=v.check_urgency)
    provider: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    copyright_holder: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    copyright_notice: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    usage_terms: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )
    editor_note: str | None = attrs.field(
        default=None, converter=v.optional_text, validator=v.check_optional_text
    )

    def __attrs_post_init__(self) -> None:
        for index, block in enumerate(self.body):
            if isinstance(block, PhotoRef) and block.photo >= len(self.photos):
                raise ValidationError(
                    f"refers to photo {block.photo}, but the article has "
                    f"{len(self.photos)} photo{'' if len(self.photos) == 1 else 's'}",
                    path=f"body[{index}].photo",
                )

    @property
    def lead_photo(self) -> Photo | None:
        """The first photo, or ``None``."""
        return self.photos[0] if self.photos else None
