"""toughclient: a coach for replies to difficult customers, in Slack, Teams and the terminal."""
