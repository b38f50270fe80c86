"""Turn the time words of a draft into the instant a customer would hold us to.

A promise is only worth tracking if it has a moment that can be checked
against a clock, so every phrase resolves to one aware datetime in the
writer's zone, relative to `now`. The conventions, chosen to match how a
customer reads a business reply:

- A day without a clock time means close of business, 17:00, that day
  ("by Friday", "tomorrow", "on March 10", "in 2 days"); said about today
  after 17:00 it means 23:59 today.
- EOD / end of day / COB / close of business: 17:00. First thing: 09:00.
  Morning: by 12:00. Afternoon: by 17:00. Evening / tonight: by 21:00.
  Before or by lunch: 12:00; after lunch: 14:00. Midnight: 00:00 that ends the day.
- A bare weekday ("Friday", "by Friday") is the next one strictly after today:
  said on a Friday it means next week's Friday, because today is "today".
  "this Friday" is the Friday of the current Monday-to-Sunday week;
  "next Friday" is the Friday of the following week.
- "this week", "later this week", "end of the week": Friday 17:00.
  "next week" and "end of next week": next week's Friday 17:00; "early next
  week" its Tuesday, "mid next week" its Wednesday.
  "by the weekend": Friday 17:00; "over / this weekend": Sunday 17:00.
- "end of month", "this month": the month's last calendar day, 17:00;
  "in March" the last day of March, "mid-March" the 15th, "early March" and
  "the first week of March" the 7th.
- Minutes and hours count real elapsed time ("in 20 minutes", "within 48
  hours", "within the hour"); days, weeks and months count calendar days and
  end at 17:00; business days skip Saturday and Sunday.
- A clock time without a day is today if still ahead, otherwise tomorrow. An
  hour without am/pm follows the part of day when one is named, else business
  hours: 1 to 7 is afternoon, 8 to 11 is morning.
- "3/10" is month/day (US) unless only day/month is a real date; dates without
  a year are the next such date on or after today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.coach.when_calendar import (
    FRIDAY,
    SUNDAY,
    add_business_days,
    add_months,
    at,
    close_of,
    last_day_of_month,
    next_weekday,
    quarter_end,
    upcoming_date,
    upcoming_month,
    weekday_next_week,
    weekday_this_week,
)
from bot.coach.when_scan import anchors, scan
from bot.coach.when_words import MONTHS, NUMBERS, WEEKDAYS, alternation, number_value


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time expression found in a text and the instant it names."""

    start: int
    end: int
    due: datetime


_WD = alternation(WEEKDAYS)
_MO = alternation(MONTHS)
_MO_FULL = alternation([m for m in MONTHS if len(m) > 3 or m == "may"])
_NUM = alternation([*NUMBERS, "half an", "half a"])
_UNITS = r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?"
_AP = r"[ap]\.?\s?m\b\.?"
_NOT_A_TIME_AFTER = (
    r"%|percent|[ap]\.?\s?m\b|o'?\s?clock|st\b|nd\b|rd\b|th\b|noon|midnight|[-–/]|"
    r"(?:business\s+|working\s+)?(?:" + _UNITS + r")\b|years?\b|people|persons?\b|items?\b|"
    r"units?\b|pages?\b|orders?\b|dollars?|euros?|pounds?|bucks|copies|seats?\b|users?\b|"
    r"licen[cs]es?|tickets?\b|of\b|out\s+of\b|more\b|times\b|x\b|k\b"
)

