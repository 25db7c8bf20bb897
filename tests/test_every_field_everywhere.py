"""Every field of every record type reaches every audience in the same words (core.describe): a record with every
field set to a distinctive value, walked through the patient's diary, a relative's view (when granted), the care
team's diary page and patient overview, the history pages, the visit-summary PDF and the JSON and FHIR exports.
A field that reaches one of them and not another (as "dizzy or faint" once missed the nurse's pages) fails here."""

import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from netcompanion.appointments.models import Appointment
from netcompanion.careplan import services as careplan
from netcompanion.careplan.models import CarePlan
from netcompanion.careteam.testing import assign
from netcompanion.core import records
from netcompanion.core.describe import describe
from netcompanion.core.testing import FROZEN_NOW, FROZEN_TODAY, text
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.documents.tests.conftest import flat, pdf_text
from netcompanion.labs import services as labs
from netcompanion.labs.models import LabResult
from netcompanion.medicines import services as medicines
from netcompanion.medicines.models import Injection, Medicine
from netcompanion.relatives import services as relatives

pytestmark = pytest.mark.django_db

DAY = FROZEN_TODAY - dt.timedelta(days=1)
# Every field of a diary day, each with a value no other field has.
DIARY_DAY = {"date": DAY, "flushes": 4, "flush_triggers": ["alcohol", "stress"], "stools": 7, "bristol": 6,
             "pain": 3, "fatigue": 8, "weight_kg": Decimal("71.4"), "wheezing": False, "dizziness": True,
             "notes": "Felt odd at the bus stop"}
EPISODE = {"occurred_at": FROZEN_NOW - dt.timedelta(days=1, hours=2), "kind": "wheeze", "severity": 5,
           "notes": "Short of breath on the stairs"}


def lines(model, values: dict) -> dict[str, str]:
    """Field name → "Label: value in words", as the description writes it."""
    return {name: about.line(values[name]) for name, about in describe(model).items()}


class Tables(HTMLParser):
    """The cells of every table row, as text, so a column's heading and a row's cell can be paired."""

    def __init__(self, html: str):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_says(html: str, label_heading: str, value: str) -> bool:
    """Whether a table has a column headed ``label_heading`` whose cell in some row reads ``value``."""
    rows = Tables(html).rows
    for head in rows:
        if label_heading in head:
            column = head.index(label_heading)
            return any(len(row) > column and row[column].lower() == value.lower() for row in rows)
    return False


@pytest.fixture
def day(cast):
    maria = cast["maria"]
    entry = records.create(DiaryEntry, maria, maria, DIARY_DAY)
    Episode.objects.create(patient=maria, created_by=maria, **EPISODE)
    assign(maria, cast["sara"])
    return entry


SHOWN_BY_LABEL = [name for name in DiaryEntry.VERSIONED_FIELDS if name not in ("date", "notes")]


def test_the_walk_covers_every_field_of_the_diary_day():
    assert set(DIARY_DAY) == set(describe(DiaryEntry)) and set(EPISODE) == set(describe(Episode))
    assert all(v not in (None, "", []) for v in DIARY_DAY.values())


@pytest.mark.parametrize("name", SHOWN_BY_LABEL)
def test_the_patient_and_a_granted_relative_read_every_field(client, cast, day, name):
    about = describe(DiaryEntry)[name]
    client.force_login(cast["maria"])
    assert f"{about.label} {about.text(DIARY_DAY[name])}" in text(client.get(reverse("diary:diary")))
    made, _ = relatives.invite(cast["maria"], cast["johan"].email, ["can_view_diary"])
    grant = relatives.accept(made, cast["johan"])
    client.force_login(cast["johan"])
    page = text(client.get(reverse("relatives:diary", args=[grant.code])))
    assert f"{about.label} {about.text(DIARY_DAY[name])}" in page and DIARY_DAY["notes"] in page


