"""Cross-cutting concerns as Bolt middleware: dependencies and the actor into the context."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.slack.deps import ACTOR_KEY, BODY_KEY, DEPS_KEY, Deps, actor_from
from bot.slack.respond import PooledRespond
from bot.user_text import clean_tree

Next = Callable[[], Awaitable[BoltResponse]]


class AttachDeps(AsyncMiddleware):
    """Put the service and the actor into every request's context; no I/O, so acks stay fast.

    A middleware class, not a function: Bolt calls it directly instead of
    inspecting its signature to build keyword arguments on every request.
    """

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Next
    ) -> BoltResponse | None:
        # Control characters go here, before any listener reads the text (bot.user_text).
        req.body = clean_tree(req.body)
        context, body = req.context, req.body
        context[DEPS_KEY] = self.deps
        context[BODY_KEY] = body
        context[ACTOR_KEY] = actor_from(context, body)
        http = self.deps.http
        if http is not None and context.response_url and "respond" not in context:
            context["respond"] = PooledRespond(response_url=context.response_url, session=http)
        return await next()


def attach_deps(deps: Deps) -> AttachDeps:
    return AttachDeps(deps)
