"""The amending acts as read, kept between builds (consolidate_corpus.ReadsStore, issue 16),
on the real amending act of the corpus: Law No. 262 of 2007 (amendments/Z070000262)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.consolidate_corpus import ReadsStore, read_amender
from generator.corpus import load_corpus

REPO = Path(__file__).resolve().parents[1]


def _law_262(root: Path):
    return load_corpus(root).amendments["Z070000262"]


def test_a_stored_read_is_the_read_it_kept(tmp_path):
    rec = _law_262(REPO)
    fresh = read_amender(rec)
    store = ReadsStore(tmp_path / "reads", "code-1")
    assert store.get(rec) is None
    store.put(fresh)
    got = store.get(rec)
    assert sorted(got.by_lang) == ["kk", "ru"]
    for lang in ("kk", "ru"):
        assert got.by_lang[lang].operations == fresh.by_lang[lang].operations
        assert got.unread[lang] == fresh.unread[lang]
    assert got.not_read == fresh.not_read
    assert got.record is rec
    assert got.texts["ru"].title == fresh.texts["ru"].title
    assert [p.name for p in (tmp_path / "reads").iterdir()] == ["Z070000262.pickle"]


def test_a_stored_read_of_other_code_or_other_bytes_is_not_used(tmp_path):
    root = tmp_path / "repo"
    for top in ("corpus", "amendments"):
        shutil.copytree(REPO / top, root / top)
    rec = _law_262(root)
    store = ReadsStore(tmp_path / "reads", "code-1")
    store.put(read_amender(rec))
    assert ReadsStore(tmp_path / "reads", "code-2").get(rec) is None  # another zan
    # one more newline at the end of the Russian text: other bytes, read anew
    ru = rec.files["ru"]
    ru.write_bytes(ru.read_bytes() + b"\n")
    assert store.get(rec) is None
    ru.write_bytes(ru.read_bytes()[:-1])
    assert store.get(rec) is not None
    # a damaged file (a disk's, not a build's: the build writes whole files) is read anew
    path = tmp_path / "reads/Z070000262.pickle"
    path.write_bytes(path.read_bytes()[:50])
    assert store.get(rec) is None
    store.forget("Z070000262")
    assert not path.exists()
