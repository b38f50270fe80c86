"""`/toughclient <draft>`, `check <draft>` and `no [draft]`: coaching before sending."""

from __future__ import annotations

from bot.commands import Command
from bot.service import RewriteAsk, RewriteOutcome
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.model_rewrite import follow_up
from bot.slack.opening import open_modal
from bot.slack.user_settings import user_settings
from bot.slack.views.coaching import REFUSAL_CODES, coaching_message
from bot.slack.views.help import error_message
from bot.slack.views.modals import metadata
from bot.slack.views.soften_modal import soften_no_modal


async def check(request: CommandRequest, command: Command) -> None:
    if not command.text:
        await request.answer(
            error_message("Add the draft after the command: /toughclient check <draft>")
        )
        return
    await coach_and_answer(request, command.text)


async def open_form(request: CommandRequest, command: Command) -> bool:
    """`no` with no draft: open the three-question form (before any database work)."""
    if command.text:
        return False
    meta = metadata(
        {"channel": request.channel_id, "response_url": request.body.get("response_url")}
    )
    await open_modal(request.client, request.trigger_id, soften_no_modal(private_metadata=meta))
    return True


async def soften(request: CommandRequest, command: Command) -> None:
    """With a draft: coach it with the refusal flags first. Without: the three-question form."""
    if await open_form(request, command):
        return
    await coach_and_answer(
        request, command.text, heading="Softening your no", focus=REFUSAL_CODES, soften=True
    )


async def coach_and_answer(
    request: CommandRequest,
    draft: str,
    *,
    heading: str = "Coaching for your draft",
    focus: tuple[str, ...] = (),
    soften: bool = False,
) -> None:
    deps, actor = request.deps, request.actor
    await user_settings(deps, actor, request.client)
    outcome = await deps.coach(actor, draft, delivery_key=f"slack:coach:{request.trigger_id}")
    message = coaching_message(outcome.result, outcome.tz, heading=heading, focus=focus)
    await request.answer(message)

    async def update(rewritten: RewriteOutcome) -> None:
        better = coaching_message(
            rewritten.result, outcome.tz, heading=heading, focus=focus,
            suggestions=rewritten.suggestions,
        )
        await request.answer(better, replace=True)

    await follow_up(deps, actor, outcome, update, RewriteAsk(soften=soften))
