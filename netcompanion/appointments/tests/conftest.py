import pytest


@pytest.fixture
def cast(cast_of):
    """Maria owns the appointments; Olle is another patient; Sara a nurse; Johan a relative with no grant. They give
    only usernames, which the history shows."""
    return cast_of("maria", "olle", "sara", "johan", details=False)


@pytest.fixture
def maria(client, cast):
    client.force_login(cast["maria"])
    return cast["maria"]
