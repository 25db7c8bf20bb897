from django.urls import reverse
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.core.pages import form_page, posted
from netcompanion.reminders import services
from netcompanion.reminders.forms import ReminderForm


@patient_required
def index(request):
    preference = services.preferences_for(request.user)
    form = ReminderForm(posted(request), patient=request.user, initial={"kinds": preference.kinds})
    saved = gettext("Your reminder choices are saved.")
    none = gettext("Your reminder choices are saved. We will not send you reminders.")
    return form_page(request, form, "reminders/index.html", {"preference": preference},
                     save=lambda data: services.save_preferences(request.user, data["kinds"]),
                     message=lambda _: saved if form.cleaned_data["kinds"] else none,
                     success_url=reverse("reminders:index"))
