"""`build` writes due.ics, every date the due report works out as an iCalendar feed (RFC 5545),
validated and read back with the `icalendar` package; and the footer of every page says when
and from which commit the site was built."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import open_project
from partnerfw.publish.calendar import fold, text_value
from partnerfw.reports import due
from partnerfw.reports.common import prepare
from partnerfw.rules.engine import run_check
from tests import records
from tests.conftest import TODAY

DAY = dt.date.fromisoformat(TODAY)
EPOCH = "1795500000"  # 24 November 2026 06:00 UTC


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build reads GitHub Actions' variables: start each test without them."""
    for name in ("GITHUB_SHA", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)


def _build(runner: CliRunner, out: str = "site", env: dict[str, str] | None = None) -> Path:
    result = runner.invoke(
        app, ["build", "--today", TODAY, "--out", out], env=env, catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return Path(out)


def _events(path: Path) -> list[Any]:
    data = path.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk("VEVENT")]


def test_due_ics_has_each_date_the_due_report_gives(example_repo: Path, runner: CliRunner) -> None:
    site = _build(runner)
    raw = (site / "due.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"].startswith("-//partnerfw//")
    assert calendar.calendar_name == "Thamesbridge Borough Council: partnerships register dates due"
    assert str(calendar.decoded("DESCRIPTION")).startswith("The monitoring reports and reviews, ")
    events = _events(site / "due.ics")

    # The due report over the whole calendar, from the same public view.
    project = open_project(example_repo)
    result = run_check(project, [project.register_dir], DAY)
    public = prepare(project.council_name, project.schedule.policy_on(DAY), result, DAY)
    report = due.compute(public, within=100 * 366)
    expected = sorted((i.due, f"{i.what}: {i.name}") for i in report.items)
    shown = sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events)
    assert shown == expected
    assert len(expected) > 40

    for event in events:
        assert event.decoded("DTEND") == event.decoded("DTSTART") + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
        assert str(event["URL"]).startswith(
            "https://thamesbridge.gov.example/partnerships/arrangements/"
        )
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    risk = next(e for e in events if str(e["SUMMARY"]).startswith("Risk review: "))
    assert "Framework 4.10" in str(risk["DESCRIPTION"])

    # Lines end CRLF and are folded at 75 octets.
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75 and b"\n" not in line


def test_uids_are_stable_across_builds_and_the_feed_is_reproducible(
    example_repo: Path, runner: CliRunner
) -> None:
    first = (_build(runner, "one") / "due.ics").read_bytes()
    assert (_build(runner, "two") / "due.ics").read_bytes() == first
    before = {str(e["UID"]): e.decoded("DTSTART") for e in _events(Path("one/due.ics"))}
    # Another record added: the events already there keep their UIDs.
    extra = records.data("informal_network", id="aaa-new-network", name="A New Network")
    (example_repo / "register" / "aaa-new-network.yaml").write_text(
        records.text(extra), encoding="utf-8"
    )
    after = {
        str(e["UID"]): e.decoded("DTSTART") for e in _events(_build(runner, "three") / "due.ics")
    }
    assert before.items() <= after.items()
    assert any(uid.startswith("aaa-new-network-annual-review-") for uid in after)


def test_nothing_confidential_reaches_the_feed(example_repo: Path, runner: CliRunner) -> None:
    path = example_repo / "register" / "youth-sports-partnership.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    secret = "Sponsor withdraws over a confidential dispute"
    data["monitoring"]["risk_register"][0]["risk"] = secret
    data.setdefault("confidential", []).append("monitoring.risk_register.0")
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    text = (_build(runner) / "due.ics").read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "Sponsor withdraws" not in unfolded
    assert "Thamesbridge Youth Sports Partnership" in unfolded  # the rest of it is there


def test_text_is_escaped_and_folded_and_reads_back(tmp_path: Path, runner: CliRunner) -> None:
    root = tmp_path / "council"
    (root / "register").mkdir(parents=True)
    (root / "partnerfw.yaml").write_text(
        "council:\n  name: Llanfair; Pwll, & Gwyngyll\\Council\nedition: revised\n", "utf-8"
    )
    name = "Cydweithio ar Iechyd, Lles; a Gofal — Ynys Môn ‘Partneriaeth’ " * 2
    record = records.data("informal_network", id="ynys-mon", name=name.strip())
    (root / "register" / "ynys-mon.yaml").write_text(records.text(record), "utf-8")
    os.chdir(root)
    raw = (_build(runner) / "due.ics").read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never folded inside a character
    (event,) = _events(Path("site/due.ics"))
    assert str(event["SUMMARY"]) == f"Annual review: {name.strip()}"
    assert "URL" not in event  # the site's address is not set
    calendar = icalendar.Calendar.from_ical(raw)
    assert (
        str(calendar["NAME"])
        == "Llanfair\\; Pwll\\, & Gwyngyll\\\\Council: partnerships register dates due"
    )


def test_escaping_and_folding_by_the_rules() -> None:
    assert text_value("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    line = "SUMMARY:" + "é" * 60
    folded = fold(line).split("\r\n")
    assert all(len(part.encode()) <= 75 for part in folded)
    assert all(part.startswith(" ") for part in folded[1:])
    assert "".join(p.removeprefix(" ") if i else p for i, p in enumerate(folded)) == line


def test_the_reports_page_links_the_feed_and_says_how_to_subscribe(
    example_repo: Path, runner: CliRunner
) -> None:
    page = (_build(runner) / "reports.html").read_text("utf-8")
    assert '<a href="due.ics" type="text/calendar">' in page
    assert (
        '<code class="address">https://thamesbridge.gov.example/partnerships/due.ics</code>' in page
    )
    assert "Subscribe from web" in page


def _footer(page: Path) -> str:
    text = page.read_text("utf-8")
    return text[text.index('<footer class="footer">') :]


def test_every_page_says_when_and_from_which_commit_it_was_built(
    example_repo: Path, runner: CliRunner
) -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    env = {
        "SOURCE_DATE_EPOCH": EPOCH,
        "GITHUB_SHA": sha,
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "thamesbridge/partnerships",
    }
    site = _build(runner, env=env)
    stamp = (
        'Built on <time datetime="2026-11-24T06:00Z">24 November 2026 at 06:00 UTC</time> '
        f'from commit <a href="https://github.com/thamesbridge/partnerships/commit/{sha}">'
        "<code>0123456</code></a>."
    )
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text("utf-8")
        footer = (
            text[text.index('<footer class="site-footer">') :]
            if page.parent.name == "reports"
            else _footer(page)
        )
        assert stamp in footer, page


def test_outside_ci_the_commit_comes_from_git_and_without_either_there_is_none(
    example_repo: Path, runner: CliRunner
) -> None:
    site = _build(runner, "plain", env={"SOURCE_DATE_EPOCH": EPOCH})
    footer = _footer(site / "index.html")
    assert "24 November 2026 at 06:00 UTC</time>." in footer and "commit" not in footer
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-q", "-m", "x"],
    ):
        subprocess.run(["git", *args], cwd=example_repo, env=env, check=True)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=example_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    footer = _footer(_build(runner, "in-git", env={"SOURCE_DATE_EPOCH": EPOCH}) / "index.html")
    assert f"from commit <code>{head[:7]}</code>." in footer


def test_a_wrong_source_date_epoch_is_named(example_repo: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["build", "--today", TODAY], env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH 'yesterday' is not a number of seconds" in result.stderr
