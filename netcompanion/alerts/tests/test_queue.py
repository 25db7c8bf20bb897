"""The care team's queue and an alert's page: who sees what, the order, and what staff can do."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import User
from netcompanion.alerts.models import RANK, Alert, AlertEvent, AlertStatus, EventAction
from netcompanion.alerts.targets import schedule
from netcompanion.audit.models import AccessEvent, What
from netcompanion.careteam.models import Assignment

pytestmark = pytest.mark.django_db
QUEUE = reverse("alerts:queue")


def make_alert(patient, level="soon", hours_ago=1, rule="AL-STOOLS-HIGH", **fields):
    alert = Alert.objects.create(patient=patient, rule_id=rule, ruleset_version="2026.11.1",
                                 source_key=f"diary:{timezone.localdate() - dt.timedelta(days=Alert.objects.count())}",
                                 level=level, rank=RANK[level], reason=f"A {level} reason.", **fields)
    raised = timezone.now() - dt.timedelta(hours=hours_ago)
    Alert.objects.filter(pk=alert.pk).update(raised_at=raised, due_at=schedule().due(level, raised))
    alert.refresh_from_db()
    return alert


def reasons_in(body):
    return [line for line in ("A emergency reason.", "A urgent reason.", "A soon reason.") if line in body]


def test_the_queue_puts_the_most_urgent_first_then_the_oldest(client, cast, sara):
    maria = cast["maria"]
    new_soon, old_soon = make_alert(maria, "soon", 1), make_alert(maria, "soon", 30)
    urgent, emergency = make_alert(maria, "urgent", 2), make_alert(maria, "emergency", 0)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert list(response.context["page"]) == [emergency.pk, urgent.pk, old_soon.pk, new_soon.pk]
    body = response.content.decode()
    assert body.index("Emergency") < body.index("Urgent") < body.index("Soon")
    assert "Maria Lind" in body and "NC-0001" in body and "A urgent reason." in body


def test_the_queue_shows_twenty_five_alerts_a_page_and_each_links_to_its_alert(client, cast, sara):
    alerts = [make_alert(cast["maria"], "soon", hours) for hours in range(27, 0, -1)]
    first = client.get(QUEUE).content.decode()
    assert "27 alerts, page 1 of 2" in first
    assert len(re.findall(r'href="/care/alerts/[0-9a-f-]{36}/"', first)) == 25
    assert f'href="{reverse("alerts:detail", args=[alerts[0].code])}"' in first
    second = client.get(QUEUE, {"page": 2})
    assert list(second.context["page"]) == [alerts[25].pk, alerts[26].pk]


def test_a_nurse_sees_only_the_alerts_of_her_own_patients(client, cast, sara):
    mine, theirs = make_alert(cast["maria"]), make_alert(cast["olle"])
    body = client.get(QUEUE).content.decode()
    assert "Maria Lind" in body and "Olle Berg" not in body
    assert client.get(reverse("alerts:detail", args=[mine.code])).status_code == 200
    assert client.get(reverse("alerts:detail", args=[theirs.code])).status_code == 404
    assert client.post(reverse("alerts:acknowledge", args=[theirs.code])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == AlertStatus.OPEN


@pytest.mark.parametrize("who", ["maria", "johan"])
def test_patients_and_relatives_get_404_on_the_queue(client, cast, who):
    make_alert(cast["maria"])
    client.force_login(cast[who])
    assert client.get(QUEUE).status_code == 404


def test_staff_without_their_second_factor_are_sent_to_it(client, cast):
    client.force_login(cast["sara"])
    response = client.get(QUEUE)
    assert response.status_code == 302 and reverse("two_factor") in response["Location"]


def test_the_queue_filters_by_level_and_status_and_hides_resolved_alerts_by_default(client, cast, sara):
    maria = cast["maria"]
    make_alert(maria, "urgent")
    make_alert(maria, "soon")
    make_alert(maria, "emergency", status=AlertStatus.RESOLVED, outcome="no_action")
    assert reasons_in(client.get(QUEUE).content.decode()) == ["A urgent reason.", "A soon reason."]
    assert reasons_in(client.get(QUEUE, {"level": "soon"}).content.decode()) == ["A soon reason."]
    assert reasons_in(client.get(QUEUE, {"status": "resolved"}).content.decode()) == ["A emergency reason."]
    assert len(reasons_in(client.get(QUEUE, {"status": "all"}).content.decode())) == 3
    assert client.get(QUEUE, {"level": "whenever"}).status_code == 400


def test_the_queue_reads_the_same_number_of_queries_for_any_number_of_alerts(client, cast, sara):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(QUEUE).status_code == 200
        return len(queries)

    make_alert(cast["maria"])
    few = count_queries()
    for hours in range(30):
        make_alert(cast["olle" if hours % 3 else "maria"], "urgent", hours)
    assert count_queries() == few


def test_opening_an_alert_is_audited_and_shows_its_history(client, cast, sara):
    alert = make_alert(cast["maria"])
    AlertEvent.objects.create(alert=alert, action=EventAction.RAISED, note="A soon reason.")
    body = client.get(reverse("alerts:detail", args=[alert.code])).content.decode()
    assert body.count("<h1") == 1 and "Raised" in body and "NC-0001" in body
    assert AccessEvent.objects.filter(staff=sara, patient=cast["maria"], what=What.ALERT).count() == 1


def test_a_nurse_marks_an_alert_as_seen_and_adds_a_note(client, cast, sara):
    alert = make_alert(cast["maria"])
    client.post(reverse("alerts:acknowledge", args=[alert.code]))
    client.post(reverse("alerts:note", args=[alert.code]), {"note": "Left a voicemail."})
    alert.refresh_from_db()
    assert (alert.status, alert.acknowledged_by) == (AlertStatus.ACKNOWLEDGED, sara)
    assert [(e.action, e.note, e.by) for e in alert.events.all()] == [
        (EventAction.ACKNOWLEDGED, "", sara), (EventAction.NOTE, "Left a voicemail.", sara)]


def test_resolving_an_open_alert_needs_an_outcome_and_also_marks_it_seen(client, cast, sara):
    alert = make_alert(cast["maria"])
    url = reverse("alerts:resolve", args=[alert.code])
    refused = client.post(url, {"note": "Done"})
    assert refused.status_code == 400
    assert "Choose what was done before resolving the alert." in refused.content.decode()
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN and not alert.events.exists()

    assert client.post(url, {"outcome": "called_patient", "note": "Feels better."}).status_code == 302
    alert.refresh_from_db()
    assert (alert.status, alert.outcome, alert.resolved_by, alert.acknowledged_by) == (
        AlertStatus.RESOLVED, "called_patient", sara, sara)
    assert [e.action for e in alert.events.all()] == [EventAction.ACKNOWLEDGED, EventAction.RESOLVED]
    assert alert.events.last().note == "Called the patient: Feels better."
    again = client.post(url, {"outcome": "no_action"}, follow=True)
    assert "already resolved this alert; nothing was changed" in again.content.decode()
    alert.refresh_from_db()
    assert alert.outcome == "called_patient" and alert.events.count() == 2


def test_an_empty_note_is_refused_and_nothing_is_saved(client, cast, sara):
    alert = make_alert(cast["maria"])
    response = client.post(reverse("alerts:note", args=[alert.code]), {"note": ""})
    assert response.status_code == 400 and "Write the note before saving it." in response.content.decode()
    assert not alert.events.exists()


def test_each_row_reads_as_the_nurse_sees_it_with_times_in_local_time(client, cast, sara):
    seen = make_alert(cast["maria"], "urgent", status=AlertStatus.ACKNOWLEDGED, met=False)
    new = make_alert(cast["olle"], "soon")
    Assignment.objects.create(staff=sara, patient=cast["olle"], assigned_by=cast["lead"])
    User.objects.filter(pk=cast["olle"].pk).update(record_number="")
    Alert.objects.filter(pk=seen.pk).update(source_key="diary:2026-03-03",
                                            raised_at=dt.datetime(2026, 3, 4, 13, 5, tzinfo=dt.UTC))
    Alert.objects.filter(pk=new.pk).update(source_key="injection:7:2026-06-30",
                                           raised_at=dt.datetime(2026, 7, 8, 22, 30, tzinfo=dt.UTC),
                                           due_at=dt.datetime(2026, 7, 13, 14, 0, tzinfo=dt.UTC))
    body = client.get(QUEUE).content.decode()
    queue = body[body.index('<table class="alerts-queue">'):body.index("</table>")]
    rows = re.findall(r'<tr>\s*<th scope="row">.*?</tr>', queue, re.S)
    # A seen alert has no time left; a new one shows it to its target (soon: two working days).
    assert [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows] == [
        "Maria Lind : urgent alert Record number NC-0001 Urgent A urgent reason. Diary, 3 March 2026 "
        "4 Mar 2026, 14:05 Seen No longer fires",
        "Olle Berg : soon alert Soon A soon reason. Injection due 30 June 2026 9 Jul 2026, 00:30 "
        "26 d 5 h left Target 13 Jul 2026, 16:00 New",  # the clock has ticked past 10:00
    ]
    assert '<time datetime="2026-03-04T13:05:00+00:00">' in rows[0]
    assert 'class="alert-level alert-level-urgent"' in rows[0] and 'class="alert-level alert-level-soon"' in rows[1]


def test_the_filters_show_their_labels_and_choice_and_tie_an_error_to_its_field(client, cast, sara):
    plain = client.get(QUEUE).content.decode()
    assert '<label for="id_level">Level:</label>' in plain and '<label for="id_status">Status:</label>' in plain
    assert '<option value="unresolved" selected>Not resolved</option>' in plain
    assert 'aria-invalid' not in plain and 'class="errorlist"' not in plain
    wrong = client.get(QUEUE, {"level": "urgent", "status": "whenever"}).content.decode()
    assert '<option value="urgent" selected>Urgent</option>' in wrong
    assert '<select name="status" aria-invalid="true" aria-describedby="id_status_error" id="id_status">' in wrong
    assert ('<ul class="errorlist" id="id_status_error"><li>Select a valid choice. whenever is not one of the '
            'available choices.</li></ul>') in wrong
