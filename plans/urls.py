"""Routes of the tracker (placeholder until the views land)."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "plans"
urlpatterns = [
    path("my-actions/", TemplateView.as_view(template_name="base.html"), name="my_actions"),
]
