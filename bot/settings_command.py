"""`settings …` typed in Slack or Teams: when the weekly digest comes, read once for both.

`settings tz Europe/Paris day friday hour 16 digest on all-clear off`: any of
the pairs, in any order. A word that does not read gets one friendly line
saying what would, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
USAGE = (
    "Try: settings tz Europe/Paris · settings day friday hour 16 · "
    "settings digest off · settings all-clear on"
)
_SWITCH = {"on": True, "off": False, "yes": True, "no": False, "true": True, "false": False}
_KEYS = {
    "tz": "tz", "zone": "tz", "timezone": "tz",
    "day": "day", "hour": "hour", "digest": "digest",
    "all-clear": "all_clear", "allclear": "all_clear", "all_clear": "all_clear",
}


class SettingsSyntaxError(ValueError):
    """What did not read, in words for the person who typed it."""


@dataclass(frozen=True, slots=True)
class SettingsChange:
    tz: str | None = None
    digest_day: int | None = None
    digest_hour: int | None = None
    digest_enabled: bool | None = None
    all_clear: bool | None = None

    @property
    def empty(self) -> bool:
        return all(v is None for v in (
            self.tz, self.digest_day, self.digest_hour, self.digest_enabled, self.all_clear
        ))

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "tz": self.tz, "digest_day": self.digest_day, "digest_hour": self.digest_hour,
            "digest_enabled": self.digest_enabled, "all_clear": self.all_clear,
        }


def _day(word: str) -> int:
    word = word.lower()
    for index, day in enumerate(DAYS):
        if len(word) >= 3 and day.startswith(word):
            return index
    raise SettingsSyntaxError(f"“{word}” is not a day of the week. {USAGE}")


def _hour(word: str) -> int:
    text = word.lower().removesuffix(":00")
    pm = text.endswith("pm")
    text = text.removesuffix("pm").removesuffix("am")
    if not text.isdigit() or not 0 <= int(text) <= 23:
        raise SettingsSyntaxError(f"“{word}” is not an hour from 0 to 23. {USAGE}")
    hour = int(text)
    if pm and hour < 12:
        hour += 12
    return hour


def _switch(word: str) -> bool:
    if word.lower() not in _SWITCH:
        raise SettingsSyntaxError(f"“{word}” is not on or off. {USAGE}")
    return _SWITCH[word.lower()]


def parse_settings(text: str) -> SettingsChange:
    """The changes typed after `settings`; an empty text is an empty change (show them)."""
    words = text.split()
    if len(words) % 2:
        raise SettingsSyntaxError(f"“{words[-1]}” needs a value after it. {USAGE}")
    found: dict[str, object] = {}
    for key_word, value in zip(words[::2], words[1::2], strict=True):
        key = _KEYS.get(key_word.lower())
        if key is None:
            raise SettingsSyntaxError(f"“{key_word}” is not a setting. {USAGE}")
        if key == "tz":
            found["tz"] = value
        elif key == "day":
            found["digest_day"] = _day(value)
        elif key == "hour":
            found["digest_hour"] = _hour(value)
        elif key == "digest":
            found["digest_enabled"] = _switch(value)
        else:
            found["all_clear"] = _switch(value)
    return SettingsChange(**found)  # type: ignore[arg-type]


def describe(tz: str, day: int, hour: int, enabled: bool, all_clear: bool) -> str:
    """The settings as one sentence, the same on Slack and Teams."""
    if not enabled:
        when = "Your weekly digest is off"
    else:
        when = f"Your weekly digest comes on {DAYS[day % 7].capitalize()}s at {hour:02d}:00"
    quiet = (
        "with nothing open you get a one-line all-clear"
        if all_clear
        else "with nothing open you get nothing"
    )
    return f"{when} ({tz}); {quiet}."
