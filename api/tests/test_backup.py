"""Backing up a partnership and restoring it: nothing lost, nothing of another partnership."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command

from api import backup
from plans import models
from plans.tests import factories


@pytest.fixture
def rich_world(world, settings, tmp_path):
    """The world with every kind of thing a partnership holds, and some history."""
    settings.MEDIA_ROOT = tmp_path / "media"
    plan = world.plan
    child = factories.SectionFactory(plan=plan, parent=world.police_action.section, ref="1a", title="Child")
    person = factories.PersonFactory(
        partnership=world.partnership, agency=world.police, user=world.contributor
    )
    world.police_action.owners.add(person)
    world.police_action.owner_agencies.add(world.police, world.council)
    world.police_action.section = child
    world.police_action.due_text = "March 2031"
    world.police_action.save()  # a second history row
    update = factories.ProgressUpdateFactory(
        action=world.police_action, author=world.contributor, status=factories.status(plan, "green"),
        narrative="Audit done – “quotes” and <b>markup</b> kept", date=dt.date(2025, 3, 1),
    )  # fmt: skip
    models.Evidence.objects.create(update=update, title="Minutes", link="https://example.org/minutes")
    evidence = models.Evidence(update=update, title="Audit")
    evidence.file.save("audit.txt", ContentFile(b"Audit of the front door"), save=True)
    gone = factories.ActionFactory(plan=plan, ref="9.9")
    gone.delete()  # its history stays
    board = apps.get_model("governance", "Board").objects.create(
        partnership=world.partnership, name="Executive"
    )
    board.plans.add(plan)
    meeting = apps.get_model("governance", "Meeting").objects.create(board=board, date=dt.date(2025, 4, 1))
    apps.get_model("governance", "SignOff").objects.create(
        section=child,
        proposed_by=world.manager,
        proposed_on=dt.date(2025, 4, 1),
        evidence="Done",
        meeting=meeting,
    )
    measure = apps.get_model("scorecard", "Measure").objects.create(
        partnership=world.partnership, name="Strategy meetings in 3 days", target=Decimal("85.50")
    )
    source = apps.get_model("scorecard", "Source").objects.create(
        partnership=world.partnership, name="Report"
    )
    apps.get_model("scorecard", "Value").objects.create(
        measure=measure, period=dt.date(2025, 4, 1), number=Decimal("80.25"), source=source
    )
    apps.get_model("intake", "ImportBatch").objects.create(
        partnership=world.partnership, user=world.manager, filename="plan.docx", document=b"\x00PK\x03\x04",
        draft={"sections": [{"ref": "1"}]},
    )  # fmt: skip
    return world


def canonical(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The backup with ids replaced by each row's place in its table, users by username."""
    known = {m._meta.label_lower: m for m in backup.partnership_models()}
    user_model = get_user_model()
    users = {u["id"]: u["username"] for u in data["users"]}
    rank = {
        label: {row[known[label]._meta.pk.attname]: i for i, row in enumerate(rows)}
        for label, rows in data["tables"].items()
    }
    result = {}
    for label, rows in data["tables"].items():
        model = known[label]
        base = model.instance_type if backup.is_historical(model) else None
        gone: dict[Any, int] = {}
        out = []
        for row in rows:
            new = {}
            for field in model._meta.concrete_fields:
                value = row.get(field.attname)
                if field.primary_key:
                    value = rank[label][value]
                elif base is not None and field.attname == base._meta.pk.attname:
                    mapped = rank.get(base._meta.label_lower, {}).get(value)
                    value = (
                        ("object", mapped)
                        if mapped is not None
                        else ("gone", gone.setdefault(value, len(gone)))
                    )
                elif field.is_relation and value is not None:
                    if field.related_model is user_model:
                        value = users[value]
                    else:
                        value = rank.get(field.related_model._meta.label_lower, {}).get(value)
                elif model is models.Partnership and field.name in ("slug", "name"):
                    value = None
                new[field.attname] = value
            out.append(new)
        result[label] = out
    return result


def test_a_partnership_copied_through_a_backup_is_the_same_in_every_table(rich_world, tmp_path):
    path = tmp_path / "backup.json"
    call_command("export_partnership", rich_world.partnership.slug, "-o", str(path))
    before = json.loads(path.read_text())
    call_command("import_partnership", str(path), "--slug", "copy", "--name", "Copy")
    after = backup.export_partnership("copy")

    for label in ("plans.action", "plans.historicalaction", "plans.evidence", "plans.membership",
                  "governance.board_plans", "scorecard.value", "intake.importbatch", "plans.action_owners"):  # fmt: skip
        assert before["tables"][label], f"the test world has no {label}"
    assert canonical(after) == canonical(before)
    assert after["files"] == before["files"]
    assert sum(map(len, after["tables"].values())) == sum(map(len, before["tables"].values()))


def test_the_copy_shares_nothing_with_the_original(rich_world, tmp_path):
    data = backup.export_partnership(rich_world.partnership.slug)
    backup.import_partnership(data, slug="copy", name="Copy")
    copy = models.Partnership.objects.get(slug="copy")
    copied_actions = models.Action.objects.filter(plan__partnership=copy)
    assert copied_actions.count() == 2
    assert not set(copied_actions.values_list("pk", flat=True)) & {rich_world.police_action.pk}
    action = copied_actions.get(ref="1.1")
    assert action.section.plan.partnership == copy
    assert {a.partnership for a in action.owner_agencies.all()} == {copy}
    assert action.status.plan.partnership == copy
    assert action.history.count() == rich_world.police_action.history.count()
    # the deleted action's history came along under an id no live action has
    gone = models.Action.history.filter(ref="9.9", plan__partnership=copy)
    assert gone.exists() and not models.Action.objects.filter(pk=gone.first().id).exists()


def test_a_deleted_partnership_is_restored_with_its_people_able_to_sign_in(rich_world, tmp_path):
    slug = rich_world.partnership.slug
    data = backup.export_partnership(slug)
    # Rows behind protected references go first (updates keep their status, values their source).
    apps.get_model("scorecard", "Value").objects.filter(measure__partnership=rich_world.partnership).delete()
    models.ProgressUpdate.objects.filter(action__plan__partnership=rich_world.partnership).delete()
    rich_world.partnership.delete()
    get_user_model().objects.filter(username="viewer").delete()
    result = backup.import_partnership(data)
    assert result["users_created"] == ["viewer"]
    viewer = get_user_model().objects.get(username="viewer")
    assert viewer.check_password("correct-horse-battery")
    membership = models.Membership.objects.get(user=viewer, partnership__slug=slug)
    assert membership.role == models.Role.VIEWER
    assert models.Action.objects.filter(plan__partnership__slug=slug).count() == 2


def test_restoring_over_an_existing_partnership_is_refused(rich_world):
    data = backup.export_partnership(rich_world.partnership.slug)
    with pytest.raises(backup.BackupError, match="exists already"):
        backup.import_partnership(data)


def test_the_backup_holds_nothing_of_another_partnership(rich_world):
    data = backup.export_partnership(rich_world.partnership.slug)
    text = json.dumps(data)
    assert rich_world.other_plan.title not in text
    assert "outsider" not in {u["username"] for u in data["users"]}


@pytest.mark.parametrize("microsecond", [0, 123, 999, 1000, 456789])
def test_a_moment_is_restored_to_the_microsecond(microsecond):
    field = models.ProgressUpdate._meta.get_field("created")
    moment = dt.datetime(2025, 3, 1, 9, 30, 15, microsecond, tzinfo=dt.UTC)
    assert backup.decode(field, json.loads(json.dumps(backup.encode(moment)))) == moment
