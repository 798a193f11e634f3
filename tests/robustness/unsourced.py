"""Helper of the robustness cases that mutate an amending act's stored text and then run
`zan check` or `zan build` (which tie every stored text to its source): the mutated act is
recorded as a text without a source (its act.yml's `sources` dropped, the texts' SHA-256
recorded as `text_sha256`, as docs/schemas.md allows), so that what is tested is the
mutation, not the broken tie."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path


def unsource(folder: Path) -> None:
    """Record the stored texts of an amending act folder as texts without a source."""
    yml = folder / "act.yml"
    text = re.sub(
        r"^sources:\n(?:(?:  |    ).*\n)+", "", yml.read_text(encoding="utf-8"), flags=re.M
    )
    sums = {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.md"))}
    text += "text_sha256:\n" + "".join(f"  {lang}: {h}\n" for lang, h in sums.items())
    yml.write_text(text, encoding="utf-8")
