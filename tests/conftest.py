"""Shared fixtures for every test that needs a database.

* ``database_url`` – a plain ``DATABASE_URL`` string, parametrised twice:
  ``sqlite`` (a fresh file under ``tmp_path``) and ``postgresql`` (a fresh
  schema on the server named by ``TOUGHCLIENT_TEST_POSTGRES_URL``, put first
  on the connection's search_path and dropped after the test, so tests never
  see each other's rows or tables).
  Without that variable the postgresql cases skip, saying how to run them:
  ``TOUGHCLIENT_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test``.
  With ``TOUGHCLIENT_REQUIRE_POSTGRES=1`` (CI, ``.ci/run``) a missing or
  unreachable server FAILS them instead.
* ``settings`` – ``bot.config.Settings`` on that database (defaults otherwise).
* ``service`` – a migrated ``bot.service.Service`` on it, closed afterwards.
* ``actor`` / ``other_tenant`` – a Slack user in workspace T1, and one in T2.

Use ``database_url`` or ``service`` in a test and it runs on both databases.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.config import Settings
from bot.service import Actor, Service, build_service
from tests.llm.fake_openai import FakeOpenAI, fake_openai
from tests.slack.mock_slack import MockSlack

POSTGRES_ENV = "TOUGHCLIENT_TEST_POSTGRES_URL"
REQUIRE_ENV = "TOUGHCLIENT_REQUIRE_POSTGRES"
HOW_TO = (
    f"PostgreSQL tests skipped: set {POSTGRES_ENV}="
    "postgresql://postgres@127.0.0.1:5432/test to run them (.ci/run does)"
)


def _postgres_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def _in_schema(url: str, schema: str) -> str:
    """Connections that see only `schema` and carry its name (to end them at teardown)."""
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}&application_name={schema}"


@pytest.fixture
def postgres_base_url() -> str:
    """The PostgreSQL server URL, or a skip (a failure when PostgreSQL is required)."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        if _postgres_required():
            pytest.fail(f"{REQUIRE_ENV}=1 but {POSTGRES_ENV} is not set")
        pytest.skip(HOW_TO)
    return url


@pytest.fixture
def postgres_schema_url(postgres_base_url: str) -> Iterator[str]:
    """A plain postgresql:// URL whose connections live in a fresh, private schema."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    conninfo = postgres_base_url.replace("postgres://", "postgresql://", 1)
    try:
        admin = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        if _postgres_required():
            pytest.fail(f"PostgreSQL at {postgres_base_url} is unreachable: {error}")
        pytest.skip(f"PostgreSQL at {postgres_base_url} is unreachable ({error}); {HOW_TO}")
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            yield _in_schema(conninfo, schema)
        finally:
            # A connection a test left open would block the DROP: end it first.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s AND pid <> pg_backend_pid()",
                (schema,),
            )
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'toughclient.db'}"
    url: str = request.getfixturevalue("postgres_schema_url")
    return url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url)


@pytest.fixture
def service(settings: Settings) -> Iterator[Service]:
    built = build_service(settings)
    built.migrate()
    try:
        yield built
    finally:
        built.close()


@pytest.fixture
def actor() -> Actor:
    return Actor("slack", "T1", "U1", "Ada")


@pytest.fixture
def other_tenant() -> Actor:
    return Actor("slack", "T2", "U9", "Mallory")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line, not one per test, when the PostgreSQL half of the suite was skipped."""
    skipped = terminalreporter.stats.get("skipped", [])
    if any(HOW_TO in str(getattr(report, "longrepr", "")) for report in skipped):
        terminalreporter.write_line(HOW_TO)


@pytest_asyncio.fixture
async def slack_api() -> AsyncIterator[MockSlack]:
    """Slack's Web API as the local mock, running for one test."""
    mock = MockSlack()
    await mock.start()
    try:
        yield mock
    finally:
        await mock.close()


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    """A local OpenAI-compatible server the real openai client talks to, scripted per test."""
    async with fake_openai() as server:
        yield server
