"""The message catalogue, split by job; ``workflows.messages`` merges it and refuses duplicate keys."""
