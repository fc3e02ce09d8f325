"""articlekit: one typed shape for news articles, moved without loss between the formats of news.

The models live here; each format is a module with the same verbs (``loads``, ``dumps``,
``load``, ``dump``): :mod:`articlekit.json` for articlekit's own JSON, :mod:`articlekit.ninjs` for
IPTC ninjs, :mod:`articlekit.newsml` for IPTC NewsML-G2, :mod:`articlekit.nitf` for IPTC NITF,
:mod:`articlekit.html` for an HTML5 page with schema.org markup and :mod:`articlekit.jsonl` for
JSON Lines.
:func:`articlekit.convert` converts between them.

>>> import articlekit
>>> from articlekit import json
>>> article = articlekit.Article(uri="urn:example:1", headline="Hello,   world")
>>> article.headline
'Hello, world'
>>> json.loads(json.dumps(article)) == article
True
"""

from articlekit._api import convert, dump, load
from articlekit._formats import detect
from articlekit._sample import sample
from articlekit._version import __version__
from articlekit.errors import (
    ArticleKitError,
    LossError,
    LossWarning,
    ParseError,
    RepairWarning,
    UnsupportedError,
    ValidationError,
    Violation,
)
from articlekit.model import (
    Article,
    Block,
    Byline,
    Embed,
    Heading,
    ListBlock,
    Paragraph,
    Photo,
    PhotoRef,
    Quote,
    Rendition,
    Status,
    Topic,
    TopicKind,
)

__all__ = [
    "Article",
    "ArticleKitError",
    "Block",
    "Byline",
    "Embed",
    "Heading",
    "ListBlock",
    "LossError",
    "LossWarning",
    "Paragraph",
    "ParseError",
    "Photo",
    "PhotoRef",
    "Quote",
    "Rendition",
    "RepairWarning",
    "Status",
    "Topic",
    "TopicKind",
    "UnsupportedError",
    "ValidationError",
    "Violation",
    "__version__",
    "convert",
    "detect",
    "dump",
    "load",
    "sample",
]
