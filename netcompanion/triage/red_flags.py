"""Red flags in a free-text message: the navigator's danger symptoms, found in the words people write.

When a patient or a relative writes to the care team, the message is read for symptoms that the navigator
(rules.py) sends for help at once or the same day, so that the writer sees the emergency advice before a
message that may wait days for a reply. Each row is data a clinician reads: its id, the navigator's
symptom and the navigator rule it mirrors (the row takes that rule's level and sources, and a test holds
them equal), the terms it looks for, the plain reason shown to the writer, and its sources. A term is a
symptom in people's words: its phrases in English and in Swedish (lay words, common misspellings, UK and US
forms). Every phrase is searched in every message, whatever the writer's language.

Matching, on purpose simple enough to check by hand:
- Case, accents and apostrophes are folded ("Can’t" reads as "cant", "é" as "e"), but å, ä and ö stay
  letters of their own: "svårt" (hard) is not "svart" (black). A Swedish phrase also matches as typed on a
  keyboard without them ("svart att andas", "brostsmarta"), phrase by phrase, never the message's words.
- Words are compared whole, with common endings allowed (`ENDINGS`: English plural, -ing, -ed; Swedish
  -en, -et, -na, -ar, -er, -or …; a word ending in a vowel may drop it first: "smärta" matches "smärtor",
  "breathe" matches "breathing" and "breath"). Words shorter than `MIN_INFLECTED` letters match only as
  they are, so "i" and "a" stay themselves. In a phrase of two or more words, a word of `MIN_SLIP` letters or
  more also matches with one letter added, left out or swapped with its neighbour ("cheast pain", "ont i
  brösst"); a phrase of one word does not, since a slip of one word alone too often makes another word.
- A phrase's words come in order, with at most `MAX_GAP` other words between two of them: "blood in my
  stool" matches "blood in stool", "ont i hela bröstet" matches "ont i bröstet". In a phrase, "#10+" stands
  for any number of at least 10 ("diarré 12 gånger" matches "diarré #10+ gånger"); "38.5" reads as 38 and 5.
- A row of several terms needs them all, anywhere in the message: the navigator's rules for symptoms
  together (flushing with dizziness, yellow eyes with a fever, tummy pain with no stool or wind).

FAIL SAFE: a negation never suppresses a flag. "No chest pain now" and "inte svårt att andas" still flag:
reading negation in free text is unreliable ("no, I can't breathe"), and over-warning costs the writer a
click, while a missed warning can cost a life (hazard log H-197). A flag never stops a message being sent.

A red flag is only a symptom the navigator rates urgent or emergency; milder symptoms are for the message
itself. One danger sign the navigator does not ask about is read too, since a message can say anything:
the signs of a stroke (an emergency, citing the FAST/AKUT test of ambulance and stroke services). The rows
are a proposed design; a clinician signs them off and any change bumps RED_FLAGS_VERSION (a test holds the
fingerprint of this table). `netcompanion triage --red-flags` prints them for review.
No Django import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from netcompanion.translatable import gettext_noop as _
from netcompanion.triage.rules import (
    BLEEDING,
    CALL_999,
    CRISIS,
    HEART,
    HYPO,
    INFECTION,
    NET_SYMPTOMS,
    OBSTRUCTION,
    SACT,
    SYNDROME,
    VIPOMA,
    Level,
)

RED_FLAGS_VERSION = "2026.12.3"

E, U = Level.EMERGENCY, Level.URGENT
# The stroke row's sources: one sign of the FAST (in Swedish AKUT) test is enough to call the emergency number.
STROKE = ("nwas-recognising-stroke", "strokeforbundet-akut-testet")

# Endings a word may carry beyond the phrase's form of it, longest first.
ENDINGS = ("arna", "erna", "orna", "ande", "ende", "ing", "ade", "ed", "es", "en", "et", "na", "ar", "er", "or",
           "at", "ad", "s", "d", "n", "t", "a", "e")
MIN_INFLECTED = 3
MAX_GAP = 2
# In a phrase of two or more words, a word this long also matches with one slip of the keys ("cheast pain").
MIN_SLIP = 5

# å, ä and ö are letters in Swedish; every other accent is folded away.
_KEEP = frozenset("åäö")
_ASCII_SWEDISH = str.maketrans({"å": "a", "ä": "a", "ö": "o"})
_OTHER_LETTERS = str.maketrans({"æ": "ä", "ø": "ö", "ß": "ss"})
_APOSTROPHES = re.compile(r"['’`´]")
_AT_LEAST = re.compile(r"#\d+\+")
_WORD = re.compile(r"\d+|[^\W\d_]+")


@dataclass(frozen=True)
class Term:
    """A symptom in people's words: the phrases that name it in English and in Swedish."""

    name: str
    english: tuple[str, ...]
    swedish: tuple[str, ...]


@dataclass(frozen=True)
class RedFlag:
    id: str
    symptom: str
    # The navigator rule (rules.py) whose level and sources the row takes; "" for a danger sign the navigator
    # does not ask about (a stroke), which is then an emergency citing its own sources.
    rule: str
    level: Level
    when: tuple[str, ...]  # the names of the terms that must all be in the message
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    row_id: str
    symptom: str
    level: Level
    phrase: str  # the phrase found for each of the row's terms, joined by " + "
    reason: str
    sources: tuple[str, ...]


