"""Issue 19's evidence on phones: a patient asks her care team a question; it waits past the clinic's reply target,
so the contact nurse finds it at the top of her queue and answers; the patient's header then counts one unread
message, she reads the reply and the count clears. Her husband, whom she let write to the team, reads the same
thread and adds to it, marked as from a relative; her daughter, who may only see the diary, is shown no messages
and gets "not found" at the thread's address.

Phones have JavaScript off (no page needs it); axe-core reads the same pages in a context with JavaScript on, since
``page.evaluate`` never returns where scripts are off. Every wait is bounded, as in ``test_close_the_loop.py``.
"""

import datetime as dt
import faulthandler

import pytest
import time_machine
from playwright.sync_api import expect

from netcompanion.careteam.models import Assignment
from netcompanion.conversations.models import Message, Thread
from netcompanion.core.testing import FROZEN_NOW
from netcompanion.relatives import services as relatives
from tests.browser.helpers import open_menu, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

HANG_LIMIT_S = 300
WAIT_MS = 15_000
SUBJECT = "Question about my next scan"
QUESTION = "Do I need to stop eating before the scan in March?"
ANSWER = "Yes: nothing to eat for six hours before. Water is fine."
# FROZEN_NOW is Wednesday 17 June 2026 at 10:00; with the default target (two working days) and Midsummer Eve
# closed, the reply is due on Monday at the end of the working day, so on Tuesday morning the question waits past it.
TUESDAY = FROZEN_NOW + dt.timedelta(days=6, hours=-1)


@pytest.fixture(autouse=True)
def never_hangs():
    faulthandler.dump_traceback_later(HANG_LIMIT_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def _phone(browser, scripts: bool = False):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=scripts is False,
                                  has_touch=True, java_script_enabled=scripts)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context


def _checked_by_axe(browser, live_server, username: str, paths: list[str]) -> dict:
    """axe-core and the sideways-scroll check on ``paths`` as ``username`` sees them at 375 px."""
    context = _phone(browser, scripts=True)
    page = context.new_page()
    sign_in(page, live_server, username)
    problems = {}
    for path in paths:
        page.goto(live_server.url + path)
        problems[f"{username} {path}"] = page_problems(page)
    context.close()
    return problems


def _unread(page) -> str:
    open_menu(page)
    count = page.locator(".site-menu .nav-count")
    return count.inner_text() if count.count() else ""


def test_a_patient_asks_the_nurse_answers_from_the_queue_and_the_relative_with_permission_reads_it(
        live_server, browser, cast):
    maria, sara, johan, eva = cast["maria"], cast["sara"], cast["johan"], cast["eva"]
    Assignment.objects.create(staff=sara, patient=maria, assigned_by=cast["ada"])
    johans = relatives.accept(relatives.invite(maria, johan.email, ["can_message_team", "can_view_diary"])[0], johan)
    evas = relatives.accept(relatives.invite(maria, eva.email, ["can_view_diary"])[0], eva)

    patient_context = _phone(browser)
    patient = patient_context.new_page()
    sign_in(patient, live_server, "maria")
    patient.goto(live_server.url + "/my/messages/new/")
    expect(patient.get_by_text("Not for emergencies.")).to_be_visible()
    patient.get_by_label("What is it about?").fill(SUBJECT)
    patient.get_by_label("Your message").fill(QUESTION)
    patient.get_by_role("button", name="Send", exact=True).click()
    expect(patient.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(patient.get_by_text("Your message is sent.")).to_be_visible()
    thread = Thread.objects.get()

    with time_machine.travel(TUESDAY, tick=True):
        nurse_context = _phone(browser)
        nurse = nurse_context.new_page()
        sign_in(nurse, live_server, "sara")
        nurse.goto(live_server.url + "/care/alerts/")
        expect(nurse.get_by_role("heading", name="Messages waiting past the reply target")).to_be_visible()
        nurse.get_by_role("link", name=SUBJECT).click()
        expect(nurse.get_by_text(QUESTION)).to_be_visible()
        nurse.get_by_role("textbox", name="Message").fill(ANSWER)
        nurse.get_by_role("button", name="Send the reply").click()
        expect(nurse.get_by_text("Your reply is sent.")).to_be_visible()
        nurse.goto(live_server.url + "/care/alerts/")
        expect(nurse.get_by_role("heading", name="Messages waiting past the reply target")).to_have_count(0)

        sign_in(patient, live_server, "maria")  # days later: her session of the Wednesday has ended
        assert _unread(patient) == "1 unread"
        patient.goto(live_server.url + "/my/messages/")
        patient.get_by_role("link", name=SUBJECT).click()
        expect(patient.get_by_text(ANSWER)).to_be_visible()
        expect(patient.get_by_text("Sara Ek")).to_be_visible()
        assert _unread(patient) == ""

        relative_context = _phone(browser)
        relative = relative_context.new_page()
        sign_in(relative, live_server, "johan")
        relative.goto(live_server.url + f"/relatives/{johans.code}/messages/{thread.code}/")
        expect(relative.get_by_text(ANSWER)).to_be_visible()
        relative.get_by_role("textbox", name="Your message").fill("She has had no breakfast today, just tea.")
        relative.get_by_role("button", name="Send", exact=True).click()
        expect(relative.get_by_text("(a relative)")).to_be_visible()
        assert Message.objects.filter(thread=thread, author=johan, author_role="relative").count() == 1

        other_context = _phone(browser)
        other = other_context.new_page()
        sign_in(other, live_server, "eva")
        other.goto(live_server.url + "/relatives/")
        expect(other.get_by_role("link", name="Messages with the care team")).to_have_count(0)
        assert _unread(other) == ""
        for path in (f"/relatives/{evas.code}/messages/", f"/relatives/{evas.code}/messages/{thread.code}/",
                     f"/relatives/{johans.code}/messages/{thread.code}/"):
            assert other.goto(live_server.url + path).status == 404, path
        for context in (patient_context, nurse_context, relative_context, other_context):
            context.close()

        problems = _checked_by_axe(browser, live_server, "maria", ["/my/messages/", f"/my/messages/{thread.code}/"])
        problems |= _checked_by_axe(browser, live_server, "johan",
                                    [f"/relatives/{johans.code}/messages/{thread.code}/"])
    assert not any(problems.values()), problems
