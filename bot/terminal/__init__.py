"""The terminal chat: a third adapter next to Slack and Teams."""
