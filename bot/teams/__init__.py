"""The Microsoft Teams adapter (Microsoft 365 Agents SDK)."""
