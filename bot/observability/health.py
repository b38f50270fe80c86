"""Liveness, readiness and the checks behind them, shared by `/readyz` and `app.py check`.

`/healthz` answers "is this process alive": 200 whenever it can answer at
all, with what it knows about the database in the body, so an orchestrator
never restarts replicas because PostgreSQL is away (that would not bring it
back). `/readyz` answers "send me traffic": 503 unless the database answers,
its schema is at the newest migration, and Slack and Teams are configured
the way the settings intend (a half-set Slack, a Teams set-up that failed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.service import Service


@dataclass(frozen=True)
class Check:
    """One thing a deployment needs: whether it holds, and in words what to do if not."""

    name: str
    ok: bool
    detail: str


def database_checks(service: Service) -> list[Check]:
    """The database answers, and its schema is the one this release ships.

    Synchronous (two round trips): call it in a worker thread.
    """
    from bot.service import ServiceError

    try:
        service.ping()
    except ServiceError as error:
        return [Check("database", False, f"unreachable: {error}")]
    except Exception as error:  # a driver or URL problem is still "not ready", not a crash
        return [Check("database", False, f"error: {type(error).__name__}: {error}")]
    checks = [Check("database", True, "reachable")]
    try:
        current, head = service.schema_revisions()
    except Exception as error:
        return [*checks, Check("migrations", False, f"could not read the revision: {error}")]
    if current == head:
        checks.append(Check("migrations", True, f"at head ({head})"))
    else:
        checks.append(Check(
            "migrations", False,
            f"at {current or 'no schema'}, this release needs {head}: "
            "run `python app.py migrate` (the release's migration step)",
        ))
    return checks


def as_json(checks: list[Check]) -> dict[str, object]:
    return {
        "ready": all(check.ok for check in checks),
        "checks": {check.name: {"ok": check.ok, "detail": check.detail} for check in checks},
    }
