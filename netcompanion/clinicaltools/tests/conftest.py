"""A small cast: Maria (patient) is looked after by Sara (nurse); Olle is another patient; Johan, Maria's
relative; Ali, a doctor who looks after nobody; Ada, an administrator."""


import pytest

from netcompanion.accounts.models import Role, User
from netcompanion.careteam import services as careteam

# The worked example of issue #6: a small-intestine NET G2 with Ki-67 8 %, pT3 pN1 (3/14) M1a.
REPORT = {"site": "jejunum_ileum", "ki67_percent": "8", "t": "pT3", "n": "pN1 (3/14)", "m": "M1a",
          "resected": "yes"}


@pytest.fixture
def cast(db):
    def make(name, role, first, last, **extra):
        return User.objects.create_user(name, email=f"{name}@example.org", password="x", role=role,
                                        first_name=first, last_name=last, **extra)

    people = {"maria": make("maria", Role.PATIENT, "Maria", "Lind", record_number="100-1"),
              "olle": make("olle", Role.PATIENT, "Olle", "Berg"),
              "johan": make("johan", Role.RELATIVE, "Johan", "Lind"),
              "sara": make("sara", Role.NURSE, "Sara", "Ek"),
              "ali": make("ali", Role.DOCTOR, "Ali", "Haddad"),
              "ada": make("ada", Role.ADMIN, "Ada", "Admin", is_staff=True, is_superuser=True)}
    careteam.assign(people["maria"], people["sara"], people["ada"])
    return people


def field_errors(response, name: str) -> list[str]:
    """The messages shown next to one field of the page's form."""
    return list(response.context["form"].errors.get(name, []))
