"""Desk-item fields from pages shaped like the templates of common publishing systems.

Each page is written for these tests in the structure of a real template (WordPress news theme,
Arc XP, Ghost, Drupal); none is copied from a site.
"""

from __future__ import annotations

import contextlib

import articlekit
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
        caption="Relatives wait outside the hospital in Varenholt.",
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
    # What a reader sees wins over the declared "Talks resume in valley": docs/extract.md
    assert article.headline == "Talks resume in the valley after the hostage release"
    assert article.subheadline == "Elders carry new proposals to the provincial capital"
    assert article.kicker == "Europe"
    assert article.section == "World"  # declared
    assert article.photos[0] == Photo(
        href="https://cdn.example.com/resizer/lead.jpg",
        caption="Elders walk to the meeting hall in Varenholt on Sunday.",
        credit="Ana Vell / Northwind Press",
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
    # The primary tag printed above the title, alone: the kicker, and a topic too.
    assert article.kicker == "Dispatches"
    assert article.topics == (Topic(name="Dispatches"),)
    lead, card = article.photos
    assert lead.href == "https://blog.example.net/content/images/valley.jpg"
    assert (lead.caption, lead.credit) == ("The valley at dawn.", "Tomas Reyval")
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


def _story(header: str, after_body: str = "", before: str = "", opening: str = "") -> str:
    """A news page: *before* the article, *header* above the body opening with *opening*,
    *after_body* below it."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>Hostages freed</title></head><body>
{before}<main><article><div class="story-header">{header}</div>
<div class="story-body">{opening}{PARAGRAPHS}</div>{after_body}</article></main></body></html>"""


HEADLINE = "<h1>Eleven hostages freed in Sarn Valley</h1>"


def test_gallery_box_caption_and_credit_beside_a_lone_image() -> None:
    # Newspaper-CMS galleries: the image in a wrapper of its own, a "caption" box beside it
    # holding the full and the cut caption (with a script's "less" toggle) and a credit span.
    gallery = """<ul class="gallery"><li class="gallery-item"><div class="img-wrap">
<img src="https://img.example/lead.jpg" alt="Relatives outside the hospital. Photo: Ana Vell">
</div><div class="caption"><div class="caption-full">Relatives wait outside the hospital
in Varenholt.<a class="more-caption"> less</a></div><div class="caption-truncated">Relatives
wait outside<a class="more-caption"> ... more</a></div>
<span class="credit"> Photo: Ana Vell, Northwind Press </span></div></li></ul>"""
    photo = extract(_story(HEADLINE, opening=gallery)).photos[0]
    assert (photo.href, photo.caption, photo.credit) == (
        "https://img.example/lead.jpg",
        "Relatives wait outside the hospital in Varenholt.",
        "Ana Vell, Northwind Press",
    )


def test_wordpress_caption_paragraph_beside_the_featured_image() -> None:
    header = f"""<div class="wp-caption alignnone">{HEADLINE}
<img src="https://img.example/lead.jpg" class="attachment-full wp-post-image" alt="">
<p class="wp-caption-text">Relatives wait outside the hospital in Varenholt.
(Ana Vell/Northwind Press)</p></div>"""
    photo = extract(_story(header)).photos[0]
    assert (photo.caption, photo.credit) == (
        "Relatives wait outside the hospital in Varenholt.",
        "Ana Vell/Northwind Press",
    )


def test_caption_box_after_the_figure_inside_the_picture_wrapper() -> None:
    # Themes that print caption and source as paragraphs of a caption box in the figure.
    figure = """<figure class="c-picture"><div class="c-crop"><img src="https://img.example/l.jpg">
</div><div class="c-picture__caption"><p class="c-picture__title">The valley road near the
checkpoint.</p><p class="c-picture__source">Photo by Ana Vell/Northwind Press</p></div></figure>"""
    photo = extract(_story(HEADLINE + figure)).photos[0]
    assert (photo.caption, photo.credit) == (
        "The valley road near the checkpoint.",
        "Ana Vell/Northwind Press",
    )


def test_credit_elements_lose_their_label_and_brackets() -> None:
    attribution = """<figure><div><img src="https://img.example/a.jpg"></div>
<figcaption class="attribution"> Image via <a href="https://img.example/">Northwind Images</a>
</figcaption></figure>"""
    credit_box = """<div class="lead-image"><img src="https://img.example/b.jpg">
<div class="credit">(Image: &#169; Northwind Press)</div></div>"""
    first = extract(_story(HEADLINE + attribution)).photos[0]
    second = extract(_story(HEADLINE + credit_box)).photos[0]
    assert (first.caption, first.credit) == (None, "Northwind Images")
    assert (second.caption, second.credit) == (None, "Northwind Press")


def test_image_without_any_caption_near_it_gets_none() -> None:
    # A byline beside a header image is the author's, not the picture's credit.
    header = """<div class="hero"><img src="https://img.example/h.jpg"></div>
<p class="byline">By Ana Vell</p>"""
    photo = extract(_story(HEADLINE + header)).photos[0]
    assert (photo.caption, photo.credit) == (None, None)


def test_topics_from_a_labelled_tag_list_after_the_body() -> None:
    tags = """<div class="tags-box"><h4>Related Tags: </h4><ul class="ptag">
<li><a href="https://news.example.org/t/sarn-valley">Sarn Valley </a></li>
<li><a href="https://news.example.org/t/hostages">Hostages,</a></li></ul></div>
<div class="more"><h4>Topics</h4><ul><li><a href="/t/other">Other story</a></li></ul></div>"""
    article = extract(_story(HEADLINE, after_body=tags))
    assert article.topics == (Topic(name="Sarn Valley"), Topic(name="Hostages"))


def test_topics_from_a_run_of_topic_links_under_the_headline() -> None:
    # A "filed under" row: a category link and topic-page links side by side.
    row = """<div class="filed-under"><a href="/world" class="a-cat">World</a>
<a href="/topic/hostages" class="topic"><span>Hostages</span></a>
<a href="/topic/sarn-valley" class="topic"><span>Sarn Valley</span></a></div>"""
    trending = """<div class="trending"><a href="/topic/elections">Elections</a>
<a href="/topic/weather">Weather</a></div>"""
    article = extract(_story(HEADLINE + row, before=trending))
    assert article.topics == (Topic(name="Hostages"), Topic(name="Sarn Valley"))


def test_section_tag_label_above_the_headline_is_not_a_topic() -> None:
    header = '<p class="section-tag"><a href="/news/">News</a></p>' + HEADLINE
    article = extract(_story(header))
    assert (article.kicker, article.topics) == ("News", ())


def test_a_header_whose_tag_name_lxml_cannot_match_by_is_read():
    """Found by fuzzing: the HTML parser keeps a tag name with control characters around the
    headline, and looking for tag lists from it raised a bare ValueError."""
    page = bytes.fromhex(
        "3c3f786d6c2076657273696f6e3d27312e302720656e636f64696e4c3d276c6174696e2d31273f3e003c6874"
        "6d6c3e3c3f7068702078203f3e3c626f64793e6c6174696e2d31273f3e003c68746d6c3e3c3f706870207820"
        "3f3e3c626f64793e3c9595959595959595959595959595953c616666696c696174696f6e0100000000000abe"
        "9595959595959595959595959595959595959595959595959595959595959595959595959595959595959595"
        "9595959595959595959595959595959595959595959595959595959595959561727469636c653e3c68313e00"
        "3c2f68313e3c2f61727469636c653e3c2f626f64793e3c2f68746d6c3c959595959595959595959595959595"
        "3c616666696c696174696f6e9595959595959595959595959595959595959595959595959595959595959595"
        "9595959595959595959595959595959595959595959595959595959595959595959595959595959595959561"
        "727469636c653e3c68313e003c2f68313e3c2f61727469636c653e3c2f626f64793e3c2f68746d6c3e"
    )
    with contextlib.suppress(articlekit.ArticleKitError):  # refused in our words: fine
        extract(page)  # a bare ValueError is not


def test_a_declared_image_urllib_cannot_read_gives_no_photo():
    """Found by fuzzing: a declared image such as "https://[x/a.jpg" raised a bare ValueError."""
    page = (
        b'<html><head><meta property="og:image" content="https://[x/a.jpg"></head><body>'
        b"<article><h1>Harbour reopens</h1><p>Ships are back in the harbour after the storm, "
        b"and the quays are busy again.</p></article></body></html>"
    )
    article = extract(page, url="https://example.org/news/a")
    assert article.headline == "Harbour reopens"
    assert article.photos == ()
