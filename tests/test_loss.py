"""The loss report every writer uses: a warning by default, an error when strict."""

from __future__ import annotations

import warnings

import pytest

from articlekit import LossError, LossWarning
from articlekit._loss import report_losses


def test_losses_warn_once_naming_every_field_in_order():
    with pytest.warns(LossWarning, match=r"ninjs 2\.2 cannot carry: kicker, photos\[0\]\.credit"):
        report_losses("ninjs 2.2", ["kicker", "photos[0].credit", "kicker"], strict=False)


def test_strict_losses_raise():
    with pytest.raises(LossError) as caught:
        report_losses("NewsML-G2", ["kicker"], strict=True)
    assert caught.value.fields == ("kicker",)


def test_no_losses_say_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report_losses("html", [], strict=True)
        report_losses("html", [], strict=False)
