"""Turn the time words of a draft into the instant a customer would hold us to.

A promise is only worth tracking if it has a moment that can be checked
against a clock, so every phrase resolves to one aware datetime in the
writer's zone, relative to `now`. The conventions, chosen to match how a
customer reads a business reply:

- A day without a clock time means close of business, 17:00, that day
  ("by Friday", "tomorrow", "on March 10", "in 2 days"); said about today
  after 17:00 it means 23:59 today.
- EOD / end of day / COB / close (or end) of business or play: 17:00 today;
  after 17:00 on a weekday 23:59 today, like "today" (the writer is still at
  work and the customer reads "tonight"). Said on a Saturday or Sunday, with no
  day named, they mean the close of the next business day (Monday 17:00):
  there is no business day today to close. "EOD today" names the day and so
  stays today. First thing: 09:00. Morning: by 12:00. Afternoon: by 17:00.
  Evening / tonight: by 21:00. "tomorrow am" / "Monday pm": morning /
  afternoon. Before or by lunch(time): 12:00; after lunch: 14:00. Midnight:
  00:00 that ends the day. "At the top of the hour": the next whole hour.
- A bare weekday ("Friday", "on Friday") is the next one strictly after
  today: said on a Friday it means next week's Friday, because today is
  "today". A deadline on it ("by Friday", "before / until / no later than
  Friday") said on that very day before 17:00 means today 17:00, what the
  customer expects; from 17:00 on it means next week's Friday.
  "this Friday" is the Friday of the current Monday-to-Sunday week;
  "next Friday" is the Friday of the following week.
- "this week", "later this week", "end of the week", "EOW": Friday 17:00; on a
  Saturday or Sunday the working week is over, so they mean the coming Friday.
  "next week" and "end of next week": next week's Friday 17:00 (said on a
  weekend, that is the week starting on the coming Monday); "early next week"
  its Tuesday, "mid next week" its Wednesday. "midweek": this week's
  Wednesday, or next week's once it has passed. "next business day": the next
  Monday-to-Friday day, 17:00.
  "by the weekend": Friday 17:00; "over / this weekend": Sunday 17:00.
- "end of month", "this month": the month's last calendar day, 17:00;
  "in March" the last day of March, "mid-March" the 15th, "early March" and
  "the first week of March" the 7th.
- Holidays with a deadline word ("by/before/until Christmas", "in time for
  Thanksgiving", "before New Year"): close of business on the last day before
  the holiday (Christmas: Dec 24 17:00; New Year: Dec 31; Thanksgiving: the US
  fourth Thursday of November, so the Wednesday before). Fuzzy seasons ("before
  the holidays", "over Christmas") name no day and resolve to nothing (vague).
- Minutes and hours count real elapsed time ("in 20 minutes", "within 48
  hours", "within 24h", "in 2hrs", "in 30m", "in 1h30", "in about 2 hours",
  "within the hour"); days, weeks and months count calendar days and end at
  17:00 ("in 2d", "within 2 wks"); business days skip Saturday and Sunday.
  "a couple of hours" is 2 hours; "a few hours" (and "a few days") has no
  upper bound the customer can check, so it stays vague.
- Windows and alternatives end at the later one, because that is what the
  customer can hold us to: "between 8am and noon on Tuesday" is Tuesday 12:00,
  "between 8 and 12", "8am-noon", "from 9 to 5" end at their second time,
  "Monday or Tuesday" is Tuesday, "in 3-5 business days" the fifth, "in an
  hour or two" two hours, "Monday 3pm or Tuesday morning" Tuesday 12:00.
- A clock time without a day is today if still ahead, otherwise tomorrow. An
  hour without am/pm follows the part of day when one is named, else business
  hours: 1 to 7 is afternoon, 8 to 11 is morning. 24-hour forms: "17:00",
  "17h", "9h30", "1700 hrs", "at 1700" (a bare 4-digit number needs "at", or
  "by" before 19:00, since "by 2030" is a year). "half past 3", "a quarter
  to 5", British "at half 3" (3:30).
- A zone named after a clock time ("9:00 CET", "3pm PT", "10am ET") is
  converted to the writer's zone; a day named with it stays the writer's day.
  Regional names map to their region and follow its daylight saving time
  ("EST" in July is New York time); "IST" is India. "your time" cannot be
  converted (the customer's zone is unknown) and reads as the writer's.
- Dates: "3/10" is month/day (US) unless only day/month is a real date; dates
  without a year are the next such date on or after today. A weekday with an
  ordinal ("Tuesday the 24th", "Thurs 26th") is the next such date, preferring
  one of the next three that falls on that weekday; the ordinal wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.coach.time.calendar import (
    CLOSE_OF_BUSINESS,
    FRIDAY,
    SATURDAY,
    SUNDAY,
    add_business_days,
    add_months,
    at,
    close_of,
    last_day_of_month,
    next_business_day,
    next_weekday,
    quarter_end,
    upcoming_date,
    upcoming_month,
    weekday_next_week,
    weekday_this_week,
)
from bot.coach.time.scan import anchors, scan
from bot.coach.time.words import MONTHS, NUMBERS, WEEKDAYS, alternation, number_value


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
_UNITS = r"minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?"
_CLOCK_WORDS = alternation([w for w, n in NUMBERS.items() if 1 <= n <= 12 and " " not in w
                            and w not in ("a", "an", "couple")])
_AP = r"[ap]\.?\s?m\b\.?"
_NOT_A_TIME_AFTER = (
    r"%|percent|[ap]\.?\s?m\b|o'?\s?clock|st\b|nd\b|rd\b|th\b|noon|midnight|[-–/]|"
    r"(?:business\s+|working\s+)?(?:" + _UNITS + r")\b|years?\b|people|persons?\b|items?\b|"
    r"units?\b|pages?\b|orders?\b|dollars?|euros?|pounds?|bucks|copies|seats?\b|users?\b|"
    r"licen[cs]es?|tickets?\b|of\b|out\s+of\b|more\b|times\b|x\b|k\b|h\b|per\b|each\b"
)

_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iso_y>\d{{4}})(?P<iso_s>[-/])(?P<iso_m>\d{{1,2}})(?P=iso_s)(?P<iso_d>\d{{1,2}})\b)
  | (?P<mdate>\b(?:(?:{_WD})\.?,?\s+)?(?:the\s+)?(?P<md_m>{_MO})\.?\s+(?:the\s+)?
        (?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:/])(?:,?\s+(?P<md_y>\d{{4}})\b)?)
  | (?P<dmdate>\b(?:(?:{_WD})\.?,?\s+)?(?:the\s+)?(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+
        (?:of\s+)?(?P<dm_m>{_MO})\b(?:,?\s+(?P<dm_y>\d{{4}})\b)?)
  | (?P<slash>(?<![\w/.$£€-])(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})
        (?:/(?P<sl_y>\d{{4}}|\d{{2}}))?(?![\w/]))
  | (?P<withinhour>\b(?:within|in|inside)\s+(?:the\s+)?(?:next\s+)?(?:half\s+(?:an\s+)?)?hour\b)
  | (?P<duration>\b(?:in|within|inside(?:\s+of)?|under|up\s+to|allow(?:\s+up\s+to)?)\s+
        (?:the\s+(?:next\s+|coming\s+)?|next\s+|less\s+than\s+|no\s+more\s+than\s+
           |a\s+maximum\s+of\s+)?(?:about\s+|around\s+|roughly\s+|approx(?:imately|\.)?\s+)?
        (?P<du_n>\d{{1,3}}|{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<du_hi>\d{{1,3}}|{_NUM}))?
        (?:(?<=\d)(?P<du_s>[hdmw])(?:(?<=h)(?P<du_sm>[0-5]\d)m?)?
          |[\s-]*(?P<du_biz>business\s+|working\s+|work\s+)?(?P<du_u>{_UNITS})
           (?:\s+or\s+(?P<du_or>two|three|2|3)(?!\s*(?:{_UNITS})))?)\b)
  | (?P<fromnow>\b(?P<df_n>\d{{1,3}}|{_NUM})\s+(?P<df_biz>business\s+|working\s+)?
        (?P<df_u>{_UNITS})\s+from\s+(?:now|today)\b)
  | (?P<thistime>\b(?:by\s+)?this\s+time\s+tomorrow\b)
  | (?P<range>\b(?:between\s+)?(?P<ra_h1>\d{{1,2}})(?::(?P<ra_m1>\d{{2}}))?\s*(?:{_AP})?\s*
        (?:-|–|to|and|until|till)\s*(?P<ra_h2>\d{{1,2}})(?::(?P<ra_m2>\d{{2}}))?\s*
        (?P<ra_ap>[ap])\.?\s?m\b\.?)
  | (?P<rangebare>\b(?:between|from)\s+(?P<rc_h1>\d{{1,2}})\s*(?:and|-|–|to|until|till)\s*
        (?P<rc_h2>\d{{1,2}})\b(?![:.,]?\d|\s*(?:{_NOT_A_TIME_AFTER})))
  | (?P<range24>\bbetween\s+(?P<rb_h1>\d{{1,2}}):(?P<rb_m1>\d{{2}})\s*(?:and|-|–|to)\s*
        (?P<rb_h2>\d{{1,2}}):(?P<rb_m2>\d{{2}})\b)
  | (?P<clock>\b(?P<ck_h>\d{{1,2}})(?:[:.](?P<ck_m>\d{{2}}))?\s*(?P<ck_ap>[ap])\.?\s?m\b\.?)
  | (?P<hhmm>\b(?P<hm_h>[01]?\d|2[0-3]):(?P<hm_m>[0-5]\d)(?:h\b|\s*hrs\b|\b)(?!:\d))
  | (?P<past>\b(?:(?P<pa_q>half|(?:a\s+)?quarter)\s+(?P<pa_dir>past|after|to)\s+
        (?P<pa_h>\d{{1,2}}|{_CLOCK_WORDS})\b(?:\s*(?P<pa_ap>[ap])\.?\s?m\b\.?)?))
  | (?P<halfh>\b(?:at|by|around|before|until|till)\s+half\s+(?P<hh_h>\d{{1,2}}|{_CLOCK_WORDS})\b
        (?!\s*(?:past|to|an?\b|of|the|hours?|days?|[ap]\.?\s?m\b)))
  | (?P<tophour>\b(?:at|by)\s+the\s+top\s+of\s+the\s+hour\b)
  | (?P<mil>(?:\b(?P<mi_pre>at|by|before|until|till|around|from)\s+|@\s*)?
        \b(?P<mi_h>[01]\d|2[0-3])(?P<mi_m>[0-5]\d)(?:\s*(?P<mi_suf>h|hrs|hours)\b)?
        (?![\d:.,/-]\d|\d))
  | (?P<hclock>\b(?P<hc_h>[01]?\d|2[0-3])h(?P<hc_m>[0-5]\d)?\b)
  | (?P<oclock>\b(?P<oc_h>\d{{1,2}}|{_NUM})\s*o'?\s?clock\b)
  | (?P<named>\b(?:12\s*)?(?P<nm>noon|midday|mid-day|midnight)\b)
  | (?P<lunch>\b(?P<lu_pre>after|before|by|at|around|over|until|till)\s+lunch(?:\s*time)?\b)
  | (?P<nbd>\b(?:the\s+)?(?:next|following)\s+(?:business|working|work)\s+day\b)
  | (?P<eod>\b(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+|working\s+|work\s+)?day
        |(?:the\s+)?(?:close|end)\s+of\s+(?:business|play)(?:\s+day)?|(?:the\s+)?end\s+of\s+business
        |eod|cob|eob|c\.o\.b\b\.?|(?:the\s+)?end\s+of(?=\s+(?:today|tomorrow|tmrw)\b))\b)
  | (?P<first>\bfirst\s+thing(?:\s+in\s+the\s+morning)?\b)
  | (?P<tonight>\btonight(?:'s)?\b|\bthis\s+(?:evening|eve)\b)
  | (?P<thispart>\bthis\s+(?P<tp>morning|afternoon|arvo)\b)
  | (?P<inthepart>\b(?:later\s+)?in\s+the\s+(?P<ip>morning|afternoon|evening)\b)
  | (?P<today>\b(?:later\s+(?:on\s+)?)?today\b)
  | (?P<tomorrow>\b(?P<dat>the\s+day\s+after\s+)?(?:tomorrow|tomorow|tmrw|tmw)\b
        (?:\s+(?P<tm_ap>[ap]m)\b)?)
  | (?P<week>\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?
            (?:work(?:ing)?\s+|business\s+)?week
        |(?:the\s+)?end\s+of\s+next\s+week|later\s+(?:on\s+)?this\s+week|later\s+in\s+the\s+week
        |this\s+week|early\s+next\s+week|(?:mid|the\s+middle\s+of)[\s-]+next\s+week
        |late(?:r)?\s+next\s+week|the\s+week\s+after\s+next|next\s+week|within\s+the\s+week
        |eow)\b)
  | (?P<midweek>\b(?:mid[\s-]?week|(?:the\s+)?middle\s+of\s+(?:the|this)\s+week)\b)
  | (?P<holiday>\b(?:by|before|until|till|ahead\s+of|in\s+time\s+for)\s+(?:the\s+)?
        (?P<ho>christmas(?:\s+eve|\s+day)?|xmas(?:\s+eve)?|new\s+year(?:'?s)?(?:\s+eve|\s+day)?
        |thanksgiving(?:\s+day)?)(?!\w))
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
  | (?P<wdnth>\b(?P<wn_wd>{_WD})\.?,?\s+(?:the\s+)?(?P<wn_d>\d{{1,2}})(?:st|nd|rd|th)\b)
  | (?P<weekday>\b(?:(?P<wd_pre>this\s+coming|this|next|coming|following|the\s+following)\s+)?
        (?P<wd>{_WD})\b(?:\s+(?P<wd_ap>[ap]m)\b)?(?:\s+(?P<wd_wk>next|this)\s+week\b)?)
  | (?P<nth>\bthe\s+(?P<nth_d>\d{{1,2}})(?:st|nd|rd|th)\b
        (?!\s+(?:floor|time|times|person|place|grade|century|row|line|item|attempt|call
        |email|ticket|order|one|anniversary|birthday|edition|version|draft|week|day|month)\b))
  | (?P<bare>(?:\b(?P<ba_pre>at|before|until|till|around|by)|@)\s*(?P<ba_h>\d{{1,2}})
        (?![\d:.,]\d|\d|\s*(?:{_NOT_A_TIME_AFTER})|\s+(?:of\s+)?(?:{_MO})\b))
  | (?P<part>\b(?P<pt>morning|afternoon|evening|night)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_STARTS = anchors(
    [*WEEKDAYS, *MONTHS, *NUMBERS, "half", "in", "within", "inside", "under", "up", "allow", "by",
     "this", "the",
     "between", "noon", "midday", "mid", "midnight", "after", "before", "at", "around", "over",
     "until", "till", "end", "close", "eod", "cob", "eob", "c.o.b", "first", "tonight", "later",
     "today", "tomorrow", "tomorow", "tmrw", "tmw", "early", "late", "next", "coming",
     "following", "on", "during", "month", "eom", "year", "eoy", "eoq", "middle", "beginning",
     "start", "morning", "afternoon", "evening", "night", "from", "quarter", "ahead", "eow",
     "midweek", "mid-week"],
    digits=True,
    at_sign=True,
)

_CONNECTOR = re.compile(
    r"^[\s,]*(?:(?:at|on|by|before|around|about|between|from|@|-|–|of|the)\b[\s,]*|[-–@][\s,]*)*$",
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

# "8am and noon", "Monday or Tuesday", "2pm - 4pm": two values of one kind, read as a window
# or as alternatives, both of which end at the later one.
_ALTERNATIVE = re.compile(
    r"\s*(?:(?:,\s*)?or|and|to|through|thru|until|till|[-–])\s*(?:(?:on|at)\s+)?", re.IGNORECASE
)
# "9:00 CET", "3pm (PT)": a clock time read in another zone, converted to the writer's.
_ZONE_AFTER = re.compile(r"\s*\(?(?P<z>[A-Za-z]{2,4})\)?(?!\w)")
_ZONES = {
    "UTC": "UTC", "GMT": "UTC", "BST": "Europe/London", "WET": "Europe/Lisbon",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "IST": "Asia/Kolkata", "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
}
# "for 3h", "takes 17h": a length of time, not a clock reading.
_LENGTH_BEFORE = re.compile(
    r"\b(?:for|in|within|under|over|takes?|took|taking|about|approximately|roughly|after|every"
    r"|per|than|last|past|spent?|lasts?|only|just|a|an|another|extra)\s*$",
    re.IGNORECASE,
)


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
    zone: ZoneInfo | None = None  # "9:00 CET": the zone the clock time is read in

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
    """Every checkable time expression in `text`, in order, resolved against `now`.

    The promise finder and the model's cues both ask for a draft's times, so
    the answer for the last few drafts is kept rather than scanned twice.
    """
    return list(_find_times(text, now, tz))


@lru_cache(maxsize=64)
def _find_times(text: str, now: datetime, tz: ZoneInfo) -> tuple[TimeSpan, ...]:
    local_now = _local(now, tz)
    atoms = [a for m in scan(_PATTERN, _STARTS, text) if (a := _atom(m, text, local_now, tz))]
    for atom in atoms:
        if atom.clock is not None:
            _read_zone(atom, text, local_now, tz)
    spans: list[TimeSpan] = []
    group: list[_Atom] = []
    for atom in atoms:
        if group and _alternative(group[-1], atom, text):
            group[-1] = _later(group[-1], atom)
            continue
        if group and _joins(group, atom, text):
            group.append(atom)
            continue
        if group:
            _emit(group, text, local_now, tz, spans)
        group = [atom]
    if group:
        _emit(group, text, local_now, tz, spans)
    return tuple(spans)


def resolve(phrase: str, *, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The instant a whole phrase names ("by end of day Thursday"), or None if it names none."""
    spans = find_times(phrase, now=now, tz=tz)
    if not spans:
        return None
    rest = phrase[: spans[0].start] + phrase[spans[0].end :]
    if _FILLER.sub("", rest):
        return None
    return spans[0].due


