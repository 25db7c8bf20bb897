"""The suite's cast, with Maria looked after by Sara; Ali, a doctor, looks after nobody."""


import pytest

from netcompanion.careteam import services as careteam

# The worked example of issue #6: a small-intestine NET G2 with Ki-67 8 %, pT3 pN1 (3/14) M1a.
REPORT = {"site": "jejunum_ileum", "ki67_percent": "8", "t": "pT3", "n": "pN1 (3/14)", "m": "M1a",
          "resected": "yes"}


@pytest.fixture
def cast(cast):
    careteam.assign(cast["maria"], cast["sara"], cast["ada"])
    return cast


def field_errors(response, name: str) -> list[str]:
    """The messages shown next to one field of the page's form."""
    return list(response.context["form"].errors.get(name, []))
