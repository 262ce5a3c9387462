"""Access tokens: every known JWT attack is refused, by `tokens.verify` and over HTTP.

Forged tokens are built by hand (base64url JSON and a signature made with `hmac` or
`cryptography`), so the tests do not depend on the library under test to make the attack.
A hand-built token signed with the service's real key is accepted (the last tests), which
proves each refusal below is for the reason its name gives.
"""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from pydantic import ValidationError

from fosterhub.auth import tokens
from fosterhub.auth.service import access_claims
from fosterhub.config import Settings
from tests.conftest import Person, World, assert_problem

ME = "/api/v1/auth/me"
JWKS = "/api/v1/.well-known/jwks.json"
_DROP = object()
SUBJECT = "3f1c8c7e-0000-4000-8000-000000000001"
COUNCIL = "3f1c8c7e-0000-4000-8000-0000000000aa"
USER_CLAIMS: dict[str, Any] = {"typ": "user", "council": COUNCIL, "roles": ["carer"]}


# --- building tokens by hand ---------------------------------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def segment(value: Any) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def private_key(settings: Settings) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(
        tokens.signing_key(settings.secret_key).private_pem.encode(), password=None
    )
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return key


def public_key(settings: Settings) -> ec.EllipticCurvePublicKey:
    return private_key(settings).public_key()


def header(settings: Settings, **changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "alg": "ES256",
        "typ": "JWT",
        "kid": tokens.signing_key(settings.secret_key).kid,
    }
    for name, new in changes.items():
        if new is _DROP:
            value.pop(name, None)
        else:
            value[name] = new
    return value


def claims(settings: Settings, person: Person | None = None, **changes: Any) -> dict[str, Any]:
    """Claims as the service writes them; for a real person, or a made-up one (the attacks
    are refused before anyone is looked up, and if one were not, /auth/me would not say 401)."""
    now = int(time.time())
    who = (
        {**access_claims(person.user, None), "sub": person.user.id}
        if person
        else {**USER_CLAIMS, "sub": SUBJECT}
    )
    value: dict[str, Any] = {
        **who,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 600,
        "jti": "hand-made",
    }
    for name, new in changes.items():
        if new is _DROP:
            value.pop(name, None)
        else:
            value[name] = new
    return value


def es256(key: ec.EllipticCurvePrivateKey, head: dict[str, Any], body: dict[str, Any]) -> str:
    signing_input = f"{segment(head)}.{segment(body)}"
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    return f"{signing_input}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def hmac_signed(
    secret: bytes, head: dict[str, Any], body: dict[str, Any], digest: str = "sha256"
) -> str:
    signing_input = f"{segment(head)}.{segment(body)}"
    signature = hmac.new(secret, signing_input.encode(), digest).digest()
    return f"{signing_input}.{b64url(signature)}"


def public_key_forms(settings: Settings) -> dict[str, bytes]:
    """Every way the service's public key is published or could be guessed at."""
    key = public_key(settings)
    numbers = key.public_numbers()
    x, y = numbers.x.to_bytes(32, "big"), numbers.y.to_bytes(32, "big")
    jwk = tokens.signing_key(settings.secret_key).public_jwk
    pem = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return {
        "pem": pem,
        "pem-stripped": pem.strip(),
        "pem-service-text": tokens.signing_key(settings.secret_key).public_pem.encode(),
        "der": key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
        "jwk-json": json.dumps(jwk).encode(),
        "jwk-json-compact": json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode(),
        "raw-x-y": x + y,
        "uncompressed-point": key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        ),
        "compressed-point": key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
        ),
    }


async def assert_refused(client: httpx.AsyncClient, settings: Settings, token: str) -> None:
    """The token is refused by `verify` and a protected route answers 401 problem+json."""
    with pytest.raises(tokens.InvalidToken):
        tokens.verify(settings, token)
    response = await client.get(ME, headers={"Authorization": f"Bearer {token}"})
    body = assert_problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "Traceback" not in response.text
    assert body.get("detail") == "The access token is invalid or has expired."


# --- the attacks ---------------------------------------------------------------------------


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
async def test_unsigned_alg_none_token_is_refused(
    client: httpx.AsyncClient, settings: Settings, alg: str
) -> None:
    body = claims(settings)
    await assert_refused(client, settings, f"{segment(header(settings, alg=alg))}.{segment(body)}.")
    # The same with a real signature left on (some libraries skip verification for `none`).
    real = es256(private_key(settings), header(settings), body)
    forged = f"{segment(header(settings, alg=alg))}.{segment(body)}.{real.rsplit('.', 1)[1]}"
    await assert_refused(client, settings, forged)


