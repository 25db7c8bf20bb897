"""Both documents made from the demo patient's year of records, rendered to pictures a person can look at.

Set DOCUMENTS_PREVIEW_DIR (e.g. /tmp/documents-preview) to keep the PDFs and PNGs; otherwise they go to a
temporary folder and are only checked for size.
"""

import os
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.diary.demo import create_demo_diary
from netcompanion.documents.tests.conftest import first_page_png, pdf_info
from netcompanion.labs.demo import create_demo_labs
from netcompanion.medicines.demo import create_demo_medicines

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    return Path(os.environ.get("DOCUMENTS_PREVIEW_DIR") or tmp_path)


def test_the_demo_patients_documents_render_to_pictures(client, cast, folder, tmp_path):
    maria = cast["maria"]
    for create in (create_demo_diary, create_demo_medicines, create_demo_labs, create_demo_appointments):
        create(maria)
    create_demo_careplan(maria, cast["sara"])
    client.force_login(maria)

    for period in ("4w", "12m"):
        pdf = client.get(reverse("documents:visit_summary"), {"period": period}).content
        png = first_page_png(pdf, folder, f"visit-summary-{period}", resolution=80)
        assert png.stat().st_size > 20_000
        assert int(pdf_info(pdf, tmp_path)["Pages"]) >= 2
    card = client.get(reverse("documents:crisis_card_pdf")).content
    assert pdf_info(card, tmp_path)["Pages"].strip() == "2"
    for side, page in (("front", 1), ("back", 2)):
        path = folder / "crisis-card.pdf"
        path.write_bytes(card)
        subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                        str(folder / f"crisis-card-{side}")], check=True)
        assert (folder / f"crisis-card-{side}.png").stat().st_size > 5_000