# Dates the resolver may not settle on its own ("by 10", "on 3/4/26") still name a time.
_DATE_HINT = re.compile(
    rf"\b(?:by|before|until|till|at|on|than)\s+(?:the\s+)?\d"
    rf"|\b(?:\d{{4}}[-/]\d{{1,2}}|\d{{1,2}}/\d{{1,2}})\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MO_FULL})\b"
    rf"|\b(?:{_MO_FULL})\.?\s+\d",
    re.IGNORECASE,
)
_REFERENCE = datetime(2026, 1, 5, 10, 0, tzinfo=ZoneInfo("UTC"))


def names_time(text: str) -> bool:
    """Whether `text` already names a time or a date, resolvable or not.

    A suggested time must never be added next to one the writer gave; the
    answer does not depend on the clock, so a fixed reference instant is used.
    """
    if _DATE_HINT.search(text):
        return True
    return bool(find_times(text, now=_REFERENCE, tz=_REFERENCE.tzinfo))  # type: ignore[arg-type]


_FILLER = re.compile(
    r"\b(?:at\s+the\s+latest|no\s+later\s+than|by|on|at|the|before|until|till|between|from)\b"
    r"|[\s,.]",
    re.IGNORECASE,
)
_DIGIT_NEXT = re.compile(r"[\s-]*\d")
_NOT_A_TIME_NEXT = re.compile(rf"\s*(?:{_NOT_A_TIME_AFTER})", re.IGNORECASE)