@pytest.mark.parametrize("page", ["careteam:diary", "careteam:patient"])
def test_the_care_team_reads_every_field(staff_client, cast, day, page):
    html = staff_client(cast["sara"]).get(reverse(page, args=[cast["maria"].code])).content.decode()
    for name in SHOWN_BY_LABEL:
        about = describe(DiaryEntry)[name]
        assert table_says(html, about.heading, about.text(DIARY_DAY[name])), f"{about.heading} on {page}"
    assert table_says(html, "Dizzy or faint", "yes")
    assert DIARY_DAY["notes"] in html


def test_the_history_reads_every_field_as_the_pages_do(client, cast, day):
    client.force_login(cast["maria"])
    page = text(client.get(reverse("diary:history", args=[day.code])))
    for line in lines(DiaryEntry, DIARY_DAY).values():
        assert line in page
    assert "Dizzy or faint: yes" in page


def pdf_words(pdf: bytes, tmp_path) -> str:
    return flat(pdf_text(pdf, tmp_path))


def test_the_visit_summary_reads_every_field_for_patient_and_team(client, staff_client, cast, day, tmp_path):
    client.force_login(cast["maria"])
    own = pdf_words(client.get(reverse("documents:visit_summary"), {"period": "4w"}).content, tmp_path)
    team = pdf_words(staff_client(cast["sara"]).get(
        reverse("careteam:summary_pdf", args=[cast["maria"].code]), {"period": "4w"}).content, tmp_path)
    for words in (own, team):
        for name, line in lines(DiaryEntry, DIARY_DAY).items():
            if name != "date":
                assert line in words, line
        for line in lines(Episode, EPISODE).values():
            assert line in words, line
        assert "Dizzy or faint: yes" in words


def test_the_exports_name_every_field_in_the_same_words(client, cast, day):
    client.force_login(cast["maria"])
    document = client.get(reverse("exports:json")).json()
    for section, model in (("diary_entries", DiaryEntry), ("diary.Episode", Episode)):
        assert {name: d["label"] for name, d in document["field_descriptions"][section].items()} == {
            name: str(about.label) for name, about in describe(model).items()}
    assert document["diary_entries"][0]["dizziness"] is True
    bundle = client.get(reverse("exports:fhir")).json()
    texts = {r["resource"]["code"]["text"] for r in bundle["entry"] if r["resource"]["resourceType"] == "Observation"}
    assert {describe(DiaryEntry)[name].heading for name in SHOWN_BY_LABEL} <= texts


# The other record types: every field through its history page and the export's descriptions.
OTHERS = {
    "lab": ({"test": "cga", "test_name": "", "value": Decimal("131.5"), "unit": "µg/L", "reference_low": Decimal(2),
             "reference_high": Decimal(102), "taken_on": DAY, "lab": "Karolinska lab", "notes": "Fasting"},
            "labs:history", "lab_results"),
    "injection": ({"given_on": DAY, "drug": "lanreotide", "dose_mg": 90, "place": "home", "given_by": "self",
                   "notes": "Left hip"}, "medicines:injection_history", "injections"),
    "medicine": ({"name": "Creon", "dose": "25000 units", "how_often": "With meals", "started_on": DAY,
                  "stopped_on": FROZEN_TODAY, "notes": "For fatty stools"}, "medicines:medicine_history", "medicines"),
    "appointment": ({"kind": "scan", "title": "Ga-68 DOTATATE PET", "start": FROZEN_NOW + dt.timedelta(days=9),
                     "duration": dt.timedelta(minutes=95), "place": "Nuclear medicine", "preparation": "No food",
                     "notes": "Bring the card", "status": "booked", "involves_procedure": True, "has_time": True},
                    "appointments:history", "appointments"),
}


def _make(kind: str, maria, values: dict):
    if kind == "lab":
        return labs.record_result(maria, maria, values)
    if kind == "injection":
        return medicines.record_injection(maria, maria, values)
    if kind == "medicine":
        return records.create(Medicine, maria, maria, values)
    return records.create(Appointment, maria, maria, values)


