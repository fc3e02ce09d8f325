"""Desk-item fields from pages shaped like the templates of common publishing systems.

Each page is written for these tests in the structure of a real template (WordPress news theme,
Arc XP, Ghost, Drupal); none is copied from a site.
"""

from __future__ import annotations

from articlekit.extract import extract
from articlekit.model import Paragraph, Photo, PhotoRef, Topic

TEXT = [
    "Eleven people held for 23 days by an armed group in the hills of the Sarn Valley were "
    "released early on Saturday, mediators said, ending a long standoff.",
    "The hostages, eight road engineers and three drivers, were handed over at a checkpoint "
    "outside Varenholt shortly after 3 a.m. and taken to the regional hospital.",
    "Officials said all were in stable condition, though two were treated for dehydration, "
    "and relatives gathered outside through the night.",
    "The release followed weeks of talks brokered by a council of elders from three valley "
    "villages, who carried messages between the group and the provincial government.",
]
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in TEXT)
DEK = "Mediators say all captives held near Varenholt are safe and on their way home"


def _plain(article_body: tuple[object, ...]) -> list[str]:
    return [block.plain_text for block in article_body if isinstance(block, Paragraph)]


WORDPRESS = f"""<!DOCTYPE html><html lang="en"><head>
<title>Eleven hostages freed in Sarn Valley &#8211; Northwind News</title>
<meta property="og:title" content="Eleven hostages freed in Sarn Valley">
<meta property="og:image" content="https://news.example.org/wp-content/uploads/hostages-1200x630.jpg">
<meta property="og:description" content="{DEK}">
</head><body class="post-template-default single single-post">
<header id="masthead" class="site-header"><a href="/" rel="home">Northwind News</a></header>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-81" class="post-81 post type-post status-publish has-post-thumbnail">
<header class="entry-header">
<div class="entry-meta-top"><span class="cat-links">
<a href="https://news.example.org/category/update-desk/" rel="category tag">Update Desk</a><a
href="https://news.example.org/tag/hostages/" rel="tag">Hostages</a></span></div>
<h1 class="entry-title">Eleven hostages freed in Sarn Valley</h1>
<div class="entry-excerpt"><p>{DEK}</p></div>
<div class="entry-meta"><span class="byline">By <a rel="author" href="/author/ana">Ana Vell</a>
</span></div>
</header>
<figure class="post-thumbnail"><img class="attachment-full wp-post-image"
src="https://news.example.org/wp-content/uploads/hostages.jpg" alt="People outside a hospital">
<figcaption class="wp-caption-text">Relatives wait outside the hospital in Varenholt.
Photo by Tomas Reyval/Northwind Press.</figcaption></figure>
<div class="entry-content"><p>{DEK}</p>{PARAGRAPHS}
<figure class="wp-block-image"><img src="/wp-content/uploads/road.jpg" alt="">
<figcaption>The valley road near the checkpoint. (Northwind Press)</figcaption></figure>
<p>Neither side said whether any payment had been made, and the provincial governor
declined to answer questions about the terms of the agreement.</p></div>
</article></main></div></body></html>"""


def test_wordpress_theme_page_gives_every_desk_field() -> None:
    article = extract(WORDPRESS, url="https://news.example.org/2026/03/hostages-freed/")
    assert article.headline == "Eleven hostages freed in Sarn Valley"
    assert article.kicker == "Update Desk"
    assert article.section == "Update Desk"
    assert article.topics == (Topic(name="Hostages"),)
    assert article.subheadline == DEK
    assert [b.name for b in article.bylines] == ["Ana Vell"]
    assert article.photos[0] == Photo(
        href="https://news.example.org/wp-content/uploads/hostages.jpg",
        caption="Relatives wait outside the hospital in Varenholt. "
        "Photo by Tomas Reyval/Northwind Press.",
        credit="Tomas Reyval/Northwind Press",
        alt_text="People outside a hospital",
    )
    assert article.photos[1].href == "https://news.example.org/wp-content/uploads/road.jpg"
    assert article.photos[1].credit == "Northwind Press"
    assert article.body[0] == PhotoRef(photo=0)
    assert _plain(article.body)[: len(TEXT)] == TEXT  # the dek is not the first paragraph
    assert PhotoRef(photo=1) in article.body


