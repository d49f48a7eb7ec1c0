"""The hostile corpus, files that are not what they seem (issue 17, part 5): a link to
/dev/zero, a named pipe called *.yaml, links that loop, dangle or leave the register, a file far
too large, a broken partnerfw.yaml. Every command runs as a real process with 10 s and a memory
cap (tests/hostile.py): it names the file and says what to do, exits 1 or 2, never stalls,
never grows, never says "internal error", and never publishes or overwrites through a link."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile import TODAY, assert_handled, commit, register_repository, run

RECORD = "register/x.yaml"
LINK = "fmt tidies files, never links"
NEW = ("new", "--no-input", "--kind", "informal_network", "--name", "Officers Forum")
NEW += ("--lead-officer", "Aisha Bello", "--department", "Place")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled register, committed to git once for the module; each test takes a copy."""
    return register_repository(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(pristine, copy, symlinks=True)
    return copy


def _outside(repo: Path) -> Path:
    """A record outside the repository that a link could bring in: it must never be read."""
    secret = repo.parent / "outside" / "secret-arrangement.yaml"
    secret.parent.mkdir()
    text = (repo / "register" / "food-bank-partnership.yaml").read_text("utf-8")
    secret.write_text(
        text.replace("id: food-bank-partnership", "id: secret-arrangement").replace(
            "name: ", "name: Secret Outside Arrangement ", 1
        ),
        encoding="utf-8",
    )
    return secret


def _loop(one: Path, other: Path) -> None:
    one.symlink_to(other.name)
    other.symlink_to(one.name)


# name -> how to plant it at register/x.yaml, and what the message says about it
PLANTED: dict[str, tuple[Callable[[Path], None], str]] = {
    "link to /dev/zero": (
        lambda repo: os.symlink("/dev/zero", repo / RECORD),
        "outside the folder",
    ),
    "named pipe": (lambda repo: os.mkfifo(repo / RECORD), "named pipe (FIFO)"),
    "link to itself": (lambda repo: os.symlink("x.yaml", repo / RECORD), "loop"),
    "two links in a loop": (lambda repo: _loop(repo / RECORD, repo / "register" / "y.yml"), "loop"),
    "dangling link": (
        lambda repo: os.symlink("gone.yaml", repo / RECORD),
        "which does not exist",
    ),
    "link out of the repository": (
        lambda repo: os.symlink(_outside(repo), repo / RECORD),
        "outside the folder",
    ),
    "2 MB file": (
        lambda repo: (repo / RECORD).write_bytes(b"id: x\nname: '" + b"x" * 2_000_000 + b"'\n"),
        "over the 1,000,000-byte limit",
    ),
}

COMMANDS = [
    ("check", "--today", TODAY),
    ("check", "--today", TODAY, "--format", "github"),
    ("fmt", "--check"),
    ("fmt",),
    ("build", "--out", "site", "--today", TODAY),
    ("export", "--format", "csv"),
    ("report", "annual", "--as-of", TODAY, "--format", "md"),
    ("trail",),
    ("classify", "--today", TODAY),
    ("codeowners", "--check"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("planted", list(PLANTED))
def test_every_command_names_the_planted_file_and_goes_on(
    repo: Path, planted: str, command: tuple[str, ...]
) -> None:
    plant, said = PLANTED[planted]
    plant(repo)
    done = run(repo, *command, case=f"{planted}: {command[0]}")
    assert_handled(done, "x.yaml")
    if command[0] == "check":  # the command that says what is wrong with a file
        assert said in done.output, str(done)
    if command[0] == "fmt":  # fmt leaves every link alone, whatever it leads to
        assert (LINK if "link" in planted else said) in done.output, str(done)
    if command[0] == "check":  # ... and the rest of the register is still checked
        assert "17 arrangements" in done.output or "riverside" in done.output, str(done)
    assert "Secret Outside Arrangement" not in done.output


@pytest.mark.parametrize(
    "command",
    [
        NEW,
        ("approved-facts", "--all", "--today", TODAY),
        ("export", "--out", "register.xlsx"),
        ("report", "due", "--as-of", TODAY, "--format", "docx", "--out", "due.docx"),
        ("schema", "--check"),
        ("rules",),
    ],
    ids=lambda c: c[0],
)
def test_a_named_pipe_blocks_no_other_command(repo: Path, command: tuple[str, ...]) -> None:
    os.mkfifo(repo / RECORD)
    done = run(repo, *command, case=f"named pipe: {command[0]}")
    assert_handled(done, codes=(0, 1, 2))


def test_the_register_link_to_dev_zero_does_not_grow_memory(repo: Path) -> None:
    """Issue 17: 21 GB in two minutes, because the file was read before its size was checked."""
    os.symlink("/dev/zero", repo / RECORD)
    (repo / "register" / "z.yml").symlink_to("/dev/urandom")
    done = run(repo, "check", "--today", TODAY, case="links to /dev/zero and /dev/urandom")
    # assert_handled bounds its memory (200 MB, beyond what the fork shared with this process)
    assert_handled(done, "register/x.yaml", "register/z.yml", "DATA001")


def test_build_never_publishes_a_record_a_link_brings_from_outside(repo: Path) -> None:
    _outside(repo)
    os.symlink(repo.parent / "outside" / "secret-arrangement.yaml", repo / RECORD)
    done = run(repo, "build", "--out", "site", "--today", TODAY, case="outside link: build")
    assert_handled(done, "register/x.yaml", "not on the site")
    site = repo / "site"
    assert (site / "index.html").is_file()
    assert not (site / "arrangements" / "secret-arrangement.html").exists()
    published = "".join(p.read_text("utf-8", "replace") for p in site.rglob("*") if p.is_file())
    assert "Secret Outside Arrangement" not in published
    assert "secret-arrangement" not in published


def test_a_pull_request_cannot_bring_a_link_past_check(repo: Path) -> None:
    """CI checks the files a pull request changed (--changed-since) and pre-commit the staged
    ones (--in-register): a committed link out of the repository is an error either way."""
    _outside(repo)
    os.symlink(repo.parent / "outside" / "secret-arrangement.yaml", repo / RECORD)
    commit(repo, "Add an arrangement (a link)")
    for args in (
        ("check", "--today", TODAY, "--changed-since", "HEAD~1", "--format", "github"),
        ("check", "--today", TODAY, "--in-register", RECORD),
        ("check", "--today", TODAY, "--format", "sarif"),
    ):
        done = run(repo, *args, case=f"committed outside link: {' '.join(args[3:5])}")
        assert_handled(done, "register/x.yaml", "outside the folder", codes=(1,))
        assert "Secret Outside Arrangement" not in done.output


def test_a_link_inside_the_register_is_read_but_fmt_leaves_it_a_link(repo: Path) -> None:
    register = repo / "register"
    target = register / "food-bank-partnership.yaml"
    untidy = target.read_text("utf-8").replace("\nkind: ", "\nzz_later: 1\nkind: ", 1)
    kept = "real-file.txt"
    (register / kept).write_text(untidy, encoding="utf-8")
    target.unlink()
    target.symlink_to(kept)
    (register / "alias.yaml").symlink_to("climate-action-partnership.yaml")

    checked = run(repo, "check", "--today", TODAY, case="link inside the register: check")
    assert_handled(checked, codes=(1,))
    assert "zz_later" in checked.output  # the record behind the link was read and checked

    for args in (("fmt", "--check"), ("fmt",)):
        done = run(repo, *args, case=f"link inside the register: {' '.join(args)}")
        assert_handled(done, "register/food-bank-partnership.yaml", "symbolic link", codes=(2,))
        assert "register/alias.yaml" in done.output  # a note: its target is tidied itself
        assert target.is_symlink() and os.readlink(target) == kept
        assert (register / kept).read_text("utf-8") == untidy
        assert (register / "alias.yaml").is_symlink()


def test_a_register_folder_linked_out_of_the_repository_is_refused(
    repo: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(repo / "register", elsewhere)
    (repo / "register").symlink_to(elsewhere)
    done = run(repo, "check", "--today", TODAY, case="register folder linked outside")
    assert_handled(done, "register", "outside the repository", codes=(2,))


@pytest.mark.parametrize(
    "planted",
    [
        lambda repo: os.symlink("/dev/zero", repo / "partnerfw.yaml"),
        lambda repo: os.mkfifo(repo / "partnerfw.yaml"),
        lambda repo: os.symlink("partnerfw.yaml", repo / "partnerfw.yaml"),
    ],
    ids=["link to /dev/zero", "named pipe", "link to itself"],
)
def test_a_hostile_partnerfw_yaml_is_a_finding_not_a_stall(
    repo: Path, planted: Callable[[Path], None]
) -> None:
    (repo / "partnerfw.yaml").unlink()
    planted(repo)
    checked = run(repo, "check", "--today", TODAY, case="hostile partnerfw.yaml: check")
    assert_handled(checked, "partnerfw.yaml", "POL001", codes=(1,))
    built = run(repo, "build", "--out", "site", case="hostile partnerfw.yaml: build")
    assert_handled(built, codes=(0, 1, 2))
    new = run(repo, "new", "--no-input", "--name", "X", case="hostile partnerfw.yaml: new")
    assert_handled(new, "partnerfw.yaml", codes=(2,))


def test_a_logo_linked_out_of_the_repository_is_not_published(repo: Path) -> None:
    secret = repo.parent / "private-key.png"
    secret.write_bytes(b"-----BEGIN PRIVATE KEY-----")
    (repo / "logo.png").symlink_to(secret)
    settings = repo / "partnerfw.yaml"
    settings.write_text(
        settings.read_text("utf-8") + "theme:\n  logo: logo.png\n", encoding="utf-8"
    )
    done = run(repo, "build", "--out", "site", "--today", TODAY, case="logo linked outside")
    assert_handled(done, "theme.logo", "outside the folder", codes=(2,))
    assert not any(
        b"PRIVATE KEY" in p.read_bytes() for p in (repo / "site").rglob("*") if p.is_file()
    )


def test_links_to_folders_are_named_never_followed(repo: Path) -> None:
    """os.walk does not follow a link to a folder, so the records behind one used to vanish
    from the register without a word; a link that loops (to the register itself, or above it)
    or leads out of the repository is now an error naming the link, in every command."""
    secret = _outside(repo)
    register = repo / "register"
    (register / "loop").symlink_to(".")
    (register / "nested").mkdir()
    (register / "nested" / "up").symlink_to("../..")
    (register / "elsewhere").symlink_to(secret.parent)
    links = ("register/loop", "register/nested/up", "register/elsewhere")
    checked = run(repo, "check", "--today", TODAY, case="folder links: check")
    assert_handled(checked, *links, "link to the folder", "outside the folder", codes=(1,))
    assert "17 arrangements" in checked.output, str(checked)
    for args in (("fmt", "--check"), ("fmt",)):
        done = run(repo, *args, case=f"folder links: {' '.join(args)}")
        assert_handled(done, *links, "never links", codes=(2,))
    built = run(repo, "build", "--out", "site", "--today", TODAY, case="folder links: build")
    assert_handled(built, *links, "not on the site", codes=(1,))
    assert not (repo / "site" / "arrangements" / "secret-arrangement.html").exists()
    for args in (NEW, ("export", "--format", "csv"), ("classify", "--today", TODAY)):
        done = run(repo, *args, case=f"folder links: {args[0]}")
        assert_handled(done, codes=(0, 1, 2))
        assert "Secret Outside Arrangement" not in done.output


@pytest.mark.parametrize(
    ("planted", "said"),
    [
        (lambda path: os.mkfifo(path), "not an ordinary file"),
        (lambda path: os.symlink("/dev/zero", path), "not an ordinary file"),
        (lambda path: os.symlink(path.name, path), "not an ordinary file"),
    ],
    ids=["named pipe", "link to /dev/zero", "link to itself"],
)
def test_import_names_a_spreadsheet_or_mapping_that_is_not_a_file(
    repo: Path, planted: Callable[[Path], None], said: str
) -> None:
    planted(repo / "register.csv")
    done = run(repo, "import", "register.csv", case="hostile spreadsheet: import")
    assert_handled(done, "register.csv", said, codes=(2,))
    (repo / "register.csv").unlink()
    (repo / "register.csv").write_text("Name,Kind\nA Forum,informal_network\n", "utf-8")
    planted(repo / "mapping.yaml")
    done = run(
        repo, "import", "register.csv", "--mapping", "mapping.yaml", case="hostile mapping: import"
    )
    assert_handled(done, "mapping.yaml", "cannot read the mapping file", codes=(2,))
