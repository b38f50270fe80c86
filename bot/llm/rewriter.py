"""The model rewrite of one draft: asked, checked, retried once, or left to the rules.

Nothing here can make an answer worse or later than the rules one: every
failure (timeout, 429 or 5xx after the SDK's retries, an unreachable server,
malformed JSON, a refusal by the model, a rewrite the guardrails reject twice)
ends in the rules result, one log line and a counter. The whole rewrite, the
retry included, is bounded by `OPENAI_TIMEOUT`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, replace
from datetime import datetime

import openai
from openai import AsyncOpenAI

from bot.coach import MAX_DRAFT_CHARS
from bot.coach.types import CoachResult
from bot.config import Settings
from bot.llm import guardrails, metrics
from bot.llm.answer import RESPONSE_FORMAT, Change, MalformedAnswer, ModelAnswer, parse_answer
from bot.llm.client import complete, make_client
from bot.llm.privacy import Placeholders
from bot.llm.prompts import (
    PROMPT_VERSION,
    PromptData,
    Task,
    findings_text,
    retry_message,
    system_message,
    user_message,
)

log = logging.getLogger("toughclient.llm")

REFUSAL_CODES = frozenset({"hard_no", "false_hope"})


@dataclass(frozen=True, slots=True)
class RewriteRequest:
    """One draft and its rules coaching, plus what the writer told us about it."""

    coached: CoachResult
    now: datetime
    tz: str
    task: Task = "rewrite_draft"
    customer_message: str = ""
    asked_for: str = ""
    why_not: str = ""
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Improved:
    """The answer to show: the model's rewrite when it passed, else the rules one.

    `suggestions` are the model's own ideas for alternatives, for the writer to
    choose from; they are never part of `result.rewrite`.
    """

    result: CoachResult
    outcome: str
    suggestions: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def from_model(self) -> bool:
        return self.result.rewrite_source == "llm"


class _Rejected(Exception):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


class Rewriter:
    """Rewrites drafts with the configured model; safe to share across tasks."""

    def __init__(self, settings: Settings, client: AsyncOpenAI | None = None) -> None:
        self.model = settings.openai_model
        self.timeout = settings.openai_timeout
        self.client = client or make_client(settings)

    async def close(self) -> None:
        await self.client.close()

    async def improve(self, request: RewriteRequest) -> Improved:
        """The checked model rewrite, or the rules result with why the model's was not used."""
        coached = request.coached
        if request.task == "rewrite_draft" and not coached.flags:
            return Improved(coached, "clean")
        started = time.monotonic()
        stats = metrics.CallStats()
        outcome, detail = "llm", ""
        improved = Improved(coached, "rules")
        try:
            async with asyncio.timeout(self.timeout):
                improved = await self._ask(request, stats)
        except TimeoutError:
            outcome = "timeout"
        except openai.RateLimitError:
            outcome = "rate_limited"
        except openai.APIStatusError as error:
            outcome, detail = ("server_error" if error.status_code >= 500 else "api_error",
                               str(error.status_code))
        except openai.APIConnectionError:
            outcome = "unreachable"
        except MalformedAnswer as error:
            outcome, detail = "malformed", str(error)
        except _ModelRefused:
            outcome = "model_refused"
        except _Rejected as error:
            outcome, detail = "rejected", f"{len(error.reasons)} violations"
        except openai.OpenAIError as error:  # e.g. a response the SDK cannot read
            outcome, detail = "api_error", type(error).__name__
        except Exception as error:  # a bug of ours must cost the AI answer, never the answer
            log.exception("the model rewrite failed unexpectedly")
            outcome, detail = "error", type(error).__name__
        metrics.record(outcome, time.monotonic() - started, stats, model=self.model,
                       detail=f"prompt={PROMPT_VERSION}" + (f" {detail}" if detail else ""))
        if outcome != "llm":
            return Improved(coached, outcome)
        return improved

    async def _ask(self, request: RewriteRequest, stats: metrics.CallStats) -> Improved:
        hidden = Placeholders()
        coached = request.coached
        refuses = request.task == "soften_no" or any(
            f.code in REFUSAL_CODES for f in coached.flags
        )
        data = PromptData(
            task=request.task,
            draft=hidden.hide(coached.text),
            customer_message=hidden.hide(request.customer_message[:MAX_DRAFT_CHARS]),
            asked_for=hidden.hide(request.asked_for),
            why_not=hidden.hide(request.why_not),
            alternatives=tuple(hidden.hide(a) for a in request.alternatives),
            refuses=refuses,
        )
        quotes = [hidden.hide(f.quote) for f in coached.flags]
        findings = hidden.hide(findings_text(coached))
        messages = [
            {"role": "system", "content": system_message(data, findings)},
            {"role": "user", "content": user_message(data, quotes)},
        ]
        reasons: list[str] = []
        for _attempt in range(2):
            answer, raw = await self._call(messages, stats)
            rewrite = hidden.restore(answer.rewrite).strip()
            context = guardrails.Context(
                draft=coached.text,
                coached=coached,
                now=request.now,
                tz=request.tz,
                writer_alternatives="\n".join(request.alternatives),
                model_suggestions=tuple(hidden.restore(s) for s in answer.alternatives),
            )
            reasons = await asyncio.to_thread(guardrails.violations, rewrite, context)
            if not reasons:
                return Improved(
                    replace(coached, rewrite=rewrite, rewrite_source="llm"),
                    "llm",
                    suggestions=_suggestions(answer, hidden),
                    changes=answer.changes,
                )
            messages += [
                {"role": "assistant", "content": raw},
                {"role": "user", "content": retry_message([hidden.hide(r) for r in reasons])},
            ]
        raise _Rejected(reasons)

    async def _call(
        self, messages: list[dict[str, str]], stats: metrics.CallStats
    ) -> tuple[ModelAnswer, str]:
        stats.attempts += 1
        done = await complete(
            self.client, model=self.model, messages=messages, response_format=RESPONSE_FORMAT
        )
        stats.add_usage(done.prompt_tokens, done.completion_tokens)
        if done.refusal:
            raise _ModelRefused()
        return parse_answer(done.content), done.content or ""


class _ModelRefused(Exception):
    """The model declined to answer (structured output's `refusal`)."""


def _suggestions(answer: ModelAnswer, hidden: Placeholders) -> tuple[str, ...]:
    cleaned = (" ".join(hidden.restore(s).split()) for s in answer.alternatives)
    return tuple(s for s in cleaned if s)[:4]
