"""Form fields shared by every form that takes a number a person types or copies from a report, and the list of
countries forms offer."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class DecimalNumberField(forms.DecimalField):
    """A number typed as text (so what was typed is kept), read strictly in the reader's language.

    Where the language writes decimals with a comma (Swedish "72,5"), a comma or a point is the decimal sign: both
    are common on Swedish keyboards and reports, and neither groups thousands there. Where it writes a point (English),
    a comma is refused rather than guessed: "1,200" could mean 1200 or 1.2, a thousandfold difference. Spaces, which
    group thousands in Swedish, are refused too, so a number is never read as something the person did not type.
    """

    widget = forms.TextInput

    default_error_messages = {
        "invalid": _("Enter a number, with a point for decimals (for example 3.5) and no spaces or commas."),
        "invalid_comma": _("Enter a number, with a comma for decimals (for example 3,5) and no spaces."),
        "min_value": _("The number cannot be negative. Copy it from your report."),
        "max_digits": _("Please check the number: it is too long."),
        "max_whole_digits": _("Please check the number: it is too big."),
        "max_decimal_places": _("Use at most %(max)s decimals."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)  # a kept value is shown back as the reader writes it ("72,5")
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        comma_language = get_format("DECIMAL_SEPARATOR") == ","
        invalid = "invalid_comma" if comma_language else "invalid"
        if comma_language and text.count(",") + text.count(".") <= 1:
            text = text.replace(",", ".")
        if "," in text:
            raise forms.ValidationError(self.error_messages[invalid], code="invalid")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(self.error_messages[invalid], code="invalid") from None
        if not number.is_finite():
            raise forms.ValidationError(self.error_messages[invalid], code="invalid")
        return number

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"}


def country_choices() -> list[tuple[str, str]]:
    """Every country, named and sorted in the reader's language each time a form draws them (pass the function
    itself as ``choices``): a list made when a module loaded kept the names in English on Swedish pages."""
    return [("", str(_("Choose a country"))), *countries]
