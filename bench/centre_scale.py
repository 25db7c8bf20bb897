"""Centre scale (issue #5): a whole NET centre in the database, then diary writes and care-team reads.

Builds 10,000 patients with a year of daily diary entries (3.65 million rows), injections, labs,
appointments, navigator results, alerts and a care team in which nurse01 looks after exactly 300
patients. Then, in one process and through the whole WSGI stack (Django's test Client, every
middleware, DEBUG off):

  writes  POST /api/v1/diary with a Bearer token, next to the same rows inserted one by one
          through the DB-API cursor, each committed on its own (the baseline); profile of the API;
          and a floor: the same stack, token and parsing with no diary work; then
          POST /api/v1/diary/batch (--batch days a request), next to the same rows inserted
          one by one and in one transaction a batch
  reads   p50/p95 of nurse01's alert queue and patient list (sorted, page 2), next to a static
          page through the same stack and session (the baseline); --explain prints query plans
  memory  peak RSS of the benchmark process and of the seed (a child process), tracemalloc peak
          of each timed phase (measured in a replay, so the timings are not traced)

The write target (issue #5: writes through the JSON API with alert evaluation, at least 0.3 of raw
inserts of the same rows) is judged on the batch endpoint against raw INSERTs of the same rows, each
committed as a write of its own. One day a request cannot reach it on this stack whatever the diary
work costs: the floor (the same stack doing no diary work) is itself below 0.3 of a raw insert. The
same rows inserted raw in one transaction a batch are printed beside it, for comparison.

The database is DATABASE_URL or --database-url; by default a new SQLite file in a temporary
directory (never var/db.sqlite3). bench/with_postgres.sh runs it on a throwaway PostgreSQL.

    python bench/centre_scale.py                              # full scale, SQLite (about 7 minutes)
    python bench/centre_scale.py --patients 200 --days 60     # smoke run (a minute or two)
    bench/with_postgres.sh --explain --experiments            # full scale on PostgreSQL, plans, proposals

--experiments also times proposed settings (patched into this process only, never into the app) in
alternating batches against the app as it is. Every figure depends on the machine: the run prints
the load average and a CPU calibration, and CPU time per request, which other load inflates least.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import percentile  # noqa: E402

WRITE_TARGET_RATIO = 0.3
READ_TARGET_P95_MS = 50.0
# (label, url name, query string)
READ_VIEWS = [
    ("alert queue", "alerts:queue", ""),
    ("alert queue, all statuses", "alerts:queue", "status=all"),
    ("patient list", "careteam:patients", ""),
    ("patients by alerts", "careteam:patients", "sort=alerts"),
    ("patients by latest diary", "careteam:patients", "sort=diary"),
    ("patient list, page 2", "careteam:patients", "page=2"),
]
BASELINE_VIEW = ("static page (baseline)", "about", "")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--patients", type=int, default=10_000)
    p.add_argument("--days", type=int, default=365, help="diary days per patient (default 365)")
    p.add_argument("--database-url", default=os.getenv("DATABASE_URL") or "",
                   help="default: DATABASE_URL, else SQLite in a temporary directory")
    p.add_argument("--writes", type=int, help="timed API writes, and as many raw inserts "
                   "(default 2000, or the number of patients when fewer, at least 200)")
    p.add_argument("--batch", type=int, default=28, help="days per batch request (default 28: four weeks)")
    p.add_argument("--reads", type=int, default=50, help="timed requests per view, after warm-up")
    p.add_argument("--profile-writes", type=int, default=200,
                   help="API writes to profile: half under cProfile, half with their queries logged")
    p.add_argument("--alert-patients", type=int, default=300,
                   help="patients, spread over the centre, whose year is put to the alert rules for the alert load "
                        "(default 300; 0 to skip)")
    p.add_argument("--explain", action="store_true", help="print the query plans of each view's main queries")
    p.add_argument("--profile-reads", action="store_true", help="print each view's top functions too")
    p.add_argument("--experiments", action="store_true",
                   help="also time proposed database settings on the writes (in-process patches, no app edits)")
    p.add_argument("--reuse", action="store_true",
                   help="skip the seed when --database-url already holds a centre of this size")
    p.add_argument("--keep", action="store_true", help="keep the temporary SQLite directory")
    p.add_argument("--seed-indexes-after", action="store_true",
                   help="seed the diary tables without their secondary indexes and make those again afterwards")
    p.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)  # the child process
    p.add_argument("--today", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def configure(url: str, var_dir: str) -> None:
    """settings_test (DEBUG off, fast hasher, local mail) on the chosen database; before django.setup()."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "netcompanion.settings_test"
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    os.environ["NETCOMPANION_VAR_DIR"] = var_dir
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # One connection for a whole phase, so that PostgreSQL's backend CPU time can be read (production's
    # 60 s means one reconnection a minute, too rare to show in these figures).
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "3600")
    import django

    django.setup()


def refuse_var_db(url: str) -> None:
    if url.startswith("sqlite:") and (Path(url.split("sqlite://", 1)[1]).resolve()
                                      == (ROOT / "var/db.sqlite3").resolve()):
        sys.exit("centre_scale: refusing to use var/db.sqlite3; give another --database-url")


def rss_mib(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def header(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 74 - len(title)))


# --- the seed (in a child process, so its memory is not the benchmark's) -----------------------------

def seed_child(args) -> None:
    from django.core.management import call_command
    from django.db import connection

    from bench import centre_seed

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    from netcompanion.accounts.models import User

    if User.objects.exists():
        sys.exit("centre_scale: the database already has users; give an empty one (or --reuse)")
    centre = centre_seed.Centre(args.patients, args.days, dt.date.fromisoformat(args.today))
    counts = centre_seed.Seed(centre, log=lambda m: print(m, file=sys.stderr, flush=True),
                              indexes_after=args.seed_indexes_after).run()
    seeded = time.perf_counter()
    centre_seed.after_seed(centre)
    done = time.perf_counter()
    print(json.dumps({"migrate_s": migrated - started, "seed_s": seeded - migrated, "analyse_s": done - seeded,
                      "rows": counts, "vendor": connection.vendor}))


