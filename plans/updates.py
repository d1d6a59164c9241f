"""Recording a progress update: one path for the page's form and the API, so both lock the
action, save the same update sent twice once, keep evidence and re-derive the action's status."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any, NamedTuple

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q

from plans import rules
from plans.models import (
    WITHDRAWN,
    WORDS_REMOVED,
    Action,
    Evidence,
    Plan,
    ProgressUpdate,
    RagStatus,
    RemovedWords,
    Role,
    deletion_record,
    historical_model,
    words_digest,
)

STATUS_MISSING = "Select the status of the action"
EVIDENCE_TITLE_LENGTH = Evidence._meta.get_field("title").max_length or 200


def evidence_title(name: str) -> str:
    """An uploaded file's name as the evidence's title, cut to fit and keeping its extension
    (SharePoint and Teams names run past 200 characters)."""
    base = os.path.basename(name)
    if len(base) <= EVIDENCE_TITLE_LENGTH:
        return base
    stem, extension = os.path.splitext(base)
    extension = extension[:10]
    return stem[: EVIDENCE_TITLE_LENGTH - len(extension)] + extension


class Recorded(NamedTuple):
    update: ProgressUpdate
    new: bool
    added: tuple[str, ...] = ()  # what the same update sent again added: 'next steps', 'link', 'file'


def record_update(
    action: Action,
    author: Any,
    *,
    date: dt.date,
    status: RagStatus | None,
    narrative: str,
    next_steps: str = "",
    evidence_link: str = "",
    evidence_file: UploadedFile | None = None,
) -> Recorded:
    """The update saved, whether it is new, and what a copy sent again added to it: the same
    update by the same person sent again moments later (Back then Save, two clicks, a client
    retrying) is the one already saved."""
    with transaction.atomic():
        # the action's row locked: two copies sent at once are saved one after the other
        list(Action.objects.select_for_update().filter(pk=action.pk).values_list("pk", flat=True))
        earlier = ProgressUpdate.objects.just_saved_as(action, author, date, status, narrative)
        if earlier is not None and not (
            next_steps and earlier.next_steps and next_steps != earlier.next_steps
        ):
            # Back, the file or next steps forgotten the first time added, Save: kept with it
            return Recorded(
                earlier, False, tuple(add_to_earlier(earlier, next_steps, evidence_link, evidence_file))
            )
        update = ProgressUpdate.objects.create(
            action=action, date=date, author=author, status=status, narrative=narrative, next_steps=next_steps
        )
        if evidence_link:
            Evidence.objects.create(update=update, link=evidence_link)
        if evidence_file:
            Evidence.objects.create(
                update=update, title=evidence_title(evidence_file.name or ""), file=evidence_file
            )
        action.refresh_status()
    return Recorded(update, True)


def add_to_earlier(
    update: ProgressUpdate, next_steps: str, evidence_link: str, evidence_file: UploadedFile | None
) -> list[str]:
    """What the same update sent again brings that the saved one lacks (next steps, a link, a
    file), added to it; the names of what was added, for the message."""
    added = []
    if next_steps and not update.next_steps:
        update.next_steps = next_steps
        update.save(update_fields=["next_steps"])
        added.append("next steps")
    if evidence_link and not update.evidence.filter(link=evidence_link).exists():
        Evidence.objects.create(update=update, link=evidence_link)
        added.append("link")
    title = evidence_title(evidence_file.name or "") if evidence_file else ""
    if evidence_file and not update.evidence.filter(title=title).exclude(file="").exists():
        Evidence.objects.create(update=update, title=title, file=evidence_file)
        added.append("file")
    return added


def resent_message(action: Action, added: tuple[str, ...]) -> str:
    """What the person is told when the form came again: saved once, and what it added kept."""
    if added:
        named = added[0] if len(added) == 1 else f"{', '.join(added[:-1])} and {added[-1]}"
        return (
            f"This progress update on {action.ref} was already saved; the {named} you added "
            f"{'is' if len(added) == 1 else 'are'} kept with it."
        )
    return f"This progress update on {action.ref} was already saved."


def outcome_message(action: Action, update: ProgressUpdate) -> str:
    """What the person is told after saving: the action's status as it now is. An update dated
    before the action's latest one does not change it, and saying 'is now Red' would mislead."""
    if action.last_update_on is not None and update.date < action.last_update_on:
        now = action.status.label if action.status else "without a status"
        return (
            f"Progress update of {update.date.day} {update.date:%B %Y} added to {action.ref}. A later "
            f"update ({action.last_update_on.day} {action.last_update_on:%B %Y}) sets its status, so "
            f"{action.ref} stays {now}."
        )
    label = update.status.label if update.status else "without a status"
    return f"Progress update added: {action.ref} is now {label}"


