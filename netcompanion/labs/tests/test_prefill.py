"""A new lab result starts from the unit and range of the patient's last result of the same test: with ``?test=``
(no JavaScript needed) and, in a browser, when the test is chosen; never from another test or another patient, and
never over what the person typed."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import FROZEN_TODAY, form_row
from netcompanion.labs import services
from netcompanion.labs.models import LabResult
from tests.browser.helpers import PASSWORD, sign_in


def field_value(body: str, name: str) -> str:
    """The value the form shows in the input called ``name`` ("" when it has none)."""
    found = re.search(r'value="([^"]*)"', re.search(rf'<input[^>]*name="{name}"[^>]*>', form_row(body, name))[0])
    return found[1] if found else ""


def new_form(client, test=None) -> str:
    return client.get(reverse("labs:new") + (f"?test={test}" if test else "")).content.decode()


@pytest.mark.django_db
def test_choosing_the_test_fills_the_unit_and_range_of_the_last_result_of_it(client, maria, cga_result):
    services.record_result(maria, maria, {"test": "cga", "value": Decimal("80"), "unit": "nmol/L",
                                          "reference_low": Decimal("0.5"), "reference_high": Decimal("3.5"),
                                          "taken_on": FROZEN_TODAY - dt.timedelta(days=60)})
    body = new_form(client, "cga")
    assert [field_value(body, n) for n in ("unit", "reference_low", "reference_high", "value")] == [
        "µg/L", "", "102", ""]
    last = (timezone.localdate() - dt.timedelta(days=7)).strftime("%-d %B %Y")
    assert f"The unit and range are from your last Chromogranin A (CgA) result ({last})" in body
    assert "Check them against your new report" in body


@pytest.mark.django_db
@pytest.mark.parametrize("test", ["u5hiaa", "other", "nonsense", None])
def test_another_test_starts_empty(client, maria, cga_result, test):
    body = new_form(client, test)
    assert [field_value(body, n) for n in ("unit", "reference_low", "reference_high")] == ["", "", ""]
    assert 'id="lab-prefill-note" class="notice" aria-live="polite" hidden></p>' in body


@pytest.mark.django_db
def test_a_page_without_a_chosen_test_offers_to_start_from_the_last_result(client, maria, cga_result):
    body = new_form(client)
    assert '<a href="?test=cga">A new Chromogranin A (CgA) result</a>' in body
    assert "?test=u5hiaa" not in body


@pytest.mark.django_db
def test_only_the_patients_own_kept_results_are_used(client, cast, cga_result):
    client.force_login(cast["olle"])
    assert field_value(new_form(client, "cga"), "reference_high") == ""
    assert "?test=cga" not in new_form(client)

    client.force_login(cast["maria"])
    services.delete_result(cga_result, cast["maria"])
    assert field_value(new_form(client, "cga"), "reference_high") == ""


@pytest.mark.django_db
def test_a_form_sent_back_keeps_what_the_person_typed(client, maria, cga_result):
    response = client.post(reverse("labs:new") + "?test=cga", {
        "test": "cga", "value": "", "unit": "nmol/L", "reference_high": "4", "taken_on": FROZEN_TODAY.isoformat()})
    body = response.content.decode()
    assert response.status_code == 400
    assert (field_value(body, "unit"), field_value(body, "reference_high")) == ("nmol/L", "4")
    assert 'id="lab-prefill-note" class="notice" aria-live="polite" hidden></p>' in body
    assert LabResult.objects.count() == 1


@pytest.fixture
def maria_with_a_cga(transactional_db):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    services.record_result(maria, maria, {"test": "cga", "value": Decimal("131"), "unit": "µg/L",
                                          "reference_high": Decimal("102"),
                                          "taken_on": timezone.localdate() - dt.timedelta(days=7)})
    return maria


def test_without_javascript_the_link_fills_the_form(live_server, phone, maria_with_a_cga):
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + reverse("labs:new"))
    phone.get_by_role("link", name="A new Chromogranin A (CgA) result").click()
    expect(phone.get_by_label("Unit")).to_have_value("µg/L")
    expect(phone.get_by_label("Upper limit of the lab's range")).to_have_value("102")
    expect(phone.get_by_text("The unit and range are from your last Chromogranin A (CgA) result")).to_be_visible()


def test_with_javascript_choosing_the_test_fills_only_what_the_person_left_alone(live_server, page,
                                                                                 maria_with_a_cga):
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + reverse("labs:new"))
    note = page.locator("#lab-prefill-note")
    page.get_by_label("Chromogranin A (CgA)").check()
    expect(page.get_by_label("Unit")).to_have_value("µg/L")
    expect(page.get_by_label("Upper limit of the lab's range")).to_have_value("102")
    expect(note).to_contain_text("from your last Chromogranin A (CgA) result")

    # A test with no earlier result takes away what was filled in, but never what the person typed.
    page.get_by_label("Unit").fill("nmol/L")
    page.get_by_label("5-HIAA, 24-hour urine").check()
    expect(page.get_by_label("Unit")).to_have_value("nmol/L")
    expect(page.get_by_label("Upper limit of the lab's range")).to_have_value("")
    expect(note).to_be_hidden()

    page.get_by_label("Upper limit of the lab's range").fill("3.5")
    page.get_by_label("Chromogranin A (CgA)").check()
    expect(page.get_by_label("Unit")).to_have_value("nmol/L")
    expect(page.get_by_label("Upper limit of the lab's range")).to_have_value("3.5")
    expect(page.get_by_label("Lower limit of the lab's range")).to_have_value("")
