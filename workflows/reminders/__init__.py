"""Deadline reminders: the plan derived from a project's end date, the ticker that posts them, and commands."""
