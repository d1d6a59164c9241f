"""`{% govuk_widget field %}` gives exactly what `{{ field }}` gives, drawing common widgets in Python."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.forms.renderers import get_default_renderer
from django.template import Context, Template
from django.utils.safestring import mark_safe

from oversight.forms import GovukFormMixin
from oversight.templatetags import govuk_fields
from plans.forms import ActionForm, PlanFilterForm, ProgressUpdateForm, SectionForm


class EveryWidget(GovukFormMixin, forms.Form):
    text = forms.CharField(help_text="Say <b>something</b>", max_length=20)
    number = forms.IntegerField(required=False)
    decimal = forms.DecimalField(required=False)
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    password = forms.CharField(widget=forms.PasswordInput, required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), required=False)
    when = forms.DateTimeField(required=False)
    tick = forms.BooleanField(required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    colour = forms.ChoiceField(
        choices=[("", "Any"), ("red", "Red & <i>hot</i>"), ("green", mark_safe("<b>Green</b>"))]
    )
    grouped = forms.ChoiceField(
        choices=[("Warm", [("red", "Red")]), ("Cold", [("blue", "Blue")])], required=False
    )
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], required=False)
    boxes = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, required=False
    )
    radios = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect, required=False)
    maybe = forms.NullBooleanField(required=False)
    upload = forms.FileField(required=False)
    shown_initial = forms.CharField(required=False, show_hidden_initial=True, initial="first")


def both(field: Any) -> tuple[str, str]:
    context = Context({"field": field})
    expected = Template("{{ field }}").render(context)
    drawn = Template("{% load govuk_fields %}{% govuk_widget field %}").render(context)
    return drawn, expected


BOUND = {
    "text": 'Tom & "Jerry" <script>',
    "number": "12",
    "decimal": "1.50",
    "email": "a@example.org",
    "url": "https://example.org/?a=1&b=2",
    "password": "secret",
    "hidden": "x<y",
    "day": "2024-02-30",
    "when": "2024-01-01 10:00",
    "tick": "on",
    "notes": "Line one\nLine <two> & three",
    "colour": "red",
    "grouped": "blue",
    "many": ["a", "b"],
    "boxes": ["b"],
    "radios": "a",
    "maybe": "true",
}


@pytest.mark.parametrize(
    "data", [None, BOUND, {"text": "", "colour": "purple"}], ids=["unbound", "bound", "errors"]
)
def test_every_widget_renders_as_django_renders_it(data):
    form = EveryWidget(data)
    form.is_valid()
    for field in form:
        drawn, expected = both(field)
        assert drawn == expected, field.name


def test_the_tracker_forms_render_as_django_renders_them(world):
    forms_ = [
        PlanFilterForm(plan=world.plan, statuses=list(world.plan.rag_statuses.all())),
        PlanFilterForm(
            {
                "q": "review",
                "status": "red",
                "agency": str(world.police.pk),
                "overdue": "on",
                "as_at": "2099-01-01",
            },
            plan=world.plan,
            statuses=list(world.plan.rag_statuses.all()),
        ),
        ProgressUpdateForm(action=world.police_action),
        ProgressUpdateForm({"date": "nonsense", "narrative": "<b>x</b>"}, action=world.police_action),
        ActionForm(instance=world.police_action),
        SectionForm(instance=world.police_action.section),
    ]
    for form in forms_:
        form.is_valid() if form.is_bound else None
        for field in form:
            drawn, expected = both(field)
            assert drawn == expected, f"{type(form).__name__}.{field.name}"


def test_a_select_is_drawn_without_a_template_per_option(monkeypatch):
    rendered: list[str] = []
    renderer = get_default_renderer()
    real_render = type(renderer).render

    def counting_render(self: Any, template_name: str, context: Any, request: Any = None) -> str:
        rendered.append(template_name)
        return real_render(self, template_name, context, request)

    monkeypatch.setattr(type(renderer), "render", counting_render)
    choices = [(str(i), f"Owner {i}") for i in range(200)]
    form = forms.Form()
    form.fields["owner"] = forms.ChoiceField(choices=choices)
    form.fields["day"] = forms.DateField(initial=dt.date(2024, 1, 1))

    html = Template("{% load govuk_fields %}{% govuk_widget form.owner %}{% govuk_widget form.day %}").render(
        Context({"form": form})
    )

    assert html.count("<option") == 200
    assert '<input type="text" name="day"' in html
    assert rendered == []  # the template path would have rendered select.html and 200 options


def test_an_overridden_widget_template_is_used_not_drawn():
    class OwnTemplates:
        """A renderer whose select.html is not Django's."""

        def __init__(self) -> None:
            self.default = get_default_renderer()

        def get_template(self, name: str) -> Any:
            if name.endswith("select.html"):
                return Template("<select>{{ widget.name }}</select>")
            return self.default.get_template(name)

        def render(self, template_name: str, context: Any, request: Any = None) -> str:
            return "own:" + template_name

    renderer = govuk_fields.PythonWidgetRenderer(OwnTemplates())
    widget = forms.Select(choices=[("a", "A")])

    html = widget.render("colour", "a", renderer=renderer)

    assert html == "own:django/forms/widgets/select.html"
