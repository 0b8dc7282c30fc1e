"""What every layer shares: languages, platforms, dates for people, the message catalogue shape, chat records."""
