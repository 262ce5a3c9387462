"""Validated types for personal details: names of any script, UK phones, UK postcodes."""

import unicodedata
from typing import Annotated

import phonenumbers
from pydantic import AfterValidator, Field

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


PersonName = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_name)]
UKPhone = Annotated[str, Field(min_length=5, max_length=32), AfterValidator(_uk_phone)]
UKPostcode = Annotated[str, Field(min_length=5, max_length=10), AfterValidator(_postcode)]
