"""Two fictional conversations for the demo patient: a question answered by the contact nurse, and one the nurse
started from the diary, where the relative's message now waits for the team. Texts are marked with gettext_noop and
translated as they are saved, in the language the demo is built in."""

from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from netcompanion.conversations import services
from netcompanion.conversations.models import Thread

ANSWERED = (
    gettext_noop("Tiredness after the injection"),
    [("patient", gettext_noop("I feel very tired for two or three days after each injection. Is that normal?")),
     ("nurse", gettext_noop("Yes, many people feel tired for a few days after lanreotide. Rest when you need to, "
                            "and note it in your diary so we can see whether it changes. If it gets worse or "
                            "lasts longer, write again or call me."))],
)
WAITING = (
    gettext_noop("How are you today?"),
    [("nurse", gettext_noop("I saw in your diary that you had more flushes this week. How are you today?")),
     ("relative", gettext_noop("She is a little better today, fewer flushes since yesterday. Should she change "
                               "anything before the next injection?"))],
)


@transaction.atomic
def create_demo_conversations(patient, nurse, relative) -> int:
    """Returns the threads made: none if the demo patient already has some."""
    if Thread.objects.filter(patient=patient).exists():
        return 0
    people = {"patient": patient, "nurse": nurse, "relative": relative}
    for subject, messages in (ANSWERED, WAITING):
        (first, text), *rest = messages
        thread = services.start_thread(patient, people[first], gettext(subject), gettext(text))
        for who, text in rest:
            services.post(thread, people[who], gettext(text))
    return 2
