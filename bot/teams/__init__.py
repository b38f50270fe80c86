"""Microsoft Teams adapter: the only package that imports botbuilder.

botbuilder-python is archived; Microsoft's successor is the Microsoft 365
Agents SDK. Keeping every SDK import behind this package means that move
rewrites `bot/teams/` and nothing else: the core, the store and the Slack side
never see an SDK type (conversation references leave here as plain JSON).
"""
