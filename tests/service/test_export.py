from datetime import UTC, datetime, timedelta

from bot.service import Actor, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def test_export_filters_by_workspace_and_period(service: Service, actor: Actor, other_tenant):
    service.log_incident(actor, customer="Acme", what_happened="old", now=NOW - timedelta(days=40))
    recent = service.log_incident(
        actor, customer="Acme", what_happened="recent", what_agreed="Refund", now=NOW
    )
    service.log_incident(other_tenant, customer="Globex", what_happened="theirs", now=NOW)

    data = service.export_records(tenant_id="T1", since=NOW - timedelta(days=7))
    assert [i.id for i in data.incidents] == [recent.id]
    assert [p.text for p in data.promises] == ["Refund"]
    everything = service.export_records()
    assert len(everything.incidents) == 3
    older = service.export_records(until=NOW - timedelta(days=39))
    assert [i.what_happened for i in older.incidents] == ["old"]
    assert service.export_records(platform="teams").incidents == []
