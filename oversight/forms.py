"""GOV.UK Design System styling for Django forms, in one mixin every form uses."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core import validators

WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input"),
    (forms.RadioSelect, "govuk-radios__input"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.ClearableFileInput, "govuk-file-upload"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.Textarea, "govuk-textarea"),
    (forms.Select, "govuk-select"),
    (forms.widgets.Input, "govuk-input"),
]


# Dates are typed as people write them, in one text box (GovukFormMixin gives every DateField this
# widget and these formats): the browser's date picker showed a
# format the hint did not (mm/dd/yyyy), turned '3111' into the year 1, and sent nothing for a date
# typed without its year, so a plan 'as at 1 June' showed today's without a word.
DATE_FORMATS = [
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d %m %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m-%d",
]
DATE_EXAMPLE = "27/3/2027"


class DateTextInput(forms.DateInput):
    """A date in one text box, shown as 27/3/2027."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None, format: str | None = None) -> None:  # noqa: A002
        super().__init__(
            attrs={"class": "govuk-input--width-10", "spellcheck": "false", **(attrs or {})},
            format=format or "%-d/%-m/%Y",
        )


_LIMIT_MESSAGES: dict[type, str] = {
    validators.MaxLengthValidator: "{named} must be {limit} characters or fewer (it has %(show_value)d)",
    validators.MinLengthValidator: "{named} must be {limit} characters or more",
    validators.MaxValueValidator: "{named} must be {limit} or less",
    validators.MinValueValidator: "{named} must be {limit} or more",
}


def _default_message(field: forms.Field, key: str) -> str | None:
    """Django's own message for `key` on this kind of field (its classes' defaults, nearest first)."""
    for kind in type(field).__mro__:
        message = getattr(kind, "default_error_messages", {}).get(key)
        if message is not None:
            return str(message)
    return None


def specific_error_messages(name: str, field: forms.Field) -> None:
    """Replace Django's generic "This field is required." and "Enter a valid date." by messages
    that name the field, as the GOV.UK Design System asks ("Enter the action"); messages a form
    sets itself are kept."""
    if isinstance(field.widget, forms.HiddenInput):
        return
    label = str(field.label or name.replace("_", " "))
    label = label.removesuffix(" (optional)")
    if not label[1:2].isupper():  # "CSV file" keeps its capitals
        label = label[:1].lower() + label[1:]
    the = label if label.split(" ", 1)[0] in ("the", "a", "an") else f"the {label}"
    if field.error_messages.get("required") == forms.Field.default_error_messages["required"]:
        choose = isinstance(field, (forms.FileField, forms.ChoiceField, forms.BooleanField))
        field.error_messages["required"] = f"{'Select' if choose else 'Enter'} {the}"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        # Django's "Select a valid choice. zzz is not one of the available choices." (a link edited
        # by hand, another partnership's id): what to do, without echoing what was sent
        for key in ("invalid_choice", "invalid_pk_value"):
            if key in field.error_messages and field.error_messages[key] == _default_message(field, key):
                field.error_messages[key] = f"Select {the} in the list"
    if (
        isinstance(field, forms.DateField)
        and field.error_messages.get("invalid") == forms.DateField.default_error_messages["invalid"]
    ):
        field.error_messages["invalid"] = f"Enter {the} as a real date, for example {DATE_EXAMPLE}"
    named = label[:1].upper() + label[1:]
    if (
        isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField))
        and field.error_messages.get("invalid") == type(field).default_error_messages["invalid"]
    ):
        field.error_messages["invalid"] = f"Enter {the} as a number"
    if (
        isinstance(field, forms.FileField)
        and field.error_messages.get("empty") == forms.FileField.default_error_messages["empty"]
    ):
        field.error_messages["empty"] = f"The selected file is empty: choose {the} again"
    # Django's "Ensure this value has at most 200 characters (it has 12005)." in GOV.UK's words
    for k, validator in enumerate(field.validators):
        if isinstance(validator, validators.DecimalValidator):
            friendly = validators.DecimalValidator(validator.max_digits, validator.decimal_places)
            friendly.messages = {
                "invalid": f"Enter {the} as a number",
                "max_digits": f"{named} must have no more than %(max)s digits",
                "max_decimal_places": f"{named} must have no more than %(max)s digits after the decimal point",
                "max_whole_digits": f"{named} must have no more than %(max)s digits before the decimal point",
            }
            field.validators[k] = friendly
            continue
        if type(validator) in _LIMIT_MESSAGES and validator.message == type(validator).message:
            limit = validator.limit_value
            shown = f"{limit:,}" if isinstance(limit, int) else str(limit)
            field.validators[k] = type(validator)(
                limit, message=_LIMIT_MESSAGES[type(validator)].format(named=named, limit=shown)
            )


# Characters that show nothing, or control how the rest shows: zero-width spaces and joiners, the
# word joiner, bidirectional overrides and embeddings, a byte-order mark, soft hyphens (Unicode's
# format characters), and control characters. In a name they make a look-alike of another ('Police'
# and 'Police' + U+200B are two agencies), a name of nothing pass as given, or the text after them
# show reversed; a NUL cannot be stored at all.
_KEPT_CONTROLS = {"\n", "\r", "\t"}
# Prose (a progress narrative) keeps the format characters that are part of how people write:
# joiners within emoji (a family, a flag of Wales) and Persian, Urdu or Indic words, and the
# marks that set the direction of a word of Arabic or Hebrew among English. Overrides and
# embeddings, zero-width spaces and a byte-order mark still go.
_PROSE_FORMAT = {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}


def _kept_in_prose(character: str) -> bool:
    return character in _PROSE_FORMAT or "\U000e0020" <= character <= "\U000e007f"  # emoji tags


