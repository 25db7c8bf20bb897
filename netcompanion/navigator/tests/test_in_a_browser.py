"""The symptom check in Swedish in Chromium, at phone and desktop width: every step passes axe, nothing scrolls
sideways with the longer Swedish words, and a person in Sweden is sent to 1177 and told to call 112."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import page_problems

pytestmark = pytest.mark.django_db(transaction=True)


def answer(page, question: str, choice: str) -> None:
    page.get_by_role("group", name=re.compile(re.escape(question))).get_by_label(choice, exact=True).check()


@pytest.mark.parametrize("width", [375, 1280])
def test_every_step_of_the_check_in_swedish_passes_axe_and_fits(live_server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="sv-SE",
                                  extra_http_headers={"Accept-Language": "sv"})
    page = context.new_page()
    page.goto(live_server.url + "/check/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolla dina symtom")
    problems = {"start": page_problems(page)}
    answer(page, "Har du fått diagnosen", "Ja")
    page.get_by_label("Vilket land är du i?").select_option("SE")
    page.get_by_role("button", name="Nästa: dina symtom").click()
    problems["symptoms"] = page_problems(page)
    page.get_by_label("Gul hud eller gula ögon (gulsot)").check()
    page.get_by_label("Flush (rodnad, värmevallning)").check()
    page.get_by_role("button", name="Nästa: några detaljer").click()
    problems["details"] = page_problems(page)
    page.get_by_label("Hur många flushar har du om dagen?").fill("2")
    answer(page, "svårt att andas, under en flush", "Nej")
    answer(page, "yr eller svimfärdig under en flush", "Nej")
    answer(page, "Är flushen ny", "Vet inte")
    page.get_by_role("button", name="Se rådet").click()
    expect(page.locator(".result-level")).to_have_text("Brådskande: i dag")
    expect(page.locator(".result-headline")).to_have_text(
        "Få hjälp i dag: ring 1177 nu, eller gå till din vårdcentral eller en närakut.")
    expect(page.locator(".places")).to_contain_text("1177 på telefon")
    expect(page.locator(".places")).to_contain_text("Ring 112 om du blir sämre")
    problems["result"] = page_problems(page)
    page.screenshot(path=f"/tmp/nc/navigator-sv-{width}.png", full_page=True)
    context.close()
    assert not any(problems.values()), problems
