"""Private status-link tokens: the person gets the token, the database keeps only its SHA-256 digest.

A leaked database therefore reveals no working links; the link is shown once on the success page and sent once
by e-mail.
"""

import hashlib
import secrets

TOKEN_BYTES = 32
# Tokens are URL-safe base64 of 32 bytes: 43 characters. Anything far from that is rejected before hashing.
MAX_TOKEN_LENGTH = 64


def new_token() -> tuple[str, str]:
    """A fresh token and its digest."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, digest(token)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(value: str) -> bool:
    return 20 <= len(value) <= MAX_TOKEN_LENGTH and all(char.isalnum() or char in "-_" for char in value)
