"""Action plans made up from a seeded ``random.Random``, with the result a perfect importer gives,
rendered as the office forms partnerships send: Word (.docx), Excel (.xlsx and the legacy .xls),
LibreOffice (.ods, .odt), an HTML page and CSV.

What varies is what real plans vary: the wording of each column's header, the column order and which
optional columns exist, reference styles, how sections are shown (a heading between tables, a row
spanning the table, a group column merged down, a sheet per priority), due dates as words, quarters,
financial years or Excel date cells, RAG as a word or as cell shading only, owners naming several
people and agencies, a lead cell merged over several actions, cells of several paragraphs, empty cells,
'N/A' rows, title lines above the table, a RAG key, the header repeated down the table and a table
beside the plan (version control, glossary) that holds no actions.

Only layouts a person reading the document could read one way are made: a CSV carries no shading and
no merged cells, so there the RAG is a word and a lead is repeated on each of its rows."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import io
from dataclasses import dataclass, field
from random import Random
from typing import Any

FORMS = ("docx", "xlsx", "xls", "ods", "odt", "html", "csv")
# the forms that are workbooks: a section may be a sheet, a due date an Excel date cell
SHEETS = ("xlsx", "xls", "ods")

HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "Ref.", "No.", "Ref No", "#", "Action ref", "Action No."),
    "text": ("Action", "Actions", "What we will do", "Action required", "Key actions", "Agreed action",
             "Actions to be taken", "Task"),
    "owner": ("Lead", "Owner", "Responsible officer", "Lead officer", "Action owner", "Who", "By whom",
              "Lead(s)", "Responsible"),
    "due": ("By when", "By when?", "Timescale", "Target date", "Due date", "Deadline", "Completion date",
            "Timescales"),
    "rag": ("RAG", "RAG status", "Status", "RAG rating", "Current RAG"),
    "progress": ("Progress", "Update", "Progress update", "Progress to date", "Comments", "Latest update",
                 "Evidence of progress"),
    "outcome": ("Outcome", "Success measure", "Desired outcome", "How will we know", "Expected outcome",
                "Measures of success"),
    "section": ("Priority", "Area for improvement", "Theme", "Strategic priority", "Workstream"),
}  # fmt: skip

SECTION_TITLES = (
    "Early help and thresholds", "Neglect", "Child exploitation", "Voice of the child",
    "Multi-agency training", "Quality assurance", "Safeguarding in education", "Domestic abuse",
    "Partnership governance", "Health and wellbeing", "Missing children", "Information sharing",
)  # fmt: skip
PREFIXES = {t: t.split()[0][:3].upper() for t in SECTION_TITLES}

VERBS = ("Review", "Refresh", "Publish", "Audit", "Deliver", "Embed", "Develop", "Launch", "Evaluate",
         "Agree", "Update", "Roll out", "Commission", "Monitor")  # fmt: skip
OBJECTS = ("the neglect strategy", "the threshold document", "multi-agency training on exploitation",
           "the escalation policy", "the early help assessment", "supervision arrangements in the MASH",
           "the graded care profile", "return home interviews", "the voice of the child toolkit",
           "strategy discussion attendance", "the domestic abuse pathway", "the case audit programme",
           "the information sharing agreement", "the safeguarding training offer for schools",
           "the missing children protocol", "the partnership dashboard")  # fmt: skip
PURPOSES = ("so that practitioners apply it consistently", "with partners across health and police",
            "and report findings to the executive group", "to reduce repeat referrals",
            "so that children's views shape their plans", "and share learning through a 7-minute briefing",
            "with a focus on adolescents", "for all front-line staff", "following the JTAI findings",
            "and embed it in practice")  # fmt: skip
SECOND_PARAGRAPHS = ("This includes a review of current practice.", "Partners will be consulted first.",
                     "A report will go to the board.", "Findings will inform the next audit.")  # fmt: skip

OWNERS = (
    "Head of Early Help", "LSCP Business Manager", "Designated Nurse (ICB)", "DCI Sarah Jones, Police",
    "Head of Service, Children's Social Care", "Jane Smith (Education) and Tom Brown (Police)",
    "Chair of the QA subgroup", "Named GP / Designated Doctor", "Service Manager, MASH",
    "Principal Social Worker", "Learning and Development Lead", "Detective Superintendent, Police",
    "Safeguarding Lead for Schools; Head of Inclusion", "Partnership Manager",
)  # fmt: skip

PROGRESS = ("Draft shared with the executive group.", "Training sessions booked; 40 staff attended so far.",
            "Audit completed and findings reported to the board.", "Delayed by staffing changes.",
            "Task and finish group set up.", "Consultation with partners under way.",
            "Agreed by all three partners.", "Awaiting sign-off.")  # fmt: skip
OUTCOMES = ("Children get the right help first time.", "Fewer repeat referrals.",
            "Practitioners report confidence in the process.", "Audits show improved practice.",
            "Children's voices are recorded in every plan.")  # fmt: skip

RAG_WORDS = {
    "red": ("Red", "R", "RED", "Off track"),
    "amber": ("Amber", "A", "Amber - some slippage", "Some slippage"),
    "green": ("Green", "G", "On track", "GREEN"),
    "complete": ("Complete", "Completed", "Action completed"),
}
BRAG_COMPLETE = ("Blue", "B")
SHADES = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "0070C0"}
RAG_KEY = (
    ("Red", "Significant risk that the action will not be delivered"),
    ("Amber", "Some slippage, being managed"),
    ("Green", "On track to be delivered"),
    ("Blue", "Complete"),
)
# how a header or section row is coloured: none, a grey, a pale blue, or a dark blue with white text
# (which is not a rating: it is the row's banner)
BANNERS = (None, "D9D9D9", "DEEAF6", "1F3864")


@dataclass
class Due:
    text: str | None
    due: dt.date | None
    cell: dt.date | None = None  # an Excel date cell
    cell_format: str = "dd/mm/yyyy"


@dataclass
class Row:
    """One table row of the plan: an action, or an 'N/A' row that is none."""

    ref: str | None
    text: list[str]  # paragraphs
    owner: str | None
    due: Due
    rag: str | None
    rag_text: str | None
    progress: list[str]
    outcome: str | None
    is_action: bool = True


@dataclass
class Section:
    ref: str | None
    title: str
    printed: str  # as the heading, span row, group cell or sheet names it
    rows: list[Row] = field(default_factory=list)


@dataclass
class GeneratedPlan:
    seed: int
    form: str
    title: str
    organisation: str
    columns: list[tuple[str, str]]  # (field, header) in order
    section_form: str  # none | heading | span_row | group_column | sheet
    sections: list[Section]
    rag_shading: bool
    brag: bool
    merged_leads: bool
    repeat_header: bool
    rag_key: str | None  # None | before | after
    furniture: str | None  # None | version | glossary
    furniture_first: bool
    banner: str | None

    @property
    def filename(self) -> str:
        return f"generated_{self.seed}.{self.form}"

    def gold(self) -> dict[str, Any]:
        sections = [
            {"ref": s.ref, "title": s.title, "parent": None} for s in self.sections if s.ref is not None
        ]
        actions = [
            {
                "ref": row.ref,
                "section": section.ref,
                "text": " ".join(" ".join(row.text).split()),
                "owner": row.owner,
                "due_text": row.due.text,
                "due": row.due.due.isoformat() if row.due.due else None,
                "rag": row.rag,
                "progress": " ".join(row.progress) or None,
            }
            for section in self.sections
            for row in section.rows
            if row.is_action
        ]
        return {
            "document": self.filename,
            "plan": {"title": self.title, "organisation": self.organisation, "kind": "other", "as_at": None},
            "rag_scheme": None,
            "sections": sections,
            "actions": actions,
        }

    def render(self) -> bytes:
        renderers = {
            "docx": _docx,
            "xlsx": _xlsx,
            "xls": _xls,
            "ods": _ods,
            "odt": _odt,
            "html": _html,
            "csv": _csv,
        }
        return renderers[self.form](self)


# --------------------------------------------------------------------------- making a plan


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _due(rnd: Random, form: str) -> Due:
    year = rnd.choice((2023, 2024, 2025))
    month = rnd.randint(1, 12)
    day = rnd.randint(1, 28)
    name = calendar.month_name[month]
    kind = rnd.choice(
        ("numeric", "long", "month", "end_of", "quarter", "fy", "ongoing", "revised", "cell", "none",
         "season", "short")
    )  # fmt: skip
    if kind == "cell" and form not in SHEETS:
        kind = "numeric"
    if kind == "numeric":
        return Due(f"{day:02d}/{month:02d}/{year}", dt.date(year, month, day))
    if kind == "long":
        return Due(f"{day} {name} {year}", dt.date(year, month, day))
    if kind == "month":
        return Due(f"{name} {year}", _end_of_month(year, month))
    if kind == "short":
        return Due(f"{name[:3]}-{year % 100:02d}", _end_of_month(year, month))
    if kind == "end_of":
        return Due(f"End of {name} {year}", _end_of_month(year, month))
    if kind == "quarter":
        quarter = rnd.randint(1, 4)
        end = {1: (year, 6), 2: (year, 9), 3: (year, 12), 4: (year + 1, 3)}[quarter]
        return Due(f"Q{quarter} {year}/{(year + 1) % 100:02d}", _end_of_month(*end))
    if kind == "fy":
        return Due(f"End of financial year {year}/{(year + 1) % 100:02d}", dt.date(year + 1, 3, 31))
    if kind == "ongoing":
        return Due(rnd.choice(("Ongoing", "Ongoing - reviewed quarterly", "On-going")), None)
    if kind == "revised":
        later = month + rnd.randint(1, 3)
        later_year, later_month = (year + 1, later - 12) if later > 12 else (year, later)
        return Due(
            f"{name} {year} (revised to {calendar.month_name[later_month]} {later_year})",
            _end_of_month(later_year, later_month),
        )
    if kind == "cell":
        if rnd.random() < 0.5:
            return Due(f"{day} {name} {year}", dt.date(year, month, day), dt.date(year, month, day))
        # a month typed into a date cell: Excel stores its first day and shows 'Mar-24' or 'March 2024'
        return Due(
            f"{name} {year}", _end_of_month(year, month), dt.date(year, month, 1),
            rnd.choice(("mmm-yy", "mmmm yyyy")),
        )  # fmt: skip
    if kind == "season":
        return Due(f"{rnd.choice(('Autumn', 'Spring', 'Summer'))} {year}", None)
    return Due(None, None)


def _ref(style: str, section_no: int, section: Section, title: str, k: int, counter: int) -> str | None:
    if style == "dotted":
        return f"{section_no}.{k}" if section.ref is not None else str(counter)
    if style == "lettered":
        return f"{section_no}.{(k + 1) // 2}{'ab'[(k + 1) % 2]}"
    if style == "prefixed":
        return f"{PREFIXES.get(title, 'ACT')}-{counter}"
    if style == "letter_number":
        return f"{'ABCDEFGHJKLM'[section_no - 1]}{k}"
    return None


def _section(rnd: Random, no: int, title: str, numbered: bool, form: str) -> Section:
    if not numbered:
        return Section(title, title, title)
    if form == "sheet":  # a sheet's name holds 31 characters; its name is the section's ref
        printed = f"{no}. {title}"
        return Section(printed, printed, printed)
    pattern = rnd.choice(("{n}. {t}", "Priority {n}: {t}", "{n} {t}", "Area {n} - {t}", "Theme {n}: {t}"))
    return Section(str(no), title, pattern.format(n=no, t=title))


def generate(seed: int, form: str) -> GeneratedPlan:
    rnd = Random(f"{seed}-{form}")
    optional = [f for f in ("ref", "owner", "due", "rag", "progress", "outcome") if rnd.random() < 0.8]
    ref_first = "ref" in optional and rnd.random() < 0.8  # the reference usually comes first
    rest = [f for f in ("text", *optional) if not (ref_first and f == "ref")]
    rnd.shuffle(rest)
    if rest[0] != "text" and rnd.random() < 0.7:
        rest.remove("text")
        rest.insert(0, "text")  # and the action next
    fields = ["ref", *rest] if ref_first else rest
    section_forms = ["none", "heading", "span_row", "group_column"] + (["sheet"] if form in SHEETS else [])
    section_form = rnd.choice(section_forms)
    if form == "csv" and section_form == "heading":
        section_form = "span_row"  # a CSV has no headings: a row holding only the section's name
    brag = "rag" in fields and rnd.random() < 0.3
    columns = [(f, rnd.choice(HEADERS[f]) if not (f == "rag" and brag) else "BRAG") for f in fields]
    if section_form == "group_column":
        columns.insert(0, ("section", rnd.choice(HEADERS["section"])))
    ref_style = rnd.choice(("dotted", "lettered", "prefixed", "letter_number")) if "ref" in fields else "none"
    if section_form == "none" and ref_style in ("lettered", "letter_number"):
        ref_style = "dotted"
    # a CSV shows no bold or merge: a name alone in the action column of a table without references
    # could be an action with its other cells empty, so there a section row carries its number
    numbered = section_form != "none" and (
        ref_style in ("dotted", "lettered") or rnd.random() < 0.5 or (form == "csv" and "ref" not in fields)
    )
    titles = rnd.sample(SECTION_TITLES, rnd.randint(2, 4)) if section_form != "none" else [""]
    plan = GeneratedPlan(
        seed=seed,
        form=form,
        title=rnd.choice(("Neglect Strategy Action Plan", "JTAI Improvement Plan 2024",
                          "Safeguarding Partnership Action Plan", "Learning Review Action Plan")),
        organisation=rnd.choice(("Northshire Safeguarding Children Partnership",
                                 "Westbury Local Safeguarding Children Partnership")),
        columns=columns,
        section_form=section_form,
        sections=[],
        rag_shading=form != "csv" and "rag" in fields and rnd.random() < 0.4,
        brag=brag,
        merged_leads=form != "csv" and "owner" in fields and rnd.random() < 0.5,
        repeat_header=section_form not in ("heading", "sheet") and rnd.random() < 0.3,
        rag_key=rnd.choice((None, None, "before", "after")) if "rag" in fields else None,
        furniture=rnd.choice((None, "version", "glossary")),
        furniture_first=rnd.random() < 0.5,
        banner=rnd.choice(BANNERS) if form != "csv" else None,
    )  # fmt: skip
    counter = 0
    used: set[str] = set()
    for no, title in enumerate(titles, start=1):
        section = (
            Section(None, "", "")
            if section_form == "none"
            else _section(rnd, no, title, numbered, section_form)
        )
        owner: str | None = None
        for k in range(1, rnd.randint(2, 5) + 1):
            counter += 1
            ref = _ref(ref_style, no, section, title, k, counter)
            if rnd.random() < 0.08 and k > 1:
                section.rows.append(
                    Row(ref, [rnd.choice(("N/A", "Not applicable", "No actions"))], None, Due(None, None),
                        None, None, [], None, is_action=False)
                )  # fmt: skip
                owner = None
                continue
            while True:
                text = f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} {rnd.choice(PURPOSES)}"
                if text not in used:
                    used.add(text)
                    break
            paragraphs = [text] + ([rnd.choice(SECOND_PARAGRAPHS)] if rnd.random() < 0.25 else [])
            if "owner" not in fields:
                owner = None
            elif not (plan.merged_leads and owner and rnd.random() < 0.5):
                # a CSV's empty lead cell may be a merged lead saved without its merge: always a lead there
                owner = rnd.choice(OWNERS) if form == "csv" or rnd.random() < 0.92 else None
            rag = rnd.choice(("red", "amber", "green", "complete", None)) if "rag" in fields else None
            rag_text = None
            if rag is not None:
                words = RAG_WORDS[rag] + (BRAG_COMPLETE if brag and rag == "complete" else ())
                rag_text = rnd.choice(words)  # (shaded only, a complete action's cell is blue)
            progress = []
            if "progress" in fields and rnd.random() < 0.85:
                progress = rnd.sample(PROGRESS, rnd.choice((1, 1, 2)))
            section.rows.append(
                Row(
                    ref,
                    paragraphs,
                    owner,
                    _due(rnd, form) if "due" in fields else Due(None, None),
                    rag,
                    rag_text,
                    progress,
                    rnd.choice(OUTCOMES) if "outcome" in fields and rnd.random() < 0.8 else None,
                )
            )
        plan.sections.append(section)
    return plan


# --------------------------------------------------------------------------- what each cell shows


def _lead_runs(rows: list[Row]) -> list[int]:
    """For each row, how many rows its lead cell spans (0 for a row under a merged lead above)."""
    spans = [1] * len(rows)
    start = 0
    for i in range(1, len(rows) + 1):
        same = (
            i < len(rows)
            and rows[i].is_action
            and rows[start].is_action
            and rows[i].owner is not None
            and rows[i].owner == rows[start].owner
        )
        if not same:
            spans[start] = i - start
            for j in range(start + 1, i):
                spans[j] = 0
            start = i
    return spans


def _cell(plan: GeneratedPlan, fld: str, row: Row) -> list[str]:
    """The paragraphs of a row's cell in a column."""
    if fld == "ref":
        return [row.ref] if row.ref else []
    if fld == "text":
        return row.text
    if fld == "owner":
        return [row.owner] if row.owner else []
    if fld == "due":
        return [row.due.text] if row.due.text else []
    if fld == "rag":
        return [] if plan.rag_shading or not row.rag_text else [row.rag_text]
    if fld == "progress":
        return row.progress
    if fld == "outcome":
        return [row.outcome] if row.outcome else []
    return []


