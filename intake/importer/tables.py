"""Numeric data tables (monthly series, cross-tabs) and their reconciliation. Placeholder."""

from __future__ import annotations

from .model import DataTable, Discrepancy
from .readers.base import Item


def find_data_tables(items: list[Item]) -> list[DataTable]:
    return []


def reconcile(tables: list[DataTable]) -> list[Discrepancy]:
    return []
