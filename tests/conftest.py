"""Hypothesis profiles: thorough in CI (``CI`` set), quick locally; or set HYPOTHESIS_PROFILE."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Generated articles are large: data generation is what makes examples slow, not our code.
_RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=_RELAXED)
settings.register_profile("dev", max_examples=40, deadline=None, suppress_health_check=_RELAXED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``shared/`` folder beside the checkout; tests that need it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the standards and corpora live outside the package")
    return SHARED
