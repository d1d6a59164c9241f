"""Indexes kept, dropped or added after EXPLAIN ANALYZE on the national dataset (bench/README.md).

- (plan, due_date) and (plan, status) on actions: no page or API query ran faster with them
  (a plan's hundred actions are found by plan_id); dropped.
- The index on progress updates' action_id alone: every query that used it runs as fast on the
  (action, date) index, whose first column it is; dropped (15 MB of 2,000,000 rows, and one
  index less to write per update). Only the index goes: the foreign key constraint stays, so
  the table is not re-checked.
"""

import django.db.models.deletion
from django.db import migrations, models

ACTION_INDEX = "plans_progressupdate_action_id_06b5353b"


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="action",
            name="plans_actio_plan_id_2d6ffb_idx",
        ),
        migrations.RemoveIndex(
            model_name="action",
            name="plans_actio_plan_id_a4413b_idx",
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="progressupdate",
                    name="action",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="updates",
                        to="plans.action",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{ACTION_INDEX}"',
                    reverse_sql=f'CREATE INDEX "{ACTION_INDEX}" ON "plans_progressupdate" ("action_id")',
                ),
            ],
        ),
    ]
