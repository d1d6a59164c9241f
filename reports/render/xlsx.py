"""The report as an Excel workbook: a summary sheet, then one row per action with filters."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from oversight.spreadsheets import no_formulas, xml_safe

from ..figures import CHANGE_LISTS, EXCEPTION_LISTS, BoardReport
from .docx import EVIDENCE_COLUMNS, HEADER_FILL, TAG

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
ACTION_COLUMNS = [
    ("Plan", 28),
    ("Section", 30),
    ("Ref", 8),
    ("Action", 60),
    ("Owner", 30),
    ("Lead agency", 24),
    ("Due by", 16),
    ("Due date", 12),
    ("RAG", 14),
    ("Last update", 12),
    ("Progress and impact", 80),
    ("Previous RAG", 14),
    ("Previous due date", 14),
    ("Changes since the previous report", 30),
    ("Exceptions", 24),
]


def _fill(colour: str) -> PatternFill:
    fill, _ = TAG.get(colour, TAG["grey"])
    return PatternFill("solid", start_color=fill, end_color=fill)


def _font(colour: str) -> Font:
    _, ink = TAG.get(colour, TAG["grey"])
    return Font(bold=True, color=ink)


def _status(cell: object, status: object) -> None:
    """A coloured status cell WITH its word."""
    colour = getattr(status, "colour", "grey")
    cell.value = getattr(status, "label", "No update yet")  # type: ignore[attr-defined]
    cell.fill = _fill(colour)  # type: ignore[attr-defined]
    cell.font = _font(colour)  # type: ignore[attr-defined]


def _append(ws: Any, cells: list[Any]) -> None:
    """A row of cells; text as XML holds it (a control character pasted from Word would stop the
    whole workbook being written)."""
    ws.append([xml_safe(c) for c in cells])


def _header(ws: object, row: int, names: list[str]) -> None:
    for col, name in enumerate(names, start=1):
        cell = ws.cell(row=row, column=col, value=xml_safe(name))  # type: ignore[attr-defined]
        cell.font = BOLD
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)


def _table_header(ws: object, names: list[str]) -> None:
    """A blank row, then a header row: the summary sheet's tables one under another."""
    ws.append([])  # type: ignore[attr-defined]
    _append(ws, names)
    _header(ws, ws.max_row, names)  # type: ignore[attr-defined]


def _numbers(ws: Any, row: int, numbers: tuple[Any, Any, str, str]) -> None:
    """A measure's value and target (columns C and D) as numbers, their unit in the number
    format, so they sort, sum and chart in Excel; the target's green boundary, when other than
    it, said in its format too ("95% (green from 90%)", as the other formats write it)."""
    value, target, unit, green = numbers
    for column, number, after in ((3, value, unit), (4, target, unit + (f" {green}" if green else ""))):
        cell = ws.cell(row=row, column=column)
        cell.value = float(number) if number is not None else None
        shown = after.replace('"', "")
        cell.number_format = f'General"{shown}"' if shown else "General"


def _finish_list(ws: Any, widths: list[float]) -> None:
    """A sheet of one row per item under a header row: widths, wrapped cells, dates as dates,
    a filter on every column and the header frozen."""
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP
            if hasattr(cell.value, "year"):
                cell.number_format = "d mmm yyyy"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{max(ws.max_row, 2)}"
    ws.freeze_panes = "A2"


