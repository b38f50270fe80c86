"""Removing the app forgets the workspace's platform state."""

from __future__ import annotations

import pytest

from tests.slack.harness import Harness
from tests.slack.mock_slack import TEAM_ID

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_app_uninstalled_forgets_the_tenant(slack: Harness) -> None:
    actor = slack.actor("UX")
    assert slack.service.claim_delivery(actor, "slack:event:before-uninstall")
    reply = await slack.event({"type": "app_uninstalled"})
    assert reply.status == 200
    await slack.mock.wait_for(
        lambda: (
            not slack.rows(
                "SELECT 1 FROM processed_deliveries WHERE tenant_id = ? AND delivery_key = ?",
                TEAM_ID,
                "slack:event:before-uninstall",
            )
        )
    )


async def test_tokens_revoked_is_acknowledged(slack: Harness) -> None:
    reply = await slack.event(
        {"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": ["UBOT"]}}
    )
    assert reply.status == 200
