"""Routes of the intake app: upload, reading, preview and confirmation of a plan document."""

from django.urls import path

from intake import views

app_name = "intake"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.batch_view, name="batch"),
    path("<int:pk>/status/", views.batch_status, name="status"),
    path("<int:pk>/discard/", views.discard, name="discard"),
]
