"""A deterministic generator of safeguarding partnership action plans in the text forms converters
write, each with the gold result a perfect importer gives (schema: ../shared/gold/README.md).

``generate_plan(seed, form)`` draws a plan from ``random.Random(seed)``: header words from the
synonyms plans use, the column order, which optional columns exist, the reference style, how sections
are shown, due dates and statuses in the wordings plans write, owners naming several people or
agencies, action text of one to three sentences, empty cells and rows that only say 'N/A'. It then
renders the plan in one text form:

* ``tabbed``: a row per line, cells apart by tabs (Word's 'Convert table to text', LibreOffice text);
* ``pipe``: Markdown pipe tables (markitdown, pandoc, docling);
* ``layout``: cells side by side in fixed-width columns, a long cell wrapped onto continuation lines
  inside its column (``pdftotext -layout`` of a PDF table);
* ``records``: a labelled block per action ('Action: ... / Lead: ... / Due: ...').

Everything a reader needs is on the page: a section is a numbered heading, a row across the table or
a grouping column; nothing is left for a human to guess either.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from typing import Any

FORMS = ("tabbed", "pipe", "layout", "records")

# field -> header wordings plans use for that column
HEADERS: dict[str, tuple[str, ...]] = {
    "ref": ("Ref", "Ref.", "No.", "Ref No", "Action ref", "Reference", "#"),
    "text": ("Action", "Actions", "What we will do", "Action required", "Actions to be taken", "Key actions",
             "Agreed action", "Task"),
    "owner": ("Lead", "Owner", "Lead officer", "Responsible officer", "Lead/s", "Action owner", "By whom",
              "Responsible person"),
    "due": ("By when", "Timescale", "Target date", "Due date", "Deadline", "Completion date", "Timescales"),
    "rag": ("RAG", "BRAG", "Status", "RAG status", "RAG rating", "Current status"),
    "progress": ("Progress", "Update", "Progress update", "Progress to date", "Comments", "Latest update"),
    "outcome": ("Outcome", "Evidence of impact", "Expected outcome", "Success measures",
                "How will we know", "Outcomes"),
    "section": ("Priority", "Area for improvement", "Theme", "Recommendation", "Finding", "Objective"),
}  # fmt: skip

# the label before a numbered section heading ('Priority 1: ...')
SECTION_LABELS = ("Priority", "Area for improvement", "Theme", "Recommendation", "Finding", "Objective")

SECTION_TITLES = (
    "Leadership and governance", "The front door and early help", "Strategy discussions and child protection",
    "Neglect", "Child exploitation and missing children", "The voice of the child",
    "Quality assurance and audit", "Workforce development and training", "Information sharing",
    "Children in care and care leavers", "Domestic abuse", "Mental health and emotional wellbeing",
    "Pursue", "Prevent", "Protect", "Prepare", "Partnership working", "Learning from reviews",
)  # fmt: skip

_VERBS = ("Review", "Refresh", "Audit", "Deliver", "Publish", "Develop", "Introduce", "Embed", "Evaluate",
          "Agree", "Launch", "Commission", "Establish", "Strengthen", "Report on")  # fmt: skip
_OBJECTS = (
    "the multi-agency neglect strategy", "the MASH operating model", "threshold guidance for partners",
    "the escalation and resolution protocol", "training on contextual safeguarding",
    "the quality of strategy discussions", "the exploitation data profile", "supervision standards",
    "the early help assessment tool", "information sharing agreements between partners",
    "the partnership's learning and improvement framework", "return home interviews",
    "the Graded Care Profile 2", "health attendance at child protection conferences",
    "a seven-minute briefing on the review", "the partnership dataset", "multi-agency case audits",
)  # fmt: skip
_PURPOSES = (
    "so that decisions are made within 24 hours", "with police, health and education partners",
    "for all frontline practitioners", "across the three localities", "in line with Working Together 2023",
    "so that the child's lived experience is recorded", "and report the findings to the executive",
    "including schools and early years settings", "",
)  # fmt: skip
_SECOND = (
    "Findings will be shared with the Quality Assurance subgroup.",
    "This includes a dip sample of 20 cases each quarter.",
    "Practitioners will be consulted through the practitioner forum.",
    "The revised guidance will be published on the partnership website.",
    "Attendance will be monitored by the Business Unit.",
    "Learning will be fed back through seven-minute briefings.",
    "Health and police partners will co-chair the task and finish group.",
)  # fmt: skip
_PEOPLE = ("Emma Vickers", "Chris Jackson", "Jo Smith", "Sam Patel", "Ruth Adeyemi", "Mark Ellis",
           "Helen O'Brien", "David Kaur", "Lucy Moore")  # fmt: skip
_ROLES = (
    "Head of Service, Children's Social Care", "Partnership Business Manager", "Designated Nurse, ICB",
    "Head of Early Help", "Principal Social Worker", "Education Safeguarding Lead", "LSCP Training Lead",
    "Detective Chief Inspector, Public Protection", "Service Manager, MASH", "Independent Scrutineer",
    "Head of Safeguarding, Acute Trust", "Strategic Lead for Exploitation",
)  # fmt: skip
_AGENCIES = ("Police", "ICB", "CSC", "Education", "Probation", "Youth Justice Service", "Public Health")
_PROGRESS = (
    "Draft circulated to partners for comment.", "Audit tool agreed; fieldwork under way in two localities.",
    "Delayed by staffing changes in the business unit.", "Training delivered to 64 practitioners so far.",
    "Completed and signed off by the executive.", "Task and finish group meets monthly.",
    "Not yet started.", "Awaiting data from the new case management system.",
)  # fmt: skip
_OUTCOMES = (
    "Children receive a timely response.", "Practitioners are confident in applying thresholds.",
    "Audits show improved quality of plans.", "Fewer repeat referrals to the MASH.",
    "Partners attend every strategy discussion.",
)  # fmt: skip
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # fmt: skip
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_POINTERS = ("N/A", "Not applicable", "As above", "See above", "No actions")


@dataclass
class GenAction:
    ref: str | None
    text: str
    owner: str | None
    due_text: str | None
    due: str | None
    rag_text: str | None
    rag: str | None
    progress: str | None
    outcome: str | None
    pointer: bool = False  # a row that only points elsewhere ('N/A'): not an action


@dataclass
class GenSection:
    ref: str  # the gold ref: its number, or its title when it has none
    number: str | None
    title: str
    label: str
    actions: list[GenAction] = field(default_factory=list)

    def heading(self) -> str:
        """The section as a heading or a cell names it ('Priority 1: Neglect', '1. Neglect', 'Neglect')."""
        if self.number is None:
            return self.title
        if self.label == "":
            return f"{self.number}. {self.title}"
        return f"{self.label} {self.number}: {self.title}"


@dataclass
class GenPlan:
    seed: int
    form: str
    title: str
    organisation: str
    columns: list[tuple[str, str]]  # (field, header as written), in order
    section_form: str  # heading | row | group
    sections: list[GenSection]

    def gold(self, document: str) -> dict[str, Any]:
        actions = []
        for section in self.sections:
            above: str | None = None
            for a in section.actions:
                if a.pointer:
                    continue
                # in a table an empty lead cell under a filled one is what a lead cell merged over
                # several rows prints as: the lead above leads this action too (gold README)
                owner = a.owner or (above if self.form != "records" else None)
                above = owner
                actions.append(
                    {"ref": a.ref, "section": section.ref, "text": " ".join(a.text.split()), "owner": owner,
                     "due_text": a.due_text, "due": a.due, "rag": a.rag, "progress": a.progress}
                )  # fmt: skip
        return {
            "document": document,
            "plan": {"title": self.title, "organisation": self.organisation, "kind": "other", "as_at": None},
            "rag_scheme": None,
            "sections": [{"ref": s.ref, "title": s.title, "parent": None} for s in self.sections],
            "actions": actions,
        }

    def render(self) -> str:
        return {
            "tabbed": render_tabbed,
            "pipe": render_pipe,
            "layout": render_layout,
            "records": render_records,
        }[self.form](self)


# --------------------------------------------------------------------------- drawing a plan


def _due(rng: random.Random, year: int) -> tuple[str | None, str | None]:
    """A due-date cell and the date it means (the last day of the period it names)."""
    month = rng.randrange(12)
    name, days = _MONTH_NAMES[month], _MONTH_DAYS[month] + (1 if month == 1 and year % 4 == 0 else 0)
    end = f"{year}-{month + 1:02d}-{days:02d}"
    kind = rng.choice(("day", "day", "ordinal", "numeric", "month", "month", "short", "end", "quarter",
                       "quarter_dash", "ongoing", "tbc", "revised", "empty", "by"))  # fmt: skip
    if kind == "day":
        return f"{days} {name} {year}", end
    if kind == "ordinal":
        suffix = {31: "st", 30: "th", 29: "th", 28: "th"}[days]
        return f"{days}{suffix} {name} {year}", end
    if kind == "numeric":
        return f"{days:02d}/{month + 1:02d}/{year}", end
    if kind == "month":
        return f"{name} {year}", end
    if kind == "short":
        return f"{name[:3]} {year}", end
    if kind == "end":
        return f"{rng.choice(('End of', 'end of', 'By end of'))} {name} {year}", end
    if kind in ("quarter", "quarter_dash"):
        quarter = rng.randrange(1, 5)
        start = year if quarter < 4 else year - 1  # the financial year April to March
        last_month = (3, 6, 9, 12, 3)[quarter]
        last_year = start if quarter < 4 else start + 1
        last_day = _MONTH_DAYS[last_month - 1]
        fy = f"{start}/{(start + 1) % 100:02d}" if kind == "quarter" else f"{start}-{(start + 1) % 100:02d}"
        return f"Q{quarter} {fy}", f"{last_year}-{last_month:02d}-{last_day:02d}"
    if kind == "ongoing":
        return rng.choice(("Ongoing", "ongoing", "Quarterly")), None
    if kind == "tbc":
        return rng.choice(("TBC", "To be confirmed")), None
    if kind == "revised":
        earlier = _MONTH_NAMES[(month - 3) % 12]
        earlier_year = year if month >= 3 else year - 1
        return f"{earlier} {earlier_year} (revised to {name} {year})", end
    if kind == "by":
        return f"By {days} {name} {year}", end
    return None, None


_RAG_WORDINGS: dict[str, tuple[str, ...]] = {
    "red": ("R", "Red", "Red", "RED", "Red - off track"),
    "amber": ("A", "Amber", "Amber", "AMBER", "Amber - some slippage"),
    "green": ("G", "Green", "Green", "GREEN", "Green - on track"),
    "complete": ("Complete", "Completed", "Action complete"),
}


def _rag(rng: random.Random, letters: bool) -> tuple[str | None, str | None]:
    key = rng.choice(("red", "amber", "green", "green", "complete", "empty"))
    if key == "empty":
        return None, None
    if letters and key != "complete":
        return key[0].upper(), key
    return rng.choice(_RAG_WORDINGS[key]), key


def _owner(rng: random.Random) -> str | None:
    kind = rng.choice(("role", "role", "person_role", "person_agency", "two", "agencies", "empty"))
    if kind == "role":
        return rng.choice(_ROLES)
    if kind == "person_role":
        return f"{rng.choice(_PEOPLE)}, {rng.choice(_ROLES)}"
    if kind == "person_agency":
        return f"{rng.choice(_AGENCIES)} – {rng.choice(_PEOPLE)}"
    if kind == "two":
        first, second = rng.sample(_ROLES, 2)
        return f"{first}{rng.choice((' / ', ' and ', '; '))}{second}"
    if kind == "agencies":
        return ", ".join(rng.sample(_AGENCIES, rng.randrange(2, 4)))
    return None


def _text(rng: random.Random) -> str:
    purpose = rng.choice(_PURPOSES)
    first = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{' ' + purpose if purpose else ''}."
    extra = rng.sample(_SECOND, rng.choice((0, 0, 1, 2)))
    return " ".join([first, *extra])


def _refs(style: str, number: str | None, title: str, count: int, running: int) -> list[str | None]:
    if style == "none":
        return [None] * count
    if style == "dotted":
        return [f"{number}.{k + 1}" for k in range(count)]
    if style == "lettered":
        return [f"{number}.{1 + k // 3}{'abc'[k % 3]}" for k in range(count)]
    if style == "prefixed":
        prefix = (
            "".join(w[0] for w in title.split()[:3]).upper() if len(title.split()) > 1 else title[:3].upper()
        )
        return [f"{prefix}-{k + 1}" for k in range(count)]
    return [f"A{running + k + 1}" for k in range(count)]  # 'A1', 'A2' ... through the plan


def generate_plan(seed: int, form: str) -> GenPlan:
    rng = random.Random(f"{form}-{seed}")
    ref_style = rng.choice(("dotted", "dotted", "lettered", "prefixed", "running", "none"))
    numbered = ref_style in ("dotted", "lettered") or rng.random() < 0.5
    # which columns: the action text always; the others as plans vary
    fields = ["text"]
    if ref_style != "none":
        fields.insert(0, "ref")
    for name, chance in (("owner", 0.95), ("due", 0.9), ("rag", 0.8), ("progress", 0.6), ("outcome", 0.3)):
        if rng.random() < chance:
            fields.append(name)
    tail = fields[fields.index("text") + 1 :]
    rng.shuffle(tail)  # the columns after the action in any order
    fields = fields[: fields.index("text") + 1] + tail
    if "outcome" in fields and rng.random() < 0.5:  # an outcome column before the action
        fields.remove("outcome")
        fields.insert(fields.index("text"), "outcome")
    section_form = rng.choice(("heading", "row", "group")) if form != "records" else "heading"
    if (
        ref_style == "none"
        and section_form != "group"
        and (form in ("tabbed", "layout") or section_form == "row")
    ):
        # a title alone on a line (or alone in a row) of a table without references reads as well as
        # an action with its other cells empty, or a paragraph of a cell: only a number tells a reader
        # it is a heading once the converter has dropped its bold
        numbered = True
    if section_form == "group":
        fields.insert(0, "section")
    used: set[str] = set()
    columns = []
    for name in fields:
        header = rng.choice([h for h in HEADERS[name] if h.lower() not in used])
        used.add(header.lower())
        columns.append((name, header))
    letters = rng.random() < 0.4
    year = rng.randrange(2019, 2026)
    label = rng.choice(("", *SECTION_LABELS))
    sections = []
    running = 0
    for k, title in enumerate(rng.sample(SECTION_TITLES, rng.randrange(2, 5))):
        number = str(k + 1) if numbered else None
        section = GenSection(ref=number or title, number=number, title=title, label=label)
        count = rng.randrange(1, 6)
        refs = _refs(ref_style, number, title, count, running)
        running += count
        for ref in refs:
            due_text, due = _due(rng, year + rng.randrange(0, 2)) if "due" in fields else (None, None)
            rag_text, rag = _rag(rng, letters) if "rag" in fields else (None, None)
            owner = _owner(rng) if "owner" in fields else None
            if owner is None and "owner" in fields and ref_style == "none" and form != "records":
                # an empty lead cell under a filled one is a merged cell or an empty one: a table with
                # references to start its rows tells them apart (the importer carries the lead down
                # there); without, it cannot be told, so the generator fills it
                owner = rng.choice(_ROLES)
            progress = rng.choice((*_PROGRESS, None)) if "progress" in fields else None
            outcome = rng.choice(_OUTCOMES) if "outcome" in fields else None
            section.actions.append(
                GenAction(ref, _text(rng), owner, due_text, due, rag_text, rag, progress, outcome)
            )
        if ref_style != "none" and rng.random() < 0.15:  # a row that only points elsewhere
            pointer = _refs(ref_style, number, title, count + 1, running - count)[-1]
            section.actions.append(
                GenAction(
                    pointer, rng.choice(_POINTERS), None, None, None, None, None, None, None, pointer=True
                )
            )
            running += 1
        sections.append(section)
    organisation = (
        rng.choice(("Westmoor", "Hillshire", "Northbrook", "Eastvale")) + " Safeguarding Children Partnership"
    )
    title = rng.choice(("Improvement action plan", "Written statement of action", "Neglect action plan",
                        "Business plan action tracker")) + f" {year}/{(year + 1) % 100:02d}"  # fmt: skip
    return GenPlan(seed, form, title, organisation, columns, section_form, sections)


# --------------------------------------------------------------------------- rendering


def _cell(plan: GenPlan, section: GenSection, action: GenAction, name: str, first: bool) -> str:
    if name == "section":
        return section.heading() if first else ""
    value = {"ref": action.ref, "text": action.text, "owner": action.owner, "due": action.due_text,
             "rag": action.rag_text, "progress": action.progress, "outcome": action.outcome}[name]  # fmt: skip
    return value or ""


def _rows(plan: GenPlan) -> list[tuple[str, Any]]:
    """The plan's table as ('heading', text) lines between tables, ('section', text) rows across
    the table and ('row', cells) rows."""
    out: list[tuple[str, Any]] = []
    names = [name for name, _ in plan.columns]
    for section in plan.sections:
        if plan.section_form == "heading":
            out.append(("heading", section.heading()))
        elif plan.section_form == "row":
            out.append(("section", section.heading()))
        for k, action in enumerate(section.actions):
            out.append(("row", [_cell(plan, section, action, name, k == 0) for name in names]))
    return out


def _preamble(plan: GenPlan) -> list[str]:
    return [plan.organisation, plan.title, ""]


def render_tabbed(plan: GenPlan) -> str:
    lines = [*_preamble(plan), "\t".join(h for _, h in plan.columns)]
    width = len(plan.columns)
    for kind, value in _rows(plan):
        if kind == "heading":
            lines.append(value)
        elif kind == "section":
            lines.append("\t".join([value, *[""] * (width - 1)]))
        else:
            lines.append("\t".join(value))
    return "\n".join(lines) + "\n"


def render_pipe(plan: GenPlan) -> str:
    header = "| " + " | ".join(h for _, h in plan.columns) + " |"
    rule = "|" + "|".join("---" for _ in plan.columns) + "|"
    width = len(plan.columns)
    lines = [f"# {plan.title}", "", plan.organisation, ""]
    open_table = False
    for kind, value in _rows(plan):
        if kind == "heading":
            lines += ["", f"## {value}", "", header, rule]
            open_table = True
            continue
        if not open_table:
            lines += [header, rule]
            open_table = True
        cells = [value, *[""] * (width - 1)] if kind == "section" else value
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


_LAYOUT_WIDTHS = {"ref": (5, 7), "text": (38, 56), "owner": (18, 28), "due": (10, 16), "rag": (7, 10),
                  "progress": (28, 44), "outcome": (24, 34), "section": (18, 26)}  # fmt: skip


def render_layout(plan: GenPlan) -> str:
    """pdftotext -layout: fixed columns; a cell longer than its column wraps onto the lines below,
    inside the column; the header's words wrap too."""
    rng = random.Random(f"layout-widths-{plan.seed}")
    names = [name for name, _ in plan.columns]
    widths = []
    for name, header in plan.columns:
        low, high = _LAYOUT_WIDTHS[name]
        width = rng.randrange(low, high + 1)
        longest = max([len(w) for w in header.split()] + [len(w) for w in _words_in_column(plan, name)] + [1])
        widths.append(max(width, longest))
    gaps = [rng.randrange(2, 5) for _ in names]
    # without a reference to start each row, only the space between rows shows where one ends (the
    # ruling lines are gone): a row whose last line is a whole sentence reads as well as two rows
    blank_between = rng.random() < 0.4 or "ref" not in names

    def wrap(cells: list[str]) -> list[str]:
        wrapped = [
            textwrap.wrap(c, w, break_on_hyphens=False, break_long_words=False) or [""]
            for c, w in zip(cells, widths, strict=True)
        ]
        lines = []
        for k in range(max(len(x) for x in wrapped)):
            line = ""
            for c, cell in enumerate(wrapped):
                if c:
                    line += " " * gaps[c]
                line += (cell[k] if k < len(cell) else "").ljust(widths[c])
            lines.append(line.rstrip())
        return lines

    lines = [*_preamble(plan), *wrap([h for _, h in plan.columns])]
    for kind, value in _rows(plan):
        if kind in ("heading", "section"):
            lines += ["", value] if blank_between else [value]
        else:
            if blank_between:
                lines.append("")
            lines += wrap(value)
    return "\n".join(lines) + "\n"


