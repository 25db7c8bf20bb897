"""The "About me" form: the country for everyone, and for a patient what the symptom check would otherwise ask
each time."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import AboutMe
from netcompanion.core.fields import country_choices
from netcompanion.navigator.questions import SITES

OLDEST = 120  # years; the symptom check's own upper bound for an age
LONGEST_PREGNANCY = dt.timedelta(weeks=43)  # a due date further away than this cannot be one
DIAGNOSED = {"yes": True, "no": False, "": None}


class AboutMeForm(forms.Form):
    """``patient``: whether to ask the patient's questions too; ``today`` bounds the year of birth and the due
    date (the view passes the site's today, tests theirs)."""

    country = forms.ChoiceField(
        label=_("Which country are you in?"), required=False, choices=country_choices,
        help_text=_("So we show you the emergency number of the country you are in."),
        error_messages={"invalid_choice": _("Please choose a country from the list.")})
    diagnosed_net = forms.ChoiceField(
        label=_("Have you been diagnosed with a neuroendocrine tumour (NET)?"), required=False,
        choices=[("yes", _("Yes")), ("no", _("No, or I do not know")), ("", _("I would rather not say"))],
        widget=forms.RadioSelect)
    primary_site = forms.ChoiceField(label=_("Where did your NET start?"), required=False,
                                     choices=[("", _("Not sure, or not diagnosed")), *SITES],
                                     error_messages={"invalid_choice": _("Please choose a place from the list.")})
    birth_year = forms.IntegerField(label=_("Your year of birth"), required=False,
                                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    pregnant = forms.BooleanField(label=_("I am pregnant"), required=False)
    due_date = forms.DateField(
        label=_("Expected due date"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("After this date we ask again whether you are pregnant."),
        error_messages={"invalid": _("Enter the date as year-month-day, for example 2027-01-31.")})

    def __init__(self, *args, patient: bool, today: dt.date, about: AboutMe | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if not patient:
            for name in ("diagnosed_net", "primary_site", "birth_year", "pregnant", "due_date"):
                del self.fields[name]
        elif about is not None and not self.is_bound:
            current = about.pregnant_on(today)
            self.initial |= {
                "diagnosed_net": {True: "yes", False: "no"}.get(about.diagnosed_net, ""),
                "primary_site": about.primary_site, "birth_year": about.birth_year,
                "pregnant": current, "due_date": about.due_date if current else None}

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        first, last = self.today.year - OLDEST, self.today.year
        if year is not None and not first <= year <= last:
            raise forms.ValidationError(_("Use a year from %(first)s to %(last)s.") % {"first": first, "last": last})
        return year

    def clean(self):
        cleaned = super().clean()
        if "pregnant" not in self.fields:
            return cleaned
        pregnant, due = cleaned.get("pregnant"), cleaned.get("due_date")
        if pregnant and due is None and "due_date" not in self.errors:
            self.add_error("due_date", _("Please give the expected due date: after it we ask again."))
        elif due is not None and not pregnant:
            self.add_error("pregnant", _("Tick “I am pregnant” to keep a due date, or leave the date empty."))
        elif due is not None and due < self.today:
            self.add_error("due_date", _("This date has passed. If you are still pregnant, give the new due date."))
        elif due is not None and due > self.today + LONGEST_PREGNANCY:
            self.add_error("due_date", _("A due date is at most about 42 weeks away. Please check the date."))
        return cleaned

    def facts(self) -> dict | None:
        """AboutMe's fields as stored, or None when the form does not ask them (not a patient)."""
        if "diagnosed_net" not in self.fields:
            return None
        data = self.cleaned_data
        return {"diagnosed_net": DIAGNOSED[data["diagnosed_net"]], "primary_site": data["primary_site"],
                "birth_year": data["birth_year"], "due_date": data["due_date"] if data["pregnant"] else None}