def _furniture(plan: GeneratedPlan) -> list[list[str]]:
    if plan.furniture == "version":
        return [
            ["Version", "Date", "Author", "Changes"],
            ["0.1", "12/01/2024", "LSCP Business Manager", "First draft"],
            ["1.0", "03/03/2024", "LSCP Business Manager", "Agreed by the executive group"],
        ]
    return [
        ["Acronym", "Meaning"],
        ["MASH", "Multi-Agency Safeguarding Hub"],
        ["ICB", "Integrated Care Board"],
        ["JTAI", "Joint Targeted Area Inspection"],
    ]


def _key_rows(plan: GeneratedPlan) -> list[tuple[str, str]]:
    return [row for row in RAG_KEY if row[0] != "Blue" or plan.brag or plan.rag_shading]


def _headers(plan: GeneratedPlan) -> list[str]:
    return [header for _, header in plan.columns]


# --------------------------------------------------------------------------- Word


def _docx(plan: GeneratedPlan) -> bytes:
    out = io.BytesIO()
    _document(plan).save(out)
    return out.getvalue()


def _odt(plan: GeneratedPlan) -> bytes:
    """The Word document as LibreOffice Writer saves it (.odt)."""
    from .odf_writer import odt_bytes

    return odt_bytes(_document(plan))


