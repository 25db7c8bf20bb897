"""Backups of the app's database and restoring one: SQLite's online backup API on SQLite, pg_dump's custom format on
PostgreSQL (`netcompanion backup`, `netcompanion restore`).

A plain copy of a SQLite file taken while the app writes misses what still sits in its write-ahead log (11 of 393
acknowledged diary days in the load test); the backup API reads one consistent snapshot while writers carry on.
A backup is written under a temporary name in the target directory, checked, and only then renamed, so a file
with a backup's name is always a whole, checked backup. A restore checks the file first and writes in one
transaction, so a refused or failed restore leaves the database as it was."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing, suppress
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from django.contrib.auth import get_user_model

OWN_FILE = re.compile(r"^netcompanion-\d{8}T\d{6}Z\.(sqlite3|pgdump)$")  # what --keep may remove, and nothing else
SUFFIX = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
HEADER = {"sqlite": b"SQLite format 3\x00", "postgresql": b"PGDMP"}
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"  # Debian's server packages, as bench/with_postgres.sh finds them
# libpq's connection keywords that Django's OPTIONS may carry (dj_database_url puts ?sslmode=... there).
LIBPQ_OPTIONS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "connect_timeout", "application_name",
                 "target_session_attrs", "options", "passfile", "service", "gssencmode"}


class BackupError(Exception):
    """A backup or restore refused or failed; the message is the one line the command prints."""


@dataclass(frozen=True)
class Contents:
    tables: int
    rows: int | None  # pg_dump's table of contents lists tables, not rows

    def __str__(self) -> str:
        return f"{self.tables} tables" + ("" if self.rows is None else f", {self.rows} rows")


@dataclass(frozen=True)
class Made:
    path: Path
    size: int
    contents: Contents
    check: str
    removed: list[Path]


def backup(connection, directory: Path, now: dt.datetime, keep: int | None = None) -> Made:
    """Writes a backup of the database behind ``connection`` (Django's) into ``directory``, named with the UTC
    time, and with ``keep`` removes this command's older backups there beyond the newest ``keep``."""
    vendor = _vendor(connection)
    if not directory.is_dir():
        raise BackupError(f"there is no directory {directory}")
    path = directory / (now.astimezone(dt.UTC).strftime("netcompanion-%Y%m%dT%H%M%SZ") + SUFFIX[vendor])
    if path.exists():
        raise BackupError(f"{path} already exists; nothing was written")
    partial = directory / f".{path.name}.partial"
    try:
        if vendor == "sqlite":
            contents, check = _sqlite_backup(connection.settings_dict, partial)
        else:
            contents, check = _pg_backup(connection.settings_dict, partial)
        _sync(partial)
        os.replace(partial, path)
        _sync(directory)
    except OSError as error:
        with suppress(FileNotFoundError):
            path.unlink()  # renamed but not flushed: not a backup to count on (the name was free above)
        raise BackupError(_reason(error)) from error
    finally:
        with suppress(FileNotFoundError):
            partial.unlink()
    try:
        removed = _prune(directory, keep) if keep else []
    except OSError as error:
        raise BackupError(f"{path} was written, but removing older backups failed: {_reason(error)}") from error
    return Made(path, path.stat().st_size, contents, check, removed)


def restore(connection, file: Path, force: bool) -> tuple[Contents, str]:
    """Restores ``file`` into the database behind ``connection``: refuses a file that is not a whole backup for
    this database's kind, and a database that holds accounts unless ``force``. Returns what the database holds
    afterwards and what was done."""
    vendor = _vendor(connection)
    if not file.is_file():
        raise BackupError(f"there is no file {file}")
    try:
        with file.open("rb") as stream:
            header = stream.read(16)
    except OSError as error:
        raise BackupError(_reason(error)) from error
    kind = next((k for k, h in HEADER.items() if header.startswith(h)), None)
    if kind is None:
        raise BackupError(f"{file} is not a backup made by `netcompanion backup`; nothing was restored")
    if kind != vendor:
        raise BackupError(f"{file} is a {kind} backup and this database is {vendor}; nothing was restored")
    if vendor == "sqlite":
        try:
            with closing(_sqlite_open(file, "ro")) as backed_up:
                expected = _sqlite_checked(backed_up)
        except sqlite3.Error as error:
            raise BackupError(f"{file} is not a whole SQLite backup: {error}; nothing was restored") from error
    else:
        expected = _pg_listed(file)
    if _holds_accounts(connection) and not force:
        raise BackupError(f"the database {connection.settings_dict['NAME']} holds accounts; "
                          "restore over it only with --force; nothing was restored")
    connection.close()
    if vendor == "sqlite":
        return _sqlite_restore(connection.settings_dict, file, expected)
    _pg_run("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
            f"--dbname={_conninfo(connection.settings_dict)}", str(file), settings_dict=connection.settings_dict)
    with connection.cursor() as cursor:
        restored = _counted(cursor, connection.introspection.table_names(cursor), connection.ops.quote_name)
    return restored, f"pg_restore of {expected} into {connection.settings_dict['NAME']}"


def _holds_accounts(connection) -> bool:
    """Whether the database holds anyone's account, and so records: what a restore would overwrite. A database
    that `migrate` just made holds only what the migrations put there (content types, support groups)."""
    table = get_user_model()._meta.db_table
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return False
        cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
        return cursor.fetchone() is not None


def _vendor(connection) -> str:
    if connection.vendor not in SUFFIX:
        raise BackupError(f"backups are made of SQLite and PostgreSQL databases, not {connection.vendor}")
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        raise BackupError("the database is in memory; there is no file to back up or restore into")
    return connection.vendor


def _sqlite_open(path: Path, mode: str) -> sqlite3.Connection:
    """A connection that never creates a missing file (``mode`` ro or rw), so a wrong path is an error, not an
    empty backup."""
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=30)
    except sqlite3.Error as error:
        raise BackupError(f"cannot open the SQLite database {path}: {error}") from error


