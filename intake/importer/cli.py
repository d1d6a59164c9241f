"""``oversight-import FILE [--json]``: import a plan and print what was understood."""

from __future__ import annotations

import argparse
import sys

from .api import import_document
from .errors import IntakeError
from .model import ImportLimits, PlanDraft


def _summary(draft: PlanDraft) -> str:
    out = [
        f"{draft.document}: {draft.plan.kind} plan"
        + (f" '{draft.plan.title}'" if draft.plan.title else "")
        + (f", {draft.plan.organisation}" if draft.plan.organisation else "")
        + (f", as at {draft.plan.as_at}" if draft.plan.as_at else "")
    ]
    out.append(
        f"{len(draft.sections)} sections, {len(draft.actions)} actions, {len(draft.warnings)} warnings, "
        f"{len(draft.tables)} data tables"
    )
    if draft.rag_scheme:
        out.append("RAG scheme: " + "; ".join(f"{s.key} = {s.definition}" for s in draft.rag_scheme))
    out.append("")
    out.append("Sections:")
    for s in draft.sections:
        out.append(f"  {s.ref:<10} {s.title[:80]}" + (f"  (in {s.parent})" if s.parent else ""))
    out.append("")
    out.append(f"{'ref':<8} {'section':<10} {'due':<10} {'rag':<8} {'owner':<30} action")
    for a in draft.actions:
        out.append(
            f"{(a.ref or '-'):<8} {(a.section or '-')[:10]:<10} {str(a.due or '-'):<10} "
            f"{(a.rag or '-'):<8} {(a.owner or '-')[:30]:<30} {a.text[:60]}"
        )
    if draft.warnings:
        out.append("")
        out.append("Warnings:")
        for w in draft.warnings:
            out.append(f"  {w.location.describe()}: {w.message}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="oversight-import", description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="print the PlanDraft as JSON")
    parser.add_argument("--max-mb", type=float, default=None, help="refuse files larger than this")
    args = parser.parse_args(argv)
    limits = ImportLimits() if args.max_mb is None else ImportLimits(max_bytes=int(args.max_mb * 1048576))
    try:
        draft = import_document(args.file, limits=limits)
    except IntakeError as exc:
        print(f"oversight-import: {exc}", file=sys.stderr)
        return 1
    try:
        print(draft.to_json() if args.json else _summary(draft))
    except BrokenPipeError:  # piped into `head`: the reader has what it wanted
        sys.stdout = None  # nothing more to flush at exit
    return 0


if __name__ == "__main__":
    sys.exit(main())
