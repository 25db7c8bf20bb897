from django import forms
from django_countries import countries

from netcompanion.supportgroups.models import Language, SupportGroup

INTERNATIONAL = "INT"
INVALID_CHOICE = "We do not have that option. Please choose one from the list."


class GroupFilterForm(forms.Form):
    """Directory filters; the choices offered are the ones some listed group has."""

    country = forms.ChoiceField(required=False)
    language = forms.ChoiceField(required=False)
    format = forms.ChoiceField(
        required=False,
        label="Meets",
        choices=[("", "Online or in person"), ("online", "Online"), ("in_person", "In person")],
    )
    audience = forms.ChoiceField(
        required=False,
        label="For",
        choices=[("", "Patients or relatives"), ("patients", "Patients"), ("relatives", "Relatives")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        listed = SupportGroup.objects.listed()
        codes = set(listed.values_list("country", flat=True))
        country_choices = sorted(((c, countries.name(c)) for c in codes if c), key=lambda x: x[1])
        if "" in codes:
            country_choices.insert(0, (INTERNATIONAL, "International"))
        self.fields["country"].choices = [("", "Any country"), *country_choices]
        languages = Language.objects.filter(groups__in=listed).distinct()
        self.fields["language"].choices = [("", "Any language"),
                                           *((language.code, language.name) for language in languages)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = INVALID_CHOICE

    def apply(self, groups):
        data = self.cleaned_data
        if data["country"] == INTERNATIONAL:
            groups = groups.filter(country="")
        elif data["country"]:
            groups = groups.filter(country=data["country"])
        if data["language"]:
            groups = groups.filter(languages__code=data["language"])
        if data["format"]:
            groups = groups.filter(**{data["format"]: True})
        if data["audience"]:
            groups = groups.filter(**{f"for_{data['audience']}": True})
        return groups
