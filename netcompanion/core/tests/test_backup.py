"""`netcompanion backup` and `netcompanion restore`: a backup taken while patients write holds every day acknowledged
before it began, with its versions, and the app runs on the restored copy; refusals change nothing.

Each test works on a database of its own connections (the root conftest's ``own_connections``): on SQLite a file in
WAL mode, as the site runs, since the test database in memory has no file to back up; on PostgreSQL (CI) the test
database itself, backed up with pg_dump and restored into a new database."""

import datetime as dt
import errno
import io
import os
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from netcompanion.accounts.models import ApiToken
from netcompanion.core import backup
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions
from netcompanion.diary.models import DiaryEntry

pytestmark = pytest.mark.django_db(transaction=True)
WRITERS = 3


@pytest.fixture
def cast(record_cast):
    return record_cast


@pytest.fixture
def on(own_connections, cast):
    """``on(fn, ...)``: runs the functions at once on the test's database (the cast in it), each on a connection of
    its own."""
    own_connections(lambda: None)  # on SQLite, from here on a file in WAL mode
    return own_connections


@pytest.fixture
def shelf(tmp_path):
    """The directory the backups go to (the SQLite database's file is beside it, in ``tmp_path``)."""
    (tmp_path / "backups").mkdir()
    return tmp_path / "backups"


@contextmanager
def fresh_database(tmp_path):
    """Points the connections opened inside at a new, empty database (a new file, or a new PostgreSQL database),
    then back at the test's."""
    settings_dict = connection.settings_dict
    name = settings_dict["NAME"]
    fresh = str(tmp_path / "restored.sqlite3") if connection.vendor == "sqlite" else f"{name}_restored"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {fresh}")
    settings_dict["NAME"] = fresh
    try:
        yield
    finally:
        settings_dict["NAME"] = name
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")


def _command(*arguments) -> str:
    out = io.StringIO()
    call_command(*arguments, stdout=out)
    return out.getvalue()


def _refused(*arguments) -> str:
    try:
        call_command(*arguments, stdout=io.StringIO())
    except CommandError as refused:
        return str(refused)
    raise AssertionError(f"{arguments} was not refused")


def _state() -> dict:
    """What a refused command must leave as it was."""
    return {"days": sorted((e.date, e.pain, e.versions.count()) for e in DiaryEntry.objects.all()),
            "tokens": ApiToken.objects.count()}


