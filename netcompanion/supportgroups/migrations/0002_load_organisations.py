"""Loads well-known NET patient organisations into the directory.

Staff keep the directory current in the admin from then on; this migration
only adds rows whose name is not there yet, so it never overwrites an edit.
"""

import datetime as dt

from django.db import migrations

CHECKED = dt.date(2026, 11, 21)

LANGUAGES = {"en": "English", "fr": "French", "sv": "Swedish", "de": "German", "es": "Spanish", "no": "Norwegian", "nl": "Dutch", "da": "Danish"}

ORGANISATIONS = [
    {
        "name": "International Neuroendocrine Cancer Alliance (INCA)",
        "country": "", "city": "", "online": True, "in_person": False, "languages": ["en"],
        "website": "https://incalliance.org/",
        "description": "A global alliance of NET patient groups and research organisations. INCA runs "
                       "NET Cancer Day each 10 November and can point you to a member group in your country.",
    },
    {
        "name": "Neuroendocrine Cancer UK (formerly NET Patient Foundation)",
        "country": "GB", "city": "", "online": True, "in_person": True, "languages": ["en"],
        "website": "https://www.neuroendocrinecancer.org.uk/",
        "description": "The UK charity for people affected by neuroendocrine cancer. It offers specialist "
                       "nurse support, information, local support groups and online meetings.",
    },
    {
        "name": "Carcinoid Cancer Foundation",
        "country": "US", "city": "", "online": True, "in_person": False, "languages": ["en", "es"],
        "website": "https://www.carcinoid.org/",
        "description": "The oldest NET foundation in the United States. It publishes patient information, "
                       "lists NET specialists and support groups, and holds online events.",
    },
    {
        "name": "Neuroendocrine Tumor Research Foundation (NETRF)",
        "country": "US", "city": "", "online": True, "in_person": False, "languages": ["en"],
        "website": "https://netrf.org/",
        "description": "Funds research into NETs and offers patient guides, videos and online "
                       "education for patients and families.",
    },
    {
        "name": "NeuroEndocrine Cancer Australia",
        "country": "AU", "city": "", "online": True, "in_person": True, "languages": ["en"],
        "website": "https://neuroendocrine.org.au/",
        "description": "The national charity for Australians with neuroendocrine cancer. It has specialist "
                       "nurses you can talk to, and links to local support groups across the country.",
    },
    {
        "name": "CNETS Canada",
        "country": "CA", "city": "", "online": True, "in_person": True, "languages": ["en", "fr"],
        "website": "https://cnetscanada.org/",
        "description": "The Canadian charity for people with NETs. It educates and advocates for patients, "
                       "runs support groups and funds research.",
    },
    {
        "name": "LACNETS (Los Angeles Carcinoid Neuroendocrine Tumor Society)",
        "country": "US", "city": "Los Angeles", "online": True, "in_person": True, "languages": ["en"],
        "website": "https://www.lacnets.org/",
        "description": "A patient society in Southern California with regular meetings, which are also "
                       "streamed online, and recorded talks by NET specialists.",
    },
    {
        "name": "Carpa NET",
        "country": "SE", "city": "", "online": True, "in_person": True, "languages": ["sv"],
        "website": "https://www.carpanet.se/",
        "description": "The Swedish patient association for people with neuroendocrine tumours and their "
                       "relatives. It holds meetings, shares information in Swedish and speaks up for patients.",
    },
    {
        "name": "CarciNor",
        "country": "NO", "city": "", "online": True, "in_person": True, "languages": ["no"],
        "website": "https://www.carcinor.no/",
        "description": "The Norwegian association for people with NET cancer and their relatives, with "
                       "local branches, meetings and a yearly research prize.",
    },
    {
        "name": "NET-groep",
        "country": "NL", "city": "", "online": True, "in_person": True, "languages": ["nl"],
        "website": "https://www.net-kanker.nl/",
        "description": "The Dutch foundation for people with neuroendocrine cancer. It brings patients, "
                       "relatives and professionals together, gives information and speaks up for patients.",
    },
    {
        "name": "NETPA (NET Patientforening)",
        "country": "DK", "city": "", "online": True, "in_person": True, "languages": ["da"],
        "website": "https://www.netpa.dk/",
        "description": "The Danish patient association for people with NETs and their relatives, with "
                       "meetings and information in Danish.",
    },
]


def load(apps, schema_editor):
    Language = apps.get_model("supportgroups", "Language")
    SupportGroup = apps.get_model("supportgroups", "SupportGroup")
    languages = {
        code: Language.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in LANGUAGES.items()
    }
    for row in ORGANISATIONS:
        fields = {k: v for k, v in row.items() if k != "languages"}
        group, created = SupportGroup.objects.get_or_create(
            name=fields.pop("name"), defaults={**fields, "last_checked": CHECKED}
        )
        if created:
            group.languages.set([languages[c] for c in row["languages"]])


class Migration(migrations.Migration):
    dependencies = [("supportgroups", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
