"""What a web page declares in its head: JSON-LD blocks and <meta> tags, for every HTML reader."""

from __future__ import annotations

from typing import Any

from lxml import etree

from articlekit._json_text import parse_json
from articlekit.errors import ParseError


def read_head_metadata(root: etree._Element) -> dict[str, Any]:
    """The page's metadata: ``json_ld`` (a list of objects), ``meta`` (name/property -> values)."""
    blocks: list[Any] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            try:  # bounded in size and depth; NaN and repeated members as browsers read them
                blocks.append(parse_json(script.text or "", strict=False))
            except ParseError:
                continue  # one broken block on a real page must not hide the others
    meta: dict[str, list[str]] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name")
        content = element.get("content")
        if key and content is not None:
            meta.setdefault(key.lower(), []).append(content)
    return {"json_ld": blocks, "meta": meta}
