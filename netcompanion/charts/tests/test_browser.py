"""The chart pages in Chromium at 375 and 1280 px, for a month, three months and a year: every chart drawn, its
text at least 12 CSS px on the screen it is shown on, axe-core clean and nothing scrolling sideways."""

import os
from pathlib import Path

import pytest

from netcompanion.accounts.models import Role, User
from netcompanion.charts.render import FONT
from netcompanion.diary.demo import create_demo_diary
from netcompanion.labs.demo import create_demo_labs
from netcompanion.medicines.demo import create_demo_medicines
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# Each chart's smallest text in CSS px: the SVG's font size times how much the page scales the image (its width in
# CSS px over its own width; an SVG sized in pt has a natural width of 4/3 px per pt, its viewBox unit).
TEXT_PX = f"""() => [...document.querySelectorAll('.chart img')].map(img => ({{
    src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0,
    px: {FONT} * img.clientWidth / (img.naturalWidth * 3 / 4)}}))"""


@pytest.fixture
def maria():
    """Maria, with the demo's year of diary, injections and lab results."""
    patient = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria")
    create_demo_diary(patient, days=365)
    create_demo_medicines(patient)
    create_demo_labs(patient)
    return patient


@pytest.mark.parametrize("width", [375, 1280])
def test_the_charts_read_well_on_a_phone_and_a_desktop(live_server, browser, maria, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, "maria")
    shots = Path(os.environ.get("CHART_SCREENSHOTS", tmp_path))
    for period in ("4w", "3m", "12m"):
        page.goto(f"{live_server.url}/my/charts/?period={period}")
        charts = page.evaluate(TEXT_PX)
        assert len(charts) >= 6, period
        for chart in charts:
            assert chart["loaded"], chart["src"]
            assert chart["px"] >= 12, chart
            assert ("size=phone" in chart["src"]) == (width < 640), chart["src"]
        assert page_problems(page) == [], (width, period)
        page.screenshot(path=shots / f"charts-{period}-{width}.png", full_page=True)
    page.get_by_role("link", name="Show daily values").click()
    assert "daily=1" in page.url and page.get_by_role("link", name="Show weekly averages").is_visible()
    context.close()


def test_the_charts_in_swedish_read_well_on_a_phone(live_server, browser, maria):
    """Swedish words are longer: the chart pages stay axe-clean and fit 375 px, with Swedish words on the charts."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, "maria")
    context.set_extra_http_headers({"Accept-Language": "sv"})
    for url in ("/my/charts/?period=3m", "/my/charts/?period=12m", "/my/charts/injection-cycle/"):
        assert page.goto(live_server.url + url).status == 200
        assert page_problems(page) == [], url
    page.goto(live_server.url + "/my/charts/?period=4w")
    assert page.locator("h1").inner_text() == "Mina diagram"
    assert all(chart["loaded"] for chart in page.evaluate(TEXT_PX))
    assert page_problems(page) == []
    context.close()
