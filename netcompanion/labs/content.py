"""What the preparation pages say, and where it comes from.

Pure Python (no Django). Every source is one of /work/shared/reference/clinical.md §9; the tag
("S65") is kept so a reviewer can trace each statement back to the reference file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    tag: str
    title: str
    publisher: str
    url: str


SOURCES: dict[str, Source] = {s.tag: s for s in (
    Source("S62", "Factors affecting the concentration of chromogranin A (Table I)",
           "Archives of Medical Science 2016;12(1):1-9",
           "https://pmc.ncbi.nlm.nih.gov/articles/PMC4754364/table/T0001/"),
    Source("S63", "Discontinuation of proton pump inhibitors during assessment of chromogranin A levels in "
                  "patients with neuroendocrine tumours",
           "Korse CM et al. British Journal of Cancer 2011;105:1173",
           "https://pmc.ncbi.nlm.nih.gov/articles/PMC3208502/"),
    Source("S64", "Short-term proton pump inhibitor treatment and chromogranin A in healthy subjects",
           "Journal of Clinical Endocrinology & Metabolism 2012, doi 10.1210/jc.2012-1548",
           "https://doi.org/10.1210/jc.2012-1548"),
    Source("S65", "Dietary restrictions for 24 hour urine collections",
           "University Hospitals Sussex NHS Foundation Trust (UK)",
           "https://www.bsuh.nhs.uk/documents/dietary-restrictions-for-24-hour-urine-collections/"),
    Source("S66", "5-Hydroxyindole acetic acid, urine – 24 hour", "Warde Medical Laboratory (US)",
           "http://wardelab.com/test_page.asp?test=5-HYDROXYINDOLE+ACETIC+ACID%2C+URINE+-+24+HOUR"),
    Source("S67", "Serotonin (lab test information)", "Akron Children's Hospital laboratory (US)",
           "https://akronchildrens.org/lab_tests/Serotonin.html"),
    Source("S68", "Standardisation of dietary and medication restrictions for urine 5-hydroxyindoleacetic acid "
                  "(5-HIAA) collection", "Evidence review of Australian laboratory practice",
           "https://discovery.researcher.life/article/standardisation-of-dietary-and-medication-restrictions-for-"
           "urine-5-hydroxyindoleacetic-acid-5-hiaa-collection/1bd5d560014f362cb237711c99ec1551"),
    Source("S70", "Urine collection diet (5HIAA and catecholamine)", "Western Diagnostic Pathology (Australia)",
           "https://wdp.com.au/pre-test-collection-information/urine-collection-diet-5hiaa-catecholamine"),
)}

# The order in which each page lists its sources; citations on the page are numbered in this order.
HIAA_SOURCES = ("S65", "S66", "S67", "S68", "S70")
CGA_SOURCES = ("S62", "S63", "S64")


@dataclass(frozen=True)
class Food:
    name: str
    sources: tuple[str, ...]


# Foods to avoid from 48 hours before and all through a 24-hour urine 5-HIAA collection (clinical.md §5.2).
HIAA_FOODS: tuple[Food, ...] = (
    Food("avocado", ("S65", "S68")),
    Food("banana and plantain", ("S65", "S66", "S68")),
    Food("kiwi fruit", ("S65", "S68")),
    Food("pineapple", ("S65", "S68")),
    Food("plums", ("S65", "S68")),
    Food("tomatoes", ("S65", "S68")),
    Food("walnuts and other nuts, such as hickory nuts and pecans", ("S65", "S66", "S67", "S68")),
)
