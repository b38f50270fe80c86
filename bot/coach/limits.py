"""Limits the coach states to users, in one place."""

# A long email reads in well under a millisecond per 1,000 characters; past this size
# the draft is more likely a pasted thread than a reply, and the answer would be noise.
MAX_DRAFT_CHARS = 5000
