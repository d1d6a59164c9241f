"""Action plans generated from a seeded ``random.Random``, printed to PDF with WeasyPrint, each with the
result a perfect import gives in the gold schema (../shared/gold/README.md).

What varies is what real plans vary: the header's wording and column order, optional columns (ref,
RAG, progress, an outcome column the import leaves out), the ref style ('1.1', '1.1a', 'PRO-12', a ref
written at the start of the action cell), how sections are shown (a heading above each table, a row
across the table, a group column whose cell is merged down its actions, none), due dates as written
('End of June 2025', 'Q2 2025/26', '30/09/2025', a revised date after the original, 'Ongoing'), RAG as
a word, a letter or only as the cell's background colour, owners naming several people, long cells of
several sentences, portrait or landscape A4, ruled or unruled tables, and tables long enough to run
over several pages with the header repeated, so that WeasyPrint cuts some rows over a page break.

The expected result of the text routes (``pdftotext -layout`` and plain ``pdftotext``) is the same but
for a RAG shown only by colour, which no text keeps: its ``rag`` is null there.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass, field
from html import escape
from typing import Any

MONTHS = list(calendar.month_name)[1:]

SECTION_TITLES = [
    "Children's voices are not consistently heard in strategy discussions",
    "Information sharing between health partners and the front door is too slow",
    "Partners do not understand the impact of domestic abuse on children",
    "Management oversight of child protection plans",
    "Early help is not offered early enough to families with younger children",
    "Tackling neglect",
    "Safeguarding adolescents outside the home",
    "Learning from reviews",
    "Quality assurance and audit",
    "Children who go missing from home or care",
]
STRANDS = [
    ("PUR", "Pursue"),
    ("PRE", "Prevent"),
    ("PRO", "Protect"),
    ("PRP", "Prepare"),
    ("PAR", "Partnership"),
]

VERBS = [
    "Review",
    "Audit",
    "Agree",
    "Publish",
    "Train practitioners in",
    "Relaunch",
    "Commission",
    "Introduce",
    "Report on",
    "Develop",
]
OBJECTS = [
    "the strategy discussion record so that it asks what the child has said",
    "the threshold document with schools, health visitors and the police",
    "the escalation policy for disagreements between agencies",
    "thirty child protection plans each quarter for evidence of the child's lived experience",
    "the domestic abuse notification process so that schools hear of incidents before the next school day",
    "a standard for health partners to return information to the front door within one working day",
    "the graded care profile so that it is used in every neglect case",
    "a multi-agency meeting for each locality on children at risk of exploitation",
    "the return home interview offer to children who go missing",
    "the seven minute briefings published after each rapid review",
    "supervision records of team managers against the partnership standard",
    "the multi-agency training programme for practitioners working with families",
]
FOLLOW_ONS = [
    "Findings will be reported to the quality assurance subgroup.",
    "This includes a check of a sample of cases by an independent auditor.",
    "The work will be led jointly with the police and the integrated care board.",
    "Schools and early years settings will be consulted before it is agreed.",
    "Progress will be tracked monthly at the partnership executive.",
    "Young advisers will be asked to comment on the draft.",
]
ROLES = [
    "Head of Service, Front Door",
    "Partnership Business Manager",
    "Designated Nurse, Safeguarding Children",
    "Detective Inspector, Public Protection",
    "Head of Early Help",
    "Partnership Training Coordinator",
    "Quality Assurance Manager",
    "Education Safeguarding Lead",
    "Service Manager, Adolescent Services",
    "Independent Scrutineer",
]
PEOPLE = ["Jo Smith", "Sam Patel", "Alex Brown", "Chris Evans", "Priya Shah", "Tom Wright"]
UPDATES = [
    "Draft shared with partners for comment.",
    "Two of four sessions delivered; police attendance lower than planned.",
    "Recruitment failed twice; interim cover in place three days a week.",
    "First audit complete and reported to the subgroup.",
    "Delayed by changes in the analyst team; new date agreed.",
    "Agreed at the executive and in use since April.",
    "No update this quarter.",
]
OUTCOMES = [
    "Children's views are recorded in every plan.",
    "Fewer repeat referrals within twelve months.",
    "Practitioners report more confidence in escalating concerns.",
]

# header wordings, per field
HEADERS: dict[str, list[str]] = {
    "ref": ["Ref", "No.", "Ref.", "Action ref", "Number"],
    "text": ["Action", "Actions", "What we will do", "Action required", "Key actions", "Agreed action"],
    "owner": ["Lead", "Owner", "Lead officer", "Responsible officer", "Action owner", "Lead/s"],
    "due": ["By when", "Timescale", "Due date", "Target date", "Completion date", "Deadline"],
    "rag": ["RAG", "BRAG", "Status", "RAG rating", "Current status"],
    "progress": [
        "Progress update",
        "Progress",
        "Update",
        "Evidence of progress",
        "Progress to date",
        "Comments",
    ],
    "outcome": ["Outcome", "Success measure", "How will we know"],
    "section": ["Area for development", "Priority", "Finding", "Theme"],
}
RAG_COLOURS = {"red": "#e06666", "amber": "#f6b26b", "green": "#93c47d", "complete": "#6fa8dc"}


@dataclass
class Options:
    """What one generated plan looks like (printed in a failure message, to say what was tried)."""

    seed: int
    landscape: bool
    ruled: bool
    sections: str  # heading | row | column | none
    ref_style: str  # dotted | lettered | strand | in_text | none
    rag_style: str  # word | letter | colour | none
    progress: bool
    outcome: bool
    several_owners: bool
    long_cells: bool
    section_label: str = "numbered"  # numbered ('1. Title') | priority ('Priority 1: Title')
    columns: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class GeneratedPlan:
    name: str
    options: Options
    html: str
    gold: dict[str, Any]  # for the PDF
    text_gold: dict[str, Any]  # for the text of the PDF: a RAG shown only as colour is lost


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def due_wording(rng: random.Random) -> tuple[str, str | None]:
    """A due date as plans write it, and the date it means (the gold file's rules)."""
    year = rng.choice([2025, 2026])
    month = rng.randint(1, 12)
    kind = rng.choice(["month", "end_of", "quarter", "slash", "day", "revised", "ongoing"])
    last = _last_day(year, month)
    if kind == "month":
        return f"{MONTHS[month - 1]} {year}", last.isoformat()
    if kind == "end_of":
        return f"End of {MONTHS[month - 1]} {year}", last.isoformat()
    if kind == "quarter":
        q = rng.randint(1, 4)
        start = year - 1 if q == 4 else year  # UK financial year April-March
        end = _last_day(start + 1, 3) if q == 4 else _last_day(start, 3 * q + 3)
        return f"Q{q} {start}/{(start + 1) % 100:02d}", end.isoformat()
    if kind == "slash":
        return last.strftime("%d/%m/%Y"), last.isoformat()
    if kind == "day":
        day = rng.randint(1, 28)
        return f"{day} {MONTHS[month - 1]} {year}", dt.date(year, month, day).isoformat()
    if kind == "revised":
        later = _last_day(year + (month + 3 > 12), (month + 2) % 12 + 1)
        return (
            f"{MONTHS[month - 1]} {year} (revised to {MONTHS[later.month - 1]} {later.year})",
            later.isoformat(),
        )
    return "Ongoing", None


def _owner(rng: random.Random, several: bool) -> str:
    if not several or rng.random() < 0.4:
        return rng.choice(ROLES)
    a, b = rng.sample(ROLES, 2)
    return rng.choice(
        [f"{a} / {b}", f"{a} and {b}", f"{rng.choice(PEOPLE)} ({a}); {rng.choice(PEOPLE)} ({b})"]
    )


def _text(rng: random.Random, long: bool) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    if long:
        text += " " + " ".join(rng.sample(FOLLOW_ONS, rng.randint(1, 3)))
    return text


def _rag_cell(rag: str | None, style: str, rng: random.Random) -> str:
    if rag is None or style == "none":
        return ""
    if style == "letter":
        return {"red": "R", "amber": "A", "green": "G", "complete": "B"}[rag]
    words = {
        "red": ["Red"],
        "amber": ["Amber"],
        "green": ["Green"],
        "complete": ["Complete", "Completed", "Blue"],
    }
    return rng.choice(words[rag])


def generate_plan(seed: int) -> GeneratedPlan:
    """The plan of this seed: the same seed gives the same plan, HTML and expected result."""
    rng = random.Random(seed)
    opts = Options(
        seed=seed,
        landscape=rng.random() < 0.75,
        ruled=rng.random() < 0.7,
        sections=rng.choice(["heading", "row", "column", "none"]),
        ref_style=rng.choice(["dotted", "lettered", "strand", "in_text", "none"]),
        rag_style=rng.choice(["word", "word", "letter", "colour", "none"]),
        progress=rng.random() < 0.7,
        outcome=rng.random() < 0.25,
        several_owners=rng.random() < 0.5,
        long_cells=rng.random() < 0.6,
    )
    opts.section_label = rng.choice(["numbered", "priority"])
    if opts.ref_style == "strand" and opts.sections == "none":
        opts.sections = "heading"
    columns = ["text", "owner", "due"]
    if opts.rag_style != "none":
        columns.append("rag")
    if opts.progress:
        columns.append("progress")
    if opts.outcome:
        columns.append("outcome")
    tail = columns[1:]
    rng.shuffle(tail)
    columns = [columns[0], *tail]
    if opts.ref_style in ("dotted", "lettered", "strand"):
        columns.insert(0, "ref")
    if opts.sections == "column":
        columns.insert(0, "section")
    opts.columns = columns
    opts.headers = {c: rng.choice(HEADERS[c]) for c in columns}

    # sections and their actions
    n_sections = rng.randint(2, 4)
    if opts.ref_style == "strand":
        strands = rng.sample(STRANDS, n_sections)
        sections = [(name, name, prefix) for prefix, name in strands]
    else:
        titles = rng.sample(SECTION_TITLES, n_sections)
        sections = [(str(k), title, str(k)) for k, title in enumerate(titles, start=1)]
    gold_actions: list[dict[str, Any]] = []
    rows: list[tuple[int, dict[str, Any], dict[str, str]]] = []  # section index, gold, cells
    for s, (sref, _title, prefix) in enumerate(sections):
        for k in range(1, rng.randint(3, 6) + 1):
            ref: str | None = {
                "dotted": f"{prefix}.{k}",
                "in_text": f"{prefix}.{k}",
                "lettered": f"{prefix}.1{'abcdefgh'[k - 1]}",
                "strand": f"{prefix}-{k}",
            }.get(opts.ref_style)
            text = _text(rng, opts.long_cells and rng.random() < 0.7)
            owner = _owner(rng, opts.several_owners)
            due_text, due = due_wording(rng)
            rag = rng.choice(["red", "amber", "green", "complete", None]) if "rag" in columns else None
            progress = None
            if opts.progress and rng.random() < 0.85:
                progress = " ".join(rng.sample(UPDATES, 2 if opts.long_cells else 1))
            cells = {
                "ref": ref or "",
                "text": f"{ref} {text}" if opts.ref_style == "in_text" else text,
                "owner": owner,
                "due": due_text,
                "rag": _rag_cell(rag, opts.rag_style, rng),
                "progress": progress or "",
                "outcome": rng.choice(OUTCOMES),
            }
            action = {
                "ref": ref,
                "section": sref if opts.sections != "none" else None,
                "text": text,
                "owner": owner,
                "due_text": due_text,
                "due": due,
                "rag": rag,
                "progress": progress,
            }
            gold_actions.append(action)
            rows.append((s, action, cells))

    html = _html(opts, sections, rows)
    gold_sections = (
        [{"ref": r, "title": t, "parent": None} for r, t, _ in sections] if opts.sections != "none" else []
    )
    gold = {
        "document": "plan.pdf",
        "plan": {"title": None, "organisation": None, "kind": "other", "as_at": None},
        "rag_scheme": None,
        "sections": gold_sections,
        "actions": gold_actions,
    }
    text_actions = [{**a, "rag": None} if opts.rag_style == "colour" else dict(a) for a in gold_actions]
    text_gold = {**gold, "actions": text_actions}
    return GeneratedPlan(f"seed{seed}", opts, html, gold, text_gold)


def _section_label(opts: Options, ref: str, title: str) -> str:
    if opts.ref_style == "strand":
        return title
    return f"{ref}. {title}" if opts.section_label == "numbered" else f"Priority {ref}: {title}"


def _html(
    opts: Options,
    sections: list[tuple[str, str, str]],
    rows: list[tuple[int, dict[str, Any], dict[str, str]]],
) -> str:
    border = "1px solid #000" if opts.ruled else "none"
    style = (
        f"<style>@page{{size:A4 {'landscape' if opts.landscape else 'portrait'};margin:1.5cm}}"
        "body{font-family:sans-serif;font-size:9pt} h1{font-size:16pt} h2{font-size:12pt}"
        f"table{{border-collapse:collapse;width:100%}} td,th{{border:{border};padding:3px 5px;"
        "vertical-align:top;text-align:left}</style>"
    )
    width = {
        "ref": 6,
        "text": 30,
        "owner": 14,
        "due": 10,
        "rag": 7,
        "progress": 22,
        "outcome": 14,
        "section": 16,
    }
    head = "".join(f"<th style='width:{width[c]}%'>{escape(opts.headers[c])}</th>" for c in opts.columns)
    thead = f"<thead><tr>{head}</tr></thead>"
    labels = [_section_label(opts, ref, title) for ref, title, _ in sections]
    body: list[str] = []
    parts = [style, "<h1>Westbury Safeguarding Children Partnership</h1><p>Improvement plan 2025 to 2026</p>"]

    def close_table() -> None:
        if body:
            parts.append(f"<table>{thead}<tbody>{''.join(body)}</tbody></table>")
            body.clear()

    for s, label in enumerate(labels):
        members = [(action, cells) for k, action, cells in rows if k == s]
        if opts.sections == "heading":
            close_table()
            parts.append(f"<h2>{escape(label)}</h2>")
        elif opts.sections == "row":
            body.append(f"<tr><td colspan='{len(opts.columns)}'><b>{escape(label)}</b></td></tr>")
        for m, (action, cells) in enumerate(members):
            tds = []
            for c in opts.columns:
                if c == "section":
                    if m == 0:
                        tds.append(f"<td rowspan='{len(members)}'>{escape(label)}</td>")
                    continue
                if c == "rag" and opts.rag_style == "colour":
                    colour = RAG_COLOURS.get(action["rag"] or "", "")
                    tds.append(f"<td style='background:{colour}'></td>" if colour else "<td></td>")
                    continue
                tds.append(f"<td>{escape(cells[c])}</td>")
            body.append(f"<tr>{''.join(tds)}</tr>")
    close_table()
    return "".join(parts)