def _local(now: datetime, tz: ZoneInfo) -> datetime:
    if now.tzinfo is None:
        return now.replace(tzinfo=tz, microsecond=0)
    return now.astimezone(tz).replace(microsecond=0)


def _alternative(last: _Atom, atom: _Atom, text: str) -> bool:
    """ "8am and noon", "Thursday or Friday": the same kind of value twice, joined by or/and/to."""
    held = last.slots()
    if not held or held != atom.slots() or (last.instant is None) != (atom.instant is None):
        return False
    return _ALTERNATIVE.fullmatch(text, last.end, atom.start) is not None


def _later(first: _Atom, second: _Atom) -> _Atom:
    """One atom for a window or a choice: the later end is the promise that can be checked."""
    weak = first.weak and second.weak
    if first.instant is not None and second.instant is not None:
        chosen = first if first.instant > second.instant else second
    elif first.clock is not None and second.clock is not None:
        late = second
        if second.ambiguous and second.clock.hour < 12 and _clock_key(second) <= _clock_key(first):
            late = replace(second, clock=second.clock.replace(hour=second.clock.hour + 12))
            late.ambiguous = False
        chosen = first if _clock_key(first) > _clock_key(late) else late
    elif first.day is not None and second.day is not None and first.day > second.day:
        chosen = first
    else:
        chosen = second
    return replace(chosen, start=first.start, end=second.end, weak=weak)


