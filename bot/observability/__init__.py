"""What an operator watches: Prometheus metrics, structured logs with request ids, health.

Nothing here imports slack_bolt, botbuilder or the coach, so every layer may
count and log through it without import cycles.
"""
