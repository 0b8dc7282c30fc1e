"""E-mail: the SMTP sender of partner reminders."""
