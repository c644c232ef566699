"""PINs of the users who may do more than a clerk: the rules for a new one, how it is kept
(salted and slow-hashed with scrypt, never the PIN itself) and how many wrong tries lock it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from contact_desk.domain.errors import InvalidValue

MIN_LENGTH = 4
MAX_LENGTH = 64
TRIES_BEFORE_LOCK = 5
LOCKED_FOR = timedelta(minutes=1)

# scrypt's cost: about 16 MB and a few tens of milliseconds a try, recorded with each hash
# so that a later, dearer setting still reads the PINs kept before it.
_COST = {"n": 2**14, "r": 8, "p": 1}
_SCHEME = "scrypt"


def check_new_pin(pin: str) -> None:
    """InvalidValue unless ``pin`` may be someone's PIN."""
    if len(pin) < MIN_LENGTH:
        raise InvalidValue(f"A PIN needs at least {MIN_LENGTH} digits or characters.")
    if len(pin) > MAX_LENGTH:
        raise InvalidValue(f"A PIN can be at most {MAX_LENGTH} characters.")
    if pin != pin.strip():
        raise InvalidValue("A PIN cannot begin or end with a space.")


def hash_pin(pin: str) -> str:
    """What is stored for ``pin``: the scheme, its cost, a random salt and the hash."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, **_COST)
    cost = "$".join(str(_COST[key]) for key in ("n", "r", "p"))
    return f"{_SCHEME}${cost}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from; in constant time."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        expected = bytes.fromhex(digest)
        given = _scrypt(pin, bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return scheme == _SCHEME and hmac.compare_digest(given, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * n * r * p, dklen=32)
