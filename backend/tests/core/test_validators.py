"""The email address type decides as email-validator decides, on plain and tricky input."""

import random

import pytest
from pydantic import TypeAdapter, ValidationError
from pydantic.networks import validate_email
from pydantic_core import PydanticCustomError

from fosterhub.core.validators import _PLAIN_EMAIL, EmailAddress, _email

LOCAL = "abcxyzABC019._%+-!#'`~{}/=?^*&|$"
DOMAIN = "abcxyzAB019-.."
TLDS = [
    "org",
    "uk",
    "COM",
    "co.uk",
    "test",
    "local",
    "localhost",
    "onion",
    "arpa",
    "invalid",
    "1",
    "o",
    "x1",
    "xn--p1ai",
    "museum",
    "",
]


def _random_address(
    rng: random.Random, local_chars: str = LOCAL, domain_chars: str = DOMAIN
) -> str:
    local = "".join(rng.choice(local_chars) for _ in range(rng.choice([1, 2, 5, 20, 64, 65])))
    labels = [
        "".join(rng.choice(domain_chars) for _ in range(rng.choice([1, 2, 3, 4, 10, 63, 64])))
        for _ in range(rng.choice([0, 1, 2, 4]))
    ]
    return f"{local}@{'.'.join([*labels, rng.choice(TLDS)])}"


def _outcome(check: object, value: str) -> str:
    try:
        return str(check(value))  # type: ignore[operator]
    except PydanticCustomError as exc:
        return f"refused: {exc.message()}"


def test_our_shortcut_agrees_with_email_validator_on_random_addresses() -> None:
    rng = random.Random(20261205)
    addresses = [_random_address(rng) for _ in range(10_000)]
    # And many more near what the shortcut takes, to try its edges.
    addresses += [_random_address(rng, "abAB09._%+-", "abAB09-") for _ in range(20_000)]
    addresses += [
        "ann@example.org",
        "Ann.Lee+fostering@Mail.Example.ORG",
        "a@b.co",
        "a.@example.org",
        ".a@example.org",
        "a..b@example.org",
        "a@-example.org",
        "a@example-.org",
        "a@ab--cd.org",
        "a@x--y.org",
        "a@example.123",
        "a@example",
        "a@sub.localhost",
        "a@" + "b" * 63 + ".org",
        "a@" + "b" * 64 + ".org",
        "a" * 64 + "@example.org",
        "a" * 65 + "@example.org",
        "a@" + ".".join(["b" * 60] * 4) + ".org",
        "Ann Lee <ann@example.org>",
        "ann@exämple.org",
        "änn@example.org",
    ]
    shortcut = 0
    for address in addresses:
        ours, theirs = _outcome(_email, address), _outcome(lambda v: validate_email(v)[1], address)
        assert ours == theirs, address
        shortcut += _PLAIN_EMAIL.fullmatch(address) is not None
    assert shortcut > 2_500  # the shortcut's pattern was tried on thousands


@pytest.mark.parametrize(
    ("given", "stored"),
    [("Ann.Lee@Example.ORG", "Ann.Lee@example.org"), ("  ann@example.org", "ann@example.org")],
)
def test_addresses_are_normalised(given: str, stored: str) -> None:
    assert TypeAdapter(EmailAddress).validate_python(given.strip()) == stored


def test_a_refusal_says_why_as_pydantic_does() -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(EmailAddress).validate_python("ann@example.test")
    (error,) = caught.value.errors()
    assert error["type"] == "value_error"
    assert error["msg"].startswith("value is not a valid email address: ")