ARC = f"""<!DOCTYPE html><html><head><title>Talks resume in the valley</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Talks resume in valley", "datePublished": "2026-03-15T08:00:00Z",
"articleSection": "World", "image": ["https://cdn.example.com/resizer/lead.jpg"]}}</script>
</head><body><div id="fusion-app"><nav class="nav-sections"><a href="/world/">World</a></nav>
<article class="b-article-body-wrapper">
<div class="b-overline"><a class="c-overline__link" href="/world/europe/">Europe</a></div>
<h1 class="c-heading b-headline">Talks resume in the valley after the hostage release</h1>
<h2 class="c-heading b-subheadline">Elders carry new proposals to the provincial capital</h2>
<figure class="c-media-item b-lead-art"><img class="c-image"
src="https://cdn.example.com/resizer/lead.jpg" alt="Elders walk to a meeting hall">
<figcaption class="c-media-item__fig-caption"><span class="c-media-item__caption">Elders walk
to the meeting hall in Varenholt on Sunday.</span> <span class="c-media-item__credit">(Ana
Vell / Northwind Press)</span></figcaption></figure>
<div class="b-article-body">{PARAGRAPHS}</div>
</article></div></body></html>"""


def test_arc_xp_like_page_moves_the_credit_element_out_of_the_caption() -> None:
    article = extract(ARC)
    assert article.headline == "Talks resume in valley"  # declared wins: docs/extract.md
    assert article.subheadline == "Elders carry new proposals to the provincial capital"
    assert article.kicker == "Europe"
    assert article.section == "World"  # declared
    assert article.photos[0] == Photo(
        href="https://cdn.example.com/resizer/lead.jpg",
        caption="Elders walk to the meeting hall in Varenholt on Sunday.",
        credit="(Ana Vell / Northwind Press)",
        alt_text="Elders walk to a meeting hall",
    )
    assert len(article.photos) == 1
    assert article.body[0] == PhotoRef(photo=0)
    assert _plain(article.body) == TEXT


GHOST = f"""<!DOCTYPE html><html lang="en"><head><title>Notes from the valley</title>
<meta property="og:image" content="https://blog.example.net/content/images/size/w1200/valley.jpg">
</head><body class="post-template"><main class="site-main">
<article class="article post tag-dispatches">
<header class="article-header gh-canvas">
<div class="article-tag post-card-primary-tag"><a href="/tag/dispatches/">Dispatches</a></div>
<h1 class="article-title">Notes from the valley</h1>
<p class="article-excerpt">{DEK}</p>
<div class="article-byline"><a href="/author/ana/">Ana Vell</a></div>
<figure class="article-image"><img src="/content/images/valley.jpg" alt="The valley at dawn">
<figcaption>The valley at dawn. Photo: Tomas Reyval</figcaption></figure>
</header>
<section class="gh-content gh-canvas">{PARAGRAPHS}
<figure class="kg-card kg-image-card kg-card-hascaption"><img class="kg-image"
src="/content/images/checkpoint.jpg" alt="A checkpoint"><figcaption><span>The checkpoint
outside Varenholt.</span> <small>Credit: Northwind Press</small></figcaption></figure>
</section></article></main></body></html>"""


def test_ghost_like_page_reads_excerpt_and_image_cards() -> None:
    article = extract(GHOST, url="https://blog.example.net/notes/")
    assert article.headline == "Notes from the valley"
    assert article.subheadline == DEK
    assert article.kicker is None  # a tag link is a topic, not a kicker
    assert article.topics == (Topic(name="Dispatches"),)
    lead, card = article.photos
    assert lead.href == "https://blog.example.net/content/images/valley.jpg"
    assert (lead.caption, lead.credit) == (
        "The valley at dawn. Photo: Tomas Reyval",
        "Tomas Reyval",
    )
    assert (card.caption, card.credit, card.alt_text) == (
        "The checkpoint outside Varenholt.",
        "Northwind Press",
        "A checkpoint",
    )
    assert article.body[0] == PhotoRef(photo=0)
    assert article.body[-1] == PhotoRef(photo=1)
    assert _plain(article.body) == TEXT


