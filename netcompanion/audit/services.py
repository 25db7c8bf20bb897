import datetime as dt

from django.utils import timezone

from netcompanion.audit.models import AccessEvent, What


def record_access(staff, patient, what: str, *, once_within: dt.timedelta | None = None) -> AccessEvent | None:
    """Writes who opened what of a patient's record.

    With ``once_within``, a row for the same look written that recently stands for this one too: a chart page
    loads several images, and the patient should read one "looked at the charts", not eight. A look with no
    such row still gets one, so nothing goes unrecorded.
    """
    if what not in What.values:
        raise ValueError(f"Unknown record access {what!r}")
    if once_within is not None and AccessEvent.objects.filter(
            staff=staff, patient=patient, what=what, at__gte=timezone.now() - once_within).exists():
        return None
    return AccessEvent.objects.create(staff=staff, staff_role=staff.role, staff_name=staff.display_name,
                                      patient=patient, what=what)
