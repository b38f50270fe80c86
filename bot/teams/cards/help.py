"""Usage and errors: short, friendly, and always with a way forward."""

from __future__ import annotations

from bot.commands import USAGE_LINES
from bot.teams.cards.common import CardMessage, Element, card, heading, paragraph, submit, subtle

INTRO = (
    "Paste a reply you are about to send to a customer and I will coach it: what will "
    "make things worse, why, and a better version."
)


def usage_text() -> str:
    return "\n".join(f"{args}: {what}" for args, what in USAGE_LINES)


def _usage_facts() -> Element:
    return {
        "type": "FactSet",
        "facts": [{"title": args, "value": what} for args, what in USAGE_LINES],
    }


def help_card() -> CardMessage:
    body: list[Element] = [heading("toughclient"), paragraph(INTRO), _usage_facts()]
    actions = [
        submit("Soften a no", "open_soften_form"),
        submit("Log an incident", "open_log_form"),
        submit("My promises", "show_promises"),
    ]
    text = f"{INTRO}\n{usage_text()}"
    return CardMessage(card(body, actions=actions, fallback=text), text)


def error_card(message: str, *, with_usage: bool = False) -> CardMessage:
    """A short error; with usage when the user typed something we do not understand."""
    body: list[Element] = [paragraph(message, color="Attention", weight="Bolder")]
    text = message
    if with_usage:
        body += [subtle("What I understand:"), _usage_facts()]
        text = f"{message}\n{usage_text()}"
    return CardMessage(card(body, fallback=text), text)


def unknown_command_card(typed: str, suggestion: str | None) -> CardMessage:
    hint = f" Did you mean “{suggestion}”?" if suggestion else ""
    return error_card(f"I don't know the command “{typed}”.{hint}", with_usage=True)


def too_complex_card(message: str) -> CardMessage:
    """Coaching ran out of time: say so kindly and how to get an answer."""
    body: list[Element] = [
        paragraph(message, weight="Bolder"),
        subtle("Paste one paragraph, or the part you are least sure about, and I will coach that."),
    ]
    return CardMessage(card(body, fallback=message), message)


def private_only_card(command: str, chat_link: str | None) -> CardMessage:
    """Asked in a channel or group chat for something only the asker should see."""
    message = f"I keep that between us: open a personal chat with me and type `{command}`."
    body: list[Element] = [paragraph(message, markdown=True)]  # the command is ours
    actions: list[Element] = []
    if chat_link:
        actions.append(
            {"type": "Action.OpenUrl", "title": "Open a personal chat", "url": chat_link}
        )
    else:
        body.append(subtle("Find me under Apps, or click my name and choose Chat."))
    return CardMessage(card(body, actions=actions or None, fallback=message), message)


def notice_card(title: str, message: str) -> CardMessage:
    """A plain answer: a heading and a sentence or two, nothing to click."""
    return CardMessage(card([heading(title), paragraph(message)], fallback=message), message)
