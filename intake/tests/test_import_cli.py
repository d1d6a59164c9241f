"""The oversight-import command prints a summary or JSON, and refuses bad files in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.importer.cli import main

from .conftest import needs_shared, seed_path


@needs_shared
def test_json_output_has_the_gold_keys_and_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(seed_path("002")), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "document",
        "plan",
        "rag_scheme",
        "sections",
        "actions",
        "warnings",
        "tables",
        "reconciliation",
    } <= set(data)


@needs_shared
def test_summary_lists_counts_actions_and_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(seed_path("004"))]) == 0
    out = capsys.readouterr().out
    assert "actions" in out and "Warnings:" in out


def test_unreadable_file_exits_1_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    assert main([str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("oversight-import:") and "\n" not in err and "Traceback" not in err
