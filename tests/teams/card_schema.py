"""Validate cards against the official Adaptive Cards 1.5 schema, and messages against 28 KB."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

# Kept in the repository with its licence (schemas/README.md): tests need nothing beside it.
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "adaptive-card-1.5.json"
MAX_MESSAGE_BYTES = 28 * 1024


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


def without_msteams(value: Any) -> Any:
    """Teams' own extension key is not in the schema; drop it everywhere before validating."""
    if isinstance(value, dict):
        return {k: without_msteams(v) for k, v in value.items() if k != "msteams"}
    if isinstance(value, list):
        return [without_msteams(v) for v in value]
    return value


def assert_valid_card(card: dict[str, Any]) -> None:
    assert card.get("type") == "AdaptiveCard"
    assert card.get("version") == "1.5"
    assert card.get("fallbackText"), "every card carries a text fallback"
    errors = sorted(_validator().iter_errors(without_msteams(copy.deepcopy(card))), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def assert_valid_message(body: dict[str, Any]) -> None:
    """A message the bot sent: under 28 KB, a text fallback, and every card valid."""
    size = len(json.dumps(body, ensure_ascii=False).encode("utf-8"))
    assert size < MAX_MESSAGE_BYTES, f"message is {size} bytes"
    attachments = body.get("attachments") or []
    assert body.get("summary") or body.get("text"), "every message has a text fallback"
    for attachment in attachments:
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
            assert_valid_card(attachment["content"])
