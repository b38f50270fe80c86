"""When a workspace removes the app or revokes its tokens, forget what we kept for it."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore

from bot.slack.deps import deps_of, tenant_of
from bot.slack.safety import reported

log = logging.getLogger("toughclient.slack")


async def forget_workspace(store: AsyncInstallationStore | None, context: AsyncBoltContext) -> None:
    if store is not None:
        await store.async_delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
    tenant = tenant_of(context)
    if tenant:
        deps = deps_of(context)
        await deps.run(deps.service.forget_tenant, tenant)
    log.info("app uninstalled from %s; its installation and platform state are gone", tenant)


async def drop_revoked(
    store: AsyncInstallationStore | None, event: dict[str, Any], context: AsyncBoltContext
) -> None:
    tokens = event.get("tokens") or {}
    if store is not None:
        for user_id in tokens.get("oauth") or []:
            await store.async_delete_installation(
                enterprise_id=context.enterprise_id, team_id=context.team_id, user_id=user_id
            )
        if tokens.get("bot"):
            await store.async_delete_bot(
                enterprise_id=context.enterprise_id, team_id=context.team_id
            )
    log.info("tokens revoked in %s: %s", tenant_of(context), sorted(tokens))


def register(app: AsyncApp) -> None:
    async def on_app_uninstalled(context: AsyncBoltContext) -> None:
        await forget_workspace(app.installation_store, context)

    async def on_tokens_revoked(event: dict[str, Any], context: AsyncBoltContext) -> None:
        await drop_revoked(app.installation_store, event, context)

    app.event("app_uninstalled")(reported(on_app_uninstalled))
    app.event("tokens_revoked")(reported(on_tokens_revoked))
