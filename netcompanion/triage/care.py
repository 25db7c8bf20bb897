"""Where to get care, in the words of the person's country: one row per place, reviewable line by line.

The level comes from the rules (rules.py) and never from the country: this table only says, for a level, which
places to turn to and how to reach them, the way people in that country know them (1177 and the vårdcentral in
Sweden, NHS 111 and the GP in the UK, urgent care and the ER in the US). A country without rows of its own gets
the ANYWHERE rows, which name no service and use the country's emergency number.

Rows are in English and marked for translation; the page that shows them translates them, then fills in
``%(number)s`` (the emergency number) and ``%(who)s`` (whom to contact, from WHO). Fail safe: at emergency every
country's first place is its emergency number, to call now; at urgent no row invites waiting for tomorrow or for
an opening hour. A change bumps CARE_VERSION (a test holds the fingerprint of these tables).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from netcompanion.translatable import gettext_noop as _
from netcompanion.triage.rules import Level

CARE_VERSION = "2026.12.2"
ANYWHERE = "*"

E, U, S, R, C = Level.EMERGENCY, Level.URGENT, Level.SOON, Level.ROUTINE, Level.SELF_CARE

# Sources, as bibliography ids.
SE_1177 = ("1177-pa-telefon",)
SE_PLACES = ("1177-how-to-seek-healthcare", "1177-pa-telefon")
SE_NARAKUT = ("1177-how-to-seek-healthcare", "regionstockholm-narakut")
GB_111 = ("nhs-when-to-use-111",)
GB_AE = ("nhs-when-to-go-to-ae", "swast-when-to-call-999")
US_ER = ("medlineplus-when-to-use-the-er",)
ANY = ("swast-when-to-call-999", "medlineplus-when-to-use-the-er")


class For(str, Enum):
    """Whom a row is for: everyone, or only people with (or without) a diagnosed NET."""

    ALL = "all"
    NET = "net"
    OTHERS = "others"


@dataclass(frozen=True)
class Headline:
    country: str
    level: Level
    text: str


@dataclass(frozen=True)
class Who:
    country: str
    diagnosed_net: bool
    text: str


@dataclass(frozen=True)
class Place:
    country: str
    level: Level
    whom: For
    place: str
    reach: str
    sources: tuple[str, ...]


HEADLINES: tuple[Headline, ...] = (
    # country, level, headline (a country's own row wins over ANYWHERE's)
    Headline(ANYWHERE, E, _("Call %(number)s now.")),
    Headline(ANYWHERE, U, _("Get help today: contact your doctor or an out-of-hours service now.")),
    Headline("SE", U, _("Get help today: call 1177 now, or go to your vårdcentral or a närakut.")),
    Headline("GB", U, _("Get help today: call NHS 111 or your GP surgery now.")),
    Headline("US", U, _("Get help today: call your doctor's office or go to urgent care now.")),
    Headline(ANYWHERE, S, _("Contact %(who)s within the next few days.")),
    Headline(ANYWHERE, R, _("Mention this to %(who)s at your next visit, and note it in your diary.")),
    Headline(ANYWHERE, C, _("You can look after this yourself for now.")),
)

WHO: tuple[Who, ...] = (
    # country, diagnosed with a NET, whom the headline at soon and routine names
    Who(ANYWHERE, True, _("your care team (your contact nurse)")),
    Who(ANYWHERE, False, _("your own doctor or health centre")),
    Who("SE", True, _("your contact nurse (kontaktsjuksköterska)")),
    Who("SE", False, _("your vårdcentral (health centre)")),
    Who("GB", True, _("your NET team (your clinical nurse specialist)")),
    Who("GB", False, _("your GP")),
    Who("US", True, _("your cancer care team (your oncology nurse)")),
    Who("US", False, _("your primary care doctor")),
)

PLACES: tuple[Place, ...] = (
    # country, level, for whom, place, how to reach it, sources
    Place("SE", E, For.ALL, _("112"), _("Call 112 now. Say what has happened and where you are."), SE_PLACES),
    Place("SE", E, For.ALL, _("The emergency department (akutmottagning)"),
          _("Go there yourself only if someone can take you safely and faster than an ambulance."), SE_PLACES),
    Place("SE", U, For.ALL, _("1177 on the phone"),
          _("Call 1177 now, day or night. A nurse tells you where to go today."), SE_1177),
    Place("SE", U, For.ALL, _("Your vårdcentral (health centre)"),
          _("If it is open, call now and say that you need to be seen today."), SE_PLACES),
    Place("SE", U, For.ALL, _("A närakut or jourcentral"),
          _("In the evening and at the weekend, go to one today. 1177 tells you which one is open."), SE_NARAKUT),
    Place("SE", U, For.ALL, _("The emergency department (akutmottagning)"),
          _("If nothing else is open, go there today. If you get worse before you are seen, call 112."),
          SE_PLACES),
    Place("SE", S, For.NET, _("Your contact nurse (kontaktsjuksköterska)"),
          _("Call, or send a message through 1177.se, within a few days."), ("rcc-norr-kontaktsjukskoterska",)),
    Place("SE", S, For.OTHERS, _("Your vårdcentral (health centre)"),
          _("Book a time within a few days, by phone or through 1177.se."), SE_PLACES),
    Place("SE", S, For.ALL, _("1177 on the phone"),
          _("If you get worse or are unsure, call 1177 at any time of day or night."), SE_1177),
    Place("SE", R, For.NET, _("Your contact nurse (kontaktsjuksköterska)"),
          _("Tell them at your next visit, or call them."), ("rcc-norr-kontaktsjukskoterska",)),
    Place("SE", R, For.OTHERS, _("Your vårdcentral (health centre)"),
          _("Mention it at your next visit."), SE_PLACES),
    Place("SE", R, For.ALL, _("1177 on the phone"),
          _("If it gets worse or new symptoms start, call 1177 or check again."), SE_1177),
    Place("SE", C, For.ALL, _("1177 on the phone"),
          _("If it gets worse, lasts, or new symptoms start, call 1177 for advice."), SE_1177),

    Place("GB", E, For.ALL, _("999"), _("Call 999 now. Say what has happened and where you are."), GB_AE),
    Place("GB", E, For.ALL, _("A&E (the emergency department)"),
          _("Go there yourself only if someone can take you safely and faster than an ambulance."), GB_AE),
    Place("GB", U, For.ALL, _("NHS 111"),
          _("Call 111 now, day or night, or use NHS 111 online. They tell you where to go today."), GB_111),
    Place("GB", U, For.ALL, _("Your GP surgery"),
          _("If it is open, call now and say that you need to be seen today."), GB_111),
    Place("GB", U, For.ALL, _("A&E (the emergency department)"),
          _("If 111 tells you to, or you cannot be seen elsewhere today, go there. If you get worse before you are "
            "seen, call 999."), GB_AE),
    Place("GB", S, For.NET, _("Your NET team (your clinical nurse specialist)"),
          _("Call or send a message within a few days."), GB_111),
    Place("GB", S, For.OTHERS, _("Your GP surgery"),
          _("Ask for an appointment within a few days."), GB_111),
    Place("GB", S, For.ALL, _("NHS 111"),
          _("If you get worse or are unsure, call 111 at any time of day or night."), GB_111),
    Place("GB", R, For.NET, _("Your NET team (your clinical nurse specialist)"),
          _("Tell them at your next appointment."), GB_111),
    Place("GB", R, For.OTHERS, _("Your GP"), _("Mention it at your next appointment."), GB_111),
    Place("GB", R, For.ALL, _("NHS 111"),
          _("If it gets worse or new symptoms start, call 111 or check again."), GB_111),
    Place("GB", C, For.ALL, _("A pharmacist"),
          _("A pharmacist can advise you on looking after yourself, without an appointment."), GB_111),
    Place("GB", C, For.ALL, _("NHS 111"),
          _("If it gets worse, lasts, or new symptoms start, call 111 for advice."), GB_111),

    Place("US", E, For.ALL, _("911"), _("Call 911 now. Say what has happened and where you are."), US_ER),
    Place("US", E, For.ALL, _("The emergency room (ER)"),
          _("Go there yourself only if someone can take you safely and faster than an ambulance."), US_ER),
    Place("US", U, For.ALL, _("Your doctor's office"),
          _("Call now, even after hours: the answering service reaches the doctor on call. Say that you need to "
            "be seen today."), US_ER),
    Place("US", U, For.ALL, _("An urgent care center"),
          _("If your doctor cannot see you today, go to urgent care today."), US_ER),
    Place("US", U, For.ALL, _("The emergency room (ER)"),
          _("If urgent care is closed or sends you on, go to the ER. If you get worse before you are seen, call "
            "911."), US_ER),
    Place("US", S, For.NET, _("Your cancer care team (your oncology nurse)"),
          _("Call, or send a message through the patient portal, within a few days."), US_ER),
    Place("US", S, For.OTHERS, _("Your primary care doctor"),
          _("Make an appointment within a few days."), US_ER),
    Place("US", S, For.ALL, _("An urgent care center"),
          _("If you get worse and cannot reach your doctor, go to urgent care."), US_ER),
    Place("US", R, For.NET, _("Your cancer care team (your oncology nurse)"),
          _("Tell them at your next visit."), US_ER),
    Place("US", R, For.OTHERS, _("Your primary care doctor"), _("Mention it at your next visit."), US_ER),
    Place("US", C, For.ALL, _("Your doctor's office"),
          _("If it gets worse, lasts, or new symptoms start, call for advice."), US_ER),

    Place(ANYWHERE, E, For.ALL, _("The emergency number, %(number)s"),
          _("Call %(number)s now. Say what has happened and where you are."), ANY),
    Place(ANYWHERE, E, For.ALL, _("The nearest emergency department"),
          _("Go there yourself only if someone can take you safely and faster than an ambulance."), ANY),
    Place(ANYWHERE, U, For.ALL, _("Your own doctor or health centre"),
          _("If it is open, call now and say that you need to be seen today."), ANY),
    Place(ANYWHERE, U, For.ALL, _("The out-of-hours service or on-call clinic"),
          _("If your doctor is closed, call or go there today."), ANY),
    Place(ANYWHERE, U, For.ALL, _("The emergency department"),
          _("If you cannot be seen anywhere else today, go there. If you get worse before you are seen, call "
            "%(number)s."), ANY),
    Place(ANYWHERE, S, For.NET, _("Your care team (your contact nurse)"),
          _("Call or send a message within a few days."), ANY),
    Place(ANYWHERE, S, For.OTHERS, _("Your own doctor or health centre"),
          _("Make an appointment within a few days."), ANY),
    Place(ANYWHERE, S, For.ALL, _("The out-of-hours service"),
          _("If you get worse or are unsure, call your doctor or the out-of-hours service sooner."), ANY),
    Place(ANYWHERE, R, For.NET, _("Your care team (your contact nurse)"), _("Tell them at your next visit."), ANY),
    Place(ANYWHERE, R, For.OTHERS, _("Your own doctor or health centre"), _("Mention it at your next visit."), ANY),
    Place(ANYWHERE, C, For.ALL, _("Your own doctor or health centre"),
          _("If it gets worse, lasts, or new symptoms start, contact them or check again."), ANY),
)

# The nurse advice line a country's people call first when they need help today (the urgent level's first place);
# where there is none, the result offers the emergency number as before.
ADVICE_LINES: dict[str, str] = {"SE": "1177", "GB": "111"}

COUNTRIES = frozenset(p.country for p in PLACES) - {ANYWHERE}


def care_country(country: str | None) -> str:
    """The country whose words the result uses: the person's, if the table has rows for it, else ANYWHERE."""
    return country if country in COUNTRIES else ANYWHERE