def visible_text(value: str, multiline: bool = False) -> str:
    """The text without invisible and control characters; on one line, line breaks and tabs as
    spaces. Several lines (prose) keep joiners and direction marks, and are empty when nothing
    else is left."""
    kept = []
    for character in value:
        category = unicodedata.category(character)
        if category == "Cf":
            if multiline and _kept_in_prose(character):
                kept.append(character)
            continue
        if category == "Cc" and not (multiline and character in _KEPT_CONTROLS):
            kept.append(" ")  # a control character parts words as a space would
            continue
        kept.append(character)
    text = "".join(kept)
    if multiline:
        return text if any(not c.isspace() and not _kept_in_prose(c) for c in text) else ""
    return " ".join(text.split())


def _visible_text_only(field: forms.Field, multiline: bool) -> None:
    """Read the field's text without invisible and control characters (then Django strips it and
    says when nothing is left)."""
    to_python = field.to_python

    def visible(value: Any) -> Any:
        return to_python(visible_text(value, multiline) if isinstance(value, str) else value)

    field.to_python = visible  # type: ignore[method-assign]


def _plain_numbers_only(field: forms.Field) -> None:
    """Refuse a number written in scientific notation ('1e3' would be saved as 1000): nobody types
    a figure so, and a slip of the 'e' key must not multiply it."""
    to_python = field.to_python

    def plain(value: Any) -> Any:
        if isinstance(value, str) and re.search(r"\d\s*[eE]", value):
            raise forms.ValidationError(field.error_messages["invalid"], code="invalid")
        return to_python(value)

    field.to_python = plain  # type: ignore[method-assign]


class GovukFormMixin:
    """Adds govuk-* classes, error state and aria-describedby to each widget."""

    # Optional fields are labelled "(optional)" (partials/field.html); a filter or search form,
    # which asks nothing of anyone, sets this False.
    mark_optional: bool = True
    # Fields required only in some cases that their hint explains: not marked "(optional)".
    required_sometimes: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            self.govuk_field(name, field)

    def govuk_field(self, name: str, field: forms.Field) -> None:
        """Dress one field as the GOV.UK Design System does (its widget, classes and messages); a
        form that adds fields after `__init__` calls it for each of them."""
        if isinstance(field, forms.DateField) and not isinstance(field.widget, forms.HiddenInput):
            field.widget = DateTextInput()
            field.input_formats = DATE_FORMATS
        elif isinstance(field.widget, forms.NumberInput):
            # GOV.UK asks for a text box sized to the number, with the number keyboard on
            # phones: type="number" changes the value when the page is scrolled over it and
            # drops what it cannot parse, so the server could not say what was wrong.
            whole = isinstance(field, forms.IntegerField) and not isinstance(
                field, (forms.DecimalField, forms.FloatField)
            )
            field.widget = forms.TextInput(
                attrs={
                    "class": "govuk-input--width-5" if whole else "govuk-input--width-10",
                    "inputmode": "numeric" if whole else "decimal",
                    "spellcheck": "false",
                }
            )
        widget = field.widget
        for widget_type, css in WIDGET_CLASSES:
            if isinstance(widget, widget_type):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
                break
        if field.help_text:
            widget.attrs["aria-describedby"] = f"id_{name}-hint"
        # The browser would cut pasted text at maxlength without a word (GOV.UK: never set it);
        # the server says what is too long, and a text area counts as you type.
        widget.attrs.pop("maxlength", None)
        if isinstance(widget, forms.Textarea) and getattr(field, "max_length", None):
            widget.attrs["class"] = f"{widget.attrs['class']} govuk-js-character-count"
            described = [*widget.attrs.get("aria-describedby", "").split(), f"id_{name}-info"]
            widget.attrs["aria-describedby"] = " ".join(described)
        specific_error_messages(name, field)
        if isinstance(field, (forms.DecimalField, forms.FloatField)):
            _plain_numbers_only(field)
        if (
            type(field) in (forms.CharField, forms.EmailField, forms.URLField, forms.SlugField)
            and getattr(field, "strip", True)  # a password is kept exactly as typed
            and not isinstance(widget, forms.PasswordInput | forms.HiddenInput)  # (a page's own value)
        ):
            _visible_text_only(field, multiline=isinstance(widget, forms.Textarea))

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:  # type: ignore[attr-defined]
                widget = self.fields[name].widget  # type: ignore[attr-defined]
                # A screen reader reads the field's error with it (partials/field.html gives the
                # message this id), as the GOV.UK error message component asks.
                error_id = f"{self[name].auto_id}-error"  # type: ignore[index]
                described = widget.attrs.get("aria-describedby", "").split()
                if error_id not in described:
                    widget.attrs["aria-describedby"] = " ".join([*described, error_id])
                css = widget.attrs.get("class", "")
                for base in ("govuk-input", "govuk-textarea", "govuk-select", "govuk-file-upload"):
                    if base in css.split() and f"{base}--error" not in css:
                        widget.attrs["class"] = f"{css} {base}--error"


class SignInForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "The username or password is not right: check both and try again (the password "
        "is case-sensitive)",
        "inactive": "This account cannot sign in: ask your partnership's admin",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Django puts autofocus on the username: the page would open with focus past the skip
        # link, heading and any error summary, and screen readers would start reading at the
        # field. GOV.UK asks for no autofocus; the error summary takes focus when there is one.
        self.fields["username"].widget.attrs.pop("autofocus", None)

    def clean(self) -> dict[str, Any]:
        # on the username, so the error summary links to a field and the field shows its error
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code not in ("invalid_login", "inactive"):
                raise
            self.add_error("username", error)
            return self.cleaned_data
