"""The lead photo, its caption and its credit, from small pages written for these tests (#16).

A credit printed in a caption is split off it, not copied; the photo a reader sees before the
body is the lead, whatever the page declares; buttons, pixels and teasers are no photos.
"""

from __future__ import annotations

import json

import pytest

from articlekit.extract import extract
from articlekit.model import Photo
from articlekit.web._caption import CaptionText, split_credit

TEXT = (
    "Eleven people held for 23 days by an armed group in the hills of the Sarn Valley were "
    "released early on Saturday, mediators said, ending a long standoff.",
    "The hostages, eight road engineers and three drivers, were handed over at a checkpoint "
    "outside Varenholt shortly after 3 a.m. and taken to the regional hospital.",
    "Officials said all were in stable condition, though two were treated for dehydration, "
    "and relatives gathered outside through the night.",
)
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in TEXT)
HEADLINE = "<h1>Eleven hostages freed in Sarn Valley</h1>"
LEAD = "https://img.example/lead.jpg"
DECLARED = "https://img.example/social-1200x630.jpg"


def _page(header: str, *, head: str = "", opening: str = "", between: str = "") -> str:
    """A news page: *header* above the body, *between* them outside the header, the body
    opening with *opening*."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>Hostages freed</title>{head}</head>
<body><main><div class="layout"><div class="column"><div class="story-header">{header}</div>
</div></div><div class="layout-main">{between}<div class="story-body">{opening}{PARAGRAPHS}
</div></div></main></body></html>"""


def _lead(header: str, **parts: str) -> Photo:
    photos = extract(_page(header, **parts), url="https://news.example/story").photos
    assert photos, "no photo"
    return photos[0]


def _figure(figcaption: str) -> str:
    return f'{HEADLINE}<figure><img src="{LEAD}"><figcaption>{figcaption}</figcaption></figure>'


# --- a credit printed in the caption is split off it ----------------------------------------


@pytest.mark.parametrize(
    ("figcaption", "caption", "credit"),
    [
        ("Relatives wait outside. Photo by Ana Vell/Northwind.", "Relatives wait outside.",
         "Ana Vell/Northwind"),
        ("Relatives wait outside (AFP)", "Relatives wait outside", "AFP"),
        ("Relatives wait outside (AFP).", "Relatives wait outside.", "AFP"),
        ("Relatives wait outside. Credit: Ana Vell", "Relatives wait outside.", "Ana Vell"),
        ("Relatives wait outside [File: Reuters]", "Relatives wait outside", "File: Reuters"),
        ("Relatives wait outside. (Credit: Ana Vell/Northwind)", "Relatives wait outside.",
         "Ana Vell/Northwind"),
        ("Relatives wait outside (Photo: Ana Vell)", "Relatives wait outside", "Ana Vell"),
        ("Relatives wait outside \u2014 Image credit: Northwind", "Relatives wait outside",
         "Northwind"),
        ("Relatives wait outside, photo by Ana Vell.", "Relatives wait outside.", "Ana Vell"),
        ("Relatives wait outside \u00a9 Ana Vell", "Relatives wait outside", "Ana Vell"),
    ],
)  # fmt: skip
def test_a_credit_printed_in_the_caption_is_split_off(
    figcaption: str, caption: str, credit: str
) -> None:
    photo = _lead(_figure(figcaption))
    assert (photo.caption, photo.credit) == (caption, credit)


@pytest.mark.parametrize(
    "figcaption", ["Photo by Ana Vell/Northwind.", "(Ana Vell/Northwind)", "Credit: Ana Vell"]
)
def test_a_caption_that_is_all_credit_is_no_caption(figcaption: str) -> None:
    photo = _lead(_figure(figcaption))
    assert photo.caption is None
    assert photo.credit in ("Ana Vell/Northwind", "Ana Vell")


