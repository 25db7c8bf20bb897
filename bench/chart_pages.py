"""Chart pages (issue 17): how long a page of charts takes to serve, drawn afresh and from the cache.

A patient with a year of diary days (most days logged, weight once a week), an injection every 28 days and a
chromogranin A and 5-HIAA result every two months is written through the apps' own services into a new SQLite
file in a temporary directory (never var/db.sqlite3). For each period the test client, signed in as the patient,
asks for the chart page and then every chart image a phone asks for (the page's <img src>), one after the other,
as the server sees them:

  cold    the cache emptied first, so every chart is drawn by matplotlib (the cost of every visit before the cache)
  cached  nothing changed since the last visit, so the page's charts and tables and every chart image come from
          the cache

Each figure is the median of several runs; the ratio compares the page with its charts, cold and cached, in the same
run on the same machine. The load average is printed because a busy machine slows every request.

    python bench/chart_pages.py            # about a minute
    python bench/chart_pages.py --runs 3   # quicker
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 100  # a page of charts, served from the cache when nothing changed
PERIODS = ("4w", "3m", "12m")


def seed(today: dt.date):
    """The patient, with a year of diary days, injections and labs, through the apps' services."""
    import random

    from netcompanion.accounts.models import Role, User
    from netcompanion.diary import services as diary
    from netcompanion.labs import services as labs
    from netcompanion.medicines import services as medicines

    rng = random.Random(17)
    patient = User.objects.create_user("bench-patient", password="x", role=Role.PATIENT)
    rows = []
    for back in range(365):
        if rng.random() < 0.85:
            day = today - dt.timedelta(days=back)
            rows.append({"date": day, "flushes": rng.choice([0, 1, 1, 2, 3, 5]), "stools": rng.choice([1, 2, 3, 4]),
                         "pain": rng.randint(0, 4), "fatigue": rng.randint(1, 6),
                         **({"weight_kg": round(70 + rng.uniform(-0.4, 0.4), 1)} if back % 7 == 0 else {})})
    diary.record_entries(patient, patient, rows)
    for k in range(13):
        medicines.record_injection(patient, patient, {"given_on": today - dt.timedelta(days=28 * k),
                                                      "drug": "lanreotide", "dose_mg": 120})
    for k in range(6):
        taken = today - dt.timedelta(days=60 * k + 3)
        labs.record_result(patient, patient, {"test": "cga", "value": rng.randint(60, 140), "unit": "µg/L",
                                              "reference_high": 102, "taken_on": taken})
        labs.record_result(patient, patient, {"test": "u5hiaa", "value": rng.randint(20, 60), "unit": "µmol/24h",
                                              "reference_high": 50, "taken_on": taken})
    return patient


def page_of_charts(client, period: str) -> tuple[float, float, int]:
    """Milliseconds for the page and for all its chart images, and how many images it has."""
    start = time.perf_counter()
    page = client.get("/my/charts/", {"period": period})
    page_ms = (time.perf_counter() - start) * 1000
    assert page.status_code == 200, page.status_code
    images = [src.replace("&amp;", "&") for src in re.findall(r'<img src="([^"]+)"', page.content.decode())]
    start = time.perf_counter()
    for src in images:
        response = client.get(src)
        assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml", src
    return page_ms, (time.perf_counter() - start) * 1000, len(images)


def measure(client, period: str, runs: int, cold: bool) -> tuple[float, float, int]:
    from django.core.cache import cache

    pages, images, count = [], [], 0
    if not cold:
        page_of_charts(client, period)  # fills the cache
    for _ in range(runs):
        if cold:
            cache.clear()
        page_ms, images_ms, count = page_of_charts(client, period)
        pages.append(page_ms)
        images.append(images_ms)
    return statistics.median(pages), statistics.median(images), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is printed)")
    runs = parser.parse_args().runs
    tmp = tempfile.mkdtemp(prefix="chart_pages.")
    try:
        os.environ["DJANGO_SETTINGS_MODULE"] = "netcompanion.settings_test"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/charts.sqlite3"
        os.environ["NETCOMPANION_VAR_DIR"] = tmp
        os.environ.setdefault("LOG_LEVEL", "WARNING")
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client
        from django.utils import timezone

        call_command("migrate", verbosity=0, interactive=False)
        patient = seed(timezone.localdate())
        client = Client()
        client.force_login(patient)
        print(f"Chart pages: a year of diary days, 13 injections, 12 lab results; median of {runs} runs; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'period':<7} {'charts':>6} {'cold: page':>11} {'+ charts':>9} {'cached: page':>13} {'+ charts':>9}"
              f" {'ratio':>6}")
        worst = 0.0
        for period in PERIODS:
            cold_page, cold_images, count = measure(client, period, runs, cold=True)
            warm_page, warm_images, _ = measure(client, period, runs, cold=False)
            cold_ms, warm_ms = cold_page + cold_images, warm_page + warm_images
            worst = max(worst, warm_ms)
            print(f"{period:<7} {count:>6} {cold_page:>8.0f} ms {cold_ms:>6.0f} ms {warm_page:>10.0f} ms"
                  f" {warm_ms:>6.0f} ms {cold_ms / warm_ms:>5.0f}x   (one chart: {cold_images / count:.0f} ms cold,"
                  f" {warm_images / count:.1f} ms cached)")
        print(f"target: a page and its charts from the cache in < {TARGET_MS} ms: "
              f"{'met' if worst < TARGET_MS else 'NOT MET'} (slowest {worst:.0f} ms)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
