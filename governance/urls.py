"""Routes of the governance app."""

from django.urls import path

from governance import views

app_name = "governance"
urlpatterns = [
    path("", views.index, name="index"),
    path("partnerships/<int:partnership_id>/boards/new/", views.board_form, name="new_board"),
    path("boards/<int:pk>/", views.board, name="board"),
    path("boards/<int:pk>/edit/", views.board_form, name="edit_board"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/rounds/new/", views.open_round_view, name="open_round"),
    path("plans/<int:pk>/stage/", views.change_stage, name="change_stage"),
    path("plans/<int:pk>/versions/", views.versions, name="versions"),
    path("plans/<int:plan_id>/clocks/new/", views.clock_form, name="new_clock"),
    path("clocks/<int:pk>/", views.clock_form, name="edit_clock"),
    path("rounds/<int:pk>/", views.round_view, name="round"),
    path("rounds/<int:pk>/close/", views.close_round_view, name="close_round"),
    path("sections/<int:pk>/sign-off/", views.propose_sign_off, name="propose_sign_off"),
    path("sign-offs/<int:pk>/decision/", views.record_decision, name="record_decision"),
    path("sections/<int:pk>/reopen/", views.reopen_sign_off, name="reopen_sign_off"),
]
