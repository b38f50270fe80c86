"""Kinds, severities and statuses: one list, the same in the database, the service and both
platforms' forms."""

from __future__ import annotations

import json

from bot import labels
from bot.service.promises import CLOSING_STATUSES
from bot.slack.views.log_modal import LogPrefill, log_incident_modal
from bot.store.models import INCIDENT_KINDS, INCIDENT_STATUSES, PROMISE_STATUSES, SEVERITIES
from bot.teams.cards.incidents import incident_form_card


def test_the_database_constraints_allow_exactly_the_listed_values() -> None:
    assert labels.values(labels.SEVERITIES) == SEVERITIES
    assert labels.values(labels.INCIDENT_KINDS) == INCIDENT_KINDS
    assert labels.values(labels.INCIDENT_STATUSES) == INCIDENT_STATUSES
    assert labels.values(labels.PROMISE_STATUSES) == PROMISE_STATUSES
    assert set(CLOSING_STATUSES) == set(PROMISE_STATUSES) - {labels.OPEN}


def test_slack_and_teams_offer_the_same_choices_with_the_same_words_and_defaults() -> None:
    modal = json.dumps(log_incident_modal(LogPrefill(), private_metadata="{}").to_dict())
    card = incident_form_card().card
    choice_sets = {e["id"]: e for e in card["body"] if e.get("type") == "Input.ChoiceSet"}
    for field, choices, default in (
        ("severity", labels.SEVERITIES, labels.DEFAULT_SEVERITY),
        ("kind", labels.INCIDENT_KINDS, labels.DEFAULT_KIND),
    ):
        offered = [(c["value"], c["title"]) for c in choice_sets[field]["choices"]]
        assert offered == list(choices)
        assert choice_sets[field]["value"] == default
        for value, label in choices:
            assert f'"text": "{label}"' in modal and f'"value": "{value}"' in modal


def test_an_unknown_value_shows_as_itself() -> None:
    assert labels.label(labels.INCIDENT_KINDS, "problem_customer") == "Problem customer"
    assert labels.label(labels.INCIDENT_KINDS, "from_a_newer_release") == "from_a_newer_release"
