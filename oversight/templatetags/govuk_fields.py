"""Form widgets drawn in Python: the same HTML as `{{ field }}`, without a template per <option>.

Django draws a <select> with three template renders per <option>; on the plan page the owner
and agency filters took more time than the 25 rows of actions. `{% govuk_widget field %}`
(used by partials/field.html) gives exactly what `{{ field }}` gives, but draws <select>,
<input> and <textarea> with string formatting. It does so only while Django's own widget
templates are the ones in use (their text is checked once): a project or app that overrides
one, a widget with its own template, option groups or unusual values all go through the
templates as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from django import template
from django.forms import BoundField
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

register = template.Library()

WIDGETS = "django/forms/widgets/"
ATTRS = (
    '{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}{% if value is not True %}="'
    "{{ value|stringformat:'s' }}\"{% endif %}{% endif %}{% endfor %}"
)
INPUT = (
    '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %} value="'
    '{{ widget.value|stringformat:\'s\' }}"{% endif %}{% include "django/forms/widgets/attrs.html" %}>\n'
)
INCLUDE_INPUT = '{% include "django/forms/widgets/input.html" %}\n'
SELECT = (
    '<select name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>'
    "{% for group_name, group_choices, group_index in widget.optgroups %}{% if group_name %}\n"
    '  <optgroup label="{{ group_name }}">{% endif %}{% for option in group_choices %}\n'
    "  {% include option.template_name with widget=option %}{% endfor %}{% if group_name %}\n"
    "  </optgroup>{% endif %}{% endfor %}\n</select>\n"
)
OPTION = (
    '<option value="{{ widget.value|stringformat:\'s\' }}"{% include "django/forms/widgets/attrs.html" %}>'
    "{{ widget.label }}</option>\n"
)
TEXTAREA = (
    '<textarea name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>\n'
    "{% if widget.value %}{{ widget.value }}{% endif %}</textarea>\n"
)
INPUT_TYPES = [
    "text", "date", "email", "number", "url", "password", "hidden", "checkbox", "search", "tel",
    "time", "datetime", "color", "file",
]  # fmt: skip


def _text(value: Any) -> str:
    """`{{ value|stringformat:'s' }}` with autoescaping."""
    if isinstance(value, tuple):
        value = str(value)
    try:
        out = "%s" % value  # noqa: UP031 - the filter's own formatting
    except (ValueError, TypeError):
        out = ""
    return conditional_escape(mark_safe(out) if isinstance(value, SafeData) else out)


def _label(value: Any) -> str | None:
    """`{{ value }}` for a text label, or None for anything a template would treat otherwise."""
    if isinstance(value, Promise):
        value = str(value)
    return conditional_escape(value) if isinstance(value, str) else None


def _attrs(attrs: dict[str, Any]) -> str | None:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if not isinstance(name, str) or callable(value):
            return None
        parts.append(
            f" {conditional_escape(name)}"
            if value is True
            else f' {conditional_escape(name)}="{_text(value)}"'
        )
    return "".join(parts)


def draw_input(widget: dict[str, Any]) -> str | None:
    attrs = _attrs(widget["attrs"])
    if attrs is None or not isinstance(widget["type"], str) or callable(widget["value"]):
        return None
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"{value}{attrs}>'


def draw_select(widget: dict[str, Any]) -> str | None:
    attrs = _attrs(widget["attrs"])
    if attrs is None:
        return None
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attrs}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            return None
        for option in group_choices:
            option_attrs = _attrs(option["attrs"])
            label = _label(option["label"])
            if (
                option["template_name"] != WIDGETS + "select_option.html"
                or option_attrs is None
                or label is None
            ):
                return None
            # Each included option keeps its template's final newline.
            parts.append(f'\n  <option value="{_text(option["value"])}"{option_attrs}>{label}</option>\n')
    parts.append("\n</select>")
    return "".join(parts)


def draw_textarea(widget: dict[str, Any]) -> str | None:
    attrs = _attrs(widget["attrs"])
    value = widget["value"]
    body = _label(value) if value else ""
    if attrs is None or body is None:
        return None
    return f'<textarea name="{conditional_escape(widget["name"])}"{attrs}>\n{body}</textarea>'


# Template drawn -> (function, the templates it stands for with their expected text).
DRAWN: dict[str, tuple[Callable[[dict[str, Any]], str | None], dict[str, str]]] = {
    WIDGETS + "select.html": (
        draw_select,
        {"select.html": SELECT, "select_option.html": OPTION, "attrs.html": ATTRS},
    ),
    WIDGETS + "textarea.html": (draw_textarea, {"textarea.html": TEXTAREA, "attrs.html": ATTRS}),
    **{
        f"{WIDGETS}{kind}.html": (
            draw_input,
            {f"{kind}.html": INCLUDE_INPUT, "input.html": INPUT, "attrs.html": ATTRS},
        )
        for kind in INPUT_TYPES
    },
}


class PythonWidgetRenderer:
    """A form renderer that draws some widgets in Python and hands everything else to `fallback`."""

    def __init__(self, fallback: Any) -> None:
        self.fallback = fallback
        self.checked: dict[str, bool] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fallback, name)

    def templates_are_djangos(self, template_name: str) -> bool:
        """Whether the fallback would use Django's own text for every template a drawing replaces."""
        if template_name not in self.checked:
            expected = DRAWN[template_name][1]
            try:
                sources = {
                    name: self.fallback.get_template(WIDGETS + name).template.source for name in expected
                }
            except Exception:  # noqa: BLE001 - any other renderer or loader: use its templates
                sources = {}
            self.checked[template_name] = sources == expected
        return self.checked[template_name]

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name in DRAWN and self.templates_are_djangos(template_name):
            html = DRAWN[template_name][0](context["widget"])
            if html is not None:
                return html
        return self.fallback.render(template_name, context, request=request)


_renderers: WeakKeyDictionary[Any, PythonWidgetRenderer] = WeakKeyDictionary()


def python_renderer(fallback: Any) -> PythonWidgetRenderer:
    if fallback not in _renderers:
        _renderers[fallback] = PythonWidgetRenderer(fallback)
    return _renderers[fallback]


@register.simple_tag
def govuk_widget(field: Any) -> Any:
    """What `{{ field }}` renders, faster (see the module's docstring)."""
    if not isinstance(field, BoundField):
        return field
    # the hint is read with its field where partials/field.html draws it (with this id): also a hint
    # set after the form was made (the meeting's); and no field points at a hint that is not drawn
    attrs = field.field.widget.attrs
    hint = f"{field.id_for_label}-hint"
    described = [d for d in attrs.get("aria-describedby", "").split() if d != hint]
    if field.help_text and getattr(field.field.widget, "input_type", "") != "checkbox":
        described.insert(0, hint)
    if described:
        attrs["aria-describedby"] = " ".join(described)
    else:
        attrs.pop("aria-describedby", None)
    form = field.form
    original = form.renderer
    form.renderer = python_renderer(original)
    try:
        return str(field)
    finally:
        form.renderer = original


@register.filter
def govuk_label(field: BoundField, text: Any = None) -> str:
    """The field's label (or ``text``, a checkbox group's legend), with "(optional)" after it where
    nothing asks for it (GOV.UK marks the optional fields, not the required ones). Filter forms
    (`mark_optional = False`) and fields required only in some cases, which their hint explains
    (`required_sometimes`), are not marked."""
    label = str(text or field.label)
    form = field.form
    if (
        getattr(form, "mark_optional", False)
        and not field.field.required
        and field.name not in getattr(form, "required_sometimes", ())
        and not label.endswith("(optional)")
    ):
        label += " (optional)"
    return label
