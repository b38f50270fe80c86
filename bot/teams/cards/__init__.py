"""Adaptive Cards 1.5 as plain dicts, built by pure functions.

No SDK types here: a card is JSON the tests validate against the official
schema, and it would serve the successor SDK unchanged.
"""

from bot.teams.cards.common import CardMessage

__all__ = ["CardMessage"]
