"""What the OpenAPI schema adds to drf-spectacular's reading of the views: the refusals each
operation can answer (400, 401, 403, 404), and a status read as null but never sent as null.

The refusals come from rules every viewset shares (authentication, `PartnershipRules`,
`filters.refuse_unknown`, `for_user` querysets), so they are added by method and path in one
place rather than declared on each view, and viewsets added later (`EXTRA_ROUTES`) get them too.
"""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension

ERROR = {
    "type": "object",
    "description": "Why the request was refused, in words to show a person.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
INVALID = {
    "type": "object",
    "description": "What is wrong with the request: each field or query parameter refused (or "
    "`detail`, for the request as a whole) with what is wanted.",
    "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "array", "items": {}}]},
    "example": {"status": ["Choose one of this plan's statuses: red, amber, green, complete."]},
}

UNAUTHORISED = (
    "No API token, or a wrong or revoked one (changing or resetting the password revokes it): "
    "create a new token on /api/docs/. The answer has `WWW-Authenticate: Token`."
)
FORBIDDEN = (
    "Your role does not let you make this change (plan managers and admins change plans, "
    "sections and actions; contributors add progress updates to their agency's actions), or the "
    "board has signed off the area and only admins can change it."
)
NOT_FOUND_ONE = "There is no such id among your partnerships' objects (another partnership's is not shown)."
NOT_FOUND_PAGE = "A page past the last one."
INVALID_QUERY = (
    "A query parameter the list does not take, one given twice, or a value it cannot use (an "
    "unknown status or stage, a page or id that is not a whole number)."
)
INVALID_BODY = "The body is refused: each field with what is wanted."


def _answer(description: str, schema: str, csv: bool, **extra: Any) -> dict[str, Any]:
    content: dict[str, Any] = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
    if csv:
        # a CSV export's refusals are written as CSV unless the client asks for JSON
        content["text/csv"] = {"schema": {"type": "string"}}
    return {"description": description, "content": content, **extra}


def refusals(path: str, method: str) -> dict[str, dict[str, Any]]:
    """The 4xx answers an operation can give, by what it is: a list, one object, a write."""
    csv = path.endswith(".csv")
    one = "{" in path
    answers = {
        "401": _answer(
            UNAUTHORISED,
            "Error",
            csv,
            headers={"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Token"}},
        )
    }
    if method in {"post", "put", "patch"}:
        answers["400"] = _answer(INVALID_BODY, "ValidationError", csv)
    elif method == "get" and not one:
        answers["400"] = _answer(INVALID_QUERY, "ValidationError", csv)
    if method in {"post", "put", "patch", "delete"}:
        answers["403"] = _answer(FORBIDDEN, "Error", csv)
    if one:
        answers["404"] = _answer(NOT_FOUND_ONE, "Error", csv)
    elif method == "get":
        answers["404"] = _answer(NOT_FOUND_PAGE, "Error", csv)
    return answers


def document_refusals(
    result: dict[str, Any], generator: Any, request: Any, public: bool, **kwargs: Any
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: each operation's 4xx answers, keeping any its view
    documents itself (the withdraw's own 403, the 409 of a stale action)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("ValidationError", INVALID)
    for path, methods in result.get("paths", {}).items():
        for method, operation in methods.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, answer in refusals(path, method).items():
                operation["responses"].setdefault(code, answer)
    drop_unused(schemas, result)
    return result


def drop_unused(schemas: dict[str, Any], result: dict[str, Any]) -> None:
    """Objects nothing refers to: drf-spectacular makes a request copy of a nested read-only
    object (RagStatusRequest) that no request sends, which would read as something to send."""
    while True:
        text = json.dumps(result, default=str)  # lazy translations among the texts
        unused = [name for name in schemas if f'"#/components/schemas/{name}"' not in text]
        if not unused:
            return
        for name in unused:
            del schemas[name]


class StatusKeyFieldExtension(OpenApiSerializerFieldExtension):
    """A progress update's status: required when sending one, but an update imported from a
    document that gave no status is read with none."""

    target_class = "api.serializers.StatusKeyField"

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        return {"type": "string", "nullable": True} if direction == "response" else {"type": "string"}
