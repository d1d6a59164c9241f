"""Top-level routes; each app owns its own urls.py."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from oversight.forms import SignInForm
from plans import views as plans_views

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(template_name="registration/login.html", authentication_form=SignInForm),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("import/", include("intake.urls")),
    path("governance/", include("governance.urls")),
    path("reports/", include("reports.urls")),
    path("scorecard/", include("scorecard.urls")),
    path("api/", include("api.urls")),
    path("", include("accounts.urls")),
    path("", include("plans.urls")),
    path("", plans_views.home, name="home"),
]

# an unknown address under /api/ is answered in JSON, the others with the GOV.UK page
handler404 = "api.views.page_not_found"
