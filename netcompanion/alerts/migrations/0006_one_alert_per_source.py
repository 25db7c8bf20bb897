"""One alert per (patient, source): the alerts that rules raised on the same source before, one per rule, become
one alert whose firings list each of them. The kept row is the highest and oldest; it takes the group's first
raised time, nearest target, every event and the status the team has dealt with least (a new alert in the group
keeps the merged one new), so nothing the team has not seen is hidden. Each firing's sources are read from the
rule table by its id (rule ids are stable; a retired id keeps an empty list)."""

from django.conf import settings
from django.db import migrations, models

RANK = {"emergency": 3, "urgent": 2, "soon": 1}
DEALT_WITH = {"open": 0, "acknowledged": 1, "resolved": 2}
STATUS_FIELDS = ("status", "acknowledged_by_id", "acknowledged_at", "resolved_by_id", "resolved_at", "outcome")
LINKS = ("diary_entry_id", "navigator_result_id", "lab_result_id")


def merge_per_source(apps, schema_editor):
    from netcompanion.alertrules.rules import ALERT_RULES

    sources = {rule.id: list(rule.sources) for rule in ALERT_RULES}
    Alert = apps.get_model("alerts", "Alert")
    AlertEvent = apps.get_model("alerts", "AlertEvent")
    groups: dict = {}
    for alert in Alert.objects.order_by("patient_id", "source_key", "-rank", "raised_at", "id"):
        groups.setdefault((alert.patient_id, alert.source_key), []).append(alert)
    kept, merged = [], []
    for alerts in groups.values():
        head = alerts[0]
        head.firings = [{"rule_id": a.rule_id, "level": a.level, "reason": a.reason,
                         "sources": sources.get(a.rule_id, []), "met": a.met} for a in alerts]
        if len(alerts) > 1:
            least = min(alerts, key=lambda a: (DEALT_WITH[a.status], a.raised_at, a.id))
            for name in STATUS_FIELDS:
                setattr(head, name, getattr(least, name))
            head.met = any(a.met for a in alerts)
            head.reason = " ".join(a.reason for a in alerts if a.met or not head.met)
            head.raised_at = min(a.raised_at for a in alerts)
            head.due_at = min(a.due_at for a in alerts)
            for name in LINKS:
                setattr(head, name, next((getattr(a, name) for a in alerts if getattr(a, name)), None))
            rest = [a.pk for a in alerts[1:]]
            # Events are append-only in the app; moving them to the kept alert keeps the whole history.
            AlertEvent._base_manager.filter(alert_id__in=rest).update(alert_id=head.pk)
            merged += rest
        kept.append(head)
    Alert.objects.bulk_update(kept, ["firings", "met", "reason", "raised_at", "due_at", *STATUS_FIELDS, *LINKS],
                              batch_size=500)
    Alert._base_manager.filter(pk__in=merged).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('alerts', '0005_alert_due_at_required'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='alert',
            name='one_alert_per_rule_and_source',
        ),
        migrations.RemoveIndex(
            model_name='alert',
            name='alert_by_source',
        ),
        migrations.AddField(
            model_name='alert',
            name='firings',
            field=models.JSONField(default=list, help_text='Every rule that fired on the source, highest level first: rule_id, level, reason, sources and whether it fires now (met).'),
        ),
        migrations.AlterField(
            model_name='alert',
            name='reason',
            field=models.TextField(help_text='Why the rules fired, for the care team: the reasons of its firings.'),
        ),
        migrations.AlterField(
            model_name='alert',
            name='rule_id',
            field=models.CharField(help_text='The rule that gave the alert its level.', max_length=40),
        ),
        migrations.RunPython(merge_per_source, migrations.RunPython.noop),
    ]
