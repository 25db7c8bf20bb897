"""Test helpers every app's tests share. Used by tests only."""

import datetime as dt
import html
import re
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# The instant every test starts at (the root conftest travels there): a plain Wednesday morning in the site's time
# zone, far from a month end and a clock change. A value captured when a test module is imported must come from
# here, never from the real clock, which is read before any fixture runs.
FROZEN_NOW = dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM)
FROZEN_TODAY = FROZEN_NOW.date()


def text(response) -> str:
    """The page as a person reads it: tags dropped, entities decoded, white space squashed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def refused_fields(response) -> list[str]:
    """The fields a 422 answer of the API names, in its order."""
    return [error["loc"][-1] for error in response.json()["detail"]]


def form_row(body: str, name: str) -> str:
    """The rendered form row that holds the input called ``name``: where its label, help and error are."""
    rows = [row for row in body.split('<div class="form-row">')[1:] if f'name="{name}"' in row]
    assert rows, f"no form row for {name}"
    return rows[0]


def migrate_to(targets=None):
    """Migrates the test database to ``targets`` ([(app, migration)]), or to the latest of every app; the executor,
    its graph read again."""
    from django.db import connection  # Django, only once it is set up
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    executor.loader.build_graph()
    return executor


def filled_before(targets, fill):
    """A migration test's start: the schema taken back to ``targets`` ([(app, migration)]), ``fill(apps)`` writing
    rows with the models as they were then, and every app migrated forward again whatever happened (the rest of
    the suite runs on the latest schema). Returns what ``fill`` returned; the test then reads the migrated rows.
    Tests that use it need ``@pytest.mark.django_db(transaction=True)``."""
    executor = migrate_to(targets)
    try:
        # The models as the database now has them: the state at the applied migrations that nothing applied follows
        # (going back undoes the later migrations of other apps that depend on ``targets`` too).
        graph = executor.loader.graph
        applied = {node for node in executor.loader.applied_migrations if node in graph.node_map}  # not squashed
        ends = [node for node in applied if not any(child.key in applied for child in graph.node_map[node].children)]
        return fill(executor.loader.project_state(ends).apps)
    finally:
        migrate_to()
