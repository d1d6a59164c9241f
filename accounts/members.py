"""Business rules of partnership administration, and the "set your password" email.

Plain functions, asked by the forms and views of `accounts` (and tested on their own):
- a contributor belongs to an agency, and any agency named is one of the partnership's own;
- a partnership always keeps at least one admin who can sign in;
- a new login sets its own password through Django's password-reset token machinery.

Who may ask for these changes is not decided here: the views ask `plans.rules.can_administer`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from plans.models import Agency, Membership, Partnership, Person, Role

CONTRIBUTOR_NEEDS_AGENCY = "Select the contributor's agency: contributors update their agency's actions"
NOT_OUR_AGENCY = "Select one of this partnership's agencies"
LAST_ADMIN = (
    "This is the partnership's last admin who can sign in. Make another member an admin first (one "
    "who has set their password): a partnership must always have an admin to manage its members"
)
NO_MARKUP = "must not contain < or >"


def markup_problem(label: str, value: str) -> str:
    """Names are plain text: a name with < or > is refused (it would be shown as text anyway)."""
    return f"{label} {NO_MARKUP}" if any(c in (value or "") for c in "<>") else ""


def agency_problem(partnership: Partnership | int, role: str, agency: Agency | None) -> str:
    """What is wrong with a member's agency for this role, or ""."""
    partnership_id = partnership if isinstance(partnership, int) else partnership.pk
    if agency is not None and agency.partnership_id != partnership_id:
        return NOT_OUR_AGENCY
    if role == Role.CONTRIBUTOR and agency is None:
        return CONTRIBUTOR_NEEDS_AGENCY
    return ""


def last_admin_problem(membership: Membership, new_role: str | None) -> str:
    """LAST_ADMIN when the change (a new role, or None for removal) would leave the partnership
    without an admin who can sign in; "" otherwise."""
    if membership.role != Role.ADMIN or new_role == Role.ADMIN:
        return ""
    # An admin who has not set a password yet (the invitation's link unused, perhaps sent to a
    # mistyped address) cannot sign in: counting them could leave nobody able to resend it.
    others = (
        Membership.objects.filter(
            partnership_id=membership.partnership_id, role=Role.ADMIN, user__is_active=True
        )
        .exclude(pk=membership.pk)
        .exclude(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .exists()
    )
    return "" if others else LAST_ADMIN


def email_correctable(membership: Membership) -> bool:
    """A member's email address may be corrected by their admin while the login has never been
    used (no password set: the invitation went to a mistyped address, say) and belongs to this
    partnership alone; after that it is the member's own, and another partnership's admin's."""
    user = membership.user
    if user.has_usable_password():
        return False
    return not Membership.objects.filter(user=user).exclude(pk=membership.pk).exists()


def may_send_link(membership: Membership) -> bool:
    """An admin may email a member a link to set their password while the login has none yet, or
    belongs to this partnership alone: another partnership's login keeps its own admins' care (QA
    round 9: one partnership's admin sent password emails to another's staff)."""
    user = membership.user
    if not user.email:
        return False
    if not user.has_usable_password():
        return True
    return not Membership.objects.filter(user=user).exclude(pk=membership.pk).exists()


def send_added_email(user: Any, membership: Membership, added_by: Any) -> None:
    """Tell a login added to another partnership that it has been, by whom and as what: they can
    say so if they did not expect it."""
    context = {
        "name": user.get_full_name() or user.get_username(),
        "partnership": membership.partnership,
        "role": membership.get_role_display(),
        "added_by": added_by.get_full_name() or added_by.get_username(),
        "sign_in": f"{(getattr(settings, 'SITE_URL', '') or '').rstrip('/')}{reverse('login')}",
    }
    subject = render_to_string("accounts/email/added_subject.txt", context).strip().replace("\n", " ")
    body = render_to_string("accounts/email/added.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


RESETS_PER_ADDRESS = 3  # password-reset emails to one email address in an hour, from each door


def reset_allowed(email: str, door: str = "sign-in") -> bool:
    """Whether a password-reset email may go to this address: a few an hour from each door (the
    sign-in page's 'Forgotten your password?', an admin's 'Email a new link'), so neither can flood
    an inbox (QA round 9: eight requests, eight emails). Counted per address only: a limit per
    network address let ten requests for made-up addresses stop everyone's resets behind one proxy
    (QA round 10). Kept in the cache (per process with the default cache; set CACHES to share it)."""
    address = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    return _counted(f"reset:{door}:{address}", RESETS_PER_ADDRESS)


def _counted(key: str, limit: int) -> bool:
    cache.add(key, 0, timeout=3600)  # the hour starts at the first request
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=3600)
        return True


def _lock_partnership(partnership_id: int) -> None:
    """Two admins demoting each other at once take turns, so one of them keeps the role."""
    Partnership.objects.select_for_update().filter(pk=partnership_id).first()


def change_membership(membership: Membership, role: str, agency: Agency | None) -> Membership:
    """Give a member a new role and agency; ValidationError (by field) when a rule forbids it."""
    with transaction.atomic():
        _lock_partnership(membership.partnership_id)
        current = Membership.objects.select_for_update().get(pk=membership.pk)
        problem = last_admin_problem(current, role)
        if problem:
            raise ValidationError({"role": problem})
        problem = agency_problem(membership.partnership_id, role, agency)
        if problem:
            raise ValidationError({"agency": problem})
        current.role, current.agency = role, agency
        current.save(update_fields=["role", "agency"])
    return current


def remove_membership(membership: Membership) -> None:
    """Take a member out of the partnership (their login stays, for other partnerships)."""
    with transaction.atomic():
        _lock_partnership(membership.partnership_id)
        current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        if current is None:
            return
        problem = last_admin_problem(current, None)
        if problem:
            raise ValidationError(problem)
        # the partnership's people linked to the login no longer lead to it: a removed member's
        # My actions would otherwise fill again, unasked, if they were ever added back
        for person in Person.objects.filter(partnership_id=current.partnership_id, user_id=current.user_id):
            person.user = None
            person.save(update_fields=["user"])  # one by one, so each unlinking is in the history
        current.delete()


def set_password_link(user: Any) -> str:
    """The one-off link where a user sets their password (Django's password-reset token: it stops
    working once the password is set, or after PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "accounts:set_password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    site = getattr(settings, "SITE_URL", "") or ""
    return f"{site.rstrip('/')}{path}"


def send_set_password_email(user: Any, membership: Membership, invited_by: Any) -> None:
    """Tell a new member their username and where to set their password."""
    context = {
        "user": user,
        "name": user.get_full_name() or user.get_username(),
        "partnership": membership.partnership,
        "role": membership.get_role_display(),
        "invited_by": invited_by.get_full_name() or invited_by.get_username(),
        "link": set_password_link(user),
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600)),
        "sign_in": f"{(getattr(settings, 'SITE_URL', '') or '').rstrip('/')}{reverse('login')}",
    }
    subject = render_to_string("accounts/email/set_password_subject.txt", context).strip().replace("\n", " ")
    body = render_to_string("accounts/email/set_password.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
