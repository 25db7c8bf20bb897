import pytest
from django.urls import reverse

from netcompanion.core.testing import text
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


SWEDISH_GROUPS = {"Carpa NET", "Cancerlinjen (Cancerfonden)", "Ung Cancer", "Nära Cancer",
                  "Centrum för cancerrehabilitering (Region Stockholm)"}


def test_it_filters_by_country(client):
    response = client.get(URL, {"country": "SE"})
    assert names(response) == SWEDISH_GROUPS


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


def test_each_filter_narrows_the_directory(client):
    everyone = names(client.get(URL))
    for params in ({"format": "online"}, {"format": "in_person"}, {"audience": "relatives"},
                   {"audience": "patients"}, {"language": "sv"}, {"language": "es"}, {"region": "Stockholm"},
                   {"country": "GB"}):
        narrowed = names(client.get(URL, params))
        assert narrowed and narrowed < everyone, params


def test_online_and_for_relatives_no_longer_return_every_group(client):
    assert "Centrum för cancerrehabilitering (Region Stockholm)" not in names(client.get(URL, {"format": "online"}))
    assert "Centrum för cancerrehabilitering (Region Stockholm)" not in names(
        client.get(URL, {"audience": "relatives"}))
    assert "Nära Cancer" not in names(client.get(URL, {"audience": "patients"}))


def test_it_filters_by_region_and_language_together(client):
    assert names(client.get(URL, {"region": "Stockholm"})) == {"Centrum för cancerrehabilitering (Region Stockholm)"}
    assert names(client.get(URL, {"region": "Los Angeles"})) == {
        "LACNETS (Los Angeles Carcinoid Neuroendocrine Tumor Society)"}
    assert names(client.get(URL, {"country": "SE", "language": "sv", "format": "online",
                                  "audience": "relatives"})) == SWEDISH_GROUPS - {
        "Centrum för cancerrehabilitering (Region Stockholm)"}
    assert names(client.get(URL, {"language": "es"})) == {"Carcinoid Cancer Foundation", "Cancer Support Community"}


def test_the_region_filter_offers_only_regions_some_group_serves(client):
    page = client.get(URL).content.decode()
    assert '<option value="Stockholm">Stockholm (Sweden)</option>' in page
    assert '<option value="Los Angeles">Los Angeles (United States of America)</option>' in page
    assert client.get(URL, {"region": "Gotland"}).status_code == 400


def test_the_directory_in_swedish(client):
    response = client.get(URL, {"country": "SE"}, HTTP_ACCEPT_LANGUAGE="sv")
    body = text(response)
    assert "Stödgrupper och patientföreningar" in body and "5 grupper" in body
    assert "För närstående" in body and "Språk: svenska" in body and "Sverige, Stockholm" in body
    assert '<option value="Stockholm">Stockholm (Sverige)</option>' in response.content.decode()
    assert "Den svenska patientföreningen för personer med neuroendokrina tumörer" in body
    assert "Cancerfondens linje för råd och stöd." in body
    english = text(client.get(URL, {"country": "SE"}))
    assert "The Swedish patient association for people with neuroendocrine tumours" in english
    assert "5 groups" in english and "Languages: Swedish" in english
