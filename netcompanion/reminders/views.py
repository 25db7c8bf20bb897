from django.contrib import messages
from django.shortcuts import redirect, render

from netcompanion.accounts.decorators import patient_required
from netcompanion.reminders import services
from netcompanion.reminders.forms import ReminderForm


@patient_required
def index(request):
    preference = services.preferences_for(request.user)
    form = ReminderForm(request.POST if request.method == "POST" else None, patient=request.user,
                        initial={"kinds": preference.kinds})
    if request.method == "POST" and form.is_valid():
        services.save_preferences(request.user, form.cleaned_data["kinds"])
        messages.success(request, "Your reminder choices are saved." if form.cleaned_data["kinds"]
                         else "Your reminder choices are saved. We will not send you reminders.")
        return redirect("reminders:index")
    return render(request, "reminders/index.html", {"form": form, "preference": preference},
                  status=400 if form.errors else 200)
