"""The Slack adapter: Bolt listeners that translate Slack payloads to and from the engine."""
