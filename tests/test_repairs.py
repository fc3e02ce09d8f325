"""The repair report shared by the readers: warnings by default, a refusal when strict."""

from __future__ import annotations

import warnings

import pytest

import articlekit
from articlekit._repairs import Repairs


def _read(repairs: Repairs) -> None:
    repairs.report("no time zone: read as UTC", where="<versionCreated>", line=8)
    repairs.report("headline derived from <slugline>", where="<headline>")
    repairs.warn(stacklevel=2)


def test_repairs_are_warnings_with_their_place_in_the_order_made() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _read(Repairs(strict=False))
    assert [str(w.message) for w in caught] == [
        "<versionCreated> (line 8): no time zone: read as UTC",
        "<headline>: headline derived from <slugline>",
    ]
    first = caught[0].message
    assert isinstance(first, articlekit.RepairWarning)
    assert (first.repair, first.where, first.line) == (
        "no time zone: read as UTC",
        "<versionCreated>",
        8,
    )
    assert caught[0].filename == __file__  # the warning points at the reader's caller


def test_strict_repairs_refuse_at_the_first_one() -> None:
    repairs = Repairs(strict=True)
    with pytest.raises(articlekit.ValidationError) as raised:
        _read(repairs)
    assert raised.value.path == "<versionCreated>"
    assert str(raised.value) == (
        "<versionCreated>: no time zone: read as UTC (line 8); strict reading refuses it"
    )
    assert repairs.made == ()


def test_warn_issues_each_repair_once() -> None:
    repairs = Repairs(strict=False)
    repairs.report("dropped", where="x")
    assert [w.where for w in repairs.made] == ["x"]
    with pytest.warns(articlekit.RepairWarning):
        repairs.warn()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        repairs.warn()  # nothing left to say


def test_a_repair_warning_is_a_user_warning_not_a_loss_warning() -> None:
    assert issubclass(articlekit.RepairWarning, UserWarning)
    assert not issubclass(articlekit.RepairWarning, articlekit.LossWarning)