DRUPAL = f"""<!DOCTYPE html><html lang="de"><head><title>Geiseln frei | Nordwind</title></head>
<body><div class="dialog-off-canvas-main-canvas">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
<li><a href="/international">International</a></li></ol></nav>
<main role="main"><article class="node node--type-article node--view-mode-full">
<div class="node__header">
<h1 class="page-title"><span class="field field--name-title">Geiseln im Sarn-Tal frei</span></h1>
<div class="field field--name-field-subtitle field--type-string">{DEK}</div>
<div class="field field--name-field-image"><img src="/sites/default/files/geiseln.jpg"
alt="Angehörige vor dem Spital" width="1200" height="800"></div>
</div>
<div class="node__content"><div class="field field--name-body field--type-text-with-summary">
{PARAGRAPHS}</div></div>
</article></main></div></body></html>"""


def test_drupal_like_page_with_field_based_header() -> None:
    article = extract(DRUPAL, url="https://nordwind.example.de/node/12")
    assert article.headline == "Geiseln im Sarn-Tal frei"
    assert article.subheadline == DEK
    assert article.section == "International"  # the breadcrumb's last item
    assert article.language == "de"
    assert article.photos == (
        Photo(
            href="https://nordwind.example.de/sites/default/files/geiseln.jpg",
            alt_text="Angehörige vor dem Spital",
            width=1200,
            height=800,
        ),
    )
    assert _plain(article.body) == TEXT


SHORT = """<!DOCTYPE html><html><head><title>Road closed | Northwind News</title>
<meta property="og:title" content="Valley road closed after landslide">
<meta property="article:published_time" content="2026-03-16T06:30:00+01:00">
<link rel="canonical" href="https://news.example.org/road-closed">
</head><body><div class="wrap"><h1>Valley road closed after landslide</h1>
<p>The valley road is closed after a landslide.</p><p>Police expect it to reopen on Monday.</p>
</div></body></html>"""


def test_short_article_gives_headline_metadata_and_its_text() -> None:
    article = extract(SHORT)
    assert article.headline == "Valley road closed after landslide"
    assert article.uri == "https://news.example.org/road-closed"
    assert article.published is not None
    assert article.published.isoformat() == "2026-03-16T06:30:00+01:00"
    assert _plain(article.body) == [
        "The valley road is closed after a landslide.",
        "Police expect it to reopen on Monday.",
    ]


DECLARED_IMAGE_ONLY = f"""<!DOCTYPE html><html><head><title>Elders meet again</title>
<meta property="og:image" content="/images/elders.jpg">
<meta property="og:url" content="https://news.example.org/elders">
</head><body><article><h1>Elders meet again</h1>{PARAGRAPHS}</article></body></html>"""


def test_page_declaring_only_an_image_gets_it_as_the_lead_photo() -> None:
    article = extract(DECLARED_IMAGE_ONLY)
    assert article.photos == (Photo(href="https://news.example.org/images/elders.jpg"),)
    assert article.lead_photo == article.photos[0]
    assert not any(isinstance(block, PhotoRef) for block in article.body)  # not shown in it
    assert _plain(article.body) == TEXT


def test_description_shown_above_the_body_is_the_dek_not_the_first_paragraph() -> None:
    page = f"""<html><head><title>Valley talks</title>
<meta name="description" content="{DEK}"></head><body><main>
<h1>Valley talks</h1><p>{DEK}</p><div class="story">{PARAGRAPHS}</div></main></body></html>"""
    article = extract(page)
    assert article.subheadline == DEK
    assert article.summary == DEK
    assert _plain(article.body) == TEXT
