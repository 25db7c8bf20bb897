"""Every sentence the explainer can show a patient: one row per text, reviewable line by line.

Each text has an id and the bibliography ids of the sources it rests on (netcompanion/bibliography).
They are sources of the guide page understanding-your-report, so a reviewer checks a claim here against
the same source as the guide, and the explanation links to that page. When shown, an explanation numbers
its sources in the order it first cites them and lists them under the text.

A text with no source makes no medical claim (a site name, a question, a pointer to the care
team). The citation is added after the last sentence when the text is shown, as on the guide.
Texts never give a personal outlook or a number about survival: that belongs with the care team.

The pancreas is not in the NCI PDQ for GI NETs, so its T categories and its stage groups I to III are
explained only in general terms. What N and M mean, that stage IV is any distant spread (M1), and the
kinds of treatment after spread are said in the same words as for the gut sites; a reviewer may want
the NCI PDQ for pancreatic NETs (nci-pdq-pnet-hp) added to the guide page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# Each text is marked for translation; the page that shows an explanation says it in the reader's language.
from netcompanion.translatable import gettext_noop as _

# The sources of the guide page understanding-your-report that the texts cite.
WHO_TABLE = "jnmt-who2019-gep-grading"
CANCERNET = "cancernet-net-grades"
CRUK = "cruk-net-grades-stages"
NCUK = "ncuk-stomach"
ENETS = "enets-pulmonary-carcinoids-abstract"
CITY_OF_HOPE = "city-of-hope-lung-carcinoid"
LUNG_WHO = "kasajima-kloppel-2024-lung-nen"
PDQ = "nci-pdq-gi-net-hp"
PTNM = "mypathologyreport-ptnm"


@dataclass(frozen=True)
class Text:
    id: str
    text: str
    sources: tuple[str, ...] = ()


HEADINGS = {
    "grade": _("What your grade means"),
    "stage": _("What your stage means"),
    "next": _("What usually comes next"),
    "questions": _("Questions to ask your doctor"),
    "glossary": _("The codes on your report"),
}

GUIDE_PAGE = "understanding-your-report"  # the guide page whose sources the texts cite
GUIDE_URL = f"/guide/{GUIDE_PAGE}/"

REMINDER = Text("REMINDER", _("This page explains your report in general terms. It does not replace your care team. "
                            "They know your whole situation and can tell you what your results mean for you."))

SITE_LINE = Text("SITE-LINE", _("Your report is about a tumour that started in the {site}."))

# The organ in plain words, shown inside SITE_LINE.
SITES = {
    "stomach": Text("SITE-STOMACH", _("stomach")),
    "duodenum": Text("SITE-DUODENUM", _("duodenum, the first part of the small bowel")),
    "ampulla": Text("SITE-AMPULLA", _("ampulla, where the bile duct meets the bowel")),
    "jejunum_ileum": Text("SITE-JEJUNUM-ILEUM", _("small intestine (jejunum and ileum)")),
    "appendix": Text("SITE-APPENDIX", _("appendix, a small pouch off the bowel")),
    "colon_rectum": Text("SITE-COLON-RECTUM", _("large bowel (colon or rectum)")),
    "pancreas": Text("SITE-PANCREAS", _("pancreas, a gland behind the stomach")),
    "lung": Text("SITE-LUNG", _("lung")),
}

# Grade, by the grade of a NET or the category of the tumour.
GRADES = {
    "G1": Text("GRADE-G1", _("Your NET is grade 1 (G1), the lowest of three grades. Its cells divide slowly. So it is "
                           "likely to grow slowly"), (CANCERNET, CRUK)),
    "G2": Text("GRADE-G2", _("Your NET is grade 2 (G2), the middle of three grades. Its cells divide at a moderate "
                           "pace: faster than in G1, but slower than in G3. So it is likely to grow at a slow to "
                           "moderate pace"), (CANCERNET, CRUK)),
    "G3": Text("GRADE-G3", _("Your NET is grade 3 (G3), the highest of three grades. Its cells divide quickly. So it "
                           "may grow faster than a G1 or G2 NET"), (CANCERNET, CRUK)),
    "NEC": Text("GRADE-NEC", _("Your report says NEC. This is short for neuroendocrine carcinoma. Its cells look very "
                             "different from normal cells. Doctors call this poorly differentiated. All NECs are "
                             "high grade, and they tend to grow fast"), (WHO_TABLE, CRUK, NCUK)),
    "typical_carcinoid": Text("GRADE-TYPICAL", _("Your report says typical carcinoid. This is a lung NET with fewer "
                                               "than 2 dividing cells in a small patch of 2 mm², and no areas of "
                                               "dead tissue. Typical carcinoids grow slowly and rarely spread. "
                                               "Newer reports may call it lung NET G1"),
                              (ENETS, CITY_OF_HOPE, LUNG_WHO)),
    "atypical_carcinoid": Text("GRADE-ATYPICAL", _("Your report says atypical carcinoid. This is a lung NET with 2 to "
                                                 "10 dividing cells in a small patch of 2 mm², or some areas of dead "
                                                 "tissue. Atypical carcinoids tend to grow and spread faster than "
                                                 "typical ones. Newer reports may call it lung NET G2"),
                               (ENETS, CITY_OF_HOPE, LUNG_WHO)),
    "high_grade": Text("GRADE-LUNG-HIGH", _("Your report describes a high-grade lung tumour, not a carcinoid. High "
                                          "grade means the cells divide quickly. So the tumour may grow faster"),
                       (CANCERNET, CRUK, ENETS)),
}

# Said alongside the grade when the grade result calls for it.
GRADE_NOTES = {
    "well_differentiated": Text("GRADE-NET-WELL", _("Your tumour is a NET, short for neuroendocrine tumour. Its cells "
                                                  "still look somewhat like normal cells. Doctors call this well "
                                                  "differentiated"), (CRUK,)),
    "net_or_nec": Text("GRADE-NET-OR-NEC", _("NETs and NECs are very different, so it matters which one you have. "
                                           "Ask your team if you are not sure"), (CRUK,)),
    "only_ki67": Text("GRADE-ONLY-KI67", _("Only the Ki-67 index was given, not the mitotic count. The higher of "
                                         "the two sets the grade. So your grade could be higher once the mitotic "
                                         "count is known"), (WHO_TABLE,)),
    "only_mitoses": Text("GRADE-ONLY-MITOSES", _("Only the mitotic count was given, not the Ki-67 index. The higher "
                                               "of the two sets the grade. So your grade could be higher once the "
                                               "Ki-67 index is known"), (WHO_TABLE,)),
    "disagree": Text("GRADE-DISAGREE", _("Your Ki-67 index and your mitotic count point to different grades. The "
                                       "higher grade counts. So your grade is {grade}"), (WHO_TABLE,)),
    "poor_but_low": Text("GRADE-POOR-BUT-LOW", _("Your report calls the cells poorly differentiated, but the cell "
                                               "counts are lower than is usual for that. This is unusual. It is "
                                               "worth asking your team or the pathologist about it"),
                         (WHO_TABLE, ENETS)),
    "lung_ki67": Text("GRADE-LUNG-KI67", _("Lung NETs are not sorted by the Ki-67 index. The number of dividing "
                                         "cells and any areas of dead tissue decide the type"), (ENETS, LUNG_WHO)),
}

# T, by the family of sites that share a definition, then the T category.
T_FAMILY = {
    "stomach": "wall_1cm", "jejunum_ileum": "wall_1cm", "duodenum": "duodenum", "ampulla": "ampulla",
    "colon_rectum": "wall_2cm", "appendix": "appendix", "pancreas": "general",
}
_T1_1CM = Text("T1-WALL-1CM", _("The main tumour is 1 cm or smaller. It is only in the inner layers of the gut wall"),
               (PDQ,))
_T2_1CM = Text("T2-WALL-1CM", _("The main tumour has grown into the muscle layer of the gut wall, or it is bigger than "
                              "1 cm"), (PDQ,))
_T3_WALL = Text("T3-WALL", _("The main tumour has grown through the muscle layer of the gut wall. It has reached the "
                           "tissue just under the outer lining, but not through it"), (PDQ,))
_T4_WALL = Text("T4-WALL", _("The main tumour has grown through the outer lining, or into nearby organs"), (PDQ,))
_T3_PANCREAS_SIDE = Text("T3-INTO-PANCREAS", _("The main tumour has grown into the pancreas, or into the fat around "
                                             "it"), (PDQ,))
T_TEXTS = {
    ("wall_1cm", "T1"): _T1_1CM,
    ("wall_1cm", "T2"): _T2_1CM,
    ("wall_1cm", "T3"): _T3_WALL,
    ("wall_1cm", "T4"): _T4_WALL,
    ("duodenum", "T1"): _T1_1CM,
    ("duodenum", "T2"): _T2_1CM,
    ("duodenum", "T3"): _T3_PANCREAS_SIDE,
    ("duodenum", "T4"): _T4_WALL,
    ("ampulla", "T1"): Text("T1-AMPULLA", _("The main tumour is 1 cm or smaller. It is still inside the ring of "
                                          "muscle around the ampulla"), (PDQ,)),
    ("ampulla", "T2"): Text("T2-AMPULLA", _("The main tumour has grown through the ring of muscle around the "
                                          "ampulla, into the bowel wall. Or it is bigger than 1 cm"), (PDQ,)),
    ("ampulla", "T3"): _T3_PANCREAS_SIDE,
    ("ampulla", "T4"): _T4_WALL,
    ("wall_2cm", "T1"): Text("T1-WALL-2CM", _("The main tumour is 2 cm or smaller. It is only in the inner layers "
                                            "of the gut wall"), (PDQ,)),
    ("wall_2cm", "T2"): Text("T2-WALL-2CM", _("The main tumour has grown into the muscle layer of the gut wall, or "
                                              "it is bigger than 2 cm"), (PDQ,)),
    ("wall_2cm", "T3"): _T3_WALL,
    ("wall_2cm", "T4"): _T4_WALL,
    ("appendix", "T1"): Text("T1-APPENDIX", _("The main tumour is 2 cm or smaller"), (PDQ,)),
    ("appendix", "T2"): Text("T2-APPENDIX", _("The main tumour is bigger than 2 cm, but not bigger than 4 cm"), (PDQ,)),
    ("appendix", "T3"): Text("T3-APPENDIX", _("The main tumour is bigger than 4 cm. Or it has grown into the layer "
                                            "under the outer lining, or into the fatty fold that holds the "
                                            "appendix"), (PDQ,)),
    ("appendix", "T4"): Text("T4-APPENDIX", _("The main tumour has grown through the lining of the belly, or into "
                                            "nearby organs or muscle"), (PDQ,)),
    ("general", "T1"): Text("T1-GENERAL", _("The main tumour is in group T1, the smallest of four. The limits for "
                                          "each group depend on the organ"), (PDQ,)),
    ("general", "T2"): Text("T2-GENERAL", _("The main tumour is in group T2, the second of four. The limits for "
                                          "each group depend on the organ"), (PDQ,)),
    ("general", "T3"): Text("T3-GENERAL", _("The main tumour is in group T3, the third of four. The limits for "
                                          "each group depend on the organ"), (PDQ,)),
    ("general", "T4"): Text("T4-GENERAL", _("The main tumour is in group T4, the highest of four. The limits for "
                                          "each group depend on the organ"), (PDQ,)),
}
T_UNKNOWN = Text("TX", _("The size and depth of the main tumour could not be checked"), (PDQ,))

N_TEXTS = {
    "N0": Text("N0", _("No tumour cells were found in the nearby lymph nodes. These are small glands that filter "
                     "fluid from the tissues"), (PDQ,)),
    "N1": Text("N1", _("The tumour has spread to nearby lymph nodes. These are small glands that filter fluid from "
                     "the tissues"), (PDQ,)),
    "N2": Text("N2", _("The tumour has spread to 12 or more nearby lymph nodes. Or it has formed a lump bigger than "
                     "2 cm in the mesentery, the fan of tissue that holds the small bowel in place. N2 still "
                     "counts as stage III if there is no spread to organs further away"), (PDQ,)),
    "NX": Text("NX", _("It could not be checked whether the tumour has spread to nearby lymph nodes"), (PDQ,)),
}
N1_SMALL_BOWEL = Text("N1-SMALL-BOWEL", _("For the small bowel, N1 means fewer than 12 lymph nodes have tumour "
                                        "cells"), (PDQ,))

M_TEXTS = {
    "M0": Text("M0", _("The tumour has not spread to organs further away"), (PDQ,)),
    "M1": Text("M1", _("The tumour has spread to a part of the body further away. This is called a metastasis"),
               (PDQ,)),
    "M1a": Text("M1A", _("The tumour has spread to the liver, but not to other organs further away"), (PDQ,)),
    "M1b": Text("M1B", _("The tumour has spread to places outside the liver, such as the lungs, the bones or lymph "
                       "nodes further away"), (PDQ,)),
    "M1c": Text("M1C", _("The tumour has spread both to the liver and to places outside the liver"), (PDQ,)),
}

STAGES = {
    "I": Text("STAGE-I", _("Stage I means a small tumour that has not spread"), (PDQ,)),
    "II": Text("STAGE-II", _("Stage II means a larger or deeper tumour that has not spread"), (PDQ,)),
    "IIA": Text("STAGE-IIA", _("Stage IIA means the tumour has grown into the muscle layer of the bowel wall, or it "
                             "is bigger than 2 cm. It has not spread"), (PDQ,)),
    "IIB": Text("STAGE-IIB", _("Stage IIB means the tumour has grown through the muscle layer of the bowel wall. It "
                             "has not spread"), (PDQ,)),
    "III": Text("STAGE-III", _("Stage III means the tumour has grown through the outer lining or into nearby "
                             "organs, or it has spread to nearby lymph nodes. It has not spread to organs further "
                             "away"), (PDQ,)),
    "IIIA": Text("STAGE-IIIA", _("Stage IIIA means the tumour has grown through the outer lining of the bowel or "
                               "into nearby organs. It has not spread to lymph nodes or organs further away"), (PDQ,)),
    "IIIB": Text("STAGE-IIIB", _("Stage IIIB means the tumour has spread to nearby lymph nodes, but not to organs "
                               "further away"), (PDQ,)),
    "IV": Text("STAGE-IV", _("Stage IV means the tumour has spread to a part of the body further away from where it "
                           "started"), (PDQ,)),
}
STAGE_GENERAL = Text("STAGE-GENERAL", _("Your stage group is {stage}, on a scale from I to IV. The rules for each "
                                      "group depend on the organ"), (PDQ,))
STAGE_MISSING = Text("STAGE-MISSING", _("Your results do not give enough details to set a stage group from I to IV. "
                                      "This can happen when a part could not be checked, shown with an X"), (PDQ,))
STAGE_NOTES = {
    "living_with_spread": Text("STAGE-IV-SLOW", _("Many NETs grow slowly. Some people whose NET has spread live with "
                                                "it for several years. Spread on its own does not tell how things "
                                                "will go for one person"), (PDQ,)),
    "spread_one_person": Text("STAGE-IV-PERSON", _("Spread on its own does not tell how things will go for one "
                                                 "person"), (PDQ,)),
    "ask_team": Text("STAGE-ASK-TEAM", _("Your care team knows your whole situation. They are the best people to "
                                       "talk with about what this means for you.")),
    "nec": Text("STAGE-NEC", _("The stage rules used here were written for NETs. Your report says NEC, so ask your "
                             "team which stage rules apply to you"), (PDQ,)),
}

NEXT = {
    "plan": Text("NEXT-PLAN", _("Your care team puts your report together with your scans and other tests. The grade "
                              "and the stage help them plan your treatment with you"), (CANCERNET, CRUK, PTNM)),
    "not_spread": Text("NEXT-NOT-SPREAD", _("For a NET that has not spread to other organs, the main treatment is "
                                          "often an operation. It takes out the tumour and the lymph nodes near "
                                          "it"), (PDQ,)),
    "spread": Text("NEXT-SPREAD", _("When a NET has spread, there are several kinds of treatment. They include "
                                  "medicines called somatostatin analogues, treatment aimed at the liver, surgery "
                                  "and radionuclide therapy. Some aim to slow the tumour down. Others ease "
                                  "symptoms"), (PDQ,)),
    "nec": Text("NEXT-NEC", _("NETs and NECs are very different. So your team will plan treatment for the type you "
                            "have"), (CRUK,)),
    "followup_intro": Text("NEXT-FU-INTRO", _("Your suggested follow-up plan lists these checks. Your care team "
                                            "decides the final plan with you.")),
    "followup_item_years": Text("NEXT-FU-ITEM-YEARS", _("{check}. Every {every}, for {years}.")),
    "followup_item_open": Text("NEXT-FU-ITEM-OPEN", _("{check}. Every {every}, with no set end date.")),
    "followup_first": Text("NEXT-FU-FIRST", _("The first one is due about {first} after the start of follow-up.")),
    "followup_guideline": Text("NEXT-FU-GUIDELINE", _("This timing follows {guideline}.")),
    "followup_clinic": Text("NEXT-FU-CLINIC", _("Your clinic has set its own timing for this check.")),
    "followup_none": Text("NEXT-FU-NONE", _("Your suggested follow-up plan says no routine check-ups are needed. "
                                          "Please check this with your care team.")),
    "followup_ask": Text("NEXT-FU-ASK", _("Ask your team which check-ups you will need, and how often. Our guide "
                                        "page on follow-up checks explains what they involve.")),
    "guide": Text("NEXT-GUIDE", _("Our guide page on reading your pathology report explains these terms in more "
                                "detail.")),
}

QUESTIONS = {
    "intro": Text("Q-INTRO", _("The grade and the stage help your team plan your treatment. So it is worth asking "
                             "about both"), (CANCERNET, CRUK)),
    "grade_unknown": Text("Q-GRADE", _("What is my grade? What were my Ki-67 index and mitotic count?")),
    "net_or_nec": Text("Q-NET-OR-NEC", _("Is my tumour a NET or a NEC?")),
    "missing_mitoses": Text("Q-MITOSES", _("Was the mitotic count measured too? Could it change my grade?")),
    "missing_ki67": Text("Q-KI67", _("Was the Ki-67 index measured too? Could it change my grade?")),
    "stage_unknown": Text("Q-STAGE", _("What is my stage?")),
    "stage_parts": Text("Q-STAGE-PARTS", _("What does each part of my stage mean for me?")),
    "stage_missing": Text("Q-STAGE-MISSING",
                          _("Which parts of my stage could not be checked? Can they still be found?")),
    "spread": Text("Q-SPREAD", _("What are the options for treating the spread, and what would each one aim to do?")),
    "margins": Text("Q-MARGINS", _("If the tumour was removed, were all the edges of the removed tissue free of "
                                 "tumour?")),
    "treatment": Text("Q-TREATMENT", _("What do these results mean for my treatment and my check-ups?")),
    "followup_fit": Text("Q-FOLLOWUP", _("Does this follow-up plan fit me? Who books the checks?")),
    "engine_notes": Text("Q-NOTES", _("The check of my results added notes for my team. What do they mean for me?")),
    "copy": Text("Q-COPY", _("Can I have a copy of my report?")),
    "bring_someone": Text("Q-BRING", _("It can help to bring someone with you, and to write the answers down.")),
}

# One line per code the report used.
GLOSSARY = {
    "NET": Text("GLOSS-NET", _("NET means neuroendocrine tumour. Its cells still look somewhat like normal cells"),
                (CRUK,)),
    "NEC": Text("GLOSS-NEC", _("NEC means neuroendocrine carcinoma. Its cells look very abnormal"), (CRUK,)),
    "carcinoid": Text("GLOSS-CARCINOID", _("Carcinoid is an older name for a NET. It is still used for the lung"),
                      (ENETS, LUNG_WHO)),
    "G1": Text("GLOSS-G1", _("G1 means grade 1: the cells divide slowly"), (CANCERNET, CRUK)),
    "G2": Text("GLOSS-G2", _("G2 means grade 2: the cells divide at a moderate pace"), (CANCERNET, CRUK)),
    "G3": Text("GLOSS-G3", _("G3 means grade 3: the cells divide quickly"), (CANCERNET, CRUK)),
    "ki67": Text("GLOSS-KI67", _("The Ki-67 index is the share of tumour cells that are getting ready to divide"),
                 (CANCERNET, CRUK)),
    "mitoses": Text("GLOSS-MITOSES", _("The mitotic count is the number of cells caught in the act of splitting in "
                                     "two, in a small patch of 2 mm²"), (CANCERNET,)),
    "necrosis": Text("GLOSS-NECROSIS", _("Necrosis means areas of dead tissue in the tumour"), (ENETS,)),
    "p": Text("GLOSS-P", _("A small p in front, as in pT3, means the pathologist measured it on removed tissue"),
              (PTNM,)),
    "T1_part": Text("GLOSS-T1-PART", _("T1a and T1b are parts of group T1. Both count as T1 for the stage group"),
                    (PDQ,)),
    "T1": Text("GLOSS-T1", _("T1 is the smallest of four groups for the size and depth of the main tumour"), (PDQ,)),
    "T2": Text("GLOSS-T2", _("T2 means the main tumour is bigger, or has grown deeper, than in T1"), (PDQ,)),
    "T3": Text("GLOSS-T3", _("T3 means the main tumour is bigger, or has grown deeper, than in T2"), (PDQ,)),
    "T4": Text("GLOSS-T4", _("T4 is the highest group for the size and depth of the main tumour"), (PDQ,)),
    "TX": Text("GLOSS-TX", _("TX means the size and depth of the main tumour could not be checked"), (PDQ,)),
    "N0": Text("GLOSS-N0", _("N0 means no tumour cells were found in nearby lymph nodes"), (PDQ,)),
    "N1": Text("GLOSS-N1", _("N1 means tumour cells were found in nearby lymph nodes"), (PDQ,)),
    "N2": Text("GLOSS-N2", _("N2 means tumour cells in 12 or more nearby lymph nodes, or a lump bigger than 2 cm "
                           "near the bowel"), (PDQ,)),
    "NX": Text("GLOSS-NX", _("NX means the nearby lymph nodes could not be checked"), (PDQ,)),
    "M0": Text("GLOSS-M0", _("M0 means no spread to organs further away"), (PDQ,)),
    "M1": Text("GLOSS-M1", _("M1 means spread to a part of the body further away"), (PDQ,)),
    "M1a": Text("GLOSS-M1A", _("M1a means spread to the liver only"), (PDQ,)),
    "M1b": Text("GLOSS-M1B", _("M1b means spread outside the liver, such as to the lungs or bones"), (PDQ,)),
    "M1c": Text("GLOSS-M1C", _("M1c means spread both to the liver and outside it"), (PDQ,)),
}


def all_texts() -> Iterator[Text]:
    """Every text once (a text shared by several rows counts once), for reviewers and tests."""
    tables = (SITES, GRADES, GRADE_NOTES, T_TEXTS, N_TEXTS, M_TEXTS, STAGES, STAGE_NOTES, NEXT, QUESTIONS, GLOSSARY)
    singles = (REMINDER, SITE_LINE, T_UNKNOWN, N1_SMALL_BOWEL, STAGE_GENERAL, STAGE_MISSING)
    yield from dict.fromkeys((*singles, *(text for table in tables for text in table.values())))
