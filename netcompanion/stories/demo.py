from django.utils.translation import gettext, gettext_noop

from netcompanion.stories.models import Status, Story, Teller

EXAMPLES = (
    (gettext_noop("Three years of answers that did not fit"), Teller.PATIENT, gettext_noop("Example: Anna"),
     gettext_noop("For three years my doctors told me my red face and loose stools were stress, then menopause, "
                  "then a sensitive bowel. I kept a diary of every flush and what I had eaten. When a new GP read "
                  "it, she sent me for a urine test, and within two months I had a name for it: a small-intestine "
                  "NET. The diagnosis was hard to hear, but it was also a relief. Today I have an injection every "
                  "four weeks, and my contact nurse is the first person I call. If your body keeps telling you "
                  "something, keep notes and keep asking.")),
    (gettext_noop("Learning to be the one who remembers"), Teller.RELATIVE, gettext_noop("Example: Erik"),
     gettext_noop("When my wife was diagnosed, I did not know what to do with myself. I could not fix it. Our "
                  "contact nurse suggested I come to the visits and write down what the doctor said, because my "
                  "wife found it hard to take it all in. That became my job. I keep the list of questions, the "
                  "dates of the scans and the injection days. A group for relatives helped me too: I was not the "
                  "only one who felt helpless.")),
)


def create_example_stories() -> int:
    """Creates the demo stories once, in the active language; each is marked as an example in the app."""
    for title, teller, name, body in EXAMPLES:
        Story.objects.update_or_create(
            title=gettext(title),
            defaults={"teller": teller, "author_name": gettext(name), "body": gettext(body), "consent_to_publish": True,
                      "status": Status.APPROVED, "is_example": True},
        )
    return Story.objects.filter(is_example=True).count()
