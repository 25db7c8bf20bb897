"""The staging input contract, validated as strictly as the navigator's case.

Values that only make sense for some sites (invasion levels, T, N and M categories, a mesenteric
mass) are checked against the site's own table, and the refusal lists what the site allows.
Contradictions between facts and a T, N or M given directly are the engine's to find.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from netcompanion.contract import FieldError, InvalidCase, Strict, validated
from netcompanion.staging.tables import SITES
from netcompanion.translatable import Wording, gettext_noop

Site = Literal["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum", "pancreas"]
Place = Literal["liver", "lung", "bone", "peritoneum", "distant_nodes", "brain", "other"]
Cm = Annotated[float, Field(gt=0, le=100)]
Count = Annotated[int, Field(ge=0, le=1000)]


class InvalidInput(InvalidCase):
    """The input breaks the contract or contradicts itself; `errors` name each field and say what is wrong."""


class StagingInput(Strict):
    site: Site
    size_cm: Cm | None = Field(default=None, description="Greatest size of the primary tumour.")
    invasion: str | None = Field(default=None, description="How deep the tumour grows; see INVASION_BY_SITE.")
    nodes_positive: Count | None = Field(default=None, description="Regional lymph nodes with cancer.")
    nodes_examined: Count | None = None
    mesenteric_mass_cm: Annotated[float, Field(ge=0, le=100)] | None = Field(
        default=None, description="Jejunum and ileum only; 0 when there is none. Left out with a node count, "
                                  "no mass over 2 cm is assumed and a warning says so.")
    metastases: list[Place] | None = Field(
        default=None, description="Places of distant metastases; absent or empty means none (M0).")
    T: str | None = None
    N: str | None = None
    M: str | None = None

    @field_validator("metastases")
    @classmethod
    def _each_place_once(cls, places: list[str] | None) -> list[str] | None:
        if places is not None and len(set(places)) != len(places):
            raise ValueError("list each place once")
        return places


NOT_ONE_OF = {
    "invasion": gettext_noop("%(value)s is not an invasion level for the %(site)s; use one of: %(allowed)s"),
    "T": gettext_noop("%(value)s is not an AJCC 8th T category for the %(site)s; use one of: %(allowed)s"),
    "N": gettext_noop("%(value)s is not an AJCC 8th N category for the %(site)s; use one of: %(allowed)s"),
    "M": gettext_noop("%(value)s is not an AJCC 8th M category for the %(site)s; use one of: %(allowed)s"),
}
NO_MASS = gettext_noop("a mesenteric mass is not part of staging for the %(site)s; leave it out or give 0")


def _refusal(name: str, text: str, **params: str | Wording) -> FieldError:
    wording = Wording(text=text, params=params)
    return FieldError(name, wording.in_language(), wording=wording)


def _site_errors(facts: StagingInput) -> list[FieldError]:
    table = SITES[facts.site]
    site = Wording(text=table.name)
    errors = []
    allowed_by_field = {"invasion": table.invasion, "T": table.t_values, "N": table.n_values, "M": table.m_values}
    for name, allowed in allowed_by_field.items():
        value = getattr(facts, name)
        if value is not None and value not in allowed:
            errors.append(_refusal(name, NOT_ONE_OF[name], value=repr(value), site=site, allowed=", ".join(allowed)))
    if facts.nodes_positive is not None and facts.nodes_examined is not None \
            and facts.nodes_positive > facts.nodes_examined:
        errors.append(_refusal("nodes_positive", gettext_noop("more nodes with cancer (%(positive)s) than nodes "
                                                              "examined (%(examined)s)"),
                               positive=str(facts.nodes_positive), examined=str(facts.nodes_examined)))
    if facts.mesenteric_mass_cm and not table.reads_mesenteric_mass:
        errors.append(_refusal("mesenteric_mass_cm", NO_MASS, site=site))
    return errors


def parse_input(data: Any) -> StagingInput:
    """Validated staging facts from decoded JSON, or InvalidInput naming every bad field."""
    facts = validated(StagingInput, data, InvalidInput)
    if errors := _site_errors(facts):
        raise InvalidInput(errors)
    return facts
