"""Logging a day on a phone (issue 17): taps, keys, scrolls and keystroke-level-model time, new form against old.

Set-up: a throwaway SQLite database in a temporary directory (never var/db.sqlite3), `netcompanion migrate` and
`netcompanion demo` (the demo patient, "patient", with a year of diary up to yesterday), Django's runserver on a
free port of 127.0.0.1, and Chromium (/usr/bin/chromium, Playwright) on a 375 x 667 screen. Each day is logged as
today, starting on the diary page; before each one the bench deletes today's entry through the diary's action.

The days:
  usual, "Nothing new today"   the demo patient's usual day (diary.quick.usual), shown, then saved
  usual, "Same as yesterday"   yesterday's symptoms, shown, then saved
  diarrhoea and flushing       4 flushes, 6 bowel movements, Bristol type 6, tummy pain 3, tiredness 4
  a bad day                    7 flushes after alcohol, 9 bowel movements, type 7, pain 6, tiredness 7, wheezing

Counting, in the browser: a tap is a click on the element a finger would touch; a key is one typed character; a
scroll is one swipe of 80 % of the screen height, as many as bring the next target fully into view. A count such as
flushes is typed (tap the box, then its digits) or stepped (the + button pressed n times), whichever the model
below makes quicker.

The keystroke-level model (KLM; Card, Moran and Newell, The Psychology of Human-Computer Interaction, 1983;
Card, Moran and Newell, "The keystroke-level model for user performance time with interactive systems",
Communications of the ACM 23(7), 1980) with its own operator times: K = 0.28 s (a keystroke, average skilled
typist), P = 1.1 s (pointing at a target), H = 0.4 s (moving the hand to another device), M = 1.35 s (mental
preparation). Applied to touch, our mapping (stated, not taken from a touch variant): a tap is P + K (the finger
moves to the target and touches it), a repeated tap on the same button is K, typing begins with H (to the on-screen
keyboard) and each character is K, a swipe is P, and M comes once on each new page (reading it) and once before
each answer given.

Baseline (the same days the old way): the form before issue 17 had a typed number for every count and score,
including pain, tiredness and the Bristol type, 19 px tick boxes and radio buttons, and no quick log. It is no
longer in the code, so its actions are counted from its field list and its layout, measured in the same Chromium at
375 x 667 on commit 16f0c11 (OLD_FORM: each target's top and height in CSS pixels on the page), with the same scroll
rule and the same model: tap "Log today", then tap each box and type its number, tap each tick box or radio
button, and tap Save.

    python bench/log_a_day.py       # about a minute
"""

from __future__ import annotations

import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCREEN = {"width": 375, "height": 667}
SWIPE = 0.8 * SCREEN["height"]
K, P, H, M = 0.28, 1.1, 0.4, 1.35
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
TARGET_SECONDS, TARGET_TAPS = 15.0, 8

# The old form at 375 x 667 (commit 16f0c11): each target's top and height on the page, in CSS pixels.
OLD_FORM = {
    "date": (314, 29), "flushes": (386, 29), "spicy_food": (463, 19), "alcohol": (490, 19), "stress": (517, 19),
    "other": (545, 19), "stools": (611, 29), "bristol": (765, 29), "pain": (864, 29), "fatigue": (936, 29),
    "weight_kg": (1036, 29), "wheezing": (1114, 19), "dizziness": (1239, 19), "notes": (1358, 100),
    "save": (1482, 46),
}
OLD_LOG_TODAY = (200, 46)  # the "Log today" button on the diary page, inside the first screen


@dataclass
class Tally:
    """What a person did, and the model's time for it."""

    taps: int = 0
    keys: int = 0
    scrolls: int = 0
    seconds: float = 0.0
    typing: bool = field(default=False, repr=False)

    def think(self) -> None:
        self.seconds += M

    def swipe(self, times: int) -> None:
        self.scrolls += times
        self.seconds += times * P

    def tap(self, again: bool = False) -> None:
        self.taps += 1
        self.seconds += K if again else P + K
        self.typing = False

    def type(self, text: str) -> None:
        if not self.typing:
            self.seconds += H
            self.typing = True
        self.keys += len(text)
        self.seconds += len(text) * K


def swipes_to_show(top: float, height: float, viewport_top: float) -> int:
    """Swipes of SWIPE pixels that bring a target fully into a screen that starts at viewport_top."""
    if top >= viewport_top and top + height <= viewport_top + SCREEN["height"]:
        return 0
    if top < viewport_top:
        return math.ceil((viewport_top - top) / SWIPE)
    return math.ceil((top + height - viewport_top - SCREEN["height"]) / SWIPE)


