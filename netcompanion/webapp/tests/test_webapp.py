"""The installable app's answers: the manifest, the service worker, the offline page and the sign-out that clears
what the browser kept."""

import io
import json
import struct
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from netcompanion.webapp.owner import owner_key

pytestmark = pytest.mark.django_db
STATIC = Path(__file__).resolve().parents[1] / "static"


@pytest.fixture
def cast(record_cast):
    return record_cast


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_the_manifest_opens_the_app_where_each_persons_work_is(client):
    response = client.get(reverse("webapp:manifest"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "public" in response["Cache-Control"]
    manifest = json.loads(response.content)
    assert (manifest["name"], manifest["display"], manifest["start_url"], manifest["scope"]) == (
        "NET Companion", "standalone", reverse("start"), "/")
    assert manifest["theme_color"] == "#0b5d6b" and manifest["background_color"] == "#ffffff"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        drawn = STATIC / icon["src"].removeprefix("/static/")
        assert icon["type"] == "image/png" and png_size(drawn) == tuple(map(int, icon["sizes"].split("x")))


@pytest.mark.parametrize(("who", "lands_on"), [("maria", "today"), ("johan", "relatives:index")])
def test_the_installed_app_opens_on_each_persons_own_start(client, cast, who, lands_on):
    """A relative who installs the app must not open on a patient's page they cannot use."""
    client.force_login(cast[who])
    start_url = json.loads(client.get(reverse("webapp:manifest")).content)["start_url"]
    assert client.get(start_url)["Location"] == reverse(lands_on)


def test_every_page_links_the_manifest_and_the_theme_colour(client):
    page = client.get(reverse("home")).content.decode()
    assert f'<link rel="manifest" href="{reverse("webapp:manifest")}">' in page
    assert '<meta name="theme-color" content="#0b5d6b">' in page


def test_only_a_signed_in_patients_pages_load_the_offline_diary(client, cast):
    assert 'id="webapp-script"' not in client.get(reverse("home")).content.decode()
    client.force_login(cast["sara"])
    assert 'id="webapp-script"' not in client.get(reverse("home")).content.decode()
    client.force_login(cast["maria"])
    page = client.get(reverse("today")).content.decode()
    assert f'data-owner="{owner_key(cast["maria"])}"' in page and "defer" in page


def test_the_service_worker_covers_the_whole_site_and_is_checked_on_every_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    assert "Service-Worker-Allowed" not in response  # at the root, its scope is "/" without it
    assert "script-src 'self'" in response["Content-Security-Policy"]
    worker = response.content.decode()
    shell = json.loads(worker.split("const SHELL = ")[1].split(";\n")[0])
    assert reverse("webapp:offline") in shell and "/static/core/site.css" in shell
    assert not [url for url in shell if url.startswith("/my/")], "no page of the record is kept"


def test_a_signed_in_persons_answers_are_never_stored_by_the_browsers_cache(client, maria):
    for name in ("webapp:service_worker", "webapp:manifest", "webapp:state", "diary:new"):
        assert "no-store" in client.get(reverse(name))["Cache-Control"], name


def test_the_state_names_the_patient_only_to_themselves(client, cast):
    anonymous = client.get(reverse("webapp:state"))
    assert anonymous.json() == {"owner": "", "csrf": ""} and "no-store" in anonymous["Cache-Control"]
    assert "csrftoken" not in anonymous.cookies  # it would spoil a sign-in form open in another tab
    client.force_login(cast["sara"])
    assert client.get(reverse("webapp:state")).json()["owner"] == ""
    client.force_login(cast["olle"])
    olle = client.get(reverse("webapp:state")).json()
    client.force_login(cast["maria"])
    maria = client.get(reverse("webapp:state")).json()
    assert maria["owner"] == owner_key(cast["maria"]) != olle["owner"] and len(maria["owner"]) == 32
    assert str(cast["maria"].code) not in maria["owner"] and maria["csrf"]


def test_the_offline_page_holds_no_health_data_and_keeps_the_emergency_line(client, maria):
    response = client.get(reverse("webapp:offline"))
    page = response.content.decode()
    assert response.status_code == 200 and "You are offline" in page
    assert reverse("diary:new") in page and "Emergency?" in page and "does not replace your care team" in page


def test_signing_out_tells_the_browser_to_clear_what_the_site_kept(client, maria):
    assert "Clear-Site-Data" not in client.get(reverse("today"))
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Clear-Site-Data"] == '"cache", "storage"'
    assert "Clear-Site-Data" not in client.get(reverse("home"))


def test_signing_in_or_a_wrong_sign_out_clears_nothing(client, cast):
    response = client.post(reverse("login"), {"username": "maria", "password": "wrong"})
    assert "Clear-Site-Data" not in response
    assert "Clear-Site-Data" not in client.post(reverse("logout"))  # nobody was signed in


def test_the_icons_are_drawn_by_our_own_command_at_their_sizes(tmp_path):
    call_command("draw_app_icons", into=tmp_path, stdout=io.StringIO())
    for drawn in tmp_path.iterdir():
        assert png_size(drawn) == png_size(STATIC / "webapp" / "icons" / drawn.name)
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in (STATIC / "webapp" / "icons").iterdir()}
