"""Robustness: ids that become paths, symlinks, and `--out` misuse (issue 11, «Writes and
reads outside the corpus»).

Each case asserts the exact error (file, line, field) and that nothing outside was read
or written: every file `zan` opens, lists, creates, renames or removes during the run is
recorded through Python's audit hooks (PEP 578), and a sentinel folder beside the
repository (holding a real stored text with «TOP-SECRET-0451» appended) must never be
opened or listed; for `--out` misuse the repository's files must be byte for byte as
before and nothing at all written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from harness import assert_error, line_of, mutate, run

CATEGORY = "paths"
TODAY = "2026-11-21"
SENTINEL = "TOP-SECRET-0451"
Z107 = "corpus/Z000000107"
EDITION = "before-Z070000262"
ID_RULE = "(^[A-Za-z0-9][A-Za-z0-9-]{0,63}$)"
LINK_REFUSED = "a symbolic link in the corpus (refused)"  # validate.py: any link

# ---------------------------------------------------------------- what a run touches

_LOG: list[tuple[str, str]] | None = None  # (kind, path) while recording
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_WRITE_EVENTS = {
    "os.remove": 0,
    "os.rmdir": 0,
    "os.mkdir": 0,
    "os.rename": 1,
    "os.replace": 1,
    "os.symlink": 1,
    "shutil.rmtree": 0,
    "shutil.copytree": 1,
    "shutil.copyfile": 1,
}


def _hook(event: str, args: tuple) -> None:
    if _LOG is None:
        return
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int) or path is None:
            return
        write = any(c in (mode or "") for c in "wax+") or bool((flags or 0) & _WRITE_FLAGS)
        _LOG.append(("write" if write else "read", os.fsdecode(path)))
    elif event in ("os.listdir", "os.scandir"):
        if args and isinstance(args[0], (str, bytes, os.PathLike)):
            _LOG.append(("read", os.fsdecode(args[0])))
    elif event in _WRITE_EVENTS:
        if (
            any(isinstance(a, int) for a in args[1:] if not isinstance(a, bool))
            and event != "os.mkdir"
        ):
            return  # relative to a folder descriptor: shutil.rmtree's own event names the folder
        path = args[_WRITE_EVENTS[event]]
        if isinstance(path, (str, bytes, os.PathLike)):
            _LOG.append(("write", os.fsdecode(path)))


sys.addaudithook(_hook)


@contextmanager
def recording():
    """Record what the code run inside opens, lists and changes (absolute paths)."""
    global _LOG
    log: list[tuple[str, str]] = []
    _LOG = log
    try:
        yield log
    finally:
        _LOG = None


def _touched(log, root: Path, folder: Path) -> list[str]:
    """The recorded paths (made absolute from ``root``, the run's cwd) inside ``folder``."""
    folder = folder.resolve()
    out = []
    for _kind, p in log:
        full = Path(os.path.realpath(root / p))  # through any symlink
        if full == folder or full.is_relative_to(folder):
            out.append(p)
    return out


def zan(root: Path, *args: str):
    """Run zan, recording what it touches."""
    with recording() as log:
        out = run(root, *args)
    return out, log


def tree(path: Path) -> dict[str, str]:
    """Every file under ``path`` with the SHA-256 of its bytes (symlinks by target)."""
    out = {}
    for p in sorted(path.rglob("*")):
        rel = str(p.relative_to(path))
        if p.is_symlink():
            out[rel] = "-> " + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def outside(repo: Path) -> Path:
    """A folder beside the repository holding a real stored text with the sentinel."""
    folder = repo.parent / "outside"
    folder.mkdir()
    text = (repo / Z107 / EDITION / "kk.md").read_text(encoding="utf-8")
    (folder / "kk.md").write_text(text + f"\n{SENTINEL}\n", encoding="utf-8")
    (folder / "act.yml").write_text(
        (repo / Z107 / "act.yml").read_text(encoding="utf-8") + f"# {SENTINEL}\n",
        encoding="utf-8",
    )
    return folder


def assert_untouched(out, log, root: Path, outside: Path) -> None:
    """The sentinel folder was neither read, listed nor written, and nothing shows it."""
    assert _touched(log, root, outside) == []
    assert SENTINEL not in out.stdout + out.stderr
    site = root / "site"
    if site.exists():
        for f in site.rglob("*"):
            if f.is_file():
                assert SENTINEL.encode() not in f.read_bytes(), f


# ---------------------------------------------------------------- edition ids


def bad_ids(outside_rel: str) -> list[str]:
    return [
        outside_rel,
        "../" * 8 + "etc",
        "/".join(["a"] * 60),
        f"{EDITION}/../{EDITION}",
        "..",
        ".hidden",
        "-before",
        "x" * 65,
        "before Z070000262",
        "редакция",
        "C:\\corpus",
        "~",
    ]


ID_CASES = bad_ids("../../outside") + ["ABSOLUTE"]


@pytest.mark.parametrize("bad", ID_CASES)
def test_an_edition_id_that_is_not_a_folder_name_is_an_error(repo, outside, bad):
    if bad == "ABSOLUTE":
        bad = str(outside)
    yml = repo / Z107 / "act.yml"
    mutate(yml, f"  - id: {EDITION}", f"  - id: '{bad}'")
    out, log = zan(repo, "check", "--today", TODAY)
    n = line_of(yml, "  - id:")
    line = assert_error(out, f"{Z107}/act.yml", n, "editions[0].id")
    assert line == f"{Z107}/act.yml:{n}: editions[0].id: not an edition ID {ID_RULE}: {bad!r}"
    assert_untouched(out, log, repo, outside)


@pytest.mark.parametrize("bad", ["../../outside", "ABSOLUTE"])
def test_build_refuses_an_edition_id_leading_outside(repo, outside, bad):
    bad = str(outside) if bad == "ABSOLUTE" else bad
    mutate(repo / Z107 / "act.yml", f"  - id: {EDITION}", f"  - id: '{bad}'")
    listing = tree(outside)
    out, log = zan(repo, "build", "--no-search", "--today", TODAY, "--out", "site")
    assert_error(
        out, f"{Z107}/act.yml", line_of(repo / Z107 / "act.yml", "  - id:"), "editions[0].id"
    )
    assert not (repo / "site").exists()
    assert tree(outside) == listing  # no act.json, no index.md written there
    assert_untouched(out, log, repo, outside)


@pytest.mark.parametrize("bad", ["../../outside/kk", "kk/../../../outside/kk", "/kk", "en"])
def test_an_edition_language_that_is_not_kk_or_ru_is_an_error(repo, outside, bad):
    yml = repo / Z107 / "act.yml"
    mutate(yml, "    languages: [kk]", f"    languages: ['{bad}']")
    out, log = zan(repo, "check", "--today", TODAY)
    n = line_of(yml, "languages:")
    line = assert_error(out, f"{Z107}/act.yml", n, "editions[0].languages[0]")
    assert line == f"{Z107}/act.yml:{n}: editions[0].languages[0]: {bad!r} is not one of kk, ru"
    assert_untouched(out, log, repo, outside)


@pytest.mark.parametrize("bad", ["../outside/kk.md", "ABSOLUTE", "../shared/../outside/kk.md"])
def test_a_source_file_outside_the_repository_and_shared_is_an_error(repo, outside, bad):
    bad = str(outside / "kk.md") if bad == "ABSOLUTE" else bad
    yml = repo / Z107 / "act.yml"
    src = "../shared/sources/kk/z000000107-adminproc-2000.before-2007.kk.md"
    mutate(yml, f"file: {src}", f"file: {bad}")
    out, log = zan(repo, "check", "--today", TODAY)
    n = line_of(yml, f"file: {bad}")
    line = assert_error(out, f"{Z107}/act.yml", n, "editions[0].sources.kk.file")
    assert line == (
        f"{Z107}/act.yml:{n}: editions[0].sources.kk.file: not a file under ../shared/sources/: "
        f"{bad!r}"
    )
    assert_untouched(out, log, repo, outside)


# ---------------------------------------------------------------- symlinks


def _link_text(repo: Path, outside: Path) -> str:
    path = repo / Z107 / EDITION / "kk.md"
    path.unlink()
    path.symlink_to(outside / "kk.md")
    return f"{Z107}/{EDITION}/kk.md"


def _link_act_yml(repo: Path, outside: Path) -> str:
    path = repo / Z107 / "act.yml"
    path.unlink()
    path.symlink_to(outside / "act.yml")
    return f"{Z107}/act.yml"


def _link_edition(repo: Path, outside: Path) -> str:
    shutil.rmtree(repo / Z107 / EDITION)
    (repo / Z107 / EDITION).symlink_to(outside, target_is_directory=True)
    return f"{Z107}/{EDITION}"


def _link_act(repo: Path, outside: Path) -> str:
    act = outside / "Z000000107"
    shutil.copytree(repo / Z107, act)
    (act / EDITION / "kk.md").write_text((outside / "kk.md").read_text("utf-8"), "utf-8")
    shutil.rmtree(repo / Z107)
    (repo / Z107).symlink_to(act, target_is_directory=True)
    return Z107


def _link_amending_text(repo: Path, outside: Path) -> str:
    path = repo / "amendments/Z070000262/kk.md"
    (outside / "am.md").write_text(path.read_text("utf-8") + f"\n{SENTINEL}\n", "utf-8")
    path.unlink()
    path.symlink_to(outside / "am.md")
    return "amendments/Z070000262/kk.md"


def _link_draft(repo: Path, outside: Path) -> str:
    draft = outside / "DP1200001579"
    shutil.copytree(repo / "drafts/DP1200001579", draft)
    shutil.rmtree(repo / "drafts/DP1200001579")
    (repo / "drafts/DP1200001579").symlink_to(draft, target_is_directory=True)
    return "drafts/DP1200001579"


def _link_remarks(repo: Path, outside: Path) -> str:
    path = repo / "examples/drafts/EX1300000845/remarks.yml"
    (outside / "remarks.yml").write_text(path.read_text("utf-8") + f"# {SENTINEL}\n", "utf-8")
    path.unlink()
    path.symlink_to(outside / "remarks.yml")
    return "examples/drafts/EX1300000845/remarks.yml"


def _link_top(repo: Path, outside: Path) -> str:
    shutil.copytree(repo / "corpus", outside / "corpus")
    shutil.rmtree(repo / "corpus")
    (repo / "corpus").symlink_to(outside / "corpus", target_is_directory=True)
    return "corpus"


def _link_nested(repo: Path, outside: Path) -> str:
    # A link inside the repository to a folder that holds a link leading outside.
    (repo / "corpus/Z000000107" / EDITION / "kk.md").unlink()
    (repo / "corpus/Z000000107" / EDITION / "kk.md").symlink_to(outside / "kk.md")
    shutil.move(repo / Z107, repo / "elsewhere")
    (repo / Z107).symlink_to(repo / "elsewhere", target_is_directory=True)
    return Z107


LINKS = {
    "stored text": _link_text,
    "act.yml": _link_act_yml,
    "edition folder": _link_edition,
    "act folder": _link_act,
    "amending act text": _link_amending_text,
    "draft folder": _link_draft,
    "remarks": _link_remarks,
    "corpus folder": _link_top,
    "through an inner link": _link_nested,
}


def test_a_linked_examples_folder_leading_outside_is_refused(repo, outside):
    shutil.copytree(repo / "examples", outside / "examples")
    shutil.rmtree(repo / "examples")
    (repo / "examples").symlink_to(outside / "examples", target_is_directory=True)
    out, log = zan(repo, "check", "--today", TODAY)
    assert_error(out, "examples/drafts", 0)
    assert f"examples/drafts:0: {LINK_REFUSED}" in out.error_lines()
    assert_untouched(out, log, repo, outside)
    out, log = zan(repo, "build", "--examples", "--no-search", "--today", TODAY, "--out", "site")
    assert_error(out, "examples/drafts", 0)
    assert not (repo / "site").exists()
    assert_untouched(out, log, repo, outside)


@pytest.mark.parametrize(
    "kind",
    list(LINKS),
)
def test_a_symlink_leading_outside_is_refused_by_check(repo, outside, kind):
    shown = LINKS[kind](repo, outside)
    out, log = zan(repo, "check", "--today", TODAY)
    line = assert_error(out, shown, 0)
    assert line == f"{shown}:0: {LINK_REFUSED}"
    assert_untouched(out, log, repo, outside)


@pytest.mark.parametrize("kind", ["stored text", "act folder", "remarks", "corpus folder"])
def test_a_symlink_leading_outside_is_refused_by_build(repo, outside, kind):
    shown = LINKS[kind](repo, outside)
    out, log = zan(repo, "build", "--examples", "--no-search", "--today", TODAY, "--out", "site")
    assert_error(out, shown, 0)
    assert f"{shown}:0: {LINK_REFUSED}" in out.stderr
    assert not (repo / "site").exists()
    assert_untouched(out, log, repo, outside)


def test_a_symlink_that_stays_in_the_repository_is_refused_too(repo):
    """The validator refuses every link in the corpus (validate.py), not only those leaving."""
    text = repo / Z107 / EDITION / "kk.md"
    (repo / "kept").mkdir()
    shutil.move(text, repo / "kept" / "kk.md")
    text.symlink_to(Path("../../../kept/kk.md"))
    out, _log = zan(repo, "check", "--today", TODAY)
    line = assert_error(out, f"{Z107}/{EDITION}/kk.md", 0)
    assert line == f"{Z107}/{EDITION}/kk.md:0: {LINK_REFUSED}"


# ---------------------------------------------------------------- --out

REFUSED = "refused (nothing was written or deleted)"
OUT_CASES = [
    ("amendments", "--out amendments: lies in the corpus folder amendments/"),
    ("amendments/Z070000262", "--out amendments/Z070000262: lies in the corpus folder amendments/"),
    ("corpus", "--out corpus: lies in the corpus folder corpus/"),
    ("corpus/site", "--out corpus/site: lies in the corpus folder corpus/"),
    ("drafts/site", "--out drafts/site: lies in the corpus folder drafts/"),
    ("examples", "--out examples: lies in the corpus folder examples/"),
    (".", "--out .: holds the repository"),
    ("..", "--out ..: holds the repository"),
    (".zan-cache/site", "--out .zan-cache/site: lies in the build cache"),
    ("../shared/site", "--out ../shared/site: lies in ../shared/ (the sources, read-only)"),
    (
        "notes",
        "--out notes: holds files that are not a zan site (todo.txt); replacing it would delete them",
    ),
    ("link-to-amendments", "--out link-to-amendments: lies in the corpus folder amendments/"),
    ("broken-link", "--out broken-link: is a broken symlink"),
]


@pytest.mark.parametrize(("value", "message"), OUT_CASES, ids=[v for v, _ in OUT_CASES])
def test_build_refuses_an_out_it_must_not_replace(repo, value, message):
    (repo / "notes").mkdir()
    (repo / "notes" / "todo.txt").write_text("Әкімшілік рәсімдер туралы\n", "utf-8")
    (repo / "link-to-amendments").symlink_to("amendments", target_is_directory=True)
    (repo / "broken-link").symlink_to("nowhere")
    before = tree(repo.parent)
    out, log = zan(repo, "build", "--no-search", "--today", TODAY, "--out", value)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert f"{message}; {REFUSED}" in out.error_lines()
    assert tree(repo.parent) == before
    assert [p for kind, p in log if kind == "write"] == []


def test_build_refuses_a_file_as_out(repo):
    before = tree(repo)
    out, log = zan(repo, "build", "--no-search", "--today", TODAY, "--out", "mkdocs.yml")
    assert out.traceback is None and out.exit_code == 2
    assert "Directory 'mkdocs.yml' is a file." in out.stderr
    assert tree(repo) == before
    assert [p for kind, p in log if kind == "write"] == []


def test_build_refuses_a_previous_site_with_a_foreign_file(repo):
    out, _ = zan(repo, "build", "--no-search", "--today", TODAY, "--out", "site")
    assert out.exit_code == 0, out.stderr
    (repo / "site" / "todo.txt").write_text("Әкімшілік рәсімдер туралы\n", "utf-8")
    before = tree(repo / "site")
    out, log = zan(repo, "build", "--no-search", "--today", TODAY, "--out", "site")
    assert out.exit_code == 1
    assert (
        "--out site: holds files that are not a zan site (todo.txt); replacing it would delete "
        f"them; {REFUSED}"
    ) in out.error_lines()
    assert tree(repo / "site") == before


def test_build_replaces_its_own_previous_site(repo):
    out, _ = zan(repo, "build", "--no-search", "--today", TODAY, "--out", "site")
    assert out.exit_code == 0, out.stderr
    out, log = zan(repo, "build", "--no-search", "--today", "2026-11-22", "--out", "site")
    assert out.exit_code == 0, out.stderr
    allowed = [repo / "site", repo / ".zan-cache", repo / "site.zan-releases"]
    writes = [p for kind, p in log if kind == "write"]
    assert writes
    stray = [p for p in writes if not any(_touched([("w", p)], repo, a) for a in allowed)]
    assert stray == []


@pytest.mark.parametrize(
    ("root", "message"),
    [
        ("nowhere", "nowhere:0: no such folder (--root): not a zan repository"),
        (
            "amendments",
            "amendments:0: not a zan repository (no corpus/, amendments/ or drafts/ folder)",
        ),
    ],
)
def test_build_refuses_a_root_that_is_not_a_repository(repo, root, message):
    before = tree(repo)
    out, log = zan(repo, "build", "--no-search", "--root", root, "--today", TODAY)
    assert out.traceback is None, out.traceback
    assert out.exit_code == 1
    assert message in out.error_lines()
    assert tree(repo) == before
    assert [p for kind, p in log if kind == "write"] == []


# ---------------------------------------------------------------- zan reimport (writes the corpus)

AM_YML = "amendments/Z070000262/act.yml"
REIMPORT_CASES = [
    (
        "  kk:\n    file: ../shared/sources/seeds/",
        "  '../../outside/kk':\n    file: ../shared/sources/seeds/",
        "'../../outside/kk':",
        "sources.../../outside/kk: unknown field",
    ),
    (
        "  kk:\n    file: ../shared/sources/seeds/",
        "  '/tmp/kk':\n    file: ../shared/sources/seeds/",
        "'/tmp/kk':",
        "sources./tmp/kk: unknown field",
    ),
    (
        "file: ../shared/sources/seeds/000_68549f57bdbdd563.txt",
        "file: ../outside/kk.md",
        "file: ../outside/kk.md",
        "sources.kk.file: not a file under ../shared/sources/: '../outside/kk.md'",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "needle", "why"), REIMPORT_CASES, ids=["lang-up", "lang-abs", "file"]
)
def test_reimport_refuses_a_source_that_names_a_path_outside(repo, outside, old, new, needle, why):
    yml = repo / AM_YML
    mutate(yml, old, new)
    before = tree(repo)
    out, log = zan(repo, "reimport")
    line = assert_error(out, AM_YML, line_of(yml, needle))
    assert line == f"{AM_YML}:{line_of(yml, needle)}: {why}"
    assert tree(repo) == before
    assert [p for kind, p in log if kind == "write"] == []
    assert_untouched(out, log, repo, outside)


def test_mkdocs_yml_cannot_make_the_build_run_or_read_a_file_outside(repo, outside):
    """mkdocs.yml gives presentation only: a `hooks:` entry (code mkdocs would import) and an
    `INHERIT:` (a config it would read) naming files outside are dropped."""
    ran = outside / "ran"
    (outside / "hook.py").write_text(f"open({str(ran)!r}, 'w').write('{SENTINEL}')\n", "utf-8")
    (outside / "base.yml").write_text(f"site_name: {SENTINEL}\n", "utf-8")
    cfg = repo / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text("utf-8") + "hooks:\n  - ../outside/hook.py\nINHERIT: ../outside/base.yml\n",
        "utf-8",
    )
    out, log = zan(repo, "build", "--no-search", "--today", TODAY, "--out", "site")
    assert out.exit_code == 0, out.stderr
    assert not ran.exists()
    assert_untouched(out, log, repo, outside)


def test_serve_refuses_an_out_the_build_refuses(repo):
    before = tree(repo)
    out, log = zan(repo, "serve", "--out", "amendments")
    assert out.traceback is None and out.exit_code == 1
    assert out.error_lines() == [
        f"--out amendments: lies in the corpus folder amendments/; {REFUSED}"
    ]
    assert tree(repo) == before
    assert [p for kind, p in log if kind == "write"] == []
