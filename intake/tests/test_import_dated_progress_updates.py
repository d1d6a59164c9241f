"""A progress cell written as dated updates becomes one progress update per date, and a newer
version of the document adds only the updates written since."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.importer import model as m
from intake.importer.normalise import dated_updates
from intake.saving import compare_draft, save_draft
from intake.tests.test_saving import AS_AT, make_draft
from intake.tests.test_web_import import confirm, docx_bytes, preview
from plans.models import Plan

pytestmark = pytest.mark.django_db

TWO_UPDATES = "12/10/2022 - mapping started. 30/11/2022 - first map shared with the board."


@pytest.fixture
def manager_client(client, world):
    client.force_login(world.manager)
    return client


def updates_of(plan, ref: str) -> list[tuple[dt.date, str | None, str]]:
    action = plan.actions.get(ref=ref)
    return [
        (u.date, u.status.key if u.status else None, u.narrative)
        for u in action.updates.order_by("date", "pk").select_related("status")
    ]


def test_dated_updates_are_read_oldest_first_with_their_words_as_written():
    assert dated_updates("Mar 2023: second audit done. Dec 2022: plan agreed.") == [
        (dt.date(2022, 12, 31), "Dec 2022: plan agreed."),
        (dt.date(2023, 3, 31), "Mar 2023: second audit done."),
    ]


def test_dated_updates_may_open_with_the_word_update():
    assert dated_updates("Update 12/01/2025: mapping started. Update as at 14 Feb 2025 - map shared.") == [
        (dt.date(2025, 1, 12), "Update 12/01/2025: mapping started."),
        (dt.date(2025, 2, 14), "Update as at 14 Feb 2025 - map shared."),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["12/01/2025 -", "Update 3 March 2024:", "Dec 2022:", "31/02/2024 -", "Q2"]),
            st.text(alphabet="abc .;:-/0123456789", min_size=1, max_size=12),
        ),
        max_size=12,
    )
)
def test_splitting_a_cell_into_dated_updates_never_loses_or_adds_a_word(parts):
    cell = " ".join(" ".join(parts).split())
    entries = dated_updates(cell)
    if entries:
        assert sorted(" ".join(words for _day, words in entries).split()) == sorted(cell.split())
        assert [day for day, _words in entries] == sorted({day for day, _words in entries})


def test_a_cell_with_one_dated_update_or_a_date_inside_a_sentence_is_not_split():
    assert dated_updates("12/10/2022 - mapping started.") == []
    assert dated_updates("Training on 12/10/2022 was attended. 30/11/2022 - report") == []
    assert dated_updates("No dates at all.") == []


def test_a_new_action_gets_one_progress_update_per_dated_update_with_its_status_on_the_last(world):
    draft = make_draft(**{"1_1a": {"progress": TWO_UPDATES, "rag": "green"}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    assert updates_of(plan, "1.1a") == [
        (dt.date(2022, 10, 12), None, "12/10/2022 - mapping started."),
        (dt.date(2022, 11, 30), "green", "30/11/2022 - first map shared with the board."),
    ]
    action = plan.actions.get(ref="1.1a")
    assert action.status.key == "green" and action.last_update_on == dt.date(2022, 11, 30)


def test_a_new_action_with_one_update_is_dated_the_same_in_its_cached_last_update(world):
    draft = make_draft(**{"1_1a": {"progress_date": dt.date(2022, 11, 30)}})
    action = save_draft(draft, world.partnership, world.manager).plan.actions.get(ref="1.1a")
    assert action.last_update_on == action.updates.get().date == dt.date(2022, 11, 30)


def test_a_dated_update_after_the_documents_date_keeps_the_cell_as_one_update(world):
    progress = "12/10/2022 - mapping started. 30/01/2023 - a slip of the pen."
    draft = make_draft(**{"1_1a": {"progress": progress}})
    assert compare_draft(draft, world.partnership).notes == [
        "1.1a: the progress has an update dated 30 January 2023, after the plan's date (14 December 2022); "
        "it is saved as one update of 14 December 2022. Check the date in the document."
    ]
    plan = save_draft(draft, world.partnership, world.manager).plan
    assert updates_of(plan, "1.1a") == [(AS_AT, "amber", progress)]


def test_a_newer_document_adds_only_the_dated_updates_written_since(world):
    plan = save_draft(
        make_draft(**{"1_1a": {"progress": TWO_UPDATES}}), world.partnership, world.manager
    ).plan
    newer = make_draft(
        **{"1_1a": {"progress": f"{TWO_UPDATES} 20/01/2023 - map used in tasking.", "rag": "green"}}
    )
    newer.plan.as_at = dt.date(2023, 2, 1)
    comparison = compare_draft(newer, world.partnership, plan)
    [item] = [i for i in comparison.actions if i.ref == "1.1a"]
    assert [c.new for c in item.changes if c.name == "progress"] == ["20/01/2023 - map used in tasking."]
    save_draft(newer, world.partnership, world.manager, plan=plan)
    assert updates_of(plan, "1.1a")[1:] == [
        (dt.date(2022, 11, 30), "amber", "30/11/2022 - first map shared with the board."),
        (dt.date(2023, 1, 20), "green", "20/01/2023 - map used in tasking."),
    ]


def test_the_same_document_imported_again_adds_no_update(world):
    draft = make_draft(**{"1_1a": {"progress": TWO_UPDATES}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    result = save_draft(
        make_draft(**{"1_1a": {"progress": TWO_UPDATES}}), world.partnership, world.manager, plan=plan
    )
    assert result.updates == 0 and len(updates_of(plan, "1.1a")) == 2


def test_a_plan_imported_as_one_update_per_cell_gets_only_the_new_dated_update(world):
    """Plans saved before dated updates were split hold the whole cell in one update."""
    single = make_draft(**{"1_1a": {"progress": TWO_UPDATES, "progress_date": dt.date(2022, 11, 30)}})
    single.plan.as_at = dt.date(2022, 10, 1)  # before the second update: the cell is not split
    plan = save_draft(single, world.partnership, world.manager).plan
    [(first_day, _status, whole)] = updates_of(plan, "1.1a")
    assert whole == TWO_UPDATES
    grown = make_draft(**{"1_1a": {"progress": f"{TWO_UPDATES} 05/12/2022 - tasking started."}})
    save_draft(grown, world.partnership, world.manager, plan=plan)
    assert updates_of(plan, "1.1a")[-1] == (dt.date(2022, 12, 5), "amber", "05/12/2022 - tasking started.")


def test_a_word_plan_with_dated_updates_in_one_cell_is_previewed_and_saved_as_its_updates(
    manager_client, world
):
    cell = "14/02/2025 - first map shared with the board.\n12/01/2025 - mapping started."
    rows = [["1.1", "Map exploitation hotspots", "Sussex Police", "March 2025", "Amber", cell]]
    batch, page = preview(manager_client, "plan.docx", docx_bytes(rows))
    assert "saved as 2 dated updates, 12 Jan 2025 to 14 Feb 2025" in page
    confirm(manager_client, batch)
    plan = Plan.objects.get(title="Front door plan")
    assert updates_of(plan, "1.1") == [
        (dt.date(2025, 1, 12), None, "12/01/2025 - mapping started."),
        (dt.date(2025, 2, 14), "amber", "14/02/2025 - first map shared with the board."),
    ]


def test_earlier_update_rounds_are_saved_before_the_latest_each_with_its_status(world):
    rounds = [
        m.EarlierUpdate(dt.date(2022, 9, 30), "Scoped", "red"),
        m.EarlierUpdate(dt.date(2022, 10, 31), "Booked", None),
    ]
    draft = make_draft(**{"1_1a": {"earlier_updates": rounds, "progress_date": dt.date(2022, 11, 30)}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    assert updates_of(plan, "1.1a") == [
        (dt.date(2022, 9, 30), "red", "Scoped"),
        (dt.date(2022, 10, 31), "red", "Booked"),  # not rated: the status holds until changed
        (dt.date(2022, 11, 30), "amber", "Conference planned for 31 January."),
    ]
    assert plan.actions.get(ref="1.1a").status.key == "amber"


def test_a_newer_workbook_adds_only_the_update_rounds_after_the_actions_latest_update(world):
    first = make_draft(
        **{
            "1_1a": {
                "earlier_updates": [m.EarlierUpdate(dt.date(2022, 9, 30), "Scoped", "red")],
                "progress_date": dt.date(2022, 10, 31),
                "progress": "Booked",
            }
        }
    )
    plan = save_draft(first, world.partnership, world.manager).plan
    newer = make_draft(
        **{
            "1_1a": {
                "earlier_updates": [
                    m.EarlierUpdate(dt.date(2022, 9, 30), "Scoped", "red"),
                    m.EarlierUpdate(dt.date(2022, 10, 31), "Booked", "amber"),
                    m.EarlierUpdate(dt.date(2022, 11, 30), "Half done", "amber"),
                ],
                "progress_date": dt.date(2022, 12, 31),
                "progress": "Done",
                "rag": "green",
            }
        }
    )
    newer.plan.as_at = dt.date(2023, 1, 15)
    result = save_draft(newer, world.partnership, world.manager, plan=plan)
    assert result.updates == 2
    assert updates_of(plan, "1.1a") == [
        (dt.date(2022, 9, 30), "red", "Scoped"),
        (dt.date(2022, 10, 31), "amber", "Booked"),
        (dt.date(2022, 11, 30), "amber", "Half done"),
        (dt.date(2022, 12, 31), "green", "Done"),
    ]
    again = save_draft(newer, world.partnership, world.manager, plan=plan)
    assert again.updates == 0


def test_web_addresses_in_an_imported_update_become_its_evidence_links(world):
    progress = (
        "Audit report (https://intranet.example.org/audits/neglect-2022.pdf), "
        "minutes at https://example.org/board/minutes. Not a link: javascript://x and ftp://files/a."
    )
    draft = make_draft(**{"1_1a": {"progress": progress}})
    plan = save_draft(draft, world.partnership, world.manager).plan
    update = plan.actions.get(ref="1.1a").updates.get()
    assert [e.link for e in update.evidence.all()] == [
        "https://intranet.example.org/audits/neglect-2022.pdf",
        "https://example.org/board/minutes",
    ]
    assert update.narrative == progress  # the words stay as written
    assert all(e.history.get().history_user == world.manager for e in update.evidence.all())


def test_a_newer_document_changing_only_the_status_adds_one_update_with_it(world):
    plan = save_draft(
        make_draft(**{"1_1a": {"progress": TWO_UPDATES}}), world.partnership, world.manager
    ).plan
    rerated = make_draft(**{"1_1a": {"progress": TWO_UPDATES, "rag": "green"}})
    result = save_draft(rerated, world.partnership, world.manager, plan=plan)
    assert result.updates == 1
    assert updates_of(plan, "1.1a")[-1] == (
        dt.date(2022, 11, 30),
        "green",
        "30/11/2022 - first map shared with the board.",
    )
    assert plan.actions.get(ref="1.1a").status.key == "green"