CHEMOTHERAPY_EN = ("chemo", "chemotherapy", "capecitabine", "xeloda", "temozolomide", "temodal", "streptozocin",
                   "zanosar", "5fu", "fluorouracil")
CHEMOTHERAPY_SV = ("cellgift", "cellgifter", "cellgiftsbehandling", "cytostatika", "cytostatikabehandling")

TERMS: tuple[Term, ...] = (
    # name, English phrases, Swedish phrases
    Term("chest pain",
         ("chest pain", "pain in chest", "chest hurts", "chest is hurting", "chest ache", "tight chest",
          "chest tightness", "tightness in chest", "pressure in chest", "chest pressure", "crushing chest",
          "heart attack", "angina"),
         ("bröstsmärta", "ont i bröstet", "ont i bröst", "smärta i bröstet", "värk i bröstet", "tryck över bröstet",
          "tryck i bröstet", "tryckkänsla i bröstet", "trånghet i bröstet", "hjärtinfarkt", "kärlkramp")),
    Term("cannot breathe",
         ("cant breathe", "cannot breathe", "can not breathe", "unable to breathe", "struggling to breathe",
          "fighting for breath", "gasping for air", "gasping for breath", "choking", "cant get air",
          "cant catch breath", "turning blue", "lips are blue", "blue lips"),
         ("kan inte andas", "får ingen luft", "får inte luft", "kippar efter andan", "kippar efter luft", "kvävs",
          "kvävningskänsla", "blå om läpparna", "blåa läppar")),
    Term("breathless",
         ("short of breath", "shortness of breath", "breathless", "out of breath", "hard to breathe",
          "difficult to breathe", "difficulty breathing", "trouble breathing", "breathing difficulty",
          "problems breathing", "laboured breathing", "labored breathing"),
         ("andfådd", "andfåddhet", "andnöd", "svårt att andas", "tungt att andas", "andas tungt", "andningsbesvär",
          "andningssvårigheter", "får dåligt med luft", "får dålig luft")),
    Term("wheezing",
         ("wheezing", "wheezy", "wheeze", "whistling breath"),
         ("väsande andning", "väser", "pipande andning", "piper i bröstet", "pip i bröstet")),
    Term("fainting",
         ("fainted", "fainting", "faints", "feel faint", "passed out", "pass out", "blacked out", "black out",
          "collapsed", "collapse", "lost consciousness", "unconscious", "unconcious", "unresponsive"),
         ("svimmade", "svimmat", "svimma", "svimade", "svimat", "svimning", "svimfärdig", "tuppade av", "tuppat av",
          "tuppa av", "kollapsa", "kollapsade", "föll ihop", "medvetslös", "medvetslöst", "förlorade medvetandet")),
    Term("dizziness",
         ("dizzy", "dizziness", "light headed", "lightheaded", "woozy", "room spinning", "giddy"),
         ("yr", "yrsel", "yrselkänsla", "snurrar", "snurrig", "vimmelkantig", "ostadig")),
    Term("seizure",
         ("seizure", "seizures", "siezure", "seizing", "convulsion", "convulsing", "had a fit", "having a fit",
          "having fits", "epileptic"),
         ("krampanfall", "krampade", "kramper i hela kroppen", "epileptiskt anfall", "epilepsianfall",
          "ryckningar i hela kroppen")),
    Term("confusion",
         ("confused", "confusion", "muddled", "disoriented", "disorientated", "delirious", "not making sense",
          "hard to wake", "cant wake", "cannot wake", "very drowsy"),
         ("förvirrad", "förvirring", "virrig", "desorienterad", "omtöcknad", "svårväckt", "går inte att väcka",
          "osammanhängande", "vet inte var hon är", "vet inte var han är", "vet inte var jag är")),
    Term("low blood sugar",
         ("low blood sugar", "blood sugar is low", "low sugar", "sugar is low", "hypo", "hypoglycaemia", "hypoglycemia",
          "sweating and shaking", "shaking and sweating", "sweaty and shaky", "shaky and sweaty", "cold sweat"),
         ("lågt blodsocker", "blodsockret är lågt", "lågt socker", "blodsockerfall", "sockerfall", "sockerdipp",
          "hypoglykemi", "svettig och darrig", "darrig och svettig", "svettas och darrar", "darrar och svettas",
          "kallsvett", "kallsvettig")),
    Term("sweating",
         ("sweating", "sweaty", "sweats", "clammy", "drenched in sweat"),
         ("svettas", "svettig", "svettning", "svettningar", "kallsvettig", "klibbig")),
    Term("shaking",
         ("shaking", "shaky", "shakey", "shakes", "trembling", "trembly", "tremor", "jittery"),
         ("darrig", "darrar", "darrning", "skakig", "skakar", "skaka", "skakningar", "huttrar")),
    Term("stroke signs",
         ("stroke", "slurred speech", "slurring", "speech is slurred", "face drooping", "face droopy",
          "face is drooping", "droopy face", "face has dropped", "mouth drooping", "drooping on one side",
          "weak on one side", "one sided weakness", "numb on one side", "cant lift arm", "cant get words out"),
         ("stroke", "slaganfall", "propp i hjärnan", "hjärnblödning", "sluddrar", "sluddrigt tal", "sned i ansiktet",
          "mungipan hänger", "hängande mungipa", "svag i ena sidan", "domnad i ena sidan", "förlamad i ena sidan",
          "kan inte lyfta armen", "får inte fram orden")),
    Term("black stool",
         ("black stool", "black poo", "black poop", "tarry stool", "tar like stool", "tarry", "stool is black",
          "poo is black", "poop is black", "stool black", "poo black", "poop black", "like tar", "tar like",
          "black bowel movement", "melena", "melaena"),
         ("svart avföring", "svart bajs", "svarta avföringar", "tjärliknande avföring", "tjärfärgad avföring",
          "avföringen är svart", "bajset är svart", "avföringen svart", "bajset svart", "som tjära", "tjärbajs")),
    Term("blood in stool",
         ("blood in stool", "blood in poo", "blood in poop", "blood in bowel movement", "bloody stool", "bloody poo",
          "bloody diarrhoea", "bloody diarrhea", "blood when i wipe", "blood on toilet paper", "blood in toilet",
          "rectal bleeding", "bleeding from bottom", "bleeding from back passage", "bleeding from rectum",
          "blood from back passage", "blood from bottom", "blood from rectum", "passing blood", "blood clots",
          "clots of blood", "stool with blood", "poo with blood"),
         ("blod i avföringen", "blod i bajset", "blodig avföring", "blodigt bajs", "blodig diarré", "blod på pappret",
          "blod i toaletten", "blödning från ändtarmen", "blöder från ändtarmen", "blöder från stjärten",
          "blod från ändtarmen", "blodklumpar", "blodkoagel", "levrat blod", "avföring med blod", "bajs med blod")),
    Term("heavy bleeding",
         ("lots of blood", "a lot of blood", "heavy bleeding", "bleeding heavily", "bleeding a lot", "pouring blood",
          "wont stop bleeding", "toilet full of blood"),
         ("mycket blod", "blöder kraftigt", "kraftig blödning", "stor blödning", "blöder mycket", "slutar inte blöda",
          "toaletten full av blod")),
    Term("vomiting blood",
         ("vomiting blood", "vomited blood", "vomit blood", "vomitting blood", "threw up blood", "throwing up blood",
          "throw up blood", "puked blood", "puking blood", "sick with blood", "blood in vomit", "blood in sick",
          "coffee grounds"),
         ("kräks blod", "kräktes blod", "kräkts blod", "kräkas blod", "spyr blod", "spydde blod", "spytt blod",
          "blod i kräkningen", "blod i kräkningarna", "blod i spyan", "blod i spyorna", "kaffesump")),
    Term("vomiting",
         ("vomiting", "vomited", "vomit", "vomitting", "vommiting", "throwing up", "threw up", "thrown up",
          "being sick", "been sick", "puking", "puked", "cant keep anything down", "cant keep fluids down",
          "cant keep water down", "cant keep food down"),
         ("kräks", "kräkts", "kräktes", "kräkas", "kräkning", "kräkningar", "spyr", "spydde", "spytt", "kastar upp",
          "kastat upp", "kan inte behålla något", "får inte behålla något", "behåller inget")),
    Term("tummy pain",
         ("stomach pain", "tummy pain", "abdominal pain", "belly pain", "stomach ache", "stomachache", "tummy ache",
          "bellyache", "belly ache", "pain in stomach", "pain in tummy", "pain in abdomen", "pain in belly",
          "stomach hurts", "tummy hurts", "belly hurts", "stomach cramps", "abdominal cramps"),
         ("ont i magen", "magont", "magsmärta", "magsmärtor", "buksmärta", "buksmärtor", "ont i buken",
          "smärta i magen", "värk i magen", "magvärk", "magknip", "magkramper", "knip i magen")),
    Term("severe pain",
         ("severe pain", "severe stomach", "severe abdominal", "severe tummy", "excruciating", "unbearable", "agony",
          "agonising", "agonizing", "worst pain", "terrible pain", "horrendous pain", "really bad pain",
          "intense pain"),
         ("svår smärta", "svåra smärtor", "svår magsmärta", "kraftig smärta", "kraftiga smärtor", "kraftig magsmärta",
          "olidlig", "outhärdlig", "jätteont", "fruktansvärt ont", "väldigt ont", "extremt ont", "otroligt ont",
          "vansinnigt ont")),
    Term("sudden",
         ("sudden", "suddenly", "all of a sudden", "came on fast", "out of nowhere"),
         ("plötslig", "plötsligt", "helt plötsligt", "hastigt", "kom snabbt")),
    Term("no stool or wind",
         ("no stool or wind", "no wind", "not passed wind", "not passing wind", "cant pass wind", "havent passed wind",
          "no bowel movement", "havent pooed", "havent had a poo", "cant poo", "not been able to poo",
          "bowels have not opened", "bowels not opened"),
         ("ingen avföring", "inte bajsat", "kan inte bajsa", "inte kunnat bajsa", "inte haft avföring", "inga gaser",
          "ingen gas", "kan inte släppa väder", "inte släppt väder", "inte fisit", "kan inte fisa")),
    Term("blocked bowel",
         ("blocked bowel", "bowel blockage", "bowel obstruction", "obstruction", "blocked intestine",
          "intestinal obstruction", "blocked gut"),
         ("tarmvred", "tarmstopp", "stopp i tarmen", "stopp i tarmarna", "tarmhinder", "ileus")),
    Term("dehydration",
         ("dehydrated", "dehydration", "not peeing", "not passed urine", "not passing urine", "no urine",
          "hardly peeing", "very little urine", "havent peed", "very thirsty"),
         ("uttorkad", "uttorkning", "kissar inte", "inte kissat", "kissar nästan inget", "kissar nästan ingenting",
          "ingen urin", "kissar knappt", "knappt kissat", "kissar väldigt lite", "väldigt törstig", "jättetörstig")),
    Term("severe diarrhoea",
         ("severe diarrhoea", "severe diarrhea", "constant diarrhoea", "constant diarrhea", "nonstop diarrhoea",
          "non stop diarrhoea", "non stop diarrhea", "diarrhoea all day", "diarrhea all day", "diarrhoea all night",
          "diarrhea all night", "diarrhoea #10+ times", "diarrhea #10+ times", "#10+ times a day", "#10+ stools",
          "#10+ bowel movements", "toilet #10+ times", "loo #10+ times", "watery diarrhoea", "watery diarrhea",
          "diarrhoea every hour", "diarrhea every hour"),
         ("svår diarré", "kraftig diarré", "kraftiga diarréer", "diarré hela tiden", "diarré hela dagen",
          "diarré hela natten", "vattentunn avföring", "vattnig diarré", "vattentunn diarré", "bajsar hela tiden",
          "diarré varje timme", "diarré #10+ gånger", "#10+ gånger om dagen", "#10+ tarmtömningar",
          "bajsat #10+ gånger", "toaletten #10+ gånger", "toa #10+ gånger", "diarré #10+ ggr", "#10+ ggr om dagen",
          "toa #10+ ggr")),
    Term("diarrhoea",
         ("diarrhoea", "diarrhea", "diarhea", "diarrea", "diarhoea", "diarroea", "the runs", "loose stool",
          "loose stools", "watery stool", "runny poo"),
         ("diarré", "diarre", "diarréer", "lös avföring", "lös mage", "tunn avföring", "rinnande bajs")),
    Term("chemotherapy", CHEMOTHERAPY_EN, CHEMOTHERAPY_SV),
    Term("treatment lowering resistance",
         (*CHEMOTHERAPY_EN, "everolimus", "afinitor", "sunitinib", "sutent", "lutathera", "prrt",
          "radioligand", "lutetium", "interferon"),
         (*CHEMOTHERAPY_SV, "radionuklidbehandling", "lutetiumbehandling", "interferon")),
    Term("face swelling",
         ("swollen face", "face swelling", "face is swollen", "face swollen", "swelling of face", "puffy face",
          "swollen lips", "lips swelling", "lip swelling", "swollen lip", "lips swollen", "lips puffing up",
          "face puffing up", "puffy lips", "swollen neck", "neck swelling", "swelling in neck", "swollen eyelids"),
         ("svullen i ansiktet", "svullet ansikte", "ansiktet svullnar", "ansiktet är svullet", "svullnad i ansiktet",
          "svullna läppar", "svullen läpp", "läpparna svullnar", "läpparna är svullna", "svullen på halsen",
          "svullnad på halsen", "svullen hals", "svullna ögonlock")),
    Term("swallowing difficulty",
         ("hard to swallow", "difficult to swallow", "difficulty swallowing", "trouble swallowing", "cant swallow",
          "cannot swallow", "unable to swallow"),
         ("svårt att svälja", "kan inte svälja", "sväljer dåligt", "sväljningssvårigheter")),
    Term("throat swelling",
         ("throat swelling", "throat is swelling", "swelling in throat", "swollen throat", "throat closing",
          "throat is closing", "swollen tongue", "tongue swelling", "tongue is swelling", "anaphylaxis",
          "anaphylactic"),
         ("svullen i halsen", "svullnad i halsen", "halsen svullnar", "halsen sväller", "svullen tunga",
          "tungan svullnar", "tungan sväller", "anafylaxi", "anafylaktisk")),
    Term("flushing",
         ("flushing", "flushes", "flushed", "flush", "red face", "face goes red", "face went red", "face turned red",
          "hot flush", "hot flashes", "hot flash"),
         ("flush", "flushar", "flushning", "flushningar", "blossande", "blossar", "rodnad", "rodnar", "röd i ansiktet",
          "värmevallning", "värmevallningar")),
    Term("carcinoid crisis",
         ("carcinoid crisis", "carcinoid crises"),
         ("karcinoid kris", "karcinoidkris", "karcinoida kriser")),
    Term("jaundice",
         ("jaundice", "jaundiced", "yellow eyes", "eyes are yellow", "eyes look yellow", "eyes have gone yellow",
          "eyes yellow", "yellow skin", "skin is yellow", "skin looks yellow", "skin has turned yellow", "skin yellow",
          "whites of eyes yellow", "yellowish", "turning yellow", "gone yellow", "dark urine", "urine is dark",
          "dark pee", "pee is dark"),
         ("gulsot", "gul i ögonen", "gula ögon", "ögonen är gula", "ögonen ser gula ut", "gul i huden", "gul hud",
          "huden är gul", "gulaktig", "gulfärgad", "gulnat", "ögonvitorna är gula", "ögonvitorna gula", "ögonen gula",
          "huden gul", "gula ögonvitor", "mörk urin", "mörkt kiss", "kisset är mörkt", "urinen är mörk")),
    Term("fever",
         ("fever", "feverish", "high temperature", "running a temperature", "have a temperature", "temperature #38+",
          "temp #38+", "#38+ degrees", "#38+ c", "chills", "shivering", "shivers", "rigors", "shaking chills"),
         ("feber", "febrig", "hög temp", "hög temperatur", "tempen #38+", "temperatur #38+", "#38+ grader", "frossa",
          "frossbrytningar", "huttrar", "skakar av köld")),
    Term("palpitations",
         ("palpitations", "palpitation", "heart racing", "racing heart", "heart is racing", "heart pounding",
          "heart banging", "heart thumping", "pounding heart", "heart is pounding", "heart fluttering",
          "fluttering in chest", "irregular heartbeat", "heart skipping", "skipped beats", "fast heartbeat",
          "heart beating fast", "rapid heartbeat", "fast pulse", "racing pulse"),
         ("hjärtklappning", "hjärtat rusar", "hjärtat slår snabbt", "hjärtat bultar", "hjärtat dunkar",
          "hjärtat bankar", "hjärtat slår hårt", "hjärtat slår oregelbundet", "hjärtat slår fort",
          "hjärtat slår jättefort", "hjärtat fladdrar", "hjärtat hoppar över", "oregelbunden puls", "hög puls",
          "snabb puls", "rusande puls")),
    Term("leg swelling",
         ("swollen leg", "leg swelling", "legs are swollen", "leg is swollen", "leg swollen", "swollen ankle",
          "ankle swelling", "ankles are swollen", "swollen calf", "calf swollen", "swollen feet", "swollen foot"),
         ("svullna ben", "svullet ben", "benet är svullet", "benen är svullna", "svullnad i benet", "svullnad i benen",
          "svullen vad", "vaden är svullen", "svullna anklar", "svullna fotleder", "svullen fot", "svullna fötter")),
    Term("coughing blood",
         ("coughing up blood", "coughed up blood", "cough up blood", "coughing blood", "blood when i cough",
          "blood in phlegm", "blood in sputum", "bloody phlegm", "haemoptysis", "hemoptysis"),
         ("hostar blod", "hostade blod", "hostar upp blod", "hostat upp blod", "blod i slemmet", "blodigt slem",
          "blod när jag hostar")),
    Term("exhaustion",
         ("exhausted", "extremely tired", "completely drained", "cant get out of bed", "too tired to",
          "utterly exhausted", "wiped out"),
         ("utmattad", "helt slut", "extremt trött", "orkar ingenting", "orkar inte gå upp", "kommer inte ur sängen",
          "totalt utmattad")),
)