def render_xlsx(report: BoardReport) -> bytes:
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary["A1"] = xml_safe(report.title)
    summary["A1"].font = Font(bold=True, size=14)
    summary["A2"] = xml_safe(report.partnership.name)
    if report.plan_period:
        _append(summary, ["Plan period", report.plan_period])
    _append(summary, ["Progress as at", report.as_at])
    if not report.public:
        _append(summary, ["Previous report", report.previous])
    _append(summary, ["Actions", report.total])
    _table_header(summary, ["Status", "Actions"])
    for s in report.overall:
        _append(summary, ["", s.count])
        _status(summary.cell(row=summary.max_row, column=1), s)
    for note in report.status_notes:
        _append(summary, [note])
    for _, title, groups in report.groups:
        _table_header(summary, [title, *[s.label for s in report.statuses], "Overdue", "Total"])
        for g in groups:
            _append(
                summary, [g.name, *[g.by_status.get(s.key, 0) for s in report.statuses], g.overdue, g.total]
            )
    if not report.public:
        _table_header(summary, ["Since the previous report", "Actions", "Refs"])
        for name, title in CHANGE_LISTS.items():
            rows = getattr(report.changes, name)
            _append(summary, [title, len(rows), ", ".join(row.ref for row in rows)])
        for name, title in EXCEPTION_LISTS.items():
            rows = getattr(report.exceptions, name)
            _append(summary, [f"Exception: {title}", len(rows), ", ".join(row.ref for row in rows)])
        if report.exceptions.left_out_note:
            _append(summary, [report.exceptions.left_out_note])
        _table_header(summary, ["Sign-off", "Decision", "On", "Minute, reason or evidence"])
        for line in report.sign_offs.decided:
            _append(summary, [line.area, line.what, line.on, line.detail])
        for line in report.sign_offs.awaiting:
            # as the other formats give it: the evidence, its links, and what agreeing would lock
            unfinished = (
                f"{line.unfinished} of its actions not yet complete: agreeing locks them as they stand."
                if line.unfinished
                else "All its actions are complete."
            )
            words = " ".join([line.detail, *line.links, unfinished])
            _append(summary, [line.area, line.what, line.on, words])
    summary.column_dimensions["A"].width = 45
    for col in range(2, 12):
        summary.column_dimensions[get_column_letter(col)].width = 14
    for row in summary.iter_rows(min_row=3):
        for cell in row:
            if hasattr(cell.value, "year"):
                cell.number_format = "d mmmm yyyy"

    # the charts over time as figures (QA round 9: the Excel pack had neither charts nor these)
    over_time = wb.create_sheet("Over time")
    used = [s for s in report.statuses if any(p.by_status.get(s.key) for p in report.timeline)]
    _append(
        over_time,
        ["Month end or report date", *[s.label for s in used], "All actions", "Due by then", "Done"],
    )
    for point in report.timeline:
        _append(
            over_time,
            [point.day, *[point.by_status.get(s.key, 0) for s in used], point.total, point.due, point.done],
        )
    _header(over_time, 1, [str(c.value) for c in over_time[1]])
    _finish_list(over_time, [18] + [14] * (len(used) + 3))
    actions = wb.create_sheet("Actions", 1)
    # The public version leaves out the comparison with the previous (internal) report.
    columns = ACTION_COLUMNS[:11] if report.public else ACTION_COLUMNS
    _header(actions, 1, [name for name, _ in columns])
    changes = _notes(report.changes, CHANGE_LISTS)
    exceptions = _notes(report.exceptions, EXCEPTION_LISTS)
    plan_titles = {p.pk: p.title for p in report.plans}
    for part in report.parts:
        for block in part.blocks:
            for row in block.rows:
                item = row.item
                _append(
                    actions,
                    [
                        plan_titles[row.plan_id],
                        block.heading,
                        row.ref,
                        item.text,
                        row.owner,
                        row.lead_agency,
                        item.due_text,
                        item.due_date,
                        None,
                        row.last_update_on,
                        row.progress,
                        getattr(row.previous_status, "label", ""),
                        row.previous_due_date,
                        "; ".join(changes.get(item.action_id, [])),
                        "; ".join(exceptions.get(item.action_id, [])),
                    ][: len(columns)],
                )
                n = actions.max_row
                _status(actions.cell(row=n, column=9), row.status)
    _finish_list(actions, [width for _, width in columns])
    actions.print_title_rows = "1:1"
    if not report.public:
        # Internal only: the public version leaves evidence files out.
        sheet = wb.create_sheet("Evidence")
        _header(sheet, 1, ["Plan", *EVIDENCE_COLUMNS])
        for e in report.evidence:
            _append(
                sheet,
                [plan_titles[e.row.plan_id], e.row.ref, e.row.item.text, e.label, e.added, e.update_date],
            )
        _finish_list(sheet, [28, 8, 60, 50, 14, 14])
    if report.scorecard:
        sheet = wb.create_sheet("Scorecard")
        sc = report.scorecard
        _header(sheet, 1, sc.headers + (["RAG"] if sc.has_rag else []))
        for n, (cells, rag) in enumerate(sc.lines):
            _append(sheet, cells)
            if n < len(sc.numbers):
                _numbers(sheet, sheet.max_row, sc.numbers[n])
            if n < len(sc.disagreements) and sc.disagreements[n]:
                # a count, stored as a number like the workbook's other counts (column E)
                sheet.cell(row=sheet.max_row, column=5).value = sc.disagreements[n]
            if sc.has_rag:
                _status(sheet.cell(row=sheet.max_row, column=len(cells) + 1), rag)
        sheet.column_dimensions["A"].width = 50
    no_formulas(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _notes(lists: object, titles: dict[str, str]) -> dict[int, list[str]]:
    """Per action, the titles of the lists it is in (changes since the previous report, or the
    exceptions the board challenges: kept apart, since 'Red' is not a change)."""
    notes: dict[int, list[str]] = {}
    for name, title in titles.items():
        for row in getattr(lists, name):
            notes.setdefault(row.item.action_id, []).append(title)
    return notes
