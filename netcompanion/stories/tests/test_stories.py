import pytest
from django.urls import reverse

from netcompanion.stories.demo import create_example_stories
from netcompanion.stories.models import Status, Story, Teller

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Finding my way",
    "body": "It took four years to find out why I was flushing. " * 4,
    "author_name": "Lena",
    "teller": "patient",
    "contact_email": "",
    "consent_to_publish": "on",
}


def test_a_submitted_story_waits_for_moderation(client):
    response = client.post(reverse("stories:submit"), VALID)
    assert response.status_code == 302
    story = Story.objects.get()
    assert story.status == Status.PENDING
    assert "Finding my way" not in client.get(reverse("stories:list")).content.decode()
    assert client.get(reverse("stories:detail", args=[story.code])).status_code == 404


def test_an_approved_story_is_published(client):
    client.post(reverse("stories:submit"), VALID)
    story = Story.objects.get()
    story.status = Status.APPROVED
    story.save()
    assert "Finding my way" in client.get(reverse("stories:list")).content.decode()
    assert client.get(reverse("stories:detail", args=[story.code])).status_code == 200


@pytest.mark.parametrize("field, value, message", [
    ("title", "", "Please give your story a title."),
    ("body", "", "Please write your story."),
    ("body", "Too short.", "Please write at least 100 characters"),
    ("consent_to_publish", "", "We can only publish your story if you agree."),
    ("teller", "", "Please tell us who you are."),
    ("body", "<script>alert(1)</script>" + "x" * 120, "Please write plain text only."),
    ("title", "<b>bold</b>", "Please write plain text only."),
])
def test_bad_stories_get_a_message_and_store_nothing(client, field, value, message):
    data = {**VALID, field: value}
    if not value:
        data.pop(field)
    response = client.post(reverse("stories:submit"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Story.objects.count() == 0
    if field != "title":
        assert VALID["title"] in response.content.decode(), "what the person typed is kept"


def test_who_are_you_offers_only_real_answers_and_none_is_chosen_for_the_person(client):
    page = client.get(reverse("stories:submit")).content.decode()
    assert "---------" not in page
    assert page.count('name="teller"') == len(Teller.choices)
    assert 'name="teller" value="patient" required id="id_teller_0">' in page
    assert "checked" not in page

    response = client.post(reverse("stories:submit"), {k: v for k, v in VALID.items() if k != "teller"})
    assert response.status_code == 400
    assert "Please tell us who you are." in response.content.decode()
    assert 'value="Finding my way"' in response.content.decode()
    assert not Story.objects.exists()


def test_example_stories_are_marked_as_examples(client):
    create_example_stories()
    body = client.get(reverse("stories:list")).content.decode()
    assert body.count("Example story") == Story.objects.filter(is_example=True).count() == 2


def test_the_stories_pages_in_swedish(client):
    create_example_stories()
    listing = client.get(reverse("stories:list"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Berättelser från personer som lever med en NET" in listing and "Exempelberättelse" in listing
    assert "Dela din berättelse" in listing
    refused = client.post(reverse("stories:submit"), {**VALID, "consent_to_publish": ""}, HTTP_ACCEPT_LANGUAGE="sv")
    assert refused.status_code == 400
    assert "Vi kan bara publicera din berättelse om du godkänner det." in refused.content.decode()
    assert "Jag har en NET" in refused.content.decode()
    assert "Stories from people living with a NET" in client.get(reverse("stories:list")).content.decode()
