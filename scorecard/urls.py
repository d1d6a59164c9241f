"""Routes of the scorecard app."""

app_name = "scorecard"
urlpatterns: list = []
