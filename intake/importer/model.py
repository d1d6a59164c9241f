"""Dataclasses describing what an import understood: the ``PlanDraft`` and its parts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ImportLimits:
    """Size limits checked before and while parsing (the web layer passes its settings here)."""

    max_bytes: int = 20 * 1024 * 1024
    max_uncompressed: int = 100 * 1024 * 1024
    max_pages: int = 500
    max_rows: int = 50_000
    max_zip_members: int = 5_000
    max_columns: int = 1_000  # a plan has a few dozen; a day per column for two years is 730
    max_actions: int = 5_000  # the largest real plans hold a few hundred


@dataclass(frozen=True)
class Location:
    """Where in the document something was found (any part may be unknown)."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    line: int | None = None
    sheet: str | None = None

    def describe(self) -> str:
        parts = []
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts) or "document"

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class ImportWarning:
    """Something the importer was unsure of, with where it happened."""

    message: str
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "location": self.location.to_dict()}


@dataclass
class RagStatus:
    """One status of the plan's RAG scheme, as the document defines it."""

    key: str  # red | amber | green | complete | blue ...
    label: str
    colour: str | None
    definition: str
    done: bool = False


@dataclass
class OwnerPart:
    """One owner named in an owner cell, split where the text allows."""

    agency: str | None = None
    person: str | None = None
    job_title: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"agency": self.agency, "person": self.person, "job_title": self.job_title}


@dataclass
class EarlierUpdate:
    """An update round before the latest, from a column per round ('Update Jan 2024' | 'Update Mar
    2024'): its date (the last day of the period the column names), its progress and its status."""

    date: dt.date
    progress: str | None = None
    rag: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"date": self.date.isoformat(), "progress": self.progress, "rag": self.rag}


@dataclass
class Section:
    ref: str
    title: str
    parent: str | None = None
    what_needs_to_improve: str | None = None
    what_inspectors_found: str | None = None
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ref": self.ref, "title": self.title, "parent": self.parent}
        if self.what_needs_to_improve:
            out["what_needs_to_improve"] = self.what_needs_to_improve
        if self.what_inspectors_found:
            out["what_inspectors_found"] = self.what_inspectors_found
        return out


@dataclass
class Action:
    text: str
    ref: str | None = None
    section: str | None = None
    owner: str | None = None
    owner_parts: list[OwnerPart] = field(default_factory=list)
    due_text: str | None = None
    due: dt.date | None = None
    rag: str | None = None
    progress: str | None = None
    outcome: str | None = None
    constraints: str | None = None
    agency: str | None = None
    question: str | None = None
    location: Location = field(default_factory=Location)
    # the date of the update round the progress was read from ('Update Mar 2024'), when columns name one
    progress_date: dt.date | None = None
    # the update rounds before the latest, oldest first (the latest is `progress` and `rag`)
    earlier_updates: list[EarlierUpdate] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ref": self.ref,
            "section": self.section,
            "text": self.text,
            "owner": self.owner,
            "due_text": self.due_text,
            "due": self.due.isoformat() if self.due else None,
            "rag": self.rag,
            "progress": self.progress,
        }
        for key in ("outcome", "constraints", "agency", "question"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.progress_date is not None:
            out["progress_date"] = self.progress_date.isoformat()
        if self.earlier_updates:
            out["earlier_updates"] = [u.to_dict() for u in self.earlier_updates]
        if self.owner_parts:
            out["owner_parts"] = [p.to_dict() for p in self.owner_parts]
        out["location"] = self.location.to_dict()
        return out


@dataclass
class PlanMeta:
    title: str | None = None
    organisation: str | None = None
    kind: str = "other"  # jtai | scr | delivery | other
    as_at: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organisation": self.organisation,
            "kind": self.kind,
            "as_at": self.as_at.isoformat() if self.as_at else None,
        }


@dataclass
class DataTable:
    """A numeric table found in the document, normalised to rows of {period, <dimension>..., count}."""

    name: str
    source: str
    rows: list[dict[str, Any]]
    total_column: list[dict[str, Any]] = field(default_factory=list)
    # a 'Total' row: per column, the stated figure and what the rows above it add up to
    total_row: list[dict[str, Any]] = field(default_factory=list)
    location: Location = field(default_factory=Location)
    total_row_location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "source": self.source, "rows": self.rows}
        if self.total_column:
            out["stated_totals"] = self.total_column
        if self.total_row:
            out["stated_total_row"] = self.total_row
        return out


@dataclass
class Discrepancy:
    """Two figures that should agree but do not."""

    kind: str  # total_column | total_row | cross_table | action_count | rag_count
    message: str
    values: list[dict[str, Any]]
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "values": self.values,
            "location": self.location.to_dict(),
        }


@dataclass
class PlanDraft:
    """Everything an import understood from one document, before anything is saved."""

    document: str
    plan: PlanMeta = field(default_factory=PlanMeta)
    rag_scheme: list[RagStatus] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    tables: list[DataTable] = field(default_factory=list)
    reconciliation: list[Discrepancy] = field(default_factory=list)

    def warn(self, message: str, location: Location | None = None) -> None:
        self.warnings.append(ImportWarning(message, location or Location()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "plan": self.plan.to_dict(),
            "rag_scheme": {s.key: s.definition for s in self.rag_scheme} or None,
            "rag_statuses": [
                {
                    "key": s.key,
                    "label": s.label,
                    "colour": s.colour,
                    "definition": s.definition,
                    "done": s.done,
                }
                for s in self.rag_scheme
            ],
            "sections": [s.to_dict() for s in self.sections],
            "actions": [a.to_dict() for a in self.actions],
            "warnings": [w.to_dict() for w in self.warnings],
            "tables": [t.to_dict() for t in self.tables],
            "reconciliation": [d.to_dict() for d in self.reconciliation],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)