@pytest.mark.parametrize(
    "caption",
    [
        "Relatives gather at the source of the river.",  # no colon: not a label
        "A picture by the children hangs in the hall.",  # not opening a clause
        "Stages (a), (b), (c) of the release.",  # a list's letters
        "Relatives wait outside the hospital (left).",  # not an agency's name
    ],
)
def test_words_that_only_look_like_credits_stay_in_the_caption(caption: str) -> None:
    assert split_credit(caption) == CaptionText(caption, None)


def test_split_credit_keeps_every_word_of_the_caption_or_the_credit() -> None:
    caption = "Relatives wait outside the hospital on Sunday. Photo by Ana Vell / Northwind."
    assert split_credit(caption) == CaptionText(
        "Relatives wait outside the hospital on Sunday.", "Ana Vell / Northwind"
    )


# --- credits in elements of their own ---------------------------------------------------------


def test_a_caption_in_two_parts_has_its_credit_in_the_last() -> None:
    figure = (
        f'{HEADLINE}<figure><img src="{LEAD}"><figcaption><span>Relatives wait outside.</span>'
        "<span>Ana Vell / Northwind</span></figcaption></figure>"
    )
    photo = _lead(figure)
    assert (photo.caption, photo.credit) == ("Relatives wait outside.", "Ana Vell / Northwind")


def test_a_two_sentence_caption_in_two_parts_is_all_caption() -> None:
    figure = (
        f'{HEADLINE}<figure><img src="{LEAD}"><figcaption><span>Relatives wait outside.</span> '
        "<span>They waited all night.</span></figcaption></figure>"
    )
    photo = _lead(figure)
    assert (photo.caption, photo.credit) == ("Relatives wait outside. They waited all night.", None)


def test_a_cite_in_the_caption_is_its_credit() -> None:
    photo = _lead(_figure("Relatives wait outside. <cite>Ana Vell</cite>"))
    assert (photo.caption, photo.credit) == ("Relatives wait outside.", "Ana Vell")


def test_a_box_classed_caption_and_credit_gives_its_parts() -> None:
    figure = (
        f'{HEADLINE}<figure><img src="{LEAD}"><figcaption class="image__caption-credit">'
        '<div class="image__caption">Relatives wait outside.</div>'
        '<div class="image__credit">Photo illustration by Northwind.</div></figcaption></figure>'
    )
    photo = _lead(figure)
    assert (photo.caption, photo.credit) == (
        "Relatives wait outside.",
        "Photo illustration by Northwind.",
    )


def test_a_box_around_the_caption_is_not_its_credit() -> None:
    figure = (
        f'{HEADLINE}<figure><img src="{LEAD}"><figcaption>'
        '<div class="media-caption-and-attribution"><div class="caption">Relatives wait outside.'
        '</div><div class="attribution">Ana Vell for Northwind</div></div></figcaption></figure>'
    )
    photo = _lead(figure)
    assert (photo.caption, photo.credit) == ("Relatives wait outside.", "Ana Vell for Northwind")


# --- the lead photo: what the reader sees before the body -----------------------------------


def test_a_figure_between_the_header_and_the_body_is_the_lead() -> None:
    head = f'<meta property="og:image" content="{DECLARED}">'
    figure = f'<figure><img src="{LEAD}"><figcaption>Relatives wait outside.</figcaption></figure>'
    photo = _lead(HEADLINE, head=head, between=figure)
    assert (photo.href, photo.caption) == (LEAD, "Relatives wait outside.")


def test_a_featured_picture_named_with_an_abbreviation_is_the_lead() -> None:
    head = f'<meta property="og:image" content="{DECLARED}">'
    featured = f'{HEADLINE}<div class="feat-image wide"><img src="{LEAD}"></div>'
    assert _lead(featured, head=head).href == LEAD


def test_a_teaser_linking_to_another_story_is_not_the_lead() -> None:
    teaser = (
        '<div class="most-read-today"><a href="https://news.example/other-story">'
        '<picture class="featured-image"><img src="https://img.example/other.jpg"></picture>'
        "Another story</a></div>"
    )
    featured = f'<div class="featured-image"><img src="{LEAD}"></div>'
    assert _lead(HEADLINE + teaser + featured).href == LEAD


