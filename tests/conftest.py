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


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A fresh copy of the repository's corpus to mutate (tests/robustness/harness.py)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "robustness"))
    from harness import make_repo

    return make_repo(tmp_path)