def _document(plan: GeneratedPlan) -> Any:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph(plan.title, style="Title")
    document.add_paragraph(plan.organisation)

    def shade(cell: Any, colour: str | None) -> None:
        if colour is None:
            return
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), colour)
        cell._tc.get_or_add_tcPr().append(shading)

    def put(cell: Any, paragraphs: list[str]) -> None:
        cell.text = paragraphs[0] if paragraphs else ""
        for text in paragraphs[1:]:
            cell.add_paragraph(text)

    def header_row(table: Any, repeat: bool) -> None:
        cells = table.add_row().cells
        for cell, text in zip(cells, _headers(plan), strict=True):
            put(cell, [text])
            shade(cell, plan.banner)
        if repeat:  # Word's 'repeat as header row at the top of each page'
            properties = table.rows[-1]._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:tblHeader"))

    def extra_tables() -> None:
        if plan.rag_key:
            document.add_paragraph("RAG key")
            key = document.add_table(rows=0, cols=2)
            for word, meaning in _key_rows(plan):
                cells = key.add_row().cells
                put(cells[0], [word])
                put(cells[1], [meaning])

    def furniture() -> None:
        document.add_paragraph("Version control" if plan.furniture == "version" else "Glossary")
        rows = _furniture(plan)
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                put(cell, [text])

    if plan.furniture and plan.furniture_first:
        furniture()
    if plan.rag_key == "before":
        extra_tables()
    fields = [f for f, _ in plan.columns]
    table = None
    for s_index, section in enumerate(plan.sections):
        if plan.section_form == "heading":
            document.add_paragraph(section.printed, style="Heading 2")
        if table is None or plan.section_form == "heading":
            table = document.add_table(rows=0, cols=len(fields))
            table.style = "Table Grid"
            header_row(table, repeat=True)
        if plan.section_form == "span_row":
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            put(merged, [section.printed])
            shade(merged, plan.banner)
        if plan.repeat_header and s_index == 1:
            header_row(table, repeat=False)  # the header typed again where a page broke
        first = len(table.rows)
        spans = _lead_runs(section.rows)
        for row in section.rows:
            cells = table.add_row().cells
            for cell, fld in zip(cells, fields, strict=True):
                put(cell, _cell(plan, fld, row))
                if fld == "rag" and plan.rag_shading and row.rag:
                    shade(cell, SHADES[row.rag])
        for offset, span in enumerate(spans):
            if plan.merged_leads and span > 1:
                top = table.cell(first + offset, fields.index("owner"))
                top.merge(table.cell(first + offset + span - 1, fields.index("owner")))
                put(top, [section.rows[offset].owner or ""])
        if plan.section_form == "group_column":
            top = table.cell(first, 0)
            if len(section.rows) > 1:
                top.merge(table.cell(first + len(section.rows) - 1, 0))
            put(top, [section.printed])
    if plan.rag_key == "after":
        extra_tables()
    if plan.furniture and not plan.furniture_first:
        furniture()
    return document


