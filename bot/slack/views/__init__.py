"""Block Kit views as pure functions: data in, slack_sdk models out, no I/O."""