def refusal(user: Any, action: Action) -> str:
    """Why `user` may not add a progress update to `action`, in words they can act on."""
    role = rules.role_for(user, action.plan.partnership_id)
    if rules.is_locked(action) and role in (Role.MANAGER, Role.CONTRIBUTOR):
        area = rules.signed_off_area(action.section)
        when = (
            f" on {area.signed_off_on.day} {area.signed_off_on:%B %Y}" if area and area.signed_off_on else ""
        )
        name = f"Section {area.ref}" if area and area.ref else "This area"
        return (
            f"{name} was signed off by the board{when}, so its actions are locked: only an admin can add "
            "progress updates to them, or reopen the area from its sign-off page."
        )
    if role == Role.VIEWER:
        return "Board members read the plan but do not add progress updates."
    return "You can add progress updates only to your own agency's actions."


def withdraw(update: ProgressUpdate, reason: str, remove_words: bool = False) -> bool:
    """Withdraw a progress update recorded by mistake (the page and the API): deleted with its
    evidence (the files too: they may hold case detail), the reason kept in the history with
    who withdrew it, and the action's status re-derived from the updates left. With
    `remove_words`, its words (and its evidence's titles and links) go from the history too, for
    an update that named a child or gave an address: the record of who, when and why stays.
    False when it was withdrawn meanwhile (two tabs, a client retrying): nothing is done twice."""
    with transaction.atomic():
        if not ProgressUpdate.objects.select_for_update().filter(pk=update.pk).exists():
            return False
        update_id, evidence = update.pk, list(update.evidence.values_list("pk", flat=True))
        words = update.narrative
        update._change_reason = f"{WITHDRAWN}{reason}"  # type: ignore[attr-defined]
        update.delete()
        if remove_words:
            _remove_words(update.action, update_id, words, evidence)
        update.action.refresh_status()
    return True


class Withdrawal(NamedTuple):
    record: Any  # the update's deletion in its history table
    withdrawn: bool  # withdrawn with a reason, rather than deleted with its action or plan
    reason: str
    partnership_id: int  # whose plan it was in


def withdrawal(user: Any, update_id: int) -> Withdrawal | None:
    """How an update of one of the user's plans went (who, when, why), or None for an update
    the user could never have seen."""
    record = deletion_record(ProgressUpdate, update_id)
    if record is None:
        return None
    plan_id = (
        historical_model(Action).objects.filter(id=record.action_id).values_list("plan_id", flat=True).first()
    )
    partnership_id = (
        Plan.objects.for_user(user).filter(pk=plan_id).values_list("partnership_id", flat=True).first()
        if plan_id is not None
        else None
    )
    if partnership_id is None:
        return None
    said = record.history_change_reason or ""
    return Withdrawal(record, said.startswith(WITHDRAWN), said.removeprefix(WITHDRAWN), partnership_id)


def _remove_words(action: Action, update_id: int, words: str, evidence: list[int]) -> None:
    historical_model(ProgressUpdate).objects.filter(id=update_id).update(
        narrative=WORDS_REMOVED, next_steps=""
    )
    historical_model(Evidence).objects.filter(id__in=evidence).update(title="(removed)", link="", file="")
    remove_words_kept_elsewhere(action, words)


def remove_withdrawn_words(record: Any) -> bool:
    """Remove from the history the words of an update withdrawn earlier without asking for it (a
    child's details noticed later: QA round 8); False when they are gone already."""
    if record.narrative == WORDS_REMOVED:
        return False
    action = Action.objects.filter(pk=record.action_id).select_related("plan").first()
    evidence = list(
        historical_model(Evidence).objects.filter(update_id=record.id).values_list("id", flat=True).distinct()
    )
    with transaction.atomic():
        if action is None:  # the action went since: its history rows alone hold the words
            historical_model(ProgressUpdate).objects.filter(id=record.id).update(
                narrative=WORDS_REMOVED, next_steps=""
            )
            historical_model(Evidence).objects.filter(id__in=evidence).update(
                title="(removed)", link="", file=""
            )
        else:
            _remove_words(action, record.id, record.narrative, evidence)
    return True


def remove_words_kept_elsewhere(action: Action, words: str) -> None:
    """Words withdrawn from the history go from the imports that brought them too (the saved draft
    of each import of the plan, which a partnership's backup copies: QA round 8); their fingerprint
    is kept so a document still carrying them does not bring them back."""
    RemovedWords.objects.create(action=action, digest=words_digest(words))
    if not words.strip():
        return
    try:
        from intake.models import ImportBatch
    except ImportError:  # pragma: no cover - the tracker works without the import app
        return

    def scrub(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(words, WORDS_REMOVED)
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    for batch in ImportBatch.objects.filter(partnership_id=action.plan.partnership_id).filter(
        Q(plan_id=action.plan_id) | Q(saved_plan_id=action.plan_id)
    ):
        draft, summary = scrub(batch.draft), scrub(batch.summary)
        if (draft, summary) != (batch.draft, batch.summary):
            ImportBatch.objects.filter(pk=batch.pk).update(draft=draft, summary=summary)
