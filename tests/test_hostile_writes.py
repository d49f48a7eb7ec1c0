"""The hostile corpus, where partnerfw writes (issue 17, part 5): a read-only folder and a full
disk. Every command that writes runs as a real process (tests/hostile.py) against a folder the
system really refuses: mounted read-only (as root, in a mount namespace of the child's own, since
root ignores file modes) or with its write permission taken away (anyone else); a tmpfs of its
own filled to the last byte; standard output sent to /dev/full. Each names the file, says what
to do, exits 2, and loses nothing: the records are as they were and no half-written file is left.
"""

from __future__ import annotations

import filecmp
import os
import shlex
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import TODAY, assert_handled, register_repository, run

UNTIDY = "register/food-bank-partnership.yaml"
NEW = ("new", "--no-input", "--kind", "informal_network", "--name", "Officers Forum")
NEW += ("--lead-officer", "Aisha Bello", "--department", "Place")

WRITERS = {
    "fmt": (("fmt",), UNTIDY),
    "new": (
        NEW,
        "register/officers-forum.yaml",
    ),
    "build": (("build", "--out", "site", "--today", TODAY), "site"),
    "export xlsx": (("export", "--out", "register.xlsx"), "register.xlsx"),
    "export csv": (("export", "--format", "csv", "--out", "register.csv"), "register.csv"),
    "report docx": (
        ("report", "due", "--as-of", TODAY, "--format", "docx", "--out", "due.docx"),
        "due.docx",
    ),
    "report md": (
        ("report", "annual", "--as-of", TODAY, "--format", "md", "--out", "annual.md"),
        "annual.md",
    ),
    "codeowners": (("codeowners",), "CODEOWNERS"),
    "import --write": (("import", "new.csv", "--write"), "register/a-forum.yaml"),
    "init": (("init",), "README.md"),
}


def _namespaces() -> bool:
    """Whether this machine lets an unprivileged mount namespace mount a tmpfs."""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt || exit 1"],
        capture_output=True,
    )
    return probe.returncode == 0


NAMESPACES = _namespaces()
needs_namespaces = pytest.mark.skipif(
    not NAMESPACES, reason="needs unshare and user namespaces to mount a folder of its own"
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled register with one record left untidy (so fmt has something to write)."""
    root = register_repository(tmp_path_factory.mktemp("pristine"), git=False)
    untidy = root / UNTIDY
    text = untidy.read_text("utf-8")
    untidy.write_text(text.replace("\nkind: ", "\nstatus_note: later\nkind: ", 1), "utf-8")
    (root / "new.csv").write_text(
        "Name,Kind,Lead officer,Department\nA Forum,informal_network,Aisha Bello,Place\n", "utf-8"
    )
    return root


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(pristine, copy)
    return copy


def _same_tree(before: Path, after: Path) -> None:
    """``after`` holds the same files as ``before``, byte for byte, and nothing else."""
    compared = filecmp.dircmp(before, after)
    assert not (compared.left_only or compared.right_only or compared.diff_files), (
        compared.left_only,
        compared.right_only,
        compared.diff_files,
    )
    for sub in compared.common_dirs:
        _same_tree(before / sub, after / sub)


# --- a read-only folder -----------------------------------------------------------------------


@pytest.fixture
def read_only(repo: Path) -> Iterator[tuple[str, ...]]:
    """The repository made read-only for the child; yields what to wrap the command in."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [repo, *repo.rglob("*")] if p.is_dir()}
        for folder in modes:
            folder.chmod(modes[folder] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        yield ()
        for folder, mode in modes.items():
            folder.chmod(mode)
        return
    if not NAMESPACES:
        pytest.skip("root ignores file modes: a read-only mount needs unshare")
    folder = shlex.quote(str(repo))
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
        f'cd {folder} && exec "$@"'
    )
    yield ("unshare", "-rm", "sh", "-c", script, "sh")


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_read_only_folder_is_a_message_naming_the_file(
    repo: Path, read_only: tuple[str, ...], tmp_path: Path, writer: str
) -> None:
    before = tmp_path / "before"
    shutil.copytree(repo, before)
    args, named = WRITERS[writer]
    done = run(repo, *args, wrap=read_only, case=f"read-only folder: {writer}")
    assert_handled(done, named, codes=(2,))
    assert "read-only" in done.output or "permission denied" in done.output, str(done)
    assert "choose" in done.output or "check that you may" in done.output, str(done)
    _same_tree(before, repo)  # nothing written, nothing lost, no temporary file left behind


def test_check_and_the_readers_work_in_a_read_only_folder(
    repo: Path, read_only: tuple[str, ...]
) -> None:
    """A read-only checkout (a mounted share, an auditor's copy) can still be checked."""
    for args in (
        ("check", "--today", TODAY),
        ("fmt", "--check"),
        ("export", "--format", "json"),
        ("report", "annual", "--as-of", TODAY, "--format", "md"),
    ):
        done = run(repo, *args, wrap=read_only, case=f"read-only folder: {' '.join(args)}")
        assert_handled(done, codes=(0, 1))
        assert done.stdout.strip(), str(done)


# --- a full disk --------------------------------------------------------------------------------


def _full_disk(repo: Path, kept: Path) -> tuple[str, ...]:
    """Run the command in a copy of ``repo`` on a tmpfs of its own filled to the last byte; the
    copy is put back at ``kept`` afterwards, to see what the command left."""
    disk = repo.parent / "disk"
    disk.mkdir()
    there = shlex.quote(str(disk))
    script = (
        f"mount -t tmpfs -o size=2m tmpfs {there} && cp -a {shlex.quote(str(repo))} {there}/repo "
        f"&& (cat /dev/zero > {there}/filler 2>/dev/null; true) && cd {there}/repo && "
        f'{{ "$@"; code=$?; cp -a {there}/repo {shlex.quote(str(kept))}; exit $code; }}'
    )
    return ("unshare", "-rm", "sh", "-c", script, "sh")


@needs_namespaces
@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_full_disk_is_a_message_naming_the_file(repo: Path, tmp_path: Path, writer: str) -> None:
    args, named = WRITERS[writer]
    kept = tmp_path / "kept"
    done = run(repo, *args, wrap=_full_disk(repo, kept), case=f"full disk: {writer}")
    assert_handled(done, named, "the disk is full", "free some space", codes=(2,))
    if writer == "build":  # a site stopped part-way is marked as partnerfw's, to be rebuilt
        assert (kept / "site" / ".partnerfw-site").is_file()
        shutil.rmtree(kept / "site")
    _same_tree(repo, kept)  # the records as they were, and no half-written file left


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--today", TODAY),
        ("export", "--format", "csv"),
        ("export", "--format", "json"),
        ("report", "annual", "--as-of", TODAY, "--format", "md"),
        ("classify", "--today", TODAY),
        ("rules",),
        ("report", "due", "--as-of", TODAY, "--format", "csv"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_output_to_a_full_disk_is_a_message(repo: Path, args: tuple[str, ...]) -> None:
    """``partnerfw export > register.csv`` on a full disk: /dev/full refuses every write with
    ENOSPC, as a full disk does."""
    done = run(repo, *args, stdout=Path("/dev/full"), case=f"stdout full: {args[0]}")
    assert_handled(done, "the output", "the disk is full", codes=(2,))
