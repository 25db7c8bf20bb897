"""The page after saving a lab result in Chromium, on a phone and on a desktop: what the result came to is the first
thing under the heading, axe-core finds nothing and nothing scrolls sideways. (axe-core needs JavaScript, which the
pages do not; the form itself is plain HTML.)"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.alerts.models import Alert
from netcompanion.labs import actions
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_rise_is_told_calmly_on_the_page_after_the_save(live_server, browser, width):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria")
    actions.save_result(maria, maria, {"test": "cga", "value": Decimal("131"), "unit": "µg/L",
                                       "reference_high": Decimal("102"),
                                       "taken_on": timezone.localdate() - dt.timedelta(days=30)})
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(15_000)
    page = context.new_page()
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/labs/results/new/")
    page.get_by_label("Chromogranin A (CgA)").check()
    page.get_by_label("Result").fill("200")
    page.get_by_label("Unit").fill("µg/L")
    page.get_by_label("Upper limit of the lab's range").fill("102")
    page.get_by_role("button", name="Save").click()

    told = page.locator(".lab-assessed")
    assert told.get_by_text("Your care team will see this result.").is_visible()
    assert "It is 52.7 % higher than your previous result, 131 µg/L on" in told.inner_text()
    assert "Your care team aims to look at this by" in told.inner_text()
    assert page.locator("h1 + section.lab-assessed").count() == 1  # right under the heading, not below the fold
    assert page_problems(page) == []
    context.close()
    assert Alert.objects.get(rule_id="AL-LAB-RISE-CGA").lab_result.value == 200


def test_a_rise_is_told_in_swedish_on_a_phone(live_server, browser):
    """The same save in Swedish at 375 px: the form and what the save came to in Swedish, with a decimal comma."""
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria")
    actions.save_result(maria, maria, {"test": "cga", "value": Decimal("131"), "unit": "µg/L",
                                       "reference_high": Decimal("102"),
                                       "taken_on": timezone.localdate() - dt.timedelta(days=30)})
    context = browser.new_context(viewport={"width": 375, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, live_server, "maria")
    context.set_extra_http_headers({"Accept-Language": "sv"})
    page.goto(live_server.url + "/my/labs/results/new/")
    assert page_problems(page) == []
    page.get_by_label("Kromogranin A (CgA)").check()
    page.get_by_label("Resultat").fill("200")
    page.get_by_label("Enhet").fill("µg/L")
    page.get_by_label("Övre gräns för labbets referensområde").fill("102")
    page.get_by_role("button", name="Spara").click()
    told = page.locator(".lab-assessed")
    assert told.get_by_text("Ditt vårdteam kommer att se det här provsvaret.").is_visible()
    assert "Det är 52,7 % högre än ditt förra provsvar, 131 µg/L den" in told.inner_text()
    assert page_problems(page) == []
    context.close()
