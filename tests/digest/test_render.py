from datetime import UTC, datetime, timedelta

from bot.digest.layout import ALL_CLEAR
from bot.digest.render import SHOWN_PER_SECTION, digest_text
from bot.service import Actor, DigestData, PromiseView

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday
ACTOR = Actor("slack", "T1", "U1")


def _promise(n: int, text: str, due: datetime | None, customer: str | None = None) -> PromiseView:
    return PromiseView(
        id=n, platform="slack", tenant_id="T1", user_id="U1", customer=customer, text=text,
        due=due, status="open", created_at=NOW - timedelta(days=3), closed_at=None,
        source_link=None, incident_id=None,
    )


def _digest(tz: str = "Europe/Paris", **parts) -> DigestData:
    fields = {"overdue": [], "due_this_week": [], "later": [], "undated": [],
              "kept_last_week": 0, "incidents_last_week": 0, **parts}
    return DigestData(actor=ACTOR, tz=tz, generated_at=NOW, **fields)


def test_sections_come_in_order_with_local_times_and_customers():
    text = digest_text(_digest(
        overdue=[_promise(1, "Send the revised quote", NOW - timedelta(days=1), "Acme")],
        due_this_week=[_promise(2, "Call back about the refund", NOW + timedelta(hours=7))],
        later=[_promise(3, "Quarterly review", NOW + timedelta(days=20))],
        undated=[_promise(4, "Look into the invoice", None, "Globex")],
        kept_last_week=3, incidents_last_week=1,
    ))
    lines = text.splitlines()
    assert lines[0] == "Your promises this week (Monday 2 March, Europe/Paris)"
    assert lines[1].startswith("4 open · 1 overdue · kept on time 0 this week")
    assert text.index("Overdue (1):") < text.index("Due in the next 7 days (1):")
    assert text.index("Due in the next 7 days") < text.index("Later (1):") < text.index(
        "No date yet (1):"
    )
    assert "• #1 Acme: Send the revised quote - was due Sun 1 Mar, 09:00 (1 day late)" in lines
    assert "• #2 Call back about the refund - due Mon 2 Mar, 16:00" in lines
    assert "• #4 Globex: Look into the invoice - no date yet" in lines
    assert "give each one a date" in text
    assert lines[-1] == "Last 7 days: 3 promises kept, 1 incident logged."


def test_an_empty_week_is_one_all_clear_line():
    text = digest_text(_digest(tz="UTC"))
    assert text == ALL_CLEAR and "\n" not in text


def test_long_sections_are_cut_with_a_count_of_the_rest():
    many = [_promise(n, f"promise {n}", NOW - timedelta(hours=n + 1)) for n in range(14)]
    text = digest_text(_digest(overdue=many))
    assert "Overdue (14):" in text
    assert text.count("• #") == SHOWN_PER_SECTION
    assert f"…and {14 - SHOWN_PER_SECTION} more" in text
