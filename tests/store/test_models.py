from bot.store.models import Base

SLACK_SDK_TABLES = {"slack_installations", "slack_bots", "slack_oauth_states"}


def test_every_record_belongs_to_a_platform_and_tenant():
    import bot.store.slack_tables  # noqa: F401

    ours = [t for name, t in Base.metadata.tables.items() if name not in SLACK_SDK_TABLES]
    assert len(ours) == 8
    for table in ours:
        assert {"platform", "tenant_id"} <= set(table.c.keys()), table.name
        assert not table.c.platform.nullable and not table.c.tenant_id.nullable


def test_every_query_path_starts_with_the_tenant():
    for table in Base.metadata.tables.values():
        if table.name in SLACK_SDK_TABLES:
            continue
        for index in table.indexes:
            names = [c.name for c in index.columns]
            if names[:2] != ["platform", "tenant_id"]:
                # housekeeping indexes (retention purges, the weekly run) span tenants
                assert names[0] in {"created_at", "claimed_at", "status", "incident_id"}, names
