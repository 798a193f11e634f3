"""Paths from the corpus: ids that become folders, symlinks, and where a build may write.

DESIGN.md, «Ids that become paths»: an act ID matches ``^[A-Z][A-Z0-9]{5,19}$``, an
edition folder ``^[A-Za-z0-9][A-Za-z0-9-]{0,63}$``, a language is ``kk`` or ``ru``;
anything else is rejected where it would become a path (``../``, an absolute path, a
60-folder-deep id). zan reads only the repository and ``../shared/`` beside it: a symlink
under the corpus that leads anywhere else is refused before anything is read through it.
A build writes only under ``--out``, the build cache and ``<out>.zan-releases/``, and
``--out`` must be empty, new, or a site an earlier zan build made (`guard_build`).

>>> edition_id_problem("partial-before-Z1500000408") is None
True
>>> edition_id_problem("../../../tmp/x")
"'../../../tmp/x' is not an edition id (^[A-Za-z0-9][A-Za-z0-9-]{0,63}$)"
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from .model import ACT_ID_RE
from .releases import is_zan_site

EDITION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
LANGS = ("kk", "ru")
CORPUS_TOPS = ("corpus", "amendments", "drafts", "examples")
# What a zan build puts at the top of its site (build.build_site, publish.root_index).
SITE_ENTRIES = frozenset(
    {"index.html", "manifest.json", "manifest", "kk", "ru", "download", "pagefind"}
)


class PathError(ValueError):
    """A path zan refuses to read or write; the message names the file (or option)."""


def act_id_problem(value: object) -> str | None:
    """Why a value cannot be an act ID (a folder name), or None.

    >>> act_id_problem("Z1300000088") is None, act_id_problem("/etc")
    (True, "'/etc' is not an act ID (^[A-Z][A-Z0-9]{5,19}$)")
    """
    if isinstance(value, str) and ACT_ID_RE.match(value):
        return None
    return f"{value!r} is not an act ID (^[A-Z][A-Z0-9]{{5,19}}$)"


def edition_id_problem(value: object) -> str | None:
    """Why a value cannot be an edition folder name, or None.

    >>> edition_id_problem("/tmp"), edition_id_problem("a/" * 60) is not None
    ("'/tmp' is not an edition id (^[A-Za-z0-9][A-Za-z0-9-]{0,63}$)", True)
    """
    if isinstance(value, str) and EDITION_ID_RE.match(value):
        return None
    return f"{value!r} is not an edition id (^[A-Za-z0-9][A-Za-z0-9-]{{0,63}}$)"


def language_problem(value: object) -> str | None:
    """Why a value cannot be a language (it names the file ``<lang>.md``), or None.

    >>> language_problem("kk") is None, language_problem("../kk")
    (True, "'../kk' is not a language (kk, ru)")
    """
    return None if value in LANGS else f"{value!r} is not a language (kk, ru)"


def edition_line(yml: Path, index: int, key: str = "id") -> int:
    """The line of ``editions[index].<key>`` in an act.yml (its ``- `` line without it; 0
    when the file cannot be read as YAML).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "act.yml"
    >>> _ = p.write_text("id: Z1\\neditions:\\n  - id: a\\n  - includes: x\\n    id: ../b\\n")
    >>> edition_line(p, 1)
    5
    """
    try:
        node = yaml.compose(yml.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 0
    if not isinstance(node, yaml.MappingNode):
        return 0
    for k, v in node.value:
        if k.value == "editions" and isinstance(v, yaml.SequenceNode) and index < len(v.value):
            item = v.value[index]
            for ik, _iv in getattr(item, "value", []) if isinstance(item, yaml.MappingNode) else []:
                if ik.value == key:
                    return ik.start_mark.line + 1
            return item.start_mark.line + 1
    return 0


def line_with(path: Path, needle: str) -> int:
    """The first line of a file holding ``needle`` (0 when none or unreadable).

    >>> line_with(Path("/nonexistent"), "x")
    0
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    return next((n for n, s in enumerate(lines, 1) if needle in s), 0)


def allowed_roots(root: Path) -> tuple[Path, Path]:
    """Where zan may read: the repository and ``../shared/`` beside it (resolved)."""
    return _allowed_roots(os.path.abspath(root))


@lru_cache(maxsize=64)
def _allowed_roots(root: str) -> tuple[Path, Path]:
    real = Path(root).resolve()
    return real, (real.parent / "shared").resolve()


def inside(path: Path, roots: tuple[Path, ...]) -> bool:
    """Whether ``path``, symlinks followed, lies in one of ``roots`` (resolved folders).

    >>> inside(Path("/a/b/../c"), (Path("/a"),)), inside(Path("/a/../x"), (Path("/a"),))
    (True, False)
    """
    real = path.resolve()
    return any(real == r or real.is_relative_to(r) for r in roots)


def _shown(path: str, root: Path) -> str:
    """A path as errors show it: relative to the repository (no path of this machine)."""
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


