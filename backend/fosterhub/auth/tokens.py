"""Access tokens: the only module that imports jose.

Tokens are ES256 JWTs (one algorithm family: ECDSA on P-256). The signing key is derived from
SECRET_KEY, so every API replica agrees without sharing a key file; its `kid` is a hash of the
public key and a token naming any other `kid` is refused before its signature is looked at.
`exp`, `iat`, `aud`, `iss` and `sub` are required.
"""

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from jose import jwt
from jose.exceptions import JOSEError

from fosterhub.config import Settings
from fosterhub.core.db import utcnow

ALGORITHM = "ES256"
MAX_TOKEN_BYTES = 4096


class InvalidToken(Exception):
    """Any reason at all; the caller answers 401 without saying which."""


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_pem: str
    public_pem: str
    public_jwk: dict[str, str]


def _b64(value: int) -> str:
    return base64.urlsafe_b64encode(value.to_bytes(32, "big")).decode().rstrip("=")


@lru_cache(maxsize=8)
def signing_key(secret_key: str) -> SigningKey:
    seed = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"fosterhub-jwt-es256", info=b"signing-key"
    ).derive(secret_key.encode())
    order = int("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16)
    private = ec.derive_private_key(int.from_bytes(seed, "big") % (order - 1) + 1, ec.SECP256R1())
    public = private.public_key()
    public_der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    kid = hashlib.sha256(public_der).hexdigest()[:16]
    numbers = public.public_numbers()
    return SigningKey(
        kid=kid,
        private_pem=private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        public_pem=public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode(),
        public_jwk={
            "kty": "EC",
            "crv": "P-256",
            "x": _b64(numbers.x),
            "y": _b64(numbers.y),
            "use": "sig",
            "alg": ALGORITHM,
            "kid": kid,
        },
    )


def jwks(settings: Settings) -> dict[str, list[dict[str, str]]]:
    return {"keys": [signing_key(settings.secret_key).public_jwk]}


def issue(settings: Settings, subject: str, claims: dict[str, Any]) -> tuple[str, int]:
    """A signed access token and its lifetime in seconds."""
    key = signing_key(settings.secret_key)
    now = utcnow()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    payload = {
        **claims,
        "sub": subject,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": secrets.token_urlsafe(12),
    }
    token = jwt.encode(payload, key.private_pem, algorithm=ALGORITHM, headers={"kid": key.kid})
    return token, int(lifetime.total_seconds())


def verify(settings: Settings, token: str) -> dict[str, Any]:
    if len(token) > MAX_TOKEN_BYTES:
        raise InvalidToken("token too large")
    key = signing_key(settings.secret_key)
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError as exc:
        raise InvalidToken("malformed header") from exc
    if header.get("alg") != ALGORITHM or header.get("kid") != key.kid:
        raise InvalidToken("unexpected algorithm or key id")
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key.public_pem,
            algorithms=[ALGORITHM],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_aud": True,
                "require_iss": True,
                "require_sub": True,
                "leeway": 10,
            },
        )
    except (JOSEError, ValueError, TypeError) as exc:
        raise InvalidToken("signature or claims rejected") from exc
    return claims