# --------------------------------------------------------------------------- Excel


def _xlsx(plan: GeneratedPlan) -> bytes:
    out = io.BytesIO()
    _workbook(plan).save(out)
    return out.getvalue()


def _xls(plan: GeneratedPlan) -> bytes:
    """The workbook saved as Excel 97-2003 (.xls), as old plans are kept."""
    from .xls_writer import xls_bytes

    return xls_bytes(_workbook(plan))


def _ods(plan: GeneratedPlan) -> bytes:
    """The workbook as LibreOffice Calc saves it (.ods)."""
    from .odf_writer import ods_bytes

    return ods_bytes(_workbook(plan))


def _workbook(plan: GeneratedPlan) -> Any:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    book = openpyxl.Workbook()
    fields = [f for f, _ in plan.columns]
    width = len(fields)

    def fill(cell: Any, colour: str | None) -> None:
        if colour:
            cell.fill = PatternFill("solid", fgColor=colour)

    def add(sheet: Any, values: list[Any]) -> int:
        sheet.append(values)
        return int(sheet.max_row)

    def header(sheet: Any) -> None:
        r = add(sheet, _headers(plan))
        for c in range(1, width + 1):
            fill(sheet.cell(r, c), plan.banner)
            sheet.cell(r, c).font = Font(bold=True)

    def title(sheet: Any) -> None:
        sheet.append([plan.title])
        sheet.append([plan.organisation])
        sheet.append([])

    def rows(sheet: Any, section: Section) -> None:
        first = sheet.max_row + 1
        for row in section.rows:
            values: list[Any] = []
            for fld in fields:
                if fld == "section":
                    values.append(section.printed if row is section.rows[0] else None)
                elif fld == "due" and row.due.cell is not None:
                    values.append(row.due.cell)
                else:
                    values.append("\n".join(_cell(plan, fld, row)) or None)
            r = add(sheet, values)
            for c, fld in enumerate(fields, start=1):
                cell = sheet.cell(r, c)
                if fld == "due" and row.due.cell is not None:
                    cell.number_format = row.due.cell_format
                if fld == "rag" and plan.rag_shading and row.rag:
                    fill(cell, SHADES[row.rag])
                if "\n" in str(cell.value or ""):
                    cell.alignment = Alignment(wrap_text=True)
        spans = _lead_runs(section.rows)
        for offset, span in enumerate(spans):
            if plan.merged_leads and span > 1:
                col = fields.index("owner") + 1
                sheet.merge_cells(start_row=first + offset, end_row=first + offset + span - 1,
                                  start_column=col, end_column=col)  # fmt: skip
        if plan.section_form == "group_column" and len(section.rows) > 1:
            sheet.merge_cells(
                start_row=first, end_row=first + len(section.rows) - 1, start_column=1, end_column=1
            )

    def key(sheet: Any) -> None:
        sheet.append(["RAG key"])
        for word, meaning in _key_rows(plan):
            r = add(sheet, [word, meaning])
            fill(
                sheet.cell(r, 1),
                SHADES[{"Red": "red", "Amber": "amber", "Green": "green"}.get(word, "complete")],
            )

    sheet = book.active
    sheet.title = "Action plan"
    if plan.section_form == "sheet":
        book.remove(sheet)
        for section in plan.sections:
            sheet = book.create_sheet(section.printed[:31])
            header(sheet)
            rows(sheet, section)
    else:
        title(sheet)
        if plan.rag_key == "before":
            key(sheet)
            sheet.append([])
        header(sheet)
        for s_index, section in enumerate(plan.sections):
            if plan.repeat_header and s_index == 1:
                header(sheet)
            if plan.section_form in ("heading", "span_row"):
                r = add(sheet, [section.printed])
                fill(sheet.cell(r, 1), plan.banner)
                sheet.cell(r, 1).font = Font(bold=True)
                if plan.section_form == "span_row":
                    sheet.merge_cells(start_row=r, end_row=r, start_column=1, end_column=width)
            rows(sheet, section)
        if plan.rag_key == "after":
            sheet.append([])
            key(sheet)
    if plan.furniture:
        other = book.create_sheet(
            "Version control" if plan.furniture == "version" else "Glossary",
            0 if plan.furniture_first else None,
        )
        for values in _furniture(plan):
            other.append(values)
    return book


