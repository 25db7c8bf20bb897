"""Only the signed-in patient gets their documents; everyone else gets 404 or the sign-in page, never data."""

import pytest
from django.urls import reverse

from netcompanion.documents.tests.conftest import NURSE_PHONE, OPEN_QUESTION, flat, pdf_text

pytestmark = pytest.mark.django_db

URLS = [reverse("documents:index"), reverse("documents:visit_summary") + "?period=4w",
        reverse("documents:crisis_card"), reverse("documents:crisis_card_pdf")]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["sara", "ali", "johan"])
@pytest.mark.parametrize("url", URLS)
def test_nurses_doctors_and_relatives_get_404(client, cast, records, name, url):
    client.force_login(cast[name])
    response = client.get(url)
    assert response.status_code == 404
    assert b"%PDF" not in response.content and NURSE_PHONE.encode() not in response.content


def test_another_patient_gets_only_their_own_documents(client, cast, records, tmp_path):
    client.force_login(cast["olle"])
    page = client.get(reverse("documents:crisis_card")).content.decode()
    assert "Olle Berg" in page and "Maria Lind" not in page and NURSE_PHONE not in page
    card = flat(pdf_text(client.get(reverse("documents:crisis_card_pdf")).content, tmp_path))
    assert "Olle Berg" in card and "Maria" not in card and NURSE_PHONE not in card
    summary = flat(pdf_text(client.get(reverse("documents:visit_summary"), {"period": "12m"}).content, tmp_path))
    assert "Olle Berg" in summary and "Maria" not in summary
    for private in (OPEN_QUESTION, "Creon", "Liver biopsy", "131 µg/L"):
        assert private not in summary, private


def test_the_summary_reads_a_bounded_number_of_queries(client, records, maria, django_assert_max_num_queries):
    with django_assert_max_num_queries(24):  # the cycle view and the lab trends read 3 more
        assert client.get(reverse("documents:visit_summary"), {"period": "12m"}).status_code == 200
