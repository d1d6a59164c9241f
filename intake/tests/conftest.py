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
