"""Re-check the sampled real acts of benchmarks/realworld-sample against their source.yml.

For every ``<kind>/<N>/source.yml`` the stored ``kk.md`` and ``ru.md`` must have exactly the
recorded length in characters and in UTF-8 bytes; every N must be even, both languages present,
and ``index.tsv`` must list exactly the stored acts.  Prints the counts by kind and decade.

Example::

    $ python3 benchmarks/realworld_sample_check.py
    ok: 13 acts, 26 files, 41,234 bytes ...
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "realworld-sample"


def read_source(path: Path) -> dict[str, object]:
    """Read the small, flat YAML of one source.yml (two levels, ``key: value``).

    Example: ``read_source(Path("acts/104154/source.yml"))["kk"]["chars"] == "14106"``.
    """
    data: dict[str, object] = {}
    section: dict[str, str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        value = line.split("  #", 1)[0]
        if not value.strip():
            continue
        if value.startswith("  ") and section is not None:
            key, _, val = value.strip().partition(": ")
            section[key] = val.strip()
            continue
        key, _, val = value.partition(":")
        val = val.strip()
        if val:
            data[key] = val
            section = None
        else:
            section = {}
            data[key] = section
    return data


def main() -> int:
    """Check every stored act; return 0 when all agree, 1 otherwise."""
    errors: list[str] = []
    kinds: collections.Counter[str] = collections.Counter()
    decades: collections.Counter[tuple[str, str]] = collections.Counter()
    bounds: collections.Counter[tuple[str, str]] = collections.Counter()
    total_bytes = 0
    stored: set[int] = set()
    for src in sorted(ROOT.glob("*/*/source.yml")):
        folder = src.parent
        meta = read_source(src)
        number = int(folder.name)
        stored.add(number)
        if number % 2:
            errors.append(f"{folder}: odd number")
        if str(meta.get("number")) != folder.name:
            errors.append(f"{src}: number {meta.get('number')} != folder {folder.name}")
        kind = str(meta.get("kind"))
        if (folder.parent.name == "amendments") != (kind == "amending"):
            errors.append(f"{src}: kind {kind} in {folder.parent.name}/")
        for lang, name in (("kk", "kk.md"), ("ru", "ru.md")):
            f = folder / name
            info = meta.get(lang)
            if not f.exists() or not isinstance(info, dict):
                errors.append(f"{folder}: {name} or its source.yml entry missing")
                continue
            raw = f.read_bytes()
            text = raw.decode("utf-8")
            total_bytes += len(raw)
            if len(text) != int(info["chars"]):
                errors.append(f"{f}: {len(text)} chars, source.yml says {info['chars']}")
            if len(raw) != int(info["bytes_utf8"]):
                errors.append(f"{f}: {len(raw)} bytes, source.yml says {info['bytes_utf8']}")
            if not re.fullmatch(r"[0-9a-f]{40}", info.get("commit", "")):
                errors.append(f"{src}: {lang} commit is not 40 hex digits")
            first = text.split("\n", 1)[0]
            if info.get("title") and first != _unquote(info["title"]):
                errors.append(f"{src}: {lang} title differs from the file's first line")
        kinds[kind] += 1
        group = "amending" if kind == "amending" else "other"
        decades[(group, str(meta.get("decade")))] += 1
        lower = str(meta.get("not_before_year"))
        bounds[(group, f"{lower[:3]}0s" if lower.isdigit() else "unknown")] += 1
    listed = set()
    for line in (ROOT / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        listed.add(int(line.split("\t", 1)[0]))
    if listed != stored:
        errors.append(f"index.tsv lists {sorted(listed ^ stored)} differently from the folders")
    for e in errors:
        print(e, file=sys.stderr)
    print(
        f"{'FAILED' if errors else 'ok'}: {len(stored)} acts, {2 * len(stored)} files, {total_bytes:,} bytes"
    )
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(
        "by decade (stated in the text): "
        + ", ".join(f"{g}/{d} {v}" for (g, d), v in sorted(decades.items()))
    )
    print(
        "by decade of not_before_year (a lower bound): "
        + ", ".join(f"{g}/{d} {v}" for (g, d), v in sorted(bounds.items()))
    )
    return 1 if errors else 0


def _unquote(value: str) -> str:
    """Undo the JSON-style quoting of a source.yml title (``"\\"x\\""`` → ``"x"``)."""
    import json

    try:
        return json.loads(value) if value.startswith('"') else value
    except ValueError:
        return value


if __name__ == "__main__":
    sys.exit(main())
