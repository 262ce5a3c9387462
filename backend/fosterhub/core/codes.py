"""Short human-friendly codes for references, campaigns and referrals."""

from fosterhub.core.entropy import random_bytes

# No 0/O, 1/I/L: codes are read off leaflets and typed by people.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
# Bytes at or above this are drawn again, so that each letter is equally likely.
_FAIR = 256 - 256 % len(ALPHABET)


def short_code(length: int = 6, prefix: str = "") -> str:
    letters: list[str] = []
    while len(letters) < length:
        letters += [ALPHABET[b % len(ALPHABET)] for b in random_bytes(length) if b < _FAIR]
    return prefix + "".join(letters[:length])
