"""The importer's output agrees with the hand-written gold files of the seed plans."""

from __future__ import annotations

from types import ModuleType

import pytest

from intake.importer.api import import_document

from .conftest import gold_for, needs_shared, seed_path

TARGETS = [
    ("000", 0.97, 0.95),
    ("002", 0.97, 0.95),
    ("003", 0.97, 0.95),
    ("004", 0.95, 0.90),
]


@needs_shared
@pytest.mark.parametrize(("prefix", "min_f1", "min_fields"), TARGETS)
def test_seed_plan_imports_as_its_gold_file(
    scorer: ModuleType, prefix: str, min_f1: float, min_fields: float
) -> None:
    draft = import_document(seed_path(prefix))
    result = scorer.score(draft.to_dict(), gold_for(prefix))
    assert result["f1"] >= min_f1, result
    assert result["field_mean"] >= min_fields, result


@needs_shared
def test_noisy_extraction_of_the_same_plan_still_finds_most_actions(scorer: ModuleType) -> None:
    draft = import_document(seed_path("001"))
    result = scorer.score(draft.to_dict(), gold_for("001"))
    assert result["f1"] >= 0.85, result
    assert result["field_mean"] >= 0.935, result


@needs_shared
def test_json_follows_the_gold_schema() -> None:
    data = import_document(seed_path("003")).to_dict()
    assert {"document", "plan", "rag_scheme", "sections", "actions", "warnings"} <= set(data)
    assert set(data["plan"]) == {"title", "organisation", "kind", "as_at"}
    assert data["plan"]["kind"] == "jtai" and data["plan"]["as_at"] == "2022-12-14"
    assert data["rag_scheme"]["red"].startswith("Delayed")
    action = data["actions"][0]
    assert {"ref", "section", "text", "owner", "due_text", "due", "rag", "progress"} <= set(action)


@needs_shared
def test_scr_plan_keeps_question_and_agency_of_each_action() -> None:
    data = import_document(seed_path("004")).to_dict()
    first = data["actions"][0]
    assert first["question"] == "1a" and first["agency"] == "Thurrock CCG"
    assert data["rag_scheme"]["complete"] == "Action completed"


@needs_shared
def test_a_lead_printed_once_is_carried_down_to_the_actions_below_it() -> None:
    actions = {a.ref: a for a in import_document(seed_path("000")).actions}
    assert actions["1.3"].owner == actions["1.2"].owner
    assert actions["1.3"].owner and "Vicky Finnemore" in actions["1.3"].owner


@needs_shared
def test_warnings_carry_a_location() -> None:
    draft = import_document(seed_path("004"))
    assert draft.warnings
    assert all(w.location.describe() != "document" for w in draft.warnings)
