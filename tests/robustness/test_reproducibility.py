"""Robustness: the same corpus and `--today` give the same bytes anywhere, and an
incremental build the same bytes as a clean one.

Two clean builds in two folders are compared file by file (a digest over every path and
its bytes, generator.build.tree_digest); then each kind of change is made to a built copy
of the repository (mutations of its real files), built incrementally, and compared with a
clean build of the changed corpus in another folder.
"""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest
from builds import TODAY, build, copy_of, digest, edit, fresh, stray

from generator.build import tree_digest
from generator.incremental import SHARDS, shard_of

CATEGORY = "reproducibility"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """This corpus built once (with the examples, so drafts and remarks are in)."""
    root = fresh(tmp_path_factory.mktemp("base"))
    build(root, examples=True)
    return root


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """This corpus built once without search and examples (quicker, where neither is
    what a case is about)."""
    root = fresh(tmp_path_factory.mktemp("plain"))
    build(root, search=False)
    return root


def _files(site) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_two_clean_builds_in_two_folders_are_byte_identical(base, tmp_path):
    other = fresh(tmp_path / "elsewhere")
    build(other, examples=True)
    a, b = _files(base / "site"), _files(other / "site")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    # Each language has its own search index: its entry file lists that language only.
    for lang, other in (("kk", "ru"), ("ru", "kk")):
        entry = (base / f"site/pagefind/{lang}/m25/pagefind-entry.json").read_text("utf-8")
        assert f'"{lang}"' in entry and f'"{other}"' not in entry


def test_no_path_of_the_build_folder_is_in_the_output(base):
    folder = str(base.parent).encode()
    assert [n for n, data in _files(base / "site").items() if folder in data] == []
    part = f"site/manifest/m{shard_of('Z070000262', SHARDS):02d}.json"
    assert '"file":"amendments/Z070000262/kk.md"' in (base / part).read_text(encoding="utf-8")


def test_download_archives_have_fixed_times_and_sorted_entries(base):
    zips = sorted((base / "site/download").glob("*.zip"))
    assert [z.name for z in zips] == [
        "zan-corpus-00.zip",
        "zan-corpus-01.zip",
        "zan-corpus-14.zip",
        "zan-corpus-19.zip",
        "zan-corpus-23.zip",
    ]
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            infos = zf.infolist()
            assert [i.filename for i in infos] == sorted(i.filename for i in infos)
            assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
            assert all(not i.filename.startswith("/") for i in infos)


def _without(root, rel: str) -> None:
    shutil.rmtree(root / rel)


def _restore(root, rel: str) -> None:
    from harness import REPO

    shutil.copytree(REPO / rel, root / rel)


# Each kind of change, as a list of steps (each built incrementally in turn).
CHANGES = {
    "stored text edited": [lambda r: edit(r)],
    "amending act removed": [lambda r: _without(r, "amendments/Z070000262")],
    "amending act added": [
        lambda r: _without(r, "amendments/Z070000262"),
        lambda r: _restore(r, "amendments/Z070000262"),
    ],
    "act removed": [lambda r: _without(r, "corpus/P1300000845")],
    "act.yml changed": [
        lambda r: edit(r, ("corpus/V1300008549/act.yml", "респубикалық", "республикалық"))
    ],
    "mkdocs.yml changed": [lambda r: edit(r, ("mkdocs.yml", "primary: indigo", "primary: teal"))],
    "draft changed": [
        # The draft's act.yml (its stored text can change only as a recorded import).
        lambda r: edit(
            r,
            (
                "drafts/DP1200001579/act.yml",
                "  kk: Мемлекеттік қызметтер көрсету туралы",
                "  kk: Мемлекеттік  қызметтер көрсету туралы",
            ),
        )
    ],
    "remark changed": [
        lambda r: edit(
            r,
            (
                "examples/drafts/EX1300000845/remarks.yml",
                "  decision: rejected",
                "  decision: accepted",
            ),
        )
    ],
}


# The changes whose pages or search shards are only in a build with search and examples.
FULL = {"amending act removed", "act removed", "remark changed"}


