"""Routes of the reports app: the board report of a plan or partnership, and its public version."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("plans/<int:plan_id>/", views.plan_report, name="plan_report"),
    path("plans/<int:plan_id>/download/<str:fmt>/", views.plan_report_download, name="plan_report_download"),
    path("plans/<int:plan_id>/public/", views.public_report, name="public_report"),
    path("plans/<int:plan_id>/public/settings/", views.public_settings, name="public_settings"),
    path("partnerships/<int:partnership_id>/", views.partnership_report, name="partnership_report"),
    path(
        "partnerships/<int:partnership_id>/download/<str:fmt>/",
        views.partnership_report,
        name="partnership_report_download",
    ),
]
