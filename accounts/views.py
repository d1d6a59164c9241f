"""Partnership administration: a partnership's agencies, people and members, for its admins.

Django's /admin/ is for the service's own staff: its users are global and it knows nothing of
partnerships. These pages are the partnership admin's. The one door applies as everywhere:
every object is read through `Model.objects.for_user(user)` (another partnership's is 404) and
every page asks `plans.rules.can_administer` (other roles get 403, for GET and POST alike).
History of each change is kept by django-simple-history, with the admin as its user.
"""

from __future__ import annotations

import logging
import smtplib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods

from accounts import members
from accounts.forms import (
    ROLE_HINTS,
    AgencyForm,
    ExistingMemberForm,
    GovukPasswordChangeForm,
    GovukPasswordResetForm,
    GovukSetPasswordForm,
    MembershipForm,
    NewMemberForm,
    PersonForm,
)
from oversight.lockout import lift_lock
from plans import rules
from plans.models import Agency, Membership, Partnership, Person, Role

logger = logging.getLogger(__name__)

ADMINS_ONLY = "Only the partnership's admins can manage its members, agencies and people."


def _check_admin(request: HttpRequest, partnership: Partnership | int) -> None:
    if not rules.can_administer(request.user, partnership):
        raise PermissionDenied(ADMINS_ONLY)


def _partnership(request: HttpRequest, partnership_id: int) -> Partnership:
    partnership = get_object_or_404(Partnership.objects.for_user(request.user), pk=partnership_id)
    _check_admin(request, partnership)
    return partnership


def _manage_url(partnership: Partnership | int) -> str:
    pk = partnership if isinstance(partnership, int) else partnership.pk
    return reverse("accounts:manage", args=[pk])


