"""Forms of partnership administration: agencies, people and members of one partnership.

Every choice of agency or login is limited to the partnership's own (an id of another
partnership's agency posted by hand is refused like any unknown choice); the rules a member
must meet are asked from `accounts.members`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.validators import ASCIIUsernameValidator
from django.db.models import Q

from accounts import members
from oversight.forms import GovukFormMixin
from plans.models import Agency, Membership, Partnership, Person, Role

User = get_user_model()

ROLE_HINTS = {
    Role.ADMIN: "Everything in the partnership, including its members, agencies and people.",
    Role.MANAGER: "Edits plans, sections and actions, imports documents, adds updates anywhere.",
    Role.CONTRIBUTOR: "Adds progress updates to the actions of their agency or naming them.",
    Role.VIEWER: "Reads everything in the partnership, changes nothing.",
}


class RoleRadios(forms.RadioSelect):
    """Radios whose field id is the first radio's, so the error summary link reaches it."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return id_ if index is None else super().id_for_label(id_, index)


def role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=RoleRadios,
        error_messages={"required": "Select the member's role", "invalid_choice": "Select one of the roles"},
    )


class AgencyChoiceField(forms.ModelChoiceField):
    """Each agency by its full name and short name ('Northshire Police (Police)'): short names
    alone can read alike, and a contributor given the wrong agency updates another's actions."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.long_name)


def agency_field(label: str = "Agency (optional)", help_text: str = "") -> forms.ModelChoiceField:
    """A choice of agency; the form limits it to its partnership's (`own_agencies`)."""
    return AgencyChoiceField(
        label=label,
        queryset=Agency.objects.none(),
        required=False,
        empty_label="No agency",
        help_text=help_text,
        error_messages={"invalid_choice": members.NOT_OUR_AGENCY},
    )


def own_agencies(form: forms.BaseForm, partnership: Partnership) -> None:
    form.fields["agency"].queryset = Agency.objects.filter(partnership=partnership)


MEMBER_AGENCY_HINT = "Required for contributors: they update their agency's actions."


class PlainTextNames:
    """Refuses < and > in the named text fields."""

    plain_text_fields: tuple[str, ...] = ()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # type: ignore[misc]
        for name in self.plain_text_fields:
            problem = members.markup_problem(
                str(self.fields[name].label).removesuffix(" (optional)"), cleaned.get(name, "")
            )  # type: ignore[attr-defined]
            if problem:
                self.add_error(name, problem)  # type: ignore[attr-defined]
        return cleaned


