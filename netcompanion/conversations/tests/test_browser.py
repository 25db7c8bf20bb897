"""The patient's messages in a real browser: the flow on a phone without JavaScript, then axe-core (which needs
JavaScript to run) and the sideways-scroll check at 375 px on the same pages, in English and in Swedish."""

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.conversations import services
from netcompanion.conversations.models import Message
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

RED_FLAG = "I have had chest pain since this morning. " + "More words about how it started. " * 30


def write(page, subject: str, body: str) -> None:
    page.get_by_label("What is it about?").fill(subject)
    page.get_by_label("Your message").fill(body)
    page.get_by_role("button", name="Send", exact=True).click()


def test_a_red_flag_shows_the_advice_then_sends_anyway_and_the_thread_reads_in_both_languages(live_server, phone,
                                                                                                page):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                     last_name="Lind", country="SE")
    sara = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE, first_name="Sara", last_name="Ek")
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/messages/new/")
    expect(phone.get_by_text("Not for emergencies.")).to_be_visible()
    write(phone, "Pain since this morning", RED_FLAG)
    expect(phone.get_by_role("heading", name="Read this before you send your message")).to_be_visible()
    expect(phone.get_by_role("link", name="Call 112")).to_be_visible()
    expect(phone.get_by_role("link", name="Check my symptoms")).to_be_visible()
    assert not Message.objects.exists()
    phone.get_by_role("button", name="Send it anyway").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Pain since this morning")
    message = Message.objects.get()
    assert message.flag_level == "emergency"
    services.post(message.thread, sara, "Please call 112 now if the pain is there. <script>alert(1)</script>")
    phone.goto(live_server.url + "/my/messages/")
    expect(phone.get_by_text("1 unread")).to_be_attached()
    phone.get_by_role("link", name="Pain since this morning").click()
    expect(phone.get_by_text("<script>alert(1)</script>", exact=False)).to_be_visible()
    expect(phone.get_by_text("Contact nurse")).to_be_visible()

    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, live_server, "maria")
    problems = {}
    page.goto(live_server.url + "/my/messages/new/")
    problems["compose"] = page_problems(page)
    write(page, "Pain again", RED_FLAG)
    expect(page.get_by_role("button", name="Send it anyway")).to_be_visible()
    problems["red-flag advice"] = page_problems(page)
    page.goto(live_server.url + f"/my/messages/{message.thread.code}/")
    problems["thread"] = page_problems(page)
    page.goto(live_server.url + "/my/messages/")
    problems["list"] = page_problems(page)
    page.goto(live_server.url + f"/my/messages/{message.thread.code}/withdraw/{message.code}/")
    problems["withdraw"] = page_problems(page)
    page.get_by_role("button", name="Withdraw it").click()
    expect(page.get_by_text("Withdrawn by Maria Lind")).to_be_visible()
    problems["thread with a withdrawn message"] = page_problems(page)
    maria.language = "sv"
    maria.save(update_fields=["language"])
    page.goto(live_server.url + f"/my/messages/{message.thread.code}/")
    expect(page.get_by_role("heading", name="Svara")).to_be_visible()
    expect(page.get_by_text("Inte för akuta lägen.")).to_be_visible()
    problems["thread, Swedish"] = page_problems(page)
    assert problems == dict.fromkeys(problems, [])
    assert Message.objects.count() == 2


def test_a_relative_writes_for_the_patient_only_with_the_permission(live_server, phone, page):
    from netcompanion.relatives import services as relatives

    maria = User.objects.create_user("maria", email="maria@example.org", password=PASSWORD, role=Role.PATIENT,
                                     first_name="Maria", last_name="Lind")
    johan = User.objects.create_user("johan", email="johan@example.org", password=PASSWORD, role=Role.RELATIVE,
                                     first_name="Johan", last_name="Lind")
    eva = User.objects.create_user("eva", email="eva@example.org", password=PASSWORD, role=Role.RELATIVE,
                                   first_name="Eva", last_name="Berg")
    johans = relatives.accept(relatives.invite(maria, johan.email, ["can_message_team"])[0], johan)
    evas = relatives.accept(relatives.invite(maria, eva.email, ["can_view_diary"])[0], eva)
    thread = services.start_thread(maria, maria, "Tiredness", "Is it normal to be so tired?")
    sign_in(phone, live_server, "johan")
    phone.get_by_role("link", name="Messages with the care team").click()
    phone.get_by_role("link", name="Write a new message").click()
    expect(phone.get_by_text("Not for emergencies.")).to_be_visible()
    write(phone, "For Maria", "She slept most of the day.")
    expect(phone.get_by_text("(a relative)")).to_be_visible()
    assert Message.objects.filter(author=johan, author_role="relative").count() == 1

    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, live_server, "johan")
    problems = {}
    for label, url in (("list", f"/relatives/{johans.code}/messages/"),
                       ("compose", f"/relatives/{johans.code}/messages/new/"),
                       ("thread", f"/relatives/{johans.code}/messages/{thread.code}/")):
        page.goto(live_server.url + url)
        problems[label] = page_problems(page)
    assert problems == dict.fromkeys(problems, [])

    sign_in(phone, live_server, "eva")
    expect(phone.get_by_role("link", name="Messages with the care team")).to_have_count(0)
    assert phone.goto(live_server.url + f"/relatives/{evas.code}/messages/").status == 404
    assert phone.goto(live_server.url + f"/relatives/{johans.code}/messages/{thread.code}/").status == 404
