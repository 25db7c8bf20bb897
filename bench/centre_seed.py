"""A realistic NET centre, written straight into the database for bench/centre_scale.py.

Every patient is generated on their own from a seeded random stream, one chunk of patients at a
time, so memory stays flat however big the centre is. Rows go in with SQLite `executemany` in big
transactions (with seed-only pragmas) or PostgreSQL `COPY`; the schema, indexes included, is the
one `migrate` made. Columns the seed does not fill get the model field's default, so a new
required field without a default stops the seed with its name instead of writing wrong rows.

Needs Django set up (bench/centre_scale.py does it) and a migrated, empty database.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import connection

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.alerts.models import Alert, AlertEvent
from netcompanion.alerts.targets import schedule
from netcompanion.appointments.models import Appointment, AppointmentVersion
from netcompanion.audit.models import AccessEvent
from netcompanion.careteam.models import Assignment
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion
from netcompanion.labs.models import LabResult, LabResultVersion
from netcompanion.medicines.models import Injection, InjectionPlan, InjectionPlanVersion, InjectionVersion
from netcompanion.navigator.models import NavigatorResult
from netcompanion.triage import assess

VIGNETTES = Path(__file__).resolve().parents[1] / "netcompanion/triage/tests/vignettes.yaml"
VERSION_COLUMNS = ("number", "action", "data", "changed_by_id", "changed_at")  # every version table: core.records
NURSES, DOCTORS = 25, 10
BENCH_NURSE = "nurse01"
NURSE_PATIENTS = 300
FLUSH_ROWS = 50_000

# uuid4 from one 128-bit draw: version 4 and the RFC 4122 variant bits set, as uuid.uuid4() does.
_UUID_MASK = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
_UUID_BITS = (4 << 76) | (2 << 62)
TRIGGERS = ['["alcohol"]', '["spicy_food"]', '["stress"]', '["alcohol", "stress"]', '["other"]']
NOTES = ["Bad night.", "Ate out, spicy food.", "Tired after work.", "Felt fine today.",
         "Loose stools after lunch.", "Short walk.", "Injection day, sore spot.", "Flushes in the evening."]
NOTES_JSON = [json.dumps(n) for n in NOTES]
RANKS = {"emergency": 3, "urgent": 2, "soon": 1}
LABS = ["Karolinska Universitetslaboratoriet", "Unilabs", "Sahlgrenska lab", "Akademiska lab"]
NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per", "Lena",
         "Mikael", "Ingrid", "Nils", "Sofia", "Olof", "Elin", "Hans", "Maja", "Karl"]
SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
            "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Berg", "Holm", "Sjöberg"]


NORMALS_MASK = (1 << 16) - 1
_normals = random.Random(99)
NORMALS = [_normals.gauss(0, 1) for _ in range(NORMALS_MASK + 1 + 8)]  # + 8: reads run past the mask


class SeedError(Exception):
    pass


def random_uuid(rng: random.Random) -> str:
    return f"{rng.getrandbits(128) & _UUID_MASK | _UUID_BITS:032x}"


def utc_text(moment: dt.datetime) -> str:
    """A UTC time as both SQLite (Django's naive-UTC text) and PostgreSQL (session time zone UTC) read it."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def db_value(model, name: str, value):
    f = model._meta.get_field(name)
    return f.get_db_prep_save(value, connection)


class Sink:
    """Rows for one table: the seed's columns, then a constant for every column it leaves out."""

    def __init__(self, model, columns: tuple[str, ...]):
        opts = model._meta
        fields = {f.column: f for f in opts.concrete_fields}
        unknown = [c for c in columns if c not in fields]
        if unknown:
            raise SeedError(f"{opts.db_table}: no column {', '.join(unknown)} (has the model changed?)")
        rest = []
        for column, f in fields.items():
            if column in columns:
                continue
            if f.primary_key or f.unique:
                raise SeedError(f"{opts.db_table}.{column} is unique: the seed must give it for each row")
            value = f.get_default() if f.has_default() or not f.null else None
            value = f.get_db_prep_save(value, connection)
            if value is None and not f.null:
                raise SeedError(f"{opts.db_table}.{column} is required and has no default: teach the seed "
                                f"(bench/centre_seed.py) what to put there")
            rest.append((column, value))
        self.model = model
        self.table = opts.db_table
        self.columns = tuple(columns) + tuple(c for c, _ in rest)
        self.constants = tuple(v for _, v in rest)
        self.rows: list[tuple] = []
        self.written = 0

    def add(self, row: tuple) -> None:
        self.rows.append(row)


class Writer:
    """Bulk writes on a connection of its own, with seed-only settings."""

    def __init__(self, indexes_after: tuple[str, ...] = ()):
        db = connection.settings_dict
        self.vendor = connection.vendor
        connection.close()
        if self.vendor == "sqlite":
            import sqlite3

            self.conn = sqlite3.connect(db["NAME"], isolation_level=None)
            # Seed only: no journal, no fsync, one writer. The benchmark's own connections use
            # the app's settings (WAL, busy_timeout, full sync).
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE",
                           "cache_size=-262144", "temp_store=MEMORY", "foreign_keys=OFF"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.conn.execute("BEGIN")
        elif self.vendor == "postgresql":
            import psycopg

            self.conn = psycopg.connect(
                dbname=db["NAME"], user=db["USER"] or None, password=db["PASSWORD"] or None,
                host=db["HOST"] or None, port=db["PORT"] or None, autocommit=False)
            self.conn.execute("SET TIME ZONE 'UTC'")
            self.conn.execute("SET synchronous_commit = off")
            try:
                # Seed only: the generator keeps every foreign key right, so skip the per-row checks.
                self.conn.execute("SET session_replication_role = replica")
                self.conn.commit()
            except psycopg.Error:
                self.conn.rollback()
        else:
            raise SeedError(f"no bulk writer for {self.vendor}")
        self.sinks: list[Sink] = []
        self.pending = 0
        self.dropped: list[str] = []
        for table in indexes_after:
            self.drop_indexes(table)

    def drop_indexes(self, table: str) -> None:
        """Drops the table's secondary indexes (and unique constraints), keeping the SQL that makes them again."""
        if self.vendor == "sqlite":
            rows = self.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                     "AND sql IS NOT NULL", (table,)).fetchall()
            for name, sql in rows:
                self.conn.execute(f'DROP INDEX "{name}"')
                self.dropped.append(sql)
            return
        cur = self.conn.cursor()
        cur.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
                    "AND contype = 'u'", (table,))
        constraints = cur.fetchall()
        for name, definition in constraints:
            cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            self.dropped.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        cur.execute("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)",
                    (table,))
        for name, definition in cur.fetchall():
            cur.execute(f'DROP INDEX "{name}"')
            self.dropped.append(definition)
        self.conn.commit()

    def restore_indexes(self) -> None:
        if self.vendor == "postgresql":
            self.conn.execute("SET maintenance_work_mem = '512MB'")
        for sql in self.dropped:
            self.conn.execute(sql)
        if self.vendor == "postgresql":
            self.conn.commit()

    def sink(self, model, columns) -> Sink:
        s = Sink(model, columns)
        self.sinks.append(s)
        return s

    def maybe_flush(self) -> None:
        if sum(len(s.rows) for s in self.sinks) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Every table in the order the sinks were made (parents first), then commit."""
        qn = connection.ops.quote_name
        for s in self.sinks:
            if not s.rows:
                continue
            rows = s.rows if not s.constants else [r + s.constants for r in s.rows]
            cols = ", ".join(qn(c) for c in s.columns)
            if self.vendor == "sqlite":
                marks = ", ".join("?" * len(s.columns))
                self.conn.executemany(f"INSERT INTO {qn(s.table)} ({cols}) VALUES ({marks})", rows)
            else:
                with self.conn.cursor() as cur, cur.copy(f"COPY {qn(s.table)} ({cols}) FROM STDIN") as copy:
                    for r in rows:
                        copy.write_row(r)
            s.written += len(s.rows)
            s.rows = []
        self.pending += 1
        if self.vendor == "postgresql":
            self.conn.commit()
        elif self.pending % 20 == 0:
            self.conn.execute("COMMIT")
            self.conn.execute("BEGIN")

    def finish(self) -> None:
        self.flush()
        if self.dropped:
            started = time.perf_counter()
            self.restore_indexes()
            self.index_s = time.perf_counter() - started
        if self.vendor == "sqlite":
            self.conn.execute("COMMIT")
            self.conn.execute("PRAGMA locking_mode=NORMAL")
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.close()


@dataclass
class Ids:
    """The next primary key of each table: ids are given explicitly so rows can point at each other."""

    next: dict = field(default_factory=dict)

    def take(self, table: str) -> int:
        n = self.next.get(table, 1)
        self.next[table] = n + 1
        return n


@dataclass
class Centre:
    patients: int
    days: int
    today: dt.date
    seed: int = 5
    staff_ids: dict = field(default_factory=dict)  # username -> id
    admin_id: int = 0
    first_patient_id: int = 0

    @property
    def start(self) -> dt.date:
        """The first diary day; the last one is yesterday, so today is free for the write benchmark."""
        return self.today - dt.timedelta(days=self.days)

    def patient_id(self, i: int) -> int:
        return self.first_patient_id + i

    def nurse_patients(self) -> list[int]:
        """Indexes of the bench nurse's patients: spread over the whole centre, not a block."""
        n = min(NURSE_PATIENTS, self.patients)
        step = self.patients / n
        return [int(k * step) for k in range(n)]

    def diary_id(self, i: int, day: int) -> int:
        return i * self.days + day + 1

    def spells(self, i: int) -> set[int]:
        """The days of patient i's bad spells (flares: more stools, flushes and pain; wheezing only then), from a
        random stream of their own, so the alert-load benchmark can tell which patients the seed made stable."""
        rng = random.Random(f"spells {self.seed} {self.days} {i}")
        days: set[int] = set()
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            first, length = rng.randrange(self.days), rng.randrange(3, 11)
            days.update(range(first, first + length))
        return days

    def stable(self, i: int) -> bool:
        """A patient the seed gave no bad spell: a year of their own ups and downs, no flare."""
        return not self.spells(i)


