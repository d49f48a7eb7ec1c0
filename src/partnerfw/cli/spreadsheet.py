"""A register kept in a spreadsheet: ``import``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    _fail,
    _print,
    _project,
    app,
)

if TYPE_CHECKING:
    pass


@app.command("import")
def import_register(
    file: Annotated[
        Path,
        typer.Argument(help="The spreadsheet to import: a .csv or .xlsx file.", dir_okay=False),
    ],
    write: Annotated[
        bool,
        typer.Option(
            "--write", help="Create the record files (default: only show what would be created)."
        ),
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            metavar="FILE",
            dir_okay=False,
            help="YAML file 'columns: {heading: field}' correcting the guessed columns.",
        ),
    ] = None,
    save_mapping: Annotated[
        Path | None,
        typer.Option(
            "--save-mapping",
            metavar="FILE",
            dir_okay=False,
            help="Write the column mapping in use to FILE, to correct and pass to --mapping.",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", metavar="NAME", help="The sheet of an .xlsx file (default: the first)."
        ),
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option(
            "--header-row",
            metavar="N",
            min=1,
            help="The row that holds the column headings (default: found among the first rows).",
        ),
    ] = None,
    allow_duplicates: Annotated[
        bool,
        typer.Option(
            "--allow-duplicates",
            help="With --write, also create rows that look like a record already in the register.",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Import a register kept in a spreadsheet, one record file per row; previews unless --write."""
    from partnerfw.errors import UserError
    from partnerfw.files import write_atomic
    from partnerfw.spreadsheet import importer

    project = _project(config)
    try:
        overrides = importer.read_mapping(mapping) if mapping else None
        table = importer.read_table(file, sheet, header_row, frozenset(overrides or {}))
        for heading in overrides or {}:
            if heading not in table.headers:
                raise UserError(
                    f"{mapping}: the column '{heading}' is not in {table.source}; "
                    f"its columns are: {', '.join(table.headers)}"
                )
        columns = importer.match_columns(table.headers, overrides)
        plan = importer.plan_import(
            table, columns, project.register_dir, project.settings.register_folder
        )
        if save_mapping is not None:
            write_atomic(save_mapping, importer.mapping_text(table.source, columns))
        if write:
            importer.write_records(plan, project.register_dir, allow_duplicates)
    except UserError as exc:
        _fail(str(exc))
    _print(importer.render_report(plan))
    if save_mapping is not None:
        _print(f"The column mapping is in {save_mapping}.")
    raise typer.Exit(EXIT_FINDINGS if plan.has_problems else EXIT_OK)
