"""Template tags of the tracker: RAG status tags, table rows, and links to pages other apps may not have yet.

The rows of long lists (a plan's actions and sections, My actions, an action's updates and
history) are drawn here in Python, not by a template per row: a page of them cost several
times the page's own SQL in template rendering alone. Each function gives, byte for byte, the
HTML the template it replaces gave (the markup is in the docstrings' templates); the governance
flags under a row still come from governance's own template.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any

from django import template
from django.conf import settings
from django.template.defaultfilters import truncatewords
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from plans.models import partnership_names_when_several

register = template.Library()


@register.simple_tag
def rag_tag(status: Any, updated: Any = False) -> str:
    """A GOV.UK tag in the status's colour, always with its label (never colour alone).

    Accepts a RagStatus or a figures.StatusCount (both have label and colour); None means
    the action has no progress update yet, or, when `updated` (an update, or the action's last
    update date), an update that gave no status. Drawn in Python: pages show dozens of these,
    and an inclusion tag renders a template for each.
    """
    if status is None:
        colour, label = "grey", "Not rated" if updated else "No update yet"
    else:
        colour, label = status.colour or "grey", status.label
    return format_html('<strong class="govuk-tag govuk-tag--rag-{}">{}</strong>\n', colour, label)


@register.simple_tag
def optional_url(name: str, *args: Any) -> str:
    """The URL of a route another app may not have built yet; "" when it does not exist."""
    try:
        return reverse(name, args=args or None)
    except NoReverseMatch:
        return ""


# --- Pieces shared by the rows ------------------------------------------------------------


@functools.lru_cache(maxsize=2048)
def _day(value: dt.date, fmt: str, language: str | None) -> str:
    return conditional_escape(formats.date_format(value, fmt))


def date_text(value: Any, fmt: str) -> str:
    """`{{ value|date:fmt }}`: local time for aware datetimes, "" for nothing, escaped.

    Days come back row after row and request after request, and Django's formatting is slow:
    each day is formatted once per format and language (a few thousand days at most). Times
    are nearly all different, so they are not kept.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        if settings.USE_TZ and timezone.is_aware(value):
            value = timezone.localtime(value)
        # The two formats the history shows for every entry, without Django's formatter:
        # "c" is ISO 8601, and "<day format>, H:i" is the (kept) day and the 24-hour time.
        if fmt == "c":
            return value.isoformat()
        day_format, _, time_format = fmt.rpartition(", ")
        if time_format == "H:i" and not any(c in day_format for c in TIME_FORMAT_CHARACTERS):
            return f"{_day(value.date(), day_format, get_language())}, {value.hour:02d}:{value.minute:02d}"
        return conditional_escape(formats.date_format(value, fmt))
    return _day(value, fmt, get_language())


# Format characters of Django's `date` filter that read the time of day or the time zone.
TIME_FORMAT_CHARACTERS = frozenset("aAefgGhHiIOPsTuUZcrB\\")


def words(value: Any, count: int) -> str:
    """`{{ value|truncatewords:count }}`: short texts (most of them) without Django's Truncator,
    which gives the same words joined by single spaces."""
    found = str(value).split()
    if len(found) <= count:
        return conditional_escape(" ".join(found))
    return conditional_escape(truncatewords(value, count))


def text(value: Any) -> str:
    """`{{ value }}` for text, numbers and objects shown by their str()."""
    return conditional_escape(value if isinstance(value, str) else str(value))


SENTINEL = 918273645


@functools.lru_cache(maxsize=64)
def _url_parts(name: str, urlconf: str | None, prefix: str) -> tuple[str, str]:
    before, after = reverse(name, args=[SENTINEL]).split(str(SENTINEL))
    return before, after


def url_maker(name: str) -> Callable[[int], str]:
    """`{% url name pk %}` for many primary keys: the route is reversed once, not per row."""
    before, after = _url_parts(name, get_urlconf(), get_script_prefix())
    return lambda pk: conditional_escape(f"{before}{int(pk)}{after}")


@register.simple_tag(name="flag_tags")
def flags_html(flags: list[Any]) -> str:
    """The markup of a row's flags, drawn by governance's own `flags_markup`."""
    from governance.templatetags.governance import flags_markup

    return flags_markup(flags)


# --- The plan page ----------------------------------------------------------------------


