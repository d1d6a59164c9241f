"""Routes of the scorecard app."""

from django.urls import path

from scorecard import views

app_name = "scorecard"
urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_tables, name="import_tables"),
    path("measures/add/", views.add_measure, name="add_measure"),
    path("measures/<int:pk>/", views.measure, name="measure"),
    path("measures/<int:pk>/edit/", views.edit_measure, name="edit_measure"),
    path("measures/<int:pk>/values/add/", views.add_value, name="add_value"),
    path("measures/<int:pk>/upload/", views.upload, name="upload"),
    path("measures/<int:pk>/export.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("measures/<int:pk>/export.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
]