RED_FLAGS: tuple[RedFlag, ...] = (
    # id, symptom, navigator rule, level, terms that must all be found, reason, sources
    RedFlag("RF-CHEST-PAIN", "chest_pain", "CP-NOT-MILD", E, ("chest pain",),
        _("You mention chest pain. Chest pain can be an emergency."), CALL_999),
    RedFlag("RF-CANNOT-BREATHE", "breathing_difficulty", "BR-SEVERE", E, ("cannot breathe",),
        _("You mention not being able to breathe. Severe breathlessness is an emergency."), CALL_999),
    RedFlag("RF-FAINTING", "fainting", "FA-ANY", E, ("fainting",),
        _("You mention fainting. Fainting can come from a carcinoid crisis, bleeding or a heart problem."), CRISIS),
    RedFlag("RF-SEIZURE", "seizure", "SZ-ANY", E, ("seizure",),
        _("You mention a fit (seizure). A fit is an emergency: it can come from very low blood sugar."), HYPO),
    RedFlag("RF-CONFUSION", "confusion", "CO-ANY", E, ("confusion",),
        _("You mention confusion. New confusion can be caused by low blood sugar or a carcinoid crisis."), HYPO),
    RedFlag("RF-LOW-SUGAR", "sweating_shaking", "SW-UNKNOWN", E, ("low blood sugar",),
        _("You mention signs of low blood sugar. It can become dangerous quickly."), HYPO),
    RedFlag("RF-SWEATING-SHAKING", "sweating_shaking", "SW-UNKNOWN", E, ("sweating", "shaking"),
        _("You mention sweating and shaking. Together they can be dangerously low blood sugar."), HYPO),
    RedFlag("RF-STROKE", "stroke", "", E, ("stroke signs",),
        _("You mention signs of a stroke, such as slurred speech or a face drooping on one side. This is an "
          "emergency."), STROKE),
    RedFlag("RF-CRISIS", "flushing", "FL-CRISIS-WHEEZE", E, ("carcinoid crisis",),
        _("You mention a carcinoid crisis. A carcinoid crisis is an emergency."), CRISIS),
    RedFlag("RF-FLUSH-WHEEZE", "flushing", "FL-CRISIS-WHEEZE", E, ("flushing", "wheezing"),
        _("You mention flushing with wheezing. Together they can be a carcinoid crisis."), CRISIS),
    RedFlag("RF-FLUSH-BREATHLESS", "flushing", "FL-CRISIS-WHEEZE", E, ("flushing", "breathless"),
        _("You mention flushing with trouble breathing. Together they can be a carcinoid crisis."), CRISIS),
    RedFlag("RF-FLUSH-DIZZY", "flushing", "FL-CRISIS-DIZZY", E, ("flushing", "dizziness"),
        _("You mention flushing with dizziness. Together they can be a carcinoid crisis."), CRISIS),
    RedFlag("RF-BLACK-STOOL", "black_stool", "BS-ANY", E, ("black stool",),
        _("You mention black stools. Black, tarry stools can mean bleeding high up in the gut."),
        ("nice-cg141", "nci-pdq-gi-net-hp", "cancernet-gi-net-symptoms")),
    RedFlag("RF-VOMITING-BLOOD", "vomiting", "VO-BLOOD", E, ("vomiting blood",),
        _("You mention vomiting blood. Vomiting blood, or what looks like coffee grounds, is an emergency."),
        BLEEDING),
    RedFlag("RF-HEAVY-BLEEDING", "blood_in_stool", "BL-LARGE", E, ("heavy bleeding",),
        _("You mention a lot of blood. Heavy bleeding is an emergency."), BLEEDING),
    RedFlag("RF-BLOOD-DIZZY", "blood_in_stool", "BL-DIZZY", E, ("blood in stool", "dizziness"),
        _("You mention blood from the bowel with dizziness. Together they are an emergency."), BLEEDING),
    RedFlag("RF-BLOCKED-BOWEL", "abdominal_pain", "AP-NO-STOOL-OR-WIND", E, ("blocked bowel",),
        _("You mention a blocked bowel. A blocked bowel is an emergency."), OBSTRUCTION),
    RedFlag("RF-PAIN-NO-STOOL", "abdominal_pain", "AP-NO-STOOL-OR-WIND", E, ("tummy pain", "no stool or wind"),
        _("You mention tummy pain and passing no stool or wind. Together they can mean a blocked bowel."),
        OBSTRUCTION),
    RedFlag("RF-PAIN-SEVERE-SUDDEN", "abdominal_pain", "AP-SUDDEN-SEVERE", E,
        ("tummy pain", "severe pain", "sudden"),
        _("You mention sudden, severe tummy pain. It needs help at once."), OBSTRUCTION),
    RedFlag("RF-PAIN-SEVERE-VOMITING", "abdominal_pain", "AP-VOMITING-SEVERE", E,
        ("tummy pain", "severe pain", "vomiting"),
        _("You mention severe tummy pain with vomiting. Together they can mean a blocked bowel."), OBSTRUCTION),
    RedFlag("RF-DEHYDRATION", "diarrhea", "DI-DEHYDRATION", E, ("dehydration",),
        _("You mention signs of dehydration. With diarrhoea or vomiting it can become dangerous quickly."),
        VIPOMA),
    RedFlag("RF-DIARRHOEA-DIZZY", "diarrhea", "DI-DEHYDRATION", E, ("diarrhoea", "dizziness"),
        _("You mention diarrhoea with dizziness. Dizziness can be a sign of dehydration, which can become "
          "dangerous quickly."), VIPOMA),
    RedFlag("RF-THROAT-SWELLING", "face_neck_swelling", "FN-AIRWAY", E, ("throat swelling",),
        _("You mention swelling in the throat or of the tongue. It can block the airway: this is an emergency."),
        CALL_999),
    RedFlag("RF-FACE-SWALLOWING", "face_neck_swelling", "FN-AIRWAY", E, ("face swelling", "swallowing difficulty"),
        _("You mention swelling of the face or lips with trouble swallowing. The swelling can block the airway: "
          "this is an emergency."), CALL_999),
    RedFlag("RF-FACE-BREATHLESS", "face_neck_swelling", "FN-AIRWAY", E, ("face swelling", "breathless"),
        _("You mention swelling of the face or neck with trouble breathing. Together they are an emergency."),
        CALL_999),
    RedFlag("RF-JAUNDICE-FEVER", "jaundice", "JA-FEVER", E, ("jaundice", "fever"),
        _("You mention yellow skin or eyes with a fever. Together they can mean an infected, blocked bile duct."),
        ("nidirect-jaundice", "nci-pdq-gi-net-hp")),
    RedFlag("RF-LEG-BREATHLESS", "leg_swelling", "LS-BREATHLESS", E, ("leg swelling", "breathless"),
        _("You mention a swollen leg with breathlessness. Together they can mean a blood clot in the lungs."),
        ("nhs-dvt",)),
    RedFlag("RF-FEVER-BREATHLESS-TREATMENT", "fever", "FE-TREATMENT-BREATHLESS", E,
        ("fever", "breathless", "treatment lowering resistance"),
        _("You mention a fever and breathlessness during a treatment that lowers resistance to infection. "
        "Together they can be sepsis."), INFECTION),

    RedFlag("RF-BREATHLESS", "breathing_difficulty", "BR-NOT-MILD", U, ("breathless",),
        _("You mention breathlessness. It needs checking the same day."), HEART),
    RedFlag("RF-WHEEZING", "breathing_difficulty", "BR-WHEEZE", U, ("wheezing",),
        _("You mention wheezing. It can come from NET hormones and needs checking the same day."), SYNDROME),
    RedFlag("RF-BLOOD-IN-STOOL", "blood_in_stool", "BL-ANY", U, ("blood in stool",),
        _("You mention blood in the stool. It needs checking the same day."), BLEEDING),
    RedFlag("RF-TUMMY-PAIN", "abdominal_pain", "AP-NEW", U, ("tummy pain",),
        _("You mention tummy pain. New or worse tummy pain needs checking the same day: it can be an early sign "
        "of a blocked bowel."), OBSTRUCTION),
    RedFlag("RF-VOMITING", "vomiting", "VO-FLUIDS", U, ("vomiting",),
        _("You mention vomiting. With a NET it can be an early sign of a blocked bowel, and it can dry you out: "
          "it needs checking the same day."), OBSTRUCTION),
    RedFlag("RF-SEVERE-DIARRHOEA", "diarrhea", "DI-VERY-MANY", U, ("severe diarrhoea",),
        _("You mention severe diarrhoea. Many stools a day can dry you out within hours."), VIPOMA),
    RedFlag("RF-DIARRHOEA-CHEMOTHERAPY", "diarrhea", "DI-CHEMOTHERAPY", U, ("diarrhoea", "chemotherapy"),
        _("You mention diarrhoea and chemotherapy. Diarrhoea during chemotherapy needs checking the same day."),
        (*SACT, "label-capecitabine")),
    RedFlag("RF-FACE-SWELLING", "face_neck_swelling", "FN-ANY", U, ("face swelling",),
        _("You mention swelling of the face or neck. It needs checking the same day."), SYNDROME),
    RedFlag("RF-FEVER", "fever", "FE-TREATMENT-UNKNOWN", U, ("fever",),
        _("You mention a fever or chills. A fever during some NET treatments needs help the same day."),
        INFECTION),
    RedFlag("RF-JAUNDICE", "jaundice", "JA-ANY", U, ("jaundice",),
        _("You mention yellow skin or eyes. They need checking the same day."), ("nci-pdq-gi-net-hp",)),
    RedFlag("RF-PALPITATIONS", "palpitations", "PA-NET", U, ("palpitations",),
        _("You mention a racing or pounding heart. With a NET it should be checked the same day."), HEART),
    RedFlag("RF-LEG-SWELLING", "leg_swelling", "LS-NET", U, ("leg swelling",),
        _("You mention swollen legs. With a NET, new swelling of the legs should be checked the same day."),
        HEART),
    RedFlag("RF-COUGHING-BLOOD", "cough", "CG-BLOOD", U, ("coughing blood",),
        _("You mention coughing up blood. It needs checking the same day."), NET_SYMPTOMS),
    RedFlag("RF-EXHAUSTION-TREATMENT", "fatigue", "FT-SEVERE-TREATMENT", U,
        ("exhaustion", "treatment lowering resistance"),
        _("You mention severe tiredness during a treatment such as chemotherapy. It needs checking the same day."),
        SACT),
)


