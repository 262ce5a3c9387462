"""Short human-friendly codes for references, campaigns and referrals."""

import secrets

# No 0/O, 1/I/L: codes are read off leaflets and typed by people.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def short_code(length: int = 6, prefix: str = "") -> str:
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(length))
