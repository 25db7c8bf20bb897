"""The grade's warnings that carry values, in Swedish on the staff calculator, the report tool and the API; English
unchanged."""

import pytest

from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

TOOLS = "/tools/"
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}
ONLY_KI67 = {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "8", "grade-differentiation": "well"}
POOR = {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "8", "grade-mitoses_per_2mm2": "3",
        "grade-differentiation": "poor"}


def test_only_one_index_is_said_in_swedish_on_the_staff_calculator(cast, staff_client):
    client = staff_client(cast["sara"])
    words = text(client.post(TOOLS, ONLY_KI67, **SV))
    assert ("Bara Ki-67-index (andelen tumörceller som växer) angavs, inte antalet mitoser (hur många celler som "
            "delar sig).") in words
    assert "Only the Ki-67 index" not in words
    english = text(client.post(TOOLS, ONLY_KI67))
    assert ("Only the Ki-67 index (the share of tumour cells that are growing) was given, not the mitotic count (how "
            "many dividing cells are seen).") in english


def test_poorly_differentiated_but_low_is_said_in_swedish_with_its_values(cast, staff_client):
    client = staff_client(cast["sara"])
    words = text(client.post(TOOLS, POOR, **SV))
    assert "Dess Ki-67-index på 8 % och antal mitoser, 3 per 2 mm², är 20 eller lägre" in words
    english = text(client.post(TOOLS, POOR))
    assert "Its Ki-67 index of 8 % and mitotic count of 3 per 2 mm² are 20 or lower, which is unusual" in english


def test_the_report_tools_notes_and_the_grade_api_in_swedish(client):
    words = text(client.post("/tools/report/", {"site": "pancreas", "ki67_percent": "8"}, **SV))
    assert "Bara Ki-67-index (andelen tumörceller som växer) angavs" in words
    report = {"site": "pancreas", "ki67_percent": 8, "differentiation": "poor"}
    sv = client.post("/api/v1/grade", report, content_type="application/json", **SV).json()
    en = client.post("/api/v1/grade", report, content_type="application/json").json()
    assert sv["category"] == en["category"] == "NEC"  # codes stay codes
    assert sv["warnings"] == ["Tumören beskrivs som lågt differentierad, så den räknas som ett neuroendokrint "
                              "karcinom (NEC). Dess Ki-67-index på 8 % är 20 eller lägre, vilket är ovanligt för ett "
                              "NEC. Det är värt att fråga patologen om detta."]
    [english] = en["warnings"]
    assert english.startswith("The tumour is described as poorly differentiated") and "index of 8 % is 20" in english
    assert sv["warning_wordings"] == en["warning_wordings"] == [
        {"text": en["warning_wordings"][0]["text"], "params": {"ki67": "8"}}]