def headline(country: str, level: Level) -> str:
    own = {h.level: h.text for h in HEADLINES if h.country == country}
    return own.get(level) or next(h.text for h in HEADLINES if h.country == ANYWHERE and h.level == level)


def who(country: str, diagnosed_net: bool) -> str:
    return next(w.text for w in WHO if w.country == country and w.diagnosed_net == diagnosed_net)


def places(country: str, level: Level, diagnosed_net: bool) -> tuple[Place, ...]:
    """The places for this country and level, in table order, that are for this person."""
    mine = For.NET if diagnosed_net else For.OTHERS
    return tuple(p for p in PLACES if p.country == country and p.level == level and p.whom in (For.ALL, mine))


def advice_line(country: str) -> str:
    """The phone number of the country's nurse advice line, or "" where the table names none."""
    return ADVICE_LINES.get(country, "")


def review_sheet() -> str:
    """Every headline, whom and place row as one line of plain text, for a clinician's sign-off."""
    lines = [f"Care words {CARE_VERSION}. Headlines: country | level | text"]
    lines += [f"{h.country} | {h.level.value} | {h.text}" for h in HEADLINES]
    lines.append("Whom to contact at soon and routine: country | diagnosed with a NET | words")
    lines += [f"{w.country} | {'yes' if w.diagnosed_net else 'no'} | {w.text}" for w in WHO]
    lines.append("Places: country | level | for | place | how to reach it | sources")
    lines += [f"{p.country} | {p.level.value} | {p.whom.value} | {p.place} | {p.reach} | {', '.join(p.sources)}"
              for p in PLACES]
    lines.append("Nurse advice lines, called first at urgent: "
                 + ", ".join(f"{country} {number}" for country, number in ADVICE_LINES.items()))
    return "\n".join(lines)