def seed(args, url: str, var_dir: str) -> dict:
    cmd = [sys.executable, __file__, "--seed-only", "--patients", str(args.patients), "--days", str(args.days),
           "--database-url", url, "--today", args.today] + (["--seed-indexes-after"] if args.seed_indexes_after else [])
    started = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env={**os.environ, "NETCOMPANION_VAR_DIR": var_dir})
    if out.returncode:
        sys.exit(f"centre_scale: the seed failed (exit {out.returncode})")
    info = json.loads(out.stdout.strip().splitlines()[-1])
    info["total_s"] = time.perf_counter() - started
    info["rss_mib"] = rss_mib(resource.RUSAGE_CHILDREN)
    return info


def database_size() -> str:
    from django.db import connection

    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SELECT pg_database_size(current_database())")
            size = cur.fetchone()[0]
        else:
            cur.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
            size = cur.fetchone()[0]
    return f"{size / 2**30:.2f} GiB"


def centre_alert_load(args, today: dt.date, start: dt.date):
    """The alerts the rules raise from the seed's year for patients spread over the centre (the seed's own alerts
    come from a copy of a few thresholds): all of them, and those the seed made stable."""
    from bench import alert_load, centre_seed
    from netcompanion.accounts.models import Role, User

    centre = centre_seed.Centre(args.patients, args.days, today)
    n = min(args.alert_patients, args.patients)
    indexes = [int(k * args.patients / n) for k in range(n)]
    pks = dict(User.objects.filter(role=Role.PATIENT, username__in=[f"patient{i:05d}" for i in indexes])
               .values_list("username", "pk"))
    by_index = {i: pks[f"patient{i:05d}"] for i in indexes}
    started = time.perf_counter()
    load = alert_load.centre_load(list(by_index.values()), start, args.days)
    stable = load.only("stable patients (no bad spell in the seed)",
                       [pk for i, pk in by_index.items() if centre.stable(i)])
    print(f"  {n} patients, one in {args.patients / n:.0f} of the centre; every diary day, lab result and symptom "
          f"check put to the rules as the actions assess them ({time.perf_counter() - started:.0f} s)")
    for lines in (load.report(), stable.report()):
        print("\n".join(lines))
    return load, stable


# --- requests as a WSGI server makes them ---------------------------------------------------------

def serve(client, method: str, url: str, **extra):
    """One request, with the connection handling a WSGI server does around it (the test Client skips it):
    the connection is kept between requests (CONN_MAX_AGE), with PostgreSQL's health check."""
    from django.db import close_old_connections

    close_old_connections()  # request_started
    response = getattr(client, method)(url, **extra)
    close_old_connections()  # request_finished
    return response


class Samples(list):
    """Milliseconds per call, and the CPU time spent on all of them by this process and, for a local
    PostgreSQL, by the server process of its connection: CPU time is what other work on a shared
    machine inflates least."""

    cpu_ms = 0.0
    server_cpu_ms = 0.0

    def add(self, other: Samples) -> None:
        self.extend(other)
        self.cpu_ms += other.cpu_ms
        self.server_cpu_ms += other.server_cpu_ms


