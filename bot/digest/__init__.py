"""The weekly digest of open promises: its text and its week."""
