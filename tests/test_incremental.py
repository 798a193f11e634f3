"""The publish step: the published site is brought up to date only after a whole build."""

import os
from pathlib import Path

import generator.incremental as incremental
from generator.incremental import publish_tree, site_changes


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _read(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_a_few_changes_are_made_in_place_and_unchanged_files_stay_the_same_inode(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"kk/a/index.html": "a", "kk/b/index.html": "b", "ru/x": "x", "dir": "f"})
    assert publish_tree(built, out) == 1  # no site yet: one copy swapped in
    kept = (out / "kk/a/index.html").stat().st_ino
    (built / "kk/b/index.html").write_text("b2", encoding="utf-8")
    (built / "ru/x").unlink()
    (built / "dir").unlink()
    _tree(built, {"kk/c/index.html": "c", "dir/inside": "d"})
    assert site_changes(built, out) == (
        ["dir", "kk/b/index.html", "kk/c"],
        ["ru/x"],
    )
    assert publish_tree(built, out) == 4
    assert _read(out) == _read(built)
    assert (out / "kk/a/index.html").stat().st_ino == kept
    assert publish_tree(built, out) == 0
    assert not [p for p in tmp_path.rglob("*") if ".zan-tmp" in p.name or ".site-" in p.name]


def test_many_changes_swap_in_a_whole_new_copy(tmp_path, monkeypatch):
    monkeypatch.setattr(incremental, "SWAP_FROM", 2)
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"a": "1", "b": "1", "c": "1"})
    publish_tree(built, out)
    old_inode = os.stat(out).st_ino
    _tree(built, {"a": "2", "b": "2", "c": "2"})
    assert publish_tree(built, out) == 3
    assert _read(out) == {"a": "2", "b": "2", "c": "2"}
    assert os.stat(out).st_ino != old_inode  # a new folder renamed into place


def test_folders_known_unchanged_are_not_walked(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"kk/acts/A/index.html": "a", "kk/acts/B/index.html": "b"})
    publish_tree(built, out)
    (built / "kk/acts/A/index.html").write_text("a2", encoding="utf-8")
    (built / "kk/acts/B/index.html").write_text("b2", encoding="utf-8")
    assert site_changes(built, out, frozenset({"kk/acts/A"})) == (["kk/acts/B/index.html"], [])
