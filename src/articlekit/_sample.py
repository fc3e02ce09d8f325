"""The sample article shipped with articlekit."""

from __future__ import annotations

import functools
from importlib import resources

from articlekit.model import Article


@functools.lru_cache(maxsize=1)
def sample() -> Article:
    """Return the sample article that ships with articlekit.

    It has the shape of a real wire-desk update: a kicker naming the desk, one topic, a headline
    and a dek, one lead photo whose caption ends with the photographer and agency credit, ten
    paragraphs and no byline. Its text was written for articlekit; the people and places in it
    are invented.

    >>> import articlekit
    >>> article = articlekit.sample()
    >>> article.kicker, len(article.body), article.lead_photo.credit
    ('Update Desk', 10, 'Tomas Reyval/Northwind Press')

    .. versionadded:: 0.1
    """
    from articlekit import json

    data = resources.files("articlekit").joinpath("data/sample.json").read_bytes()
    return json.loads(data)