def test_the_picture_before_the_body_is_the_lead_when_the_header_was_boilerplate() -> None:
    # The headline's box is named like boilerplate ("-print"), so it is cleaned away with it.
    header = f'<div class="hero-print">{HEADLINE}</div>'
    figure = f'<figure class="hero"><img src="{LEAD}"></figure>'
    head = f'<meta property="og:image" content="{DECLARED}">'
    page = _page("", head=head, between=header + figure)
    assert extract(page).photos[0].href == LEAD


@pytest.mark.parametrize(
    "image",
    [
        '<img src="https://s7.addthis.com/static/btn/v2/lg-share-en.gif" alt="Share">',
        '<img src="https://img.example/share.gif" width="125" height="16" alt="Share">',
        '<img src="https://img.example/pixel.gif" width="1" height="1">',
    ],
)
def test_share_buttons_icons_and_pixels_are_no_photos(image: str) -> None:
    article = extract(_page(HEADLINE, opening=f"<p>{image}</p>"))
    assert article.photos == ()


def test_a_lazy_loaders_address_wins_over_its_placeholder() -> None:
    images = (
        '<figure><img src="/img/sr-loader.png" data-srcset="https://img.example/a-300.jpg 300w,'
        ' https://img.example/a-600.jpg 600w"></figure>'
        '<figure><img data-normal="https://img.example/b.jpeg?width=780"></figure>'
    )
    article = extract(_page(HEADLINE, opening=images), url="https://news.example/story")
    assert [photo.href for photo in article.photos] == [
        "https://img.example/a-600.jpg",  # the widest candidate
        "https://img.example/b.jpeg?width=780",
    ]


@pytest.mark.parametrize(
    ("srcset", "chosen"),
    [
        ("/s.jpg 300w, /l.jpg 2500w, /m.jpg 720w", "/l.jpg"),
        ("/a.jpg 1x,/b.jpg 2x", "/b.jpg"),
        ("/w_300,h_200/a.jpg 300w , /w_900,h_600/a.jpg 900w", "/w_900,h_600/a.jpg"),
        ("/first.jpg, /second.jpg", "/first.jpg"),  # no widths: the first
        (" , ,/only.jpg", "/only.jpg"),
    ],
)
def test_the_widest_srcset_candidate_is_the_photo(srcset: str, chosen: str) -> None:
    image = f'<figure><img src="data:image/gif;base64,R0lGOD" srcset="{srcset}"></figure>'
    article = extract(_page(HEADLINE, opening=image), url="https://news.example/story")
    assert article.photos[0].href == "https://news.example" + chosen


# --- the declared image -----------------------------------------------------------------------


def _json_ld(image: object, *nodes: object) -> str:
    graph = [{"@type": "NewsArticle", "headline": "Hostages freed", "image": image}, *nodes]
    return f'<script type="application/ld+json">{json.dumps({"@graph": graph})}</script>'


def test_a_declared_image_given_as_a_reference_is_resolved_in_the_graph() -> None:
    image = {"@type": "ImageObject", "@id": "https://news.example/#primaryimage", "url": LEAD}
    head = _json_ld({"@id": "https://news.example/#primaryimage"}, image)
    assert _lead(HEADLINE, head=head).href == LEAD


def test_a_declared_image_reference_to_nothing_is_no_image() -> None:
    head = _json_ld({"@id": "https://news.example/#primaryimage"})
    head += f'<meta property="og:image" content="{DECLARED}">'
    assert _lead(HEADLINE, head=head).href == DECLARED


def test_a_drupal_image_field_whose_label_is_hidden_is_the_lead_photo() -> None:
    # "field--label-hidden" hides the field's label, not the field.
    field = (
        '<div class="field field--name-field-image field--label-hidden field__item">'
        '<img src="/files/river.jpg" alt="Low water at the weir"></div>'
    )
    article = extract(_page(HEADLINE, opening=field), url="https://news.example/story")
    assert article.photos[0].href == "https://news.example/files/river.jpg"
