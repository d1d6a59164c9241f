"""Whatever bytes arrive, the library returns a PlanDraft or raises an IntakeError, nothing else."""

from __future__ import annotations

import io
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.importer.api import import_document
from intake.importer.errors import IntakeError
from intake.importer.model import PlanDraft

from .conftest import SEEDS

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _survives(data: bytes, filename: str) -> None:
    try:
        result = import_document(data, filename=filename)
    except IntakeError:
        return
    assert isinstance(result, PlanDraft)
    result.to_json()


@cache
def _seed_text() -> bytes:
    paths = sorted(SEEDS.glob("003_*.txt")) if SEEDS.is_dir() else []
    if paths:
        return paths[0].read_bytes()[:20000]
    return b"Ref\tAction\tAction Owner\tDue by\tRAG\n1.1a\tDo it\tLead\tOctober 2020\tA\n" * 20


@cache
def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["Ref", "Action", "Lead"], ["1.1", "Do it", "Jane Doe"], ["1.2", "Do more", ""]]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def _xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Action", "Owner", "Due date"])
    sheet.append(["1.1", "Do it", "Jane Doe", "Q2 2020/21"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@cache
def _xls_bytes() -> bytes:
    from .sheet_plans import tracker_book
    from .xls_writer import xls_bytes

    return xls_bytes(tracker_book())


@cache
def _ods_bytes() -> bytes:
    from .odf_writer import ods_bytes
    from .sheet_plans import tracker_book

    return ods_bytes(tracker_book())


@cache
def _odt_bytes() -> bytes:
    import docx

    from .odf_writer import odt_bytes

    return odt_bytes(docx.Document(io.BytesIO(_docx_bytes())))


_OFFICE = {"docx": _docx_bytes, "xlsx": _xlsx_bytes, "xls": _xls_bytes, "ods": _ods_bytes, "odt": _odt_bytes}


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    buffer = bytearray(data)
    for position, value in edits:
        if buffer:
            buffer[position % len(buffer)] = value
    return bytes(buffer)


EDITS = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=30)


@FUZZ
@given(
    st.binary(max_size=4000),
    st.sampled_from(["x.txt", "x.docx", "x.xlsx", "x.xls", "x.ods", "x.odt", "x.pdf", "x.csv", "x"]),
)
def test_random_bytes_never_crash_the_importer(data: bytes, filename: str) -> None:
    _survives(data, filename)


@FUZZ
@given(EDITS, st.integers(0, 20000))
def test_mutated_seed_text_never_crashes_the_importer(edits: list[tuple[int, int]], cut: int) -> None:
    _survives(_mutate(_seed_text(), edits)[:cut], "plan.txt")


@FUZZ
@given(EDITS, st.sampled_from(sorted(_OFFICE)))
def test_mutated_office_files_never_crash_the_importer(edits: list[tuple[int, int]], kind: str) -> None:
    _survives(_mutate(_OFFICE[kind](), edits), f"plan.{kind}")


_CELL_WORDS = [
    "", "", "1", "2", "1.1", "1.2", "2.2.", "13.6Update", "Ref", "Action", "Actions", "Lead/s", "Due by",
    "RAG", "Total", "Red", "Amber", "G", "Eas", "t Sussex County Council", "Hea", "Health", "October 2020",
    "Q2 2020/21", "July 2020 September 2020", "ESCC – Vicky Finnemore, Head of Specialist Services",
    "Sussex Police (DCI Jo Bloggs/ Dr Ann Lee)", "Do the audit 1.2 Publish it", "and the service.",
    "There are 7 actions in this plan.", "5", "12", "Jan 2020", "<b>Total</b>", "N/A",
]  # fmt: skip
_TABLE_ROWS = st.lists(st.lists(st.sampled_from(_CELL_WORDS), min_size=1, max_size=7), max_size=25)


@FUZZ
@given(_TABLE_ROWS)
def test_tables_of_plan_like_cells_never_crash_the_importer(rows: list[list[str]]) -> None:
    text = "Ref\tAreas for development\tActions\tCompletion date\tLead/s\n" + "\n".join(
        "\t".join(r) for r in rows
    )
    _survives(text.encode(), "plan.txt")
