"""A small cast for the care team's workspace, and signing staff in with their second factor passed."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from netcompanion.accounts.models import Role, User
from netcompanion.careteam import services
from netcompanion.core.testing import FROZEN_TODAY as TODAY


@pytest.fixture
def cast(db):
    """Maria and Olle are patients; Johan a relative; Sara a nurse, Ali a doctor, Lena the lead nurse; Ada an
    administrator. Nobody is assigned to anyone yet."""
    def make(name, role, first, last, **extra):
        return User.objects.create_user(name, email=f"{name}@example.org", password="x", role=role,
                                        first_name=first, last_name=last, **extra)

    people = {"maria": make("maria", Role.PATIENT, "Maria", "Lind", record_number="100-1"),
              "olle": make("olle", Role.PATIENT, "Olle", "Berg", record_number="100-2"),
              "johan": make("johan", Role.RELATIVE, "Johan", "Lind"),
              "sara": make("sara", Role.NURSE, "Sara", "Ek"),
              "ali": make("ali", Role.DOCTOR, "Ali", "Haddad"),
              "lena": make("lena", Role.NURSE, "Lena", "Strand"),
              "ada": make("ada", Role.ADMIN, "Ada", "Admin", is_staff=True, is_superuser=True)}
    people["lena"].groups.add(Group.objects.get(name="Lead nurses"))
    return people


def assign(patient, staff, by=None):
    return services.assign(patient, staff, by or staff)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)
