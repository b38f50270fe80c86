"""Every callback, action and block id the Slack surfaces use, in one place.

Views build with these names and listeners match on them, so a rename can
never leave a button that nothing answers.
"""

COMMAND = "/toughclient"

# shortcuts and modals (callback ids)
SHORTCUT_COACH_REPLY = "coach_reply"
VIEW_COACH_REPLY = "coach_reply_modal"
VIEW_LOG_INCIDENT = "log_incident_modal"
VIEW_SOFTEN_NO = "soften_no_modal"
VIEW_RESULT = "toughclient_result"

# buttons and selects (action ids)
PROMISE_KEPT = "promise_kept"
PROMISE_CANCEL = "promise_cancel"
PROMISE_SNOOZE = "promise_snooze"
PROMISE_NEW_DATE = "promise_new_date"
TRACK_PROMISE = "track_promise"
USE_REWRITE = "use_rewrite"
OPEN_LOG_MODAL = "open_log_modal"
SETTINGS_TZ = "settings_tz"
SETTINGS_DIGEST_DAY = "settings_digest_day"
SETTINGS_DIGEST_HOUR = "settings_digest_hour"
SETTINGS_DIGEST_ENABLED = "settings_digest_enabled"
SETTINGS_ALL_CLEAR = "settings_all_clear"
HOME_REFRESH = "home_refresh"

# where a promise's buttons are: block_id "promise:<id>:<surface>" (a date picker has no value)
PROMISE_BLOCK = "promise"
SURFACE_DIGEST = "digest"
SURFACE_LIST = "list"
SURFACE_HOME = "home"

# input blocks of the modals: (block_id, action_id) pairs share one name
DRAFT = "draft"
CUSTOMER = "customer"
WHAT_HAPPENED = "what_happened"
WHAT_AGREED = "what_agreed"
DUE = "due"
SEVERITY = "severity"
KIND = "kind"
ASKED_FOR = "asked_for"
WHY_NOT = "why_not"
ALTERNATIVES = "alternatives"
