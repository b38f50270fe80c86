"""What a sender tells the delivery round about one person's digest."""

from __future__ import annotations

from typing import NamedTuple


class Delivered(NamedTuple):
    """Where the digest landed: the chat and the message, so it can be found again."""

    channel_id: str | None
    message_id: str | None


class Unreachable(Exception):
    """This person cannot be reached this week: the app was removed, the account
    deactivated or the token revoked. The round records why and moves on; it
    does not retry them every ten minutes until the week ends."""