def _sqlite_backup(settings_dict, partial: Path) -> tuple[Contents, str]:
    """One step of the backup API copies every page under one read transaction: a snapshot of what was committed
    when it began, the write-ahead log included."""
    try:
        with closing(_sqlite_open(Path(settings_dict["NAME"]), "rw")) as source, \
                closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, with no -wal beside it
            return _sqlite_checked(copy), "PRAGMA integrity_check: ok"
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite backup failed: {error}") from error


def _sqlite_restore(settings_dict, file: Path, expected: Contents) -> tuple[Contents, str]:
    """The backup API again, from the file into the database: one write transaction, so the app's connections
    see the old database or the restored one, never a mix."""
    target = Path(settings_dict["NAME"])
    try:
        with closing(_sqlite_open(file, "ro")) as source, closing(sqlite3.connect(target, timeout=30)) as database:
            source.backup(database)
            restored = _sqlite_checked(database)
    except sqlite3.Error as error:
        raise BackupError(f"the SQLite restore failed: {error}") from error
    if restored != expected:
        raise BackupError(f"{target} holds {restored} after the restore, the backup {expected}")
    return restored, f"copied every page of {file} into {target}; PRAGMA integrity_check: ok"


def _sqlite_checked(database: sqlite3.Connection) -> Contents:
    with closing(database.cursor()) as cursor:
        problems = [row[0] for row in cursor.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise BackupError(f"PRAGMA integrity_check failed: {problems[0]}")
        tables = [row[0] for row in cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        if "django_migrations" not in tables:
            raise BackupError("the database holds no NET Companion tables (no django_migrations)")
        return _counted(cursor, tables, lambda name: '"' + name.replace('"', '""') + '"')


def _counted(cursor, tables: list[str], quote) -> Contents:
    rows = 0
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        rows += cursor.fetchone()[0]
    return Contents(len(tables), rows)


def _pg_backup(settings_dict, partial: Path) -> tuple[Contents, str]:
    _pg_run("pg_dump", "--format=custom", f"--file={partial}", f"--dbname={_conninfo(settings_dict)}",
            settings_dict=settings_dict)
    return _pg_listed(partial), "pg_restore --list: readable"


def _pg_listed(file: Path) -> Contents:
    """Reads the archive's table of contents, as pg_restore will: a truncated or foreign file fails here."""
    listing = _pg_run("pg_restore", "--list", str(file))
    tables = [line for line in listing.splitlines() if " TABLE DATA " in line]
    if not any(" django_migrations " in line for line in tables):
        raise BackupError(f"{file} holds no NET Companion tables (no django_migrations)")
    return Contents(len(tables), None)


def pg_tool(name: str) -> str:
    """The tool on PATH (Debian's wrapper picks the version for the server), else the newest server package's."""
    found = shutil.which(name) or max(glob(f"{PG_BIN_GLOB}/{name}"), default=None,
                                      key=lambda path: [int(n) for n in re.findall(r"\d+", path)])
    if found is None:
        raise BackupError(f"{name} is not installed (on Debian: apt-get install postgresql-client)")
    return found


def _pg_run(tool: str, *arguments: str, settings_dict=None) -> str:
    """Runs a PostgreSQL client tool; the password goes in the child's environment (PGPASSWORD), never on its
    command line, where every user of the machine could read it."""
    environment = dict(os.environ)
    if settings_dict and settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    done = subprocess.run([pg_tool(tool), "--no-password", *arguments], capture_output=True, text=True,
                          env=environment, check=False)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        raise BackupError(f"{tool} failed: {lines[-1]}")
    return done.stdout


def _conninfo(settings_dict) -> str:
    """The connection as a libpq string of keywords, without the password."""
    given = {"host": settings_dict.get("HOST"), "port": settings_dict.get("PORT"), "user": settings_dict.get("USER"),
             "dbname": settings_dict["NAME"],
             **{key: value for key, value in (settings_dict.get("OPTIONS") or {}).items() if key in LIBPQ_OPTIONS}}
    return " ".join(f"{key}={_quoted(value)}" for key, value in given.items() if value not in (None, ""))


def _quoted(value) -> str:
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _prune(directory: Path, keep: int) -> list[Path]:
    """Removes all but the newest ``keep`` of this command's backups in ``directory`` (the name sorts by time)."""
    own = sorted(path for path in directory.iterdir() if OWN_FILE.match(path.name) and path.is_file())
    removed = own[:-keep]
    for path in removed:
        path.unlink()
    return removed


def _sync(path: Path) -> None:
    """Flushes a file, or a directory's entry of a renamed file, to the disk before the backup counts as made."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _reason(error: OSError) -> str:
    return f"{error.strerror or error}: {error.filename}" if error.filename else str(error.strerror or error)
