import uuid

from django.db import models
from django.db.models.functions import Lower
from django_countries.fields import CountryField


class Language(models.Model):
    code = models.CharField(max_length=8, unique=True, help_text="ISO 639-1, e.g. en, sv")
    name = models.CharField(max_length=64)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SupportGroupQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(is_listed=True)


class SupportGroup(models.Model):
    """A patient organisation or support group, as checked by a person on `last_checked`."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    name = models.CharField(max_length=200, unique=True)
    country = CountryField(blank=True, help_text="Leave empty for an international organisation.")
    city = models.CharField(max_length=100, blank=True)
    online = models.BooleanField(default=False, help_text="Meets or offers support online.")
    in_person = models.BooleanField(default=False, help_text="Holds meetings in person.")
    languages = models.ManyToManyField(Language, related_name="groups")
    for_patients = models.BooleanField(default=True)
    for_relatives = models.BooleanField(default=True)
    website = models.URLField()
    description = models.TextField(max_length=600)
    last_checked = models.DateField()
    is_listed = models.BooleanField(default=True, help_text="Untick to hide without deleting.")

    objects = SupportGroupQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        indexes = [models.Index(fields=["country", "is_listed"])]

    def __str__(self) -> str:
        return self.name