_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})\b)
  | (?P<mdate>\b(?:(?:{_WD})\.?,?\s+)?(?:the\s+)?(?P<md_m>{_MO})\.?\s+(?:the\s+)?
        (?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:/])(?:,?\s+(?P<md_y>\d{{4}})\b)?)
  | (?P<dmdate>\b(?:(?:{_WD})\.?,?\s+)?(?:the\s+)?(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+
        (?:of\s+)?(?P<dm_m>{_MO})\b(?:,?\s+(?P<dm_y>\d{{4}})\b)?)
  | (?P<slash>(?<![\w/.$£€-])(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})
        (?:/(?P<sl_y>\d{{4}}|\d{{2}}))?(?![\w/]))
  | (?P<withinhour>\b(?:within|in|inside)\s+(?:the\s+)?(?:next\s+)?hour\b)
  | (?P<duration>\b(?:in|within|inside(?:\s+of)?|under)\s+
        (?:the\s+(?:next\s+|coming\s+)?|next\s+|less\s+than\s+|no\s+more\s+than\s+
           |a\s+maximum\s+of\s+)?
        (?P<du_n>\d{{1,3}}|{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<du_hi>\d{{1,3}}|{_NUM}))?[\s-]*
        (?P<du_biz>business\s+|working\s+|work\s+)?(?P<du_u>{_UNITS})\b)
  | (?P<fromnow>\b(?P<df_n>\d{{1,3}}|{_NUM})\s+(?P<df_biz>business\s+|working\s+)?
        (?P<df_u>{_UNITS})\s+from\s+(?:now|today)\b)
  | (?P<thistime>\b(?:by\s+)?this\s+time\s+tomorrow\b)
  | (?P<range>\b(?:between\s+)?(?P<ra_h1>\d{{1,2}})(?::(?P<ra_m1>\d{{2}}))?\s*(?:{_AP})?\s*
        (?:-|–|to|and|until|till)\s*(?P<ra_h2>\d{{1,2}})(?::(?P<ra_m2>\d{{2}}))?\s*
        (?P<ra_ap>[ap])\.?\s?m\b\.?)
  | (?P<range24>\bbetween\s+(?P<rb_h1>\d{{1,2}}):(?P<rb_m1>\d{{2}})\s*(?:and|-|–|to)\s*
        (?P<rb_h2>\d{{1,2}}):(?P<rb_m2>\d{{2}})\b)
  | (?P<clock>\b(?P<ck_h>\d{{1,2}})(?:[:.](?P<ck_m>\d{{2}}))?\s*(?P<ck_ap>[ap])\.?\s?m\b\.?)
  | (?P<hhmm>\b(?P<hm_h>[01]?\d|2[0-3]):(?P<hm_m>[0-5]\d)\b(?!:\d))
  | (?P<oclock>\b(?P<oc_h>\d{{1,2}}|{_NUM})\s*o'?\s?clock\b)
  | (?P<named>\b(?:12\s*)?(?P<nm>noon|midday|mid-day|midnight)\b)
  | (?P<lunch>\b(?P<lu_pre>after|before|by|at|around|over|until|till)\s+lunch(?:\s*time)?\b)
  | (?P<eod>\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+|working\s+|work\s+)?day
        |(?:the\s+)?close\s+of\s+(?:business|play)(?:\s+day)?|(?:the\s+)?end\s+of\s+business
        |eod|cob|eob|c\.o\.b\b\.?|(?:the\s+)?end\s+of(?=\s+(?:today|tomorrow|tmrw)\b))\b)
  | (?P<first>\bfirst\s+thing(?:\s+in\s+the\s+morning)?\b)
  | (?P<tonight>\btonight(?:'s)?\b|\bthis\s+(?:evening|eve)\b)
  | (?P<thispart>\bthis\s+(?P<tp>morning|afternoon|arvo)\b)
  | (?P<inthepart>\b(?:later\s+)?in\s+the\s+(?P<ip>morning|afternoon|evening)\b)
  | (?P<today>\b(?:later\s+(?:on\s+)?)?today\b)
  | (?P<tomorrow>\b(?P<dat>the\s+day\s+after\s+)?(?:tomorrow|tomorow|tmrw|tmw)\b)
  | (?P<week>\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?
            (?:work(?:ing)?\s+|business\s+)?week
        |(?:the\s+)?end\s+of\s+next\s+week|later\s+(?:on\s+)?this\s+week|later\s+in\s+the\s+week
        |this\s+week|early\s+next\s+week|(?:mid|the\s+middle\s+of)[\s-]+next\s+week
        |late(?:r)?\s+next\s+week|the\s+week\s+after\s+next|next\s+week|within\s+the\s+week)\b)
  | (?P<weekend>\b(?P<we_pre>by\s+(?:the\s+)?|this\s+|next\s+|over\s+the\s+|on\s+the\s+|on\s+
        |during\s+the\s+)weekend\b)
  | (?P<month>\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|month[\s-]end|eom
        |(?:the\s+)?end\s+of\s+next\s+month|next\s+month|later\s+this\s+month|this\s+month
        |early\s+next\s+month|(?:the\s+)?first\s+week\s+of\s+next\s+month)\b)
  | (?P<monthname>\b(?P<mn_pre>(?:by\s+)?(?:the\s+)?(?:end|middle|beginning|start)\s+of
            |(?:the\s+)?first\s+week\s+of|early|mid|late|in|during|this)[\s-]+
        (?P<mn>{_MO_FULL})\b(?:\s+(?P<mn_y>\d{{4}})\b)?)
  | (?P<year>\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<yq>year|quarter)
        |year[\s-]end|eoy|eoq|(?:the\s+)?end\s+of\s+q(?P<q>[1-4]))\b)
  | (?P<weekday>\b(?:(?P<wd_pre>this\s+coming|this|next|coming|following|the\s+following)\s+)?
        (?P<wd>{_WD})\b(?:\s+(?P<wd_wk>next|this)\s+week\b)?)
  | (?P<nth>\bthe\s+(?P<nth_d>\d{{1,2}})(?:st|nd|rd|th)\b
        (?!\s+(?:floor|time|times|person|place|grade|century|row|line|item|attempt|call
        |email|ticket|order|one|anniversary|birthday|edition|version|draft|week|day|month)\b))
  | (?P<bare>(?:\b(?P<ba_pre>at|before|until|till|around|by)|@)\s*(?P<ba_h>\d{{1,2}})
        (?![\d:.,]\d|\d|\s*(?:{_NOT_A_TIME_AFTER})))
  | (?P<part>\b(?P<pt>morning|afternoon|evening|night)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_STARTS = anchors(
    [*WEEKDAYS, *MONTHS, *NUMBERS, "half", "in", "within", "inside", "under", "by", "this", "the",
     "between", "noon", "midday", "mid", "midnight", "after", "before", "at", "around", "over",
     "until", "till", "end", "close", "eod", "cob", "eob", "c.o.b", "first", "tonight", "later",
     "today", "tomorrow", "tomorow", "tmrw", "tmw", "early", "late", "next", "coming",
     "following", "on", "during", "month", "eom", "year", "eoy", "eoq", "middle", "beginning",
     "start", "morning", "afternoon", "evening", "night"],
    digits=True,
    at_sign=True,
)

_CONNECTOR = re.compile(
    r"^[\s,]*(?:(?:at|on|by|before|around|about|@|-|–|of|the)\b[\s,]*|[-–@][\s,]*)*$",
    re.IGNORECASE,
)

_PART_DEFAULT = {
    "morning": time(12, 0),
    "afternoon": time(17, 0),
    "arvo": time(17, 0),
    "evening": time(21, 0),
    "night": time(21, 0),
}
_PART_START = {"morning": time(6, 0), "afternoon": time(17, 0), "evening": time(21, 0)}
_NINE = time(9, 0)


@dataclass(slots=True)
class _Atom:
    """One matched piece; pieces next to each other combine ("Monday" + "at 3pm")."""

    start: int
    end: int
    day: date | None = None
    clock: time | None = None
    ambiguous: bool = False
    part: str | None = None
    default: time | None = None
    instant: datetime | None = None
    weak: bool = False
    starts: time | None = None
    next_day: bool = False
    eod: bool = False

    def slots(self) -> set[str]:
        if self.instant is not None:
            return {"day", "clock", "part"}
        held = set()
        if self.day is not None:
            held.add("day")
        if self.clock is not None or self.eod:
            held.add("clock")
        if self.part is not None:
            held.add("part")
        return held


def find_times(text: str, *, now: datetime, tz: ZoneInfo) -> list[TimeSpan]:
    """Every checkable time expression in `text`, in order, resolved against `now`."""
    local_now = _local(now, tz)
    atoms = [a for m in scan(_PATTERN, _STARTS, text) if (a := _atom(m, text, local_now, tz))]
    spans: list[TimeSpan] = []
    group: list[_Atom] = []
    for atom in atoms:
        if group and _joins(group, atom, text):
            group.append(atom)
            continue
        if group:
            _emit(group, local_now, tz, spans)
        group = [atom]
    if group:
        _emit(group, local_now, tz, spans)
    return spans


def resolve(phrase: str, *, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The instant a whole phrase names ("by end of day Thursday"), or None if it names none."""
    spans = find_times(phrase, now=now, tz=tz)
    if not spans:
        return None
    rest = phrase[: spans[0].start] + phrase[spans[0].end :]
    if re.sub(r"\b(?:by|on|at|before|until|till|no\s+later\s+than)\b|[\s,.]", "", rest, flags=re.I):
        return None
    return spans[0].due


def _local(now: datetime, tz: ZoneInfo) -> datetime:
    if now.tzinfo is None:
        return now.replace(tzinfo=tz, microsecond=0)
    return now.astimezone(tz).replace(microsecond=0)


def _joins(group: list[_Atom], atom: _Atom, text: str) -> bool:
    if not _CONNECTOR.match(text[group[-1].end : atom.start]):
        return False
    if any(a.instant is not None for a in group) or atom.instant is not None:
        return False
    held: set[str] = set()
    for member in group:
        held |= member.slots()
    return not (held & atom.slots())


def _emit(group: list[_Atom], now: datetime, tz: ZoneInfo, spans: list[TimeSpan]) -> None:
    if all(a.weak for a in group):
        return
    due = _combine(group, now, tz)
    if due is not None:
        spans.append(TimeSpan(group[0].start, group[-1].end, due))


def _combine(group: list[_Atom], now: datetime, tz: ZoneInfo) -> datetime | None:
    for atom in group:
        if atom.instant is not None:
            return atom.instant
    day = next((a.day for a in group if a.day is not None), None)
    clock_atom = next((a for a in group if a.clock is not None), None)
    part = next((a.part for a in group if a.part is not None), None)
    eod = any(a.eod for a in group)
    if clock_atom is not None and clock_atom.clock is not None:
        clock = _disambiguate(clock_atom.clock, part) if clock_atom.ambiguous else clock_atom.clock
        if clock_atom.next_day:
            base = day or now.date()
            return at(base + timedelta(days=1), time(0, 0), tz)
    elif eod:
        return close_of(day or now.date(), tz, now)
    else:
        defaults = [a.default for a in group if a.default is not None and a.day is None]
        defaults += [a.default for a in group if a.default is not None and a.day is not None]
        if not defaults:
            return close_of(day, tz, now) if day is not None else None
        clock = defaults[0]
    if day is not None:
        return at(day, clock, tz)
    starts = next((a.starts for a in group if a.starts is not None), None)
    if starts is not None and clock_atom is None:
        return at(now.date() + timedelta(days=now.time() >= starts), clock, tz)
    due = at(now.date(), clock, tz)
    return due if due > now else at(now.date() + timedelta(days=1), clock, tz)


def _disambiguate(clock: time, part: str | None) -> time:
    hour = clock.hour
    late_part = part in ("afternoon", "arvo", "evening", "night")
    if (late_part and hour < 12) or (part is None and 1 <= hour <= 7):
        hour += 12
    return clock.replace(hour=hour)


def _atom(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    kind = m.lastgroup
    if kind is None:
        return None
    handler = _HANDLERS[kind]
    return handler(m, text, now, tz)


def _day_atom(m: re.Match[str], day: date | None) -> _Atom | None:
    return None if day is None else _Atom(m.start(), m.end(), day=day)


def _iso(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    year, month, day = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
    return _day_atom(m, upcoming_date(now.date(), month, day, year))


def _month_number(word: str) -> int | None:
    if word == "may" or (word.lower() == "may" and word != "May"):
        return None  # the modal verb, not the month
    return MONTHS.get(word.lower().rstrip("."))


def _mdate(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    month = _month_number(m["md_m"])
    if month is None:
        return None
    year = int(m["md_y"]) if m["md_y"] else None
    return _day_atom(m, upcoming_date(now.date(), month, int(m["md_d"]), year))


def _dmdate(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    month = _month_number(m["dm_m"])
    if month is None:
        return None
    year = int(m["dm_y"]) if m["dm_y"] else None
    return _day_atom(m, upcoming_date(now.date(), month, int(m["dm_d"]), year))


def _slash(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    a, b = int(m["sl_a"]), int(m["sl_b"])
    if (a, b) in ((24, 7), (7, 24)) or text[m.end() : m.end() + 1] == "%":
        return None
    year = int(m["sl_y"]) if m["sl_y"] else None
    if a <= 12 and b <= 31:
        return _day_atom(m, upcoming_date(now.date(), a, b, year))
    if b <= 12 and a <= 31:
        return _day_atom(m, upcoming_date(now.date(), b, a, year))
    return None


def _nth(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    wanted = int(m["nth_d"])
    if not 1 <= wanted <= 31:
        return None
    today = now.date()
    first = today.replace(day=1)
    for months_ahead in range(3):
        month_start = add_months(first, months_ahead)
        if wanted <= last_day_of_month(month_start.year, month_start.month).day:
            candidate = month_start.replace(day=wanted)
            if candidate >= today:
                return _day_atom(m, candidate)
    return None


def _within_hour(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), instant=_elapsed(now, timedelta(hours=1), tz))


def _elapsed(now: datetime, delta: timedelta, tz: ZoneInfo) -> datetime:
    return (now.astimezone(ZoneInfo("UTC")) + delta).astimezone(tz)


def _amount(m: re.Match[str], count: str, upper: str | None) -> float | None:
    word = (upper or count).lower()
    if word.startswith("half"):
        return 0.5
    value = number_value(word)
    return float(value) if value is not None else None


def _span_of(
    m: re.Match[str], now: datetime, tz: ZoneInfo, amount: float, unit: str, business: bool
) -> _Atom | None:
    unit = unit.lower()
    if unit.startswith(("min", "hour", "hr")):
        minutes = amount * (60 if unit.startswith(("hour", "hr")) else 1)
        return _Atom(m.start(), m.end(), instant=_elapsed(now, timedelta(minutes=minutes), tz))
    whole = int(amount)
    if whole < 1:
        return None
    today = now.date()
    if unit.startswith("day"):
        day = add_business_days(today, whole) if business else today + timedelta(days=whole)
    elif unit.startswith("week"):
        day = today + timedelta(weeks=whole)
    else:
        day = add_months(today, whole)
    return _Atom(m.start(), m.end(), day=day)


def _duration(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    count = m["du_n"].lower()
    unit = m["du_u"].lower()
    if count in ("a", "an") and unit.startswith("min") and not m["du_hi"]:
        return None  # "in a minute" is a figure of speech, not a time
    amount = _amount(m, count, m["du_hi"])
    if amount is None:
        return None
    return _span_of(m, now, tz, amount, unit, bool(m["du_biz"]))


def _from_now(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    amount = _amount(m, m["df_n"], None)
    if amount is None:
        return None
    return _span_of(m, now, tz, amount, m["df_u"], bool(m["df_biz"]))


def _this_time(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), day=now.date() + timedelta(days=1), clock=now.time())


def _clock_of(hour: int, minute: int, meridiem: str | None) -> tuple[time, bool] | None:
    if minute > 59:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
        return time(hour, minute), False
    if hour > 23:
        return None
    return time(hour, minute), 1 <= hour <= 12


def _range(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    resolved = _clock_of(int(m["ra_h2"]), int(m["ra_m2"] or 0), m["ra_ap"])
    if resolved is None:
        return None
    return _Atom(m.start(), m.end(), clock=resolved[0])


def _range24(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    resolved = _clock_of(int(m["rb_h2"]), int(m["rb_m2"]), None)
    if resolved is None:
        return None
    return _Atom(m.start(), m.end(), clock=resolved[0], ambiguous=resolved[1])


def _clock(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    resolved = _clock_of(int(m["ck_h"]), int(m["ck_m"] or 0), m["ck_ap"])
    return None if resolved is None else _Atom(m.start(), m.end(), clock=resolved[0])


def _hhmm(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    resolved = _clock_of(int(m["hm_h"]), int(m["hm_m"]), None)
    if resolved is None:
        return None
    return _Atom(m.start(), m.end(), clock=resolved[0], ambiguous=resolved[1])


def _oclock(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    hour = number_value(m["oc_h"])
    resolved = _clock_of(hour, 0, None) if hour is not None else None
    if resolved is None:
        return None
    return _Atom(m.start(), m.end(), clock=resolved[0], ambiguous=resolved[1])


def _named(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    if m["nm"].lower() == "midnight":
        return _Atom(m.start(), m.end(), clock=time(0, 0), next_day=True)
    return _Atom(m.start(), m.end(), clock=time(12, 0))


def _lunch(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    after = m["lu_pre"].lower() in ("after", "over")
    return _Atom(m.start(), m.end(), clock=time(14, 0) if after else time(12, 0))


def _eod(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), eod=True)


def _first(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), clock=_NINE, part="morning")


def _tonight(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), day=now.date(), part="evening", default=time(21, 0))


def _this_part(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    part = m["tp"].lower()
    return _Atom(m.start(), m.end(), day=now.date(), part=part, default=_PART_DEFAULT[part])


def _in_the_part(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    part = m["ip"].lower()
    return _Atom(
        m.start(), m.end(), part=part, default=_PART_DEFAULT[part], starts=_PART_START[part]
    )


def _part(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    part = m["pt"].lower()
    return _Atom(m.start(), m.end(), part=part, default=_PART_DEFAULT[part], weak=True)


def _today(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), day=now.date())


def _tomorrow(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _Atom(m.start(), m.end(), day=now.date() + timedelta(days=2 if m["dat"] else 1))


def _week(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    words = m.group().lower()
    today = now.date()
    if "after next" in words:
        return _day_atom(m, weekday_next_week(today, FRIDAY) + timedelta(days=7))
    if "next" in words:
        weekday = 1 if "early" in words else 2 if "mid" in words else FRIDAY
        return _day_atom(m, weekday_next_week(today, weekday))
    return _day_atom(m, max(weekday_this_week(today, FRIDAY), today))


def _weekend(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    prefix = m["we_pre"].lower()
    today = now.date()
    if prefix.startswith("by"):
        return _day_atom(m, max(weekday_this_week(today, FRIDAY), today))
    if prefix.startswith("next"):
        return _day_atom(m, weekday_next_week(today, SUNDAY))
    return _day_atom(m, weekday_this_week(today, SUNDAY))


def _month(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    words = m.group().lower()
    today = now.date()
    if "next" in words:
        start = add_months(today.replace(day=1), 1)
        if "early" in words or "first week" in words:
            return _day_atom(m, start.replace(day=7))
        return _day_atom(m, last_day_of_month(start.year, start.month))
    return _day_atom(m, last_day_of_month(today.year, today.month))


def _month_name(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    month = _month_number(m["mn"])
    if month is None:
        return None
    year = int(m["mn_y"]) if m["mn_y"] else upcoming_month(now.date(), month)
    prefix = m["mn_pre"].lower()
    if "mid" in prefix:
        return _day_atom(m, date(year, month, 15))
    if any(w in prefix for w in ("early", "beginning", "start", "first week")):
        return _day_atom(m, date(year, month, 7))
    return _day_atom(m, last_day_of_month(year, month))


def _year(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    today = now.date()
    words = m.group().lower()
    if m["q"]:
        end = quarter_end(today.year, int(m["q"]))
        return _day_atom(m, end if end >= today else quarter_end(today.year + 1, int(m["q"])))
    if (m["yq"] or "").lower() == "quarter" or "eoq" in words:
        return _day_atom(m, quarter_end(today.year, (today.month - 1) // 3 + 1))
    return _day_atom(m, date(today.year, 12, 31))


def _weekday(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    name = m["wd"]
    if len(name) <= 4 and name.lower() not in ("tues", "weds") and not name[0].isupper():
        return None  # "sat", "sun", "wed" in lower case are words, not days
    weekday = WEEKDAYS[name.lower()]
    today = now.date()
    prefix = " ".join((m["wd_pre"] or "").lower().split())
    week = (m["wd_wk"] or "").lower()
    if week == "next" or prefix in ("next", "following", "the following"):
        day = weekday_next_week(today, weekday)
    elif week == "this" or prefix == "this":
        day = weekday_this_week(today, weekday)
        if day < today:
            day += timedelta(days=7)
    else:
        day = next_weekday(today, weekday)
    return _day_atom(m, day)


def _bare(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    resolved = _clock_of(int(m["ba_h"]), 0, None)
    if resolved is None:
        return None
    weak = (m["ba_pre"] or "").lower() == "by"
    return _Atom(m.start(), m.end(), clock=resolved[0], ambiguous=resolved[1], weak=weak)


_HANDLERS = {
    "iso": _iso,
    "mdate": _mdate,
    "dmdate": _dmdate,
    "slash": _slash,
    "nth": _nth,
    "withinhour": _within_hour,
    "duration": _duration,
    "fromnow": _from_now,
    "thistime": _this_time,
    "range": _range,
    "range24": _range24,
    "clock": _clock,
    "hhmm": _hhmm,
    "oclock": _oclock,
    "named": _named,
    "lunch": _lunch,
    "eod": _eod,
    "first": _first,
    "tonight": _tonight,
    "thispart": _this_part,
    "inthepart": _in_the_part,
    "part": _part,
    "today": _today,
    "tomorrow": _tomorrow,
    "week": _week,
    "weekend": _weekend,
    "month": _month,
    "monthname": _month_name,
    "year": _year,
    "weekday": _weekday,
    "bare": _bare,
}
