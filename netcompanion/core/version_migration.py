"""The operations that moved a record type's version table onto the one base (``core.records.RecordVersion``),
written once for the five apps whose migrations do it (diary 0005, labs 0002, medicines 0002, appointments 0003,
careplan 0002). Released migrations must never change what they do, so neither may this module: a later change
to the version tables gets a migration of its own."""

from django.db import migrations, models

ACTIONS = [
    ("created", "Created"), ("updated", "Changed"), ("stopped", "Stopped"), ("ended", "Ended"),
    ("cancelled", "Cancelled"), ("deleted", "Deleted"),
]


def onto_one_base(table: str, constraint: str | None = None, link: str | None = None,
                  new_action: str | None = None) -> list:
    """The operations for one version table: its link to the record renamed from ``link`` to ``record`` in place
    (the unique (record, number) ``constraint`` taken off and put back round it), the base's ordering, and the
    one list of actions, as a new column with ``new_action`` for the rows already there where it had none."""
    operations: list = []
    if link is not None:
        operations += [
            migrations.RemoveConstraint(model_name=table, name=constraint),
            migrations.RenameField(model_name=table, old_name=link, new_name="record"),
            migrations.AddConstraint(model_name=table, constraint=models.UniqueConstraint(
                fields=["record", "number"], name=constraint)),
        ]
    operations.append(migrations.AlterModelOptions(name=table, options={"ordering": ["record", "number"]}))
    if new_action is None:
        operations.append(migrations.AlterField(model_name=table, name="action",
                                                field=models.CharField(choices=ACTIONS, max_length=10)))
    else:
        operations.append(migrations.AddField(model_name=table, name="action", preserve_default=False,
                                              field=models.CharField(choices=ACTIONS, default=new_action,
                                                                     max_length=10)))
    return operations