def _clock_key(atom: _Atom) -> tuple[bool, time]:
    assert atom.clock is not None
    clock = _disambiguate(atom.clock, atom.part) if atom.ambiguous else atom.clock
    return atom.next_day, clock


def _joins(group: list[_Atom], atom: _Atom, text: str) -> bool:
    if not _CONNECTOR.match(text[group[-1].end : atom.start]):
        return False
    if any(a.instant is not None for a in group) or atom.instant is not None:
        return False
    held: set[str] = set()
    for member in group:
        held |= member.slots()
    return not (held & atom.slots())


def _emit(
    group: list[_Atom], text: str, now: datetime, tz: ZoneInfo, spans: list[TimeSpan]
) -> None:
    if all(a.weak for a in group):
        return
    end = group[-1].end
    zone = next((a.zone for a in group if a.zone is not None), None)
    if zone is not None:
        due = _combine(group, now.astimezone(zone), zone)
        due = due.astimezone(tz) if due is not None else None
    else:
        due = _combine(group, now, tz)
    if due is None:
        return
    if spans and _ALTERNATIVE.fullmatch(text, spans[-1].end, group[0].start):
        last = spans.pop()  # "Monday 3pm or Tuesday morning": the later of the two
        spans.append(TimeSpan(last.start, end, max(last.due, due)))
        return
    spans.append(TimeSpan(group[0].start, end, due))


