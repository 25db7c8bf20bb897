"""A patient on a phone and on a desktop fills in "About me", and the symptom check then starts from it with a short
confirm step; both pages pass axe-core and fit the window. (Both are plain forms; the view tests send them as a
browser without JavaScript does.)"""

import pytest
from django.urls import reverse

from netcompanion.accounts.models import AboutMe
from tests.browser.helpers import page_problems, sign_in

SIZES = [(375, 740), (1280, 900)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}px" for w, _ in SIZES])
def test_about_me_then_the_symptom_check_starts_from_it(browser, live_server, cast_of, width, height):
    maria = cast_of("maria")["maria"]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        sign_in(page, live_server, "maria")
        page.goto(live_server.url + reverse("about_me"))
        assert page_problems(page) == []
        page.get_by_label("Which country are you in?").select_option("GB")
        page.get_by_label("Yes", exact=True).check()
        page.get_by_label("Where did your NET start?").select_option("small_intestine")
        page.get_by_label("Your year of birth").fill("1961")
        page.get_by_role("button", name="Save").click()
        assert "Your details are saved." in page.inner_text("main")
        assert AboutMe.objects.get(patient=maria).birth_year == 1961

        page.goto(live_server.url + reverse("navigator:start"))
        main = page.inner_text("main")
        assert "From your record:" in main and "United Kingdom" in main and "about 65" in main
        assert "Call 999 now" in page.inner_text("body")
        assert page_problems(page) == []
        page.get_by_role("button", name="Yes, continue").click()
        assert page.url == live_server.url + reverse("navigator:symptoms")
    finally:
        context.close()
