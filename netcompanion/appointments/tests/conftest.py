import pytest


@pytest.fixture
def cast(record_cast):
    return record_cast
