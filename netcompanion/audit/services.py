from netcompanion.audit.models import AccessEvent, What


def record_access(staff, patient, what: str) -> AccessEvent:
    if what not in What.values:
        raise ValueError(f"Unknown record access {what!r}")
    return AccessEvent.objects.create(staff=staff, staff_role=staff.role, patient=patient, what=what)
