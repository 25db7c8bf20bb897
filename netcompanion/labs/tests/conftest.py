import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from netcompanion.labs import services


@pytest.fixture
def cast(record_cast):
    return record_cast


@pytest.fixture
def cga_result(cast):
    """Maria's CgA from last week: 131 µg/L on a range of up to 102 µg/L."""
    return services.record_result(cast["maria"], cast["maria"], {
        "test": "cga", "value": Decimal("131"), "unit": "µg/L", "reference_high": Decimal("102"),
        "taken_on": timezone.localdate() - dt.timedelta(days=7), "notes": "private note"})


@pytest.fixture
def plan(cast):
    """Maria's 5-HIAA collection, 10 days from now."""
    return services.plan_collection(cast["maria"], timezone.now() + dt.timedelta(days=10))