@pytest.mark.parametrize(
    "form",
    [
        "pem",
        "pem-stripped",
        "pem-service-text",
        "der",
        "jwk-json",
        "jwk-json-compact",
        "raw-x-y",
        "uncompressed-point",
        "compressed-point",
    ],
)
@pytest.mark.parametrize(
    ("alg", "digest"), [("HS256", "sha256"), ("HS384", "sha384"), ("HS512", "sha512")]
)
async def test_hmac_token_signed_with_the_public_key_is_refused(
    client: httpx.AsyncClient,
    settings: Settings,
    form: str,
    alg: str,
    digest: str,
) -> None:
    secret = public_key_forms(settings)[form]
    body = claims(settings)
    await assert_refused(
        client, settings, hmac_signed(secret, header(settings, alg=alg), body, digest)
    )
    # An HMAC signature under a header that still claims ES256 is refused too.
    await assert_refused(client, settings, hmac_signed(secret, header(settings), body, digest))


async def test_expired_token_is_refused(client: httpx.AsyncClient, settings: Settings) -> None:
    now = int(time.time())
    body = claims(settings, iat=now - 3600, exp=now - 60)
    await assert_refused(client, settings, es256(private_key(settings), header(settings), body))


async def test_token_issued_by_the_service_stops_working_when_it_expires(
    client: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    token, lifetime = tokens.issue(settings, SUBJECT, USER_CLAIMS)
    later = time.time() + lifetime + 11  # past the 10 s leeway
    monkeypatch.setattr("jose.jwt.timegm", lambda _: int(later))
    await assert_refused(client, settings, token)


@pytest.mark.parametrize(
    "audience", ["another-api", "", "FOSTERHUB-API", ["another-api"], 42], ids=repr
)
async def test_token_for_another_audience_is_refused(
    client: httpx.AsyncClient, settings: Settings, audience: Any
) -> None:
    body = claims(settings, aud=audience)
    await assert_refused(client, settings, es256(private_key(settings), header(settings), body))


@pytest.mark.parametrize("issuer", ["someone-else", "", "FOSTERHUB", 1])
async def test_token_from_another_issuer_is_refused(
    client: httpx.AsyncClient, settings: Settings, issuer: Any
) -> None:
    body = claims(settings, iss=issuer)
    await assert_refused(client, settings, es256(private_key(settings), header(settings), body))


@pytest.mark.parametrize("claim", ["sub", "exp", "aud", "iss", "iat"])
async def test_token_missing_a_required_claim_is_refused(
    client: httpx.AsyncClient, settings: Settings, claim: str
) -> None:
    body = claims(settings, **{claim: _DROP})
    await assert_refused(client, settings, es256(private_key(settings), header(settings), body))


@pytest.mark.parametrize(
    ("claim", "value"),
    [("sub", 12345), ("sub", None), ("exp", "tomorrow"), ("exp", None), ("iat", "now")],
    ids=repr,
)
async def test_token_with_a_malformed_required_claim_is_refused(
    client: httpx.AsyncClient, settings: Settings, claim: str, value: Any
) -> None:
    body = claims(settings, **{claim: value})
    await assert_refused(client, settings, es256(private_key(settings), header(settings), body))


@pytest.mark.parametrize("kid", ["0123456789abcdef", "", "../../etc/passwd", 0, None, ["x"]])
async def test_token_naming_an_unknown_key_id_is_refused(
    client: httpx.AsyncClient, settings: Settings, kid: Any
) -> None:
    token = es256(private_key(settings), header(settings, kid=kid), claims(settings))
    await assert_refused(client, settings, token)


async def test_token_without_a_key_id_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    token = es256(private_key(settings), header(settings, kid=_DROP), claims(settings))
    await assert_refused(client, settings, token)


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda c, other: {**c, "roles": ["admin", "manager"]}, id="roles"),
        pytest.param(lambda c, other: {**c, "council": other}, id="council"),
        pytest.param(lambda c, other: {**c, "exp": c["exp"] + 86400}, id="exp"),
        pytest.param(lambda c, other: {**c, "typ": "client", "scope": "reports:read"}, id="typ"),
        pytest.param(lambda c, other: c, id="re-serialised"),
    ],
)
async def test_tampered_payload_with_the_original_signature_is_refused(
    client: httpx.AsyncClient,
    settings: Settings,
    tamper: Callable[[dict[str, Any], str], dict[str, Any]],
) -> None:
    token, _ = tokens.issue(settings, SUBJECT, USER_CLAIMS)
    head, payload, signature = token.split(".")
    original = json.loads(b64url_decode(payload))
    changed = tamper(original, "another-council-id")
    # Re-serialising with other spacing changes the signed bytes even when the claims match.
    forged = f"{head}.{b64url(json.dumps(changed, indent=1).encode())}.{signature}"
    assert forged != token
    await assert_refused(client, settings, forged)