@pytest.mark.parametrize("kind", OTHERS)
def test_every_field_of_every_other_record_reaches_its_history_and_the_export(client, cast, kind):
    values, history, section = OTHERS[kind]
    record = _make(kind, cast["maria"], values)
    model = type(record)
    client.force_login(cast["maria"])
    page = text(client.get(reverse(history, args=[record.code])))
    hidden = set(getattr(model, "HISTORY_HIDES", ())) | {"loinc"}  # the code follows from the test and unit
    for name, about in describe(model).items():
        if name in hidden or model.SNAPSHOT_KEYS.get(name, name) in hidden:
            continue
        value = values.get(name, getattr(record, name))
        if not (name == "start" and kind == "appointment"):
            assert about.line(value) in page, about.line(value)
    document = client.get(reverse("exports:json")).json()
    assert set(document["field_descriptions"][section]) == set(describe(model))


def test_the_injection_plan_reaches_its_history(client, cast):
    plan = medicines.save_plan(cast["maria"], cast["maria"],
                               {"drug": "octreotide_lar", "dose_mg": 30, "interval_days": 21, "notes": "Right side"})
    client.force_login(cast["maria"])
    page = text(client.get(reverse("medicines:plan_history")))
    for name, about in describe(type(plan)).items():
        assert about.line(getattr(plan, name)) in page


def test_the_care_team_reads_labs_and_injections_under_the_same_labels(staff_client, cast):
    """The team's tables lay their columns out themselves (a value with its unit, a drug with its dose), under the
    description's labels."""
    maria = cast["maria"]
    assign(maria, cast["sara"])
    for kind in ("lab", "injection"):
        _make(kind, maria, OTHERS[kind][0])
    client = staff_client(cast["sara"])
    labs_page = client.get(reverse("careteam:labs", args=[maria.code])).content.decode()
    lab = describe(LabResult)
    for name in ("test", "value", "taken_on", "lab", "notes"):
        assert f'<th scope="col">{lab[name].label}</th>' in labs_page
    for name in ("lab", "notes"):
        assert table_says(labs_page, str(lab[name].label), lab[name].text(OTHERS["lab"][0][name]))
    assert table_says(labs_page, str(lab["value"].label), "131.5 µg/L")
    medicines_page = client.get(reverse("careteam:medicines", args=[maria.code])).content.decode()
    shot = describe(Injection)
    for name in ("place", "given_by", "notes"):
        assert table_says(medicines_page, str(shot[name].label), shot[name].text(OTHERS["injection"][0][name]))
    assert table_says(medicines_page, f"{shot['drug'].label} and dose", "Lanreotide 90 mg")


def test_every_part_of_the_care_plan_reaches_patient_relative_team_history_and_export(client, staff_client, cast):
    maria = cast["maria"]
    parts = {name: f"Part {name} of Maria's plan" for name in describe(CarePlan)}
    careplan.update_plan(maria, maria, parts, 0)
    assign(maria, cast["sara"])
    made, _ = relatives.invite(maria, cast["johan"].email, ["can_view_care"])
    grant = relatives.accept(made, cast["johan"])
    client.force_login(maria)
    pages = {"patient": text(client.get(reverse("careplan:index"))),
             "history": text(client.get(reverse("careplan:history")))}
    document = client.get(reverse("exports:json")).json()
    client.force_login(cast["johan"])
    pages["relative"] = text(client.get(reverse("relatives:careplan", args=[grant.code])))
    pages["team"] = text(staff_client(cast["sara"]).get(reverse("careteam:care_plan", args=[maria.code])))
    for audience, page in pages.items():
        for name, about in describe(CarePlan).items():
            assert str(about.label) in page and parts[name] in page, (audience, name)
    assert {n: d["label"] for n, d in document["field_descriptions"]["care_plan"].items()} == {
        n: str(about.label) for n, about in describe(CarePlan).items()}