def stepping_is_quicker(value: int) -> bool:
    """The + button n times (P + K, then K each) against tapping the box and typing the digits (P + K + H + K)."""
    return P + value * K < P + K + H + len(str(value)) * K


# --- the new form, driven in Chromium ---------------------------------------------------------------------------

class Phone:
    """A page whose actions are counted as a person's."""

    def __init__(self, page):
        self.page, self.tally, self.last = page, Tally(), None

    def new_page(self) -> None:
        self.tally.think()
        self.last = None

    def _show(self, locator) -> None:
        box = locator.bounding_box()
        at = self.page.evaluate("scrollY")
        times = swipes_to_show(box["y"] + at, box["height"], at)
        if times:
            down = 1 if box["y"] > 0 else -1
            self.page.evaluate("y => window.scrollBy(0, y)", down * times * SWIPE)
            self.tally.swipe(times)
            locator.scroll_into_view_if_needed()

    def tap(self, locator, think: bool = True) -> None:
        if think:
            self.tally.think()
        self._show(locator)
        locator.click()
        self.tally.tap(again=self.last == locator)
        self.last = locator

    def type(self, locator, text: str) -> None:
        self.tap(locator)
        locator.press_sequentially(text)
        self.tally.type(text)

    def count(self, box: str, more: str, value: int) -> None:
        if stepping_is_quicker(value):
            button = self.page.get_by_role("button", name=more)
            self.tap(button)
            for _ in range(value - 1):
                self.tap(button, think=False)
        else:
            self.type(self.page.get_by_label(box), str(value))

    def choose(self, group: str, option: str) -> None:
        self.tap(self.page.get_by_role("group", name=group).get_by_role("radio", name=option, exact=True))


PAIN, TIREDNESS = "Tummy pain (0 = none, 10 = worst)", "Tiredness (0 = none, 10 = worst)"
BRISTOL = {6: "Type 6: mushy, ragged pieces", 7: "Type 7: watery, no solid pieces"}


def quick_day(phone: Phone, link: str) -> dict:
    """A usual day by a quick log: the link, then Save on the page that shows the day. Returns the day saved."""
    phone.tap(phone.page.get_by_role("link", name=link))
    phone.new_page()
    values = dict(phone.page.eval_on_selector_all(
        "form input[type=hidden]:not([name=csrfmiddlewaretoken])", "es => es.map(e => [e.name, e.value])"))
    phone.tap(phone.page.get_by_role("button", name="Save this day"), think=False)
    return values


def typed_day(phone: Phone, day: dict) -> dict:
    """A day filled in on the form: counts stepped or typed, scales and Bristol types tapped, then Save."""
    page = phone.page
    phone.tap(page.get_by_role("link", name="Log today"))
    phone.new_page()
    phone.count("Flushes today", "One more flush", day["flushes"])
    for trigger in day.get("triggers", ()):
        phone.tap(page.get_by_role("checkbox", name=trigger))
    phone.count("Bowel movements today", "One more bowel movement", day["stools"])
    phone.tap(page.get_by_role("radio", name=BRISTOL[day["bristol"]]))
    phone.choose(PAIN, str(day["pain"]))
    phone.choose(TIREDNESS, str(day["fatigue"]))
    if "wheezing" in day:
        phone.choose("Did you wheeze today?", "Yes" if day["wheezing"] == "true" else "No")
    if "dizziness" in day:
        phone.choose("Did you feel dizzy or faint today?", "Yes" if day["dizziness"] == "true" else "No")
    phone.tap(page.get_by_role("button", name="Save", exact=True), think=False)
    return day


# --- the old form, from its field list ---------------------------------------------------------------------------

def old_way(day: dict) -> Tally:
    """The same day on the old form: every count and score typed, tick boxes and radio buttons tapped."""
    tally, at = Tally(), 0.0

    def tap(target: tuple[int, int], think: bool = True) -> None:
        nonlocal at
        if think:
            tally.think()
        times = swipes_to_show(*target, at)
        if times:
            tally.swipe(times)
            at = max(0.0, at + (times if target[0] > at else -times) * SWIPE)
        tally.tap()

    tally.think()
    tap(OLD_LOG_TODAY)
    tally.think()
    for name in ("flushes", "stools", "bristol", "pain", "fatigue"):
        if name in day:
            tap(OLD_FORM[name])
            tally.type(str(day[name]))
            if name == "flushes":
                for trigger in day.get("trigger_values", ()):
                    tap(OLD_FORM[trigger])
    for name in ("wheezing", "dizziness"):
        if name in day:
            top, height = OLD_FORM[name]
            tap((top + (0 if day[name] == "true" else 27), height))
    tap(OLD_FORM["save"], think=False)
    return tally


