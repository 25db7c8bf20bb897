from django.conf import settings


def safety(request):
    """What every page needs to show how to get emergency help."""
    return {"emergency_number": settings.EMERGENCY_NUMBER}
