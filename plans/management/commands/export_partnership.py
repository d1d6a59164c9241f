"""Back up one partnership (plans, history, people, roles, boards, measures ...) to a JSON file."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.json import DjangoJSONEncoder

from api.backup import BackupError, export_partnership


class Command(BaseCommand):
    help = "Write a partnership and everything in it to a JSON file (restore it with import_partnership)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="The partnership's slug.")
        parser.add_argument("-o", "--output", required=True, help="The JSON file to write.")

    def handle(self, *args: Any, slug: str, output: str, **options: Any) -> None:
        try:
            data = export_partnership(slug)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        with open(output, "w", encoding="utf-8") as handle:
            json.dump(data, handle, cls=DjangoJSONEncoder, ensure_ascii=False)
        rows = sum(len(t) for t in data["tables"].values())
        self.stdout.write(
            f"Wrote {rows} rows of {len(data['tables'])} tables, {len(data['users'])} user accounts and "
            f"{len(data['files'])} files of {data['partnership']['name']} to {output}."
        )