def server_cpu() -> tuple[int, float] | None:
    """(pid, CPU ms so far) of the PostgreSQL backend serving Django's connection, if it runs on this machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return pid, (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")  # utime + stime


def timed_requests(fn, items) -> Samples:
    samples = Samples()
    cpu, server = time.process_time(), server_cpu()
    for item in items:
        start = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - start) * 1000)
    samples.cpu_ms = (time.process_time() - cpu) * 1000
    after = server_cpu()
    if server and after:
        # Another backend means the connection was replaced: its CPU is not all counted.
        samples.server_cpu_ms = after[1] - server[1] if after[0] == server[0] else float("nan")
    return samples


def traced_peak(fn, items) -> float:
    """tracemalloc peak (MiB above the start) over calls of fn; separate from the timed runs."""
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    for item in items:
        fn(item)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak / 2**20


def summary(samples: Samples) -> dict:
    return {"n": len(samples), "p50": percentile(samples, 50), "p95": percentile(samples, 95),
            "mean": statistics.fmean(samples), "rate": 1000 * len(samples) / sum(samples),
            "cpu": getattr(samples, "cpu_ms", 0.0) / len(samples),
            "server_cpu": getattr(samples, "server_cpu_ms", 0.0) / len(samples)}


class Queries:
    """The queries of a block (CaptureQueriesContext) with their execute time to the microsecond
    (an execute_wrapper; the captured times are rounded to the millisecond)."""

    def __enter__(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.times: list[float] = []
        self.shapes: list[str] = []
        self.capture = CaptureQueriesContext(connection)
        self.capture.__enter__()
        self.wrap = connection.execute_wrapper(self._timed)
        self.wrap.__enter__()
        return self

    def _timed(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.times.append((time.perf_counter() - start) * 1000)
            self.shapes.append(sql)

    def __exit__(self, *exc):
        self.wrap.__exit__(*exc)
        self.capture.__exit__(*exc)
        # Now: the next request's request_started signal empties the connection's query log.
        self.captured = list(self.capture.captured_queries)

    @property
    def ms(self) -> float:
        return sum(self.times)

    def rows(self) -> list[tuple[float | None, str]]:
        """(execute ms, or None for BEGIN/COMMIT, which are not executes; SQL with its values)."""
        times = iter(self.times)
        return [(None if q["sql"].split(" ")[0] in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
                 else next(times, None), q["sql"]) for q in self.captured]


# --- writes ---------------------------------------------------------------------------------------

class DaySlots:
    """(patient, date) pairs with no diary entry yet: today first, then days before the seeded year."""

    def __init__(self, patients, start: dt.date, today: dt.date):
        from netcompanion.diary.models import DiaryEntry

        self.patients = patients
        self.start, self.today = start, today
        taken = DiaryEntry.objects.current().filter(patient__in=patients).exclude(
            date__gte=start, date__lt=today).values_list("patient_id", "date")
        self.taken = set(taken)
        self.next_back = defaultdict(int)
        self.turn = 0

    def take(self):
        patient = self._next_patient()
        return patient, self._free_day(patient)

    def take_days(self, n: int):
        """One patient and n free days, oldest first: what an app sends after a month offline."""
        patient = self._next_patient()
        return patient, sorted(self._free_day(patient) for _ in range(n))

    def _next_patient(self):
        self.turn += 1
        return self.patients[(self.turn - 1) % len(self.patients)]

    def _free_day(self, patient) -> dt.date:
        day = self.today
        while (patient.pk, day) in self.taken:
            self.next_back[patient.pk] += 1
            day = self.start - dt.timedelta(days=self.next_back[patient.pk])
        self.taken.add((patient.pk, day))
        return day


class Payloads:
    """A plausible day for a patient: values like the seed's, weight near the nearest weighed day."""

    def __init__(self, patients, start: dt.date, today: dt.date):
        from netcompanion.diary.models import DiaryEntry

        self.weights = defaultdict(list)
        near_edges = (DiaryEntry.objects.current().filter(patient__in=patients, weight_kg__isnull=False)
                      .exclude(date__gt=start + dt.timedelta(days=30), date__lt=today - dt.timedelta(days=30))
                      .values_list("patient_id", "date", "weight_kg"))
        for pid, date, kg in near_edges:
            self.weights[pid].append((date, kg))
        self.rng = random.Random(11)
        self.count = 0
        from netcompanion.diary.api import DiaryEntryIn

        # Yes/no answers the API has beyond wheezing (dizziness is being added as this is written).
        self.optional = [name for name, f in DiaryEntryIn.model_fields.items()
                         if name not in {"wheezing"} and f.annotation == (bool | None)]

    def make(self, patient, day: dt.date) -> dict:
        rng = self.rng
        self.count += 1
        stools = min(8, max(1, round(rng.gauss(3.2, 1.5))))
        flushes = min(6, max(0, round(rng.gauss(1.2, 1.2))))
        body = {"date": day.isoformat(), "flushes": flushes,
                "flush_triggers": ["alcohol"] if flushes and rng.random() < 0.15 else [],
                "stools": stools, "bristol": min(7, max(1, round(rng.gauss(4, 1.2)))),
                "pain": min(9, max(0, round(rng.gauss(1.5, 1.5)))),
                "fatigue": min(10, max(0, round(rng.gauss(3, 1.5)))),
                "weight_kg": None, "wheezing": None, "notes": "Felt fine today." if rng.random() < 0.03 else ""}
        for answer in self.optional:
            body[answer] = False if rng.random() < 0.2 else None
        known = self.weights.get(patient.pk)
        if known and self.count % 7 == 0:
            nearest = min(known, key=lambda dk: abs((dk[0] - day).days))[1]
            body["weight_kg"] = f"{float(nearest) + rng.gauss(0, 0.3):.1f}"
        return body


def raw_row(patient, body: dict):
    """The row the API would write, as DB values: what one raw INSERT commits."""
    import uuid
    from decimal import Decimal

    from django.db import connection
    from django.utils import timezone

    from netcompanion.diary.models import DiaryEntry

    now = timezone.now()
    values = {"code": uuid.uuid4(), "patient": patient.pk, "date": dt.date.fromisoformat(body["date"]),
              "status": "final", "created_by": patient.pk, "created_at": now, "updated_at": now,
              "weight_kg": None if body["weight_kg"] is None else Decimal(body["weight_kg"])}
    for f in DiaryEntry._meta.concrete_fields:
        if f.name not in values and not f.primary_key:
            values[f.name] = body[f.name] if f.name in body else f.get_default()
    fields = [f for f in DiaryEntry._meta.concrete_fields if not f.primary_key]
    raw_row.columns = [f.column for f in fields]
    return raw_row.columns, [f.get_db_prep_save(values[f.name], connection) for f in fields]


