"""Routes of the tracker. The partnership home is the site root, named `home` in oversight/urls.py."""

from django.urls import path

from plans import views

app_name = "plans"
urlpatterns = [
    path("plans/<int:plan_id>/", views.plan_page, name="plan"),
    path("plans/<int:plan_id>/delete/", views.delete_plan, name="delete_plan"),
    path("plans/<int:plan_id>/edit/", views.edit_plan, name="edit_plan"),
    path("plans/<int:plan_id>/actions/new/", views.add_action, name="add_action"),
    path("plans/<int:plan_id>/sections/new/", views.add_section, name="add_section"),
    path("actions/<int:action_id>/", views.action_page, name="action"),
    path("actions/<int:action_id>/update/", views.add_update, name="add_update"),
    path("actions/<int:action_id>/edit/", views.edit_action, name="edit_action"),
    path("actions/<int:action_id>/delete/", views.delete_action, name="delete_action"),
    path("sections/<int:section_id>/edit/", views.edit_section, name="edit_section"),
    path("updates/<int:update_id>/withdraw/", views.withdraw_update, name="withdraw_update"),
    path("evidence/<int:evidence_id>/", views.evidence_file, name="evidence"),
    path("my-actions/", views.my_actions, name="my_actions"),
]
