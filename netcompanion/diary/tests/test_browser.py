"""Logging a day on a 375 px phone in Chromium: a usual day in a few taps, a day of taps with JavaScript off, tap
targets a finger can hit, and axe-core on every page of it at 375 and 1280 px."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.diary.demo import create_demo_diary
from netcompanion.diary.models import DiaryEntry, Episode
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 375, "height": 667}


@pytest.fixture
def maria():
    """Maria, with four weeks of diary up to yesterday."""
    patient = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria")
    create_demo_diary(patient, days=28)
    return patient


class Taps:
    """Clicks that count themselves, as the taps a person makes."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        locator.click()
        self.count += 1


def test_a_usual_day_takes_at_most_eight_taps_on_a_phone(live_server, browser, maria):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/diary/")
    tap = Taps()
    tap(page.get_by_role("link", name="Nothing new today"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nothing new today?")
    tap(page.get_by_role("button", name="Save this day"))
    assert tap.count <= 8
    expect(page.get_by_text("Saved. Thank you for logging your day.")).to_be_visible()
    today = timezone.localdate()
    expect(page.locator(f'.diary-days time[datetime="{today:%Y-%m-%d}"]')).to_be_visible()
    assert DiaryEntry.objects.current().get(patient=maria, date=today).flushes is not None
    context.close()


def test_without_javascript_a_day_is_saved_with_scales_and_bristol_pictures(live_server, phone, maria):
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/diary/new/")
    assert phone.locator(".stepper").count() == 0, "no minus and plus buttons that would do nothing"
    phone.get_by_label("Flushes today").fill("4")
    for scale, value in (("Tummy pain (0 = none, 10 = worst)", "6"), ("Tiredness (0 = none, 10 = worst)", "2")):
        phone.get_by_role("group", name=scale).get_by_role("radio", name=value, exact=True).click()
    phone.get_by_role("radio", name="Type 6: mushy, ragged pieces").click()
    phone.get_by_role("group", name="Did you wheeze today?").get_by_role("radio", name="No", exact=True).click()
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Saved.", exact=False).first).to_be_visible()
    entry = DiaryEntry.objects.current().get(patient=maria, date=timezone.localdate())
    assert (entry.flushes, entry.pain, entry.fatigue, entry.bristol, entry.wheezing) == (4, 6, 2, 6, False)


def test_with_javascript_the_steppers_count_and_every_target_is_big_enough(live_server, page, maria):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/diary/new/")
    flushes = page.get_by_label("Flushes today")
    page.get_by_role("button", name="One more flush").click()
    page.get_by_role("button", name="One more flush").click()
    expect(flushes).to_have_value("2")
    page.get_by_role("button", name="One flush fewer").click()
    expect(flushes).to_have_value("1")
    expect(page.locator(".stepper [aria-live=polite]").first).to_have_text("Flushes today: 1")
    small = page.evaluate("""() => [...document.querySelectorAll('.diary-form .tap, .diary-form button')]
        .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44).map(([t]) => t)""")
    assert small == []
    date = page.get_by_label("Date")
    assert date.evaluate("e => e.scrollWidth <= e.clientWidth"), "the whole date shows"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_diary_pages_pass_axe(live_server, page, maria, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, "maria")
    problems = {}
    for url in ("/my/diary/", "/my/diary/new/", "/my/diary/new/?quick=usual", "/my/diary/new/?quick=yesterday",
                "/my/diary/new/?quick=usual&change=1", "/my/diary/episodes/new/"):
        page.goto(live_server.url + url)
        problems[url] = page_problems(page)
    page.goto(live_server.url + "/my/diary/new/")
    page.get_by_label("Bowel movements today").fill("60")
    page.get_by_role("button", name="Save").click()
    problems["form with errors"] = page_problems(page)
    assert not any(problems.values()), problems


def test_an_episode_is_logged_with_taps_on_a_phone_without_javascript(live_server, phone, maria):
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/diary/episodes/new/")
    assert phone.get_by_role("radio", name="---------").count() == 0
    phone.get_by_role("radio", name="Loose stool").click()
    phone.get_by_role("group", name="How bad (0 = mild, 10 = worst)").get_by_role("radio", name="5", exact=True).click()
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("The episode is saved.")).to_be_visible()
    assert Episode.objects.get(patient=maria).severity == 5


def test_the_diary_pages_in_swedish_pass_axe_and_fit_a_phone(live_server, browser, maria):
    """Swedish words are longer: every diary page, and the form with its Swedish messages, stays axe-clean at 375 px."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server, "maria")
    context.set_extra_http_headers({"Accept-Language": "sv"})
    problems = {}
    for url in ("/my/diary/", "/my/diary/new/", "/my/diary/new/?quick=usual", "/my/diary/new/?quick=yesterday",
                "/my/diary/episodes/new/"):
        page.goto(live_server.url + url)
        problems[url] = page_problems(page)
    assert page.locator("h1").inner_text() == "För in en enstaka händelse"
    page.goto(live_server.url + "/my/diary/new/")
    page.get_by_label("Toalettbesök (bajsa) i dag").fill("60")
    page.get_by_label("Vikt i kg").fill("72,5")
    page.get_by_role("button", name="Spara").click()
    assert "det går inte att föra in mer än 50 om dagen" in page.locator("main").inner_text()
    assert page.get_by_label("Vikt i kg").input_value() == "72,5"
    problems["form with errors"] = page_problems(page)
    context.close()
    assert not any(problems.values()), problems
