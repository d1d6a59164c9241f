"""Turn a document's data tables into scorecard measures and values, then show reconciliation.

    manage.py import_measures FILE --partnership SLUG [--source NAME] [--user USERNAME] [--json]

FILE is a document the importer reads (txt, docx, pdf, xlsx …), or a JSON file holding tables in
the gold format: a list of tables, or an object with a `tables` key (a gold file itself).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from plans.models import Partnership
from scorecard.tables import TablesError, tables_from_bytes, values_from_tables


def tables_from_file(path: Path) -> list[dict[str, Any]]:
    """The data tables of a JSON file or of a document read by the importer."""
    try:
        return tables_from_bytes(path.read_bytes(), path.name)
    except OSError as error:
        raise CommandError(f"{path.name} could not be read ({error.strerror or error}).") from error
    except TablesError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = "Create scorecard measures and values from a document's data tables and report disagreements."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--partnership", required=True, help="The partnership's slug.")
        parser.add_argument("--source", help="The document's name as a source (the file name by default).")
        parser.add_argument("--user", help="Username recorded as having entered the values.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        try:
            partnership = Partnership.objects.get(slug=options["partnership"])
        except Partnership.DoesNotExist as error:
            raise CommandError(f"No partnership with the slug {options['partnership']!r}.") from error
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        tables = tables_from_file(path)
        source = options["source"] or (
            path.name.removesuffix(".json") if path.suffix == ".json" else path.name
        )
        result = values_from_tables(partnership, tables, source, user)
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "tables": tables,
                        "measures": [m.name for m in result.measures],
                        "values_created": result.values_created,
                        "values_changed": result.values_changed,
                        "reconciliation": [f.to_dict() for f in result.findings],
                    },
                    indent=2,
                    default=str,
                )
            )
            return
        self.stdout.write(
            f"{len(tables)} tables: {len(result.measures)} measures ({len(result.created_measures)} new), "
            f"{result.values_created} values added, {result.values_changed} corrected."
        )
        if result.findings:
            self.stdout.write(f"Reconciliation found {len(result.findings)} disagreements:")
            for finding in result.findings:
                self.stdout.write(f"- {finding.message}")
        else:
            self.stdout.write("Reconciliation found no disagreements.")
