"""Phone numbers as people write them: one check for every form that takes one, and the number for a tel: link."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-./]*[0-9][0-9 ()\-./]*$",
    _("Use digits, spaces and a + at the start, for example +46 8 123 45 67."))


def tel_link(phone: str) -> str:
    """The number for a tel: link: digits and a leading +."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return ("+" if phone.strip().startswith("+") else "") + digits
