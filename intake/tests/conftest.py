"""Shared helpers: where the seed documents, gold files and scorer live (beside the checkout)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("OVERSIGHT_SHARED", REPO_ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found in {SHARED}")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_import", SHARED / "tools" / "score_import.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def gold_for(prefix: str) -> dict[str, Any]:
    return json.loads(next(GOLD.glob(f"{prefix}_*.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    if not SEEDS.is_dir():
        pytest.skip(f"shared folder not found at {SHARED}")
    return load_scorer()


def gold_action(
    ref: str | None,
    section: str | None,
    text: str,
    owner: str | None,
    due_text: str | None,
    due: str | None,
    rag: str | None,
    progress: str | None = None,
    **extra: str | None,
) -> dict[str, Any]:
    """One action of an expected result written in a test, in the gold files' schema."""
    return {
        "ref": ref,
        "section": section,
        "text": text,
        "owner": owner,
        "due_text": due_text,
        "due": due,
        "rag": rag,
        "progress": progress,
        **extra,
    }


def gold_plan(
    document: str, sections: list[tuple[str, str, str | None]], actions: list[dict[str, Any]]
) -> dict[str, Any]:
    """An expected result written in a test: its sections as (ref, title, parent)."""
    return {
        "document": document,
        "plan": {"title": None, "organisation": None, "kind": "other", "as_at": None},
        "rag_scheme": None,
        "sections": [{"ref": r, "title": t, "parent": p} for r, t, p in sections],
        "actions": actions,
    }


def score_plan(scorer: ModuleType, plan: Any, gold: dict[str, Any]) -> dict[str, Any]:
    """The shared scorer's result for a draft, or for text imported under the gold's document name."""
    from intake.importer.api import import_document

    draft = (
        import_document(plan.encode("utf-8"), filename=gold["document"]) if isinstance(plan, str) else plan
    )
    result: dict[str, Any] = scorer.score(draft.to_dict(), gold)
    return result


def word_table(document: Any, rows: list[list[str]]) -> Any:
    """A python-docx table holding these rows of text (a test's Word plan)."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table
