"""The crisis card's private link: made, shown once, opened without signing in, stopped; and the printed QR code
that holds it, decoded from a 100 dpi render as a phone's camera would read it."""

import hashlib
import re
import subprocess

import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image

from netcompanion.careplan import services as careplan
from netcompanion.documents.models import CardLink
from netcompanion.documents.tests.conftest import CENTRE_PHONE, NURSE_PHONE, OPEN_QUESTION, flat, pdf_info, pdf_text
from netcompanion.documents.tests.test_crisis_card import LONGEST_PHONE

pytestmark = pytest.mark.django_db

MAKE, STOP = reverse("documents:make_card_link"), reverse("documents:stop_card_link")
PAGE, PDF = reverse("documents:crisis_card"), reverse("documents:crisis_card_pdf")
OUT_OF_HOURS_PHONE = "+46 8 555 07 00"


def make_link(client) -> tuple[str, str]:
    """Makes a link as the signed-in patient; returns its address and token as the page shows them."""
    response = client.post(MAKE)
    assert response.status_code == 200
    url = response.context["url"]
    assert url in response.content.decode()
    return url, response.context["token"]


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_the_link_opens_the_card_without_signing_in_and_shows_nothing_else(client, records, maria):
    careplan.add_contact(maria, maria, {"name": "Oncology ward 12", "role": "out_of_hours",
                                        "phone": OUT_OF_HOURS_PHONE})
    url, token = make_link(client)
    assert re.fullmatch(r"http://testserver/c/[A-Za-z0-9_-]{43}/", url)
    client.logout()
    response = client.get(path_of(url))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Maria Lind" in body and NURSE_PHONE in body and CENTRE_PHONE in body and OUT_OF_HOURS_PHONE in body
    assert 'href="tel:112"' in body and "Emergency: call" in body
    for private in (OPEN_QUESTION, "Creon", "Liver biopsy", "131", "hormones that cause flushing"):
        assert private not in body, private
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert response["Referrer-Policy"] == "no-referrer"
    assert CardLink.objects.active().get().last_opened_at is not None


def test_only_a_hash_of_the_token_is_stored(client, maria):
    url, token = make_link(client)
    link = CardLink.objects.get(patient=maria)
    assert link.digest == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(v) for v in CardLink.objects.values_list().get())
    assert token not in stored
    # The card page later tells that a link exists, but cannot show it again.
    assert token not in client.get(PAGE).content.decode()


def test_stopping_or_replacing_the_link_makes_the_old_one_404_at_once(client, maria):
    first, _ = make_link(client)
    second, _ = make_link(client)
    assert CardLink.objects.active().count() == 1
    assert client.get(path_of(first)).status_code == 404
    assert client.get(path_of(second)).status_code == 200
    response = client.post(STOP, follow=True)
    assert "Your private link is stopped" in response.content.decode()
    assert client.get(path_of(second)).status_code == 404
    assert not CardLink.objects.active().exists() and CardLink.objects.count() == 2  # when each was made and stopped


@pytest.mark.parametrize("token", ["x", "A" * 43, "A" * 44, "../../etc/passwd", "%00"])
def test_a_wrong_token_is_a_404(client, maria, token):
    make_link(client)
    client.logout()
    response = client.get(f"/c/{token}/")
    assert response.status_code == 404 and "Maria" not in response.content.decode()


@pytest.mark.parametrize("name", ["olle", "johan", "sara"])
def test_others_cannot_make_stop_or_print_a_patients_link(client, cast, maria, name):
    """Another patient only ever touches their own link; a relative and a nurse get 404 (the card is the patient's)."""
    url, token = make_link(client)
    client.force_login(cast[name])
    stop = client.post(STOP)
    assert client.get(path_of(url)).status_code == 200  # Maria's link still works
    printed = client.post(PDF, {"token": token})
    assert printed.status_code == 404 and b"%PDF" not in printed.content
    if name == "olle":  # a patient only ever touches their own link
        assert stop.status_code == 302
        assert "Maria" not in client.get(PAGE).content.decode()
    else:
        assert stop.status_code == 404 and client.post(MAKE).status_code == 404
        assert client.get(PAGE).status_code == 404
    assert CardLink.objects.active().filter(patient=maria).count() == 1


def test_the_link_pages_need_a_post_and_a_sign_in(client, maria):
    assert client.get(MAKE).status_code == 405 and client.get(STOP).status_code == 405
    client.logout()
    assert client.post(MAKE).status_code == 302 and not CardLink.objects.exists()


def test_the_printed_qr_code_scans_at_100_dpi_and_holds_the_live_link(client, records, maria, tmp_path):
    url, token = make_link(client)
    response = client.post(PDF, {"token": token})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert pdf_info(response.content, tmp_path)["Pages"].strip() == "2"
    path = tmp_path / "card.pdf"
    path.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "2", "-l", "2", "-singlefile", str(path),
                    str(tmp_path / "back")], check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "back.png"))
    assert [code.text for code in found] == [url]
    client.logout()
    assert client.get(path_of(found[0].text)).status_code == 200  # the link the camera reads opens the card
    back = flat(pdf_text(response.content, tmp_path, 2, 2))
    assert "Out of hours: no number saved yet." in back
    assert "Emergency: call 112." in flat(pdf_text(response.content, tmp_path, 1, 1))


def test_a_stopped_links_token_prints_no_card(client, maria):
    _, token = make_link(client)
    client.post(STOP)
    assert client.post(PDF, {"token": token}).status_code == 404


def test_the_card_without_a_link_prints_no_qr_code(client, records, maria, tmp_path):
    path = tmp_path / "plain.pdf"
    path.write_bytes(client.get(PDF).content)
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "2", "-l", "2", "-singlefile", str(path),
                    str(tmp_path / "plain")], check=True)
    assert zxingcpp.read_barcodes(Image.open(tmp_path / "plain.png")) == []



def test_long_names_and_numbers_still_fit_on_two_sides_beside_the_qr_code(client, cast, tmp_path):
    """The longest phone numbers the care plan takes, and names that must be shortened, on all three lines."""
    maria = cast["maria"]
    careplan.update_plan(maria, maria, {"diagnosis": "Well-differentiated " * 200}, based_on_version=0)
    for role in ("contact_nurse", "net_centre", "out_of_hours"):
        careplan.add_contact(maria, maria, {"name": "Oncology day unit and ward twelve at Example University Hospital",
                                            "role": role, "phone": LONGEST_PHONE})
    client.force_login(maria)
    _, token = make_link(client)
    pdf = client.post(PDF, {"token": token}).content
    assert pdf_info(pdf, tmp_path)["Pages"].strip() == "2"
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf)
    # In reading order (no -layout): the note under the QR code would otherwise sit inside a wrapped number.
    back = flat(subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True,
                               check=True).stdout)
    assert back.count(LONGEST_PHONE) == 3 and "octreotide cover" in back
