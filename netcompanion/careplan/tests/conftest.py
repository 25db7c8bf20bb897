import pytest


@pytest.fixture
def maria(client, cast):
    client.force_login(cast["maria"])
    return cast["maria"]
