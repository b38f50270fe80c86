"""Who is talking and where: the Actor and the conversation reference as plain JSON.

The reference is stored as the Bot Framework wire format (camelCase JSON), so
a successor SDK, or a plain HTTP client, can read it back; never a pickle.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.service import Actor

LOCAL_TENANT = "local"


def tenant_of(activity: Activity) -> str:
    """conversation.tenantId first, then channelData.tenant.id; the Emulator has neither."""
    conversation = activity.conversation
    if conversation is not None:
        # botbuilder maps tenant_id to "tenantID"; Teams sends "tenantId", kept as an extra.
        extras = getattr(conversation, "additional_properties", None) or {}
        tenant_id = conversation.tenant_id or extras.get("tenantId")
        if tenant_id:
            return str(tenant_id)
    channel_data = activity.channel_data
    if isinstance(channel_data, dict):
        tenant = channel_data.get("tenant")
        if isinstance(tenant, dict) and tenant.get("id"):
            return str(tenant["id"])
    return LOCAL_TENANT


def actor_of(activity: Activity) -> Actor:
    """The user's Entra object id when Teams gives one: stable across chats and bots."""
    sender = activity.from_property
    user_id = (sender.aad_object_id or sender.id) if sender else None
    return Actor(
        platform="teams",
        tenant_id=tenant_of(activity),
        user_id=str(user_id or "unknown"),
        user_name=sender.name if sender else None,
    )


def reference_json(activity: Activity) -> dict[str, Any]:
    """The reference with the conversation's tenantId, which the SDK's serializer drops."""
    serialized: dict[str, Any] = TurnContext.get_conversation_reference(activity).serialize()
    tenant = tenant_of(activity)
    if tenant != LOCAL_TENANT and isinstance(serialized.get("conversation"), dict):
        serialized["conversation"]["tenantId"] = tenant
    return serialized


def reference_from_json(data: dict[str, Any]) -> ConversationReference:
    reference: ConversationReference = ConversationReference().deserialize(data)
    if not reference.service_url or reference.conversation is None:
        raise ValueError("a conversation reference needs serviceUrl and conversation")
    tenant = (data.get("conversation") or {}).get("tenantId")
    if tenant and not reference.conversation.tenant_id:
        reference.conversation.tenant_id = tenant
    return reference