def escaping_links(path: Path, root: Path) -> list[str]:
    """One error per symlink at or under ``path`` that leads outside the repository and
    ``../shared/`` (links are not followed to find them; a link that stays inside is
    followed, once). Nothing is read: only names and link targets.

    >>> escaping_links(Path("/nonexistent"), Path("/nonexistent"))
    []
    """
    roots = allowed_roots(root)
    errors: list[str] = []
    seen: set[str] = set()

    def refuse(p: str) -> None:
        errors.append(
            f"{_shown(p, root)}:0: a symlink that leads outside the repository and "
            "../shared/ is refused"
        )

    def walk(folder: str) -> None:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if e.is_symlink():
                follow(e.path)
            elif e.is_dir(follow_symlinks=False):
                walk(e.path)

    def follow(link: str) -> None:
        if not inside(Path(link), roots):
            refuse(link)
            return
        real = os.path.realpath(link)
        if os.path.isdir(real) and real not in seen:
            seen.add(real)
            walk(link)

    if os.path.islink(path):
        follow(str(path))
    elif os.path.lexists(path) and not inside(path, roots):
        # A folder above it is a symlink that leads outside (e.g. examples/ itself).
        errors.append(
            f"{_shown(str(path), root)}:0: lies outside the repository and ../shared/ "
            "through a symlink; refused"
        )
    elif os.path.isdir(path):
        walk(str(path))
    return errors


def record_folders(base: Path, root: Path, errors: list[str]) -> list[Path]:
    """The folders in ``base`` (e.g. ``examples/drafts``) that may be read, sorted; each one
    refused (a symlink leading outside, or ``base`` itself outside) adds its error.

    >>> record_folders(Path("/nonexistent"), Path("/nonexistent"), [])
    []
    """
    if not os.path.isdir(base):
        return []
    if not inside(base, allowed_roots(root)):
        errors.append(
            f"{_shown(str(base), root)}:0: lies outside the repository and ../shared/ "
            "through a symlink; refused"
        )
        return []
    out = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        links = escaping_links(folder, root)
        errors += links
        if not links:
            out.append(folder)
    return out


def source_problem(root: Path, file: object) -> str | None:
    """Why a source file named in act.yml may not be read, or None (it must lie in the
    repository or ``../shared/``, symlinks followed).

    >>> source_problem(Path("repo"), "/etc/passwd")
    "'/etc/passwd' lies outside the repository and ../shared/"
    """
    if not isinstance(file, str) or not file:
        return f"{file!r} is not a file name"
    if not inside(root / file, allowed_roots(root)):
        return f"{file!r} lies outside the repository and ../shared/"
    return None


def foreign_entries(folder: Path) -> list[str]:
    """What a folder holds at its top that a zan build does not publish (sorted names).

    >>> foreign_entries(Path("/nonexistent"))
    []
    """
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    # zan's own markers start with «.zan» (.zan-site); an interrupted publish leaves «*.zan-tmp».
    return [
        n
        for n in names
        if n not in SITE_ENTRIES and not n.startswith(".zan") and not n.endswith(".zan-tmp")
    ]


def guard_build(root: Path, out: Path, cache: Path) -> None:
    """Refuse a build that would read a non-repository or write where it must not.

    ``--out`` may not be the repository, hold it, lie in the corpus folders, the build
    cache or ``../shared/``, be a file, or be a folder holding anything but a site an
    earlier zan build published. Raised before anything is written or deleted.

    >>> import tempfile
    >>> repo = Path(tempfile.mkdtemp()); (repo / "corpus").mkdir()
    >>> guard_build(repo, repo / "corpus" / "site", repo / ".zan-cache")
    Traceback (most recent call last):
    ...
    generator.paths.PathError: --out corpus/site: lies in the corpus folder corpus/; refused (nothing was written or deleted)
    """
    root_real = root.resolve()
    if not root_real.is_dir():
        raise PathError(f"{root}:0: no such folder (--root): not a zan repository")
    if not any((root_real / top).is_dir() for top in CORPUS_TOPS[:3]):
        raise PathError(
            f"{root}:0: not a zan repository (no corpus/, amendments/ or drafts/ folder)"
        )
    shown = _shown(os.path.abspath(out), root_real)
    refuse = f"--out {shown}: {{}}; refused (nothing was written or deleted)"
    real = out.resolve()
    for where in (Path(os.path.abspath(out)), real):
        if where == root_real or root_real.is_relative_to(where):
            raise PathError(refuse.format("holds the repository"))
        for top in CORPUS_TOPS:
            if where.is_relative_to(root_real / top):
                raise PathError(refuse.format(f"lies in the corpus folder {top}/"))
        if where.is_relative_to(cache.resolve()):
            raise PathError(refuse.format("lies in the build cache"))
        if where.is_relative_to(allowed_roots(root)[1]):
            raise PathError(refuse.format("lies in ../shared/ (the sources, read-only)"))
    if os.path.lexists(out) and not out.exists():
        raise PathError(refuse.format("is a broken symlink"))
    if out.exists():
        if not out.is_dir():
            raise PathError(refuse.format("is a file, not a folder"))
        # A release of <out>.zan-releases/ or an older zan's plain site (releases.py),
        # holding nothing a zan build does not publish.
        strange = foreign_entries(out)
        if strange or not is_zan_site(out):
            names = strange or sorted(os.listdir(out))
            what = ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
            raise PathError(
                refuse.format(
                    f"holds files that are not a zan site ({what}); replacing it would delete them"
                )
            )


__all__ = [
    "EDITION_ID_RE",
    "PathError",
    "act_id_problem",
    "edition_id_problem",
    "language_problem",
    "edition_line",
    "line_with",
    "allowed_roots",
    "inside",
    "escaping_links",
    "record_folders",
    "source_problem",
    "foreign_entries",
    "guard_build",
]