async def test_tampered_header_with_the_original_signature_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    token, _ = tokens.issue(settings, SUBJECT, USER_CLAIMS)
    head, payload, signature = token.split(".")
    changed = {**json.loads(b64url_decode(head)), "cty": "JWT"}
    await assert_refused(client, settings, f"{segment(changed)}.{payload}.{signature}")


async def test_token_with_an_8_kb_header_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    head = header(settings, pad="A" * 8192)
    token = es256(private_key(settings), head, claims(settings))
    assert len(segment(head)) > 8192
    await assert_refused(client, settings, token)


@pytest.mark.parametrize(
    "garbage",
    [
        "garbage",
        "a.b.c",
        "..",
        "...",
        "a.b",
        "eyJ",
        "eyJhbGciOiJFUzI1NiJ9",
        "eyJhbGciOiJFUzI1NiJ9..",
        "eyJhbGciOiJFUzI1NiJ9.e30.",
        "W10.e30.AAAA",  # header is a JSON array
        "bnVsbA.e30.AAAA",  # header is JSON null
        "IjEi.e30.AAAA",  # header is a JSON string
        "!!!.###.$$$",
        "x" * 5000,
        "Bearer",
    ],
)
async def test_garbage_token_is_refused(
    client: httpx.AsyncClient, settings: Settings, garbage: str
) -> None:
    await assert_refused(client, settings, garbage)


@pytest.mark.parametrize("garbage", ["", "é.é.é", "\x00", "a.b.c\n"])
def test_garbage_that_cannot_travel_in_a_header_is_refused_by_verify(
    settings: Settings, garbage: str
) -> None:
    with pytest.raises(tokens.InvalidToken):
        tokens.verify(settings, garbage)


async def test_header_claiming_ecdsa_with_a_non_object_payload_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    signing_input = f"{segment(header(settings))}.{segment(['not', 'claims'])}"
    der = private_key(settings).sign(signing_input.encode(), ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    token = f"{signing_input}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"
    await assert_refused(client, settings, token)


async def test_token_signed_with_another_secret_key_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    other = settings.model_copy(update={"secret_key": "another-deployment-secret-key-42"})
    assert tokens.signing_key(other.secret_key).kid != tokens.signing_key(settings.secret_key).kid
    token, _ = tokens.issue(other, SUBJECT, USER_CLAIMS)
    await assert_refused(client, settings, token)
    # Naming our key id does not help: the signature is checked against our key.
    forged = es256(private_key(other), header(settings), claims(settings))
    await assert_refused(client, settings, forged)


async def test_token_carrying_its_own_key_in_the_header_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    attacker = ec.generate_private_key(ec.SECP256R1())
    numbers = attacker.public_key().public_numbers()
    jwk = {
        "kty": "EC",
        "crv": "P-256",
        "x": b64url(numbers.x.to_bytes(32, "big")),
        "y": b64url(numbers.y.to_bytes(32, "big")),
    }
    head = header(settings, jwk=jwk, jku="https://attacker.example/jwks.json")
    await assert_refused(client, settings, es256(attacker, head, claims(settings)))


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param(bytes(64), id="all-zero r and s"),
        pytest.param(b"", id="empty"),
        pytest.param(b"\x01" * 32, id="too short"),
    ],
)
async def test_token_with_a_degenerate_signature_is_refused(
    client: httpx.AsyncClient, settings: Settings, signature: bytes
) -> None:
    signing_input = f"{segment(header(settings))}.{segment(claims(settings))}"
    await assert_refused(client, settings, f"{signing_input}.{b64url(signature)}")


