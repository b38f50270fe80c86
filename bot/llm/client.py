"""One AsyncOpenAI client per process, built from the settings.

Any OpenAI-compatible server works (Azure OpenAI, vLLM, Ollama, llama.cpp):
`OPENAI_BASE_URL` points at it. The SDK retries 429s and 5xx twice with
backoff; the caller bounds the whole rewrite with `OPENAI_TIMEOUT`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from openai import AsyncOpenAI

from bot.config import Settings

SDK_RETRIES = 2


@dataclass(frozen=True, slots=True)
class Completion:
    content: str | None
    refusal: str | None
    prompt_tokens: int
    completion_tokens: int


def make_client(settings: Settings) -> AsyncOpenAI:
    return AsyncOpenAI(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url or None,
        timeout=settings.openai_timeout,
        max_retries=SDK_RETRIES,
    )


async def complete(
    client: AsyncOpenAI,
    *,
    model: str,
    messages: list[dict[str, str]],
    response_format: dict[str, Any],
) -> Completion:
    """One Chat Completions call with structured output; the first choice, typed."""
    response = await client.chat.completions.create(
        model=model,
        # The SDK types these as TypedDicts; ours are the same shapes, built as dicts.
        messages=cast(Any, messages),
        response_format=cast(Any, response_format),
        temperature=0.3,
    )
    usage = response.usage
    if not response.choices:
        return Completion(None, None, usage.prompt_tokens if usage else 0,
                          usage.completion_tokens if usage else 0)
    message = response.choices[0].message
    return Completion(
        content=message.content,
        refusal=getattr(message, "refusal", None),
        prompt_tokens=usage.prompt_tokens if usage else 0,
        completion_tokens=usage.completion_tokens if usage else 0,
    )
