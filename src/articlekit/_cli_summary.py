"""The summary `articlekit show` prints: an article as a desk sees it at a glance."""

from __future__ import annotations

from typing import IO

from articlekit.model import Article, Heading, ListBlock, Paragraph, Quote


def write_summary(article: Article, out: IO[str]) -> None:
    """Write a readable summary of *article* for a terminal."""
    lines = []
    if article.kicker or article.section:
        lines.append(" / ".join(filter(None, [article.section, article.kicker])).upper())
    lines.append(article.headline)
    if article.subheadline:
        lines.append(article.subheadline)
    lines.append("")
    facts = {
        "uri": article.uri,
        "url": article.url,
        "language": article.language,
        "by": ", ".join(byline.name for byline in article.bylines) or None,
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "dateline": article.dateline,
        "topics": ", ".join(t.name or t.code or t.uri or "" for t in article.topics) or None,
        "keywords": ", ".join(article.keywords) or None,
        "status": article.status.value,
    }
    lines.extend(f"  {name:<10} {value}" for name, value in facts.items() if value)
    for index, photo in enumerate(article.photos):
        label = "lead photo" if index == 0 else f"photo {index + 1}"
        lines.append(f"  {label:<10} {photo.href or photo.uri or photo.renditions[0].href}")
        if photo.caption:
            lines.append(f"  {'':<10} {photo.caption}")
    words = sum(len(_block_text(block).split()) for block in article.body)
    lines.append(f"  {'body':<10} {len(article.body)} blocks, {words} words")
    lines.append("")
    for block in article.body[:3]:
        text = _block_text(block)
        if text:
            lines.append(text if len(text) <= 300 else text[:299] + "…")
            lines.append("")
    out.write("\n".join(lines) + "\n")


def _block_text(block: object) -> str:
    if isinstance(block, (Paragraph, Heading, Quote)):
        return block.plain_text
    if isinstance(block, ListBlock):
        from articlekit.inline import inline_text

        return " ".join(inline_text(item) for item in block.items)
    return ""
