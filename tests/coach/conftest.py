"""Coach test fixtures.

``rules_only``: coach with the rules stage alone (``TOUGHCLIENT_COACH_MODEL=off``).
The rule modules' own regression tests use it: they pin what each rule finds
and how the rules rewriter words its fix, which is the rules' job whatever
the model later decides. What the whole pipeline raises is pinned by the
tests that do not use it (the registry's examples, the drafts, new users'
drafts).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.coach.learn.model import MODEL_ENV, RULES_ONLY


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(MODEL_ENV, RULES_ONLY)
    yield
