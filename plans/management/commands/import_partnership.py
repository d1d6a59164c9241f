"""Restore a partnership from a file written by export_partnership, with new ids."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from api.backup import BackupError, import_partnership


class Command(BaseCommand):
    help = "Restore a partnership from a backup file; --slug and --name restore it as a copy."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A JSON file written by export_partnership.")
        parser.add_argument("--slug", help="Restore under this slug (default: the one in the file).")
        parser.add_argument("--name", help="Restore under this name (default: the one in the file).")

    def handle(self, *args: Any, file: str, slug: str | None, name: str | None, **options: Any) -> None:
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
            result = import_partnership(data, slug=slug, name=name)
        except (OSError, ValueError, KeyError, BackupError) as exc:
            raise CommandError(f"Could not restore {file}: {exc}") from exc
        rows = sum(result["counts"].values())
        self.stdout.write(f"Restored {result['partnership']}: {rows} rows.")
        if result["users_created"]:
            self.stdout.write(f"New user accounts: {', '.join(result['users_created'])}.")
