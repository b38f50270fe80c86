"""The coaching of one draft: flags with quoted words, promises, the rewrite."""

from __future__ import annotations

import json
from collections.abc import Sequence

from slack_sdk.models.blocks import ActionsBlock, Block, DividerBlock, InteractiveElement

from bot.coach.labels import counted, flag_label
from bot.coach.types import CoachResult, Flag, Promise
from bot.slack import ids, limits
from bot.slack.text import escape, quote, trim, trim_escaped
from bot.slack.views.common import SlackMessage, button, mrkdwn_sections, note, section, when

REFUSAL_CODES = ("hard_no", "false_hope", "absolute")
MAX_FLAGS = 15
MAX_PROMISE_BUTTONS = 5
MAX_SUGGESTIONS = 4
REWRITE_BLOCK = "rewrite"
SUGGESTIONS_HEADING = "*Alternatives you could offer* (ideas from the AI: pick one and add it "
SUGGESTIONS_HEADING += "yourself; they are not in the rewrite)"


def flag_text(flag: Flag) -> str:
    lines = [f"*{escape(flag_label(flag.code))}*: “{trim_escaped(flag.quote, 300)}”"]
    lines.append(trim_escaped(flag.message, 1000))
    if flag.suggestion:
        lines.append(f"_Try:_ {trim_escaped(flag.suggestion, 1000)}")
    return "\n".join(lines)


def promise_line(promise: Promise, tz: str) -> str:
    words = trim_escaped(promise.text, 300)
    if promise.vague or promise.due is None:
        return f"• {words} (no concrete time: say when)"
    return f"• {words} (due {escape(when(promise.due, tz))})"


def promise_value(promise: Promise, index: int) -> str:
    """Button value for "track this promise": small JSON that fits 2,000 characters."""
    due = promise.due.isoformat() if promise.due else None
    return json.dumps({"i": index, "t": promise.text[:1500], "d": due}, ensure_ascii=False)


def rewrite_value(rewrite: str) -> str:
    """The rewrite travels in the button when it fits; otherwise it is read from the blocks."""
    return rewrite if len(rewrite) <= limits.BUTTON_VALUE else ""


def log_value(result: CoachResult) -> str:
    agreed = "; ".join(p.text for p in result.promises)[:800]
    due = next((p.due.isoformat() for p in result.promises if p.due), None)
    return json.dumps(
        {"agreed": agreed, "due": due, "draft": result.text[:800]}, ensure_ascii=False
    )


def ordered_flags(flags: Sequence[Flag], *, focus: Sequence[str] = ()) -> list[Flag]:
    """Flags in reading order, those in `focus` (the refusal ones for `no`) first."""
    return sorted(flags, key=lambda f: (f.code not in focus, f.start, f.end))


def coaching_blocks(
    result: CoachResult,
    tz: str,
    *,
    heading: str = "Coaching for your draft",
    focus: Sequence[str] = (),
    with_actions: bool = True,
    offer_log: bool = True,
    suggestions: Sequence[str] = (),
) -> list[Block]:
    blocks: list[Block] = [section(f"*{escape(heading)}*")]
    flags = ordered_flags(result.flags, focus=focus)
    if not flags:
        blocks.append(section("Nothing to fix: this reads calm, clear and specific."))
    for flag in flags[:MAX_FLAGS]:
        blocks.append(section(flag_text(flag)))
    if len(flags) > MAX_FLAGS:
        blocks.append(note(f"{counted(len(flags) - MAX_FLAGS, 'more flag')} not shown."))
    if result.promises:
        lines = [promise_line(p, tz) for p in result.promises[:20]]
        blocks.append(section("*Promises you are making*\n" + "\n".join(lines)))
    if result.rewrite:
        blocks.append(DividerBlock())
        source = "rules" if result.rewrite_source == "rules" else "AI, re-checked by the rules"
        blocks.append(section(f"*Suggested rewrite* ({source})"))
        blocks.extend(mrkdwn_sections(quote(escape(result.rewrite)), block_id=REWRITE_BLOCK))
    if suggestions:
        ideas = [f"• {trim_escaped(s, 300)}" for s in suggestions[:MAX_SUGGESTIONS]]
        blocks.append(section(SUGGESTIONS_HEADING + "\n" + "\n".join(ideas)))
    if with_actions:
        elements = action_buttons(result, offer_log=offer_log)
        if elements:
            blocks.append(ActionsBlock(block_id="coaching_actions", elements=elements))
    return blocks


def action_buttons(result: CoachResult, *, offer_log: bool = True) -> list[InteractiveElement]:
    elements: list[InteractiveElement] = []
    if result.rewrite:
        elements.append(
            button(
                "Use the rewrite", ids.USE_REWRITE, rewrite_value(result.rewrite), style="primary"
            )
        )
    for index, promise in enumerate(result.promises[:MAX_PROMISE_BUTTONS]):
        label = f"Track: {trim(promise.text, 60)}"
        elements.append(
            button(label, f"{ids.TRACK_PROMISE}_{index}", promise_value(promise, index))
        )
    if offer_log:
        elements.append(button("Log an incident", ids.OPEN_LOG_MODAL, log_value(result)))
    return elements


def coaching_fallback(result: CoachResult) -> str:
    count = len(result.flags)
    head = (
        "Nothing to fix in your draft."
        if count == 0
        else f"{counted(count, 'thing')} to fix in your draft."
    )
    return head + (f" Suggested rewrite: {result.rewrite}" if result.rewrite else "")


def coaching_message(
    result: CoachResult,
    tz: str,
    *,
    heading: str = "Coaching for your draft",
    focus: Sequence[str] = (),
    offer_log: bool = True,
    suggestions: Sequence[str] = (),
) -> SlackMessage:
    blocks = coaching_blocks(
        result, tz, heading=heading, focus=focus, offer_log=offer_log, suggestions=suggestions
    )
    return SlackMessage(text=coaching_fallback(result), blocks=blocks)


def rewrite_message(rewrite: str) -> SlackMessage:
    """The rewrite alone, nothing around it, so copying the message copies only the reply."""
    return SlackMessage(text=rewrite, blocks=mrkdwn_sections(escape(rewrite), block_id="copy"))
