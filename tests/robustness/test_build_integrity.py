"""Robustness: a `zan build` SIGKILLed at any point leaves the published site exactly one
complete build (the one before or the new one, never a mix, never none once there was
one), and the next build is correct (the same bytes as a clean build).

Each case runs `zan build` as its own process and kills it, either at a named point
(`ZAN_TEST_KILL_AT`, generator/killpoint.py) or after a random delay, on a copy of a
repository built once from this corpus; the change it builds is a doubled space in point 4
of order No. 193 (corpus/V1300008549), so «new» differs from «old» in one act.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time

import pytest
from builds import EDIT, build, copy_of, digest, edit, fresh, stray, zan_build

CATEGORY = "build integrity"


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    """A built repository (old corpus) and the digests of the two known builds."""
    base = tmp_path_factory.mktemp("old")
    old_root = fresh(base)
    old = digest(build(old_root))
    new_root = fresh(tmp_path_factory.mktemp("new"))
    edit(new_root)
    new = digest(build(new_root))
    assert old != new
    return {"template": old_root, "old": old, "new": new}


def _killed(root, point: str) -> None:
    proc = zan_build(root, point)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, f"not killed at {point}: {err}"


def _next_build_is_correct(root, want: str) -> None:
    assert digest(build(root)) == want
    assert stray(root / "site") == []
    assert not (root / ".zan-cache/building").exists()
    releases = _releases(root)
    assert len(releases) <= 2 and (root / "site").resolve().name == releases[-1]
    # besides them only spare trees (no marker, a record): three trees in all, and their
    # records (generator/releases.py); nothing an interrupted publish left
    names = [p.name for p in (root / "site.zan-releases").iterdir()]
    trees = [n for n in names if n.isdigit()]
    assert len(trees) == 3
    assert all(n.removesuffix(".json") in trees for n in names)
    assert all(f"{t}.json" in names for t in trees if t not in releases)


def _releases(root) -> list[str]:
    """The complete releases (with the marker) beside the site."""
    return sorted(
        p.name for p in (root / "site.zan-releases").iterdir() if (p / ".zan-site").is_file()
    )


# Every point of a small rebuild (one act changed) where a build can stop.
INCREMENTAL = [
    "load",
    "begin",
    "act",
    "site-pages",
    "mkdocs",
    "mkdocs-done",
    "search",
    "saved",
    "publish-copy:3",
    "publish-switch",
    "publish-prune",
]


@pytest.mark.parametrize("point", INCREMENTAL)
def test_a_rebuild_killed_leaves_the_old_or_the_new_site_and_the_next_is_right(
    known, tmp_path, point
):
    root = copy_of(known["template"], tmp_path)
    edit(root)
    _killed(root, point)
    site = root / "site"
    # Before the switch the old site, after it the new one: nothing in between.
    switched = point == "publish-prune"
    assert digest(site) == (known["new"] if switched else known["old"])
    assert stray(site) == []
    _next_build_is_correct(root, known["new"])


# A build killed with a change, then the change undone: the next build must not keep
# anything the killed build made (its pages may already be rendered in the cache).
@pytest.mark.parametrize("point", ["act", "mkdocs-done", "saved"])
def test_a_rebuild_killed_then_undone_gives_the_old_site_again(known, tmp_path, point):
    root = copy_of(known["template"], tmp_path)
    edit(root)
    _killed(root, point)
    file, old, new = EDIT
    edit(root, (file, new, old))
    _next_build_is_correct(root, known["old"])


# A first build killed before its switch: no site at all (never a part of one).
@pytest.mark.parametrize("point", ["mkdocs:2", "publish-copy:100"])
def test_a_first_build_killed_leaves_no_site_and_the_next_is_whole(known, tmp_path, point):
    root = fresh(tmp_path)
    edit(root)
    _killed(root, point)
    site = root / "site"
    assert digest(site) is None
    _next_build_is_correct(root, known["new"])


@pytest.mark.parametrize("seed", range(3))
def test_a_rebuild_killed_at_a_random_moment(known, tmp_path, seed):
    root = copy_of(known["template"], tmp_path)
    edit(root)
    proc = zan_build(root)
    time.sleep(random.Random(seed).uniform(0.2, 2.0))
    proc.kill()  # SIGKILL to the build alone, as `kill -9` would: its children die with it
    proc.communicate(timeout=300)
    assert digest(root / "site") in (known["old"], known["new"])
    assert stray(root / "site") == []
    _next_build_is_correct(root, known["new"])


def _processes_naming(text: str) -> list[str]:
    """Command lines of live processes that name ``text`` (Linux /proc)."""
    found = []
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
                zombie = f.read().rsplit(")", 1)[1].split()[0] == "Z"
        except OSError:
            continue
        if text in cmd and not zombie:
            found.append(cmd)
    return found


def test_the_children_of_a_killed_build_die_with_it(known, tmp_path):
    # mkdocs (or Pagefind) left running would write into the cache the next build uses.
    root = copy_of(known["template"], tmp_path)
    edit(root)
    _killed(root, "mkdocs")  # right after mkdocs started
    deadline = time.monotonic() + 0.3  # SIGKILL on the parent's death is immediate
    while _processes_naming(str(root)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_naming(str(root)) == []


def _as_older_zan_left_it(root) -> None:
    """The site as a plain folder (what zan before releases published), no releases."""
    release = (root / "site").resolve()
    (root / "site").unlink()
    shutil.copytree(release, root / "site")
    (root / "site/.zan-site").unlink()
    shutil.rmtree(root / "site.zan-releases")
    (root / ".zan-cache/published.json").unlink()


@pytest.mark.parametrize("point", [None, "publish-switch"])
def test_the_plain_site_folder_of_an_older_zan_is_taken_over_once(known, tmp_path, point):
    root = copy_of(known["template"], tmp_path)
    _as_older_zan_left_it(root)
    older = digest(root / "site")
    edit(root)
    if point:
        _killed(root, point)
        assert not (root / "site").is_symlink()  # still the older site, whole
        assert digest(root / "site") == older
    _next_build_is_correct(root, known["new"])
    assert (root / "site").is_symlink()
    # The older site is kept as the release before (a reader may still be in it).
    releases = [root / "site.zan-releases" / n for n in _releases(root)]
    assert len(releases) == 2 and releases[1] == (root / "site").resolve()
    page = "kk/acts/V1300008549/index.html"
    # The change (builds.EDIT): the source's own spelling «аэробарыш», no longer corrected.
    assert "және аэробарыш өнеркәсібі" not in (releases[0] / page).read_text(encoding="utf-8")
    assert "және аэробарыш өнеркәсібі" in (releases[1] / page).read_text(encoding="utf-8")


def test_a_first_build_passes_every_named_point(tmp_path, monkeypatch):
    # The points the kill cases name are where the build really passes, in this order.
    import generator.build as build_module
    from generator.killpoint import POINTS

    seen: list[str] = []
    monkeypatch.setattr(
        build_module, "kill_point", lambda name: seen.append(name) if name not in seen else None
    )
    build(fresh(tmp_path))
    assert seen == list(POINTS)