# --------------------------------------------------------------------------- HTML


def _html(plan: GeneratedPlan) -> bytes:
    fields = [f for f, _ in plan.columns]
    out = [f"<!DOCTYPE html><html><head><title>{html.escape(plan.title)}</title></head><body>"]
    out.append(f"<h1>{html.escape(plan.title)}</h1><p>{html.escape(plan.organisation)}</p>")
    banner = f' style="background:#{plan.banner}"' if plan.banner else ""

    def cell(paragraphs: list[str], attrs: str = "") -> str:
        inner = (
            "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            if len(paragraphs) > 1
            else (html.escape(paragraphs[0]) if paragraphs else "&nbsp;")
        )
        return f"<td{attrs}>{inner}</td>"

    def header() -> str:
        return "<tr>" + "".join(f"<th{banner}>{html.escape(h)}</th>" for h in _headers(plan)) + "</tr>"

    def table(rows: list[list[str]]) -> str:
        return (
            "<table border=1>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
            + "</table>"
        )

    def key() -> None:
        out.append("<p><b>RAG key</b></p>" + table([list(row) for row in _key_rows(plan)]))

    def furniture() -> None:
        out.append(f"<h3>{'Version control' if plan.furniture == 'version' else 'Glossary'}</h3>")
        out.append(table(_furniture(plan)))

    if plan.furniture and plan.furniture_first:
        furniture()
    if plan.rag_key == "before":
        key()
    open_table = False
    for s_index, section in enumerate(plan.sections):
        if plan.section_form == "heading":
            if open_table:
                out.append("</table>")
            out.append(f"<h2>{html.escape(section.printed)}</h2>")
            open_table = False
        if not open_table:
            out.append("<table border=1><thead>" + header() + "</thead><tbody>")
            open_table = True
        if plan.section_form == "span_row":
            out.append(
                f'<tr><td colspan="{len(fields)}"{banner}><b>{html.escape(section.printed)}</b></td></tr>'
            )
        if plan.repeat_header and s_index == 1:
            out.append(header())
        spans = _lead_runs(section.rows)
        for i, row in enumerate(section.rows):
            cells = []
            for fld in fields:
                if fld == "section":
                    if i == 0:
                        cells.append(cell([section.printed], f' rowspan="{len(section.rows)}"'))
                elif fld == "owner" and plan.merged_leads:
                    if spans[i]:
                        cells.append(
                            cell(_cell(plan, fld, row), f' rowspan="{spans[i]}"' if spans[i] > 1 else "")
                        )
                elif fld == "rag" and plan.rag_shading and row.rag:
                    cells.append(cell([], f' style="background:#{SHADES[row.rag]}"'))
                else:
                    cells.append(cell(_cell(plan, fld, row)))
            out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if plan.rag_key == "after":
        key()
    if plan.furniture and not plan.furniture_first:
        furniture()
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