@register.simple_tag
def plan_rows(rows: Iterable[Any], can_manage: bool, as_at: Any) -> SafeString:
    """The <tr> of each action on the plan page, as this template drew them:

    {% for row in page.object_list %}
      <tr class="govuk-table__row" data-action="{{ row.pk }}">
        <td ...><a class="govuk-link" href="{% url 'plans:action' row.pk %}">{{ row.ref|default:"(no ref)" }}...
        ... (see plans/plan.html before this tag, and the markup below)
      </tr>
    {% endfor %}
    """
    action_url = url_maker("plans:action")
    edit_url = url_maker("plans:edit_action")
    change = can_manage and not as_at
    out = []
    for row in rows:
        ref = text(row.ref)
        section = (
            f'<br><span class="govuk-body-s">Section {text(row.section.ref)}</span>' if row.section else ""
        )
        lead = (
            f'<br><span class="govuk-body-s">Lead: {text(row.lead_agency)}</span>' if row.lead_agency else ""
        )
        due = date_text(row.due_date, "j M Y") if row.due_date else text(row.due_text or "Not set")
        overdue = '<br><strong class="govuk-tag govuk-tag--red">Overdue</strong>' if row.overdue else ""
        flags = flags_html(row.flags) if row.flags else ""
        last = date_text(row.last_update_on, "j M Y") if row.last_update_on else "None"
        latest = (
            f'<br><span class="govuk-body-s">{words(row.latest_update.narrative, 20)}</span>'
            if row.latest_update
            else ""
        )
        edit = (
            (
                f'<td class="govuk-table__cell"><a class="govuk-link" href="{edit_url(row.pk)}">Change'
                f'<span class="govuk-visually-hidden"> action {ref}</span></a></td>'
                if row.can_edit
                else '<td class="govuk-table__cell"></td>'
            )
            if change
            else ""
        )
        link = (
            f'{text(row.ref or "(no ref)")}<br><strong class="govuk-tag govuk-tag--grey">Deleted since</strong>'
            if getattr(row, "deleted_later", False)
            else f'<a class="govuk-link" href="{action_url(row.pk)}">'
            f'{text(row.ref or "(no ref)")}<span class="govuk-visually-hidden"> action</span></a>'
        )
        out.append(
            f'\n      <tr class="govuk-table__row" data-action="{text(row.pk)}">\n'
            f'        <td class="govuk-table__cell app-nowrap">{link}</td>\n'
            f'        <td class="govuk-table__cell">{words(row.text, 30)}{section}</td>\n'
            f'        <td class="govuk-table__cell">{text(row.owner_text or "")}{lead}</td>\n'
            f'        <td class="govuk-table__cell app-nowrap">{due}{overdue}</td>\n'
            f'        <td class="govuk-table__cell">{rag_tag(row.status, getattr(row, "last_update_on", None))}{flags}</td>\n'
            f'        <td class="govuk-table__cell">{last}{latest}</td>\n'
            f"        {edit}\n"
            "      </tr>\n    "
        )
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


@register.simple_tag
def section_tree(nodes: list[Any], as_at: dt.date | None = None) -> SafeString:
    """The nested list of a plan's sections, as plans/_section_tree.html (included in itself) drew it;
    as at a past date, an area signed off after it is not shown signed off."""
    edit_url = url_maker("plans:edit_section")
    out: list[str] = []
    _section_list(nodes, edit_url, out, as_at)
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped


def _section_list(
    nodes: list[Any], edit_url: Callable[[int], str], out: list[str], as_at: dt.date | None = None
) -> None:
    out.append('<ul class="app-section-tree">\n')
    for node in nodes:
        section = node.section
        ref = text(section.ref)
        signed = section.is_signed_off and (as_at is None or section.signed_off_on <= as_at)
        tag = ' <strong class="govuk-tag govuk-tag--green">Signed off</strong>' if signed else ""
        out.append(
            '\n  <li class="app-section-tree__item">\n'
            f'    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{ref} {text(section.title)}{tag}</h3>\n    '
        )
        if signed:
            how = (
                f"monitored through {text(section.monitored_through)}"
                if section.monitored_through
                else "signed off by the board"
            )
            out.append(
                f'<p class="govuk-body-s">Addressed — {how} ({date_text(section.signed_off_on, "j F Y")}).</p>'
            )
        out.append("\n    ")
        if node.counts:
            total = node.counts.total
            out.append(
                f'<p class="govuk-body-s govuk-!-margin-bottom-1">{text(total)} action{"" if total == 1 else "s"}, '
                f"{text(node.counts.overdue)} overdue</p>"
            )
        out.append("\n    ")
        for value, title in (
            (section.what_needs_to_improve, "What needs to improve"),
            (section.what_inspectors_found, "What inspectors found"),
        ):
            if value:
                out.append(
                    '\n    <details class="govuk-details govuk-!-margin-bottom-2">\n'
                    f'      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{title}'
                    f'<span class="govuk-visually-hidden"> ({ref})</span></span></summary>\n'
                    f'      <div class="govuk-details__text app-pre-line">{text(value)}</div>\n'
                    "    </details>\n    "
                )
            out.append("\n    ")
        if node.can_edit:
            out.append(
                f'<p class="govuk-body-s"><a class="govuk-link" href="{edit_url(section.pk)}">Change section'
                f'<span class="govuk-visually-hidden"> {ref}</span></a></p>'
            )
        out.append("\n    ")
        if node.children:
            _section_list(node.children, edit_url, out, as_at)
        out.append("\n  </li>\n")
    out.append("\n</ul>\n")