class WriteBench:
    def __init__(self, today: dt.date, start: dt.date, patients: int, writes: int):
        from django.test import Client

        from bench import centre_seed
        from netcompanion.accounts.models import Role, User

        n = max(1, min(patients, writes))
        step = patients / n
        names = [f"patient{int(k * step):05d}" for k in range(n)]
        self.patients = list(User.objects.filter(username__in=names, role=Role.PATIENT).order_by("pk"))
        self.tokens = centre_seed.issue_tokens(self.patients)
        self.slots = DaySlots(self.patients, start, today)
        self.payloads = Payloads(self.patients, start, today)
        self.client = Client()
        self.raw_ids = []

    def jobs(self, n: int):
        out = []
        for _ in range(n):
            patient, day = self.slots.take()
            out.append((patient, self.payloads.make(patient, day)))
        return out

    def api(self, job):
        patient, body = job
        response = serve(self.client, "post", "/api/v1/diary", data=json.dumps(body), content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {self.tokens[patient.pk]}")
        if response.status_code != 201:
            raise SystemExit(f"centre_scale: POST /api/v1/diary gave {response.status_code}: "
                             f"{response.content[:500]!r} for {body}")
        return response

    def batches(self, n: int, size: int):
        out = []
        for _ in range(n):
            patient, days = self.slots.take_days(size)
            out.append([(patient, self.payloads.make(patient, day)) for day in days])
        return out

    def api_batch(self, batch):
        patient = batch[0][0]
        response = serve(self.client, "post", "/api/v1/diary/batch",
                         data=json.dumps({"entries": [body for _patient, body in batch]}),
                         content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {self.tokens[patient.pk]}")
        if response.status_code != 201:
            raise SystemExit(f"centre_scale: POST /api/v1/diary/batch gave {response.status_code}: "
                             f"{response.content[:500]!r}")
        return response

    def raw_insert_many(self, prepared):
        """A batch's INSERTs through the DB-API cursor (executemany) in one transaction."""
        from django.db import connection

        connection.ensure_connection()
        cur = connection.connection.cursor()
        cur.execute("BEGIN")
        cur.executemany(prepared[0][0], [values for _sql, values in prepared])
        cur.execute("COMMIT")
        cur.close()

    def raw_insert(self, prepared):
        """One INSERT through the DB-API cursor, committed on its own (autocommit), like one request."""
        from django.db import connection

        sql, params = prepared
        connection.ensure_connection()
        cur = connection.connection.cursor()
        cur.execute(sql, params)
        cur.close()

    def prepare_raw(self, jobs):
        from django.db import connection

        qn = connection.ops.quote_name
        mark = "?" if connection.vendor == "sqlite" else "%s"
        prepared = []
        for patient, body in jobs:
            columns, values = raw_row(patient, body)
            sql = (f"INSERT INTO {qn('diary_diaryentry')} ({', '.join(qn(c) for c in columns)}) "
                   f"VALUES ({', '.join([mark] * len(columns))})")
            prepared.append((sql, values))
        return prepared

    def delete_raw(self, prepared) -> None:
        """Removes the baseline's rows, so the API writes the very same (patient, date) keys."""
        from django.db import connection

        at = raw_row.columns.index("code")
        codes = [values[at] for _sql, values in prepared]
        mark = "?" if connection.vendor == "sqlite" else "%s"
        with connection.cursor() as cur:
            for k in range(0, len(codes), 500):
                chunk = codes[k:k + 500]
                cur.execute(f"DELETE FROM diary_diaryentry WHERE code IN ({', '.join([mark] * len(chunk))})", chunk)
            if connection.vendor == "postgresql":
                cur.execute("VACUUM ANALYZE diary_diaryentry")


def floor_urlconf():
    """The app's URLconf plus one endpoint that authenticates the token and parses a diary day as the diary
    API does, then answers 201 without touching the database: the floor under any write through this stack."""
    import types

    from django.urls import path
    from ninja import NinjaAPI
    from ninja.responses import Status

    from netcompanion import urls
    from netcompanion.accounts.api_auth import PERSON_AUTH
    from netcompanion.diary.api import DiaryEntryIn

    floor = NinjaAPI(urls_namespace="bench-floor", docs_url=None, openapi_url=None)

    def parse_only(request, payload):
        return Status(201, {})

    parse_only.__annotations__["payload"] = DiaryEntryIn  # this file's annotations are strings
    floor.post("/diary", auth=PERSON_AUTH, response={201: dict})(parse_only)

    module = types.ModuleType("bench_floor_urls")
    module.urlpatterns = [path("bench-floor/", floor.urls), *urls.urlpatterns]
    sys.modules[module.__name__] = module
    return module.__name__


def floor_writes(bench: WriteBench, n: int) -> dict:
    from django.test import override_settings

    def post(job):
        patient, body = job
        response = serve(bench.client, "post", "/bench-floor/diary", data=json.dumps(body),
                         content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {bench.tokens[patient.pk]}")
        assert response.status_code == 201, response.content
        return response

    with override_settings(ROOT_URLCONF=floor_urlconf()):
        jobs = bench.jobs(n)
        for job in jobs[:20]:
            post(job)
        return summary(timed_requests(post, jobs))


def batch_writes(bench: WriteBench, args, rounds: int = 5) -> dict:
    """The batch endpoint against the same rows inserted raw, one by one and then a transaction a batch,
    in alternating rounds, so that other load on the machine and the database's own housekeeping (a WAL
    checkpoint, autovacuum) fall on all three alike."""
    size = args.batch
    n = max(10, args.writes // size)
    for batch in bench.batches(2, size):  # warm-up
        bench.api_batch(batch)
    arms = {"one": Samples(), "batch": Samples(), "api": Samples()}
    for _ in range(rounds):
        batches = bench.batches(max(2, n // rounds), size)
        prepared = [bench.prepare_raw(batch) for batch in batches]
        flat = [row for batch in prepared for row in batch]
        arms["one"].add(timed_requests(bench.raw_insert, flat))
        bench.delete_raw(flat)
        arms["batch"].add(timed_requests(bench.raw_insert_many, prepared))
        bench.delete_raw(flat)
        arms["api"].add(timed_requests(bench.api_batch, batches))
    one_by_one, per_batch, api = (summary(arms[k]) for k in ("one", "batch", "api"))
    rows = {"api": size * api["rate"], "one": one_by_one["rate"], "batch": size * per_batch["rate"]}
    return {
        "shown": [("API, batch (alerts evaluated)", api, size), ("raw INSERT + commit, one by one", one_by_one, 1),
                  ("raw INSERTs, one transaction a batch", per_batch, size)],
        "ratios": [("ratio batch API / raw one by one (the target figure)", rows["api"] / rows["one"]),
                   ("ratio batch API / raw batches (for comparison)", rows["api"] / rows["batch"])],
        "rows": rows,
    }


def profile_api(bench: WriteBench, n: int):
    """cProfile over n/2 API writes, then the queries of each of n/2 more."""
    jobs = bench.jobs(n)
    profiler = cProfile.Profile()
    profiler.enable()
    for job in jobs[: n // 2]:
        bench.api(job)
    profiler.disable()
    logs = []
    for job in jobs[n // 2:]:
        with Queries() as log:
            bench.api(job)
        logs.append(log)
    return profiler, logs


def print_profile(profiler, top: int = 25, sort: str = "cumulative") -> dict:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(sort).print_stats(top)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    print("\n".join(line.replace(str(ROOT) + "/", "").replace(sys.prefix + "/lib/python3.11/site-packages/", "")
                    for line in lines[start - 2:] if line.strip()))
    buckets, driver = layers(stats)
    total = sum(buckets.values())
    print("\nself time by layer (cProfile tottime; Python layers are inflated by the profiler, C calls are not):")
    for name, tt in sorted(buckets.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<58} {100 * tt / total:5.1f} %")
    return driver


def layers(stats: pstats.Stats) -> tuple[dict, dict]:
    """Self time summed by layer, and the database driver's C calls by kind."""
    buckets, driver = defaultdict(float), defaultdict(float)
    for (filename, _line, func), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
        buckets[bucket(filename, func)] += tt
        if filename == "~" and (kind := driver_call(func)):
            driver[kind] += tt
        elif "/psycopg/" in filename:
            # psycopg's Python side: `wait` is waiting for the server's answer (its C part sits inside it).
            driver["wait for the server" if func == "wait" else "psycopg (python)"] += tt
    return buckets, driver


def profile_reads(reads: dict, n: int, full: bool) -> None:
    """cProfile over n requests of each view: the layers it spends its time in (the top functions with full)."""
    for label, r in reads.items():
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(n):
            r["get"](None)
        profiler.disable()
        stats = pstats.Stats(profiler)
        buckets, _driver = layers(stats)
        total = sum(buckets.values())
        top = sorted(buckets.items(), key=lambda kv: -kv[1])[:6]
        print(f"  {label:<28} {1000 * total / n:6.1f} ms profiled: "
              + ", ".join(f"{name.split(' (')[0]} {100 * tt / total:.0f} %" for name, tt in top))
        if full:
            print_profile(profiler, top=20, sort="tottime")
            print()


DRIVER_NAMES = ("sqlite3", "SQLiteCursorWrapper", "psycopg", "pgconn", "PGconn")


def driver_call(func: str) -> str | None:
    """execute / commit / connect / close, for a database driver's C function; None for anything else."""
    if not any(n in func for n in DRIVER_NAMES):
        return None
    for kind in ("executemany", "execute", "commit", "connect", "close", "fetch"):
        if kind in func:
            return "connect" if kind == "connect" else kind.replace("many", "")
    return "other"


def bucket(filename: str, func: str) -> str:
    f = filename.replace("\\", "/")
    if f == "~":
        if driver_call(func):
            return "database driver (C: execute, commit, connect, close)"
        return "builtins called from Python (getattr, isinstance, ...)"
    rules = [("/django/db/backends/", "django db backend (connect, cursor wrappers)"),
             ("/django/db/models/sql/", "django ORM: SQL compiler"),
             ("/django/db/models/", "django ORM: models, querysets, fields"),
             ("/django/db/", "django db: transactions, utils"),
             ("/django/forms/", "django forms (validation)"),
             ("/django/core/handlers/", "django request handling, middleware chain"),
             ("/django/middleware/", "django middleware"), ("/django/contrib/sessions/", "django middleware"),
             ("/django/contrib/auth/", "django middleware"), ("/django_otp/", "django middleware"),
             ("/csp/", "django middleware"), ("/whitenoise/", "django middleware"), ("/axes/", "django middleware"),
             ("/django/test/", "test Client"), ("/django/template/", "django templates"),
             ("/django/templatetags/", "django templates"), ("/django/utils/", "django utils (formats, dates, html)"),
             ("/django/", "django other (urls, http, signals)"),
             ("/ninja/", "django-ninja + pydantic"), ("/pydantic", "django-ninja + pydantic"),
             ("/psycopg/connection.py", "database driver (psycopg: waiting for the server)"),
             ("/psycopg", "database driver (psycopg python)"), ("/sqlite3/", "database driver (python side)"),
             ("/netcompanion/", "netcompanion app code"), ("/json/", "json"), ("/uuid", "uuid"),
             ("/decimal", "decimal")]
    for needle, name in rules:
        if needle in f:
            return name
    return "other python"


def print_statement_stats(logs) -> None:
    by_shape = defaultdict(list)
    for log in logs:
        for sql, ms in zip(log.shapes, log.times, strict=True):  # appended together, one pair per execute
            by_shape[sql].append(ms)
    print(f"  {'n':>5} {'mean ms':>8} {'p95 ms':>8}  statement")
    for sql, times in sorted(by_shape.items(), key=lambda kv: -sum(kv[1])):
        flat = " ".join(sql.split())
        print(f"  {len(times):5d} {statistics.fmean(times):8.3f} {percentile(times, 95):8.3f}  {flat[:110]}"
              f"{'…' if len(flat) > 110 else ''}")


def print_queries(rows) -> None:
    for ms, sql in rows:
        sql = " ".join(sql.split())
        shown = "        " if ms is None else f"{ms:6.3f} ms"
        print(f"  {shown}  {sql[:140]}{'…' if len(sql) > 140 else ''}")


# --- reads ----------------------------------------------------------------------------------------

def nurse_client():
    """nurse01 signed in with a confirmed TOTP device, as after two-factor sign-in."""
    import django_otp
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from netcompanion.accounts.models import User

    nurse = User.objects.get(username="nurse01")
    device = TOTPDevice.objects.filter(user=nurse, confirmed=True).first() or TOTPDevice.objects.create(
        user=nurse, name="benchmark phone", confirmed=True)
    client = Client()
    client.force_login(nurse)
    session = client.session
    session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return nurse, client


def view_urls(nurse) -> list[tuple[str, str]]:
    """The lists, and the page of the nurse's first alert on a diary day (what was reported, its four weeks)."""
    from django.urls import reverse

    from netcompanion.alerts.models import Alert
    from netcompanion.careteam.access import assigned_patient_ids

    urls = [(label, reverse(name) + (f"?{query}" if query else ""))
            for label, name, query in [BASELINE_VIEW, *READ_VIEWS]]
    alert = Alert.objects.filter(patient_id__in=assigned_patient_ids(nurse), source_key__startswith="diary:") \
        .queue_order().values_list("code", flat=True).first()
    return urls + ([("an alert's page", reverse("alerts:detail", args=[alert]))] if alert else [])


def read_views(client, views, reads: int):
    results = {}
    for label, url in views:
        def get(_, url=url):
            response = serve(client, "get", url)
            if response.status_code != 200:
                raise SystemExit(f"centre_scale: GET {url} gave {response.status_code}")
            return response

        for _ in range(5):
            get(None)
        samples = timed_requests(get, range(reads))
        with Queries() as log:
            get(None)
        with TemplateTimer() as templates:
            for _ in range(10):
                get(None)
        results[label] = {**summary(samples), "url": url, "queries": len(log.captured),
                          "sql_ms": log.ms, "template_ms": templates.ms / 10, "log": log, "get": get}
    return results


class TemplateTimer:
    """Time spent rendering Django templates (with any query a template itself triggers), unprofiled."""

    def __enter__(self):
        from django.template.backends.django import Template

        self.ms, self.original, self.depth, timer = 0.0, Template.render, 0, self

        def render(template, *args, **kwargs):
            # Forms render their own templates inside the page's: count the outermost only.
            timer.depth += 1
            start = time.perf_counter()
            try:
                return timer.original(template, *args, **kwargs)
            finally:
                timer.depth -= 1
                if timer.depth == 0:
                    timer.ms += (time.perf_counter() - start) * 1000

        Template.render = render
        return self

    def __exit__(self, *exc):
        from django.template.backends.django import Template

        Template.render = self.original


def print_plans(label: str, log: Queries, top: int = 4) -> None:
    from django.db import connection

    rows = [(ms, sql) for ms, sql in log.rows() if ms is not None]
    print(f"\n-- {label}: the {min(top, len(rows))} slowest of {len(rows)} queries, with their plans")
    for ms, sql in sorted(rows, key=lambda r: -r[0])[:top]:
        flat = " ".join(sql.split())
        print(f"\n  [{ms:.2f} ms] {flat[:700]}{'…' if len(flat) > 700 else ''}")
        if not flat.upper().startswith(("SELECT", "WITH")):
            continue
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
        try:
            with connection.cursor() as cur:
                cur.execute(prefix + sql)
                plan = cur.fetchall()
        except Exception as e:  # noqa: BLE001 - a plan that cannot be had is reported, not fatal
            print(f"    (no plan: {e})")
            continue
        if connection.vendor == "sqlite":
            depth = {0: 0}
            for node, parent, _unused, detail in plan:
                depth[node] = depth.get(parent, 0) + 1
                print("    " + "  " * (depth[node] - 1) + detail)
        else:
            for (line,) in plan:
                print("    " + line)


# --- experiments: proposed changes, patched in this process only ------------------------------------

class SynchronousNormal:
    """PRAGMA synchronous=NORMAL in WAL mode: commits are not fsynced (a power cut may lose the last ones;
    the database stays consistent). Added to the connection's init_command."""

    def __enter__(self):
        from django.db import connections

        self.db = connections["default"]
        self.options = self.db.settings_dict["OPTIONS"]
        self.old = self.options.get("init_command", "")
        self.options["init_command"] = self.old + " PRAGMA synchronous=NORMAL;"
        self.db.close()

    def __exit__(self, *exc):
        self.options["init_command"] = self.old
        self.db.close()


class NoHealthCheck:
    """PostgreSQL: no SELECT 1 before the first query of each request (CONN_HEALTH_CHECKS off)."""

    def __enter__(self):
        from django.db import connections

        self.db = connections["default"]
        self.db.health_check_enabled = False

    def __exit__(self, *exc):
        self.db.health_check_enabled = True


def ab(run, make, rounds: int = 8) -> tuple[dict, dict]:
    """(without, with) the change, in alternating batches so that other load on the machine hits both alike.
    ``run()`` times one batch and returns its Samples."""
    arms = {False: Samples(), True: Samples()}
    for r in range(rounds):
        for changed in ((False, True) if r % 2 == 0 else (True, False)):
            if changed:
                with make():
                    s = run()
            else:
                s = run()
            arms[changed].add(s)
    return summary(arms[False]), summary(arms[True])


def write_experiments(bench: WriteBench, per_arm: int) -> list[tuple[str, dict, dict]]:
    from django.db import connection

    if connection.vendor == "sqlite":
        changes = [("synchronous=NORMAL (WAL)", SynchronousNormal)]
    else:
        changes = [("no per-request health check", NoHealthCheck)]
    rounds, batch = 8, max(5, per_arm // 8)
    rows = []
    for label, make in changes:
        without, with_ = ab(lambda: timed_requests(bench.api, bench.jobs(batch)), make, rounds)
        rows.append((label, without, with_))
    return rows


# --- the whole run ----------------------------------------------------------------------------------

def main(argv=None) -> None:
    args = parse_args(argv)
    args.today = args.today or dt.date.today().isoformat()
    if args.writes is None:
        args.writes = min(2000, max(200, args.patients))
    args.profile_writes = max(2, min(args.profile_writes, args.writes))
    tmp = None
    url = args.database_url
    if args.seed_only and not url:
        sys.exit("centre_scale: --seed-only needs --database-url")
    if not url:
        tmp = tempfile.mkdtemp(prefix="centre_scale.")
        url = f"sqlite:///{tmp}/centre.sqlite3"
    refuse_var_db(url)
    if args.seed_only:
        # The child of seed(): the parent owns the directories and removes them.
        configure(url, os.environ.get("NETCOMPANION_VAR_DIR") or tempfile.gettempdir())
        seed_child(args)
        return
    var_dir = tmp or tempfile.mkdtemp(prefix="centre_scale_var.")
    try:
        run(args, url, var_dir)
    finally:
        if tmp and args.keep:
            print(f"\nkept {tmp}")
        else:
            shutil.rmtree(var_dir, ignore_errors=True)


def already_seeded(args) -> bool:
    from django.db import connection

    from netcompanion.accounts.models import Role, User

    if "accounts_user" not in connection.introspection.table_names():
        return False
    return (User.objects.filter(username="nurse01").exists()
            and User.objects.filter(role=Role.PATIENT).count() == args.patients)


def run(args, url: str, var_dir: str) -> None:
    wall = time.perf_counter()
    configure(url, var_dir)
    from django.db import connection
    from django.utils import timezone

    today = timezone.localdate()
    args.today = today.isoformat()
    start = today - dt.timedelta(days=args.days)
    engine = connection.vendor
    shown_url = url if engine == "sqlite" else url.split("@")[-1]
    print(f"centre scale: {args.patients:,} patients x {args.days} days on {engine} ({shown_url}); "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")

    loop = min(timed_requests(lambda _: sum(range(1000)), range(2000)))
    print(f"CPU speed: sum(range(1000)) takes {1000 * loop:.1f} µs here (about 8 µs on a current laptop core); "
          f"absolute times scale with it, ratios much less")

    header("seed")
    if args.reuse and already_seeded(args):
        from django.core.management import call_command

        seeded = None
        call_command("migrate", verbosity=0, interactive=False)
        print("reusing the centre already in the database (--reuse), migrated to the current models")
    else:
        connection.close()
        seeded = seed(args, url, var_dir)
        print(f"migrate {seeded['migrate_s']:.1f} s, seed {seeded['seed_s']:.1f} s, "
              f"{'VACUUM ANALYZE' if engine == 'postgresql' else 'ANALYZE'} {seeded['analyse_s']:.1f} s; "
              f"child process total {seeded['total_s']:.1f} s, peak RSS {seeded['rss_mib']:.0f} MiB")
        rows = seeded["rows"]
        total = sum(rows.values())
        print(f"{total:,} rows; {seeded and total / seeded['seed_s']:,.0f} rows/s")
        for table, n in sorted(rows.items(), key=lambda kv: -kv[1]):
            print(f"  {table:<36} {n:>10,}")
    print(f"database size {database_size()}")
    rss_after_setup = rss_mib()

    alert_load = None
    if args.alert_patients:
        header("alert load: what the rules raise from the seed's year (bench/alert_load.py)")
        alert_load = centre_alert_load(args, today, start)

    header("writes: POST /api/v1/diary vs raw INSERT + commit")
    bench = WriteBench(today, start, args.patients, args.writes)
    print(f"{len(bench.patients)} patients write; {args.writes} timed writes each way, after 20 warm-up each")
    warm = bench.jobs(20)
    prepared = bench.prepare_raw(warm)
    for p in prepared:
        bench.raw_insert(p)
    bench.delete_raw(prepared)
    for job in warm:
        bench.api(job)
    jobs = bench.jobs(args.writes)
    prepared = bench.prepare_raw(jobs)
    raw = summary(timed_requests(bench.raw_insert, prepared))
    bench.delete_raw(prepared)
    api = summary(timed_requests(bench.api, jobs))
    ratio = api["rate"] / raw["rate"]
    for label, s in (("API (test Client, all middleware)", api), ("raw INSERT + commit (baseline)", raw)):
        print(f"  {label:<36} {s['rate']:8.0f} writes/s   p50 {s['p50']:7.2f} ms   p95 {s['p95']:7.2f} ms   "
              f"CPU {s['cpu']:6.2f}" + (f" + server {s['server_cpu']:5.2f}" if engine == "postgresql" else "")
              + " ms/write")
    cpu_ratio = (raw["cpu"] + raw["server_cpu"]) / (api["cpu"] + api["server_cpu"])
    print(f"  ratio API/raw: {ratio:.3f}; by CPU time per write {cpu_ratio:.3f} (the target is judged on batches, "
          f"below)")
    floor = floor_writes(bench, args.writes)
    print(f"  floor: the same stack, token lookup and parsing, no diary work: {floor['rate']:.0f} requests/s "
          f"(CPU {floor['cpu']:.2f} ms); no write of one day a request can beat floor/raw = "
          f"{floor['rate'] / raw['rate']:.3f}")
    write_peak = traced_peak(bench.api, bench.jobs(min(200, args.writes)))
    rss_after_writes = rss_mib()

    header(f"writes in batches: POST /api/v1/diary/batch, {args.batch} days a request")
    batched = batch_writes(bench, args)
    for label, s_, rows_per_call in batched["shown"]:
        print(f"  {label:<36} {rows_per_call * s_['rate']:8.0f} rows/s     p50 {s_['p50']:7.2f} ms   "
              f"p95 {s_['p95']:7.2f} ms   CPU {(s_['cpu'] + s_['server_cpu']) / rows_per_call:6.2f} ms/row"
              + f"   ({rows_per_call} rows a call)")
    (target_label, target), (other_label, other) = batched["ratios"]
    write_verdict = f"target >= {WRITE_TARGET_RATIO}: {verdict(target >= WRITE_TARGET_RATIO)}"
    print(f"  {target_label}: {target:.3f} ({write_verdict})")
    print(f"  {other_label}: {other:.3f}")

    header("where a write's time goes")
    profiler, logs = profile_api(bench, args.profile_writes)
    per_request = [len(log.captured) for log in logs]
    example = max(logs, key=lambda log: len(log.captured))
    print(f"statements per request (BEGIN/COMMIT included): min {min(per_request)}, max {max(per_request)}, "
          f"mean {statistics.fmean(per_request):.1f}; execute time {statistics.fmean(log.ms for log in logs):.2f} ms "
          f"per request of {api['mean']:.2f} ms mean")
    print("the statements of the request with the most:")
    print_queries(example.rows())
    print(f"\neach kind of statement over {len(logs)} requests (execute time; BEGIN/COMMIT are not executes):")
    print_statement_stats(logs)
    print(f"\ncProfile, {args.profile_writes // 2} API writes, top 25 by cumulative time:")
    driver = print_profile(profiler)
    per = {k: 1000 * v / (args.profile_writes // 2) for k, v in driver.items()}
    db_ms = sum(per.values())
    print(f"\ndatabase driver time per write (C calls, cProfile): {db_ms:.2f} ms of {api['mean']:.2f} ms "
          f"unprofiled mean ({100 * db_ms / api['mean']:.0f} %): "
          + ", ".join(f"{k} {v:.2f} ms" for k, v in sorted(per.items(), key=lambda kv: -kv[1])))

    exp_rows = []
    if args.experiments:
        header("experiments on the write path (patched in this process only)")
        exp_rows = write_experiments(bench, min(args.writes, 200))
        print("  each change against the API as it is, in alternating batches (writes/s; CPU ms per write):")
        print(f"  {'change':<36} {'without':>9} {'with':>9} {'rate x':>7}   {'CPU without':>11} {'with':>6}"
              + ("   (client + server CPU)" if engine == "postgresql" else ""))
        for label, without, with_ in exp_rows:
            print(f"  {label:<36} {without['rate']:9.1f} {with_['rate']:9.1f} {with_['rate'] / without['rate']:7.2f}   "
                  f"{without['cpu'] + without['server_cpu']:11.2f} {with_['cpu'] + with_['server_cpu']:6.2f}")

    header(f"reads: nurse01 ({min(300, args.patients)} patients)")
    nurse, client = nurse_client()
    reads = read_views(client, view_urls(nurse), args.reads)
    base = reads[BASELINE_VIEW[0]]
    print("  (ms; x = p95 against the baseline; CPU = per request, this process's"
          + (" + the PostgreSQL server's" if engine == "postgresql" else "")
          + "; SQL = execute time; templates = rendering)")
    for label, r in reads.items():
        print(f"  {label:<26} p50 {r['p50']:6.1f}  p95 {r['p95']:6.1f}  x{r['p95'] / base['p95']:4.1f}  "
              f"CPU {r['cpu'] + r['server_cpu']:5.1f}  {r['queries']:3d} queries  SQL {r['sql_ms']:5.1f}  "
              f"templates {r['template_ms']:5.1f}  {r['url']}")
    worst = max(r["p95"] for label, r in reads.items() if label != BASELINE_VIEW[0])
    print(f"  target p95 < {READ_TARGET_P95_MS:.0f} ms: {verdict(worst < READ_TARGET_P95_MS)} "
          f"(worst {worst:.1f} ms)")
    read_peak = max(traced_peak(r["get"], range(10)) for r in reads.values())
    print("\nwhere a read's time goes (cProfile over 10 requests each; self time by layer):")
    profile_reads(reads, 10, args.profile_reads)
    if args.explain:
        header("query plans")
        for label, r in reads.items():
            if label != BASELINE_VIEW[0]:
                print_plans(label, r["log"])

    header(f"summary ({engine})")
    rows = []
    if seeded:
        rows.append(("seed (migrate + data + analyse)",
                     f"{seeded['total_s']:.0f} s ({sum(seeded['rows'].values()):,} rows)"))
    rows += [("API writes/s (p95)", f"{api['rate']:.0f}/s ({api['p95']:.1f} ms; CPU "
                                    f"{api['cpu'] + api['server_cpu']:.2f} ms/write)"),
             ("raw INSERT+commit/s (p95)", f"{raw['rate']:.0f}/s ({raw['p95']:.1f} ms; CPU "
                                           f"{raw['cpu'] + raw['server_cpu']:.2f} ms/write)"),
             ("ratio API/raw, one day a request", f"{ratio:.3f}; by CPU per write {cpu_ratio:.3f}"),
             ("statements per API write", f"{statistics.fmean(per_request):.1f}"),
             ("floor (stack, token, parsing; no diary)", f"{floor['rate']:.0f}/s: ratio ceiling per request "
                                                         f"{floor['rate'] / raw['rate']:.3f}"),
             (f"batch API rows/s ({args.batch} a request)", f"{batched['rows']['api']:.0f}/s"),
             ("  ratio to raw one by one (target)", f"{target:.3f} ({write_verdict})"),
             ("  ratio to raw batches", f"{other:.3f} (raw {batched['rows']['batch']:.0f} rows/s)")]
    for label, without, with_ in exp_rows:
        rows.append((f"  with {label}", f"x{with_['rate'] / without['rate']:.2f} writes/s "
                                         f"({without['rate']:.0f} -> {with_['rate']:.0f}/s; CPU "
                                         f"{without['cpu'] + without['server_cpu']:.1f} -> "
                                         f"{with_['cpu'] + with_['server_cpu']:.1f} ms)"))
    for label, r in reads.items():
        rows.append((f"{label} p50/p95", f"{r['p50']:.1f} / {r['p95']:.1f} ms ({r['queries']} queries, "
                                         f"CPU {r['cpu'] + r['server_cpu']:.1f} ms)"))
    if alert_load:
        for load in alert_load:
            rows.append((f"alerts/patient/week, {load.label.split(' (')[0]}", load.summary()))
    rows += [("peak RSS, benchmark process", f"{rss_mib():.0f} MiB (after setup {rss_after_setup:.0f}, "
                                             f"after writes {rss_after_writes:.0f})"),
             ("peak RSS, seed process", f"{seeded['rss_mib']:.0f} MiB" if seeded else "(reused)"),
             ("tracemalloc peak, writes", f"{write_peak:.1f} MiB over 200 writes"),
             ("tracemalloc peak, reads", f"{read_peak:.1f} MiB over 10 requests per view"),
             ("wall time", f"{time.perf_counter() - wall:.0f} s"),
             ("load average at the end (1 min)", f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work "
                                                 "on the machine slows every figure)")]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")


if __name__ == "__main__":
    main()
