"""slack_sdk's own OAuth tables, declared on our metadata.

Building them with slack_sdk's table builders keeps the columns exactly as its
SQLAlchemy stores expect, and declaring them on `Base.metadata` puts them under
our Alembic migrations instead of the stores' `create_tables()`.
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Table

from bot.store.models import Base

slack_installations: Table = SQLAlchemyInstallationStore.build_installations_table(
    Base.metadata, SQLAlchemyInstallationStore.default_installations_table_name
)
slack_bots: Table = SQLAlchemyInstallationStore.build_bots_table(
    Base.metadata, SQLAlchemyInstallationStore.default_bots_table_name
)
slack_oauth_states: Table = SQLAlchemyOAuthStateStore.build_oauth_states_table(
    Base.metadata, SQLAlchemyOAuthStateStore.default_table_name
)
