"""Saving what an import understood: a new plan, or a newer version of a plan already here.

`compare_draft` says what confirming would do (the preview shows it); `save_draft` does it in
one transaction. A newer version of a plan is matched action by action on the ref: new actions
are created; changed text, owner and due dates are saved as edits (so they show in the
action's history); a changed status or new progress text becomes a new progress update.
The document's dated updates (a column per update round, a progress cell written as dated
updates) are each a progress update on its date; a newer version adds those after the action's
latest update.
Actions the new document no longer has are reported, never deleted.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from intake.importer.model import Action as DraftAction
from intake.importer.model import PlanDraft
from intake.importer.model import Section as DraftSection
from intake.importer.normalise import dated_updates, parse_due
from intake.matching import AgencyMatch, OwnerMatch, OwnerMatcher, PersonMatch, no_owner_named, normalise
from plans import rules
from plans.models import (
    DEFAULT_RAG_SCHEME,
    IMPORTED_FROM,
    NARRATIVE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    WITHDRAWN,
    WORDS_REMOVED,
    Action,
    Agency,
    Colour,
    Evidence,
    Partnership,
    Person,
    Plan,
    PlanKind,
    ProgressUpdate,
    RagStatus,
    RemovedWords,
    Section,
    display_name,
    historical_model,
    words_digest,
)

# The action fields an import sets, with their labels in the users' words and their limits.
ACTION_FIELDS: list[tuple[str, str, int | None]] = [
    ("text", "Action", None),
    ("owner_text", "Owner", None),
    ("due_text", "Due", 300),
    ("due_date", "Due date", None),
    ("outcome", "Outcome sought", None),
    ("constraints", "Constraints", None),
    ("question", "Board question", 40),
]
REF_LENGTH = 40
COLOURS = {c.value for c in Colour}
DEFAULT_STATUSES = {
    key: (label, colour, definition, done) for key, label, colour, definition, done in DEFAULT_RAG_SCHEME
}


@dataclass
class FieldChange:
    name: str
    label: str
    old: Any
    new: Any


@dataclass
class PlannedUpdate:
    """A progress update an import adds: one per dated update the document gives an action (its
    update rounds, the dated updates of its progress cell), else one for the whole cell."""

    date: dt.date
    narrative: str
    status_key: str | None


@dataclass
class ActionPlan:
    """What confirming will do to one action of the document."""

    draft: DraftAction
    ref: str
    values: dict[str, Any]
    owners: OwnerMatch
    existing: Action | None = None
    changes: list[FieldChange] = field(default_factory=list)
    relink_owners: bool = True
    status_key: str | None = None
    # The progress updates confirming adds, oldest first; the last one's status is the action's.
    updates: list[PlannedUpdate] = field(default_factory=list)
    # fields changed in Oversight since the last import, which the document still has as that
    # import brought them: kept as changed here (labels, for the preview's note)
    kept_here: list[str] = field(default_factory=list)
    # what the document gives instead of an owner ('TBC', none): the owner here stays
    owner_unnamed: str = ""

    @property
    def new_update(self) -> bool:
        return bool(self.updates)

    @property
    def is_new(self) -> bool:
        return self.existing is None

    @property
    def is_changed(self) -> bool:
        return bool(self.changes) or self.new_update


@dataclass
class Comparison:
    """The preview of a confirmation: every action of the document, and what is left out."""

    actions: list[ActionPlan]
    missing: list[Action]
    new_agencies: list[AgencyMatch]
    new_people: list[PersonMatch]
    notes: list[str]
    # the plan's areas the document titles otherwise: (ref, title now, title in the document)
    retitled_sections: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def new_actions(self) -> list[ActionPlan]:
        return [a for a in self.actions if a.is_new]

    @property
    def changed_actions(self) -> list[ActionPlan]:
        return [a for a in self.actions if not a.is_new and a.is_changed]

    @property
    def unchanged_count(self) -> int:
        return sum(1 for a in self.actions if not a.is_new and not a.is_changed)

    def digest(self) -> str:
        """A fingerprint of what confirming would do: the preview sends it with the confirmation,
        so a plan changed meanwhile (a manager's edit, an action added by hand) is shown again
        rather than overwritten unseen (QA round 9)."""
        what = [
            [
                item.ref,
                item.existing.pk if item.existing else None,
                [[c.name, str(c.old), str(c.new)] for c in item.changes],
                [[str(u.date), u.narrative, u.status_key] for u in item.updates],
                sorted(item.kept_here),
            ]
            for item in self.actions
        ]
        what.append(sorted(a.pk for a in self.missing))
        what.append(sorted(a.key for a in self.new_agencies) + sorted(p.key for p in self.new_people))
        return hashlib.sha256(json.dumps(what, default=str).encode()).hexdigest()[:32]


@dataclass
class ImportResult:
    plan: Plan
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    updates: int = 0
    missing: list[str] = field(default_factory=list)
    new_agencies: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": self.plan.pk,
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "updates": self.updates,
            "missing": self.missing,
            "new_agencies": self.new_agencies,
            "new_people": self.new_people,
            "notes": self.notes,
        }


def _text(value: str | None, limit: int | None = None) -> str:
    text = (value or "").strip()
    return text[:limit] if limit else text


def draft_values(action: DraftAction) -> dict[str, Any]:
    """The model field values one document action gives, within the fields' limits."""
    return {
        "text": _text(action.text) or "(no action text)",
        "owner_text": _text(action.owner),
        "due_text": _text(action.due_text, 300),
        "due_date": action.due,
        "outcome": _text(action.outcome),
        "constraints": _text(action.constraints),
        "question": _text(action.question, 40),
    }


def _ref_less_key(section: str | None, text: str) -> tuple[str, str]:
    return (normalise(section or ""), normalise(text))


def _refs(draft: PlanDraft) -> tuple[list[str], list[str]]:
    """Each action's ref; a ref printed twice gets " (2)" so neither row is lost."""
    refs, notes, seen = [], [], {}
    for action in draft.actions:
        ref = _text(action.ref, REF_LENGTH)
        if ref:
            count = seen.get(ref, 0) + 1
            seen[ref] = count
            if count > 1:
                unique = f"{ref[: REF_LENGTH - 5]} ({count})"
                notes.append(f"The document has two actions with ref {ref}: the second is saved as {unique}.")
                ref = unique
        refs.append(ref)
    return refs, notes


LATEST_FIRST = ("-date", "-created", "-pk")


def _update_day(item: ActionPlan, day: dt.date) -> dt.date:
    """The date of an imported progress update: the date of the update round the document says it
    is from ('Update Mar 2024'), else the plan's 'as at' date (or today). Never after `day` (no
    update from the future), nor before the action's latest update (the new one must stay the
    latest, whose status is the action's)."""
    own = item.draft.progress_date
    if own is None or own > day:
        return day
    latest = _latest_update(item.existing) if item.existing is not None else None
    return day if latest is not None and own < latest.date else own


def _latest_update(action: Action) -> ProgressUpdate | None:
    # The updates are prefetched newest first (see compare_draft): no query per action.
    return next(iter(action.updates.all()), None)


SECTION_REF_LENGTH = 40


def fit_sections(draft: PlanDraft) -> PlanDraft:
    """A copy of the draft whose section refs fit the database, so the preview and the save agree.

    Some documents give a section only a long heading: the ref is cut to fit and the whole
    heading kept as the section's title.
    """
    draft = copy.deepcopy(draft)
    for action in draft.actions:
        # what the pages let a person write: longer, the action could never be changed again
        for name, limit in LONGEST_FIELDS:
            value = getattr(action, name)
            if value and len(value) > limit:
                setattr(action, name, value[: limit - 1].rstrip() + "…")

    def fit(ref: str | None) -> str | None:
        return ref.strip()[:SECTION_REF_LENGTH] if ref else ref

    known = set()
    for section in draft.sections:
        if section.ref and len(section.ref.strip()) > SECTION_REF_LENGTH and not section.title:
            section.title = section.ref.strip()
        section.ref, section.parent = fit(section.ref) or "", fit(section.parent)
        known.add(section.ref)
    for action in draft.actions:
        if action.section and fit(action.section) not in known:
            title = action.section.strip() if len(action.section.strip()) > SECTION_REF_LENGTH else ""
            draft.sections.append(DraftSection(ref=fit(action.section) or "", title=title))
            known.add(fit(action.section))
        action.section = fit(action.section)
    return draft


# An action's fields the pages limit (an action's words, its outcome and constraints, its progress).
LONGEST_FIELDS = [
    ("text", TEXT_MAX_LENGTH),
    ("outcome", TEXT_MAX_LENGTH),
    ("constraints", TEXT_MAX_LENGTH),
    ("progress", NARRATIVE_MAX_LENGTH),
]
LONGEST_LABELS = {
    "text": "words",
    "outcome": "outcome sought",
    "constraints": "constraints",
    "progress": "progress",
}


def length_notes(draft: PlanDraft) -> list[str]:
    """For the preview: each field longer than the pages allow, which the import cuts."""
    notes = []
    for action in draft.actions:
        for name, limit in LONGEST_FIELDS:
            value = getattr(action, name)
            if value and len(value) > limit:
                notes.append(
                    f"{action.ref or action.text[:60]}: its {LONGEST_LABELS[name]} run to {len(value):,} "
                    f"characters, more than the {limit:,} an action can hold; only the first {limit:,} are "
                    "kept. Shorten them in the document and import it again to choose what stays."
                )
    return notes


def onto_plan(draft: PlanDraft, plan: Plan | None) -> PlanDraft:
    """The draft in the plan's own terms, for a newer version of it: a section named as the plan
    names it ('PUR Pursue (prosecuting ...)', as this service's export writes an action's section)
    is that section, whatever reference the document gave it; a status the plan has under another
    name for the same meaning (the document's 'complete' for the plan's one done status, 'Blue') is
    that status. Without this, re-importing the plan's own export opened new sections and a new status."""
    if plan is None:
        return draft
    existing = list(plan.sections.all())
    refs = {s.ref for s in existing if s.ref}
    named = {normalise(str(s)): s.ref for s in existing if s.ref}
    renamed: dict[str, str] = {}
    # a heading naming the plan itself over its sections (a board pack's title over the plan's
    # tables) is the plan, not a section of it: its sections are the plan's own
    holding = {a.section for a in draft.actions}
    itself = {
        s.ref: s.parent or ""
        for s in draft.sections
        if s.ref
        and s.ref not in refs
        and s.ref not in holding
        and normalise(s.title or s.ref) == normalise(plan.title)
    }
    for section in draft.sections:
        if not section.ref or section.ref in refs or section.ref in itself:
            continue
        for name in (section.title, section.ref, f"{section.ref} {section.title}"):
            if name and normalise(name) in named:
                renamed[section.ref] = named[normalise(name)]
                break
    if renamed or itself:
        draft = copy.deepcopy(draft)
        kept = []
        for section in draft.sections:
            if section.ref in renamed or section.ref in itself:
                continue  # the plan's own section (or the plan) stands for it
            section.parent = itself.get(section.parent or "", section.parent) or None
            section.parent = renamed.get(section.parent or "", section.parent)
            kept.append(section)
        draft.sections = kept
        for action in draft.actions:
            action.section = renamed.get(action.section or "", action.section)
    statuses = list(plan.rag_statuses.all())
    keys = {s.key for s in statuses}
    done = [s.key for s in statuses if s.is_done]
    if (
        len(done) == 1
        and "complete" not in keys
        and any(
            a.rag == "complete" or any(u.rag == "complete" for u in a.earlier_updates) for a in draft.actions
        )
    ):
        draft = copy.deepcopy(draft)
        for action in draft.actions:
            action.rag = done[0] if action.rag == "complete" else action.rag
            for update in action.earlier_updates:
                update.rag = done[0] if update.rag == "complete" else update.rag
    return draft


def import_day(draft: PlanDraft, today: dt.date | None = None) -> dt.date:
    """The date an import's progress is as at: the plan's own 'as at' date, else today."""
    return draft.plan.as_at or today or timezone.localdate()


def _dated_updates(progress: str, day: dt.date) -> list[tuple[dt.date, str]]:
    """The dated updates of a progress cell, unless one is dated after `day` (a typing slip
    in the document): then the cell stays one update, dated as `_update_day` says."""
    entries = dated_updates(progress)
    return entries if all(date <= day for date, _words in entries) else []


def _spoken(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _future_update_note(ref: str, progress: str, day: dt.date) -> str | None:
    """What the preview says of a progress cell kept whole because it names a later date."""
    later = [date for date, _words in dated_updates(progress) if date > day]
    if not later:
        return None
    return (
        f"{ref}: the progress has an update dated {_spoken(later[0])}, after the plan's date "
        f"({_spoken(day)}); it is saved as one update of {_spoken(day)}. Check the date in the document."
    )


def _document_updates(
    item: ActionPlan, day: dt.date, status_before: str | None
) -> tuple[list[PlannedUpdate], PlannedUpdate, bool]:
    """Every update the document gives an action: those before its latest (earlier update
    rounds, the earlier dated updates of its progress cell), oldest first, and its latest, with
    whether that latest was read from a dated update of the cell. An update the document does not
    rate keeps the status before it (`status_before` for the first): a status holds until an
    update changes it."""
    progress = _text(item.draft.progress)
    entries = _dated_updates(progress, day)
    if entries:
        latest = PlannedUpdate(entries[-1][0], entries[-1][1], item.status_key)
    else:
        latest = PlannedUpdate(_update_day(item, day), progress, item.status_key)
    earlier = [PlannedUpdate(date, words, None) for date, words in entries[:-1]] + [
        PlannedUpdate(u.date, _text(u.progress), u.rag) for u in item.draft.earlier_updates
    ]
    earlier = sorted((u for u in earlier if u.date < latest.date), key=lambda u: u.date)
    carried = status_before
    for update in [*earlier, latest]:
        update.status_key = carried = update.status_key or carried
    return earlier, latest, bool(entries)


def compare_draft(
    draft: PlanDraft, partnership: Partnership, plan: Plan | None = None, today: dt.date | None = None
) -> Comparison:
    """What confirming the draft would create and change (nothing is written)."""
    too_long = length_notes(draft)
    draft = onto_plan(fit_sections(draft), plan)
    day = import_day(draft, today)
    matcher = OwnerMatcher(partnership)
    refs, notes = _refs(draft)
    notes += too_long
    by_ref: dict[str, Action] = {}
    by_text: dict[tuple[str, str], list[Action]] = {}
    if plan is not None:
        for existing in plan.actions.select_related("section", "status", "lead_agency").prefetch_related(
            "owners",
            "owner_agencies",
            Prefetch(
                "updates", queryset=ProgressUpdate.objects.order_by(*LATEST_FIRST).select_related("status")
            ),
        ):
            if existing.ref:
                by_ref[existing.ref] = existing
            else:
                section_ref = existing.section.ref if existing.section else ""
                # The same text can sit twice in one section (one row per agency): keep them all.
                by_text.setdefault(_ref_less_key(section_ref, existing.text), []).append(existing)
    removed = _removed_here(plan, set(by_ref)) if plan is not None else {}
    known = [a.pk for a in by_ref.values()] + [a.pk for listed in by_text.values() for a in listed]
    withdrawn = _withdrawn_here(known) if known else {}
    imported = _last_imported(known) if known else {}
    last = last_import(plan) if plan is not None else None
    document_then = _last_document_values(last) if known else {}
    # A ref-less action reworded in Oversight since the last import is still the document's row
    # with the words that import brought (found by them when its own words are not in the document).
    by_imported_text: dict[tuple[str, str], list[Action]] = {}
    for listed in by_text.values():
        for action in listed:
            record = imported.get(action.pk)
            if record is not None and normalise(record.text) != normalise(action.text):
                section_ref = action.section.ref if action.section else ""
                by_imported_text.setdefault(_ref_less_key(section_ref, record.text), []).append(action)
    removed_ref_less = _removed_ref_less_here(plan, by_text) if plan is not None else {}
    section_refs = dict(plan.sections.values_list("pk", "ref")) if plan is not None else {}
    ref_less_words = Counter(
        normalise(_text(a.text)) for a, ref in zip(draft.actions, refs, strict=True) if not ref
    )
    plans: list[ActionPlan] = []
    matched: set[int] = set()
    carried = carried_fields(draft)
    for draft_action, ref in zip(draft.actions, refs, strict=True):
        values = draft_values(draft_action)
        if ref and ref in removed:
            # the board dropped it here since: a newer copy of the document that still lists it
            # does not bring it back unseen
            notes.append(removed[ref])
            continue
        if ref:
            existing = by_ref.get(ref)
        else:
            key = _ref_less_key(draft_action.section, values["text"])
            candidates = by_text.get(key, []) + by_imported_text.get(key, [])
            existing = next((a for a in candidates if a.pk not in matched), None)
            if existing is None and ref_less_words[key[1]] == 1:
                # the same words under another area: the action moved, one of a kind in the
                # plan and in the document (QA round 8: it was added again beside itself)
                elsewhere = [a for listed in by_text.values() for a in listed if normalise(a.text) == key[1]]
                if len(elsewhere) == 1 and elsewhere[0].pk not in matched:
                    existing = elsewhere[0]
            if existing is None and key in removed_ref_less:
                notes.append(removed_ref_less.pop(key))
                continue
        if existing is not None and existing.pk in matched:
            existing = None
        item = ActionPlan(
            draft=draft_action,
            ref=ref,
            values=values,
            owners=matcher.match_action(draft_action),
            existing=existing,
            status_key=draft_action.rag or None,
        )
        if note := _future_update_note(ref or values["text"][:60], _text(draft_action.progress), day):
            notes.append(note)
        if existing is None:
            if draft_action.rag or _text(draft_action.progress):
                earlier, latest, _dated = _document_updates(item, day, None)
                item.updates = [*earlier, latest]
        else:
            matched.add(existing.pk)
            if note := _compare_existing(
                item,
                existing,
                day,
                carried,
                withdrawn.get(existing.pk),
                imported.get(existing.pk),
                section_refs,
                document_then.get(existing.ref) if existing.ref else None,
            ):
                notes.append(note)
            if item.owner_unnamed:
                notes.append(
                    f"{item.ref or values['text'][:60]}: the document gives {item.owner_unnamed!r} as its owner: "
                    f"its owner here stays {existing.owner_text!r}, and its agency's contributors keep it."
                )
            if item.kept_here:
                notes.append(
                    f"{item.ref or values['text'][:60]}: kept as changed in Oversight since the last import "
                    f"(the document still has what that import brought): {', '.join(item.kept_here)}."
                )
        plans.append(item)
    if plan is not None and (note := _another_plan_note(draft, plan, plans)):
        notes.insert(0, note)
    if plan is not None and (note := _older_version_note(draft, last)):
        notes.insert(0, note)
    missing = [a for a in (plan.actions.order_by("order", "pk") if plan else []) if a.pk not in matched]
    notes += _look_alike_notes(plans, missing)
    notes += _agencies_losing_actions(plans)
    used_agencies = {a.key for item in plans if item.relink_owners for a in item.owners.agencies}
    used_people = {p.key for item in plans if item.relink_owners for p in item.owners.people}
    titles = {s.ref: s.title for s in plan.sections.all()} if plan is not None else {}
    retitled = [
        (s.ref, titles[s.ref], s.title)
        for s in draft.sections
        if s.ref in titles and s.title and s.title != s.ref and normalise(s.title) != normalise(titles[s.ref])
    ]
    return Comparison(
        retitled_sections=retitled,
        actions=plans,
        missing=missing,
        new_agencies=[a for a in matcher.proposed_agencies.values() if a.key in used_agencies],
        new_people=[p for p in matcher.proposed_people.values() if p.key in used_people],
        notes=notes,
    )


def _removed_here(plan: Plan, present: set[str]) -> dict[str, str]:
    """The references of actions removed from the plan in Oversight (and not there again), each with
    the note an import still listing it gives: who removed it and when (one query)."""
    notes: dict[str, str] = {}
    gone = (
        historical_model(Action)
        .objects.filter(plan_id=plan.pk, history_type="-")
        .exclude(ref="")
        .select_related("history_user")
        .order_by("history_date")
    )
    for record in gone:
        if record.ref in present:
            continue
        who = display_name(record.history_user) if record.history_user else ""
        when = _spoken(timezone.localdate(record.history_date))
        notes[record.ref] = (
            f"{record.ref} is in the document but was removed from the plan in Oversight on {when}"
            f"{f' by {who}' if who else ''}: it is left out. Add it on the plan's page if it should be back."
        )
    return notes


def _agencies_losing_actions(items: list[ActionPlan]) -> list[str]:
    """An action whose owner changes from a known agency to a new one: perhaps that agency renamed
    ('Northshire Constabulary' for 'Northshire Police'), when saving would take the action from the
    agency's contributors (QA round 7)."""
    notes = []
    for item in items:
        if item.existing is None or not item.relink_owners:
            continue
        kept = {m.agency.pk for m in item.owners.agencies if m.agency is not None}
        lost = [a for a in item.existing.owner_agencies.all() if a.pk not in kept]
        new = [m.name for m in item.owners.agencies if m.agency is None]
        if lost and new:
            label = item.ref or f"“{item.values['text'][:60]}”"
            was, now = ", ".join(str(a) for a in lost), ", ".join(new)
            notes.append(
                f"{label}: its agency would change from {was} to {now}, a new agency. If {was} has been renamed, "
                f"rename it under the partnership's agencies first and import again; otherwise {was}'s contributors "
                f"can no longer update {label}."
            )
    return notes


_LOOKS_ALIKE = 0.75  # words this alike are one action reworded, moved or renumbered, more likely than two


def _look_alike_notes(items: list[ActionPlan], missing: list[Action]) -> list[str]:
    """A new action worded like one of the plan's no longer in the document: perhaps the same action
    reworded, moved or renumbered, which saving would leave open beside its copy (QA round 7)."""
    notes: list[str] = []
    new = [i for i in items if i.is_new]
    if len(new) * len(missing) > 20_000:
        return notes  # a different plan altogether: `_another_plan_note` says so
    for item in new:
        words = normalise(item.values["text"])
        best = max(
            missing, key=lambda a: SequenceMatcher(None, normalise(a.text), words).ratio(), default=None
        )
        if best is not None and SequenceMatcher(None, normalise(best.text), words).ratio() >= _LOOKS_ALIKE:
            added = item.ref or f"“{item.values['text'][:60]}”"
            old = best.ref or f"“{best.text[:60]}”"
            notes.append(
                f"New action {added} is worded like {old}, which is no longer in the document: if it is the same "
                f"action reworded, moved or renumbered, change {old} on the plan's page instead, or remove {old} "
                "once this is saved."
            )
    return notes


def _removed_ref_less_here(
    plan: Plan, present: dict[tuple[str, str], list[Action]]
) -> dict[tuple[str, str], str]:
    """As `_removed_here`, for actions without a ref: by section and words, each with its note."""
    notes: dict[tuple[str, str], str] = {}
    gone = (
        historical_model(Action)
        .objects.filter(plan_id=plan.pk, history_type="-", ref="")
        .select_related("history_user")
        .order_by("history_date")
    )
    records = list(gone)
    sections = dict(plan.sections.filter(pk__in={r.section_id for r in records}).values_list("pk", "ref"))
    for record in records:
        key = _ref_less_key(sections.get(record.section_id, ""), record.text)
        if key in present:
            continue
        who = display_name(record.history_user) if record.history_user else ""
        when = _spoken(timezone.localdate(record.history_date))
        notes[key] = (
            f"“{record.text[:60]}” is in the document but was removed from the plan in Oversight on {when}"
            f"{f' by {who}' if who else ''}: it is left out. Add it on the plan's page if it should be back."
        )
    return notes


@dataclass
class LastImport:
    """The plan's last saved import and the draft it read (as every saved draft is read,
    intake.drafts), read once per comparison for the older-version check and the kept changes."""

    filename: str
    finished: dt.datetime | None
    draft: PlanDraft


def last_import(plan: Plan) -> LastImport | None:
    from intake.drafts import draft_from_json
    from intake.models import BatchStatus, ImportBatch

    batch = (
        ImportBatch.objects.filter(saved_plan=plan, status=BatchStatus.SAVED)
        .order_by("-finished", "-pk")
        .only("filename", "finished", "draft")
        .first()
    )
    if batch is None or not batch.draft:
        return None
    return LastImport(batch.filename, batch.finished, draft_from_json(batch.draft))


def _older_version_note(draft: PlanDraft, last: LastImport | None) -> str | None:
    """A warning when the document says it is older than the copy last imported into the plan (the
    March version picked from the shared drive after June's): its wording and owners would go back."""
    last_day = last.draft.plan.as_at if last is not None else None
    if (
        last is not None
        and last_day is not None
        and draft.plan.as_at is not None
        and draft.plan.as_at < last_day
    ):
        when = timezone.localdate(last.finished) if last.finished else None
        return (
            f"Check you chose the latest version: this document gives the plan as at {_spoken(draft.plan.as_at)}, "
            f"older than {last.filename} imported{f' on {_spoken(when)}' if when else ''} "
            f"(as at {_spoken(last_day)}). Saving would put back its older wording, owners and dates."
        )
    return None


def _another_plan_note(draft: PlanDraft, plan: Plan, items: list[ActionPlan]) -> str | None:
    """A warning when the document looks like another plan than the one it would update: most
    actions matched by reference are worded quite differently (refs such as 1.1 are in every
    plan). One click would otherwise rewrite the plan with another plan's actions."""
    matched = [(i.existing.text, i.values["text"]) for i in items if i.existing is not None]
    rewritten = [
        pair
        for pair in matched
        if SequenceMatcher(None, normalise(pair[0]), normalise(pair[1])).ratio() < 0.5
    ]
    if not matched or len(rewritten) < max(2, (len(matched) + 1) // 2):
        return None
    title = (draft.plan.title or "").strip()
    named = (
        f" The document's title is “{title[:120]}”, the plan's “{plan.title[:120]}”."
        if title and normalise(title) != normalise(plan.title)
        else ""
    )
    return (
        f"Check you chose the right plan: {len(rewritten)} of the {len(matched)} actions this document "
        f"shares references with are worded quite differently in it, so saving would rewrite them.{named}"
    )


def carried_fields(draft: PlanDraft) -> set[str]:
    """The action fields the document has at all (a column, a label) for some action. A field it
    never fills (no outcome column, say) is not the document emptying what a manager wrote in
    Oversight: a newer version leaves it as it is. The due date goes with its wording."""
    filled = {name for action in draft.actions for name, value in draft_values(action).items() if value}
    if "due_text" in filled:
        filled.add("due_date")
    return filled | {"text"}


_DATE_OPENING = re.compile(
    r"^\s*(\d{1,2}\s+\w+\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\s*[:–-]\s*"
)


def _quotes_latest(progress: str, previous: ProgressUpdate | None, constraints: str) -> bool:
    """The document's progress is the action's latest update as this service's board pack prints
    it: its date before it, the action's constraints after it, perhaps shortened with '…'."""
    if previous is None or not previous.narrative:
        return False
    text = progress
    opening = _DATE_OPENING.match(text)
    if opening:
        if parse_due(opening[1]) != previous.date:
            return False
        text = text[opening.end() :]
    if constraints:
        text = text.replace(f"Constraints: {constraints}", "")
    shortened = text.rstrip().endswith("…")
    said, held = normalise(text), normalise(previous.narrative)
    if shortened:
        return bool(said) and held.startswith(said)
    return said == held


def _made(update: ProgressUpdate) -> str:
    """Where an update came from, in the preview's words: typed in Oversight, or brought in by an
    earlier import (its history's reason names the document)."""
    reason = (
        historical_model(ProgressUpdate)
        .objects.filter(id=update.pk, history_type="+")
        .values_list("history_change_reason", flat=True)
        .first()
    )
    if reason and reason.startswith(IMPORTED_FROM):
        return f"imported from {reason[len(IMPORTED_FROM) :]}"
    return "made in Oversight"


def _repeated_update(
    existing: Action, previous: ProgressUpdate | None, progress: str
) -> ProgressUpdate | None:
    """An update of the action, older than its latest, whose words are the document's progress."""
    if previous is None or not progress or normalise(progress) == normalise(previous.narrative or ""):
        return None
    said = normalise(progress)
    return next(
        (
            u
            for u in existing.updates.all()
            if u.pk != previous.pk and u.narrative and normalise(u.narrative) == said
        ),
        None,
    )


def _last_document_values(last: LastImport | None) -> dict[str, dict[str, Any]]:
    """The field values the plan's last saved import read from its document, by reference. The
    history record that import left holds a field kept as changed in Oversight as Oversight had it,
    not as the document said: compared with that, the next import took the document's unchanged
    value for a change and put it back (QA round 9)."""
    if last is None:
        return {}
    values: dict[str, dict[str, Any]] = {}
    for ref, action in zip(_refs(last.draft)[0], last.draft.actions, strict=True):
        if ref:
            values.setdefault(ref, {**draft_values(action), "progress": _text(action.progress)})
    return values


def _last_imported(actions: Collection[int]) -> dict[int, Any]:
    """Each action's history record as the last import of its plan left it (the values a newer copy
    of the document is compared with, to tell its changes from those made in Oversight since)."""
    latest: dict[int, Any] = {}
    records = (
        historical_model(Action)
        .objects.filter(id__in=list(actions), history_change_reason__startswith=IMPORTED_FROM)
        .order_by("history_date", "history_id")
    )
    for record in records:
        latest[record.id] = record  # the last one wins
    return latest


def _same(a: Any, b: Any) -> bool:
    """Two values of a field alike: words alike whatever their spacing, empty alike however empty."""
    if isinstance(a, str) or isinstance(b, str):
        return " ".join((a or "").split()) == " ".join((b or "").split())
    return (a or None) == (b or None)


def _withdrawn_here(actions: Collection[int]) -> dict[int, dict[Any, Any]]:
    """Per action, its updates withdrawn in Oversight (by date and words), each with a note for the
    preview saying who withdrew it, when and why (one query)."""
    found: dict[int, dict[Any, Any]] = {}
    records = (
        historical_model(ProgressUpdate)
        .objects.filter(
            action_id__in=list(actions), history_type="-", history_change_reason__startswith=WITHDRAWN
        )
        .select_related("history_user")
    )
    for action_id, digest in RemovedWords.objects.filter(action_id__in=list(actions)).values_list(
        "action_id", "digest"
    ):
        found.setdefault(action_id, {}).setdefault(_DIGESTS, set()).add(digest)
    for record in records:
        who = display_name(record.history_user) if record.history_user else ""
        found.setdefault(record.action_id, {})[(record.date, normalise(record.narrative))] = (
            f"its update of {_spoken(record.date)} was withdrawn in Oversight{f' by {who}' if who else ''} on "
            f"{_spoken(timezone.localdate(record.history_date))} "
            f"({record.history_change_reason.removeprefix(WITHDRAWN)}), so it is left out."
        )
    return found


_WORDS_GONE = normalise(WORDS_REMOVED)
_DIGESTS = "digests"  # (a key of `withdrawn` holding the fingerprints of words removed with an update)


def _withdrawal_note(update: PlannedUpdate, withdrawn: dict[Any, Any]) -> str | None:
    """The note saying a document's update was withdrawn here, or None: the same day and words, the
    same words on another day (next month's copy dates an undated cell anew: QA round 8), words
    whose fingerprint was kept when they were removed from the history, or, for an update whose
    words went before fingerprints were kept, its day alone."""
    words = normalise(update.narrative)
    if (update.date, words) in withdrawn:
        return str(withdrawn[(update.date, words)])
    same_words = [note for key, note in withdrawn.items() if key != _DIGESTS and words and key[1] == words]
    if same_words:
        return str(same_words[0])
    if (update.date, _WORDS_GONE) in withdrawn:
        return str(withdrawn[(update.date, _WORDS_GONE)])
    if words and words_digest(update.narrative) in withdrawn.get(_DIGESTS, ()):
        return (
            "an update with these words was withdrawn in Oversight and its words removed, so it is left out."
        )
    return None


def _compare_existing(
    item: ActionPlan,
    existing: Action,
    day: dt.date,
    carried: set[str],
    withdrawn: dict[Any, Any] | None = None,
    base: Any = None,
    section_refs: dict[int, str] | None = None,
    document_then: dict[str, Any] | None = None,
) -> str | None:
    """Fill in what confirming changes of an action already in the plan; returns a note for the
    preview when the document's progress is older than the action's, or repeats an update
    withdrawn here (`withdrawn`: see `_withdrawn_here`). A field the document still has as the last
    import brought it (`document_then`: that import's document's values, see `_last_document_values`;
    else `base`, see `_last_imported`) but changed in Oversight since stays as changed."""
    for name, label, _limit in ACTION_FIELDS:
        if name not in carried:
            continue
        old, new = getattr(existing, name), item.values[name]
        if name == "owner_text" and old and no_owner_named(new):
            # the document names nobody ('TBC', or an emptied cell): the owner here and its agency's
            # contributors keep the action, and the preview says so (QA round 8)
            item.values[name] = old
            item.owner_unnamed = (new or "").strip() or "no owner"
            continue
        if _same(old, new):
            # (the same words, only wrapped otherwise, an owner cell of two lines read as one: kept
            # as they are, line breaks and all)
            item.values[name] = old
            continue
        # what the last import's document said: its draft where kept, else the record it left
        brought = (
            document_then[name]
            if document_then is not None and name in document_then
            else getattr(base, name)
            if base is not None
            else None
        )
        if (
            (base is not None or document_then is not None)
            and _same(new, brought)
            and not _same(old, brought)
        ):
            # the document has what the last import brought; the change is Oversight's since
            item.values[name] = old
            item.kept_here.append(label.lower())
            continue
        item.changes.append(FieldChange(name, label, old, new))
    old_section = existing.section.ref if existing.section else ""
    if item.draft.section and normalise(item.draft.section) != normalise(old_section):
        imported_into = (section_refs or {}).get(base.section_id) if base is not None else None
        if imported_into is not None and normalise(imported_into) == normalise(item.draft.section):
            # moved to another area in Oversight since the last import, whose area the document
            # still gives: the move stays (QA round 7), as a changed text or date does
            item.draft.section = old_section or None
            item.kept_here.append("area")
        else:
            item.changes.append(FieldChange("section", "Section", old_section, item.draft.section))
    # Owners follow the owner text: while the document's text is unchanged, links that a
    # manager corrected by hand stay as they are.
    item.relink_owners = any(c.name == "owner_text" for c in item.changes)
    previous = _latest_update(existing)
    old_key = existing.status.key if existing.status else None
    old_narrative = previous.narrative if previous else ""
    progress = _text(item.draft.progress)
    status_changed = bool(item.status_key) and item.status_key != old_key
    if not item.status_key:
        # New progress without a rating keeps the status the action already has.
        item.status_key = old_key
    if not progress and not status_changed:
        return None
    earlier, latest, dated = _document_updates(item, day, old_key)
    # Only updates after the action's latest one are new: a plan kept in Word or Excel grows by
    # an update round, or a dated update in the cell, each month. One already recorded (the same
    # day and words) is never recorded twice.
    recorded = {(u.date, normalise(u.narrative)) for u in existing.updates.all()}
    withdrawn = withdrawn or {}
    # an update withdrawn here is not brought back by a document still carrying it
    gone = [note for u in [*earlier, latest] if (note := _withdrawal_note(u, withdrawn))]
    newer = [
        u
        for u in earlier
        if (previous is None or u.date > previous.date)
        and (u.date, normalise(u.narrative)) not in recorded
        and _withdrawal_note(u, withdrawn) is None
    ]
    if _withdrawal_note(latest, withdrawn) is not None:
        item.status_key = old_key
        item.updates = newer
        if newer:
            added = " ".join(u.narrative for u in newer if u.narrative)
            item.changes.append(FieldChange("progress", "Progress", old_narrative, added))
        return f"{item.ref or item.values['text'][:60]}: {gone[-1]}"
    progress_changed = (
        bool(progress)
        and normalise(progress) != normalise(old_narrative)
        and not _quotes_latest(progress, previous, existing.constraints)
    )
    note = None
    repeated = _repeated_update(existing, previous, progress)
    repeated_key = repeated.status.key if repeated is not None and repeated.status else None
    if repeated is not None and previous is not None and latest.status_key in (None, repeated_key):
        # The document's words and status for the action are an update recorded before the latest
        # one made here (a newer copy of the plan that left this row as it was): history, not news.
        note = (
            f"{item.ref or item.values['text'][:60]}: the document repeats its update of "
            f"{_spoken(repeated.date)}; the later update of {_spoken(previous.date)} "
            f"{_made(previous)} since is kept."
        )
        item.status_key = old_key
        item.updates = newer
        if newer:
            added = " ".join(u.narrative for u in newer if u.narrative)
            item.changes.append(FieldChange("progress", "Progress", old_narrative, added))
        return note
    # the same words as the last import's document, now dated the day of an update made here since
    # (only the document's date line moved): no news to put over that update (QA round 9)
    unchanged_since = (
        previous is not None
        and latest.date == previous.date
        and not dated
        and document_then is not None
        and bool(progress)
        and _same(progress, document_then.get("progress"))
    )
    if previous is not None and (latest.date < previous.date or unchanged_since):
        # The document is older than an update made here since: its status and progress are
        # history, not news (a status change it seems to make would not show).
        if status_changed or (
            progress_changed and (latest.date, normalise(latest.narrative)) not in recorded
        ):
            note = (
                f"{item.ref or item.values['text'][:60]}: the document's progress is as the last import "
                f"brought it, and the update of {_spoken(previous.date)} {_made(previous)} since is kept, "
                "so it is left out."
                if unchanged_since
                else f"{item.ref or item.values['text'][:60]}: the document's progress (as at "
                f"{_spoken(latest.date)}) is older than the update of {_spoken(previous.date)} "
                f"{_made(previous)} since, so it is left out."
            )
        status_changed = progress_changed = False
        item.status_key = old_key
    elif dated and previous is not None and latest.date == previous.date:
        # the latest dated update, reworded in the document, keeps its date
        progress_changed = progress_changed and normalise(latest.narrative) != normalise(old_narrative)
    item.updates = newer + ([latest] if status_changed or progress_changed else [])
    if status_changed:
        item.changes.append(FieldChange("status", "Status", old_key, latest.status_key))
    if newer or progress_changed:
        added = " ".join(u.narrative for u in item.updates if u.narrative)
        item.changes.append(FieldChange("progress", "Progress", old_narrative, added))
    return note


def _status_row(plan: Plan, key: str, order: int) -> RagStatus:
    label, colour, definition, done = DEFAULT_STATUSES.get(
        key, (key.replace("_", " ").capitalize(), "grey", "", False)
    )
    return RagStatus.objects.create(
        plan=plan,
        key=key[:30],
        label=label[:60],
        colour=colour,
        definition=definition,
        order=order,
        is_done=done,
    )


def _create_scheme(plan: Plan, draft: PlanDraft) -> None:
    if not draft.rag_scheme:
        plan.add_default_rag_scheme()
        return
    for order, status in enumerate(draft.rag_scheme):
        default = DEFAULT_STATUSES.get(status.key)
        colour = status.colour if status.colour in COLOURS else (default[1] if default else "grey")
        RagStatus.objects.create(
            plan=plan,
            key=status.key[:30],
            label=(status.label or (default[0] if default else status.key.capitalize()))[:60],
            colour=colour,
            definition=status.definition or "",
            order=order,
            is_done=status.done or bool(default and default[3]),
        )


def _save_sections(
    plan: Plan, draft: PlanDraft, used: set[str], may_change: Callable[[Section | None], bool]
) -> dict[str, Section]:
    """The section tree: sections matched by ref, titles updated, new ones added; a section
    `may_change` refuses (signed off) keeps its title and place, and nothing moves into it."""
    sections = {s.ref: s for s in plan.sections.all() if s.ref}
    wanted = {s.ref: s for s in reversed(draft.sections) if s.ref}  # the first of a duplicated ref wins
    order = plan.sections.count()
    for ref in [s.ref for s in draft.sections if s.ref] + sorted(used - set(wanted)):
        if ref in sections:
            source = wanted.get(ref)
            section = sections[ref]
            if source and source.title and source.title != section.title and may_change(section):
                section.title = source.title
                section.save()
            continue
        source = wanted.get(ref)
        sections[ref] = Section.objects.create(
            plan=plan,
            ref=ref[:40],
            title=(source.title if source else "") or "",
            what_needs_to_improve=(source.what_needs_to_improve if source else "") or "",
            what_inspectors_found=(source.what_inspectors_found if source else "") or "",
            order=order,
        )
        order += 1
    for ref, source in wanted.items():
        section = sections[ref]
        parent = sections.get(source.parent) if source.parent else None
        if (
            parent is not None
            and not _would_loop(section, parent)
            and section.parent_id != parent.pk
            and may_change(section)
            and may_change(parent)
        ):
            section.parent = parent
            section.save()
    return sections


def _would_loop(section: Section, parent: Section) -> bool:
    node: Section | None = parent
    while node is not None:
        if node.pk == section.pk:
            return True
        node = node.parent
    return False


def save_draft(
    draft: PlanDraft,
    partnership: Partnership,
    user: Any,
    plan: Plan | None = None,
    *,
    title: str | None = None,
    kind: str | None = None,
    create_owners: bool | Collection[str] = True,
    today: dt.date | None = None,
) -> ImportResult:
    """Save a draft as a new plan, or as a newer version of `plan`, in one transaction.

    `create_owners`: add every new agency and person the document names (True), none (False), or
    those whose keys are given (the ones the manager left ticked in the preview)."""
    if plan is not None and plan.partnership_id != partnership.pk:
        raise ValueError("The plan belongs to another partnership.")
    draft = fit_sections(draft)
    reason = f"{IMPORTED_FROM}{draft.document}"[:100]
    day = import_day(draft, today)
    with transaction.atomic():
        if plan is None:
            plan = Plan(
                partnership=partnership,
                title=(title or draft.plan.title or draft.document or "Imported plan")[:500],
                kind=kind or (draft.plan.kind if draft.plan.kind in PlanKind.values else PlanKind.OTHER),
                source_document=draft.document[:255],
            )
            _stamp(plan, user, reason)
            plan.save()
            _create_scheme(plan, draft)
        else:
            plan = Plan.objects.select_for_update().get(pk=plan.pk)
            changed = False
            for name, value in (("title", title), ("kind", kind), ("source_document", draft.document[:255])):
                if value and getattr(plan, name) != value:
                    setattr(plan, name, value)
                    changed = True
            if changed:
                _stamp(plan, user, reason)
                plan.save()
        draft = onto_plan(draft, plan)
        comparison = compare_draft(draft, partnership, plan, today=day)
        result = ImportResult(plan=plan, notes=list(comparison.notes))
        statuses = {s.key: s for s in plan.rag_statuses.all()}
        for item in comparison.actions:
            for key in [item.status_key, *(u.status_key for u in item.updates)]:
                if key and key not in statuses:
                    statuses[key] = _status_row(plan, key, len(statuses))
        used_sections = {a.draft.section for a in comparison.actions if a.draft.section}

        def may_change(section: Section | None) -> bool:
            """A signed-off area is closed to plan managers (`plans.rules`): an import by one
            leaves its sections and actions as they are and adds nothing to it."""
            return section is None or section.pk is None or rules.can_edit_section(user, section)

        sections = _save_sections(plan, draft, used_sections, may_change)
        wanted = None if create_owners is True else set(create_owners or ())
        owners = _create_owners(partnership, comparison, wanted)
        next_order = (max((a.order for a in plan.actions.all()), default=-1)) + 1
        new_actions: list[Action] = []
        links: list[tuple[list[Agency], list[Person]]] = []
        updates: list[ProgressUpdate] = []
        touched: list[Action] = []
        for item in comparison.actions:
            section = sections.get(item.draft.section) if item.draft.section else None
            existing = None if item.is_new else item.existing
            if (item.is_new or item.is_changed) and (
                (existing is not None and not rules.can_edit_action(user, existing))
                or (section != getattr(existing, "section", None) and not may_change(section))
            ):
                result.notes.append(
                    f"{item.ref or item.values['text'][:60]} was left as it was: it is in (or would "
                    "move into) an area the board has signed off, which only an admin can change."
                )
                continue
            if item.is_new:
                agencies, people = _owner_objects(item.owners, owners)
                action = Action(
                    plan=plan,
                    ref=item.ref,
                    section=section,
                    order=next_order,
                    lead_agency=agencies[0] if agencies else None,
                    # The action's latest update sets its cached status from the start.
                    status=statuses.get(item.updates[-1].status_key or "") if item.new_update else None,
                    last_update_on=item.updates[-1].date if item.new_update else None,
                    **item.values,
                )
                _stamp(action, user, reason)
                next_order += 1
                new_actions.append(action)
                links.append((agencies, people))
                result.created.append(item.ref or item.values["text"][:60])
            elif item.is_changed:
                action = item.existing
                assert action is not None
                field_changes = [c for c in item.changes if c.name not in ("status", "progress")]
                if field_changes:
                    if item.relink_owners:
                        agencies, people = _owner_objects(item.owners, owners)
                        action.lead_agency = agencies[0] if agencies else None
                        # One history record for the whole edit (the save below), not one per link.
                        action.skip_history_when_saving = True
                        action.owner_agencies.set(agencies)
                        action.owners.set(people)
                        del action.skip_history_when_saving
                    for change in field_changes:
                        if change.name in item.values:
                            setattr(action, change.name, item.values[change.name])
                    if section is not None:
                        action.section = section
                    action.version += 1
                    _stamp(action, user, reason)
                    action.save()
                touched.append(action)
                result.changed.append(item.ref or item.values["text"][:60])
            else:
                result.unchanged += 1
                continue
            updates += [
                ProgressUpdate(
                    action=action,
                    date=update.date,
                    author=user,
                    status=statuses.get(update.status_key) if update.status_key else None,
                    narrative=update.narrative,
                )
                for update in item.updates
            ]
        _create_actions(new_actions, links, user, reason)
        for update in updates:
            update.action_id = update.action.pk  # set before the action had its primary key
        ProgressUpdate.objects.bulk_create(updates)
        ProgressUpdate.history.bulk_history_create(updates, default_user=user, default_change_reason=reason)
        result.updates = len(updates)
        _link_evidence(updates, user, reason)
        for action in touched:
            action.refresh_status()
        result.missing = [a.ref or a.text[:60] for a in comparison.missing]
        result.new_agencies = [a.name for a in comparison.new_agencies if a.key in owners]
        result.new_people = [p.name for p in comparison.new_people if p.key in owners]
    return result


# A web address in an update's words, up to a space or a bracket, quote or final stop around it.
_WEB_ADDRESS = re.compile(r"""\bhttps?://[^\s<>"'()\[\]]+[^\s<>"'()\[\].,;:!?]""", re.I)
_EVIDENCE_LINK = URLValidator(schemes=["http", "https"])


def _link_evidence(updates: list[ProgressUpdate], user: Any, reason: str) -> None:
    """The web addresses a document's updates cite ('Audit report: https://...') as their evidence
    links, so they are listed and opened with the evidence added here."""
    evidence = []
    for update in updates:
        for address in dict.fromkeys(_WEB_ADDRESS.findall(update.narrative)):
            try:
                _EVIDENCE_LINK(address)
            except ValidationError:
                continue  # not a web address a page may link to: it stays in the words only
            if len(address) <= Evidence._meta.get_field("link").max_length:
                evidence.append(Evidence(update=update, link=address))
    Evidence.objects.bulk_create(evidence)
    Evidence.history.bulk_history_create(evidence, default_user=user, default_change_reason=reason)


def _create_actions(
    actions: list[Action], links: list[tuple[list[Agency], list[Person]]], user: Any, reason: str
) -> None:
    """New actions in a few queries: a big plan has hundreds, one save each took seconds.

    Their history is written in bulk too: one "created" record per action, holding its owners,
    as django-simple-history would have written it for a save followed by setting the owners.
    """
    if not actions:
        return
    Action.objects.bulk_create(actions)
    agency_rows, person_rows = [], []
    Agencies, People = Action.owner_agencies.through, Action.owners.through
    for action, (agencies, people) in zip(actions, links, strict=True):
        agency_rows += [Agencies(action_id=action.pk, agency_id=a.pk) for a in agencies]
        person_rows += [People(action_id=action.pk, person_id=p.pk) for p in people]
    Agencies.objects.bulk_create(agency_rows)
    People.objects.bulk_create(person_rows)
    records = Action.history.bulk_history_create(actions, default_user=user, default_change_reason=reason)
    record_for = {record.id: record for record in records}
    if any(record.pk is None for record in records):  # a database that returns no keys from bulk inserts
        record_for = {
            r.id: r for r in Action.history.filter(id__in=[a.pk for a in actions]).order_by("history_id")
        }
    history_model = Action.history.model
    agency_history = history_model._meta.get_field("historicalaction_owner_agencies").related_model
    person_history = history_model._meta.get_field("historicalaction_owners").related_model
    agency_history.objects.bulk_create(
        [
            agency_history(
                id=row.pk, action_id=row.action_id, agency_id=row.agency_id, history=record_for[row.action_id]
            )
            for row in Agencies.objects.filter(action_id__in=record_for)
        ]
    )
    person_history.objects.bulk_create(
        [
            person_history(
                id=row.pk, action_id=row.action_id, person_id=row.person_id, history=record_for[row.action_id]
            )
            for row in People.objects.filter(action_id__in=record_for)
        ]
    )


def _stamp(instance: Any, user: Any, reason: str) -> None:
    """Who and why, for the history record django-simple-history writes on save."""
    if user is not None and getattr(user, "pk", None):
        instance._history_user = user
    instance._change_reason = reason


def _create_owners(
    partnership: Partnership, comparison: Comparison, wanted: set[str] | None = None
) -> dict[str, Agency | Person]:
    """The proposed agencies and people created (all, or those whose keys are `wanted`)."""
    created: dict[str, Agency | Person] = {}
    for proposed in comparison.new_agencies:
        if wanted is not None and proposed.key not in wanted:
            continue
        agency, _ = Agency.objects.get_or_create(partnership=partnership, name=proposed.name[:200])
        created[proposed.key] = agency
    for proposed in comparison.new_people:
        if wanted is not None and proposed.key not in wanted:
            continue
        agency = None
        if proposed.agency is not None:
            agency = proposed.agency.agency or created.get(proposed.agency.key)
        created[proposed.key] = Person.objects.create(
            partnership=partnership,
            name=proposed.name[:200],
            job_title=proposed.job_title[:200],
            agency=agency,
        )
    return created


def _owner_objects(
    match: OwnerMatch, created: dict[str, Agency | Person]
) -> tuple[list[Agency], list[Person]]:
    """The agencies (lead first) and people of one action, existing or just created."""
    agencies = [a.agency or created.get(a.key) for a in match.agencies]
    people = [p.person or created.get(p.key) for p in match.people]
    return [a for a in agencies if isinstance(a, Agency)], [p for p in people if isinstance(p, Person)]


@dataclass
class SavedNote:
    """A note the preview gave, as the saved import's page lists it: the action it opens with
    (linked while it is still in the plan) and the rest of its words."""

    text: str
    ref: str = ""
    url: str = ""


def saved_notes(notes: list[str], plan: Plan | None) -> list[SavedNote]:
    """The preview's notes for the saved import's page, each opening with the reference (or the
    first words) of an action still in the plan linked to that action (QA round 8: they were
    repeated as plain text, with nothing to follow)."""
    if not notes:
        return []
    labels: list[tuple[str, Action]] = []
    if plan is not None:
        for action in plan.actions.only("pk", "ref", "text"):
            labels.append((action.ref or action.text[:60], action))
            if not action.ref:
                labels.append((f"“{action.text[:60]}”", action))
    # the longest label first, so that "1.1a" is not taken for "1.1"
    labels.sort(key=lambda pair: len(pair[0]), reverse=True)
    listed = []
    for note in notes:
        for label, action in labels:
            if label and note.startswith(label) and note[len(label) : len(label) + 1] in (":", " "):
                listed.append(SavedNote(note[len(label) :], label, action.get_absolute_url()))
                break
        else:
            listed.append(SavedNote(note))
    return listed
