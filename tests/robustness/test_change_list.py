"""Robustness: in a git work tree a build takes what changed from git (generator/changes.py)
and leaves every other folder unlisted; what it builds is still exactly a clean build,
whatever was edited, committed, reverted or failed in between."""

from __future__ import annotations

import subprocess

import pytest
from builds import build, digest, edit, fresh
from harness import assert_error, line_of, mutate, run

from generator.changes import Changes

CATEGORY = "change list (git)"

ACT = "corpus/V1300008549"
CHANGE = (f"{ACT}/act.yml", "респубикалық", "республикалық")


def _git(root, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=zan", "-c", "user.email=zan@localhost", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def _folders(root) -> set[str]:
    return {
        f"{top}/{p.name}"
        for top in ("corpus", "amendments", "drafts", "examples/drafts")
        if (root / top).is_dir()
        for p in (root / top).iterdir()
    }


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """Clean builds of the corpus as it is and with the one act.yml changed."""
    before = digest(build(fresh(tmp_path_factory.mktemp("before")), search=False))
    changed = fresh(tmp_path_factory.mktemp("changed"))
    edit(changed, CHANGE)
    return {"before": before, "changed": digest(build(changed, search=False))}


def test_git_names_the_changed_folders_and_the_builds_equal_clean_ones(clean, tmp_path):
    root = fresh(tmp_path)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "corpus")
    record = root / ".zan-cache" / "changes.json"
    assert digest(build(root, search=False)) == clean["before"]
    assert Changes(root, record).unchanged == _folders(root)  # nothing to list

    edit(root, CHANGE)  # edited, not committed
    assert _folders(root) - Changes(root, record).unchanged == {ACT}
    assert digest(build(root, search=False)) == clean["changed"]

    _git(root, "commit", "-qam", "the act.yml changed")
    # dirty when last built: listed once more (its signature says it is as built)
    assert _folders(root) - Changes(root, record).unchanged == {ACT}
    _git(root, "revert", "--no-edit", "HEAD")  # committed back: git diff names it
    assert _folders(root) - Changes(root, record).unchanged == {ACT}
    assert digest(build(root, search=False)) == clean["before"]


def test_a_failed_build_leaves_its_folders_to_check_however_they_change_back(tmp_path):
    root = fresh(tmp_path)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "corpus")
    record = root / ".zan-cache" / "changes.json"
    build(root, search=False)
    # a misspelt field: the build fails (the validator's result for it is cached) …
    mutate(root / ACT / "act.yml", "\ntitle:", "\ntitel:")
    out = run(root, "build", "--today", "2026-11-21")
    assert_error(out, f"{ACT}/act.yml", line_of(root / ACT / "act.yml", "titel:"), "titel")
    # … and once the file is as committed again, the next build still checks the folder
    _git(root, "checkout", "--", f"{ACT}/act.yml")
    assert _folders(root) - Changes(root, record).unchanged == {ACT}
    # `zan check` keeps the validator's cache too: after it, every folder is checked once
    run(root, "check")
    assert Changes(root, record).unchanged is None


def test_a_corpus_in_a_folder_git_ignores_has_its_edits_seen(clean, tmp_path):
    # The corpus lies in a folder the enclosing repository ignores (as benchmarks/.work/):
    # git lists its files as ignored, so each folder is checked by its signatures and an
    # edit is rebuilt, never taken from the cache as it was.
    outer = tmp_path / "outer"
    outer.mkdir()
    (outer / ".gitignore").write_text("work/\n", encoding="utf-8")
    _git(outer, "init", "-q")
    _git(outer, "add", "-A")
    _git(outer, "commit", "-qm", "outer")
    root = fresh(outer / "work")
    record = root / ".zan-cache" / "changes.json"
    assert digest(build(root, search=False)) == clean["before"]
    assert Changes(root, record).unchanged == frozenset()  # nothing known to git
    edit(root, CHANGE)
    assert digest(build(root, search=False)) == clean["changed"]


def test_a_link_added_to_a_folder_git_vouched_for_is_refused(tmp_path):
    # Folders git names unchanged are not walked for links (corpus.load_corpus): a link
    # added since is a change git names, and the build refuses it as a clean one would.
    root = fresh(tmp_path / "repo")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "corpus")
    build(root, search=False)
    outside = tmp_path / "outside.md"
    outside.write_text("", encoding="utf-8")
    rel = f"{ACT}/kk.md.link"
    (root / rel).symlink_to(outside)
    assert _folders(root) - Changes(root, root / ".zan-cache" / "changes.json").unchanged == {ACT}
    out = run(root, "build", "--today", "2026-11-21")
    assert_error(out, rel, 0)
    assert f"{rel}:0: a symbolic link in the corpus (refused)" in out.stderr


def test_a_build_with_nothing_changed_answers_from_the_last_one_and_any_change_builds(
    clean, tmp_path
):
    # Git says no folder changed and every other input is the same: the last complete
    # build's site stands (build._last_build_if_same), nothing is read, written or published.
    import datetime as dt

    from builds import TODAY

    from generator.build import build_site
    from generator.releases import current_release

    root = fresh(tmp_path)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "corpus")
    site = root / "site"

    def again(today=TODAY):
        return build_site(root, site, today=today, progress=False, search=False)

    first = again()
    release = current_release(site)
    same = again()
    assert list(same.stages) == ["check"] and same.rebuilt_acts == 0
    assert (same.acts, same.versions, same.pages) == (first.acts, first.versions, first.pages)
    assert current_release(site) == release and digest(site) == clean["before"]
    # another --today: built (the state's context changed, so every act is assembled anew)
    other = again(TODAY + dt.timedelta(days=1))
    assert "mkdocs" in other.stages and other.rebuilt_acts == first.acts
    again()
    # the cache's record of what was published gone: built, and compared file by file
    (root / ".zan-cache" / "published.json").unlink()
    assert "publish" in again().stages and digest(site) == clean["before"]
    # an edit not committed: built, and exactly the clean build of the changed corpus
    edit(root, CHANGE)
    assert "mkdocs" in again().stages and digest(site) == clean["changed"]
    assert "mkdocs" in again().stages  # still dirty: checked again, never answered from
