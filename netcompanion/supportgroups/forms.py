from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netcompanion.supportgroups.models import Language, SupportGroup

INTERNATIONAL = "INT"
INVALID_CHOICE = _("We do not have that option. Please choose one from the list.")


class GroupFilterForm(forms.Form):
    """Directory filters; the choices offered are the ones some listed group has."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region or city"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    format = forms.ChoiceField(
        required=False,
        label=_("Meets"),
        choices=[("", _("Online or in person")), ("online", _("Online")), ("in_person", _("In person"))],
    )
    audience = forms.ChoiceField(
        required=False,
        label=_("For"),
        choices=[("", _("Patients or relatives")), ("patients", _("Patients")), ("relatives", _("Relatives"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        listed = SupportGroup.objects.listed()
        codes = set(listed.values_list("country", flat=True))
        country_choices = sorted(((c, countries.name(c)) for c in codes if c), key=lambda x: x[1])
        if "" in codes:
            country_choices.insert(0, (INTERNATIONAL, _("International")))
        self.fields["country"].choices = [("", _("Any country")), *country_choices]
        places = sorted({(city, country) for city, country in listed.exclude(city="").values_list("city", "country")})
        self.fields["region"].choices = [("", _("Anywhere")), *(
            (city, _("%(region)s (%(country)s)") % {"region": city, "country": countries.name(country)}
             if country else city) for city, country in places)]
        languages = Language.objects.filter(groups__in=listed).distinct()
        self.fields["language"].choices = [("", _("Any language")),
                                           *((language.code, str(language)) for language in languages)]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = INVALID_CHOICE

    def apply(self, groups):
        data = self.cleaned_data
        if data["country"] == INTERNATIONAL:
            groups = groups.filter(country="")
        elif data["country"]:
            groups = groups.filter(country=data["country"])
        if data["region"]:
            groups = groups.filter(city=data["region"])
        if data["language"]:
            groups = groups.filter(languages__code=data["language"])
        if data["format"]:
            groups = groups.filter(**{data["format"]: True})
        if data["audience"]:
            groups = groups.filter(**{f"for_{data['audience']}": True})
        return groups
