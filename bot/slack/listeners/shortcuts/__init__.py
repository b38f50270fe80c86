"""Shortcuts: "Coach a reply" on a customer's message."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.shortcuts import coach_reply


def register(app: AsyncApp) -> None:
    coach_reply.register(app)
