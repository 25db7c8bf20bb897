"""The visit-summary PDF: what a patient and their care team would read in it."""

import pytest
from django.urls import reverse

from netcompanion.documents.tests.conftest import (
    ASKED_QUESTION,
    OPEN_QUESTION,
    first_page_png,
    flat,
    media_boxes_mm,
    pdf_text,
)

pytestmark = pytest.mark.django_db

URL = reverse("documents:visit_summary")


def test_the_index_page_offers_the_three_periods(client, maria):
    response = client.get(reverse("documents:index"))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    for key, words in (("4w", "The last 4 weeks"), ("3m", "The last 3 months"), ("12m", "The last 12 months")):
        assert f'value="{key}"' in body and words in body
    assert f'action="{URL}"' in body
    assert reverse("documents:crisis_card") in body


def test_the_summary_is_a_pdf_download(client, records, maria, tmp_path):
    response = client.get(URL, {"period": "4w"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="visit-summary-')
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    boxes = media_boxes_mm(response.content, tmp_path)
    assert len(boxes) >= 2
    assert {(round(w), round(h)) for w, h in boxes} == {(210, 297)}  # A4 on every page


def test_the_summary_shows_every_section_with_the_patients_own_data(client, records, maria, tmp_path):
    text = flat(pdf_text(client.get(URL, {"period": "4w"}).content, tmp_path))
    for heading in ("Visit summary", "Maria Lind", "What changed", "Diary charts", "Lab results in this period",
                    "Medicines", "Injection plan", "Questions for this visit", "Upcoming appointments"):
        assert heading in text, heading
    assert "Made by NET Companion from the patient's own diary" in text
    assert "does not replace the clinical record" in text
    assert "Page 1 of" in text
    # Medicines: the current one, not the stopped one; the plan with the next due date.
    assert "Creon 25,000" in text and "Loperamide" not in text
    assert "Lanreotide 120 mg every 28 days" in text and "Next due:" in text
    # Questions: the open one only.
    assert OPEN_QUESTION in text and ASKED_QUESTION not in text
    assert "Liver biopsy" in text and "Procedure: carcinoid-crisis risk" in text


def test_what_changed_compares_with_the_period_before(client, records, maria, tmp_path):
    text = flat(pdf_text(client.get(URL, {"period": "4w"}).content, tmp_path))
    # 4 flushes a day now, 2 before; 5 stools now, 3 before; pain unchanged; tiredness 6 now, 4 before.
    assert "Flushes a day 4.0 · 28 days 2.0 · 28 days +2.0, higher" in text
    assert "Bowel movements a day 5.0 · 28 days 3.0 · 28 days +2.0, higher" in text
    assert "Tummy pain (0-10) 3.0 · 28 days 3.0 · 28 days About the same" in text
    # Weighed weekly, half a kilo less each week: the latest weight now (66.5) and before (68.5) ...
    assert "Weight (kg) 66.5 kg" in text and "68.5 kg" in text and "\u22122.0 kg" in text
    # ... and the change within the period, from 68.0 kg three weeks ago.
    assert "Weight in this period: from 68.0 kg" in text and "to 66.5 kg" in text and "\u22121.5 kg." in text


def test_lab_results_in_the_period_are_flagged_when_out_of_range(client, records, maria, tmp_path):
    text = flat(pdf_text(client.get(URL, {"period": "4w"}).content, tmp_path))
    assert "Chromogranin A (CgA)" in text and "131 µg/L" in text and "up to 102 µg/L HIGH" in text
    assert "31 µmol/24 h" in text and "10 to 47 µmol/24 h In range" in text
    assert "64 µg/L" not in text  # ten months ago: outside the 4 weeks
    year = flat(pdf_text(client.get(URL, {"period": "12m"}).content, tmp_path))
    assert "64 µg/L" in year


def test_the_charts_are_drawn_with_injection_days(client, records, maria, tmp_path):
    text = flat(pdf_text(client.get(URL, {"period": "3m"}).content, tmp_path))
    assert "Red dashed lines mark injection days" in text
    assert text.count("injection") >= 5  # the legend of each chart with an injection day in it
    assert "Flushes a day · 56 days logged" in text


def test_without_records_every_section_says_so(client, maria, tmp_path):
    text = flat(pdf_text(client.get(URL, {"period": "4w"}).content, tmp_path))
    for words in ("No values logged in this period.", "No lab results recorded in this period.",
                  "No injection plan recorded.", "No other medicines recorded.", "No open questions in the care plan.",
                  "No upcoming appointments recorded.", "No weight logged in this period"):
        assert words in text, words


def test_an_unknown_period_shows_the_form_again_with_a_message(client, maria):
    response = client.get(URL, {"period": "forever"})
    assert response.status_code == 400
    assert "Choose one of the periods" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")


def test_without_a_period_the_last_three_months_are_used(client, records, maria, tmp_path):
    response = client.get(URL)
    assert response.status_code == 200
    assert "the last 3 months" in flat(pdf_text(response.content, tmp_path))


def test_the_first_page_renders_to_a_picture(client, records, maria, tmp_path):
    png = first_page_png(client.get(URL, {"period": "3m"}).content, tmp_path, "visit-summary")
    assert png.exists() and png.stat().st_size > 10_000
    assert png.read_bytes().startswith(b"\x89PNG")


def test_a_patient_typed_address_is_never_fetched(client, records, maria, tmp_path, monkeypatch):
    import weasyprint

    from netcompanion.careplan import services as careplan

    careplan.add_question(records, records, '<img src="file:///etc/passwd"> <link rel=stylesheet href="http://x/">')
    requested, fetch = [], weasyprint.URLFetcher.fetch

    def recording_fetch(self, url, *args, **kwargs):
        requested.append(url)
        return fetch(self, url, *args, **kwargs)

    monkeypatch.setattr(weasyprint.URLFetcher, "fetch", recording_fetch)
    text = flat(pdf_text(client.get(URL, {"period": "4w"}).content, tmp_path))
    assert '<img src="file:///etc/passwd">' in text  # shown as the text it is
    assert requested and all(url.startswith("data:") for url in requested)  # the charts, nothing else


def test_the_pdf_fetcher_refuses_files_and_web_addresses():
    from netcompanion.documents.pdf import url_fetcher

    for url in ("file:///etc/passwd", "http://169.254.169.254/", "https://example.org/x.png"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            url_fetcher().fetch(url)
