"""The publish step: a new release beside the current one, one link switched to it; each
publish refills a spare tree, changing only what differs (generator/releases.py)."""

import json
import os
from pathlib import Path

from generator.releases import (
    SITE_MARK,
    current_release,
    is_zan_site,
    prune_releases,
    publish_release,
    releases_of,
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


def _published(out: Path) -> list[str]:
    """The complete releases (with the marker) beside the site."""
    releases = releases_of(out)
    return sorted(p.name for p in releases.iterdir() if (p / SITE_MARK).is_file())


def test_each_publish_is_a_new_release_that_the_site_links_to(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"kk/a/index.html": "a", "kk/b/index.html": "b", "ru/x": "x", "dir": "f"})
    assert publish_release(built, out) == "000001"
    assert os.readlink(out) == "site.zan-releases/000001"  # relative: the checkout may move
    assert _read(out) == {**_read(built), SITE_MARK: "zan site\n"}
    # Two spare trees for the next publishes, hard links to the release, never served.
    assert sorted(os.listdir(releases_of(out))) == [
        "000001",
        "000001.json",
        "000002",
        "000002.json",
        "000003",
        "000003.json",
    ]
    assert _read(releases_of(out) / "000003") == _read(built)
    first = out.resolve()
    (built / "kk/b/index.html").write_text("b2", encoding="utf-8")
    (built / "ru/x").unlink()
    (built / "dir").unlink()
    _tree(built, {"kk/c/index.html": "c", "dir/inside": "d"})
    assert publish_release(built, out) == "000004"  # the newest spare, refilled
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
    assert _published(out) == ["000001", "000004"]
    assert not [p for p in tmp_path.rglob("*") if ".zan-tmp" in p.name or p.name == ".switch"]


def test_only_the_last_two_releases_are_kept_and_the_one_before_is_the_spare(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    for n in range(1, 5):
        _tree(built, {"a": str(n), "kk/acts/A/index.html": f"A{n}"})
        publish_release(built, out)
    assert os.readlink(out) == "site.zan-releases/000006"
    assert _published(out) == ["000005", "000006"]
    assert sorted(os.listdir(releases_of(out))) == [
        "000004",
        "000004.json",
        "000005",
        "000005.json",
        "000006",
        "000006.json",
    ]
    assert _read(out) == {"a": "4", "kk/acts/A/index.html": "A4", SITE_MARK: "zan site\n"}
    # The retired release: its files as published, its marker gone, its record kept.
    assert _read(releases_of(out) / "000004") == {"a": "2", "kk/acts/A/index.html": "A2"}
    record = json.loads((releases_of(out) / "000004.json").read_text(encoding="utf-8"))
    assert sorted(record["units"]) == ["kk/acts/A"]


def test_a_publish_changes_in_the_spare_only_the_folders_that_differ(tmp_path, monkeypatch):
    import generator.releases as releases

    built, out = tmp_path / "built", tmp_path / "site"
    acts = {f"kk/acts/A{i}/index.html": f"act {i}" for i in range(5)}
    _tree(built, {"index.html": "1", **acts})
    publish_release(built, out)
    made: list[str] = []
    copy_unit = releases._copy_unit
    monkeypatch.setattr(
        releases,
        "_copy_unit",
        lambda src, same, dst, kill: (
            made.append(str(dst.relative_to(out.parent))) or copy_unit(src, same, dst, kill)
        ),
    )
    _tree(built, {"index.html": "2", "kk/acts/A3/index.html": "act 3, amended"})
    unchanged = frozenset(f"kk/acts/A{i}" for i in (0, 1, 2, 4))
    assert publish_release(built, out, unchanged) == "000004"
    # The spare 000003 became 000004: of its folders only the changed act's was made again.
    assert made == ["site.zan-releases/000004/kk/acts/A3"]
    assert _read(out) == {**_read(built), SITE_MARK: "zan site\n"}
    assert _read(releases_of(out) / "000001")["kk/acts/A3/index.html"] == "act 3"
    # The next publish refills the other spare (a state one build older): it takes the same
    # act again, and nothing else.
    made.clear()
    _tree(built, {"index.html": "3"})
    assert publish_release(built, out, frozenset(f"kk/acts/A{i}" for i in range(5))) == "000005"
    assert made == ["site.zan-releases/000005/kk/acts/A3"]
    assert _read(out) == {**_read(built), SITE_MARK: "zan site\n"}


def test_folders_known_unchanged_are_not_visited(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"kk/acts/A/index.html": "a", "kk/acts/B/index.html": "b"})
    publish_release(built, out)
    (built / "kk/acts/A/index.html").write_text("a2", encoding="utf-8")
    (built / "kk/acts/B/index.html").write_text("b2", encoding="utf-8")
    # A is named unchanged by the build: taken from the record, its files never looked at.
    publish_release(built, out, frozenset({"kk/acts/A"}))
    assert _read(out) == {
        "kk/acts/A/index.html": "a",
        "kk/acts/B/index.html": "b2",
        SITE_MARK: "zan site\n",
    }


def test_what_an_interrupted_publish_left_is_removed_by_the_next(tmp_path):
    built, out = tmp_path / "built", tmp_path / "site"
    _tree(built, {"a": "1"})
    publish_release(built, out)
    # A spare being refilled when the build was killed: renamed, its record gone, no marker.
    releases = releases_of(out)
    os.rename(releases / "000003", releases / "000004")
    (releases / "000003.json").unlink()
    (releases / "000004" / "a").unlink()  # files are replaced, never written in place
    (releases / "000004" / "a").write_text("half", encoding="utf-8")
    (releases / ".switch").symlink_to("site.zan-releases/000004")
    assert (out / "a").read_text(encoding="utf-8") == "1"
    _tree(built, {"a": "2"})
    assert publish_release(built, out) == "000005"  # the other spare, never the half one
    assert _read(out) == {"a": "2", SITE_MARK: "zan site\n"}
    # The half tree is removed, a spare made again (hard links to the new release).
    assert sorted(os.listdir(releases)) == [
        "000001",
        "000001.json",
        "000005",
        "000005.json",
        "000006",
        "000006.json",
    ]
    assert _published(out) == ["000001", "000005"]
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
    # The older site has no record: it is kept as the release before, never made a spare.
    assert sorted(os.listdir(releases_of(out))) == [
        "000001",
        "000002",
        "000002.json",
        "000003",
        "000003.json",
    ]


def test_what_counts_as_a_zan_site_to_publish_to(tmp_path):
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
