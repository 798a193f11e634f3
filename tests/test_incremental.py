"""The publish step: a new release beside the current one, one link switched to it."""

import os
from pathlib import Path

from generator.incremental import (
    SITE_MARK,
    current_release,
    prune_releases,
    publish_release,
    releases_of,
    site_changes,
)


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


def test_each_publish_is_a_new_release_that_the_site_links_to(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"kk/a/index.html": "a", "kk/b/index.html": "b", "ru/x": "x", "dir": "f"})
    assert publish_release(built, out) == "000001"
    assert os.readlink(out) == "site.zan-releases/000001"  # relative: the checkout may move
    assert _read(out) == {**_read(built), SITE_MARK: "zan site\n"}
    first = out.resolve()
    (built / "kk/b/index.html").write_text("b2", encoding="utf-8")
    (built / "ru/x").unlink()
    (built / "dir").unlink()
    _tree(built, {"kk/c/index.html": "c", "dir/inside": "d"})
    assert site_changes(built, first) == (["dir", "kk/b/index.html", "kk/c"], ["ru/x", SITE_MARK])
    assert publish_release(built, out) == "000002"
    assert _read(out) == {**_read(built), SITE_MARK: "zan site\n"}
    # The release before is untouched (a reader who opened it still reads one build) …
    assert _read(first) == {
        "kk/a/index.html": "a",
        "kk/b/index.html": "b",
        "ru/x": "x",
        "dir": "f",
        SITE_MARK: "zan site\n",
    }
    # … and the file that did not change is the same file in both, not a copy.
    assert (out / "kk/a/index.html").stat().st_ino == (first / "kk/a/index.html").stat().st_ino
    assert (out / "kk/b/index.html").stat().st_ino != (first / "kk/b/index.html").stat().st_ino
    assert publish_release(built, out) is None  # nothing to publish: no new release
    assert sorted(os.listdir(releases_of(out))) == ["000001", "000002"]
    assert not [p for p in tmp_path.rglob("*") if ".zan-tmp" in p.name or p.name == ".switch"]


def test_only_the_last_two_releases_are_kept(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    for n in range(1, 5):
        _tree(built, {"a": str(n)})
        assert publish_release(built, out) == f"{n:06d}"
    assert sorted(os.listdir(releases_of(out))) == ["000003", "000004"]
    assert (out / "a").read_text(encoding="utf-8") == "4"


def test_what_an_interrupted_publish_left_is_removed_by_the_next(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"a": "1"})
    publish_release(built, out)
    # A release being filled when the build was killed: never linked, no marker.
    _tree(releases_of(out) / "000002", {"a": "half"})
    (releases_of(out) / ".switch").symlink_to("site.zan-releases/000002")
    assert (out / "a").read_text(encoding="utf-8") == "1"
    _tree(built, {"a": "2"})
    assert publish_release(built, out) == "000003"
    assert sorted(os.listdir(releases_of(out))) == ["000001", "000003"]
    assert prune_releases(out) == []


def test_an_older_zan_site_in_a_plain_folder_becomes_a_release_once(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(out, {"index.html": "old", "kk/index.html": "old kk"})
    _tree(built, {"index.html": "new", "kk/index.html": "old kk"})
    os.utime(built / "kk/index.html", ns=(1, 1))
    os.utime(out / "kk/index.html", ns=(1, 1))
    assert current_release(out) is None
    assert publish_release(built, out) == "000002"
    assert out.is_symlink() and current_release(out) == releases_of(out) / "000002"
    assert _read(out) == {"index.html": "new", "kk/index.html": "old kk", SITE_MARK: "zan site\n"}
    old = releases_of(out) / "000001"
    assert _read(old) == {"index.html": "old", "kk/index.html": "old kk", SITE_MARK: "zan site\n"}
    assert (out / "kk/index.html").stat().st_ino == (old / "kk/index.html").stat().st_ino


def test_folders_known_unchanged_are_not_walked(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"kk/acts/A/index.html": "a", "kk/acts/B/index.html": "b"})
    publish_release(built, out)
    (built / "kk/acts/A/index.html").write_text("a2", encoding="utf-8")
    (built / "kk/acts/B/index.html").write_text("b2", encoding="utf-8")
    assert site_changes(built, out, frozenset({"kk/acts/A", SITE_MARK})) == (
        ["kk/acts/B/index.html"],
        [],
    )


def test_what_counts_as_a_zan_site_to_publish_to(tmp_path):
    from generator.incremental import is_zan_site

    built, out = tmp_path / "built", tmp_path / "site"
    assert is_zan_site(out)  # nothing there yet
    _tree(built, {"manifest.json": '{"generator":"zan","texts":[]}'})
    publish_release(built, out)
    assert is_zan_site(out)
    assert is_zan_site(releases_of(out) / "000001")
    _tree(tmp_path / "older", {"manifest.json": '{"generator":"zan","texts":[]}'})
    assert is_zan_site(tmp_path / "older")
    _tree(tmp_path / "amendments", {"Z070000262/kk.md": "x"})
    assert not is_zan_site(tmp_path / "amendments")
    (tmp_path / "elsewhere").symlink_to(tmp_path / "amendments")
    assert not is_zan_site(tmp_path / "elsewhere")


def test_the_build_state_rewrites_only_the_parts_of_the_records_it_replaced(tmp_path):
    from generator.incremental import STATE_PARTS, State, shard_of

    ctx = {"version": 1}
    state = State.load(tmp_path / "state.json", ctx)
    ids = ["Z1300000088", "Z000000107", "V1300008549", "P1300000845"]
    assert len({shard_of(a, STATE_PARTS) for a in ids}) == 4  # four parts
    for a in ids:
        state.data["acts"][a] = {"key": a}
    state.data.setdefault("amenders", {})["Z070000262"] = {"sig": "s"}
    state.begin()
    state.save()
    parts = tmp_path / "state"
    files = sorted(p.name for p in parts.iterdir())
    assert len(files) == 5 and not state.marker.exists()
    times = {p.name: p.stat().st_mtime_ns for p in parts.iterdir()}

    again = State.load(tmp_path / "state.json", ctx)
    assert again.data["acts"] == {a: {"key": a} for a in ids}
    assert again.data["amenders"] == {"Z070000262": {"sig": "s"}}
    again.data["acts"]["Z1300000088"] = {"key": "new"}  # replaced
    del again.data["acts"]["P1300000845"]  # removed: its part goes
    again.begin()
    again.save()
    changed = f"{shard_of('Z1300000088', STATE_PARTS):02d}.json"
    gone = f"{shard_of('P1300000845', STATE_PARTS):02d}.json"
    now = {p.name: p.stat().st_mtime_ns for p in parts.iterdir()}
    assert set(now) == set(files) - {gone}
    assert [n for n in sorted(now) if now[n] != times[n]] == [changed]
    third = State.load(tmp_path / "state.json", ctx)
    assert third.data["acts"]["Z1300000088"] == {"key": "new"}
    assert sorted(third.data["acts"]) == sorted(set(ids) - {"P1300000845"})
    # a build that stopped half-way (its marker stands) trusts none of it
    third.begin()
    assert State.load(tmp_path / "state.json", ctx).data["acts"] == {}
