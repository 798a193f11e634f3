"""Shared fixtures: where the real source texts are."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# ../shared/sources beside the repository (DESIGN.md): the real official texts.
SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def sources() -> Path:
    """The directory of real source texts."""
    if not SOURCES.is_dir():
        pytest.fail(f"real source texts not found at {SOURCES}")
    return SOURCES
