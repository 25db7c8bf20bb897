"""The 3-month visit summary of a full demo patient, read as a person and a screen reader would: few, full pages,
no heading left at the foot of a page, the injection-cycle view and the lab trends, and a tagged PDF.

Set DOCUMENTS_PREVIEW_DIR (e.g. /tmp/documents-preview) to keep the PDF and a PNG of every page.
"""

import os
import re
import subprocess
import zlib
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.diary.demo import create_demo_diary
from netcompanion.documents.tests.conftest import flat, pdf_info, pdf_text
from netcompanion.labs.demo import create_demo_labs
from netcompanion.medicines.demo import create_demo_medicines

pytestmark = pytest.mark.django_db

MOST_PAGES = 7  # the 3-month summary of a year of demo records, a diary day a row at the end
FULLEST_GAP = 0.25  # no page but the last leaves more than this share of its text area empty at the foot
# The text area of an A4 page inside the stylesheet's margins (16 mm top, 20 mm bottom), in points.
TOP, BOTTOM, PAGE_HEIGHT, PAGE_WIDTH = 16 * 72 / 25.4, 20 * 72 / 25.4, 842, 595


@pytest.fixture
def summary(client, cast, tmp_path):
    """The 3-month summary PDF of the demo patient, and the folder its pictures go to."""
    maria = cast["maria"]
    for create in (create_demo_diary, create_demo_medicines, create_demo_labs, create_demo_appointments):
        create(maria)
    create_demo_careplan(maria, cast["sara"])
    client.force_login(maria)
    pdf = client.get(reverse("documents:visit_summary"), {"period": "3m"}).content
    folder = Path(os.environ.get("DOCUMENTS_PREVIEW_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "visit-summary-3m.pdf").write_bytes(pdf)
    return pdf, folder


def page_pictures(pdf: bytes, folder: Path, resolution: int) -> list[Path]:
    path = folder / "visit-summary-3m.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), str(path), str(folder / "visit-summary-3m-page")],
                   check=True)
    return sorted(folder.glob("visit-summary-3m-page-*.png"))


def filled_share(picture: Path, resolution: int) -> float:
    """How far down the text area the last mark on the page reaches, as a share of the text area's height."""
    scale = resolution / 72
    top, bottom = round(TOP * scale), round((PAGE_HEIGHT - BOTTOM) * scale)
    area = Image.open(picture).convert("L").crop((0, top, round(PAGE_WIDTH * scale), bottom))
    rows = [y for y in range(area.height) if min(area.crop((0, y, area.width, y + 1)).getdata()) < 200]
    return (rows[-1] + 1) / area.height if rows else 0.0


def last_lines(pdf: bytes, folder: Path, pages: int) -> list[str]:
    """The last line of text of each page inside its text area (the running header and footer left out)."""
    lines = []
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), "-x", "0", "-y", str(round(TOP)),
             "-W", str(PAGE_WIDTH), "-H", str(round(PAGE_HEIGHT - TOP - BOTTOM)), str(folder / "visit-summary-3m.pdf"),
             "-"], capture_output=True, text=True, check=True).stdout
        lines.append(next((line.strip() for line in reversed(text.splitlines()) if line.strip()), ""))
    return lines


def structure(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "tagged.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout


def objects(pdf: bytes) -> bytes:
    """The PDF's objects as text, those packed in compressed object streams unpacked (where the catalog is)."""
    unpacked = [pdf]
    for found in re.finditer(rb"/Type /ObjStm.*?stream\r?\n", pdf, re.S):
        unpacked.append(zlib.decompress(pdf[found.end():pdf.index(b"endstream", found.end())]))
    return b"\n".join(unpacked)


def alt_text(string: bytes) -> str:
    """A PDF text string as written: (literal, with escapes) or <hex>, UTF-16 when it has anything but ASCII."""
    if string.startswith(b"<"):
        return bytes.fromhex(string[1:-1].decode()).decode("utf-16")
    return re.sub(rb"\\(.)", rb"\1", string[1:-1]).decode("latin-1")


def test_the_pages_are_few_and_full_and_no_heading_ends_a_page(summary, tmp_path):
    pdf, folder = summary
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert pages <= MOST_PAGES
    pictures = page_pictures(pdf, folder, resolution=40)
    assert len(pictures) == pages
    shares = [filled_share(picture, 40) for picture in pictures]
    assert all(share >= 1 - FULLEST_GAP for share in shares[:-1]), shares

    headings = set(re.findall(r"^\s*H[23] \(block\)\n\s*Span \(inline\)\n\s*\"(.*)\"$", structure(pdf, tmp_path), re.M))
    assert {"Diary charts", "Symptoms through the injection cycle", "Lab results in this period", "Medicines",
            "Diary days in this period"} <= headings
    for page, line in enumerate(last_lines(pdf, folder, pages), start=1):
        assert " ".join(line.split()) not in headings, (page, line)


def test_the_cycle_view_and_the_lab_trends_are_in_a_tagged_pdf(summary, tmp_path):
    pdf, _ = summary
    text = flat(pdf_text(pdf, tmp_path))
    assert "Symptoms through the injection cycle" in text
    assert "Flushes a day · 3 cycles" in text and "Bowel movements a day · 3 cycles" in text
    assert "on average in the last week of the cycle" in text
    assert "Day of the injection cycle (day 1 = injection day)" in text  # the chart's axis, as text
    assert "Lab trends from 18 June 2025 to 17 June 2026" in text
    assert "Chromogranin A (CgA) (µg/L) · 5 results" in text

    info = pdf_info(pdf, tmp_path)
    assert info["Tagged"].strip() == "yes"
    assert info["Title"].strip() == "Visit summary: Maria Lind, 19 Mar 2026 to 17 Jun 2026"
    tree = structure(pdf, tmp_path)
    for tag in ("Document", "H1", "H2", "H3", "Table", "TH", "TD", "L", "LI"):
        assert re.search(rf"^\s*{tag}\b", tree, re.M), tag
    catalog = objects(pdf)
    assert b"/StructTreeRoot" in catalog and re.search(rb"/MarkInfo\s*<<\s*/Marked true\s*>>", catalog)
    assert re.search(rb"/Lang \(en(-gb)?\)", catalog)
    # Every chart is a Figure with its alternative text: 5 diary charts, 2 cycle charts and 2 lab trends.
    figures = re.findall(r"^\s*Figure:", tree, re.M)
    alts = [alt_text(found) for found in re.findall(rb"/Alt (\((?:[^()\\]|\\.)*\)|<[0-9a-f]+>)", catalog)]
    assert len(figures) == len(alts) == 9
    assert re.match(r"Flushes a day from 19 March 2026 to 17 June 2026: \d+ values, from 0 to \d+", alts[0])
    assert alts[2].startswith("Tummy pain (0-10) from 19 March 2026")
    assert alts[-1].startswith("5-HIAA, 24-hour urine (µmol/24 h) from 18 June 2025 to 17 June 2026: 2 values")
