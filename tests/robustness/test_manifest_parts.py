"""The manifest in parts (generator/published.py, issue 16): ``manifest.json`` lists the
site-wide files and the parts, each part ``manifest/<part>.json`` the acts (or amending
acts) of one shard; a build after one stored text changed writes only that act's part."""

from __future__ import annotations

import json

from builds import EDIT, build, edit, fresh

from generator.incremental import SHARDS, shard_of
from generator.published import read_manifest

CATEGORY = "reproducibility"


def _parts(site):
    return {p.name: p.read_bytes() for p in sorted((site / "manifest").iterdir())}


def test_each_part_holds_its_shard_and_only_the_edited_acts_part_is_written_again(tmp_path):
    root = fresh(tmp_path)
    site = build(root, search=False)
    head = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert list(head)[:2] == ["generator", "manifest_format"] and head["manifest_format"] == 2
    acts = sorted(p.name for p in (root / "corpus").iterdir() if (p / "act.yml").is_file())
    amending = sorted(p.name for p in (root / "amendments").iterdir() if p.is_dir())
    expected = {f"a{shard_of(a, SHARDS):02d}.json" for a in acts}
    expected |= {f"m{shard_of(m, SHARDS):02d}.json" for m in amending}
    assert [p["path"] for p in head["parts"]] == [f"manifest/{n}" for n in sorted(expected)]
    # manifest.json itself lists no act's files; each part only its own shard's
    assert not [f for f in head["published"] if "/acts/" in f["path"]]
    for name, data in _parts(site).items():
        part = json.loads(data)
        assert part["part"] == name.removesuffix(".json")
        owners = {t["act"] for t in part["texts"] + part["texts_amending"]}
        assert {f"{name[0]}{shard_of(a, SHARDS):02d}.json" for a in owners} == {name}
    before = _parts(site)
    whole = read_manifest(site)

    edit(root)  # one stored text of the order V1300008549 changed
    site = build(root, search=False)
    after = _parts(site)
    changed = sorted(n for n in after if after[n] != before.get(n))
    assert changed == [f"a{shard_of('V1300008549', SHARDS):02d}.json"]
    assert EDIT[0].startswith("corpus/V1300008549/")
    new = read_manifest(site)
    moved = sorted({t["act"] for t in new["texts"]} ^ {t["act"] for t in whole["texts"]})
    assert moved == []
    # every published file is listed, with its bytes' hash, in the parts and the head
    import hashlib

    listed = {f["path"]: f["sha256"] for f in new["published"]}
    on_disk = {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file() and p.name not in ("manifest.json", ".zan-site")
    }
    assert listed == on_disk