def _read_zone(atom: _Atom, text: str, now: datetime, tz: ZoneInfo) -> None:
    """A zone named right after a clock time ("9:00 CET") joins the atom, unless it is ours."""
    m = _ZONE_AFTER.match(text, atom.end)
    if m is None:
        return
    word = m["z"]
    name = _ZONES.get(word.upper())
    if name is None or (len(word) == 2 and not word.isupper()):
        return
    atom.end = m.end()
    if word.upper() != now.tzname() and name != tz.key:
        atom.zone = ZoneInfo(name)


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
        if day is None and now.weekday() >= SATURDAY:
            return at(next_business_day(now.date()), CLOSE_OF_BUSINESS, tz)
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
    minutes = 30 if "half" in m.group().lower() else 60
    return _Atom(m.start(), m.end(), instant=_elapsed(now, timedelta(minutes=minutes), tz))


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
    if unit == "m" or unit.startswith(("min", "h")):
        minutes = amount * (60 if unit.startswith("h") else 1)
        return _Atom(m.start(), m.end(), instant=_elapsed(now, timedelta(minutes=minutes), tz))
    whole = int(amount)
    if whole < 1:
        return None
    today = now.date()
    if unit.startswith("d"):
        day = add_business_days(today, whole) if business else today + timedelta(days=whole)
    elif unit.startswith("w"):
        day = today + timedelta(weeks=whole)
    else:
        day = add_months(today, whole)
    return _Atom(m.start(), m.end(), day=day)


