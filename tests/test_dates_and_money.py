"""The one money parser and the one date parser, shared by ``import``, ``new`` and the
command-line date options (--today, report --as-of): what they read, what they refuse and
what they say when they refuse."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.money import money, parse_money
from partnerfw.record.partial_dates import DAY_FORMS, PartialDate, from_words, parse_date, parse_day
from partnerfw.spreadsheet import cells

D = dt.date


# --- Money --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("£12,000", "12000"),
        ("12000", "12000"),
        ("12 000", "12000"),
        ("£12 000", "12000"),
        ("£12k", "12000"),
        ("12K", "12000"),
        ("1.2m", "1200000"),
        ("£1.4M", "1400000"),
        ("£2 million", "2000000"),
        ("1.2bn", "1200000000"),
        ("GBP 500", "500"),
        ("£ 3,500", "3500"),
        ("£1,234.50", "1234.5"),
        ("£0", "0"),
        ("  £40,000  ", "40000"),
        (5605, "5605"),
        (12500.5, "12500.5"),
        (Decimal("99.99"), "99.99"),
    ],
)
def test_money_as_councils_write_it(text: str | int | float | Decimal, pounds: str) -> None:
    amount = parse_money(text)
    assert amount == Decimal(pounds)
    assert str(amount) == pounds  # whole pounds without '.00', pence without a trailing 0


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("lots", "'lots' is not an amount; write pounds as a number"),
        ("£5605 +VAT", "is not an amount"),
        ("just under £14,000", "is not an amount"),
        ("about £3k", "is not an amount"),
        ("£3,500 pa", "is not an amount"),
        ("in kind", "is not an amount"),
        ("N/A", "is not an amount"),
        ("75% / 25%", "is not an amount"),
        ("12,00", "is not an amount"),
        ("", "is not an amount"),
        ("-5", "'-5' is not an amount of money; it must be 0 or more"),
        ("-£500", "it must be 0 or more"),
        (-1, "it must be 0 or more"),
        ("£0.001", "has more than two decimal places (pence)"),
        ("123456789012345", "too large to be an amount of money"),
        (1e30, "too large to be an amount of money"),
        (float("nan"), "is not an amount"),
        (True, "true is not an amount"),
    ],
)
def test_money_that_is_not_exactly_an_amount_is_refused_saying_why(
    text: str | int | float, says: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_money(text)


def test_money_is_written_one_way() -> None:
    assert money(Decimal("12000")) == "£12,000"
    assert money(Decimal("1250.5")) == "£1,250.50"
    assert money(parse_money("£1.2m")) == "£1,200,000"


@pytest.mark.parametrize("text", ["£12,000", "12 000", "£1.4M", "£5605 +VAT", "-5", "in kind"])
def test_import_reads_money_with_the_one_parser(text: str) -> None:
    try:
        expected = cells.Reading(parse_money(text))
    except ValueError:
        expected = cells.INEXACT
    assert cells.read_money(text) == expected


# --- Dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-11-23", PartialDate(2026, 11, 23)),
        ("23/11/2026", PartialDate(2026, 11, 23)),
        ("23.11.2026", PartialDate(2026, 11, 23)),
        ("23-11-2026", PartialDate(2026, 11, 23)),
        ("1/4/2016", PartialDate(2016, 4, 1)),
        ("23 November 2026", PartialDate(2026, 11, 23)),
        ("23rd Nov 2026", PartialDate(2026, 11, 23)),
        ("1st Sept. 2019", PartialDate(2019, 9, 1)),
        ("November 23, 2026", PartialDate(2026, 11, 23)),
        ("  23   NOVEMBER   2026 ", PartialDate(2026, 11, 23)),
        ("November 2026", PartialDate(2026, 11)),
        ("Nov 2026", PartialDate(2026, 11)),
        ("11/2026", PartialDate(2026, 11)),
        ("2026-11", PartialDate(2026, 11)),
        ("2026", PartialDate(2026)),
    ],
)
def test_dates_as_people_write_them(text: str, date: PartialDate) -> None:
    assert parse_date(text) == date
    assert from_words(text) == date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("01/02/2026", D(2026, 2, 1)),  # day first, as in the UK: 1 February, not 2 January
        ("12/11/2026", D(2026, 11, 12)),
        ("2026-11-23", D(2026, 11, 23)),
        ("23/11/2026", D(2026, 11, 23)),
        ("23 November 2026", D(2026, 11, 23)),
    ],
)
def test_a_day_is_read_day_first(text: str, day: dt.date) -> None:
    assert parse_day(text) == day


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("31/02/2026", "'31/02/2026' is not a date (day is out of range for month)"),
        ("2026-02-30", "is not a date (day is out of range for month)"),
        ("31/11/2026", "is not a date (day is out of range for month)"),
        ("2026-13", "is not a date (there is no month 13"),
        ("13/2026", "there is no month 13"),
        ("23/11/26", "'23/11/26' is not a date partnerfw can read"),
        ("since 2006", "is not a date partnerfw can read"),
        ("Until March 2025", "is not a date partnerfw can read"),
        ("from 1 April", "is not a date partnerfw can read"),
        ("2019/20", "is not a date partnerfw can read"),
        ("Smarch 2020", "is not a date partnerfw can read"),
        ("2026-1", "is not a date partnerfw can read"),
        ("soon", "is not a date partnerfw can read"),
        ("", "is not a date partnerfw can read"),
    ],
)
def test_what_is_not_plainly_one_date_is_refused_saying_why(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_date(text)
    assert from_words(text) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("November 2026", "'November 2026' is not a day: it names only the month"),
        ("2026-11", "'2026-11' is not a day: it names only the month"),
        ("2026", "'2026' is not a day: it names only the year"),
    ],
)
def test_a_partial_date_is_not_a_day(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_day(text)


@pytest.mark.parametrize(
    "text", ["2016-04-01", "1/4/2016", "1.4.2016", "1 April 2016", "April 1, 2016", "April 2016"]
)
def test_import_reads_a_day_with_the_one_parser(text: str) -> None:
    try:
        expected = cells.Reading(parse_day(text))
    except ValueError:
        expected = cells.INEXACT
    assert cells.read_date(text) == expected


def test_import_reads_a_month_or_year_with_the_one_parser() -> None:
    """The same parser reads 'April 2016' for import as for everything else; the words around
    a date in a start column ('Since 2006') are import's to read (test_import_council_registers)."""
    assert cells.read_partial_date("2016-04") == cells.Reading(PartialDate(2016, 4))
    assert cells.read_partial_date(2006) == cells.Reading(PartialDate(2006))
    assert cells.read_partial_date("1/4/2016") == cells.Reading(PartialDate(2016, 4, 1))
    assert parse_date("April 2016") == PartialDate(2016, 4)
    assert cells.read_partial_date("April 2016") == cells.Reading(PartialDate(2016, 4))
    assert cells.read_partial_date("Since 2006") == cells.INEXACT  # no column: no meaning


