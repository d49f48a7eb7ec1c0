"""A register kept in a spreadsheet: ``import``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    VerboseOption,
    _print,
    _project,
    app,
)

_WRITE = "Create the record files (default: only show what would be created)."
_MAPPING = "YAML file 'columns: {heading: field}' correcting the guessed columns."
_SAVE = "Write the column mapping in use to FILE, to correct and pass to --mapping."
_SHEET = "The sheet of an .xlsx file (default: the first)."
_HEADER_ROW = "The row that holds the column headings (default: found among the first rows)."
_REPORT = (
    "Write the whole report, row by row, to FILE (replaced if it exists); a long report is "
    "cut to its summary on screen, the details in a file."
)
_DUPLICATES = "With --write, also create rows that look like a record already in the register."


@app.command("import")
def import_register(
    file: Annotated[
        Path,
        typer.Argument(help="The spreadsheet to import: a .csv or .xlsx file.", dir_okay=False),
    ],
    write: Annotated[bool, typer.Option("--write", help=_WRITE)] = False,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", metavar="FILE", dir_okay=False, help=_MAPPING)
    ] = None,
    save_mapping: Annotated[
        Path | None, typer.Option("--save-mapping", metavar="FILE", dir_okay=False, help=_SAVE)
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", metavar="NAME", help=_SHEET)] = None,
    header_row: Annotated[
        int | None, typer.Option("--header-row", metavar="N", min=1, help=_HEADER_ROW)
    ] = None,
    allow_duplicates: Annotated[bool, typer.Option("--allow-duplicates", help=_DUPLICATES)] = False,
    report: Annotated[
        Path | None, typer.Option("--report", metavar="FILE", dir_okay=False, help=_REPORT)
    ] = None,
    verbose: VerboseOption = False,
    config: ConfigOption = None,
) -> None:
    """Import a register kept in a spreadsheet, one record file per row; previews unless --write."""
    # The progress display first, so that it shows from the start; then the importer, which
    # loads the record model and the YAML writer (imported here for start-up speed).
    from partnerfw.render.terminal import progress_on_stderr

    with progress_on_stderr() as progress:
        progress("Reading the settings", 0, 0)
        from partnerfw.spreadsheet.importer import ImportOptions, import_spreadsheet

        project = _project(config)
        options = ImportOptions(
            write=write,
            mapping=mapping,
            save_mapping=save_mapping,
            sheet=sheet,
            header_row=header_row,
            allow_duplicates=allow_duplicates,
            verbose=verbose,
            report=report,
        )
        folder = project.settings.register_folder
        outcome = import_spreadsheet(file, project.register_dir, folder, options, None, progress)
    _print(outcome.report)
    if save_mapping is not None:
        _print(f"The column mapping is in {save_mapping}.")
    raise typer.Exit(EXIT_FINDINGS if outcome.has_problems else EXIT_OK)