async def test_token_with_a_der_encoded_signature_is_refused(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    token = es256(private_key(settings), header(settings), claims(settings))
    signing_input, raw = token.rsplit(".", 1)
    sig = b64url_decode(raw)
    der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
    await assert_refused(client, settings, f"{signing_input}.{b64url(der)}")


@pytest.mark.parametrize("alg", ["ES384", "ES512", "es256", "RS256", "PS256", "EdDSA"])
async def test_token_declaring_another_algorithm_is_refused(
    client: httpx.AsyncClient, settings: Settings, alg: str
) -> None:
    token = es256(private_key(settings), header(settings, alg=alg), claims(settings))
    await assert_refused(client, settings, token)


async def test_missing_or_non_bearer_authorization_answers_401(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    token, _ = tokens.issue(settings, SUBJECT, USER_CLAIMS)
    for headers in (
        {},
        {"Authorization": "Bearer "},
        {"Authorization": f"Basic {token}"},
        {"Authorization": token},
    ):
        response = await client.get(ME, headers=headers)
        assert_problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")


# --- what is accepted ----------------------------------------------------------------------


async def test_token_issued_by_the_service_is_accepted(
    client: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    person = await world.make_person(world.a, "manager")
    token, _ = tokens.issue(settings, person.user.id, access_claims(person.user, None))
    verified = tokens.verify(settings, token)
    assert verified["sub"] == person.user.id
    assert verified["council"] == world.a.id
    assert verified["roles"] == ["manager"]
    response = await client.get(ME, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert response.json()["id"] == person.user.id


async def test_hand_built_token_signed_with_the_service_key_is_accepted(
    client: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    """The builder the attack tests use makes good tokens: their refusals are not accidents."""
    person = await world.make_person(world.a, "admin")
    token = es256(private_key(settings), header(settings), claims(settings, person))
    assert tokens.verify(settings, token)["sub"] == person.user.id
    response = await client.get(ME, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    # A token that expired a moment ago is still inside the 10 s clock-skew leeway.
    now = int(time.time())
    skewed = claims(settings, person, iat=now - 600, exp=now - 2)
    assert tokens.verify(settings, es256(private_key(settings), header(settings), skewed))


async def test_jwks_publishes_the_signing_key_under_the_tokens_kid(
    client: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    person = await world.make_person(world.a, "admin")
    token, _ = tokens.issue(settings, person.user.id, access_claims(person.user, None))
    head = json.loads(b64url_decode(token.split(".")[0]))
    assert head["alg"] == "ES256"

    response = await client.get(JWKS)
    assert response.status_code == 200
    keys = response.json()["keys"]
    assert len(keys) == 1
    jwk = keys[0]
    assert jwk["kid"] == head["kid"]
    assert {jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]} == {"EC", "P-256", "ES256", "sig"}
    assert "d" not in jwk  # never the private part

    # The published key verifies the token's signature: partners can check tokens offline.
    published = ec.EllipticCurvePublicNumbers(
        int.from_bytes(b64url_decode(jwk["x"]), "big"),
        int.from_bytes(b64url_decode(jwk["y"]), "big"),
        ec.SECP256R1(),
    ).public_key()
    signing_input, raw = token.rsplit(".", 1)
    sig = b64url_decode(raw)
    published.verify(
        encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")),
        signing_input.encode(),
        ec.ECDSA(hashes.SHA256()),
    )
    # The kid is derived from the key, so a different deployment secret gives a different kid.
    der = published.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert jwk["kid"] == hashlib.sha256(der).hexdigest()[:16]


async def test_access_tokens_live_between_five_and_fifteen_minutes(
    client: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    person = await world.make_person(world.a, "admin")
    token, expires_in = tokens.issue(settings, person.user.id, access_claims(person.user, None))
    verified = tokens.verify(settings, token)
    assert 300 <= verified["exp"] - verified["iat"] <= 900
    assert expires_in == verified["exp"] - verified["iat"]
    for minutes in (5, 15):
        short = settings.model_copy(update={"access_token_minutes": minutes})
        _, lifetime = tokens.issue(short, person.user.id, access_claims(person.user, None))
        assert lifetime == minutes * 60
    for minutes in (4, 16, 60 * 24):
        with pytest.raises(ValidationError):
            Settings(
                environment="test",
                secret_key=settings.secret_key,
                database_url=settings.database_url,
                access_token_minutes=minutes,
            )
