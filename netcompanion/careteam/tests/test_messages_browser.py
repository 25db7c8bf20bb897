"""A nurse answers a patient's message from the queue on a phone-sized screen, in English and in Swedish: axe-core
finds nothing and nothing scrolls sideways. (axe runs as a script, so the page has JavaScript on; no page uses it.)"""

import datetime as dt
import re

import pytest
import time_machine
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.careteam.testing import assign
from netcompanion.conversations import services
from netcompanion.core.testing import FROZEN_NOW
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "en-gb": {"waiting": "Messages waiting past the reply target", "reply": "Message", "send": "Send the reply",
              "sent": "Your reply is sent.", "relative": "from the patient’s relative"},
    "sv": {"waiting": "Meddelanden som väntat längre än svarsmålet", "reply": "Meddelande", "send": "Skicka svaret",
           "sent": "Ditt svar är skickat.", "relative": "från patientens närstående"},
}


@pytest.mark.parametrize("language", ["en-gb", "sv"])
def test_a_nurse_answers_a_waiting_message_from_the_queue(live_server, page, language):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                     last_name="Lind-Johansson-Strandberg", record_number="19450312-1234")
    johan = User.objects.create_user("johan", password=PASSWORD, role=Role.RELATIVE, first_name="Johan",
                                     last_name="Lind")
    nurse = User.objects.create_user("nurse", password=PASSWORD, role=Role.NURSE, first_name="Sara", last_name="Ek")
    assign(maria, nurse)
    # Written the Thursday before, so the reply target (the end of the second working day) has passed.
    with time_machine.travel(FROZEN_NOW - dt.timedelta(days=6), tick=False):
        thread = services.start_thread(maria, maria, "Kan jag flytta min injektion till nästa vecka?",
                                       "Jag ska resa bort på torsdag och undrar om det går att byta dag.")
        services.post(thread, johan, "Hon menar Somatulin-sprutan.")
    words = WORDS[language]
    phone = page
    phone.set_viewport_size({"width": 375, "height": 740})
    phone.context.set_extra_http_headers({"Accept-Language": language})
    sign_in(phone, live_server, "nurse")
    problems = {}
    phone.goto(live_server.url + "/care/alerts/")
    expect(phone.get_by_role("heading", name=words["waiting"])).to_be_visible()
    problems["queue"] = page_problems(phone)
    phone.get_by_role("link", name=thread.subject).click()
    expect(phone.get_by_text(words["relative"])).to_be_visible()
    problems["thread"] = page_problems(phone)
    phone.get_by_role("button", name=words["send"]).click()  # empty: refused, nothing sent
    expect(phone.locator(".errorlist")).to_be_visible()
    problems["refused"] = page_problems(phone)
    phone.get_by_role("textbox", name=words["reply"]).fill("Ja, det går bra. Kom på måndag i stället.")
    phone.get_by_role("button", name=words["send"]).click()
    expect(phone.get_by_text(words["sent"])).to_be_visible()
    expect(phone.get_by_text("Ja, det går bra.")).to_be_visible()
    problems["replied"] = page_problems(phone)
    phone.goto(live_server.url + "/care/messages/")
    problems["inbox"] = page_problems(phone)
    phone.goto(live_server.url + f"/care/patients/{maria.code}/messages/")
    problems["tab"] = page_problems(phone)
    phone.get_by_role("link", name=re.compile("Start a conversation|Starta en konversation")).click()
    problems["start"] = page_problems(phone)
    phone.goto(live_server.url + "/care/alerts/")
    expect(phone.get_by_role("heading", name=words["waiting"])).to_have_count(0)
    assert not any(problems.values()), problems
    thread.refresh_from_db()
    assert thread.waiting_since is None and thread.messages.last().author == nurse
