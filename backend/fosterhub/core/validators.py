"""Validated types for personal details: names of any script, email addresses, UK phones,
UK postcodes."""

import re
import unicodedata
from typing import Annotated

import email_validator
import phonenumbers
from pydantic import AfterValidator, Field
from pydantic.networks import validate_email

from fosterhub.councils import postcodes

_NAME_PUNCTUATION = set(" '-.\u2019")  # includes the typographic apostrophe


def _name(value: str) -> str:
    value = unicodedata.normalize("NFC", " ".join(value.split()))
    if not value:
        raise ValueError("Enter a name")
    for char in value:
        if char in _NAME_PUNCTUATION:
            continue
        if not unicodedata.category(char).startswith(("L", "M")):
            raise ValueError("Names may use letters, spaces, hyphens and apostrophes only")
    return value


def _reserved_for_drama(number: phonenumbers.PhoneNumber) -> bool:
    # Ofcom keeps 07700 900000-900999 (and similar) for fiction and examples; the library calls
    # them invalid, but they are what guides, tests and our own hint ("07700 900 982") use.
    national = str(number.national_number)
    return len(national) == 10 and national.startswith("7700900")


def _uk_phone(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException as exc:
        raise ValueError("Enter a UK phone number, like 07700 900 982") from exc
    if number.country_code != 44 or not (
        phonenumbers.is_valid_number(number) or _reserved_for_drama(number)
    ):
        raise ValueError("Enter a UK phone number, like 07700 900 982")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _postcode(value: str) -> str:
    normalised = postcodes.normalise(value)
    if normalised is None:
        raise ValueError("Enter a full UK postcode, like L1 8JQ")
    return normalised


# Most addresses people type are plain ASCII ("ann.lee+fostering@mail.example.org"). For
# those, this pattern and the checks beside it decide exactly as email-validator would, at a
# twentieth of its cost (it spends about 20 microseconds on Unicode and IDNA rules that plain
# ASCII cannot break). Anything else, valid or not, goes to email-validator itself, so every
# refusal is its own. `tests/core/test_validators.py` checks the two agree.
_PLAIN_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


def _email(value: str) -> str:
    plain = _PLAIN_EMAIL.fullmatch(value)
    if plain is not None and len(value) <= 254 and len(plain["local"]) <= 64:
        domain = plain["domain"].lower()
        # "--" is reserved in some label positions (Punycode); special-use names are refused.
        if "--" not in domain and not any(
            domain == name or domain.endswith("." + name)
            for name in email_validator.SPECIAL_USE_DOMAIN_NAMES
        ):
            return f"{plain['local']}@{domain}"
    return validate_email(value)[1]


# An email address, normalised as email-validator normalises it (the domain in lower case).
EmailAddress = Annotated[
    str,
    Field(max_length=320, json_schema_extra={"format": "email"}),
    AfterValidator(_email),
]
PersonName = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_name)]
UKPhone = Annotated[str, Field(min_length=5, max_length=32), AfterValidator(_uk_phone)]
UKPostcode = Annotated[str, Field(min_length=5, max_length=10), AfterValidator(_postcode)]
