"""Generated action plans (plan_generator_pdf.py) printed to PDF with WeasyPrint and imported three
ways: the PDF itself, its ``pdftotext -layout`` text and its plain ``pdftotext`` text (what a user's
"save as text" gives, and what the seed extractions look like). Each is scored with the shared scorer
against the generator's expected result.

Seeds were chosen to cover, between them: ruled and unruled tables, portrait and landscape pages,
headings above each table (numbered, and a strand's name alone), section rows across the table
(numbered, and a strand's name alone in bold), a group column merged down its actions, RAG as a word,
a letter and as a background colour only, refs in their own column, in the action cell and none, and
rows that a page break cuts (short cells on one page, the rest on the next; the text of several cells
on both pages; the colour of a RAG cell on both pages).

Over seeds 0-39 (``python -m intake.tests.test_import_generated_pdf_plans 0 40`` prints them all),
before this module's fixes -> after, plans read with full marks:
  PDF:    22/40 -> 36/40. Fixed causes: a RAG shown only by the cell's colour (9 plans); headings
          between ruled tables in bold at about the body's size not read as sections (7); a data row
          opening with a column's name ('No update this quarter' read as 'No.', a ref) taken for the
          header repeated after a page break, so the row cut by that break was not joined (1); a
          strand's name alone in bold, as a row across the table or a heading above it, not read as a
          section (2); a cut row whose RAG colour shows on both halves read as two actions (1).
          Left: unruled tables (read as laid-out text) where a cell's text nearly touches the next
          column, and a numbered heading above an unruled table on a later page (4 plans).
  layout: 16/40 -> 31/40 -> 38/40 (seeds 40-99: 43/60 -> 53/60). Fixed causes (intake/importer/columns.py): a cell one space from the
          next column running into it (a line far right of its column's start, a day before a
          due month, a status letter ending a line); a short line of a cell before a repeated header
          taken for the next table's title; rows printed a little left of the header rejected as text
          across the columns; a header whose names wrap onto two lines (seed 22 read no action);
          without a Ref column, each sentence of a wrapped action read as a row; headings alone
          between the rows ('Priority 2: ...', a title in the Ref column) lost; a numbered heading
          above a table longer than a short title ('1. Children who go missing from home or care')
          not read as the table's title. Then: a row's cells split where its own lines open them
          (pdftotext shifts each row a little from the header, so a narrow due cell touching the
          next column lost 'views are' or '2025' to the wrong one); a quarter one space before the
          due column ('for | Q1 2025/26'); a strand's name at the top of a page, right after the
          page before's last row, not read as the title of the repeated table below; a wrapped
          header whose names run together ('Completion Lead officer' over 'date', seed 70 read
          nothing). Then 38/40, 53/60 -> 39/40, 58/60 (test_import_laid_out_columns.py): a row cut
          by a page break whose owner, or due date and status, print alone at the foot of the page
          above the repeated header, read with the row below it (seeds 11, 30, 43, 50, 98; also the
          PDF route's seed 98); a numbered heading across the columns where the actions hold their
          references ('3. Information sharing ...' over '3.1 Develop ...', seed 50). Then 97/100 ->
          100/100 (test_import_laid_out_columns.py): in a table whose rows open with their references
          in the action cell, the rest of a row cut by a page break (a new sentence, a comment under
          an empty column) read as a row of its own (seed 63); an owner run one space into the action
          line ('practitioners Head of Early Help') split at 'Early', the first word past the column's
          lines that could open a cell (68); a numbered heading at a page's foot over the repeated
          header read into the action above, and the cut row's status and lead printed under it lost;
          a lowercase word one place off where a row opens its comments taken for the opening (73).
          Then seeds 100-199: 82/100 -> 100/100 (mean fields 0.992 -> 1.000): a numbered heading
          wrapped onto a short second line above a table ('... families with younger' over
          'children', 105, 115, 143); a numbered heading across the columns of rows without
          references, right under the header (102, 114, 159, 161, 189); a row cut by a page break
          re-read where the other page's lines open cells (197); a month or year one space from
          the due column ('programme April | 2026', 'December 2025 | Service', 178, 196); a cut row's
          date or sentence under the repeated header taken for the rest of a column's name (142,
          128); a finding's label run into the reference column ('Priority 3: 3.1a', 128); a status
          alone at a page's foot under a row without one, and a second date below a whole due
          date there, not moved to the cut row (131, 153). Then seeds 200-299: 89/100 -> 100/100
          (five by the fixes above): cells pushed a few places left of their columns by a long cell
          before them counted as text running across the columns (289 read nothing); a lead going
          on after a semicolon, inside an open bracket or after a comma under the repeated header
          taken for the cut row's or the header's (211, 216, 283); a cut row whose short cells end
          the page before, its action text on the next, read into the row above (224, 270).
  plain:  0/40, mean F1 0.655, fields 0.688 -> 2/40, 0.676, 0.707 (over the seeds below 0.617 ->
          0.638; test_import_plain_pdftotext_rows.py): a one-line status run into its neighbour's
          first line or printed as a line of its block taken out as the status; a row's cells after
          an empty one, and a status printed out of place, placed by what they hold; a due date
          opening with its day ('27 March 2025', '30' / 'September' / '2025') no longer read as a
          reference starting a row. Then 2/40, 0.676, 0.707 -> 2/40, 0.906, 0.857 (seeds 40-99:
          0.578, 0.584 -> 0.873, 0.769; test_import_plain_pdftotext_headers.py): the header's first
          name printed in one block under the document's title or the table's heading (most plans
          that read nothing); a grouping column's name left out of the header (its cell prints as a
          heading above its rows); header names printed apart, among the first row's cells or at
          the page's foot, put back in the header (not past a heading right under the header: there
          pdfminer's column-by-column text of test_import_pdf_extraction_routes.py's business plan
          then read wrong leads without a warning). Left: two neighbouring cells' lines interleaved
          ('Partnership Training September' / 'Coordinator' / '2026'); a group column's cell printed
          in the middle of the rows or after a row's last cell; rows of a page printed column by
          column. Then (seeds 0-99) 4/100, 0.891, 0.805 -> 8/100, 0.895, 0.835, wrong sections
          386 -> 188 (test_import_plain_pdftotext_groups.py): a group column's cell printed after its
          rows, among them or after the table ('2' / 'Children's voices ...', 'Priority 3: ...' over
          lines, a strand's name) put over the rows its number or letters name ('2.1', 'PUR-1'), where
          every row's reference names its group; a strand's name above the header repeated on a new
          page no cell of the cut row; two header names run together side by side ('Completion Lead
          officer' / 'date'). Left: cells whose lines pdftotext runs into a neighbour's ('Two of four
          Education' / 'sessions delivered; Safeguarding'); cells printed after the row's last
          (leads, dates and statuses piled after a group's rows), read as empty.
          Then (seeds 0-99) 8/100, 0.895, 0.835 -> 8/100, 0.969, 0.892 (test_import_plain_pdftotext_more
          .py): in a table without references, due dates opening with their day ('4 September') and a
          group column's numbered cells no longer taken for rows' references (seeds 47, 48, 64, 68
          read nothing); a row of only its reference and action kept as an action (34 rows were
          lost); header names printed after the rows below a heading under the first names, or after
          a grouping column's cells, put back in the header; a table under a strand's heading whose
          last names print before the heading given the columns of the table before; two wrapped
          header names printed line by line in turn ('RAG' / 'Deadline' / 'rating', seed 22 read
          nothing); a later group's cell printed inside the first row; the other cells of a run of
          rows piled after the last dealt back to the rows by what they hold; a strand's name printed
          with its first row's reference ('Partnership' / 'PAR-1') its heading. Left: a page's rows
          printed in two flows (the left columns of its rows, then the right ones: seeds 63, 78);
          two cells' lines interleaved ('Partnership Training September' / 'Coordinator' / '2026',
          a date run into the lead's first line '31/03/2025 Partnership'); piles whose cells print
          column group by column group; the header repeated under a reference a page break cut off
          (seed 97 reads 'Area for development' as row 2.5's action). pdfminer's text gains too
          (0.683, 0.636 -> 0.716, 0.680), though six of its plans read a little worse (3, 17, 20, 56, 60,
          77).
  miner:  pdfminer.six's extract_text, 0/40, mean F1 0.307, fields 0.393 -> 2/40, 0.435, 0.506 (over
          the seeds below 0.297 -> 0.476): groups of rows printed column by column rebuilt by
          columnruns.py where a run of references says how many rows there are and each column's
          cells match that count; a column that does not match is left empty with a warning.
          -> 2/40, 0.613, 0.643 (over the seeds below 0.476 -> 0.617; 40-99: 0.540, 0.506 -> 0.607,
          0.613), with fewer believable wrong leads, dates and statuses (50 -> 18 over 0-39): each
          column's name printed above its own cells (not all in one header) read as one header; in a
          table with no reference column, rows counted by the references opening their action texts;
          a column whose name comes out below some of its cells (pdfminer cut it into pieces printed
          out of order) left empty. Left: cells whose lines pdfminer ran into the next column's, prose
          columns (action, progress) too alike in width to be told apart, tables with no reference
          at all, a strand's name alone as a heading.
          Then (seeds 0-99) 2/100, 0.683, 0.636 -> 4/100, 0.819, 0.728, right leads, dates and
          statuses 955 -> 1317 for 59 -> 65 wrong (test_import_column_runs_more.py): a table with no
          reference at all counted by its action texts, told from other prose by the width of the
          cell below the action column's name (plans read with F1 0: 11 -> 4); rows printed one
          after another that no other reading reads, counted the same way; a heading or a strand's
          name alone printed among a group's references ('2. Neglect', 'Protect' over 'PRO-1') heads
          the rows below it without breaking the group's run; a group cell run into the reference
          beside it ('Priority 3: Learning from reviews 3.1') cut apart; prose columns whose longest
          lines differ by a few characters told apart by where their lines wrap; prose opening in
          lower case (the rest of a cut cell) not taken for an action's text. Left: a column's cells
          pdfminer printed out of order, or a cell of the group before among a group's (where the
          counts still agree, a wrong date or lead: seeds 29, 78); empty cells (a status or a
          progress left blank) and cells split or run together, so that counts disagree and the
          column is left empty; tables printed across each other on one page (seeds 17, 71). Plain
          pdftotext text, read the same way where it prints so: 8/100, 0.895, 0.835 -> 8/100, 0.907,
          0.840; the PDF and -layout routes unchanged.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from intake.importer.api import import_document

from .plan_generator_pdf import GeneratedPlan, generate_plan

PDFTOTEXT = shutil.which("pdftotext") or shutil.which("pdftotext", path="/usr/bin")

# seed -> what it exercises (all read from the PDF with full marks)
PDF_SEEDS = {
    0: "unruled, portrait, RAG as letters, no sections",
    1: "unruled, headings naming strands, PRO-style refs",
    2: "unruled, numbered headings, an outcome column left out",
    3: "group column; a data row opening 'No update' right after a page break; RAG colour only",
    6: "unruled, portrait, strands, a long table",
    7: "bold numbered headings between ruled tables; a row cut with its action on the next page",
    8: "unruled, section rows across the table, lettered refs",
    9: "section rows; a row cut with text on both pages",
    10: "bold headings; RAG colour only; a row cut with text on both pages",
    11: "refs written in the action cell, no sections",
    12: "group column with lettered refs; RAG colour only",
    16: "RAG colour only, no sections; a row cut with text on both pages",
    20: "portrait; a strand's name alone in bold as a row across the table",
    22: "portrait; bold headings; a cut row whose RAG colour shows on both pages",
    25: "unruled; a strand's name at the top of a page above the repeated header",
    34: "section rows; RAG colour only",
    37: "a strand's name alone in bold above each ruled table; RAG colour only",
    98: "a row cut by a page break, its due date alone at the foot of the page before",
}

# pdftotext -layout: per seed, the F1 and field agreement measured (the import does no worse). A RAG
# colour is lost in any text, so the expected RAG is null there.
LAYOUT_FLOORS = {
    0: (1.0, 1.0),
    1: (1.0, 1.0),
    2: (1.0, 1.0),
    3: (1.0, 1.0),
    6: (1.0, 1.0),
    7: (1.0, 1.0),
    8: (1.0, 1.0),
    9: (1.0, 1.0),
    10: (1.0, 1.0),
    11: (1.0, 1.0),
    12: (1.0, 1.0),
    16: (1.0, 1.0),
    20: (1.0, 1.0),
    22: (1.0, 1.0),
    25: (1.0, 1.0),
    34: (1.0, 1.0),
    37: (1.0, 1.0),
    98: (1.0, 1.0),
}
# plain pdftotext: the mean F1 over the seeds above (measured 0.962 over these 18 seeds; gaps: see the module's note)
PLAIN_MEAN_F1_FLOOR = 0.96
# plain pdftotext: the mean field agreement over the seeds above (measured 0.892 over these 18 seeds)
PLAIN_MEAN_FIELDS_FLOOR = 0.89
# pdfminer.six's extract_text: the mean F1 over the seeds above (measured 0.713 over these 18 seeds; seed 25 reads nothing on this route)
MINER_MEAN_F1_FLOOR = 0.71


@pytest.fixture(scope="session")
def printed_plans() -> dict[int, tuple[GeneratedPlan, bytes]]:
    """Each seed's plan and its PDF, printed once per test session."""
    weasyprint = pytest.importorskip("weasyprint")
    out: dict[int, tuple[GeneratedPlan, bytes]] = {}
    for seed in PDF_SEEDS:
        plan = generate_plan(seed)
        pdf = weasyprint.HTML(string=plan.html).write_pdf()
        assert pdf is not None
        out[seed] = (plan, pdf)
    return out