_SHORT_UNIT_LIMIT = {"h": 999, "d": 31, "m": 120, "w": 12}
_MEDIA = re.compile(r"\s*(?:print|model|scan|render|view|graphic|image|design)", re.IGNORECASE)


def _duration(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    count = m["du_n"].lower()
    unit = (m["du_u"] or m["du_s"]).lower()
    if count in ("a", "an") and unit.startswith("min") and not m["du_hi"]:
        return None  # "in a minute" is a figure of speech, not a time
    amount = _amount(m, count, m["du_or"] or m["du_hi"])
    if amount is None:
        return None
    if m["du_s"] and (
        amount > _SHORT_UNIT_LIMIT[unit] or m["du_s"].isupper() or _MEDIA.match(text, m.end())
    ):
        return None  # "within 500m" is a distance, "in 3D" a kind of print
    if m["du_sm"]:  # "in 1h30"
        amount += int(m["du_sm"]) / 60
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


def _past(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """ "half past 3", "a quarter to 5"."""
    hour = number_value(m["pa_h"])
    if hour is None or not 1 <= hour <= 12:
        return None
    minutes = 30 if m["pa_q"].lower() == "half" else 15
    if m["pa_dir"].lower() == "to":
        if minutes == 30:
            return None  # "half to" is not a time
        hour, minutes = (hour - 1) or 12, 45
    resolved = _clock_of(hour, minutes, m["pa_ap"])
    if resolved is None:
        return None
    return _Atom(m.start(), m.end(), clock=resolved[0], ambiguous=resolved[1])


def _half_hour(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """British "at half 3": half past three."""
    hour = number_value(m["hh_h"])
    if hour is None or not 1 <= hour <= 12:
        return None
    return _Atom(m.start(), m.end(), clock=time(hour, 30), ambiguous=True)


def _top_of_hour(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    top = now.replace(minute=0, second=0) + timedelta(hours=1)
    return _Atom(m.start(), m.end(), instant=_elapsed(now, top - now, tz))


def _military(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """ "at 1700", "1700 hrs": a 24-hour time needs "at" or a suffix ("by 2030" is a year)."""
    prefix = (m["mi_pre"] or "").lower()
    hour = int(m["mi_h"])
    marked = m["mi_suf"] or prefix in ("at", "around") or m.group().startswith("@")
    if not marked and (not prefix or hour >= 19):  # "by 2030" is a year
        return None
    after = m.end()
    if not m["mi_suf"] and (_NOT_A_TIME_NEXT.match(text, after) or _DIGIT_NEXT.match(text, after)):
        return None  # "at 1500 per seat", "call us at 0800 123 456"
    return _Atom(m.start(), m.end(), clock=time(hour, int(m["mi_m"])))


def _h_clock(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """ "17h", "9h30": a clock in the 24-hour style, unless it is a length ("for 3h")."""
    hour = int(m["hc_h"])
    if _LENGTH_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None
    if hour < 7 and not m["hc_m"]:
        return None
    return _Atom(m.start(), m.end(), clock=time(hour, int(m["hc_m"] or 0)))


def _range_bare(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """ "between 8 and 12": a window of business hours; its end is the deadline."""
    first, last = int(m["rc_h1"]), int(m["rc_h2"])
    if not (1 <= first <= 12 and 1 <= last <= 12) or first == last:
        return None
    end = _disambiguate(time(last, 0), None)
    if end <= _disambiguate(time(first, 0), None) and end.hour < 12:
        end = end.replace(hour=end.hour + 12)
    return _Atom(m.start(), m.end(), clock=end, ambiguous=end.hour < 12)


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
    day = now.date() + timedelta(days=2 if m["dat"] else 1)
    return _with_half_day(_Atom(m.start(), m.end(), day=day), m["tm_ap"])


def _with_half_day(atom: _Atom, meridiem: str | None) -> _Atom:
    """ "tomorrow am", "Monday pm": the morning (by 12:00) or the afternoon (by 17:00)."""
    if meridiem:
        atom.part = "morning" if meridiem.lower() == "am" else "afternoon"
        atom.default = _PART_DEFAULT[atom.part]
    return atom


def _week(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    words = m.group().lower()
    today = now.date()
    if "after next" in words:
        return _day_atom(m, weekday_next_week(today, FRIDAY) + timedelta(days=7))
    if "next" in words:
        weekday = 1 if "early" in words else 2 if "mid" in words else FRIDAY
        return _day_atom(m, weekday_next_week(today, weekday))
    if today.weekday() >= SATURDAY:  # the working week is over: the coming one is meant
        return _day_atom(m, next_weekday(today, FRIDAY))
    return _day_atom(m, max(weekday_this_week(today, FRIDAY), today))


def _midweek(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    today = now.date()
    wednesday = weekday_this_week(today, 2)
    return _day_atom(m, wednesday if wednesday >= today else wednesday + timedelta(days=7))


def _next_business_day(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    return _day_atom(m, next_business_day(now.date()))


def _holiday_date(name: str, year: int) -> date:
    if name.startswith("thanksgiving"):  # US: the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("new"):
        return date(year, 12, 31) if name.endswith("eve") else date(year + 1, 1, 1)
    return date(year, 12, 24) if name.endswith("eve") else date(year, 12, 25)


def _holiday(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """ "by Christmas": close of business on the last day before the holiday."""
    name = " ".join(m["ho"].lower().replace("xmas", "christmas").split())
    today = now.date()
    holiday = _holiday_date(name, today.year)
    if holiday <= today:
        holiday = _holiday_date(name, today.year + 1)
    return _day_atom(m, holiday - timedelta(days=1))


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


def _weekday_date(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    """ "Tuesday the 24th": the next 24th; one of the next three that is a Tuesday if any."""
    wanted = int(m["wn_d"])
    weekday = WEEKDAYS.get(m["wn_wd"].lower())
    if weekday is None or not 1 <= wanted <= 31:
        return None
    today = now.date()
    first = today.replace(day=1)
    candidates = []
    for months_ahead in range(3):
        month_start = add_months(first, months_ahead)
        if wanted <= last_day_of_month(month_start.year, month_start.month).day:
            candidate = month_start.replace(day=wanted)
            if candidate >= today:
                candidates.append(candidate)
    matching = [c for c in candidates if c.weekday() == weekday]
    return _day_atom(m, matching[0] if matching else candidates[0] if candidates else None)


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
    elif (
        weekday == today.weekday()
        and now.time() < CLOSE_OF_BUSINESS
        and _DEADLINE_BEFORE.search(text, max(0, m.start() - 16), m.start())
    ):
        day = today  # "by Friday" said on a Friday morning: today, close of business
    else:
        day = next_weekday(today, weekday)
    return _with_half_day(_Atom(m.start(), m.end(), day=day), m["wd_ap"])


_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|before|until|till|than)\s+(?:(?:eod|cob|end\s+of\s+day)\s+)?$", re.IGNORECASE
)


# "by 3" is three o'clock ("I'll call you by 3"), but "by 13" is a date and "cut it by 3"
# an amount: such a "by" only counts beside a stronger time ("Friday by 10").
_CHANGE_BEFORE = re.compile(
    r"\b(?:increase[sd]?|reduce[sd]?|raise[sd]?|lower(?:ed|s)?|cut|drop(?:ped|s)?|up|down|off"
    r"|divided|multiplied|grow(?:n|s)?|grew|rise[sn]?|rose|fell|fall(?:en|s)?|short|over"
    r"|under|discount(?:ed)?|extend(?:ed|s)?|delay(?:ed|s)?|late|early|behind|ahead)\s*$",
    re.IGNORECASE,
)


def _bare(m: re.Match[str], text: str, now: datetime, tz: ZoneInfo) -> _Atom | None:
    resolved = _clock_of(int(m["ba_h"]), 0, None)
    if resolved is None:
        return None
    weak = (m["ba_pre"] or "").lower() == "by" and (
        int(m["ba_h"]) > 12 or bool(_CHANGE_BEFORE.search(text, max(0, m.start() - 24), m.start()))
    )
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
    "rangebare": _range_bare,
    "range24": _range24,
    "past": _past,
    "mil": _military,
    "halfh": _half_hour,
    "tophour": _top_of_hour,
    "hclock": _h_clock,
    "nbd": _next_business_day,
    "midweek": _midweek,
    "holiday": _holiday,
    "wdnth": _weekday_date,
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
