"""`/toughclient <draft>`, `check <draft>` and `no [draft]`: coaching before sending."""

from __future__ import annotations

from bot.commands import Command
from bot.slack.listeners.commands.request import CommandRequest
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


async def soften(request: CommandRequest, command: Command) -> None:
    """With a draft: coach it with the refusal flags first. Without: the three-question form."""
    if command.text:
        await coach_and_answer(
            request, command.text, heading="Softening your no", focus=REFUSAL_CODES
        )
        return
    meta = metadata(
        {"channel": request.channel_id, "response_url": request.body.get("response_url")}
    )
    await request.client.views_open(
        trigger_id=request.trigger_id, view=soften_no_modal(private_metadata=meta)
    )


async def coach_and_answer(
    request: CommandRequest,
    draft: str,
    *,
    heading: str = "Coaching for your draft",
    focus: tuple[str, ...] = (),
) -> None:
    deps, actor = request.deps, request.actor
    await user_settings(deps, actor, request.client)
    outcome = await deps.run(
        deps.service.coach, actor, draft, delivery_key=f"slack:coach:{request.trigger_id}"
    )
    message = coaching_message(outcome.result, outcome.tz, heading=heading, focus=focus)
    await request.answer(message)
