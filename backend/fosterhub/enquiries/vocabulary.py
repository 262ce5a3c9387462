"""The statutory pipeline: stages, allowed moves, and the reason codes of closing outcomes."""

import itertools
from typing import Literal

Stage = Literal[
    "enquiry",
    "initial_contact",
    "initial_visit",
    "application",
    "assessment",
    "panel",
    "approved",
    "withdrawn",
    "not_progressed",
    "no_response",
    "transferred",
]
OPEN_STAGES: tuple[str, ...] = (
    "enquiry",
    "initial_contact",
    "initial_visit",
    "application",
    "assessment",
    "panel",
)
PIPELINE: tuple[str, ...] = (*OPEN_STAGES, "approved")
CLOSING: tuple[str, ...] = ("withdrawn", "not_progressed", "no_response", "transferred")
STAGES: tuple[str, ...] = (*PIPELINE, *CLOSING)
NEXT_STAGE: dict[str, str] = dict(itertools.pairwise(PIPELINE))

# What people read: the same names the web app shows.
STAGE_LABELS: dict[str, str] = {
    "enquiry": "New enquiry",
    "initial_contact": "Initial contact",
    "initial_visit": "Initial visit",
    "application": "Application (stage 1)",
    "assessment": "Assessment (stage 2)",
    "panel": "Panel",
    "approved": "Approved",
    "withdrawn": "Withdrawn",
    "not_progressed": "Not progressed",
    "no_response": "No response",
    "transferred": "Transferred",
}


def stage_label(stage: str) -> str:
    return STAGE_LABELS.get(stage, stage.replace("_", " ").capitalize())


# A person who stopped answering may answer again: they go back to being contacted.
REOPEN: dict[str, str] = {"no_response": "initial_contact"}

Channel = Literal[
    "website",
    "social_media",
    "print",
    "event",
    "radio_tv",
    "word_of_mouth",
    "referral",
    "partner_venue",
    "other",
]
CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]

# Ofsted's withdrawal codes; our own lists for the other closing outcomes.
REASONS: dict[str, dict[str, str]] = {
    "withdrawn": {
        "AW1": "Fostering was not as expected",
        "AW2": "The assessment process was not as expected",
        "AW3": "A change in household circumstances",
        "AW4": "Financial reasons",
        "AW5": "Fear of allegations",
        "AW0": "Other or unknown",
    },
    "not_progressed": {
        "NP1": "Accommodation not suitable",
        "NP2": "Checks or references not satisfactory",
        "NP3": "Health",
        "NP4": "Household circumstances",
        "NP5": "Panel or decision maker did not approve",
        "NP0": "Other",
    },
    "no_response": {
        "NR1": "No reply after the council's contact attempts",
        "NR2": "Contact details not valid",
        "NR0": "Other",
    },
    "transferred": {
        "TR1": "Lives in another council's area",
        "TR2": "Chose to foster with another council",
        "TR0": "Other",
    },
}

ContactChannel = Literal["phone", "email", "text", "letter", "in_person", "video"]
ContactOutcome = Literal[
    "reached", "no_answer", "left_message", "wrong_number", "email_sent", "bounced"
]
CONTACT_CHANNEL_LABELS: dict[str, str] = {
    "phone": "phone",
    "email": "email",
    "text": "text message",
    "letter": "letter",
    "in_person": "in person",
    "video": "video call",
}
FAILED_OUTCOMES: frozenset[str] = frozenset(
    {"no_answer", "left_message", "wrong_number", "bounced"}
)


def allowed_moves(stage: str) -> list[str]:
    moves = []
    if stage in NEXT_STAGE:
        moves.append(NEXT_STAGE[stage])
    if stage in OPEN_STAGES:
        moves.extend(CLOSING)
    if stage in REOPEN:
        moves.append(REOPEN[stage])
    return moves
