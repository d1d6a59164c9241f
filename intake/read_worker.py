"""Reading one uploaded document in a process of its own (`python -m intake.read_worker NAME`).

The web process hands the document over on standard input and reads the draft back as JSON on
standard output, so a document that takes too long can be stopped (a thread cannot be), a reader
that exhausts memory takes down only this process, and one partnership's document never holds the
web server's own memory or CPU. No Django here: the import library and its draft's JSON only.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys

from intake.drafts import draft_to_json
from intake.importer.api import import_document
from intake.importer.errors import IntakeError
from intake.importer.model import ImportLimits

MEMORY_BYTES = 2 * 1024**3  # a reader asking for more than this is stopped with a MemoryError


def main(argv: list[str]) -> int:
    name, max_bytes, max_uncompressed = argv[0], int(argv[1]), int(argv[2])
    with contextlib.suppress(ValueError, OSError):  # a platform without the limit still reads
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    data = sys.stdin.buffer.read()
    try:
        draft = import_document(data, filename=name, limits=ImportLimits(max_bytes, max_uncompressed))
    except IntakeError as exc:
        answer = {"error": str(exc) or "The document could not be read."}
    except MemoryError:
        answer = {"error": f"{name} is too large or complex to read."}
    else:
        answer = {"draft": draft_to_json(draft)}
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