class AgencyForm(PlainTextNames, GovukFormMixin, forms.ModelForm):
    plain_text_fields = ("name", "short_name")

    class Meta:
        model = Agency
        fields = ["name", "short_name", "kind"]
        labels = {"name": "Name", "short_name": "Short name (optional)", "kind": "Kind of agency"}
        help_texts = {"short_name": "Shown in tables, for example CSC or ESHT."}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        if kwargs.get("instance") is None:  # a new agency of this partnership
            kwargs["instance"] = Agency(partnership=partnership)
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["name"].error_messages["required"] = "Enter the agency's name"

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        taken = Agency.objects.filter(partnership=self.partnership, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if name and taken.exists():
            raise forms.ValidationError(f"There is already an agency called {name} in this partnership")
        # another agency's short name: the two would read alike in every table that shows short names
        shortened = Agency.objects.filter(partnership=self.partnership, short_name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if name and (other := shortened.first()) is not None:
            raise forms.ValidationError(
                f"{name} is the short name of {other.name}: give this agency another name"
            )
        return name

    def clean_short_name(self) -> str:
        """A short name another agency has (as its short name or name) would make the two agencies
        look the same in every list, and an imported plan's 'Police' match either."""
        short = " ".join((self.cleaned_data.get("short_name") or "").split())
        if not short:
            return short
        others = Agency.objects.filter(partnership=self.partnership).exclude(pk=self.instance.pk)
        if others.filter(Q(short_name__iexact=short) | Q(name__iexact=short)).exists():
            raise forms.ValidationError(f"Another agency of this partnership is already called {short}")
        return short


class PersonForm(PlainTextNames, GovukFormMixin, forms.ModelForm):
    plain_text_fields = ("name", "job_title")
    agency = agency_field()

    class Meta:
        model = Person
        fields = ["name", "job_title", "agency", "email", "user"]
        labels = {
            "name": "Full name",
            "job_title": "Job title (optional)",
            "email": "Email address (optional)",
            "user": "Their login (optional)",
        }
        help_texts = {"user": "Link the person to a member's login, so their actions are in My actions."}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        if kwargs.get("instance") is None:  # a new person of this partnership
            kwargs["instance"] = Person(partnership=partnership)
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["name"].error_messages["required"] = "Enter the person's full name"
        own_agencies(self, partnership)
        self.fields["user"].queryset = User.objects.filter(memberships__partnership=partnership).order_by(
            "username"
        )
        self.fields["user"].empty_label = "Not linked to a login"
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.get_username()})" if u.get_full_name() else u.get_username()
        )
        self.fields["user"].error_messages["invalid_choice"] = (
            "Select the login of one of this partnership's members"
        )
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        name, agency = data.get("name"), data.get("agency")
        if name:
            # the same person twice: every owner list would show one line twice, and their actions
            # split between the two
            same = Person.objects.filter(partnership=self.partnership, name__iexact=" ".join(name.split()))
            same = same.filter(agency=agency) if agency else same.filter(agency__isnull=True)
            if same.exclude(pk=self.instance.pk).exists():
                where = f" of {agency}" if agency else ""
                self.add_error("name", f"{name}{where} is already one of the partnership's people")
        return data


def member_email_field(label: str, help_text: str, required: str) -> forms.EmailField:
    """A member's email address, with the service's wording of its errors."""
    return forms.EmailField(
        label=label,
        help_text=help_text,
        error_messages={
            "required": required,
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )


class MemberRulesMixin:
    """A contributor needs an agency of this partnership."""

    required_sometimes = ("agency",)

    partnership: Partnership

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        """A member joins this partnership: its agencies only are offered."""
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        own_agencies(self, partnership)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # type: ignore[misc]
        role = cleaned.get("role")
        if role and "agency" not in self.errors:  # type: ignore[attr-defined]
            problem = members.agency_problem(self.partnership, role, cleaned.get("agency"))
            if problem:
                self.add_error("agency", problem)  # type: ignore[attr-defined]
        return cleaned


class NewMemberForm(MemberRulesMixin, PlainTextNames, GovukFormMixin, forms.Form):
    """A new login for a new member, who sets their own password from an email."""

    plain_text_fields = ("full_name",)

    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter their full name"}
    )
    username = forms.CharField(
        label="Username",
        max_length=150,
        validators=[
            # plain letters only: a fullwidth or Cyrillic look-alike of another's login ('ｄemo-ａdmin',
            # 'demo-аdmin') was accepted beside it
            ASCIIUsernameValidator(
                message="Username must only include the letters a to z, digits and @ . + - _"
            )
        ],
        help_text="What they type to sign in: the letters a to z, digits and @ . + - _ only, for example j.smith",
        error_messages={"required": "Enter a username"},
    )
    email = member_email_field(
        "Email address", "We send the link to set their password here.", "Enter their email address"
    )
    role = role_field()
    agency = agency_field("Agency", MEMBER_AGENCY_HINT)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                "A login with this username already exists. Choose another username, or add that "
                "login as an existing user"
            )
        return username

    def save(self) -> Membership:
        first, _, last = self.cleaned_data["full_name"].strip().rpartition(" ")
        if not first:
            first, last = last, ""
        user = User(
            username=self.cleaned_data["username"],
            email=self.cleaned_data["email"],
            first_name=first,
            last_name=last,
        )
        user.set_unusable_password()
        user.save()
        return Membership.objects.create(
            user=user,
            partnership=self.partnership,
            role=self.cleaned_data["role"],
            agency=self.cleaned_data["agency"],
        )


