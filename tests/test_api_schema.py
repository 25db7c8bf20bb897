"""Schemathesis sends generated requests to every operation of the OpenAPI document: none may fail with a 5xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.conversations import services as conversations
from netcompanion.wsgi import application

# Loading the document runs no database query, so it can happen at collection time.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Schemathesis calls the WSGI app directly, so Django would close the test's connection (and its
    transaction) after each request; Django's own test client switches this off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db):
    patient = User.objects.create_user("api-patient", password="x", role=Role.PATIENT)
    return ApiToken.issue(patient, "schemathesis")[1]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_server_error(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])


@pytest.fixture
def own_thread(token):
    """A conversation of the token's patient: generated requests then reach a thread's checks, red-flag reading and
    writes, not only the 404 of a made-up code."""
    patient = User.objects.get(username="api-patient")
    return conversations.start_thread(patient, patient, "Tiredness", "Is it normal to be so tired?")


@schema.include(tag="messages").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_in_an_own_conversation_gets_a_server_error(case, token, own_thread):
    if case.path_parameters and "code" in case.path_parameters:
        case.path_parameters["code"] = str(own_thread.code)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
