"""Routes of partnership administration (for partnership admins) and of setting a password."""

from django.contrib.auth.decorators import login_required
from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("partnerships/<int:partnership_id>/manage/", views.manage, name="manage"),
    path("partnerships/<int:partnership_id>/agencies/new/", views.add_agency, name="add_agency"),
    path("agencies/<int:agency_id>/edit/", views.edit_agency, name="edit_agency"),
    path("partnerships/<int:partnership_id>/people/new/", views.add_person, name="add_person"),
    path("people/<int:person_id>/edit/", views.edit_person, name="edit_person"),
    path("partnerships/<int:partnership_id>/members/new/", views.add_member, name="add_member"),
    path(
        "partnerships/<int:partnership_id>/members/existing/",
        views.add_existing_member,
        name="add_existing_member",
    ),
    path("members/<int:membership_id>/edit/", views.edit_member, name="edit_member"),
    path("members/<int:membership_id>/remove/", views.remove_member, name="remove_member"),
    path("set-password/<uidb64>/<token>/", views.set_password, name="set_password"),
    path("set-password/done/", views.set_password_done, name="set_password_done"),
    path("forgotten-password/", views.forgotten_password, name="forgotten_password"),
    path("forgotten-password/sent/", views.forgotten_password_sent, name="forgotten_password_sent"),
    path("account/password/", login_required(views.change_password), name="change_password"),
]
