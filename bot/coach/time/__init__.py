"""Stage 4: time. Due times resolved from what the draft says, in the user's zone."""
