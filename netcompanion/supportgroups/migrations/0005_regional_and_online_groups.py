"""Adds regional and online groups, Swedish ones among them, so that the directory's filters narrow (before, every
group was national, online and for relatives), and Swedish descriptions for every group it loaded.

Each group is a real organisation or service with its public web address, as checked on CHECKED; no phone numbers
or people are listed. Like 0002, it only adds a group whose name is not there yet and writes a Swedish description
only where none was written, so it never overwrites what staff changed in the admin.
"""

import datetime as dt

from django.db import migrations

CHECKED = dt.date(2026, 12, 7)

GROUPS = [
    {
        "name": "Cancerlinjen (Cancerfonden)",
        "country": "SE", "city": "", "online": True, "in_person": False, "languages": ["sv"],
        "for_patients": True, "for_relatives": True,
        "website": "https://www.cancerfonden.se/cancerlinjen",
        "description": "The Swedish Cancer Society's advice and support line. Nurses with experience of cancer care "
                       "answer questions by phone and e-mail, for patients, relatives and anyone worried about cancer.",
        "description_sv": "Cancerfondens linje för råd och stöd. Sjuksköterskor med erfarenhet av cancervård svarar "
                          "på frågor på telefon och mejl, för patienter, närstående och alla som oroar sig för cancer.",
    },
    {
        "name": "Ung Cancer",
        "country": "SE", "city": "", "online": True, "in_person": True, "languages": ["sv"],
        "for_patients": True, "for_relatives": True,
        "website": "https://ungcancer.se/",
        "description": "A Swedish association for young adults (16 to 30) who have or have had cancer, or are close "
                       "to someone who has. Members meet online and at meetings around Sweden.",
        "description_sv": "En förening för unga vuxna (16 till 30 år) som har eller har haft cancer, eller står nära "
                          "någon som har det. Medlemmarna träffas digitalt och på träffar runt om i Sverige.",
    },
    {
        "name": "Nära Cancer",
        "country": "SE", "city": "", "online": True, "in_person": False, "languages": ["sv"],
        "for_patients": False, "for_relatives": True,
        "website": "https://www.naracancer.se/",
        "description": "A website and forum for young people in Sweden who are close to someone with cancer, or who "
                       "have lost someone to it. Run from the oncology clinic in Örebro with support from the "
                       "regional cancer centre (RCC Mellansverige).",
        "description_sv": "En webbplats och ett forum för unga i Sverige som står nära någon som har cancer, eller som "
                          "har förlorat någon i cancer. Drivs från Onkologiska kliniken i Örebro med stöd från "
                          "Regionalt cancercentrum Mellansverige.",
    },
    {
        "name": "Centrum för cancerrehabilitering (Region Stockholm)",
        "country": "SE", "city": "Stockholm", "online": False, "in_person": True, "languages": ["sv"],
        "for_patients": True, "for_relatives": False,
        "website": "https://www.rehabcancer.se/",
        "description": "Specialised rehabilitation for adults in Stockholm County who have or have had cancer, at "
                       "Sabbatsberg hospital: a team helps with tiredness, pain, eating, work and mood. You need a "
                       "referral from your cancer clinic or your GP.",
        "description_sv": "Specialiserad rehabilitering för vuxna i Stockholms län som har eller har haft cancer, på "
                          "Sabbatsbergs sjukhus. Ett team hjälper med trötthet, smärta, mat, arbete och mående. Du "
                          "behöver en remiss från din cancermottagning eller vårdcentral.",
    },
    {
        "name": "Maggie's",
        "country": "GB", "city": "", "online": True, "in_person": True, "languages": ["en"],
        "for_patients": True, "for_relatives": True,
        "website": "https://www.maggiescentres.org/",
        "description": "Free practical, emotional and social support for people with cancer and their family and "
                       "friends, in centres in the grounds of NHS cancer hospitals and online.",
        "description_sv": "Gratis praktiskt, känslomässigt och socialt stöd för personer med cancer och deras familj "
                          "och vänner, i hus vid brittiska cancersjukhus och på nätet.",
    },
    {
        "name": "Macmillan Online Community",
        "country": "GB", "city": "", "online": True, "in_person": False, "languages": ["en"],
        "for_patients": True, "for_relatives": True,
        "website": "https://community.macmillan.org.uk/",
        "description": "Macmillan Cancer Support's online forum, where people with cancer, their families and "
                       "friends talk with others who know what it is like, at any time of day.",
        "description_sv": "Macmillan Cancer Supports forum på nätet, där personer med cancer och deras familj och "
                          "vänner pratar med andra som vet hur det är, när som helst på dygnet.",
    },
    {
        "name": "Cancer Chat (Cancer Research UK)",
        "country": "GB", "city": "", "online": True, "in_person": False, "languages": ["en"],
        "for_patients": True, "for_relatives": True,
        "website": "https://www.cancerresearchuk.org/about-cancer/cancer-chat",
        "description": "Cancer Research UK's free online forum for anyone affected by cancer, moderated by its "
                       "team, with nurses you can ask through the charity's helpline.",
        "description_sv": "Cancer Research UK:s kostnadsfria forum på nätet för alla som berörs av cancer. Forumet "
                          "modereras, och organisationens sjuksköterskor svarar på frågor via deras stödlinje.",
    },
    {
        "name": "Cancer Support Community",
        "country": "US", "city": "", "online": True, "in_person": True, "languages": ["en", "es"],
        "for_patients": True, "for_relatives": True,
        "website": "https://www.cancersupportcommunity.org/",
        "description": "A US non-profit with local centres, online support groups and a helpline for people with "
                       "cancer and their loved ones, in English and Spanish.",
        "description_sv": "En amerikansk ideell organisation med lokala center, stödgrupper på nätet och en stödlinje "
                          "för personer med cancer och deras närstående, på engelska och spanska.",
    },
]

