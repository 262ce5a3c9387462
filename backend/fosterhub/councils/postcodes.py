"""UK postcode validation and normalisation (`l18jq` -> `L1 8JQ`)."""

import re

_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_SPECIAL = {"GIR0AA": "GIR 0AA"}


def normalise(value: str) -> str | None:
    """The postcode in its standard form, or None when it is not a UK postcode."""
    compact = re.sub(r"\s+", "", value).upper()
    if compact in _SPECIAL:
        return _SPECIAL[compact]
    match = _FULL.match(compact)
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


def normalise_outward(value: str) -> str | None:
    compact = re.sub(r"\s+", "", value).upper()
    return compact if _OUTWARD.match(compact) else None


def prefixes(postcode: str) -> list[str]:
    """The coverage prefixes a normalised postcode falls under, most specific first."""
    outward, inward = postcode.split(" ")
    return [f"{outward} {inward[0]}", outward]


_DISTRICT = re.compile(r"^([A-Z]{1,2})([0-9]{1,2})[A-Z]?$")


def district_of(value: str) -> tuple[str, int] | None:
    """The postcode area and district number of a postcode or an outward code
    (`L40 1AA` -> ("L", 40), `EC1A` -> ("EC", 1)), or None."""
    full = normalise(value)
    outward = full.split(" ")[0] if full else normalise_outward(value)
    match = _DISTRICT.match(outward or "")
    if not match:
        return None
    return match.group(1), int(match.group(2))
