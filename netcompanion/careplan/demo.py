"""A believable, entirely fictional care plan for the demo patient. Every name and number is made up.

The texts are marked with gettext_noop and translated as they are saved, in the language the demo is built in.
"""

from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from netcompanion.accounts.models import Role, User
from netcompanion.careplan import services
from netcompanion.careplan.models import CarePlan, Question

CONTACTS = [
    {"name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 000 00 00", "email": "sara.ek@example.org",
     "notes": gettext_noop("Your contact nurse. Call on weekdays 8 to 16 about symptoms, injections or "
                           "anything you are unsure of.")},
    {"name": "Dr Ali Haddad", "role": "doctor", "phone": "+46 8 000 00 01", "email": "",
     "notes": gettext_noop("Oncologist. Leads your NET treatment and sees you after each CT scan.")},
    {"name": gettext_noop("NET centre, Example University Hospital"), "role": "net_centre", "phone": "+46 8 000 00 02",
     "email": "net-centre@example.org",
     "notes": gettext_noop("The team that meets each week to plan NET care. Ask the switchboard for the NET team.")},
]

CLINICAL_PARTS = {
    "diagnosis": gettext_noop("Small-intestine NET, grade 2, with spread to the liver, found 2023. It grows "
                              "slowly. The tumour makes hormones that can cause flushing and diarrhoea."),
    "goals": gettext_noop("Keep the tumour from growing, and keep flushing and diarrhoea under control, so that "
                          "daily life can go on as normally as possible."),
    "treatments": gettext_noop("Lanreotide injection every 28 days.\n"
                               "CT scan every 6 months, followed by a visit to the oncologist.\n"
                               "Chromogranin A (CgA) blood test every 3 months."),
    "support": gettext_noop("Dietitian: advice on food and on diarrhoea. Ask your contact nurse for a referral.\n"
                            "Patient group: the local NET patient group meets once a month."),
}
WHAT_MATTERS = gettext_noop("Being well enough to look after my grandchildren on Fridays.")

QUESTIONS = [
    (gettext_noop("Can I learn to give the lanreotide injection myself at home?"),
     gettext_noop("Yes. Sara will show me how at the next injection, and I can try with her there.")),
    (gettext_noop("Is it safe to travel abroad this summer with the injections?"), None),
    (gettext_noop("Could the diarrhoea after meals be from the tumour or from the injections?"), None),
]


def _demo_nurse(patient) -> User:
    return User.objects.filter(username="nurse", role=Role.NURSE).first() or patient


@transaction.atomic
def create_demo_careplan(patient, nurse=None) -> bool:
    """Fills in the patient's care plan and questions. Returns False, adding nothing, if there already is one.

    The contact nurse (the demo "nurse" user if there is one) writes the clinical parts, so the history
    shows two authors; the patient writes "what matters to me" and the questions.
    """
    if (CarePlan.objects.filter(patient=patient, version__gt=0).exists()
            or Question.objects.filter(patient=patient).exists()):
        return False
    nurse = nurse or _demo_nurse(patient)
    for contact in CONTACTS:
        services.add_contact(patient, nurse, {**contact, "name": gettext(contact["name"]),
                                              "notes": gettext(contact["notes"])})
    plan = services.plan_for(patient)
    parts = {field: gettext(text) for field, text in CLINICAL_PARTS.items()}
    plan = services.update_plan(patient, nurse, parts, based_on_version=plan.version)
    services.update_plan(patient, patient, {"what_matters": gettext(WHAT_MATTERS)}, based_on_version=plan.version)
    for text, answer in QUESTIONS:
        question = services.add_question(patient, patient, gettext(text))
        if answer is not None:
            services.mark_question_asked(question, nurse, gettext(answer))
    return True