# Swedish descriptions for the groups 0002 loaded, by name.
SWEDISH = {
    "International Neuroendocrine Cancer Alliance (INCA)":
        "En global allians av patientföreningar och forskningsorganisationer för NET. INCA står bakom NET Cancer Day "
        "den 10 november varje år och kan visa dig till en medlemsförening i ditt land.",
    "Neuroendocrine Cancer UK (formerly NET Patient Foundation)":
        "Den brittiska organisationen för personer som berörs av neuroendokrin cancer. Den erbjuder stöd av "
        "specialistsjuksköterskor, information, lokala stödgrupper och möten på nätet.",
    "Carcinoid Cancer Foundation":
        "Den äldsta NET-stiftelsen i USA. Den ger ut patientinformation, listar NET-specialister och stödgrupper och "
        "håller evenemang på nätet.",
    "Neuroendocrine Tumor Research Foundation (NETRF)":
        "Finansierar forskning om NET och erbjuder patientguider, filmer och utbildning på nätet för patienter och "
        "familjer.",
    "NeuroEndocrine Cancer Australia":
        "Den nationella organisationen för australier med neuroendokrin cancer. Du kan prata med deras "
        "specialistsjuksköterskor, och de visar vägen till lokala stödgrupper i hela landet.",
    "CNETS Canada":
        "Den kanadensiska organisationen för personer med NET. Den utbildar och för patienternas talan, driver "
        "stödgrupper och finansierar forskning.",
    "LACNETS (Los Angeles Carcinoid Neuroendocrine Tumor Society)":
        "En patientförening i södra Kalifornien med regelbundna möten, som också sänds på nätet, och inspelade "
        "föredrag av NET-specialister.",
    "Carpa NET":
        "Den svenska patientföreningen för personer med neuroendokrina tumörer och deras närstående. Föreningen "
        "ordnar träffar, delar information på svenska och för patienternas talan.",
    "CarciNor":
        "Den norska föreningen för personer med NET-cancer och deras närstående, med lokalavdelningar, träffar och ett "
        "årligt forskningspris.",
    "NET-groep":
        "Den nederländska stiftelsen för personer med neuroendokrin cancer. Den samlar patienter, närstående och "
        "vårdpersonal, ger information och för patienternas talan.",
    "NETPA (NET Patientforening)":
        "Den danska patientföreningen för personer med NET och deras närstående, med träffar och information på danska.",
}

LANGUAGE_NAMES = {"en": "English", "sv": "Swedish", "es": "Spanish"}


def load(apps, schema_editor):
    Language = apps.get_model("supportgroups", "Language")
    SupportGroup = apps.get_model("supportgroups", "SupportGroup")
    languages = {code: Language.objects.get_or_create(code=code, defaults={"name": name})[0]
                 for code, name in LANGUAGE_NAMES.items()}
    for row in GROUPS:
        fields = {k: v for k, v in row.items() if k not in ("name", "languages")}
        group, created = SupportGroup.objects.get_or_create(
            name=row["name"], defaults={**fields, "last_checked": CHECKED})
        if created:
            group.languages.set([languages[c] for c in row["languages"]])
    for name, swedish in SWEDISH.items():
        SupportGroup.objects.filter(name=name, description_sv="").update(description_sv=swedish)


class Migration(migrations.Migration):
    dependencies = [("supportgroups", "0004_description_in_swedish_and_words_to_translate")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
