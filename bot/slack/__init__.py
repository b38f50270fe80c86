"""The Slack adapter: slack-bolt listeners per surface, Block Kit views and middleware.

It parses, verifies and acknowledges Slack requests, calls one service use case
and renders the result; business rules live in `bot.service` and `bot.coach`.
"""
