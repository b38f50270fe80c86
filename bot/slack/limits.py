"""Slack's size limits, in one place, so views trim before Slack would reject."""

SECTION_TEXT = 3000
CONTEXT_TEXT = 3000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
OPTION_TEXT = 75
MODAL_TITLE = 24
MODAL_BUTTON = 24
PRIVATE_METADATA = 3000
INITIAL_INPUT = 3000
PLACEHOLDER = 150
MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
MESSAGE_TEXT = 3000  # the fallback `text=`; Slack allows 40k but notifications show little
ACTIONS_ELEMENTS = 25
