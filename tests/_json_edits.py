"""Editing parsed JSON documents in tests: every place in one, and a copy with one place changed."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

REMOVE: Any = object()
"""Pass as the value to `edited` to remove the member or item instead."""


def places(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple, Any]]:
    """Every place in a JSON value as (path, value) pairs, the value itself (path ``()``) first."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from places(item, (*path, index))


def edited(document: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of *document* whose member or item at *path* is *value*, or is gone for `REMOVE`."""
    if not path:
        return copy.deepcopy(value)
    changed = copy.deepcopy(document)
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    if value is REMOVE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(value)
    return changed
