"""Reminders on GitHub: ``reminders``."""

from __future__ import annotations

from typing import Annotated

import typer

from partnerfw.cli.app import (
    ConfigOption,
    TodayOption,
    VerboseOption,
    _print,
    _project,
    _today,
    app,
)


@app.command()
def reminders(
    apply: Annotated[
        bool,
        typer.Option(
            "--apply/--dry-run",
            help="Open, update and close the issues on GitHub (default: a dry run that says "
            "what it would do).",
        ),
    ] = False,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="DAYS",
            help="Remind of what falls due within this many days, or is overdue (default: 30; "
            "end dates from the policy's renewal notice).",
        ),
    ] = None,
    repository: Annotated[
        str | None,
        typer.Option(
            "--repository",
            metavar="OWNER/NAME",
            envvar="GITHUB_REPOSITORY",
            show_envvar=True,
            help="The GitHub repository whose issues hold the reminders.",
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            metavar="TOKEN",
            envvar="GITHUB_TOKEN",
            show_envvar=True,
            show_default=False,
            help="A GitHub token that may write issues (better given as GITHUB_TOKEN).",
        ),
    ] = None,
    api_url: Annotated[
        str,
        typer.Option(
            "--api-url",
            metavar="URL",
            envvar="GITHUB_API_URL",
            show_envvar=True,
            help="GitHub's REST API (GitHub Enterprise Server: https://HOST/api/v3).",
        ),
    ] = "https://api.github.com",
    server_url: Annotated[
        str,
        typer.Option(
            "--server-url",
            metavar="URL",
            envvar="GITHUB_SERVER_URL",
            show_envvar=True,
            help="GitHub's web address, for the links to the record files.",
        ),
    ] = "https://github.com",
    verbose: VerboseOption = False,
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """Open, update and close one GitHub issue per arrangement with monitoring due or overdue."""
    # Loaded here, not at the top, for start-up speed (the register, the due logic, PyGithub).
    from partnerfw.reminders.run import Options, run_reminders

    when = _today(today)
    project = _project(config)
    options = Options(repository, token, api_url, server_url, within, apply, verbose=verbose)
    outcome = run_reminders(project, options, when)
    _print("\n".join(outcome.lines))