def _words_in_column(plan: GenPlan, name: str) -> list[str]:
    return [
        word
        for section in plan.sections
        for k, action in enumerate(section.actions)
        for word in _cell(plan, section, action, name, k == 0).split()
    ]


_RECORD_LABELS: dict[str, tuple[str, ...]] = {
    "text": ("Action",),
    "owner": ("Lead", "Lead officer", "Owner", "Responsible officer", "By whom"),
    "due": ("Due", "Timescale", "Target date", "By when", "Deadline"),
    "rag": ("RAG", "Status", "RAG rating"),
    "progress": ("Progress", "Update", "Progress to date"),
    "outcome": ("Outcome", "Expected outcome"),
}


def render_records(plan: GenPlan) -> str:
    """A labelled block per action under each section's heading ('Action 1.1' opens a block whose
    action has a reference)."""
    rng = random.Random(f"records-{plan.seed}")
    labels = {name: rng.choice(options) for name, options in _RECORD_LABELS.items()}
    names = [name for name, _ in plan.columns if name in _RECORD_LABELS]
    lines = _preamble(plan)
    for section in plan.sections:
        lines += [section.heading(), ""]
        for action in section.actions:
            if action.pointer:
                continue  # a record plan has no rows to fill with 'N/A'
            if action.ref:
                lines.append(f"Action {action.ref}")
            for name in names:
                value = _cell(plan, section, action, name, False)
                if value:
                    lines.append(f"{labels[name]}: {value}")
            lines.append("")
    return "\n".join(lines) + "\n"
