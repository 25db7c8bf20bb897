"""The public site in a real browser: accessibility, phone width, keyboard, and no JavaScript."""

import importlib
import re

import pytest
from django.apps import apps
from playwright.sync_api import expect

from netcompanion.stories.models import Status, Story
from tests.browser.helpers import PASSWORD, axe_violations, open_menu, sideways_overflow, sign_in
from tests.test_site import PUBLIC_URLS

# Transactional, so the server thread sees the rows the test writes.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def directory():
    """Transactional tests empty the tables between tests; load the directory as migrating does."""
    migration = importlib.import_module("netcompanion.supportgroups.migrations.0002_load_organisations")
    migration.load(apps, None)


@pytest.mark.parametrize("width", [1280, 375])
def test_every_public_page_passes_axe(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for url in PUBLIC_URLS:
        response = page.goto(live_server.url + url)
        if not response.ok:
            problems[url] = [f"HTTP {response.status}"]
            continue
        if found := axe_violations(page):
            problems[url] = found
        overflow = sideways_overflow(page)
        if overflow > 0:
            problems.setdefault(url, []).append(f"scrolls sideways by {overflow}px at {width}px")
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_the_keyboard_reaches_the_content_first(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("#main")).to_be_focused()


def test_a_newcomer_reads_the_guide_and_searches_it(live_server, phone):
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="See the whole guide").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("The NET Companion guide")
    phone.locator("main").get_by_role("link", name=re.compile("symptoms", re.I)).first.click()
    expect(phone.locator("#sources")).to_be_visible()

    open_menu(phone)
    phone.get_by_label("Search the guide").fill("why does my face go red after wine")
    phone.get_by_label("Search the guide").press("Enter")
    first = phone.locator(".results li").first.get_by_role("link")
    expect(first).to_contain_text(re.compile("symptom", re.I))
    first.click()
    assert "/guide/symptoms/" in phone.url


def test_a_newcomer_filters_the_support_directory(live_server, phone):
    phone.goto(live_server.url + "/")
    open_menu(phone)
    phone.get_by_role("link", name="Support groups").click()
    phone.get_by_label("Country").select_option(label="Sweden")
    phone.get_by_role("button", name="Show groups").click()
    expect(phone.get_by_role("heading", name="1 group")).to_be_visible()
    expect(phone.get_by_role("heading", name="Carpa NET")).to_be_visible()


def test_a_newcomer_shares_a_story(live_server, phone):
    phone.goto(live_server.url + "/stories/")
    phone.get_by_role("link", name="Share your story").click()
    phone.get_by_role("button", name="Send my story").click()
    expect(phone.get_by_text("Please give your story a title.")).to_be_visible()
    assert Story.objects.count() == 0

    phone.get_by_label("Title of your story").fill("Five years to a name")
    phone.get_by_label("Your story:", exact=True).fill("I was told it was stress for five years. " * 5)
    phone.get_by_label("I have a NET").check()
    phone.get_by_label("I agree that NET Companion may publish this story").check()
    phone.get_by_role("button", name="Send my story").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you for sharing your story")
    story = Story.objects.get()
    assert story.status == Status.PENDING and story.consent_to_publish


def answer(page, question: str, choice: str) -> None:
    """Ticks one answer of the radio group whose question contains ``question``."""
    page.get_by_role("group", name=re.compile(re.escape(question))).get_by_label(choice, exact=True).check()


def test_a_person_completes_the_check_on_a_phone_and_sees_the_result(live_server, phone):
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="Check your symptoms").click()
    phone.get_by_label("Yes").first.check()
    phone.get_by_label("Which country are you in?").select_option(label="United States of America")
    phone.get_by_label("Monthly injections (octreotide or lanreotide)").check()
    phone.get_by_role("button", name="Next: your symptoms").click()
    phone.get_by_label("Flushing").check()
    phone.get_by_role("button", name="Next: a few details").click()
    phone.get_by_role("group", name=re.compile("dizzy or faint during a flush")).get_by_label("Yes").check()
    phone.get_by_role("button", name="See the advice").click()
    expect(phone.get_by_text("If you do not know, choose “Not sure”.").first).to_be_visible()
    answer(phone, "hard to breathe, during a flush", "No")
    answer(phone, "flushing new, or worse", "Not sure")
    phone.get_by_role("button", name="See the advice").click()
    expect(phone.locator(".result-level")).to_have_text("Emergency")
    expect(phone.get_by_role("heading", name="While you get help")).to_be_visible()
    expect(phone.get_by_role("link", name="Call 911")).to_be_visible()
    expect(phone.locator(".reasons")).to_contain_text("can be a carcinoid crisis")
    expect(phone.get_by_role("link", name="Carcinoid Crisis", exact=True)).to_be_visible()  # a source to follow


def test_every_step_of_the_check_passes_axe(live_server, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/check/")
    problems = {"start": axe_violations(page)}
    page.get_by_label("No, or I do not know").check()
    page.get_by_role("button", name="Next: your symptoms").click()
    problems["symptoms"] = axe_violations(page)
    page.get_by_label("Diarrhoea").check()
    page.get_by_label("Sweating and shaking").check()
    page.get_by_role("button", name="Next: a few details").click()
    problems["details"] = axe_violations(page)
    page.get_by_label("For how many days have you had it?").fill("120")
    for question in ("Is it watery", "signs of dehydration", "Is it new, or worse", "better when you eat",
                     "drowsy, confused", "swallow safely"):
        answer(page, question, "No" if question != "swallow safely" else "Yes")
    page.get_by_role("button", name="See the advice").click()
    problems["result"] = axe_violations(page)
    page.get_by_role("link", name="Print a one-page note for your GP").click()
    problems["gp note"] = axe_violations(page)
    assert not any(problems.values()), problems


def test_a_patient_logs_a_day_on_a_phone(live_server, phone, page):
    from netcompanion.accounts.models import Role, User

    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    sign_in(phone, live_server, "maria")
    open_menu(phone)
    phone.get_by_role("link", name="My record").click()
    phone.get_by_role("link", name="My diary").click()
    phone.get_by_role("link", name="Log today").click()
    phone.get_by_label("Flushes today").fill("5")
    phone.get_by_label("Alcohol").check()
    phone.get_by_label("Bowel movements today").fill("60")
    phone.get_by_role("group", name="Tummy pain (0 = none, 10 = worst)").get_by_label("3", exact=True).check()
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("more than 50 a day is not possible to log")).to_be_visible()
    expect(phone.get_by_label("Flushes today")).to_have_value("5")
    phone.get_by_label("Bowel movements today").fill("6")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Saved. Thank you for logging your day.")).to_be_visible()
    expect(phone.locator(".diary-values").first).to_contain_text("5")

    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, "maria")
    problems = {}
    for url in ("/my/diary/", "/my/diary/new/"):
        page.goto(live_server.url + url)
        problems[url] = axe_violations(page)
    assert not any(problems.values()), problems