# --------------------------------------------------------------------------- CSV


def _csv(plan: GeneratedPlan) -> bytes:
    """A sheet saved as CSV: title lines padded to the table's width, as Excel writes them."""
    import csv

    fields = [f for f, _ in plan.columns]
    width = len(fields)
    lines: list[list[str]] = [[plan.title] + [""] * (width - 1), [plan.organisation] + [""] * (width - 1)]
    lines.append([""] * width)
    lines.append(_headers(plan))
    for s_index, section in enumerate(plan.sections):
        if plan.repeat_header and s_index == 1:
            lines.append(_headers(plan))
        if plan.section_form == "span_row":
            lines.append([section.printed] + [""] * (width - 1))
        for i, row in enumerate(section.rows):
            values = []
            for fld in fields:
                if fld == "section":  # a merged group cell saved as CSV: its name on the first row only
                    values.append(section.printed if i == 0 else "")
                else:
                    values.append("\n".join(_cell(plan, fld, row)))
            lines.append(values)
    out = io.StringIO()
    csv.writer(out).writerows(lines)
    return out.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- exploring many plans


def main(argv: list[str] | None = None) -> int:
    """``python -m intake.tests.plan_generator_office [COUNT] [FORMS]``: import COUNT generated plans
    per form, score them with the shared scorer and print the imperfect ones grouped by symptom."""
    import sys
    from collections import Counter

    from intake.importer.api import import_document

    from .conftest import load_scorer

    args = sys.argv[1:] if argv is None else argv
    count = int(args[0]) if args else 100
    forms = args[1].split(",") if len(args) > 1 else list(FORMS)
    scorer = load_scorer()
    symptoms: Counter[tuple[str, str]] = Counter()
    for form in forms:
        perfect = 0
        for seed in range(count):
            plan = generate(seed, form)
            result = scorer.score(
                import_document(plan.render(), filename=plan.filename).to_dict(), plan.gold()
            )
            found = [k for k in ("missed", "extra") if result[k]]
            found += [f"wrong {f}" for f, bad in result["wrong"].items() if bad]
            symptoms.update((form, s) for s in found)
            perfect += not found
            if found:
                print(f"{form} seed {seed} ({plan.section_form}): {', '.join(found)}")
        print(f"{form}: {perfect}/{count} perfect")
    for (form, symptom), n in sorted(symptoms.items()):
        print(f"  {form:5s} {symptom:15s} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
