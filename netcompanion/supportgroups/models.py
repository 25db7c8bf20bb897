import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

# The names of the languages groups work in, in the reader's language; a language added in the admin and not listed
# here shows the name typed there.
LANGUAGE_NAMES = {
    "en": _("English"), "sv": _("Swedish"), "fr": _("French"), "de": _("German"), "es": _("Spanish"),
    "no": _("Norwegian"), "nl": _("Dutch"), "da": _("Danish"), "fi": _("Finnish"), "ar": _("Arabic"),
}


class Language(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("ISO 639-1, e.g. en, sv"))
    name = models.CharField(_("name"), max_length=64)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return str(LANGUAGE_NAMES.get(self.code, self.name))


class SupportGroupQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(is_listed=True)


class SupportGroup(models.Model):
    """A patient organisation or support group, as checked by a person on `last_checked`."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    country = CountryField(_("country"), blank=True, help_text=_("Leave empty for an international organisation."))
    city = models.CharField(_("region or city"), max_length=100, blank=True,
                            help_text=_("Only for a group that serves one region or city."))
    online = models.BooleanField(_("online"), default=False, help_text=_("Meets or offers support online."))
    in_person = models.BooleanField(_("in person"), default=False, help_text=_("Holds meetings in person."))
    languages = models.ManyToManyField(Language, related_name="groups", verbose_name=_("languages"))
    for_patients = models.BooleanField(_("for patients"), default=True)
    for_relatives = models.BooleanField(_("for relatives"), default=True)
    website = models.URLField(_("website"))
    description = models.TextField(_("description"), max_length=600)
    description_sv = models.TextField(_("description in Swedish"), max_length=600, blank=True,
                                      help_text=_("Shown to people who read the site in Swedish."))
    last_checked = models.DateField(_("last checked"))
    is_listed = models.BooleanField(_("listed"), default=True, help_text=_("Untick to hide without deleting."))

    objects = SupportGroupQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        indexes = [models.Index(fields=["country", "is_listed"])]
        verbose_name = _("support group")
        verbose_name_plural = _("support groups")

    def __str__(self) -> str:
        return self.name

    @property
    def described(self) -> str:
        """The description in the reader's language where the directory has one, else in English."""
        if self.description_sv and (get_language() or "").startswith("sv"):
            return self.description_sv
        return self.description
