"""Saving an import: a new plan in one transaction, and a newer version matched by ref."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from intake.drafts import draft_from_json, draft_to_json
from intake.importer import model as m
from intake.saving import compare_draft, save_draft
from plans.models import Action, Agency, Person, Plan, ProgressUpdate, RagStatus, Section
from plans.tests import factories

pytestmark = pytest.mark.django_db
AS_AT = dt.date(2022, 12, 14)


def make_draft(**changes: object) -> m.PlanDraft:
    """A small JTAI plan: two sections (one inside the other) and three actions."""
    actions = {
        "1.1a": m.Action(
            ref="1.1a",
            section="1.1",
            text="Embed a culture of listening to children",
            owner="ESCC – Vicky Finnemore, Head of Specialist Services",
            owner_parts=[m.OwnerPart("ESCC", "Vicky Finnemore", "Head of Specialist Services")],
            due_text="13 July 2023",
            due=dt.date(2023, 7, 13),
            rag="amber",
            progress="Conference planned for 31 January.",
            location=m.Location(line=145),
        ),
        "1.1b": m.Action(
            ref="1.1b",
            section="1.1",
            text="Audit return home interviews",
            owner="Sussex Police",
            owner_parts=[m.OwnerPart(agency="Sussex Police")],
            due_text="Autumn/Winter 2020",
            outcome="Children are heard",
        ),
        "2.1": m.Action(
            ref="2.1",
            section="2",
            text="Review the front door",
            owner=None,
            due_text="October 2020",
            due=dt.date(2020, 10, 31),
        ),
    }
    for ref, fields in changes.items():
        if fields is None:
            actions.pop(ref.replace("_", "."))
            continue
        key = ref.replace("_", ".")
        if key in actions:
            for name, value in fields.items():
                setattr(actions[key], name, value)
        else:
            actions[key] = m.Action(ref=key, **fields)
    return m.PlanDraft(
        document="plan-v1.docx",
        plan=m.PlanMeta(title="Action plan after the JTAI", kind="jtai", as_at=AS_AT),
        rag_scheme=[
            m.RagStatus("red", "Red", "red", "Not on track"),
            m.RagStatus("amber", "Amber", "amber", "Some concerns"),
            m.RagStatus("green", "Green", "green", "On track"),
        ],
        sections=[
            m.Section("1", "Children's voices"),
            m.Section("1.1", "Partnership practice", parent="1"),
            m.Section("2", "Front door"),
        ],
        actions=list(actions.values()),
        warnings=[m.ImportWarning("No date could be read from 'Autumn/Winter 2020'.", m.Location(line=150))],
    )


@pytest.fixture
def partnership(world):
    return world.partnership


def test_a_new_plan_is_saved_with_its_scheme_sections_actions_and_first_updates(world):
    result = save_draft(make_draft(), world.partnership, world.manager)
    plan = result.plan
    assert (plan.title, plan.kind, plan.source_document) == (
        "Action plan after the JTAI",
        "jtai",
        "plan-v1.docx",
    )
    assert list(plan.rag_statuses.values_list("key", "definition")) == [
        ("red", "Not on track"),
        ("amber", "Some concerns"),
        ("green", "On track"),
    ]
    inner = Section.objects.get(plan=plan, ref="1.1")
    assert inner.parent.ref == "1" and inner.title == "Partnership practice"
    action = plan.actions.get(ref="1.1a")
    assert action.section == inner
    assert (action.due_text, action.due_date) == ("13 July 2023", dt.date(2023, 7, 13))
    assert action.owner_text.startswith("ESCC")
    assert action.lead_agency == world.council  # "ESCC" matched by initials
    assert [p.name for p in action.owners.all()] == ["Vicky Finnemore"]
    update = action.updates.get()
    assert (update.date, update.author, update.status.key) == (AS_AT, world.manager, "amber")
    assert update.narrative == "Conference planned for 31 January."
    assert action.status.key == "amber" and action.last_update_on == AS_AT
    # No status and no progress text: no update is invented.
    assert plan.actions.get(ref="2.1").updates.count() == 0
    assert plan.actions.get(ref="1.1b").outcome == "Children are heard"
    assert sorted(result.created) == ["1.1a", "1.1b", "2.1"]
    assert result.new_people == ["Vicky Finnemore"] and result.new_agencies == []


def test_a_plan_whose_document_has_no_scheme_gets_the_default_one(world):
    draft = make_draft()
    draft.rag_scheme = []
    plan = save_draft(draft, world.partnership, world.manager).plan
    assert list(plan.rag_statuses.values_list("key", flat=True)) == ["red", "amber", "green", "complete"]
    assert plan.actions.get(ref="1.1a").status.key == "amber"


def test_a_status_the_scheme_lacks_is_added_rather_than_lost(world):
    draft = make_draft(**{"2_1": {"rag": "complete"}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    complete = RagStatus.objects.get(plan=plan, key="complete")
    assert complete.is_done and plan.actions.get(ref="2.1").status == complete


def test_updates_are_dated_today_when_the_document_has_no_as_at_date(world):
    draft = make_draft()
    draft.plan.as_at = None
    plan = save_draft(draft, world.partnership, world.manager, today=dt.date(2025, 3, 1)).plan
    assert plan.actions.get(ref="1.1a").updates.get().date == dt.date(2025, 3, 1)


def test_the_title_and_kind_the_user_corrects_are_saved(world):
    plan = save_draft(make_draft(), world.partnership, world.manager, title="JTAI 2022", kind="delivery").plan
    assert (plan.title, plan.kind) == ("JTAI 2022", "delivery")


def test_new_owners_are_not_created_when_the_user_declines(world):
    before = (Agency.objects.count(), Person.objects.count())
    plan = save_draft(make_draft(), world.partnership, world.manager, create_owners=False).plan
    assert (Agency.objects.count(), Person.objects.count()) == before
    action = plan.actions.get(ref="1.1a")
    assert action.lead_agency == world.council and action.owners.count() == 0


def test_an_exception_half_way_through_saving_leaves_nothing(world, monkeypatch):
    plans_before, actions_before = Plan.objects.count(), Action.objects.count()
    calls = []

    def failing_bulk_create(objs, *args, **kwargs):
        calls.append(objs)
        # By now the plan, its sections, new people and every action are written.
        assert Action.objects.filter(ref="1.1a").exists()
        raise RuntimeError("database went away")

    monkeypatch.setattr(ProgressUpdate.objects, "bulk_create", failing_bulk_create)
    with pytest.raises(RuntimeError):
        save_draft(make_draft(), world.partnership, world.manager)
    assert calls, "the save got as far as the progress updates"
    assert (Plan.objects.count(), Action.objects.count()) == (plans_before, actions_before)
    assert not Person.objects.filter(name="Vicky Finnemore").exists()
    assert not Section.objects.filter(ref="1.1").exists()
    assert not Action.history.filter(ref="1.1a").exists()


def test_a_ref_printed_twice_keeps_both_actions(world):
    draft = make_draft()
    draft.actions.append(m.Action(ref="2.1", section="2", text="A second action numbered 2.1"))
    result = save_draft(draft, world.partnership, world.manager)
    assert set(result.plan.actions.values_list("ref", flat=True)) == {"1.1a", "1.1b", "2.1", "2.1 (2)"}
    assert "2.1 (2)" in result.notes[0]


def test_a_plan_of_another_partnership_cannot_be_updated(world):
    with pytest.raises(ValueError):
        save_draft(make_draft(), world.partnership, world.manager, plan=world.other_plan)


class TestReimport:
    """A newer version of the same plan: matched by ref, differences recorded as history."""

    @pytest.fixture
    def plan(self, world):
        return save_draft(make_draft(), world.partnership, world.manager).plan

    def newer(self) -> m.PlanDraft:
        draft = make_draft(
            **{
                "1_1a": {"due_text": "October 2023", "due": dt.date(2023, 10, 31), "rag": "green"},
                "1_1b": {"progress": "Audit started in March."},
                "2_1": None,
                "3_1": {"section": "3", "text": "Train all designated leads", "rag": "red"},
            }
        )
        draft.document = "plan-v2.docx"
        draft.plan.as_at = dt.date(2023, 3, 1)
        return draft

    def test_the_preview_lists_new_changed_and_missing_actions_before_anything_is_saved(self, world, plan):
        comparison = compare_draft(self.newer(), world.partnership, plan)
        assert [a.ref for a in comparison.new_actions] == ["3.1"]
        changes = {a.ref: {c.name for c in a.changes} for a in comparison.changed_actions}
        assert changes == {"1.1a": {"due_text", "due_date", "status"}, "1.1b": {"progress"}}
        assert [a.ref for a in comparison.missing] == ["2.1"]
        assert plan.actions.count() == 3 and not plan.actions.filter(ref="3.1").exists()

    def test_a_changed_due_date_is_an_edit_in_the_actions_history(self, world, plan):
        action = plan.actions.get(ref="1.1a")
        version = action.version
        result = save_draft(self.newer(), world.partnership, world.manager, plan=plan)
        action.refresh_from_db()
        assert action.due_date == dt.date(2023, 10, 31) and action.version == version + 1
        latest, previous = action.history.all()[:2]
        assert (previous.due_date, latest.due_date) == (dt.date(2023, 7, 13), dt.date(2023, 10, 31))
        assert latest.history_user == world.manager
        assert latest.history_change_reason == "Imported from plan-v2.docx"
        assert "1.1a" in result.changed

    def test_a_new_status_or_new_progress_text_becomes_a_new_progress_update(self, world, plan):
        save_draft(self.newer(), world.partnership, world.manager, plan=plan)
        rated = plan.actions.get(ref="1.1a")
        assert [(u.date, u.status.key) for u in rated.updates.all()] == [
            (dt.date(2023, 3, 1), "green"),
            (AS_AT, "amber"),
        ]
        assert rated.status.key == "green"
        progressed = plan.actions.get(ref="1.1b")
        assert progressed.updates.get().narrative == "Audit started in March."

    def test_new_actions_are_created_and_missing_ones_are_kept_not_deleted(self, world, plan):
        result = save_draft(self.newer(), world.partnership, world.manager, plan=plan)
        assert result.created == ["3.1"] and result.missing == ["2.1"]
        assert set(plan.actions.values_list("ref", flat=True)) == {"1.1a", "1.1b", "2.1", "3.1"}
        assert Section.objects.filter(plan=plan, ref="3").exists()
        assert plan.actions.get(ref="3.1").status.key == "red"

    def test_importing_the_same_document_again_changes_and_duplicates_nothing(self, world, plan):
        counts = (Action.objects.count(), ProgressUpdate.objects.count(), Section.objects.count())
        history = Action.history.count()
        result = save_draft(make_draft(), world.partnership, world.manager, plan=plan)
        assert (Action.objects.count(), ProgressUpdate.objects.count(), Section.objects.count()) == counts
        assert Action.history.count() == history
        assert result.unchanged == 3 and result.created == result.changed == []

    def test_owner_links_corrected_by_hand_survive_while_the_owner_text_is_unchanged(self, world, plan):
        action = plan.actions.get(ref="1.1b")
        action.lead_agency = world.council
        action.save()
        save_draft(self.newer(), world.partnership, world.manager, plan=plan)
        action.refresh_from_db()
        assert action.lead_agency == world.council

    def test_a_changed_owner_relinks_the_action(self, world, plan):
        draft = make_draft(**{"1_1b": {"owner": "ESCC", "owner_parts": [m.OwnerPart(agency="ESCC")]}})
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action = plan.actions.get(ref="1.1b")
        assert action.owner_text == "ESCC" and action.lead_agency == world.council
        assert action.history.first().owner_text == "ESCC"
        assert action.history.all()[1].owner_text == "Sussex Police"

    def test_a_field_the_document_has_no_column_for_keeps_what_a_manager_wrote(self, world, plan):
        """The newer version has no outcome or constraints anywhere: what a manager wrote in
        Oversight is not the document emptying them."""
        action = plan.actions.get(ref="1.1a")
        action.constraints = "IT capacity"
        action.outcome = "Every child's voice recorded"
        action.save()
        draft = self.newer()
        for a in draft.actions:
            a.outcome = None
        comparison = compare_draft(draft, world.partnership, plan)
        changes = {a.ref: {c.name for c in a.changes} for a in comparison.changed_actions}
        assert "constraints" not in changes["1.1a"] and "outcome" not in changes["1.1a"]
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action.refresh_from_db()
        assert (action.constraints, action.outcome) == ("IT capacity", "Every child's voice recorded")
        assert action.due_text == "October 2023"

    def test_a_field_the_document_empties_for_one_action_is_still_a_change(self, world, plan):
        draft = make_draft(**{"1_1b": {"outcome": None}, "1_1a": {"outcome": "Children are heard"}})
        save_draft(draft, world.partnership, world.manager, plan=plan)
        assert plan.actions.get(ref="1.1b").outcome == ""

    def test_an_older_document_adds_no_update_and_changes_no_status_after_a_newer_update_here(
        self, world, plan
    ):
        """An owner updated the action in Oversight after the document's date; importing the
        document (or an older one) again must not copy its old updates or claim a status change."""
        action = plan.actions.get(ref="1.1a")
        factories.ProgressUpdateFactory(
            action=action, date=dt.date(2023, 6, 1), status=factories.status(plan, "green"), narrative="Done."
        )
        action.refresh_status()
        count = action.updates.count()
        draft = make_draft(
            **{"1_1a": {"rag": "red", "progress": "01/11/2022 - planned. 10/12/2022 - conference booked."}}
        )
        comparison = compare_draft(draft, world.partnership, plan)
        item = next(a for a in comparison.actions if a.ref == "1.1a")
        assert not item.updates and "status" not in {c.name for c in item.changes}
        assert any(
            "1.1a" in note and "older than the update of 1 June 2023" in note for note in comparison.notes
        )
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action.refresh_from_db()
        assert action.updates.count() == count and action.status.key == "green"

    def test_a_newer_document_repeating_an_imported_update_keeps_a_later_update_made_here(self, world, plan):
        """The board's next copy of the plan changes its date but not this action's cell, while its
        owner has since recorded a Red update in Oversight: the repeated words are no news, and
        neither is the status written beside them."""
        action = plan.actions.get(ref="1.1a")  # imported Amber, 'Conference planned for 31 January.'
        factories.ProgressUpdateFactory(
            action=action,
            date=dt.date(2023, 1, 10),
            status=factories.status(plan, "red"),
            narrative="Delayed.",
        )
        action.refresh_status()
        count = action.updates.count()
        draft = make_draft()
        draft.plan.as_at = dt.date(2023, 1, 18)
        comparison = compare_draft(draft, world.partnership, plan)
        item = next(a for a in comparison.actions if a.ref == "1.1a")
        assert not item.updates and not item.changes
        assert any(
            "1.1a" in note
            and "repeats its update of 14 December 2022" in note
            and "10 January 2023 made in Oversight since is kept" in note
            for note in comparison.notes
        )
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action.refresh_from_db()
        assert action.updates.count() == count and action.status.key == "red"

    def test_an_older_document_names_the_import_that_brought_the_newer_update(self, world, plan):
        """The newer update came from an import of a later copy: the preview does not call it
        'made in Oversight' (the person would look for an edit nobody made)."""
        later = make_draft(**{"1_1a": {"rag": "green", "progress": "Conference held on 31 January."}})
        later.document = "plan-v2.docx"
        later.plan.as_at = dt.date(2023, 2, 20)
        save_draft(later, world.partnership, world.manager, plan=plan)
        older = make_draft(**{"1_1a": {"rag": "red", "progress": "Conference not yet booked."}})
        older.document = "plan-v0.docx"
        older.plan.as_at = dt.date(2022, 11, 1)

        notes = compare_draft(older, world.partnership, plan).notes

        assert any(
            "1.1a" in note and "20 February 2023 imported from plan-v2.docx since" in note for note in notes
        ), notes

    def test_an_update_withdrawn_in_oversight_is_not_brought_back_by_the_next_copy(self, world, plan):
        """QA round 6: the agency's next copy still carried the line; every import brought it back."""
        draft = make_draft(**{"1_1a": {"progress": "10/01/2023 - booked. 20/01/2023 - 3 cohorts trained."}})
        draft.plan.as_at = dt.date(2023, 1, 31)
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action = plan.actions.get(ref="1.1a")
        wrong = action.updates.get(date=dt.date(2023, 1, 20))
        wrong._change_reason = "Withdrawn: cohorts not yet trained"
        wrong._history_user = world.manager
        wrong.delete()
        action.refresh_status()
        count = action.updates.count()

        notes = compare_draft(draft, world.partnership, plan).notes
        assert any(
            "1.1a: its update of 20 January 2023 was withdrawn in Oversight" in note
            and "(cohorts not yet trained)" in note
            for note in notes
        ), notes
        save_draft(draft, world.partnership, world.manager, plan=plan)
        assert action.updates.count() == count
        assert not action.updates.filter(date=dt.date(2023, 1, 20)).exists()

    def test_an_update_withdrawn_with_its_words_removed_is_not_brought_back_by_the_next_copy(
        self, world, plan
    ):
        """Its words are gone from the history (it named a child), so it is known by its day alone."""
        from plans import updates

        draft = make_draft(
            **{"1_1a": {"progress": "10/01/2023 - booked. 20/01/2023 - Child A seen at home."}}
        )
        draft.plan.as_at = dt.date(2023, 1, 31)
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action = plan.actions.get(ref="1.1a")
        updates.withdraw(action.updates.get(date=dt.date(2023, 1, 20)), "Names a child", remove_words=True)
        count = action.updates.count()

        notes = compare_draft(draft, world.partnership, plan).notes
        save_draft(draft, world.partnership, world.manager, plan=plan)

        assert any(
            "1.1a: its update of 20 January 2023 was withdrawn in Oversight" in note for note in notes
        ), notes
        assert action.updates.count() == count
        assert not action.updates.filter(date=dt.date(2023, 1, 20)).exists()

    @pytest.mark.parametrize("remove_words", [False, True])
    def test_a_withdrawn_update_is_not_brought_back_by_next_months_copy_dated_anew(
        self, world, plan, remove_words
    ):
        """QA round 8: an undated progress cell is dated by each copy's 'as at': next month's copy
        brought the withdrawn words back as a new update, the box ticked or not."""
        from intake.drafts import draft_to_json
        from intake.models import BatchStatus, ImportBatch
        from plans import updates

        words = "Child A seen at 14 Acacia Road; strategy meeting held."
        draft = make_draft(**{"1_1a": {"progress": words}})
        draft.plan.as_at = dt.date(2023, 1, 31)
        save_draft(draft, world.partnership, world.manager, plan=plan)
        batch = ImportBatch.objects.create(
            partnership=world.partnership, user=world.manager, filename="plan Jan.docx", status=BatchStatus.SAVED,
            saved_plan=plan, draft=draft_to_json(draft),
        )  # fmt: skip
        action = plan.actions.get(ref="1.1a")
        updates.withdraw(
            action.updates.get(date=dt.date(2023, 1, 31)), "Names a child", remove_words=remove_words
        )
        count = action.updates.count()

        draft.plan.as_at = dt.date(2023, 2, 28)  # next month's copy, the same cell
        notes = compare_draft(draft, world.partnership, plan).notes
        save_draft(draft, world.partnership, world.manager, plan=plan)

        assert action.updates.count() == count
        assert any(note.startswith("1.1a: ") and "withdrawn in Oversight" in note for note in notes), notes
        batch.refresh_from_db()
        assert (
            "Acacia Road" in str(batch.draft)
        ) is not remove_words  # the import's copy of the words goes too

    def test_a_change_made_in_oversight_since_the_last_import_is_kept_when_the_document_has_the_old_value(
        self, world, plan
    ):
        """QA round 6: the board moved 1.1a's date in Oversight; the agency's next copy still had the
        old date, and the import put it back (and flagged the action as slipping)."""
        action = plan.actions.get(ref="1.1a")
        action.due_text, action.due_date = "30 September 2023", dt.date(2023, 9, 30)
        action._history_user = world.manager
        action.save()
        draft = make_draft(**{"1_1a": {"owner": "ESCC – Vicky Finnemore, Director"}})  # the lead did change

        comparison = compare_draft(draft, world.partnership, plan)

        item = next(a for a in comparison.actions if a.ref == "1.1a")
        assert {c.name for c in item.changes} == {"owner_text"}
        assert any(
            "1.1a: kept as changed in Oversight since the last import" in note
            and note.endswith("due, due date.")
            for note in comparison.notes
        )
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action.refresh_from_db()
        assert (action.due_text, action.due_date) == ("30 September 2023", dt.date(2023, 9, 30))
        assert action.owner_text == "ESCC – Vicky Finnemore, Director"

    def test_an_update_already_recorded_is_not_recorded_again(self, world, plan):
        draft = make_draft(**{"1_1a": {"progress": "01/11/2022 - planned. 10/12/2022 - booked."}})
        save_draft(draft, world.partnership, world.manager, plan=plan)
        action = plan.actions.get(ref="1.1a")
        dates = sorted(action.updates.values_list("date", flat=True))
        save_draft(draft, world.partnership, world.manager, plan=plan)
        assert sorted(action.updates.values_list("date", flat=True)) == dates