def _fold(text: str) -> str:
    """Lower case without accents, but with å, ä and ö kept as the letters they are; apostrophes dropped."""
    text = unicodedata.normalize("NFC", text.casefold()).translate(_OTHER_LETTERS)
    text = _APOSTROPHES.sub("", text)
    return "".join(ch if ch in _KEEP else unicodedata.normalize("NFKD", ch)[0] for ch in text)


def words(text: str) -> list[str]:
    """The text's words, folded (see `_fold`); numbers are words of their own ("38c" is "38", "c")."""
    return _WORD.findall(_fold(text))


def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words; "#10+" stands for any number of at least 10."""
    return tuple(word for part in phrase.split()
                 for word in ([f"#{part[1:-1]}"] if _AT_LEAST.fullmatch(part) else words(part)))


def _bases(word: str) -> frozenset[str]:
    """Every form a phrase may give for this word of a message: the word, and the word without one ending."""
    forms = {word}
    for ending in ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_INFLECTED:
            forms.add(stem)
            if ending in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "stopped", "stopping"
    return frozenset(forms)


def _slips(word: str) -> set[str]:
    """The word with one letter left out, or two neighbours swapped."""
    return ({word[:i] + word[i + 1:] for i in range(len(word))}
            | {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)})


class _Message:
    """A message's words indexed by every form a phrase's word may match, so that a phrase is looked up, not
    compared with every word (a long message is read in milliseconds)."""

    def __init__(self, text: str) -> None:
        self.words = words(text)
        self._forms: dict[str, set[int]] = {}  # the words and their bases (see `_bases`)
        self._dropped: dict[str, set[int]] = {}  # the forms with one letter left out
        for i, word in enumerate(self.words):
            for form in _bases(word):
                self._forms.setdefault(form, set()).add(i)
                for dropped in {form[:k] + form[k + 1:] for k in range(len(form))}:
                    self._dropped.setdefault(dropped, set()).add(i)
        self._memo: dict[tuple[str, bool], frozenset[int]] = {}

    def positions(self, phrase_word: str, slips: bool) -> frozenset[int]:
        """Where the phrase's word is (see the module's docstring); with `slips`, also with a slip of the keys."""
        key = (phrase_word, slips)
        if key not in self._memo:
            self._memo[key] = frozenset(self._find(phrase_word, slips))
        return self._memo[key]

    def _find(self, phrase_word: str, slips: bool) -> set[int]:
        if phrase_word.startswith("#"):
            least = int(phrase_word[1:])
            return {i for i, word in enumerate(self.words) if word.isdigit() and int(word) >= least}
        if len(phrase_word) < MIN_INFLECTED:
            return {i for i, word in enumerate(self.words) if word == phrase_word}
        found = set(self._forms.get(phrase_word, ()))
        if len(phrase_word) > MIN_INFLECTED and phrase_word[-1] in "aeiouyåäö":
            found |= self._forms.get(phrase_word[:-1], set())
        if slips and len(phrase_word) >= MIN_SLIP:
            found |= self._dropped.get(phrase_word, set())  # a letter added
            for slip in _slips(phrase_word):  # a letter left out, or two swapped
                found |= self._forms.get(slip, set())
        return found


def _phrase_at(phrase: tuple[str, ...], message: _Message) -> bool:
    """Whether the phrase's words occur in order, with at most MAX_GAP other words between two of them."""
    slips = len(phrase) > 1
    reachable = message.positions(phrase[0], slips)
    for phrase_word in phrase[1:]:
        if not reachable:
            return False
        reachable = frozenset(j for j in message.positions(phrase_word, slips)
                              if any(j - 1 - MAX_GAP <= i < j for i in reachable))
    return bool(reachable)


