"""Who is talking: tenant and user from real Teams activity shapes; references as JSON."""

from __future__ import annotations

import json

import pytest
from botbuilder.schema import Activity

from bot.teams.identity import actor_of, reference_from_json, reference_json, tenant_of
from tests.teams.conftest import TENANT, channel_message, personal_message

URL = "https://smba.trafficmanager.net/emea/"


def test_personal_chat_uses_conversation_tenant_and_aad_object_id() -> None:
    activity = Activity().deserialize(personal_message(URL, "hi", tenant="tenant-from-conv"))
    actor = actor_of(activity)
    assert (actor.platform, actor.tenant_id) == ("teams", "tenant-from-conv")
    assert actor.user_id == "00000000-0000-0000-0000-0000000000ad"
    assert actor.user_name == "Ada Lovelace"


def test_channel_messages_fall_back_to_channel_data_tenant() -> None:
    activity = Activity().deserialize(channel_message(URL, "hi"))
    assert tenant_of(activity) == TENANT


def test_without_an_aad_id_the_channel_user_id_is_used() -> None:
    raw = personal_message(URL, "hi")
    del raw["from"]["aadObjectId"]
    assert actor_of(Activity().deserialize(raw)).user_id == raw["from"]["id"]


def test_the_emulator_has_no_tenant_and_gets_the_local_one() -> None:
    raw = personal_message(URL, "hi", tenant=None)
    raw["channelData"] = {}
    raw["channelId"] = "emulator"
    assert tenant_of(Activity().deserialize(raw)) == "local"


def test_a_reference_round_trips_through_plain_json() -> None:
    activity = Activity().deserialize(personal_message(URL, "hi"))
    stored = json.loads(json.dumps(reference_json(activity)))
    assert stored["serviceUrl"] == URL
    assert stored["conversation"]["id"] == "a:1personal-chat-ada"
    assert stored["conversation"]["tenantId"] == TENANT
    assert stored["user"]["aadObjectId"] == "00000000-0000-0000-0000-0000000000ad"
    reference = reference_from_json(stored)
    assert reference.bot.id == "28:toughclient-bot"
    assert reference.conversation.tenant_id == TENANT


def test_a_reference_without_an_address_is_refused() -> None:
    with pytest.raises(ValueError, match="serviceUrl"):
        reference_from_json({"conversation": {"id": "x"}})
