"""The API's documentation page: GOV.UK, server-rendered from the OpenAPI schema.

drf-spectacular's Swagger UI and Redoc pages load JavaScript from a CDN and use inline
script, both forbidden by the service's Content Security Policy; a page built from the same
schema lists every endpoint without any script at all.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token

METHODS = ("get", "post", "put", "patch", "delete")


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema's operations, in path order, as plain rows for the template."""
    rows = []
    for path, operations in sorted(schema.get("paths", {}).items()):
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            parameters = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description", ""),
                }
                for p in operation.get("parameters", [])
                if "name" in p
            ]
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "id": operation.get("operationId", ""),
                    "description": operation.get("description", "") or operation.get("summary", ""),
                    "parameters": parameters,
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return rows


class ApiDocsView(LoginRequiredMixin, TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        schema = SchemaGenerator().get_schema(request=None, public=True)
        context["info"] = schema.get("info", {})
        context["endpoints"] = endpoints(schema)
        context["has_token"] = Token.objects.filter(user=self.request.user).exists()
        return context


class ApiTokenView(LoginRequiredMixin, View):
    """Issue (or replace) the signed-in user's API token and show it once."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        Token.objects.filter(user=request.user).delete()
        token = Token.objects.create(user=request.user)
        response = render(request, "api/token.html", {"token": token.key})
        response["Cache-Control"] = "no-store"
        return response


class RevokeApiTokenView(LoginRequiredMixin, View):
    """Revoke the signed-in user's API token (a laptop lost, a program retired): it stops working."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        deleted, _ = Token.objects.filter(user=request.user).delete()
        messages.success(request, "Your API token is revoked: programs using it can no longer read the API.")
        if not deleted:
            messages.info(request, "You had no API token.")
        return redirect("api:docs")


def revoke_tokens_on_new_password(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A password changed or reset (the account may have been compromised) revokes the user's API
    token, as Django ends their other sessions (QA round 7)."""
    if instance.pk and getattr(instance, "_password", None) is not None:
        Token.objects.filter(user_id=instance.pk).delete()
