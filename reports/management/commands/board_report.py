"""`python manage.py board_report PLAN_ID --as-at DATE --format html|pdf|docx|xlsx -o FILE`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from plans.models import Plan
from reports.figures import build_report, parse_date
from reports.models import roles_only_for
from reports.render.docx import render_docx
from reports.render.html import render_standalone
from reports.render.pdf import render_pdf
from reports.render.xlsx import render_xlsx

RENDERERS = {
    "html": lambda report: render_standalone(report).encode(),
    "pdf": render_pdf,
    "docx": render_docx,
    "xlsx": render_xlsx,
}


class Command(BaseCommand):
    help = "Write a plan's board report as at a date (HTML, PDF, Word or Excel)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan_id", type=int)
        parser.add_argument("--as-at", help="YYYY-MM-DD (default today)")
        parser.add_argument(
            "--previous", help="Date of the previous report, YYYY-MM-DD (default a month before)"
        )
        parser.add_argument("--format", choices=sorted(RENDERERS), default="pdf")
        parser.add_argument(
            "--public", action="store_true", help="The public version (names as the plan manager chose)."
        )
        parser.add_argument("-o", "--output", required=True, help="File to write ('-' for standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            as_at = parse_date(options["as_at"], "as-at date")
            previous = parse_date(options["previous"], "previous report date")
        except ValueError as error:
            raise CommandError(str(error)) from None
        plan = Plan.objects.select_related("partnership").filter(pk=options["plan_id"]).first()
        if plan is None:
            raise CommandError(f"There is no plan {options['plan_id']}.")
        try:
            report = build_report(
                plan=plan,
                as_at=as_at,
                previous=previous,
                public=options["public"],
                roles_only=options["public"] and roles_only_for(plan),
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        data = RENDERERS[options["format"]](report)
        if options["output"] == "-":
            sys.stdout.buffer.write(data)  # bytes: PDF, Word and Excel are binary
            sys.stdout.buffer.flush()
        else:
            Path(options["output"]).write_bytes(data)
            self.stderr.write(f"Wrote {options['output']} ({len(data)} bytes).")
