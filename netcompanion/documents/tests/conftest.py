"""One patient's records, and helpers to read a PDF the way a person would see it."""

import datetime as dt
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from netcompanion.appointments import services as appointments
from netcompanion.careplan import services as careplan
from netcompanion.diary import services as diary
from netcompanion.labs import services as labs
from netcompanion.medicines import services as medicines

NURSE_PHONE = "+46 8 555 01 23"
CENTRE_PHONE = "+46 8 555 09 99"
DOCTOR_PHONE = "+46 8 555 04 56"
OPEN_QUESTION = "Could the injection interval be shortened to 21 days?"
ASKED_QUESTION = "Is it fine to fly with the injections?"
DIAGNOSIS = ("Small-intestine NET, grade 2, with spread to the liver, found 2023. "
             "It grows slowly. The tumour makes hormones that cause flushing.")


@pytest.fixture
def records(cast):
    """Eight weeks of Maria's diary (worse in the last four), injections, medicines, labs, care plan, appointments."""
    maria = cast["maria"]
    today = timezone.localdate()
    for back in range(55, -1, -1):
        recent = back < 28
        diary.record_entry(maria, maria, {
            "date": today - dt.timedelta(days=back),
            "flushes": 4 if recent else 2, "stools": 5 if recent else 3, "pain": 3,
            "fatigue": 6 if recent else 4,
            # Weighed weekly, half a kilo less each week: 68.0 kg three weeks ago, 66.5 kg today.
            "weight_kg": Decimal("70.0") - Decimal("0.5") * ((55 - back) // 7) if back % 7 == 0 else None})
    medicines.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28, "notes": ""})
    for back in (52, 24):
        medicines.record_injection(maria, maria, {"given_on": today - dt.timedelta(days=back), "drug": "lanreotide",
                                                  "dose_mg": 120, "place": "clinic", "given_by": "nurse", "notes": ""})
    medicines.add_medicine(maria, maria, {"name": "Creon 25,000", "dose": "1 capsule", "how_often": "With each meal",
                                          "started_on": today - dt.timedelta(days=200), "stopped_on": None})
    medicines.add_medicine(maria, maria, {"name": "Loperamide", "dose": "2 mg", "how_often": "When needed",
                                          "started_on": today - dt.timedelta(days=300),
                                          "stopped_on": today - dt.timedelta(days=100)})
    labs.record_result(maria, maria, {"test": "cga", "value": Decimal("131"), "unit": "µg/L",
                                      "reference_high": Decimal("102"), "taken_on": today - dt.timedelta(days=10),
                                      "lab": "Hospital laboratory"})
    labs.record_result(maria, maria, {"test": "u5hiaa", "value": Decimal("31"), "unit": "µmol/24 h",
                                      "reference_low": Decimal("10"), "reference_high": Decimal("47"),
                                      "taken_on": today - dt.timedelta(days=20)})
    labs.record_result(maria, maria, {"test": "cga", "value": Decimal("64"), "unit": "µg/L",
                                      "reference_high": Decimal("102"), "taken_on": today - dt.timedelta(days=300)})
    careplan.update_plan(maria, maria, {"diagnosis": DIAGNOSIS}, based_on_version=0)
    careplan.add_contact(maria, maria, {"name": "Dr Ali Haddad", "role": "doctor", "phone": DOCTOR_PHONE})
    careplan.add_contact(maria, maria, {"name": "NET centre, Example Hospital", "role": "net_centre",
                                        "phone": CENTRE_PHONE})
    careplan.add_contact(maria, maria, {"name": "Sara Ek", "role": "contact_nurse", "phone": NURSE_PHONE})
    careplan.add_question(maria, maria, OPEN_QUESTION)
    careplan.mark_question_asked(careplan.add_question(maria, maria, ASKED_QUESTION), maria, "Yes.")
    start = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=9), dt.time(9, 30)))
    appointments.book_appointment(maria, maria, {"kind": "procedure", "title": "Liver biopsy", "start": start,
                                                 "place": "Day surgery unit", "involves_procedure": True})
    appointments.book_appointment(maria, maria, {"kind": "visit", "title": "Visit to the oncologist",
                                                 "start": start + dt.timedelta(days=5), "place": "Clinic 3"})
    return maria


def pdf_text(pdf: bytes, tmp_path: Path, first: int | None = None, last: int | None = None) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    """Text with every run of white space made one space, to compare words across line breaks."""
    return " ".join(text.split())


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def first_page_png(pdf: bytes, folder: Path, stem: str, resolution: int = 60) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(folder / stem)], check=True)
    return folder / f"{stem}.png"


def media_boxes_mm(pdf: bytes, tmp_path: Path) -> list[tuple[float, float]]:
    """Width and height in mm of every page's MediaBox, as pdfinfo reads them."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True,
                         check=True).stdout
    boxes = re.findall(r"^Page\s+\d+ MediaBox:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", out, re.M)
    return [((float(x1) - float(x0)) * 25.4 / 72, (float(y1) - float(y0)) * 25.4 / 72) for x0, y0, x1, y1 in boxes]
