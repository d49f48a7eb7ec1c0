"""The import's report: what each column was matched to, what became of each row (and every
value kept as written, tidied, repaired, put in as a placeholder or left unknown), likely
duplicates and a summary; a preview says that nothing was written.
"""

from __future__ import annotations

from partnerfw.record.columns import AS_WRITTEN
from partnerfw.spreadsheet.cells import quoted
from partnerfw.spreadsheet.plan import ImportPlan
from partnerfw.spreadsheet.row import RowResult, choices
from partnerfw.words import plural


def render_report(plan: ImportPlan) -> str:
    """The report of ``plan``, for an officer to read before ``--write``, and after it."""
    table = plan.table
    out = [
        f"Importing {table.source}: {plural(len(plan.rows), 'row')}, "
        f"{plural(len(table.headers), 'column')} "
        f"(headings in row {table.header_row})."
    ]
    out += [f"Note: {note}" for note in table.notes]
    out += ["", "Columns (heading -> record field):"]
    exact = [c for c in plan.columns if c.how == "field name"]
    others = [c for c in plan.columns if c.how != "field name"]
    if exact:
        names = ", ".join(c.header for c in exact[:6]) + (", ..." if len(exact) > 6 else "")
        out.append(f"  {len(exact)} columns are named by their record field ({names})")
    width = min(max((len(c.header) for c in others), default=0) + 2, 40)
    for column in others:
        where = column.path or "-"
        out.append(f"  {quoted(column.header):<{width}} -> {where}  ({column.how})")
    out += ["", "Rows:"]
    for result in plan.rows:
        out.extend(_row_lines(result))
    if plan.duplicates:
        out += [
            "",
            "Likely duplicates (the same arrangement under two names? check, and merge or rename):",
        ]
        for dup in plan.duplicates:
            spelt = f"; {dup.expanded}" if dup.expanded else ""
            out.append(
                f"  {dup.first.label} {quoted(dup.first.name)} and {dup.second.label} "
                f"{quoted(dup.second.name)}: score {dup.score:.2f}{spelt}"
            )
    out += ["", _summary(plan)]
    if not plan.written:
        out.append(
            "This was a preview: nothing was written. Check the columns and values above, "
            "then run again with --write (and --mapping FILE to correct a column)."
        )
    return "\n".join(out)


def _row_lines(result: RowResult) -> list[str]:
    label = f"  row {result.row:<4}"
    states = {
        "new": f"new      {result.file}",
        "written": f"written  {result.file}",
        "exists": f"EXISTS   {result.file} is already there: not written (partnerfw never "
        "overwrites; edit that file, or give this row another id)",
        "not imported": "NOT IMPORTED: " + "; ".join(result.problems),
        "left out": "left out: " + "; ".join(result.problems),
    }
    if result.same_as:
        file, score = result.same_as[0]
        states["skipped"] = (
            f"SKIPPED: likely the same as {file} (score {score:.2f}); rerun with "
            "--allow-duplicates to create it anyway"
        )
        if result.status == "new":
            states["new"] += (
                f"  (likely the same as {file}, score {score:.2f}: --write will skip it "
                "unless --allow-duplicates)"
            )
    if result.unknown and result.status in ("new", "written"):
        states[result.status] += f"  ({' and '.join(result.unknown)} to choose: see below)"
    lines = [f"{label}  {states[result.status]}"]
    lines += [f"      check: {text}" for text in result.checks]
    for path, text in result.flagged:
        why = result.read_from.get(path, "")
        if path in result.unknown:
            said = f"the sheet says {quoted(text)}" if text else "not in the sheet"
            lines.append(
                f"      UNKNOWN, left out of the record: {path}: {said}"
                + (f" ({why})" if why else "")
                + f", and partnerfw cannot tell which it is; choose one of {choices(path)} "
                "in the file (check reports it, DATA004, until you do)"
            )
        elif text and why:
            lines.append(
                f"      read as {quoted(result.read_as.get(path, ''))} {why}, "
                f"kept as written too, to confirm (DATA010): {path} = {quoted(text)}"
            )
        elif text:
            lines.append(f"      kept as written, to confirm (DATA010): {path} = {quoted(text)}")
        else:
            shown = quoted(result.placeholders.get(path, ""))
            if why:
                shown += f" ({why})"
            lines.append(
                f"      not in the sheet, placeholder {shown} to confirm (DATA010): {path}"
            )
    if result.carried:
        lines.append(
            f"      still to confirm (DATA010), from its {AS_WRITTEN} columns: "
            + ", ".join(path for path, _ in result.carried)
        )
    for header, before, after in result.repaired:
        lines.append(
            f"      repaired mis-encoded text in {quoted(header)}: {quoted(before)} -> "
            f"{quoted(after)}"
        )
    for header, text, value in result.read_words:
        lines.append(f"      read {quoted(header)} {quoted(text)} as {value}")
    for header, before, after in result.tidied:
        lines.append(f"      tidied {quoted(header)}: {quoted(before)} -> {quoted(after)}")
    for header, text in result.in_notes:
        lines.append(f"      not mapped, kept in notes: {quoted(header)} = {quoted(text)}")
    return lines


def _summary(plan: ImportPlan) -> str:
    flagged = sum(len(r.flagged) for r in plan.rows)
    carried = sum(len(r.carried) for r in plan.rows)
    repaired = sum(len(r.repaired) for r in plan.rows)
    in_notes = sum(len(r.in_notes) for r in plan.rows)
    done = "written" if plan.written else "to create"
    made = plan.count("written") if plan.written else plan.count("new")
    skips = plan.count("skipped")
    skipped = f", {skips} skipped as likely duplicates" if skips else ""
    if plan.count("left out"):
        skipped += f", {plan.count('left out')} left out as headings, notes or totals"
    unknown = sum(1 for r in plan.rows if r.unknown and r.status in ("new", "written"))
    if unknown:
        skipped += (
            f", {unknown} without a kind or status partnerfw could tell (choose it in the file)"
        )
    return (
        f"Summary: {plural(len(plan.rows), 'row')}: {made} {done}, {plan.count('exists')} "
        f"already in the register, {plan.count('not imported')} not imported{skipped}; "
        f"{plural(flagged, 'value')} kept as written for an officer to confirm"
        + (f" (and {carried} still to confirm from {AS_WRITTEN} columns)" if carried else "")
        + f"; {plural(repaired, 'mis-encoded text')} repaired; {plural(in_notes, 'cell')} kept "
        f"in notes; {plural(len(plan.duplicates), 'likely duplicate')}."
    )