def _plan_with_a_ref_less_action(world) -> tuple[m.PlanDraft, Any]:
    """The small plan with a fourth action without a reference (section 2), saved: its draft and plan."""
    draft = make_draft()
    draft.actions.append(
        m.Action(section="2", text="Agencies share their audit findings", agency="Sussex Police")
    )
    return draft, save_draft(draft, world.partnership, world.manager).plan


def test_ref_less_actions_are_matched_by_section_and_text_on_reimport(world):
    draft, plan = _plan_with_a_ref_less_action(world)
    draft.actions[-1].rag = "green"
    result = save_draft(draft, world.partnership, world.manager, plan=plan)
    assert plan.actions.filter(ref="").count() == 1
    assert result.changed == ["Agencies share their audit findings"]


def test_a_ref_less_action_reworded_in_oversight_is_still_matched_on_reimport(world):
    """QA round 6: the manager reworded an action without a ref; the agency's next copy of the
    document still had the old words, and the import added the action a second time."""
    draft, plan = _plan_with_a_ref_less_action(world)
    action = plan.actions.get(ref="")
    action.text = "Agencies share their audit findings at the quarterly practice forum"
    action._history_user = world.manager
    action.save()
    draft.actions[-1].rag = "green"

    comparison = compare_draft(draft, world.partnership, plan)
    result = save_draft(draft, world.partnership, world.manager, plan=plan)

    assert any(
        "kept as changed in Oversight" in note and note.endswith(": action.") for note in comparison.notes
    )
    assert result.created == [] and plan.actions.filter(ref="").count() == 1
    action.refresh_from_db()
    assert action.text == "Agencies share their audit findings at the quarterly practice forum"
    assert action.status.key == "green"