# --- The action page ----------------------------------------------------------------------


@register.simple_tag
def update_cards(updates: Iterable[Any]) -> SafeString:
    """One GOV.UK summary card per progress update, with its evidence (action.html's loop before)."""
    evidence_url = url_maker("plans:evidence")
    out = []
    for update in updates:
        author = update.author
        who = text(author.get_full_name() or author.get_username()) if author else "Not recorded"
        if getattr(update, "imported_from", ""):
            # written by the agency in the document; the person named only brought it in
            who = f"{text(update.imported_from)} by {who}"
        next_steps = (
            '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Next steps</dt>'
            f'<dd class="govuk-summary-list__value app-pre-line">{text(update.next_steps)}</dd></div>'
            if update.next_steps
            else ""
        )
        evidence = list(update.evidence.all())
        items = "".join(
            "\n          "
            + (
                f'<li><a class="govuk-link" href="{evidence_url(item.pk)}">{text(item.title or "Download file")}</a>'
                " (file)</li>"
                if item.file
                else ""
            )
            + "\n          "
            + (
                f'<li><a class="govuk-link" href="{text(item.web_link)}" rel="noopener noreferrer">'
                f"{text(item.title or item.link)}</a></li>"
                if item.web_link
                # Not a web address: shown as text, never as a link a click would run.
                else f"<li>{text(item.title or item.link)} ({text(item.link)})</li>"
                if item.link
                else ""
            )
            + "\n        "
            for item in evidence
        )
        evidence_row = (
            '\n      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Evidence</dt>'
            f'<dd class="govuk-summary-list__value"><ul class="govuk-list">\n        {items}\n      </ul></dd></div>\n      '
            if evidence
            else ""
        )
        out.append(
            '\n<div class="govuk-summary-card app-update">\n'
            '  <div class="govuk-summary-card__title-wrapper">\n'
            f'    <h3 class="govuk-summary-card__title">{date_text(update.date, "j F Y")} {rag_tag(update.status, update)}</h3>\n'
            + (
                '    <ul class="govuk-summary-card__actions"><li class="govuk-summary-card__action">'
                f'<a class="govuk-link" href="{text(update.withdraw_url)}">Withdraw'
                f'<span class="govuk-visually-hidden"> the update of {date_text(update.date, "j F Y")}'
                # its first words: two updates of one day read alike otherwise (WCAG 2.4.4, QA round 11)
                f"{_opening_words(update.narrative)}</span></a></li></ul>\n"
                if getattr(update, "withdraw_url", "")
                else ""
            )
            + "  </div>\n"
            '  <div class="govuk-summary-card__content">\n'
            '    <dl class="govuk-summary-list">\n'
            '      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Author</dt>'
            f'<dd class="govuk-summary-list__value">{who}</dd></div>\n'
            '      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Progress and impact</dt>'
            f'<dd class="govuk-summary-list__value app-pre-line">{text(update.narrative or "None")}</dd></div>\n'
            f"      {next_steps}\n"
            f"      {evidence_row}\n"
            "    </dl>\n"
            "  </div>\n"
            "</div>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped


@register.simple_tag
def history_entries(history: Iterable[Any]) -> SafeString:
    """The <li> of each history entry with its changes (action.html's loop before)."""
    out = []
    for entry in history:
        changes = ""
        if entry.changes:
            rows = "".join(
                '\n      <div class="govuk-summary-list__row">\n'
                f'        <dt class="govuk-summary-list__key">{text(change.label)}</dt>\n'
                '        <dd class="govuk-summary-list__value app-pre-line">'
                + (
                    '<span class="app-history__old"><span class="govuk-visually-hidden">was </span>'
                    f'{words(change.old, 60)}</span> → <span class="govuk-visually-hidden">now </span>'
                    if change.old
                    else ""
                )
                + f"{words(change.new, 60)}</dd>\n"
                "      </div>\n      "
                for change in entry.changes
            )
            changes = (
                '\n    <dl class="govuk-summary-list govuk-summary-list--no-border app-history__changes">\n      '
                f"{rows}\n    </dl>\n    "
            )
        out.append(
            '\n  <li class="app-history__entry">\n'
            f'    <p class="govuk-body govuk-!-margin-bottom-1"><strong>{text(entry.what)}</strong> by {text(entry.who)}, '
            f'<time datetime="{date_text(entry.when, "c")}">{date_text(entry.when, "j F Y, H:i")}</time></p>\n'
            f"    {changes}\n"
            "  </li>\n"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped


# --- My actions ---------------------------------------------------------------------------


@register.simple_tag
def my_action_rows(rows: Iterable[dict[str, Any]], partnerships: dict[int, str] | None = None) -> SafeString:
    """The <tr> of each of a person's actions (my_actions.html's loop before); with the names of
    the user's partnerships (a member of several), each plan's partnership after its title."""
    action_url = url_maker("plans:action")
    update_url = url_maker("plans:add_update")
    out = []
    for row in rows:
        action = row["action"]
        due = date_text(action.due_date, "j M Y") if action.due_date else text(action.due_text or "Not set")
        if row.get("signed_off"):
            # closed by the board's sign-off: no longer work to chase, whatever its date (QA round 7)
            overdue = '<br><strong class="govuk-tag govuk-tag--grey">Signed off</strong>'
        else:
            overdue = (
                '<br><strong class="govuk-tag govuk-tag--red">Overdue</strong>' if row["overdue"] else ""
            )
        named = (partnerships or {}).get(action.plan.partnership_id)
        where = f" · {text(named)}" if named else ""
        flags = flags_html(row["flags"]) if row["flags"] else ""
        add = (
            f'<a class="govuk-link" href="{update_url(action.pk)}">Add update'
            f'<span class="govuk-visually-hidden"> to action {text(action.ref)}</span></a>'
            if row["may_update"]
            else '<span class="govuk-body-s">Signed off by the board: only admins can update it</span>'
            if row.get("signed_off")
            else ""
        )
        out.append(
            f'\n    <tr class="govuk-table__row" data-action="{text(action.pk)}">\n'
            f'      <td class="govuk-table__cell app-nowrap">{due}{overdue}</td>\n'
            f'      <td class="govuk-table__cell"><a class="govuk-link" href="{action_url(action.pk)}">'
            f'<span class="govuk-visually-hidden">Action </span>{text(action.label)}</a> {words(action.text, 25)}<br>'
            f'<span class="govuk-body-s">{text(action.plan.title)}{where}</span></td>\n'
            f'      <td class="govuk-table__cell">{rag_tag(action.status, action.last_update_on)}{flags}</td>\n'
            f'      <td class="govuk-table__cell app-nowrap">{date_text(action.last_update_on, "j M Y") or "Not yet"}</td>\n'
            f'      <td class="govuk-table__cell">{add}</td>\n'
            "    </tr>\n  "
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped


# --- Partnership home -----------------------------------------------------------------------


def _numbers(values: Iterable[int]) -> str:
    return "".join(f'<td class="govuk-table__cell govuk-table__cell--numeric">{int(n)}</td>' for n in values)


@register.simple_tag
def agency_rows(rows: Iterable[Any]) -> SafeString:
    """The <tr> of each lead agency: its counts per status, overdue and total (home.html's
    loop before)."""
    return mark_safe(  # noqa: S308 - names escaped, the rest are integers
        "".join(
            '\n      <tr class="govuk-table__row">\n'
            f'        <th scope="row" class="govuk-table__header">{text(row.name)}</th>\n'
            f"        {_numbers(row.cells)}\n"
            f"        {_numbers([row.overdue])}\n"
            f"        {_numbers([row.total])}\n"
            "      </tr>\n    "
            for row in rows
        )
    )


@register.simple_tag
def home_plan_rows(plans: Iterable[tuple[Any, Any]]) -> SafeString:
    """The <tr> of each plan with its headline figures (home.html's loop before)."""
    plan_url = url_maker("plans:plan")
    return mark_safe(  # noqa: S308 - every text escaped, the rest are integers
        "".join(
            '\n      <tr class="govuk-table__row">\n'
            f'        <th scope="row" class="govuk-table__header"><a class="govuk-link" href="{plan_url(plan.pk)}">'
            f'{text(plan.title)}</a><br><span class="govuk-body-s">{text(plan.get_kind_display())}</span></th>\n'
            f'        <td class="govuk-table__cell">{text(plan.get_stage_display())}</td>\n'
            f"        {_numbers([figures.total, figures.done, figures.red, figures.overdue, figures.due_soon])}\n"
            "      </tr>\n    "
            for plan, figures in plans
        )
    )


def _opening_words(narrative: str | None) -> str:
    """', “Audit returns slipping; only 40% in.”': an update's first words, to tell it apart."""
    if not narrative or not narrative.strip():
        return ""
    return f", “{text(Truncator(' '.join(narrative.split())).words(8, truncate='…'))}”"


@register.simple_tag(takes_context=True)
def partnership_of(context: Any, plan: Any) -> str:
    """' – Partnership name' after a plan's title for a member of several partnerships, else ''."""
    request = context.get("request")
    named = partnership_names_when_several(getattr(request, "user", None)).get(plan.partnership_id)
    return f" – {named}" if named else ""