# --- The command-line date options --------------------------------------------------------


@pytest.mark.parametrize("written", ["23/11/2026", "23 November 2026", "23rd Nov 2026"])
def test_check_today_takes_a_day_as_people_write_it(
    runner: CliRunner, example_repo: Path, written: str
) -> None:
    iso = runner.invoke(app, ["check", "--today", "2026-11-23"], catch_exceptions=False)
    other = runner.invoke(app, ["check", "--today", written], catch_exceptions=False)
    assert iso.exit_code == 1  # the bundled register has findings as of that day
    assert (other.exit_code, other.stdout, other.stderr) == (iso.exit_code, iso.stdout, iso.stderr)
    assert " arrangements in " in iso.stdout


def test_check_today_judges_as_of_the_day_written(runner: CliRunner, example_repo: Path) -> None:
    later = runner.invoke(app, ["check", "--today", "2030-01-01"], catch_exceptions=False)
    uk = runner.invoke(app, ["check", "--today", "01/01/2030"], catch_exceptions=False)
    now = runner.invoke(app, ["check", "--today", "23/11/2026"], catch_exceptions=False)
    assert uk.stdout == later.stdout
    assert now.stdout != later.stdout


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("November 2026", "--today 'November 2026' is not a day: it names only the month"),
        ("2026", "--today '2026' is not a day: it names only the year"),
        ("31/11/2026", "--today '31/11/2026' is not a date (day is out of range for month)"),
        ("23/11/26", "--today '23/11/26' is not a date partnerfw can read"),
    ],
)
def test_a_bad_today_exits_2_naming_the_option_and_the_forms(
    runner: CliRunner, example_repo: Path, written: str, says: str
) -> None:
    result = runner.invoke(app, ["check", "--today", written], catch_exceptions=False)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert says in message
    assert f"write the day as {DAY_FORMS}" in message
    assert result.stdout == "" and "Traceback" not in result.output


def test_report_as_of_takes_the_same_forms(runner: CliRunner, example_repo: Path) -> None:
    iso = runner.invoke(
        app, ["report", "due", "-f", "md", "--as-of", "2026-11-23"], catch_exceptions=False
    )
    uk = runner.invoke(
        app, ["report", "due", "-f", "md", "--as-of", "23/11/2026"], catch_exceptions=False
    )
    assert iso.exit_code == 0 and uk.stdout == iso.stdout
    bad = runner.invoke(app, ["report", "due", "--as-of", "Nov 2026"], catch_exceptions=False)
    assert bad.exit_code == 2
    assert "--as-of 'Nov 2026' is not a day: it names only the month" in bad.stderr
