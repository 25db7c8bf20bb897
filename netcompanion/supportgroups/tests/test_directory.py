import pytest
from django.urls import reverse

from netcompanion.supportgroups.models import SupportGroup

pytestmark = pytest.mark.django_db
URL = reverse("supportgroups:list")


def names(response):
    return {g.name for g in response.context["groups"]}


def test_it_lists_the_well_known_organisations(client):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("International Neuroendocrine Cancer Alliance", "Neuroendocrine Cancer UK",
                 "Carcinoid Cancer Foundation", "NETRF", "Carpa NET", "NeuroEndocrine Cancer Australia",
                 "CNETS Canada"):
        assert name in body
    assert 'href="https://incalliance.org/"' in body


def test_it_filters_by_country(client):
    response = client.get(URL, {"country": "SE"})
    assert names(response) == {"Carpa NET"}


def test_it_filters_international_organisations(client):
    response = client.get(URL, {"country": "INT"})
    assert names(response) == {"International Neuroendocrine Cancer Alliance (INCA)"}


def test_it_filters_by_language_and_format(client):
    response = client.get(URL, {"language": "fr", "format": "in_person"})
    assert names(response) == {"CNETS Canada"}


def test_hidden_groups_do_not_show(client):
    SupportGroup.objects.filter(name="CNETS Canada").update(is_listed=False)
    assert "CNETS Canada" not in names(client.get(URL))


@pytest.mark.parametrize("params", [{"country": "ZZ"}, {"language": "<script>"}, {"format": "teleport"}])
def test_unknown_filter_values_get_a_message_not_an_error(client, params):
    before = SupportGroup.objects.count()
    response = client.get(URL, params)
    assert response.status_code == 400
    assert "We do not have that option" in response.content.decode()
    assert len(names(response)) == before == SupportGroup.objects.count()


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(URL, {"audience": "relatives"})
