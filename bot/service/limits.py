"""How long each stored text may be: one place, read by the service and by every form.

Each limit is said to the user when passed ("... is too long (at most N
characters)"), and the Slack modals and Teams cards set the same maximum on
their inputs so people see it while typing. 3,000 is also the most a Slack
text input allows.
"""

from __future__ import annotations

from bot.store.models import NAME

CUSTOMER_CHARS = NAME  # the column's size
WHAT_HAPPENED_CHARS = 3000
WHAT_AGREED_CHARS = 2000
PROMISE_CHARS = 2000
SOURCE_LINK_CHARS = 2000
USER_NAME_CHARS = NAME  # a display name from the platform: shortened, never refused