def test_an_action_moved_to_another_area_in_oversight_stays_there_when_the_document_has_the_old_area(world):
    """QA round 7: the re-import of the same document moved the action back to the area the manager
    had moved it out of (its changed words and dates were kept)."""
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    action = plan.actions.get(ref="2.1")
    action.section = plan.sections.get(ref="1.1")
    action._history_user = world.manager
    action.save()

    comparison = compare_draft(make_draft(), world.partnership, plan)
    save_draft(make_draft(), world.partnership, world.manager, plan=plan)

    action.refresh_from_db()
    assert action.section.ref == "1.1"
    assert any(
        note.startswith("2.1: kept as changed in Oversight") and note.endswith(": area.")
        for note in comparison.notes
    )
    # a document that moves it itself still does
    save_draft(make_draft(**{"2_1": {"section": "1"}}), world.partnership, world.manager, plan=plan)
    action.refresh_from_db()
    assert action.section.ref == "1"


def test_an_area_the_document_titles_otherwise_is_listed_before_saving(client, world):
    """QA round 7: a reworded area heading said '0 changed actions' and saving renamed the area."""
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    draft = make_draft()
    next(s for s in draft.sections if s.ref == "2").title = "The front door, renamed"
    comparison = compare_draft(draft, world.partnership, plan)
    assert comparison.retitled_sections == [
        ("2", plan.sections.get(ref="2").title, "The front door, renamed")
    ]
    from django.urls import reverse

    from intake.drafts import draft_to_json
    from intake.models import BatchStatus, ImportBatch

    batch = ImportBatch.objects.create(
        partnership=world.partnership, user=world.manager, plan=plan, filename="plan v2.docx",
        document=b"x", status=BatchStatus.READ, draft=draft_to_json(draft),
    )  # fmt: skip
    client.force_login(world.manager)
    page = client.get(reverse("intake:batch", args=[batch.pk])).content.decode()
    assert "1 area titled otherwise" in page and "The front door, renamed" in page


