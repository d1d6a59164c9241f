"""Bad documents are refused with a clear DocumentError, before any heavy parsing."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from intake.importer.api import import_document
from intake.importer.errors import DocumentError, IntakeError, LimitExceeded
from intake.importer.model import ImportLimits


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match="empty"):
        import_document(path)


def test_binary_garbage_is_refused() -> None:
    with pytest.raises(DocumentError, match="not a text document"):
        import_document(bytes(range(256)) * 40, filename="plan.bin")


def test_docx_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(DocumentError, match="not really a Word file"):
        import_document(b"this is plain text pretending", filename="plan.docx")


@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
def test_zip_bomb_is_refused_before_decompressing(suffix: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml" if suffix == "docx" else "xl/workbook.xml", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(12):
                member.write(block)
    limits = ImportLimits(max_uncompressed=10 * 1024 * 1024)
    with pytest.raises(LimitExceeded, match="zip bomb"):
        import_document(buffer.getvalue(), filename=f"bomb.{suffix}", limits=limits)


def test_over_size_file_is_refused_by_the_size_limit_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(50 * 1024 * 1024)

    def never_opened(*args: object, **kwargs: object) -> None:
        raise AssertionError("an over-size file was opened")

    # refused from its size alone: no time or memory spent reading 50 MB
    monkeypatch.setattr(Path, "open", never_opened)
    with pytest.raises(LimitExceeded, match="larger than the limit"):
        import_document(path)


def test_size_limit_is_a_parameter() -> None:
    with pytest.raises(LimitExceeded):
        import_document(b"Ref\tAction\n1.1\tDo it\n", filename="plan.txt", limits=ImportLimits(max_bytes=10))


def test_spreadsheet_without_a_header_row_is_refused() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [[1, 2, 3], ["apples", "pears", "plums"], [4, 5, 6]]:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(DocumentError, match="no header row"):
        import_document(buffer.getvalue(), filename="numbers.xlsx")


def test_missing_file_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="could not be read"):
        import_document(tmp_path / "nope.txt")


def test_errors_share_one_base_class() -> None:
    assert issubclass(DocumentError, IntakeError) and issubclass(LimitExceeded, DocumentError)


def _zip(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "says"),
    [
        (
            _zip({"mimetype": "application/vnd.oasis.opendocument.presentation", "content.xml": "<x/>"}),
            "board.odp",
            "OpenDocument presentations and drawings are not supported",
        ),
        (_zip({"ppt/presentation.xml": "<x/>"}), "board.pptx", "PowerPoint files are not supported"),
        (b"{\\rtf1\\ansi Action plan}", "plan.rtf", "Rich Text (.rtf) files are not supported"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "plan.doc", "save the plan as .docx"),
    ],
    ids=["odp", "pptx", "rtf", "doc"],
)
def test_a_format_the_importer_does_not_read_is_named_with_what_to_save_it_as(
    data: bytes, filename: str, says: str
) -> None:
    with pytest.raises(DocumentError, match=re.escape(says)):
        import_document(data, filename=filename)


@pytest.mark.filterwarnings("ignore")
def test_a_pdf_without_text_is_refused_as_perhaps_a_scan() -> None:
    from weasyprint import HTML

    data = HTML(string="<div style='width:8cm;height:4cm;background:#ccc'></div>").write_pdf() or b""
    with pytest.raises(DocumentError, match="may be a scan"):
        import_document(data, filename="scanned.pdf")


def test_a_spreadsheet_with_a_header_and_no_rows_under_it_says_so() -> None:
    """Its header does name the action column: 'no header row' would send the user looking for
    the wrong fault."""
    with pytest.raises(DocumentError, match="has a header row but no actions under it"):
        import_document(b"Ref,Action,Lead,Due,RAG\n", filename="empty-tracker.csv")


def test_a_document_of_one_long_run_of_letters_is_read_in_one_pass_not_one_per_letter() -> None:
    """A 5 MB line of 'A' held the import worker (and every page with it) for good: the names of
    partnerships and councils were searched with unbounded words, a search growing with the
    square of the run's length. 300,000 letters would take hours that way; read in one pass they
    take a moment, and the document gives no actions and says so."""
    draft = import_document(("A" * 300_000).encode(), "one-word.txt")
    assert not draft.actions and any("No actions were found" in w.message for w in draft.warnings)


def test_a_small_plan_with_a_formatted_empty_cell_far_below_it_is_read_not_refused_as_too_long() -> None:
    """Was refused as 'more than 50000 rows': an empty cell formatted at row 60,000 made the sheet
    that long, and every empty row was counted."""
    import openpyxl
    from openpyxl.styles import PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "Due"])
    sheet.append(["1.1", "Refresh the neglect toolkit", "Head of Service", "May 2025"])
    sheet.append(["1.2", "Train the DSL network", "Education Lead", "June 2025"])
    sheet.cell(row=60_000, column=2).fill = PatternFill("solid", fgColor="FFFF00")
    data = io.BytesIO()
    book.save(data)

    draft = import_document(data.getvalue(), "plan.xlsx", limits=ImportLimits(max_rows=50_000))
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]


def test_a_sheet_with_more_filled_rows_than_the_limit_is_still_refused() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action"])
    for k in range(30):
        sheet.append([f"1.{k}", "An action"])
    data = io.BytesIO()
    book.save(data)

    with pytest.raises(LimitExceeded):
        import_document(data.getvalue(), "plan.xlsx", limits=ImportLimits(max_rows=20))


def test_a_csv_cell_longer_than_pythons_csv_limit_is_read_and_its_text_kept() -> None:
    """QA round 6: a progress log of 200,000 characters in one cell was refused as 'perhaps not text,
    or damaged' (Python's csv stops at 128 KiB a cell); the import cuts long fields itself."""
    log = "12/01/2027 - audit of strategy meetings completed; findings shared. " * 3000
    data = f'Ref,Action,Lead,Due,RAG,Progress\n1.1,Audit strategy meetings,Police,March 2027,Red,"{log}"\n'
    data += "1.2,Train call handlers,Police,June 2027,Green,Done\n"
    draft = import_document(data.encode(), filename="tracker.csv")
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert len(draft.actions[0].progress or "") > 131_072


def test_a_csv_with_a_quote_never_closed_names_the_line_and_the_likely_cause() -> None:
    data = 'Ref,Action,Lead,Due,RAG\n1.1,Audit,Police,March 2027,Red\n1.2,"Train ' + "x" * 1_100_000 + "\n"
    with pytest.raises(
        DocumentError, match=r"Line 3 of this CSV file has a cell of more than 1,000,000 characters"
    ):
        import_document(data.encode(), filename="tracker.csv")


def test_a_cell_of_thousands_of_empty_dated_entries_is_not_read_as_a_column_name_one_date_at_a_time() -> None:
    """QA round 7: a progress cell of '12/01/2026 - ' 2,000 times was tried as a column's name with
    one date peeled off per pass, a pass over the rest each time (minutes, then a RecursionError);
    a cell that long is no column name. Read now, its action kept."""
    log = "12/01/2026 - " * 5000
    draft = import_document(
        f"Ref\tAction\tLead\tDue\tRAG\tProgress\n1.1\tAudit\tPolice\tMarch 2026\tRed\t{log}\n".encode(),
        "log.txt",
    )
    assert [a.ref for a in draft.actions] == ["1.1"]


def test_a_table_thousands_of_columns_wide_is_refused_as_no_plan() -> None:
    """QA round 7: a 5,000-column extract took 40 seconds to say it held no plan."""
    header = ",".join(f"Col{k}" for k in range(5000))
    rows = "\n".join(",".join(str(k * r) for k in range(5000)) for r in range(5))
    with pytest.raises(LimitExceeded, match="5,000 columns wide, more than the 1,000 a plan could need"):
        import_document(f"{header}\n{rows}\n".encode(), "extract.csv")


def test_a_document_of_twenty_thousand_rows_is_refused_as_more_than_one_plan_could_hold() -> None:
    """QA round 7: a 20,000-row extract was accepted 'without doubts' and took 30 seconds to save."""
    rows = "\n".join(f"{k}.1,Audit case {k},Police,March 2027,Red" for k in range(1, 6002))
    with pytest.raises(LimitExceeded, match="holds 6,001 actions, more than the 5,000 one plan could need"):
        import_document(f"Ref,Action,Lead,Due,RAG\n{rows}\n".encode(), "extract.csv")


def test_a_password_protected_word_or_excel_file_is_said_to_be_protected_not_damaged() -> None:
    """QA round 7: 'Encrypt with password' gave 'damaged or not really a Word file'; saving it again
    keeps the password, so that advice could not help."""
    # an encrypted Office file: an OLE container whose directory names its EncryptedPackage stream
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(512)
    )
    for name in ("plan.docx", "tracker.xlsx"):
        with pytest.raises(DocumentError, match="protected by a password"):
            import_document(data, name)


def test_a_csv_saved_by_excel_for_mac_is_read_in_its_own_encoding() -> None:
    """QA round 7: 'Macintosh Comma Separated' was read as Windows text: 'Òfront doorÓ', 'Zo‘ Bront‘'."""
    text = "Ref,Action,Lead,Due,RAG\n1.1,Review the “front door” threshold’s wording,NCC CSC – Zoë Brontë,March 2026,Red\n"
    draft = import_document(text.encode("mac_roman"), "tracker.csv")
    (action,) = draft.actions
    assert action.text == "Review the “front door” threshold’s wording"
    assert action.owner == "NCC CSC – Zoë Brontë"
