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

IPTC_EXAMPLES = Path(__file__).resolve().parent / "data" / "iptc"
"""IPTC's example documents (``ninjs/<version>/``, ``newsml-g2/``), with their NOTICE.md."""

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``shared/`` folder beside the checkout, for the real-producer corpora.

    Those documents are copyleft, so they stay outside the project; tests that read them skip
    where the folder is absent. The official schemas ship in the package and IPTC's examples
    are in ``tests/data/iptc``: no test needs this folder for them.
    """
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the real-producer corpora live outside the project")
    return SHARED
