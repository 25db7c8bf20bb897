"""What the preparation pages say, and where it comes from.

Pure Python (no Django). Sources are bibliography ids (netcompanion/bibliography/sources.toml).
"""

from __future__ import annotations

from dataclasses import dataclass

from netcompanion.translatable import gettext_noop

UK_LAB = "uhsussex-24h-urine-diet"  # a UK NHS hospital lab's diet for 24-hour urine collections
US_LAB = "warde-5hiaa-24h-urine"
US_CHILDRENS_LAB = "akron-serotonin-lab"
EVIDENCE_REVIEW = "au-5hiaa-restrictions"  # the evidence review of Australian laboratory practice
AU_LAB = "wdp-urine-collection-diet"
CGA_FACTORS = "arch-med-sci-2016-cga-factors"
PPI_STUDY = "korse-2011-ppi-cga"
PPI_HEALTHY = "jcem-2012-ppi-cga"

# The order in which each page lists its sources; citations on the page are numbered in this order.
HIAA_SOURCES = (UK_LAB, US_LAB, US_CHILDRENS_LAB, EVIDENCE_REVIEW, AU_LAB)
CGA_SOURCES = (CGA_FACTORS, PPI_STUDY, PPI_HEALTHY)


@dataclass(frozen=True)
class Food:
    name: str
    sources: tuple[str, ...]


# Foods to avoid from 48 hours before and all through a 24-hour urine 5-HIAA collection.
HIAA_FOODS: tuple[Food, ...] = (
    Food(gettext_noop("avocado"), (UK_LAB, EVIDENCE_REVIEW)),
    Food(gettext_noop("banana and plantain"), (UK_LAB, US_LAB, EVIDENCE_REVIEW)),
    Food(gettext_noop("kiwi fruit"), (UK_LAB, EVIDENCE_REVIEW)),
    Food(gettext_noop("pineapple"), (UK_LAB, EVIDENCE_REVIEW)),
    Food(gettext_noop("plums"), (UK_LAB, EVIDENCE_REVIEW)),
    Food(gettext_noop("tomatoes"), (UK_LAB, EVIDENCE_REVIEW)),
    Food(gettext_noop("walnuts and other nuts, such as hickory nuts and pecans"),
         (UK_LAB, US_LAB, US_CHILDRENS_LAB, EVIDENCE_REVIEW)),
)
