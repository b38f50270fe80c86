"""What Slack actually parses as mrkdwn in a payload, to prove nothing pings."""

from __future__ import annotations


def rendered_mrkdwn(node: object) -> list[str]:
    """Every string Slack parses as mrkdwn (button values and plain_text are never parsed)."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn":
            found.append(str(node.get("text", "")))
        for key, value in node.items():
            if key == "text" and isinstance(value, str) and node.get("type") is None:
                found.append(value)  # a message's fallback text
            elif key != "value":
                found += rendered_mrkdwn(value)
    elif isinstance(node, list):
        for item in node:
            found += rendered_mrkdwn(item)
    return found


def no_raw_pings(payload: object) -> None:
    texts = rendered_mrkdwn(payload)
    assert texts
    for ping in ("<!channel>", "<!here>", "<!everyone>", "<@U1>", "<@U123>"):
        assert all(ping not in text for text in texts)