class ExistingMemberForm(MemberRulesMixin, GovukFormMixin, forms.Form):
    """An existing login (a member of another partnership) joins this one."""

    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="The username they sign in with.",
        error_messages={"required": "Enter the username of their login"},
    )
    email = member_email_field(
        "Their email address",
        "The address their login has. Ask them for both: we tell them they have been added.",
        "Enter the email address of their login",
    )
    role = role_field()
    agency = agency_field("Agency", MEMBER_AGENCY_HINT)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        username, email = (cleaned.get("username") or "").strip(), cleaned.get("email")
        if not username or not email:
            return cleaned
        # Both must be known: a username alone let another partnership's admin find logins one
        # guess at a time and learn their names and addresses (QA round 9). The message does
        # not say which of the two is wrong. (A username in another case is the same login, as
        # the new-member form checks it.)
        user = User.objects.filter(username__iexact=username, email__iexact=email, is_active=True).first()
        if user is None:
            self.add_error(
                "username",
                "There is no login with this username and email address. Check both with the person, "
                "or add them as a new member",
            )
        elif Membership.objects.filter(user=user, partnership=self.partnership).exists():
            self.add_error("username", "This login is already a member of the partnership")
        else:
            self.user = user
        return cleaned

    def save(self) -> Membership:
        return Membership.objects.create(
            user=self.user,
            partnership=self.partnership,
            role=self.cleaned_data["role"],
            agency=self.cleaned_data["agency"],
        )


class MembershipForm(MemberRulesMixin, GovukFormMixin, forms.Form):
    """A member's role and agency; the last-admin rule is asked again when saving."""

    role = role_field()
    agency = agency_field("Agency", MEMBER_AGENCY_HINT)

    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="Where the link to set their password goes. It can be corrected until they have set one.",
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"role": membership.role, "agency": membership.agency_id, "email": membership.user.email},
        )
        super().__init__(*args, partnership=membership.partnership, **kwargs)
        self.membership = membership
        if not members.email_correctable(membership):
            del self.fields["email"]

    def clean_email(self) -> str:
        return (self.cleaned_data.get("email") or "").strip()

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        problem = members.last_admin_problem(self.membership, role)
        if problem:
            raise forms.ValidationError(problem)
        return role


class GovukSetPasswordForm(GovukFormMixin, SetPasswordForm):
    """Django's own form for a new password, in GOV.UK style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password2"].label = "Type the new password again"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].error_messages["required"] = "Type the new password again"
        shortest = next(
            (
                v.min_length
                for v in password_validation.get_default_password_validators()
                if isinstance(v, password_validation.MinimumLengthValidator)
            ),
            1,
        )
        self.fields["new_password1"].help_text = (
            f"At least {shortest} characters. Not a common password, not only numbers and not like your "
            "name or email address."
        )
        self.fields["new_password2"].help_text = ""
        self.error_messages = {**self.error_messages, "password_mismatch": "The two passwords do not match"}

    def clean(self) -> dict[str, Any]:
        # Django puts the rules' errors on the second box, and skips them when the boxes differ:
        # they are about the new password, all of them at once, whatever the second box says.
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self)


class GovukPasswordResetForm(GovukFormMixin, PasswordResetForm):
    """Django's form asking for the address a reset link goes to, in GOV.UK style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = "Enter an email address like name@example.org"


class GovukPasswordChangeForm(GovukSetPasswordForm, PasswordChangeForm):
    """Django's form for changing one's own password (the set-password form's fields, and the
    current password first), in GOV.UK style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Your current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": "Your current password is not right: enter it again",
        }