# --- the run -------------------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_ints(values: dict) -> dict:
    return {k: (int(v) if v.isdigit() else v) for k, v in values.items() if k != "date"}


def run(url: str) -> list[tuple[str, Tally, Tally]]:
    import django
    from playwright.sync_api import sync_playwright

    django.setup()
    from django.utils import timezone

    from netcompanion.accounts.demo import DEMO_PASSWORD
    from netcompanion.accounts.models import User
    from netcompanion.diary import actions, quick
    from netcompanion.diary.models import DiaryEntry

    patient = User.objects.get(username="patient")
    today = timezone.localdate()

    def fresh_today() -> None:
        for entry in DiaryEntry.objects.current().filter(patient=patient, date=today):
            actions.delete_day(entry, patient)

    if not DiaryEntry.objects.current().filter(patient=patient, date=today - timezone.timedelta(days=1)).exists():
        before = DiaryEntry.objects.current().filter(patient=patient).values(*quick.SYMPTOMS)[:14]
        actions.save_day(patient, patient, {"date": today - timezone.timedelta(days=1), **quick.usual(before)})

    diarrhoea = {"flushes": 4, "stools": 6, "bristol": 6, "pain": 3, "fatigue": 4}
    bad = {"flushes": 7, "triggers": ["Alcohol"], "trigger_values": ["alcohol"], "stools": 9, "bristol": 7,
           "pain": 6, "fatigue": 7, "wheezing": "true", "dizziness": "false"}
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=SCREEN, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(f"{url}/accounts/login/")
        page.get_by_label("Username").fill("patient")
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        for label, log in (("usual, Nothing new today", lambda ph: quick_day(ph, "Nothing new today")),
                           ("usual, Same as yesterday", lambda ph: quick_day(ph, "Same as yesterday")),
                           ("diarrhoea and flushing", lambda ph: typed_day(ph, diarrhoea)),
                           ("a bad day", lambda ph: typed_day(ph, bad))):
            fresh_today()
            page.goto(f"{url}/my/diary/")
            phone = Phone(page)
            phone.new_page()
            day = log(phone)
            page.get_by_text("Saved.", exact=False).first.wait_for()
            if not DiaryEntry.objects.current().filter(patient=patient, date=today).exists():
                raise SystemExit(f"{label}: the day was not saved")
            rows.append((label, phone.tally, old_way(_as_ints(day) if "date" in day else day)))
        browser.close()
    return rows


def report(rows: list[tuple[str, Tally, Tally]]) -> None:
    print("Logging a day on a 375 x 667 phone: the new form in Chromium, and the same day the old way "
          "(every number typed, counted from the old form's layout).")
    print(f"KLM: tap = P + K ({P + K:.2f} s), repeated tap K, typing H then K a character, swipe P, "
          f"M ({M} s) a page and an answer.")
    print(f"{'day':<28}{'taps':>6}{'keys':>6}{'scrolls':>9}{'seconds':>9}   {'old way: taps':>14}{'keys':>6}"
          f"{'scrolls':>9}{'seconds':>9}")
    for label, new, old in rows:
        print(f"{label:<28}{new.taps:>6}{new.keys:>6}{new.scrolls:>9}{new.seconds:>9.1f}   "
              f"{old.taps:>14}{old.keys:>6}{old.scrolls:>9}{old.seconds:>9.1f}")
    usual = [new for label, new, _ in rows if label.startswith("usual")]
    met = all(t.taps <= TARGET_TAPS and t.seconds <= TARGET_SECONDS for t in usual)
    print(f"Target for a usual day, at most {TARGET_TAPS} taps and {TARGET_SECONDS:.0f} s: "
          f"{'met' if met else 'NOT met'}.")


if __name__ == "__main__":
    tmp = tempfile.mkdtemp(prefix="log-a-day-")
    port = _free_port()
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
           "DJANGO_SETTINGS_MODULE": "netcompanion.settings",
           "DJANGO_ALLOW_ASYNC_UNSAFE": "true"}  # Playwright's sync API runs an event loop beside the ORM calls
    os.environ.update(env)
    command = [str(ROOT / ".venv" / "bin" / "netcompanion")]
    server = None
    try:
        for step in (["migrate", "--noinput"], ["demo"]):
            subprocess.run(command + step, env=env, check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(command + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        report(run(f"http://127.0.0.1:{port}"))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
