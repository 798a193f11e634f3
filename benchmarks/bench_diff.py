"""Benchmark of the diff stage on a whole act.

The two Russian editions of Law No. 88-V (2019 and 2022) are imported and parsed once;
then `diff_acts` (word level, per unit) is timed, median of 7 runs, and compared with
diff-match-patch in character mode on the same unit pairs and on the two whole texts
(one run each, ``Diff_Timeout = 0``). Target: the word diff of the whole act < 50 ms.

Run: ``.venv/bin/python benchmarks/bench_diff.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from diff_match_patch import diff_match_patch  # noqa: E402

from generator import diff as diff_mod  # noqa: E402
from generator.diff import diff_acts, own_text, word_diff  # noqa: E402
from generator.importer import import_text  # noqa: E402
from generator.parse import parse_markdown  # noqa: E402
from generator.render import render_text  # noqa: E402

SOURCES = REPO.parent / "shared" / "sources"
OLD = SOURCES / "ru" / "z1300000088-state-services.older-edition.ru.md"
NEW = SOURCES / "ru" / "z1300000088-state-services.ru.txt"
RUNS = 7
TARGET_MS = 50.0


def load(path: Path):
    """Import and parse one source file (not timed)."""
    result = import_text(path.read_text(encoding="utf-8"), "ru", str(path))
    doc = next(d for d in result.documents if d.role in ("act", "carried"))
    return parse_markdown(doc.markdown, "ru", str(path))


def char_mode(pairs: list[tuple[str, str]]) -> float:
    """Seconds for diff-match-patch in character mode (with semantic cleanup) on pairs."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    t = time.perf_counter()
    for a, b in pairs:
        diffs = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(diffs)
    return time.perf_counter() - t


def main() -> int:
    """Print the figures; exit 1 when the word diff misses the target."""
    old, new = load(OLD), load(NEW)
    times = []
    diff = None
    for _ in range(RUNS):
        t = time.perf_counter()
        diff = diff_acts(old, new)
        times.append(time.perf_counter() - t)
    word_ms = statistics.median(times) * 1000
    assert diff is not None
    old_idx, new_idx = old.index(), new.index()
    pairs = [
        (own_text(old_idx[p.old]), own_text(new_idx[p.new]))
        for p in diff.pairs
        if p.old in old_idx and p.new in new_idx
    ]
    char_pairs_ms = char_mode(pairs) * 1000
    old_text, new_text = render_text(old), render_text(new)
    whole_ms = char_mode([(old_text, new_text)]) * 1000
    # The word diff on the two whole texts as one string each (the per-unit bound lifted).
    bound, diff_mod.MAX_TOKENS = diff_mod.MAX_TOKENS, 10**7
    t = time.perf_counter()
    word_diff(old_text, new_text)
    whole_word_ms = (time.perf_counter() - t) * 1000
    diff_mod.MAX_TOKENS = bound
    s = diff.summary
    print(f"act: {OLD.name} -> {NEW.name}")
    print(f"units: {len(diff.pairs)} pairs; " + ", ".join(f"{k} {s[k]}" for k in s))
    print(f"word diff (diff_acts), median of {RUNS}: {word_ms:.1f} ms (target < {TARGET_MS} ms)")
    print(
        f"character mode, same unit pairs, 1 run: {char_pairs_ms:.1f} ms "
        f"(ratio {char_pairs_ms / word_ms:.1f}x)"
    )
    print(
        f"whole texts as one string, 1 run: word mode {whole_word_ms:.1f} ms, character mode "
        f"{whole_ms:.1f} ms (ratio {whole_ms / whole_word_ms:.1f}x)"
    )
    return 0 if word_ms < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