def navigator_templates() -> dict[str, list[tuple[str, str, str]]]:
    """The graded vignettes run through the engine: level -> [(ruleset, case json, result json)]."""
    out: dict[str, list] = {}
    for v in yaml.safe_load(VIGNETTES.read_text()):
        try:
            a = assess(v["case"])
        except Exception:  # noqa: BLE001 - vignettes that the engine refuses are not results
            continue
        out.setdefault(str(a.level), []).append((a.ruleset_version, json.dumps(v["case"]), json.dumps(a.as_dict())))
    return out


class Seed:
    def __init__(self, centre: Centre, log=print, indexes_after: bool = False):
        self.c = centre
        self.log = log
        big = (DiaryEntry._meta.db_table, DiaryEntryVersion._meta.db_table)
        self.w = Writer(big if indexes_after else ())
        w = self.w
        self.ids = Ids()
        self.nav = navigator_templates()
        self.nav_levels = [lv for lv in ("self_care", "routine", "soon", "urgent", "emergency") if lv in self.nav]
        self.nav_weights = [{"self_care": 25, "routine": 35, "soon": 25, "urgent": 12, "emergency": 3}[lv]
                            for lv in self.nav_levels]
        self.users = w.sink(User, ("id", "password", "username", "first_name", "last_name", "email",
                                   "is_superuser", "is_staff", "is_active", "date_joined", "code", "role",
                                   "record_number"))
        self.assignments = w.sink(Assignment, ("id", "code", "staff_id", "patient_id", "assigned_by_id",
                                               "assigned_at", "ended_by_id", "ended_at"))
        self.plans = w.sink(InjectionPlan, ("id", "code", "patient_id", "status", "drug", "dose_mg", "interval_days",
                                            "created_by_id", "created_at", "updated_at"))
        self.plan_versions = w.sink(InjectionPlanVersion, ("id", "record_id", *VERSION_COLUMNS))
        self.injections = w.sink(Injection, ("id", "code", "patient_id", "status", "given_on", "drug", "dose_mg",
                                             "place", "given_by", "created_by_id", "created_at", "updated_at"))
        self.injection_versions = w.sink(InjectionVersion, ("id", "record_id", *VERSION_COLUMNS))
        self.labs = w.sink(LabResult, ("id", "code", "patient_id", "status", "test", "value", "unit",
                                       "reference_high", "taken_on", "lab", "loinc", "created_by_id", "created_at",
                                       "updated_at"))
        self.lab_versions = w.sink(LabResultVersion, ("id", "record_id", *VERSION_COLUMNS))
        self.appointments = w.sink(Appointment, ("id", "code", "patient_id", "kind", "title", "start", "duration",
                                                 "place", "status", "created_by_id", "created_at", "updated_at"))
        self.appointment_versions = w.sink(AppointmentVersion, ("id", "record_id", *VERSION_COLUMNS))
        self.navigator = w.sink(NavigatorResult, ("id", "code", "patient_id", "created_at", "level",
                                                  "ruleset_version", "case", "result"))
        # Dizziness is new (diary 0004); the seed fills it when the model has it.
        self.dizziness = any(f.name == "dizziness" for f in DiaryEntry._meta.concrete_fields)
        self.diary = w.sink(DiaryEntry, ("id", "code", "patient_id", "date", "status", "flushes", "flush_triggers",
                                         "stools", "bristol", "pain", "fatigue", "weight_kg", "wheezing", "notes",
                                         "created_by_id", "created_at", "updated_at")
                            + (("dizziness",) if self.dizziness else ()))
        self.diary_versions = w.sink(DiaryEntryVersion, ("id", "record_id", *VERSION_COLUMNS))
        self.alerts = w.sink(Alert, ("id", "code", "patient_id", "rule_id", "ruleset_version", "source_key", "level",
                                     "rank", "reason", "diary_entry_id", "navigator_result_id", "lab_result_id",
                                     "raised_at", "status", "acknowledged_by_id", "acknowledged_at", "resolved_by_id",
                                     "resolved_at", "outcome", "due_at", "firings"))
        self.alert_events = w.sink(AlertEvent, ("id", "alert_id", "action", "note", "by_id", "at"))
        self.targets = schedule()  # each alert's response target, as raising sets it
        self.access = w.sink(AccessEvent, ("id", "staff_id", "staff_role", "patient_id", "what", "at"))
        self.durations = {m: db_value(Appointment, "duration", dt.timedelta(minutes=m)) for m in (15, 30, 45, 60)}
        self.bool = (lambda b: None if b is None else bool(b)) if w.vendor == "postgresql" else (
            lambda b: None if b is None else int(b))

    # --- people -------------------------------------------------------------------------------------

    def people(self) -> None:
        c = self.c
        rng = random.Random(c.seed)
        joined = utc_text(dt.datetime.combine(c.start - dt.timedelta(days=400), dt.time(9)))

        def user(username, role, first, last, record_number="", superuser=False):
            uid = self.ids.take("user")
            self.users.add((uid, "!" + f"{rng.getrandbits(160):040x}", username, first, last,
                            f"{username}@example.org", int(superuser), int(superuser), 1, joined,
                            random_uuid(rng), role, record_number))
            return uid

        c.admin_id = user("admin", Role.ADMIN, "Ada", "Admin", superuser=True)
        for k in range(1, NURSES + 1):
            c.staff_ids[f"nurse{k:02d}"] = user(f"nurse{k:02d}", Role.NURSE, rng.choice(NAMES), rng.choice(SURNAMES))
        for k in range(1, DOCTORS + 1):
            c.staff_ids[f"doctor{k:02d}"] = user(f"doctor{k:02d}", Role.DOCTOR, rng.choice(NAMES),
                                                 rng.choice(SURNAMES))
        c.first_patient_id = self.ids.next["user"]
        for i in range(c.patients):
            user(f"patient{i:05d}", Role.PATIENT, rng.choice(NAMES), rng.choice(SURNAMES), f"NET-{i:06d}")
        self.w.flush()

    def care_team(self) -> None:
        """Nurse 1 looks after exactly NURSE_PATIENTS patients; the others share the rest; one doctor each."""
        c = self.c
        rng = random.Random(c.seed + 1)
        nurses = [c.staff_ids[f"nurse{k:02d}"] for k in range(1, NURSES + 1)]
        doctors = [c.staff_ids[f"doctor{k:02d}"] for k in range(1, DOCTORS + 1)]
        mine = set(c.nurse_patients())
        self.nurse_of = {}
        others = 0
        for i in range(c.patients):
            if i in mine:
                nurse = nurses[0]
            else:
                nurse = nurses[1 + others % (NURSES - 1)] if NURSES > 1 else nurses[0]
                others += 1
            self.nurse_of[i] = nurse
            pid = c.patient_id(i)
            since = dt.datetime.combine(c.start - dt.timedelta(days=rng.randrange(30, 900)), dt.time(10))
            if rng.random() < 0.06:
                # An earlier nurse, ended: history rows the "active" indexes must skip.
                before = nurses[rng.randrange(NURSES)]
                if before != nurse:
                    ended = since + dt.timedelta(days=rng.randrange(1, 20))
                    self.assignments.add((self.ids.take("assignment"), random_uuid(rng), before, pid, c.admin_id,
                                          utc_text(since - dt.timedelta(days=200)), c.admin_id, utc_text(ended)))
            self.assignments.add((self.ids.take("assignment"), random_uuid(rng), nurse, pid, c.admin_id,
                                  utc_text(since), None, None))
            self.assignments.add((self.ids.take("assignment"), random_uuid(rng), doctors[i % DOCTORS], pid,
                                  c.admin_id, utc_text(since), None, None))
        self.w.flush()

    # --- one patient's year -------------------------------------------------------------------------

    def patient(self, i: int) -> None:
        c = self.c
        rng = random.Random(c.seed * 1_000_003 + i)
        pid = c.patient_id(i)
        nurse = self.nurse_of[i]
        interval = 28
        cycle_offset = rng.randrange(interval)
        self.injections_for(rng, i, pid, interval, cycle_offset)
        lab_alerts = self.labs_for(rng, pid)
        self.appointments_for(rng, pid)
        nav_alerts = self.navigator_for(rng, pid)
        diary_alerts = self.diary_for(rng, i, pid, interval, cycle_offset)
        by_source: dict[str, list[tuple]] = {}
        for alert in lab_alerts + nav_alerts + diary_alerts:
            by_source.setdefault(alert[1], []).append(alert)
        for fired in by_source.values():
            self.alert(rng, pid, nurse, fired)
        self.access_for(rng, pid, nurse)

    def injections_for(self, rng, i, pid, interval, offset) -> None:
        c = self.c
        drug, dose = ("lanreotide", 120) if rng.random() < 0.7 else ("octreotide_lar", 30)
        plan_id = self.ids.take("plan")
        created = utc_text(dt.datetime.combine(c.start - dt.timedelta(days=rng.randrange(60, 700)), dt.time(11)))
        self.plans.add((plan_id, random_uuid(rng), pid, "active", drug, dose, interval, pid, created, created))
        self.plan_versions.add((self.ids.take("plan_version"), plan_id, 1, "created", json.dumps(
            {"drug": drug, "dose_mg": dose, "interval_days": interval, "notes": "", "status": "active"}),
            pid, created))
        at_home = rng.random() < 0.35
        day = offset
        while day < c.days:
            given = c.start + dt.timedelta(days=min(c.days - 1, max(0, day + rng.choice((-2, -1, 0, 0, 0, 1, 2)))))
            place, by = ("home", "self") if at_home else ("clinic", "nurse")
            inj_id = self.ids.take("injection")
            at = utc_text(dt.datetime.combine(given, dt.time(9 + rng.randrange(8), rng.randrange(60))))
            self.injections.add((inj_id, random_uuid(rng), pid, "final", given.isoformat(), drug, dose, place, by,
                                 pid, at, at))
            self.injection_versions.add((self.ids.take("injection_version"), inj_id, 1, "created", json.dumps(
                {"given_on": given.isoformat(), "drug": drug, "dose_mg": dose, "place": place, "given_by": by,
                 "notes": "", "status": "final"}), pid, at))
            day += interval

    def labs_for(self, rng, pid) -> list[tuple]:
        """CgA and 5-HIAA every three to six months; a high CgA raises an alert."""
        c, alerts = self.c, []
        for test, unit, loinc, level, high in (
                ("cga", "µg/L", "9811-1", math.exp(rng.gauss(math.log(90), 0.9)), rng.choice((98, 100, 108))),
                ("u5hiaa", "µmol/24 h", "14573-0", math.exp(rng.gauss(math.log(40), 0.8)), 47)):
            day = rng.randrange(0, 90)
            above = False
            while day < c.days:
                taken = c.start + dt.timedelta(days=day)
                value = level * math.exp(rng.gauss(0, 0.2))
                lab_id = self.ids.take("lab")
                at = utc_text(dt.datetime.combine(taken + dt.timedelta(days=rng.randrange(3, 10)), dt.time(18)))
                lab = rng.choice(LABS)
                text = f"{value:.1f}"
                self.labs.add((lab_id, random_uuid(rng), pid, "final", test, text, unit, str(high),
                               taken.isoformat(), lab, loinc, pid, at, at))
                self.lab_versions.add((self.ids.take("lab_version"), lab_id, 1, "created", json.dumps(
                    {"test": test, "test_name": "", "value": text.rstrip("0").rstrip("."), "unit": unit,
                     "reference_low": None, "reference_high": str(high), "taken_on": taken.isoformat(), "lab": lab,
                     "notes": "", "loinc": loinc, "status": "final"}), pid, at))
                if value > high and not above:
                    above = True
                    alerts.append(("AL-LAB-ABOVE-ULN", f"lab:{lab_id}", "soon",
                                   f"{test} {text} {unit} is above the report's upper limit of {high} {unit}, the "
                                   f"first time for this test.", None, None, lab_id, at))
                day += rng.randrange(90, 183)
        return alerts

    def appointments_for(self, rng, pid) -> None:
        c = self.c
        plan = [("visit", "Follow-up with the NET team", "NET outpatient clinic, floor 3", 30, (91, 183)),
                ("scan", "CT scan, chest and abdomen", "Radiology, entrance B", 45, (150, 250)),
                ("blood-test", "Blood test: chromogranin A", "Lab reception", 15, (91, 183))]
        for kind, title, place, minutes, gap in plan:
            day = rng.randrange(0, gap[0])
            while True:
                date = c.start + dt.timedelta(days=day)
                past = date < c.today
                start = dt.datetime.combine(date, dt.time(8 + rng.randrange(8), rng.choice((0, 15, 30, 45))))
                status = ("cancelled" if rng.random() < 0.04 else "fulfilled") if past else "booked"
                appt_id = self.ids.take("appointment")
                made = utc_text(start - dt.timedelta(days=rng.randrange(14, 60)))
                self.appointments.add((appt_id, random_uuid(rng), pid, kind, title, utc_text(start),
                                       self.durations[minutes], place, status, pid, made, made))
                self.appointment_versions.add((self.ids.take("appointment_version"), appt_id, 1, "created", json.dumps(
                    {"kind": kind, "title": title, "start": start.isoformat() + "+00:00", "duration_minutes": minutes,
                     "place": place, "preparation": "", "notes": "", "status": "booked",
                     "involves_procedure": False}), pid, made))
                if not past:
                    break
                day += rng.randrange(*gap)

    def navigator_for(self, rng, pid) -> list[tuple]:
        c, alerts = self.c, []
        if rng.random() >= 0.3:
            return alerts
        for _ in range(rng.choice((1, 1, 2, 3))):
            level = rng.choices(self.nav_levels, self.nav_weights)[0]
            ruleset, case, result = rng.choice(self.nav[level])
            nav_id = self.ids.take("navigator")
            at = utc_text(dt.datetime.combine(c.start + dt.timedelta(days=rng.randrange(c.days)),
                                              dt.time(rng.randrange(24), rng.randrange(60))))
            self.navigator.add((nav_id, random_uuid(rng), pid, at, level, ruleset, case, result))
            if level in ("urgent", "emergency"):
                alerts.append(("AL-NAV-RESULT", f"navigator:{nav_id}", level,
                               f"A symptom check came out {level}.", None, nav_id, None, at))
        return alerts

    def diary_for(self, rng, i, pid, interval, cycle_offset) -> list[tuple]:
        """A year of days: stools with a weekly rhythm and end-of-cycle worsening, a few bad spells, weight drift."""
        c, add, add_version, alerts = self.c, self.diary.add, self.diary_versions.add, []
        rand = rng.random
        # Noise from a shared table of normal deviates, read from a random place: a third of the seed's time
        # went to random.gauss.
        z, k = NORMALS, rng.randrange(len(NORMALS))
        base_stools = rng.choice((1.5, 2, 2, 2.5, 3, 3, 3.5, 4, 4.5))
        base_flush = rng.choice((0, 0.3, 0.5, 0.8, 1.2, 2))
        base_pain = rng.choice((0, 0.5, 1, 2, 3))
        base_fatigue = rng.choice((1, 2, 3, 4, 5))
        weekly = [rng.uniform(-0.5, 0.5) for _ in range(7)]
        spells = c.spells(i)
        weight = rng.uniform(52, 98)
        drift = rng.uniform(-0.015, 0.008)
        weigh_day = rng.randrange(7)
        daily_weigher = rand() < 0.1
        tracks_fatigue = rand() < 0.85
        wheeze_noted = rand() < 0.2
        hour = rng.randrange(18, 22)
        b = self.bool
        with_dizziness = self.dizziness
        first_id = c.diary_id(i, 0)
        start_ord = c.start.toordinal()
        for day in range(c.days):
            date = dt.date.fromordinal(start_ord + day)
            bad = 2.5 if day in spells else 0.0
            end_of_cycle = 0.7 if (day - cycle_offset) % interval >= interval - 5 else 0.0
            k = (k + 6) & NORMALS_MASK
            stools = min(8, max(1, round(base_stools + weekly[date.weekday()] + bad + end_of_cycle + 0.8 * z[k])))
            flushes = min(6, max(0, round(base_flush + 0.7 * bad + 0.5 * end_of_cycle + 0.8 * z[k + 1])))
            pain = min(9, max(0, round(base_pain + bad + z[k + 2])))
            fatigue = min(10, max(0, round(base_fatigue + 0.5 * bad + z[k + 3]))) if tracks_fatigue else None
            bristol = min(7, max(1, round(3.5 + 0.6 * (stools - base_stools) + 0.7 * z[k + 4])))
            weight += drift - (0.08 if bad else 0.0)
            weighed = daily_weigher or date.weekday() == weigh_day
            kg = f"{weight + 0.3 * z[k + 5]:.1f}" if weighed else None
            triggers = TRIGGERS[rng.randrange(5)] if flushes and rand() < 0.15 else "[]"
            wheezing = (bad and flushes >= 3 and rand() < 0.2) or None
            if wheezing is None and wheeze_noted:
                wheezing = False
            note = rng.randrange(len(NOTES)) if rand() < 0.03 else -1
            entry_id = first_id + day
            d = date.isoformat()
            at = f"{d} {hour}:{10 + (k % 50)}:00"
            row = (entry_id, random_uuid(rng), pid, d, "final", flushes, triggers, stools, bristol, pain, fatigue, kg,
                   b(wheezing), NOTES[note] if note >= 0 else "", pid, at, at)
            dizzy = ""
            if with_dizziness:
                dizziness = True if bad and flushes >= 4 and rand() < 0.05 else (False if wheeze_noted else None)
                row += (b(dizziness),)
                dizzy = f'"dizziness": {"null" if dizziness is None else str(dizziness).lower()}, '
            add(row)
            add_version((entry_id, entry_id, 1, "created",
                         f'{{"date": "{d}", "status": "final", "flushes": {flushes}, "flush_triggers": {triggers}, '
                         f'"stools": {stools}, "bristol": {bristol}, "pain": {pain}, '
                         f'"fatigue": {"null" if fatigue is None else fatigue}, '
                         f'"weight_kg": {"null" if kg is None else chr(34) + kg + chr(34)}, '
                         f'"wheezing": {"null" if wheezing is None else str(wheezing).lower()}, {dizzy}'
                         f'"notes": {NOTES_JSON[note] if note >= 0 else chr(34) * 2}}}', pid, at))
            # The thresholds of alertrules/rules.py; a day's rules make one alert, as the write path raises them.
            if stools >= 7:
                alerts.append(("AL-STOOLS-HIGH", f"diary:{d}", "soon", f"{stools} bowel movements in the day.",
                               entry_id, None, None, at))
            if bristol >= 6 and stools >= 5:
                alerts.append(("AL-NHV-DIARRHOEA", f"diary:{d}", "soon",
                               f"{stools} loose stools in the day despite injections.", entry_id, None, None, at))
            if flushes >= 5:
                alerts.append(("AL-NHV-FLUSH", f"diary:{d}", "soon",
                               f"{flushes} flushes in the day despite injections.", entry_id, None, None, at))
            if pain >= 8:
                alerts.append(("AL-PAIN-SEVERE", f"diary:{d}", "urgent", f"Tummy pain {pain}/10.", entry_id, None,
                               None, at))
            if wheezing and flushes:
                alerts.append(("AL-DIARY-NAVIGATOR", f"diary:{d}", "emergency",
                               "The symptom navigator rates this diary day emergency: flushing with wheezing.",
                               entry_id, None, None, at))
        return alerts

    def alert(self, rng, pid, nurse, fired: list[tuple]) -> None:
        """One alert per source holding every rule that fired on it, at the highest level, as raising writes it.
        Resolved within a day or two, except those raised in the last days: some still open or only seen."""
        c = self.c
        fired = sorted(fired, key=lambda f: -RANKS[f[2]])
        rule_id, source_key, level, _, entry_id, nav_id, lab_id, raised = fired[0]
        reason = " ".join(f[3] for f in fired)
        firings = json.dumps([{"rule_id": f[0], "level": f[2], "reason": f[3], "sources": [], "met": True}
                              for f in fired])
        raised_at = dt.datetime.fromisoformat(raised)
        age = (dt.datetime.combine(c.today, dt.time(12)) - raised_at).days
        rank = RANKS[level]
        status = "resolved"
        if age <= 3:
            status = rng.choice(("open", "open", "acknowledged"))
        elif age <= 10 and rand_below(rng, 0.2):
            status = "acknowledged"
        alert_id = self.ids.take("alert")
        ack_at = utc_text(raised_at + dt.timedelta(minutes=rng.randrange(20, 600)))
        res_at = utc_text(raised_at + dt.timedelta(minutes=rng.randrange(600, 2880)))
        acked = status != "open"
        resolved = status == "resolved"
        outcome = rng.choice(("called_patient", "called_patient", "booked_visit", "no_action")) if resolved else ""
        self.alerts.add((alert_id, random_uuid(rng), pid, rule_id, "2026.11.1", source_key, level, rank, reason,
                         entry_id, nav_id, lab_id, raised, status, nurse if acked else None, ack_at if acked else None,
                         nurse if resolved else None, res_at if resolved else None, outcome,
                         utc_text(self.targets.due(level, raised_at.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)),
                         firings))
        self.alert_events.add((self.ids.take("alert_event"), alert_id, "raised", "", None, raised))
        if acked:
            self.alert_events.add((self.ids.take("alert_event"), alert_id, "acknowledged", "", nurse, ack_at))
        if resolved:
            self.alert_events.add((self.ids.take("alert_event"), alert_id, "resolved",
                                   "Called; advice given." if outcome == "called_patient" else "", nurse, res_at))

    def access_for(self, rng, pid, nurse) -> None:
        c = self.c
        for _ in range(rng.randrange(4, 14)):
            at = dt.datetime.combine(c.start + dt.timedelta(days=rng.randrange(c.days)),
                                     dt.time(8 + rng.randrange(9), rng.randrange(60)))
            self.access.add((self.ids.take("access"), nurse, "nurse", pid,
                             rng.choice(("overview", "diary", "diary", "labs", "charts", "alert")), utc_text(at)))

    # --- all of it ----------------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        started = time.perf_counter()
        self.people()
        self.care_team()
        for i in range(self.c.patients):
            self.patient(i)
            self.w.maybe_flush()
            if (i + 1) % max(1, self.c.patients // 10) == 0:
                self.log(f"  seeded {i + 1:>6} patients, {self.diary.written + len(self.diary.rows):>9} diary days, "
                         f"{time.perf_counter() - started:6.1f} s")
        self.w.finish()
        if self.w.dropped:
            self.log(f"  {len(self.w.dropped)} indexes of the diary tables made again after the rows: "
                     f"{self.w.index_s:.1f} s")
        return {s.table: s.written for s in self.w.sinks}


def rand_below(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def after_seed(centre: Centre) -> None:
    """Sequences past the explicit ids, planner statistics, and the seed's dirty pages on disk, so that
    the timed phases do not pay for the seed's checkpoint."""
    import os

    from django.apps import apps
    from django.core.management.color import no_style

    models = [m for m in apps.get_models() if m._meta.managed]
    with connection.cursor() as cur:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cur.execute(sql)
    analyse()
    if connection.vendor == "postgresql":
        try:
            with connection.cursor() as cur:
                cur.execute("CHECKPOINT")
        except Exception:  # noqa: BLE001 - needs superuser (or pg_checkpoint); only a fairer start
            pass
    os.sync()


def analyse() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cur:
            cur.execute("ANALYZE")


def issue_tokens(users) -> dict[int, str]:
    return {u.pk: ApiToken.issue(u, "benchmark")[1] for u in users}
