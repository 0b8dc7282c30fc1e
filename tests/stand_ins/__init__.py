"""Local stand-ins of the chat platforms' HTTP APIs, started by the tests on loopback."""
