"""The care plan in a real browser: a phone without JavaScript, and axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.careplan import services
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.careplan.models import Question
from tests.browser.helpers import PASSWORD, axe_violations, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_patient_uses_the_care_plan_on_a_phone_without_javascript(live_server, phone):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/care-plan/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("My care plan")

    phone.get_by_role("link", name="Write what matters to me").click()
    phone.get_by_label("What matters to me").fill("My grandchildren on Fridays.")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("My grandchildren on Fridays.")).to_be_visible()

    phone.get_by_role("button", name="Add the question").click()
    expect(phone.get_by_text("Please write your question first.")).to_be_visible()
    phone.get_by_label("Your question").fill("Can I travel this summer?")
    phone.get_by_role("button", name="Add the question").click()
    phone.get_by_role("button", name=re.compile("^Mark as asked")).click()
    expect(phone.get_by_text("Ticked off as asked.")).to_be_visible()
    assert Question.objects.get().status == "asked"


# What the test fills in, presses and expects, in each language the pages are checked in.
WORDS = {"en": {"goals": "Goals of treatment", "save": "Save", "add": "Add the question",
                "conflict": "Not saved yet: Sara Ek (contact nurse) changed this part"},
         "sv": {"goals": "Mål med behandlingen", "save": "Spara", "add": "Lägg till frågan",
                "conflict": "Inte sparat än: den här delen ändrades av Sara Ek (kontaktsjuksköterska)"}}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_care_plan_page_passes_axe_at_phone_width(live_server, page, language):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    nurse = User.objects.create_user("nurse", password="x", role=Role.NURSE, first_name="Sara", last_name="Ek")
    create_demo_careplan(maria)
    plan = services.plan_for(maria)
    services.update_plan(maria, maria, {"goals": "Changed while the form was open"}, plan.version)
    contact = plan.contacts.current().first()
    asked = Question.objects.get(status="asked")
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, "maria")
    page.set_extra_http_headers({"Accept-Language": language})
    words = WORDS[language]
    base = live_server.url + "/my/care-plan/"
    urls = ["", "history/", "part/goals/", "contacts/", "contacts/new/", f"contacts/{contact.code}/",
            f"contacts/{contact.code}/remove/", "questions/", f"questions/{asked.code}/history/",
            f"questions/{asked.code}/reopen/", f"questions/{Question.objects.filter(status='open')[0].code}/asked/"]
    problems = {}
    for url in urls:
        response = page.goto(base + url)
        assert response.ok, url
        if found := page_problems(page):
            problems[url] = found
    # A stale save, with the conflict notice, and a refused question.
    page.goto(base + "part/goals/")
    services.update_plan(maria, nurse, {"goals": "The nurse's newer text"}, services.plan_for(maria).version)
    page.get_by_label(words["goals"]).fill("My text")
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page.get_by_text(words["conflict"])).to_be_visible()
    problems["conflict"] = axe_violations(page)
    page.goto(base + "questions/")
    page.get_by_role("button", name=words["add"]).click()
    problems["refused question"] = axe_violations(page)
    assert not any(problems.values()), problems