def test_a_ref_less_action_removed_in_oversight_is_not_brought_back_by_the_next_import(world):
    draft, plan = _plan_with_a_ref_less_action(world)
    action = plan.actions.get(ref="")
    action._history_user = world.manager
    action.delete()

    comparison = compare_draft(draft, world.partnership, plan)
    save_draft(draft, world.partnership, world.manager, plan=plan)

    assert not plan.actions.filter(ref="").exists()
    assert any(
        "“Agencies share their audit findings” is in the document but was removed from the plan in Oversight"
        in note
        for note in comparison.notes
    )


def test_a_draft_survives_the_trip_through_json_whole():
    draft = make_draft()
    again = draft_from_json(draft_to_json(draft))
    assert again == draft
    assert again.actions[0].due == dt.date(2023, 7, 13) and again.warnings[0].location.line == 150


def test_a_plan_is_matched_only_by_ref_not_by_position(world):
    factories.AgencyFactory(partnership=world.partnership, name="Youth Offending Service")
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    reordered = make_draft()
    reordered.actions.reverse()
    result = save_draft(reordered, world.partnership, world.manager, plan=plan)
    assert result.unchanged == 3


def test_a_section_known_only_by_a_long_heading_is_saved_whole_and_matched_again(world):
    heading = "Communication and information-sharing between universal health services and GPs"
    draft = make_draft(**{"13_1": {"section": heading, "text": "Health visitors tell GPs of new births"}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    section = plan.actions.get(ref="13.1").section
    assert section.title == heading and heading.startswith(section.ref) and len(section.ref) == 40
    result = save_draft(draft, world.partnership, world.manager, plan=plan)
    assert result.changed == [] and result.unchanged == 4
    assert plan.sections.filter(title=heading).count() == 1


def test_a_new_action_has_one_created_record_in_its_history_holding_its_owners(world):
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    action = plan.actions.get(ref="1.1a")
    (record,) = action.history.all()
    assert (record.history_type, record.history_user) == ("+", world.manager)
    assert record.history_change_reason == "Imported from plan-v1.docx"
    assert [row.agency for row in record.owner_agencies.all()] == [world.council]
    assert [row.person.name for row in record.owners.all()] == ["Vicky Finnemore"]
    (update_record,) = action.updates.get().history.all()
    assert update_record.history_type == "+" and update_record.history_user == world.manager


def test_a_relinked_owner_is_one_edit_in_history_not_one_per_link(world):
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    draft = make_draft(**{"1_1b": {"owner": "ESCC", "owner_parts": [m.OwnerPart(agency="ESCC")]}})
    save_draft(draft, world.partnership, world.manager, plan=plan)
    latest, first = plan.actions.get(ref="1.1b").history.all()
    assert [row.agency for row in latest.owner_agencies.all()] == [world.council]
    assert [row.agency for row in first.owner_agencies.all()] == [world.police]


def test_an_update_is_dated_by_the_update_round_the_document_gives_it(world):
    draft = make_draft(**{"1_1a": {"progress_date": dt.date(2022, 11, 30)}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    assert plan.actions.get(ref="1.1a").updates.get().date == dt.date(2022, 11, 30)


def test_an_update_round_dated_after_the_document_or_before_the_latest_update_takes_the_documents_date(world):
    ahead = make_draft(**{"1_1a": {"progress_date": AS_AT + dt.timedelta(days=30)}})
    plan = save_draft(ahead, world.partnership, world.manager).plan
    assert plan.actions.get(ref="1.1a").updates.get().date == AS_AT
    older = make_draft(
        **{"1_1a": {"progress_date": dt.date(2022, 1, 31), "progress": "Newer words.", "rag": "green"}}
    )
    older.plan.as_at = dt.date(2023, 2, 1)
    save_draft(older, world.partnership, world.manager, plan=plan)
    dates = list(plan.actions.get(ref="1.1a").updates.order_by("date").values_list("date", flat=True))
    assert dates == [AS_AT, dt.date(2023, 2, 1)]


def test_the_action_page_says_which_updates_and_changes_came_from_an_import(client, world):
    """An imported update was written by the agency in the document; the manager only brought it
    in. History entries made by an import say so too."""
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    action = plan.actions.get(ref="1.1a")
    client.force_login(world.viewer)
    page = " ".join(client.get(action.get_absolute_url()).content.decode().split())
    name = world.manager.get_full_name() or world.manager.get_username()
    assert f"Imported from plan-v1.docx by {name}" in page
    assert f"{name}, imported from plan-v1.docx" in page


def test_an_action_removed_in_oversight_is_not_brought_back_by_a_newer_copy_of_the_document(world):
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    removed = plan.actions.get(ref="1.1b")
    removed._history_user = world.manager
    removed.delete()
    draft = make_draft()
    draft.plan.as_at = dt.date(2023, 1, 18)

    comparison = compare_draft(draft, world.partnership, plan)

    assert "1.1b" not in [item.ref for item in comparison.actions]
    assert any(
        note.startswith("1.1b is in the document but was removed from the plan in Oversight on")
        for note in comparison.notes
    )
    save_draft(draft, world.partnership, world.manager, plan=plan)
    assert not plan.actions.filter(ref="1.1b").exists()


def test_an_action_longer_than_the_pages_allow_is_cut_with_a_note_so_it_can_still_be_changed(world):
    """QA round 6: a 32,012-character cell was saved whole, and the action could then never be
    changed ('Action must be 10,000 characters or fewer') until someone cut words they never typed."""
    from plans.models import TEXT_MAX_LENGTH

    draft = make_draft(**{"1_1a": {"text": "Audit " * 6_000}})
    notes = compare_draft(draft, world.partnership).notes
    assert any("1.1a: its words run to 36,000 characters" in note for note in notes), notes

    plan = save_draft(draft, world.partnership, world.manager).plan
    action = plan.actions.get(ref="1.1a")
    assert len(action.text) <= TEXT_MAX_LENGTH and action.text.endswith("…")
    action.full_clean()  # what the change page checks: it can be saved again as it is


def test_a_new_action_worded_like_one_no_longer_in_the_document_is_pointed_out(world):
    """QA round 7: a renumbered or reworded action became a second copy beside the old one, unsaid."""
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    draft = make_draft(**{"2_1": None, "2_2": {"section": "2", "text": "Review the front door."}})
    notes = compare_draft(draft, world.partnership, plan).notes
    assert any(
        note.startswith("New action 2.2 is worded like 2.1, which is no longer in the document")
        for note in notes
    ), notes


def test_a_document_older_than_the_copy_last_imported_is_said_before_saving(world):
    """QA round 7: the March version picked after June's would put back older wording and owners."""
    from intake.drafts import draft_to_json
    from intake.models import BatchStatus, ImportBatch

    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    june = make_draft()
    june.plan.as_at = AS_AT + dt.timedelta(days=90)
    ImportBatch.objects.create(
        partnership=world.partnership, user=world.manager, filename="plan June.docx", status=BatchStatus.SAVED,
        saved_plan=plan, draft=draft_to_json(june), finished=timezone.now(),
    )  # fmt: skip

    older = compare_draft(make_draft(), world.partnership, plan).notes
    newer = compare_draft(june, world.partnership, plan).notes

    assert older[0].startswith("Check you chose the latest version: this document gives the plan as at")
    assert "older than plan June.docx imported on" in older[0]
    assert not any("latest version" in note for note in newer)


def test_an_action_whose_agency_would_change_to_a_new_one_is_said_before_saving(world):
    """QA round 7: 'Northshire Constabulary' for 'Northshire Police' in the next version moved the
    actions to a new agency, and Police's contributors could no longer update them."""
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    draft = make_draft(
        **{
            "1_1b": {
                "owner": "Sussex Constabulary",
                "owner_parts": [m.OwnerPart(agency="Sussex Constabulary")],
            }
        }
    )
    notes = compare_draft(draft, world.partnership, plan).notes
    assert any(
        note.startswith(
            "1.1b: its agency would change from Sussex Police to Sussex Constabulary, a new agency"
        )
        for note in notes
    ), notes


@pytest.mark.parametrize("owner", ["TBC", "", "To be agreed"])
def test_an_owner_the_next_copy_leaves_unnamed_stays_with_its_agency(world, owner):
    """QA round 8: 'TBC' (offered as a new agency) or an emptied owner cell took the action from its
    agency, whose contributors could then no longer update it."""
    plan = save_draft(make_draft(), world.partnership, world.manager).plan
    draft = make_draft(**{"1_1b": {"owner": owner or None, "owner_parts": []}})
    comparison = compare_draft(draft, world.partnership, plan)
    save_draft(draft, world.partnership, world.manager, plan=plan)

    action = plan.actions.get(ref="1.1b")
    assert action.owner_text == "Sussex Police" and world.police in action.owner_agencies.all()
    assert not comparison.new_agencies
    assert any(
        note.startswith("1.1b: the document gives") and "its owner here stays" in note
        for note in comparison.notes
    )


def test_a_ref_less_action_moved_to_another_area_with_the_same_words_is_the_same_action(world):
    """QA round 8: moved from Priority 2 to Priority 1, it was added again beside its old self."""
    draft, plan = _plan_with_a_ref_less_action(world)
    draft.actions[-1].section = "1"

    comparison = compare_draft(draft, world.partnership, plan)
    save_draft(draft, world.partnership, world.manager, plan=plan)

    assert not comparison.new_actions
    assert plan.actions.filter(ref="").count() == 1 and plan.actions.get(ref="").section.ref == "1"
