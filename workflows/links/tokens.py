"""Link tokens: 256 random bits, URL-safe; only their SHA-256 is stored and compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32  # 256 bits
_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # token_urlsafe(32) without padding


def new_token() -> str:
    """A fresh random token for a link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The SHA-256 of a token, hex: what the database keeps."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def well_formed(token: str) -> bool:
    """True when ``token`` could be one of ours (cheap check before any look-up)."""
    return bool(_SHAPE.match(token))


def same_hash(stored: str, offered: str) -> bool:
    """Constant-time comparison of a stored hash with the hash of an offered token."""
    return hmac.compare_digest(stored.encode("ascii"), offered.encode("ascii"))
