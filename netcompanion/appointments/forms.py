import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.appointments.models import (
    Appointment,
    FeedAlarm,
    FeedDetail,
    Kind,
    Status,
    untimed_start,
)
from netcompanion.core.plausible import not_before_birth

# A date this far ahead is almost always a typing slip in the year.
MAX_YEARS_AHEAD = 10

STATUS_CHOICES_NEW = [(Status.BOOKED, _("Booked: it is still to come")),
                      (Status.FULFILLED, _("Done: I have already had it"))]
STATUS_CHOICES_EDIT = [*STATUS_CHOICES_NEW, (Status.CANCELLED, _("Cancelled"))]


class AppointmentForm(forms.Form):
    """Date and times are asked for separately and become `start` and `duration` in cleaned_data.

    A check to book (no time yet) is changed without the status choice: giving it a time books it, and
    leaving the time empty keeps it a check to book, so no booked appointment is ever without a time.
    """

    kind = forms.ChoiceField(label=_("What kind of appointment is it?"), choices=Kind.choices)
    title = forms.CharField(
        label=_("Title"), max_length=120,
        help_text=_("For example: CT scan, or Visit with my contact nurse. Your calendar shows this."),
        error_messages={"required": _("Write a short title, for example “CT scan”."),
                        "max_length": _("Keep the title to 120 characters or fewer.")})
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Enter the date of the appointment."),
                        "invalid": _("Enter a date, for example 2026-03-14.")})
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Enter the time it starts, for example 09:30."),
                        "invalid": _("Enter a time, for example 09:30.")})
    end_time = forms.TimeField(
        label=_("Ends at"), required=False, help_text=_("If you know it. Leave it empty otherwise."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time, for example 10:15.")})
    place = forms.CharField(label=_("Place"), max_length=200, required=False,
                            help_text=_("Hospital, department, room or address."),
                            error_messages={"max_length": _("Keep the place to 200 characters or fewer.")})
    preparation = forms.CharField(
        label=_("What to do before"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: nothing to eat for 6 hours, or bring a urine sample. Copy it from your letter."),
        error_messages={"max_length": _("Keep this to 2,000 characters or fewer.")})
    involves_procedure = forms.BooleanField(
        label=_("It involves anaesthesia or sedation, surgery, an endoscopy, a biopsy, embolisation or dental work"),
        required=False,
        help_text=_("These can set off a carcinoid crisis. We will remind you to tell the team that you have a NET."))
    status = forms.ChoiceField(label=_("Status"), widget=forms.RadioSelect, choices=STATUS_CHOICES_NEW)
    notes = forms.CharField(
        label=_("Notes"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Questions to ask, who is coming with you. Notes never go into your calendar."),
        error_messages={"max_length": _("Keep the notes to 2,000 characters or fewer.")})

    def __init__(self, *args, patient, instance: Appointment | None = None, **kwargs):
        self.instance, self.patient = instance, patient
        self.untimed = instance is not None and not instance.has_time
        if instance is not None:
            start = timezone.localtime(instance.start)
            end = timezone.localtime(instance.end) if instance.end else None
            kwargs["initial"] = {
                "kind": instance.kind, "title": instance.title, "date": start.date(),
                "start_time": None if self.untimed else start.time(), "end_time": end.time() if end else None,
                "place": instance.place, "preparation": instance.preparation,
                "involves_procedure": instance.involves_procedure, "status": instance.status,
                "notes": instance.notes, **kwargs.get("initial", {})}
        else:
            kwargs["initial"] = {"status": Status.BOOKED, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["status"].choices = STATUS_CHOICES_EDIT
        if self.untimed:
            del self.fields["status"]
            self.fields["date"].help_text = _("The check is due around this date. "
                                              "Change it to the day it is booked for.")
            self.fields["start_time"].required = False
            self.fields["start_time"].help_text = _("Leave it empty until the time is booked. When you enter a time, "
                                                     "the check moves to your appointments coming up.")

    def clean_date(self):
        """An appointment had ("Done") is not before the patient was born; one booked is not in the past at all."""
        return not_before_birth(self.cleaned_data["date"], self.patient)

    def clean(self):
        data = super().clean()
        date, start_time, end_time = (data.get(k) for k in ("date", "start_time", "end_time"))
        status = self.instance.status if self.untimed else data.get("status")
        if date is None or (start_time is None and not self.untimed):
            return data
        today = timezone.localdate()
        if date.year > today.year + MAX_YEARS_AHEAD:
            self.add_error("date", gettext("Check the year: this is more than %(years)s years away.")
                           % {"years": MAX_YEARS_AHEAD})
            return data
        if start_time is None:
            if end_time is not None:
                self.add_error("start_time", gettext("Enter the time it starts too, or leave the end time empty."))
            data.update(start=untimed_start(date), duration=None, status=status, has_time=False)
            return data
        if self.untimed:
            status = Status.BOOKED
        start = timezone.make_aware(dt.datetime.combine(date, start_time))
        data.update(start=start, duration=None, status=status, has_time=True)
        if end_time is not None:
            if end_time == start_time:
                self.add_error("end_time", gettext("The end time is the same as the start time. "
                                                   "Leave it empty if you do not know it."))
            elif end_time < start_time:
                self.add_error("end_time", gettext("The end time is before the start time. Check both times."))
            else:
                data["duration"] = dt.datetime.combine(date, end_time) - dt.datetime.combine(date, start_time)
        start_changed = self.instance is None or self.instance.start != start
        if status == Status.BOOKED and date < today and start_changed:
            self.add_error("date", gettext("This date has passed. Enter the date it is booked for.")
                           if self.untimed else
                           gettext("This date has passed. Check the date, or choose “Done” below "
                                   "to record an appointment you have already had."))
        if status == Status.FULFILLED and start > timezone.now():
            self.add_error("status", gettext("This appointment has not happened yet, so it cannot be done. "
                                             "Choose “Booked”."))
        return data


class FeedDetailForm(forms.Form):
    detail = forms.ChoiceField(
        label=_("What should your calendar show?"), widget=forms.RadioSelect, initial=FeedDetail.TITLES,
        choices=[(FeedDetail.TITLES, _("Titles and times only (more private)")),
                 (FeedDetail.DETAILS, _("Titles, times, place and what to do before"))],
        error_messages={"required": _("Choose what your calendar should show.")})
    alarm = forms.TypedChoiceField(
        label=_("Should your calendar remind you?"), widget=forms.RadioSelect, initial=FeedAlarm.NONE,
        choices=FeedAlarm.choices, coerce=int, required=False, empty_value=FeedAlarm.NONE,
        error_messages={"invalid_choice": _("Choose no reminder, or a reminder 30 minutes, 1 hour or 1 day before.")})