def _pdftotext(pdf: bytes, layout: bool) -> bytes:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    args = [PDFTOTEXT, *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout


def _pdfminer_text(pdf: bytes) -> bytes:
    """pdfminer.six's ``extract_text`` (what pdfplumber is built on): a table's cells as blocks, often a
    group of rows column by column."""
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(pdf)).encode()


def _score(scorer: ModuleType, data: bytes, filename: str, gold: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = scorer.score(import_document(data, filename=filename).to_dict(), gold)
    return result


def test_the_generator_is_deterministic() -> None:
    assert generate_plan(5).html == generate_plan(5).html
    assert generate_plan(5).gold == generate_plan(5).gold
    assert generate_plan(5).html != generate_plan(6).html


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("seed", list(PDF_SEEDS))
def test_a_generated_plan_read_from_its_pdf_scores_full_marks(
    scorer: ModuleType, printed_plans: dict[int, tuple[GeneratedPlan, bytes]], seed: int
) -> None:
    plan, pdf = printed_plans[seed]
    result = _score(scorer, pdf, "plan.pdf", plan.gold)
    assert result["f1"] == 1.0, (PDF_SEEDS[seed], plan.options, result)
    assert all(value == 1.0 for value in result["fields"].values()), (PDF_SEEDS[seed], plan.options, result)


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("seed", list(LAYOUT_FLOORS))
def test_a_generated_plan_read_from_pdftotext_layout_text_keeps_its_measured_floor(
    scorer: ModuleType, printed_plans: dict[int, tuple[GeneratedPlan, bytes]], seed: int
) -> None:
    plan, pdf = printed_plans[seed]
    result = _score(scorer, _pdftotext(pdf, layout=True), "plan.txt", plan.text_gold)
    f1, fields = LAYOUT_FLOORS[seed]
    assert result["f1"] >= f1, (plan.options, result)
    assert result["field_mean"] >= fields - 0.001, (plan.options, result)


@pytest.mark.filterwarnings("ignore")
def test_generated_plans_read_from_plain_pdftotext_text_keep_their_measured_mean(
    scorer: ModuleType, printed_plans: dict[int, tuple[GeneratedPlan, bytes]]
) -> None:
    results = [
        _score(scorer, _pdftotext(pdf, layout=False), "plan.txt", plan.text_gold)
        for plan, pdf in printed_plans.values()
    ]
    scores = [result["f1"] for result in results]
    assert sum(scores) / len(scores) >= PLAIN_MEAN_F1_FLOOR, scores
    fields = [result["field_mean"] for result in results]
    assert sum(fields) / len(fields) >= PLAIN_MEAN_FIELDS_FLOOR, fields


@pytest.mark.filterwarnings("ignore")
def test_generated_plans_read_from_pdfminer_text_keep_their_measured_mean(
    scorer: ModuleType, printed_plans: dict[int, tuple[GeneratedPlan, bytes]]
) -> None:
    pytest.importorskip("pdfminer")
    scores = [
        _score(scorer, _pdfminer_text(pdf), "plan.txt", plan.text_gold)["f1"]
        for plan, pdf in printed_plans.values()
    ]
    assert sum(scores) / len(scores) >= MINER_MEAN_F1_FLOOR, scores


def _survey(first: int, last: int) -> None:
    """Print each route's score for the seeds first..last-1 (slow: prints every PDF), then per route
    the plans read with full marks and the mean F1 and field agreement."""
    from weasyprint import HTML

    from .conftest import load_scorer

    scorer = load_scorer()
    totals: dict[str, tuple[int, float, float]] = {}
    for seed in range(first, last):
        plan = generate_plan(seed)
        pdf = HTML(string=plan.html).write_pdf()
        assert pdf is not None
        routes = {"pdf": (pdf, "plan.pdf", plan.gold)}
        if PDFTOTEXT:
            for name, layout in (("layout", True), ("plain", False)):
                routes[name] = (_pdftotext(pdf, layout), "plan.txt", plan.text_gold)
        routes["miner"] = (_pdfminer_text(pdf), "plan.txt", plan.text_gold)
        for name, (data, filename, gold) in routes.items():
            result = _score(scorer, data, filename, gold)
            wrong = {k: v for k, v in result["fields"].items() if v < 1}
            print(f"{seed:3d} {name:6s} f1={result['f1']:.3f} fields={result['field_mean']:.3f} {wrong}")
            perfect, f1, fields = totals.get(name, (0, 0.0, 0.0))
            totals[name] = (
                perfect + (result["f1"] == 1.0 and not wrong),
                f1 + result["f1"],
                fields + result["field_mean"],
            )
    for name, (perfect, f1, fields) in totals.items():
        count = last - first
        print(f"{name:6s} perfect {perfect}/{count} mean f1={f1 / count:.3f} fields={fields / count:.3f}")


if __name__ == "__main__":
    _survey(int(sys.argv[1]), int(sys.argv[2]))