@pytest.mark.parametrize("change", list(CHANGES))
def test_an_incremental_build_equals_a_clean_build(base, plain, tmp_path, change):
    full = change in FULL
    start = base if full else plain
    root = copy_of(start, tmp_path / "inc")
    for step in CHANGES[change]:
        step(root)
        build(root, search=full, examples=full)
    clean = fresh(tmp_path / "clean")
    for step in CHANGES[change]:
        step(clean)
    build(clean, search=full, examples=full)
    assert tree_digest(root / "site") == tree_digest(clean / "site")
    if change != "amending act added":
        assert tree_digest(root / "site") != tree_digest(start / "site")
    assert stray(root / "site") == []


def test_a_rebuild_indexes_only_the_shards_of_texts_that_changed(base, tmp_path):
    from generator.build import build_site

    root = copy_of(base, tmp_path)
    search = root / ".zan-cache/site/pagefind"

    def state() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(search)): (p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(search.rglob("*"))
            if p.is_file()
        }

    def rebuild():
        return build_site(root, root / "site", today=TODAY, progress=False, examples=True)

    before = state()
    summary = rebuild()  # nothing changed: no Pagefind, the search folder untouched
    assert (summary.search_processes, summary.search_pages) == (0, 0)
    assert state() == before
    edit(root)  # the text in force of the order No. 193 (kk only), alone in its shard
    summary = rebuild()
    assert (summary.search_processes, summary.search_pages) == (1, 1)
    after = state()
    changed = {k.split("/")[1] for k in set(after) | set(before) if before.get(k) != after.get(k)}
    assert sorted(changed) == ["a14"]
    assert [k for k in after if k.startswith("ru/a14")] == []


def test_an_act_removed_takes_its_pages_archive_and_search_shard_with_it(base, tmp_path):
    root = copy_of(base, tmp_path)
    assert (root / "site/download/zan-corpus-23.zip").exists()
    assert (root / "site/pagefind/kk/a23").is_dir()
    _without(root, "corpus/P1300000845")  # the only act of shard 23
    build(root, examples=True)
    site = root / "site"
    assert not (site / "download/zan-corpus-23.zip").exists()
    assert not (site / "pagefind/kk/a23").exists()
    assert not (site / "kk/acts/P1300000845").exists()
    assert not (site / "ru/acts/P1300000845").exists()
    hits = [n for n, data in _files(site).items() if b"P1300000845" in data or "P1300000845" in n]
    assert hits == []
    empty = [
        str(p.relative_to(site)) for p in site.rglob("*") if p.is_dir() and not any(p.iterdir())
    ]
    assert empty == []


def test_a_moved_checkout_keeps_no_path_of_where_it_was(plain, tmp_path):
    first = tmp_path / "first"
    root = copy_of(plain, first)
    moved = tmp_path / "moved"
    os.rename(first, moved)
    root = moved / "repo"
    edit(root)
    build(root, search=False)
    clean = fresh(tmp_path / "clean")
    edit(clean)
    build(clean, search=False)
    assert tree_digest(root / "site") == tree_digest(clean / "site")
    for rel in ("site", ".zan-cache/docs"):
        stale = [n for n, data in _files(root / rel).items() if str(first).encode() in data]
        assert stale == [], rel


def test_nothing_changed_publishes_no_new_release(plain, tmp_path):
    root = copy_of(plain, tmp_path)
    build(root, search=False)  # a new place: every file compared, one new release
    releases = sorted(p.name for p in (root / "site.zan-releases").iterdir())
    build(root, search=False)
    assert sorted(p.name for p in (root / "site.zan-releases").iterdir()) == releases
    assert digest(root / "site") == digest(plain / "site")


def test_zan_build_takes_its_date_from_today_only(plain, tmp_path):
    # `zan build --today D` (the command line, through generator.clock) builds exactly
    # what a build told the day D does, whatever the machine's clock says.
    from harness import run

    other = fresh(tmp_path)
    out = run(other, "build", "--today", TODAY.isoformat(), "--no-search")
    assert out.exit_code == 0, out.stderr
    assert digest(other / "site") == digest(plain / "site")
