"""The shipped sample has the shape of a real desk item."""

from __future__ import annotations

import articlekit
from articlekit import Paragraph, TopicKind


def test_sample_has_the_shape_of_a_desk_update():
    sample = articlekit.sample()
    assert sample.kicker == "Update Desk"
    assert [(topic.name, topic.kind) for topic in sample.topics] == [
        ("Hostages", TopicKind.SUBJECT)
    ]
    assert sample.headline
    assert sample.subheadline
    assert sample.bylines == ()
    assert len(sample.photos) == 1
    assert len(sample.body) == 10
    assert all(isinstance(block, Paragraph) for block in sample.body)


def test_sample_lead_photo_caption_ends_with_its_credit():
    photo = articlekit.sample().lead_photo
    assert photo is not None
    assert photo.credit
    assert photo.caption is not None
    assert photo.caption.endswith(f"Photo by {photo.credit}.")


def test_sample_is_the_same_object_each_time():
    assert articlekit.sample() is articlekit.sample()
