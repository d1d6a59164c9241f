"""The API's JSON parser: a body nested too deeply for Python's decoder is a bad request."""

from __future__ import annotations

from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with one more bad body: '[[[[...' thousands deep makes the decoder
    raise RecursionError, which DRF does not catch (a 500 where a 400 is due)."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - the body is nested too deeply.") from error
