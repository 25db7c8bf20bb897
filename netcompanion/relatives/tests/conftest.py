import re

import pytest
from django.core import mail

from netcompanion.accounts.models import Role, User
from netcompanion.relatives import services

ALL = ["can_view_diary", "can_view_care", "can_add_entries"]


@pytest.fixture
def cast(db):
    """Maria shares her record; Olle is another patient; Johan and Eva are relatives; Sara a nurse, Ali a doctor,
    Ada an administrator."""
    def make(name, role, first="", last="", **extra):
        return User.objects.create_user(name, email=f"{name}@example.org", password="x", role=role,
                                        first_name=first, last_name=last, **extra)

    return {"maria": make("maria", Role.PATIENT, "Maria", "Lind"), "olle": make("olle", Role.PATIENT, "Olle", "Berg"),
            "johan": make("johan", Role.RELATIVE, "Johan", "Lind"), "eva": make("eva", Role.RELATIVE, "Eva", "Berg"),
            "sara": make("sara", Role.NURSE, "Sara", "Ek"), "ali": make("ali", Role.DOCTOR, "Ali", "Haddad"),
            "ada": make("ada", Role.ADMIN, "Ada", "Admin", is_staff=True, is_superuser=True)}


def grant(patient, relative, permissions):
    """An accepted grant from ``patient`` to ``relative``, made the way the pages make it."""
    made, _ = services.invite(patient, relative.email, permissions)
    return services.accept(made, relative)


def link_in_last_mail() -> str:
    return re.search(r"http://testserver(/relatives/accept/[^/\s]+/)", mail.outbox[-1].body).group(1)
