import base64
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from netcompanion.appointments import services as appointments
from netcompanion.labs import services as labs
from netcompanion.medicines import services as medicines
from netcompanion.reminders import services

STOCKHOLM = ZoneInfo("Europe/Stockholm")
CONTACT = "mailto:team@netcompanion.example"


def local(day: int, hour: int = 0, minute: int = 0, month: int = 11) -> dt.datetime:
    """A moment in November 2026, in the site's time zone (settings.TIME_ZONE is Europe/Stockholm)."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=STOCKHOLM)


def travel(moment: dt.datetime):
    return time_machine.travel(moment, tick=False)


@pytest.fixture(autouse=True)
def site(settings):
    settings.TIME_ZONE = "Europe/Stockholm"
    settings.SITE_URL = "https://app.example"


def give_everything(patient, *, opt_in=("injection", "appointment", "hiaa-diet")):
    """As of 20 November 2026: an injection due on the 22nd (lanreotide, every 28 days, last on 25 October),
    a CT scan at 09:30 on the 24th, and a 5-HIAA collection from 07:00 on the 24th (diet from 07:00 on the
    22nd). Returns the records."""
    with travel(local(20, 9)):
        plan = medicines.save_plan(patient, patient, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
        medicines.record_injection(patient, patient, {"given_on": dt.date(2026, 10, 25), "drug": "lanreotide",
                                                      "dose_mg": 120, "place": "clinic", "given_by": "nurse"})
        scan = appointments.book_appointment(patient, patient, {
            "kind": "scan", "title": "CT scan of the liver", "start": local(24, 9, 30),
            "duration": dt.timedelta(minutes=45), "place": "Radiology, floor 2",
            "preparation": "Nothing to eat for 4 hours", "notes": "Ask about the liver lesion"})
        collection = labs.plan_collection(patient, local(24, 7))
        services.save_preferences(patient, opt_in)
    return {"plan": plan, "scan": scan, "collection": collection}


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def point(key) -> bytes:
    """An EC key's public point, uncompressed, as browsers and VAPID exchange it."""
    return key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


@pytest.fixture
def vapid(settings):
    """A fresh VAPID key pair for the site, as the environment would give it; returns the private key."""
    key = ec.generate_private_key(ec.SECP256R1())
    settings.WEBPUSH_VAPID_PRIVATE_KEY = b64url(key.private_numbers().private_value.to_bytes(32, "big"))
    settings.WEBPUSH_VAPID_PUBLIC_KEY = b64url(point(key))
    settings.WEBPUSH_CONTACT = CONTACT
    return key
