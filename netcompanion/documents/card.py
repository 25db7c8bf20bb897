"""The carcinoid-crisis card: what it says, worked out once. No Django import.

The printed card and the phone page show the same words, built here from the patient's name, the care plan's
diagnosis summary and its contacts (the NET team's numbers and the out-of-hours line), and the emergency number.
The QR code on the printed card holds the patient's private link to the phone page (no sign-in needed), so a
paramedic who scans it sees the card as it is today; without a link the card has no QR code.

Clinical content, by bibliography id: triggers are anaesthesia, surgery, biopsies and other procedures
(nci-pdq-gi-net-hp, ncuk-carcinoid-crisis); flushing, bronchospasm/wheeze and extreme blood-pressure
swings (ncuk-carcinoid-crisis, ocp-net-6-5); octreotide is used to prevent and treat a crisis
(nci-pdq-gi-net-hp). No dose could be confirmed in a primary source and the evidence on doses is weak
(cja-2012-carcinoid-crisis, a systematic review), so the card names no dose: it asks the team to contact
the NET team about octreotide cover.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import segno

from netcompanion.translatable import gettext_noop

# What fits on a 85.6 x 54 mm card without running onto a third page (checked by the tests with the
# longest values the care plan accepts).
NAME_LIMIT = 50
DIAGNOSIS_LIMIT = 110
CONTACT_NAME_LIMIT = 40
# A phone number is never shortened (the care plan allows up to 40 characters); one this short is kept on one line.
PHONE_ONE_LINE = 22

# The card's words, in English; the card is built with a ``translate`` that puts them in the patient's language.
ROLE_LABELS = {"contact_nurse": gettext_noop("Contact nurse"), "net_centre": gettext_noop("NET centre"),
               "doctor": gettext_noop("Doctor"), "out_of_hours": gettext_noop("Out of hours")}
OTHER_ROLE = gettext_noop("Contact")
NO_PHONE = gettext_noop("no phone number saved")
CONTACT_LINE = gettext_noop("%(role)s: %(name)s, %(phone)s")

TITLE = gettext_noop("MEDICAL ALERT: CARCINOID CRISIS RISK")
RISK = gettext_noop("At risk of a carcinoid crisis: a sudden, severe release of tumour hormones with flushing, "
                    "wheezing and blood pressure swings.")
TRIGGERS = gettext_noop("Highest risk with anaesthesia, surgery, biopsies and other procedures.")
CONTACT_FIRST = gettext_noop("Before any procedure, contact the NET team:")
NO_CONTACTS = gettext_noop("No NET team phone numbers saved yet. Ask the patient who treats their NET.")
NO_OUT_OF_HOURS = gettext_noop("Out of hours: no number saved yet.")
SCAN = gettext_noop("Scan for this card on a phone.")
OCTREOTIDE = gettext_noop("Octreotide is used to prevent and treat a crisis: ask the NET team about octreotide "
                          "cover.")
EMERGENCY = gettext_noop("Emergency: call %(number)s.")
HAS_NET = gettext_noop("Has a neuroendocrine tumour (NET).")
NET_DIAGNOSIS = gettext_noop("Neuroendocrine tumour (NET): %(diagnosis)s")
MADE = gettext_noop("Made %(date)s with NET Companion from the patient's own care plan; not a clinical record.")


def english_date(day: dt.date) -> str:
    """"4 Mar 2026": the card's date when no other way of writing it is given."""
    return f"{day.day} {day:%b %Y}"


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word with "…" when it is longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def short_diagnosis(text: str, limit: int = DIAGNOSIS_LIMIT) -> str:
    """The start of the diagnosis summary: whole sentences of its first paragraph while they fit."""
    paragraph = next((p for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()), "")
    paragraph = " ".join(paragraph.split())
    if len(paragraph) <= limit:
        return paragraph
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    kept = ""
    for sentence in sentences:
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    return kept or shorten(paragraph, limit)


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    phone: str
    translate: Callable[[str], str] = field(default=str, compare=False, repr=False)

    @property
    def role_label(self) -> str:
        return self.translate(ROLE_LABELS.get(self.role, OTHER_ROLE))

    @property
    def phone_text(self) -> str:
        return self.phone or self.translate(NO_PHONE)

    @property
    def phone_fits_a_line(self) -> bool:
        return len(self.phone_text) <= PHONE_ONE_LINE

    @property
    def phone_link(self) -> str:
        """The number for a tel: link: digits and a leading +."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return ("+" if self.phone.strip().startswith("+") else "") + digits

    @property
    def text(self) -> str:
        return self.translate(CONTACT_LINE) % {"role": self.role_label, "name": self.name, "phone": self.phone_text}


def choose_contacts(contacts: Iterable[tuple[str, str, str]], translate: Callable[[str], str] = str) -> list[Contact]:
    """The contact nurse and the NET centre from (role, name, phone) rows; a doctor stands in for a missing one.

    Within a role, one with a phone number is preferred. At most two, so the card stays readable.
    """
    rows = [Contact(role, shorten(name, CONTACT_NAME_LIMIT), " ".join((phone or "").split()), translate)
            for role, name, phone in contacts]

    def best(role: str) -> Contact | None:
        of_role = [c for c in rows if c.role == role]
        return next((c for c in of_role if c.phone), of_role[0] if of_role else None)

    chosen = [c for c in (best("contact_nurse"), best("net_centre")) if c]
    doctors = sorted((c for c in rows if c.role == "doctor"), key=lambda c: not c.phone)
    chosen += doctors[: max(0, 2 - len(chosen))]
    return chosen


def choose_out_of_hours(contacts: Iterable[tuple[str, str, str]],
                        translate: Callable[[str], str] = str) -> Contact | None:
    """The out-of-hours line from (role, name, phone) rows, one with a phone number preferred."""
    rows = [Contact(role, shorten(name, CONTACT_NAME_LIMIT), " ".join((phone or "").split()), translate)
            for role, name, phone in contacts if role == "out_of_hours"]
    return next((c for c in rows if c.phone), rows[0] if rows else None)


def _words(message: str) -> property:
    """One of the card's fixed sentences, in the card's language."""
    return property(lambda card: card.translate(message))


@dataclass(frozen=True)
class CrisisCard:
    name: str
    diagnosis: str
    contacts: tuple[Contact, ...]
    made_on: dt.date
    diagnosis_shortened: bool = False
    out_of_hours: Contact | None = None
    emergency_number: str = ""
    link: str = ""  # the private link to the phone page, which the QR code holds; "" for none
    # The card's words in the patient's language, and its date written their way; English by default.
    translate: Callable[[str], str] = field(default=str, compare=False, repr=False)
    date_text: Callable[[dt.date], str] = field(default=english_date, compare=False, repr=False)
    lines: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "lines", tuple(self.front_lines() + self.back_lines()))

    # The fixed wording in the card's language, for the templates (they cannot read module constants).
    title, risk, triggers, contact_first = _words(TITLE), _words(RISK), _words(TRIGGERS), _words(CONTACT_FIRST)
    no_contacts, no_out_of_hours = _words(NO_CONTACTS), _words(NO_OUT_OF_HOURS)
    octreotide, scan = _words(OCTREOTIDE), _words(SCAN)

    @property
    def emergency_line(self) -> str:
        return self.translate(EMERGENCY) % {"number": self.emergency_number}

    @property
    def net_line(self) -> str:
        if not self.diagnosis:
            return self.translate(HAS_NET)
        return self.translate(NET_DIAGNOSIS) % {"diagnosis": self.diagnosis}

    @property
    def made_line(self) -> str:
        return self.translate(MADE) % {"date": self.date_text(self.made_on)}

    def front_lines(self) -> list[str]:
        return [self.title, self.name, self.net_line, self.risk, self.triggers, self.emergency_line]

    def back_lines(self) -> list[str]:
        people = [c.text for c in self.contacts] or [self.no_contacts]
        out_of_hours = self.out_of_hours.text if self.out_of_hours else self.no_out_of_hours
        return [self.contact_first, *people, out_of_hours, self.octreotide, self.made_line]

    @property
    def text(self) -> str:
        """Everything the card says, one line per item."""
        return "\n".join(self.lines)

    def qr(self) -> segno.QRCode:
        """The link as a QR code. Level M survives a worn or creased card better than L, and a link this short
        stays a small symbol (version 5 or so) whose modules are large enough to scan from a 100 dpi print."""
        if not self.link:
            raise ValueError("A card without a link has no QR code.")
        return segno.make(self.link, error="m", micro=False)

    def qr_data_uri(self, scale: int = 4) -> str:
        return self.qr().svg_data_uri(scale=scale, border=2, dark="#000", light="#fff")


def build_card(name: str, diagnosis: str, contacts: Iterable[tuple[str, str, str]], made_on: dt.date,
               emergency_number: str, link: str = "", *, translate: Callable[[str], str] = str,
               date_text: Callable[[dt.date], str] = english_date) -> CrisisCard:
    """The card; ``translate`` and ``date_text`` put its own words and date in the patient's language."""
    short = short_diagnosis(diagnosis)
    full = " ".join((diagnosis or "").split())
    contacts = list(contacts)
    return CrisisCard(name=shorten(name, NAME_LIMIT), diagnosis=short,
                      contacts=tuple(choose_contacts(contacts, translate)), made_on=made_on,
                      diagnosis_shortened=short != full, out_of_hours=choose_out_of_hours(contacts, translate),
                      emergency_number=emergency_number, link=link, translate=translate, date_text=date_text)