@cache
def _term_phrases() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Each term's phrases as words, a Swedish phrase also as typed without å, ä and ö."""
    table = {}
    for term in TERMS:
        forms: dict[tuple[str, ...], str] = {}
        for phrase in term.english:
            forms.setdefault(_phrase_words(phrase), phrase)
        for phrase in term.swedish:
            forms.setdefault(_phrase_words(phrase), phrase)
            forms.setdefault(_phrase_words(phrase.translate(_ASCII_SWEDISH)), phrase)
        table[term.name] = tuple((phrase, key) for key, phrase in forms.items())
    return table


def find_terms(text: str) -> dict[str, str]:
    """Each term the text mentions, with the first of its phrases found."""
    message = _Message(text)
    found = {}
    for name, phrases in _term_phrases().items():
        phrase = next((phrase for phrase, key in phrases if _phrase_at(key, message)), None)
        if phrase is not None:
            found[name] = phrase
    return found


def find(text: str) -> list[Match]:
    """The red flags the text mentions, one Match per row whose terms are all found, the highest level first
    (then table order). Negations are not read: see the module's docstring."""
    terms = find_terms(text)
    found = [Match(row.id, row.symptom, row.level, " + ".join(terms[name] for name in row.when), row.reason,
                   row.sources)
             for row in RED_FLAGS if all(name in terms for name in row.when)]
    return sorted(found, key=lambda m: -m.level.rank)


def highest(matches: Iterable[Match]) -> Level | None:
    """The highest level among the matches, or None when there is none."""
    return max((m.level for m in matches), key=lambda level: level.rank, default=None)


def review_sheet() -> str:
    """The rows and the terms they look for, one line each, for a clinician's sign-off
    (`netcompanion triage --red-flags`)."""
    lines = [f"Red flags {RED_FLAGS_VERSION}. Id | symptom | navigator rule | level | terms (all must be found) | "
             "reason | sources"]
    for row in RED_FLAGS:
        lines.append(" | ".join((row.id, row.symptom, row.rule or "not in the navigator", row.level.value,
                                 " + ".join(row.when), row.reason, ", ".join(row.sources))))
    lines.append("Terms: name | English phrases | Swedish phrases (each also matches typed without å, ä, ö)")
    for term in TERMS:
        lines.append(" | ".join((term.name, "; ".join(term.english), "; ".join(term.swedish))))
    return "\n".join(lines)