def _backups(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def test_a_backup_taken_while_patients_write_restores_every_acknowledged_day_with_its_versions(on, cast, shelf):
    maria = cast["maria"]
    [token] = on(lambda: ApiToken.issue(maria, "phone")[1])
    started, done = threading.Event(), threading.Event()
    before, acknowledged, lock = set(), set(), threading.Lock()

    def write(writer):
        for k in range(60):
            if done.is_set() and k >= 10:
                return
            date = TODAY - dt.timedelta(days=writer + WRITERS * k)
            saved = actions.save_day(maria, maria, {"date": date, "pain": 1})
            actions.change_day(saved.record, maria, {"date": date, "pain": 2})  # a second version
            with lock:  # acknowledged: both saves committed
                acknowledged.add(date)
                if not started.is_set():
                    before.add(date)

    def take_backup():
        while len(acknowledged) < 2 * WRITERS:
            threading.Event().wait(0.01)
        started.set()
        try:
            return _command("backup", str(shelf))
        finally:
            done.set()

    *_, printed = on(*[partial(write, w) for w in range(WRITERS)], take_backup)
    [name] = _backups(shelf)
    assert f"backup: {shelf / name}" in printed
    assert ("PRAGMA integrity_check: ok" if connection.vendor == "sqlite" else "pg_restore --list: readable") in printed
    assert acknowledged > before and len(before) >= 2 * WRITERS

    with fresh_database(shelf.parent):
        [restored] = on(partial(_command, "restore", str(shelf / name)))

        def the_copy():
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            entries = {e.date: e for e in DiaryEntry.objects.filter(patient=maria)}
            versions = {date: [(v.number, v.data["pain"]) for v in e.versions.order_by("number")]
                        for date, e in entries.items()}
            client = Client()
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
            listed = client.get("/api/v1/diary?limit=500")
            page = Client()
            page.force_login(maria)
            return pending, entries, versions, listed, page.get(reverse("diary:diary"))

        [(pending, entries, versions, listed, diary_page)] = on(the_copy)
    assert "schema: matches this version" in restored
    assert pending == []
    assert before <= set(entries), f"lost {len(before - set(entries))} of {len(before)} acknowledged days"
    assert all(versions[date] == [(1, 1), (2, 2)] for date in before)
    assert all([n for n, _ in v] == list(range(1, len(v) + 1)) and entries[d].pain == v[-1][1]
               for d, v in versions.items())  # a day caught between its two saves has one whole version
    assert listed.status_code == 200 and int(listed["X-Total-Count"]) == len(entries)
    assert {row["date"] for row in listed.json()} == {date.isoformat() for date in entries}
    assert diary_page.status_code == 200
    assert reverse("diary:edit", args=[entries[max(before)].code]) in diary_page.content.decode()


def test_restore_refuses_a_database_with_accounts_unless_forced_and_changes_nothing(on, cast, shelf):
    maria = cast["maria"]
    on(partial(actions.save_day, maria, maria, {"date": TODAY, "pain": 3}))
    [printed] = on(partial(_command, "backup", str(shelf)))
    [name] = _backups(shelf)
    on(partial(actions.save_day, maria, maria, {"date": TODAY - dt.timedelta(days=1), "pain": 5}))
    [kept] = on(_state)

    [refusal] = on(partial(_refused, "restore", str(shelf / name)))
    assert "holds accounts" in refusal and "--force" in refusal and "nothing was restored" in refusal
    assert on(_state) == [kept]

    [restored] = on(partial(_command, "restore", str(shelf / name), "--force"))
    [back] = on(_state)
    assert back["days"] == [(TODAY, 3, 1)] and "restored:" in restored and "holds:" in restored


@pytest.mark.parametrize("spoil", ["truncated", "not a backup"])
def test_restore_refuses_a_spoilt_or_foreign_file_even_when_forced_and_changes_nothing(on, cast, shelf, spoil):
    maria = cast["maria"]
    on(partial(actions.save_day, maria, maria, {"date": TODAY, "pain": 3}))
    on(partial(_command, "backup", str(shelf)))
    [name] = _backups(shelf)
    whole = (shelf / name).read_bytes()
    spoilt = shelf / "spoilt"
    spoilt.write_bytes(whole[: len(whole) // 2] if spoil == "truncated" else b"patient,date,pain\nmaria,2026-06-17,3\n")
    on(partial(actions.save_day, maria, maria, {"date": TODAY - dt.timedelta(days=1), "pain": 5}))
    [kept] = on(_state)

    [refusal] = on(partial(_refused, "restore", str(spoilt), "--force"))
    assert "nothing was restored" in refusal or "failed" in refusal or "not a whole" in refusal, refusal
    assert on(_state) == [kept]
    assert "there is no file" in on(partial(_refused, "restore", str(shelf / "absent"), "--force"))[0]


@pytest.mark.parametrize("failing", ["the file", "the directory after the rename"])
def test_a_backup_into_a_missing_directory_or_onto_a_full_disk_leaves_nothing(on, cast, shelf, monkeypatch, failing):
    assert on(partial(_refused, "backup", str(shelf / "absent"))) == [f"there is no directory {shelf / 'absent'}"]
    assert not (shelf / "absent").exists()
    flush = backup._sync

    def full(path):
        if (path == shelf) == (failing != "the file"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        flush(path)

    monkeypatch.setattr(backup, "_sync", full)
    [refusal] = on(partial(_refused, "backup", str(shelf)))
    assert refusal.startswith("No space left on device: ") and "\n" not in refusal
    assert _backups(shelf) == []  # neither a backup nor its temporary file


def test_backups_are_named_with_the_utc_time_and_keep_removes_only_the_commands_own_older_files(
        on, cast, shelf, time_machine):
    strangers = ["notes.txt", "netcompanion-copy.sqlite3", "netcompanion-20200101T000000Z.sqlite3.bak"]
    for stranger in strangers:
        (shelf / stranger).write_text("not ours")
    made = []
    for day in range(3):
        time_machine.move_to(dt.datetime(2026, 6, 17 + day, 0, 30, tzinfo=dt.UTC), tick=False)
        [printed] = on(partial(_command, "backup", str(shelf), "--keep", "2"))
        made.append(printed)
    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".pgdump"
    assert _backups(shelf) == sorted([*strangers, f"netcompanion-20260618T003000Z{suffix}",
                                         f"netcompanion-20260619T003000Z{suffix}"])
    assert f"removed older backup: {shelf / f'netcompanion-20260617T003000Z{suffix}'}" in made[2]
    assert "removed" not in made[0] + made[1]
    [again] = on(partial(_refused, "backup", str(shelf)))
    assert "already exists" in again


def test_pg_tools_get_the_password_in_their_environment_never_on_the_command_line(tmp_path, monkeypatch):
    """A stand-in pg_dump on PATH records what it was given; the password must not be in any argument, which
    every user of the machine can read in the process list."""
    seen = tmp_path / "seen"
    tool = tmp_path / "pg_dump"
    tool.write_text(f"#!{sys.executable}\nimport os, sys\n"
                    f"open({str(seen)!r}, 'w').write(repr((sys.argv[1:], os.environ.get('PGPASSWORD'))))\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    settings_dict = {"NAME": "netcompanion", "USER": "nc", "PASSWORD": "s3cret o'clock", "HOST": "db.internal",
                     "PORT": "5432", "OPTIONS": {"sslmode": "require", "pool": True}}
    backup._pg_run("pg_dump", "--format=custom", f"--dbname={backup._conninfo(settings_dict)}",
                   settings_dict=settings_dict)
    arguments, password = eval(seen.read_text())  # noqa: S307 - our own repr, written just above
    assert password == "s3cret o'clock" and not any("s3cret" in argument for argument in arguments)
    assert "--dbname=host='db.internal' port='5432' user='nc' dbname='netcompanion' sslmode='require'" in arguments
    assert "--no-password" in arguments


def test_a_missing_pg_dump_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(backup, "PG_BIN_GLOB", str(tmp_path / "postgresql" / "*" / "bin"))
    with pytest.raises(backup.BackupError, match=r"^pg_dump is not installed"):
        backup.pg_tool("pg_dump")


def test_the_command_exits_non_zero_with_one_line_and_no_traceback(tmp_path):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "netcompanion.settings_test",
                   "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    done = subprocess.run([sys.executable, "-m", "netcompanion", "backup", str(tmp_path / "absent")], env=environment,
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"CommandError: there is no directory {tmp_path / 'absent'}"]