@login_required
def manage(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _partnership(request, partnership_id)
    user = request.user
    agencies = Agency.objects.for_user(user).filter(partnership=partnership)
    people = Person.objects.for_user(user).filter(partnership=partnership).select_related("agency", "user")
    memberships = (
        Membership.objects.for_user(user)
        .filter(partnership=partnership)
        .select_related("user", "agency")
        .order_by("user__username")
    )
    return render(
        request,
        "accounts/manage.html",
        {"partnership": partnership, "agencies": agencies, "people": people, "memberships": memberships},
    )


def _render_form(request: HttpRequest, template: str, **context: Any) -> HttpResponse:
    context.setdefault("role_hints", ROLE_HINTS)
    return render(request, f"accounts/{template}", context)


# --- Agencies ------------------------------------------------------------------------------


def _agency_page(request: HttpRequest, partnership: Partnership, agency: Agency | None) -> HttpResponse:
    """Add an agency (`agency` None) or change one; the same name twice in a partnership is refused."""
    form = AgencyForm(
        request.POST or None, partnership=partnership, instance=agency or Agency(partnership=partnership)
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = form.save()
        except IntegrityError:  # the same name saved by someone else a moment ago
            form.add_error("name", "There is already an agency with this name in this partnership")
        else:
            messages.success(request, f"{saved.name} saved")
            return redirect(_manage_url(partnership))
    # The heading names the agency as saved, not as the refused form left it.
    shown = Agency.objects.get(pk=agency.pk) if agency else None
    return _render_form(request, "agency_form.html", form=form, partnership=partnership, agency=shown)


@login_required
@require_http_methods(["GET", "POST"])
def add_agency(request: HttpRequest, partnership_id: int) -> HttpResponse:
    return _agency_page(request, _partnership(request, partnership_id), None)


@login_required
@require_http_methods(["GET", "POST"])
def edit_agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(
        Agency.objects.for_user(request.user).select_related("partnership"), pk=agency_id
    )
    _check_admin(request, agency.partnership_id)
    return _agency_page(request, agency.partnership, agency)


# --- People --------------------------------------------------------------------------------


def _person_page(request: HttpRequest, partnership: Partnership, person: Person | None) -> HttpResponse:
    """Add a person (`person` None) or change one."""
    form = PersonForm(
        request.POST or None, partnership=partnership, instance=person or Person(partnership=partnership)
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.name} saved")
        return redirect(_manage_url(partnership))
    shown = Person.objects.get(pk=person.pk) if person else None
    return _render_form(request, "person_form.html", form=form, partnership=partnership, person=shown)


@login_required
@require_http_methods(["GET", "POST"])
def add_person(request: HttpRequest, partnership_id: int) -> HttpResponse:
    return _person_page(request, _partnership(request, partnership_id), None)


@login_required
@require_http_methods(["GET", "POST"])
def edit_person(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(
        Person.objects.for_user(request.user).select_related("partnership"), pk=person_id
    )
    _check_admin(request, person.partnership_id)
    return _person_page(request, person.partnership, person)


# --- Members -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def add_member(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """A new login: the member sets their own password from the link in an email."""
    partnership = _partnership(request, partnership_id)
    form = NewMemberForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                membership = form.save()
        except IntegrityError:  # the same username taken a moment ago
            form.add_error("username", "A login with this username already exists. Choose another username")
        else:
            user = membership.user
            if not _send_link(request, user, membership):
                return redirect(reverse("accounts:edit_member", args=[membership.pk]))
            messages.success(
                request,
                f"{user.get_full_name()} added as {membership.get_role_display()}; we emailed {user.email} a link to set their password",
            )
            return redirect(_manage_url(partnership))
    return _render_form(request, "member_new.html", form=form, partnership=partnership)


@login_required
@require_http_methods(["GET", "POST"])
def add_existing_member(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """A login that exists already (a member of another partnership) joins this one."""
    partnership = _partnership(request, partnership_id)
    form = ExistingMemberForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                membership = form.save()
        except IntegrityError:  # added by someone else a moment ago
            form.add_error("username", "This login is already a member of the partnership")
        else:
            messages.success(
                request, f"{membership.user.get_username()} added as {membership.get_role_display()}"
            )
            try:
                members.send_added_email(membership.user, membership, request.user)
            except (smtplib.SMTPException, OSError):
                logger.exception(
                    "The added-to-a-partnership email to user %s could not be sent", membership.user.pk
                )
            return redirect(_manage_url(partnership))
    return _render_form(request, "member_existing.html", form=form, partnership=partnership)


def _send_link(request: HttpRequest, user: Any, membership: Membership) -> bool:
    """Email the set-password link; on a mail server failure say so (the member is saved and
    their page offers to send it again) rather than fail the page."""
    try:
        members.send_set_password_email(user, membership, request.user)
    except (smtplib.SMTPException, OSError):
        logger.exception("The set-password email to user %s could not be sent", user.pk)
        messages.error(
            request,
            f"{_member_name(membership)} was added, but the email to {user.email} could not be sent. "
            "Try sending it again below.",
        )
        return False
    return True


def _membership(request: HttpRequest, membership_id: int) -> Membership:
    membership = get_object_or_404(
        Membership.objects.for_user(request.user).select_related("user", "agency", "partnership"),
        pk=membership_id,
    )
    _check_admin(request, membership.partnership_id)
    return membership


def _member_name(membership: Membership) -> str:
    user = membership.user
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


@login_required
@require_http_methods(["GET", "POST"])
def edit_member(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = _membership(request, membership_id)
    user = membership.user
    if request.method == "POST" and "resend" in request.POST:
        # A new member whose email expired or went astray, or a member who forgot their password:
        # the link goes to the login's own address, never to the admin.
        if not members.may_send_link(membership):
            messages.error(
                request,
                f"{_member_name(membership)} also signs in for another partnership: they reset their own "
                "password from the sign-in page (Forgotten your password?).",
            )
        elif not members.reset_allowed(user.email, door="admin"):
            # an hourly limit as the sign-in page's, counted apart: an inbox is not flooded from either
            messages.error(
                request,
                f"{members.RESETS_PER_ADDRESS} links have been sent to {user.email} from this page in the last "
                f"hour: ask {_member_name(membership)} to use the latest one, or try again later.",
            )
        elif _send_link(request, user, membership):
            messages.success(request, f"We emailed {user.email} a new link to set their password")
        return redirect(reverse("accounts:edit_member", args=[membership.pk]))
    form = MembershipForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        try:
            members.change_membership(membership, form.cleaned_data["role"], form.cleaned_data["agency"])
        except ValidationError as problem:
            for name, errors in problem.message_dict.items():
                for error in errors:
                    form.add_error(name, error)
        else:
            messages.success(request, f"{_member_name(membership)} saved")
            email = form.cleaned_data.get("email")
            if "email" in form.fields and email and email != user.email:
                # a mistyped address corrected: the invitation goes again, to the right one
                user.email = email
                user.save(update_fields=["email"])
                if _send_link(request, user, membership):
                    messages.success(request, f"We emailed {email} a new link to set their password")
            if membership.user_id == request.user.pk and form.cleaned_data["role"] != Role.ADMIN:
                return redirect("home")  # an admin who stepped down can no longer open the page
            return redirect(_manage_url(membership.partnership_id))
    return _render_form(
        request,
        "member_form.html",
        form=form,
        partnership=membership.partnership,
        membership=membership,
        name=_member_name(membership),
        needs_password=not user.has_usable_password(),
        may_send_link=members.may_send_link(membership),
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Take a member out of the partnership; their login stays (it may belong to others)."""
    membership = _membership(request, membership_id)
    problem = ""
    if request.method == "POST":
        try:
            members.remove_membership(membership)
        except ValidationError as error:
            problem = error.messages[0]
        else:
            messages.success(
                request, f"{_member_name(membership)} is no longer a member of {membership.partnership}"
            )
            if membership.user_id == request.user.pk:
                return redirect("home")
            return redirect(_manage_url(membership.partnership_id))
    else:
        problem = members.last_admin_problem(membership, None)
    return render(
        request,
        "accounts/member_remove.html",
        {
            "partnership": membership.partnership,
            "membership": membership,
            "name": _member_name(membership),
            "problem": problem,
            "is_admin": membership.role == Role.ADMIN,
            # the people this login stands for lose the link: said before, with what they own
            "linked": Person.objects.filter(
                partnership_id=membership.partnership_id, user_id=membership.user_id
            )
            .annotate(owned=Count("actions"))
            .order_by("name"),
        },
    )


# --- Setting a password from the emailed link ----------------------------------------------


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Django's password-reset confirmation, for the link in the "set your password" email."""

    form_class = GovukSetPasswordForm
    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:set_password_done")
    reset_url_token = "set-password"  # noqa: S105 - a URL segment, not a password
    title = "Set your password"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        lift_lock(self.user.get_username())  # locked out, then reset: they can sign in at once
        return response


class SetPasswordDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/set_password_done.html"
    title = "Your password is set"


set_password = SetPasswordView.as_view()
set_password_done = SetPasswordDoneView.as_view()


# --- A forgotten password, and changing one's own ------------------------------------------


class ForgottenPasswordView(auth_views.PasswordResetView):
    """Django's password reset: an email with a one-off link to the set-password page, sent only to
    an active login with that address and a password already set (a new member's first link comes
    from their admin). The page says the same whether or not the address is known."""

    form_class = GovukPasswordResetForm
    template_name = "accounts/forgotten_password.html"
    email_template_name = "accounts/email/reset_password.txt"
    subject_template_name = "accounts/email/reset_password_subject.txt"
    success_url = reverse_lazy("accounts:forgotten_password_sent")
    title = "Reset your password"

    def form_valid(self, form: Any) -> HttpResponse:
        if not members.reset_allowed(form.cleaned_data["email"]):
            # the same page as when sent, as for an unknown address: nothing to learn by asking
            logger.warning("Password reset emails held back: too many asked for one address")
            return redirect(self.success_url)
        # the link is to the service's own address, not to whatever host the request named
        self.extra_email_context = {"site_url": (getattr(settings, "SITE_URL", "") or "").rstrip("/")}
        return super().form_valid(form)


class ForgottenPasswordSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/forgotten_password_sent.html"
    title = "Check your email"


class ChangePasswordView(auth_views.PasswordChangeView):
    """A signed-in member changes their own password (their current one first)."""

    form_class = GovukPasswordChangeForm
    template_name = "accounts/change_password.html"
    success_url = reverse_lazy("home")
    title = "Change your password"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, "Your password is changed")
        return response


forgotten_password = ForgottenPasswordView.as_view()
forgotten_password_sent = ForgottenPasswordSentView.as_view()
change_password = ChangePasswordView.as_view()
