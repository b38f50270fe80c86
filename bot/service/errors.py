"""Errors the adapters show to people: each message is fit to post as is."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every error a service call raises on purpose."""

    @property
    def message(self) -> str:
        return str(self)


class NotFound(ServiceError):
    """No such record for this workspace or tenant (another tenant's ids included)."""


class InvalidInput(ServiceError):
    """The request cannot be done as asked; the message says what to change."""


class StorageUnavailable(ServiceError):
    """The database stayed unreachable through the retries; nothing was saved."""


class StorageMisconfigured(StorageUnavailable):
    """DATABASE_URL itself is wrong; the message says what to fix (retrying will not help)."""


def misconfigured_message(problem: str) -> str:
    return f"The database cannot be used: {problem}, then restart toughclient."


def unavailable_message(what: str, *, write: bool = True) -> str:
    if write:
        return (
            f"The database is unavailable, so your {what} was not saved. "
            "Please try again in a minute."
        )
    return (
        f"The database is unavailable, so your {what} could not be loaded. "
        "Please try again in a minute."
    )
