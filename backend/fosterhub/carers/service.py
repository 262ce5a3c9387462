"""Carer households: made when an enquiry is approved, then kept up to date by staff."""

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.carers import repository
from fosterhub.carers.exceptions import HouseholdNotFound
from fosterhub.carers.models import CarerHousehold
from fosterhub.carers.schemas import HouseholdOut, HouseholdPatch, adults_from
from fosterhub.core import audit
from fosterhub.core.codes import short_code
from fosterhub.core.errors import Conflict, InvalidInput
from fosterhub.core.pagination import PageParams, paginate
from fosterhub.users import service as users_service
from fosterhub.users.exceptions import UserNotFound


async def new_referral_code(session: AsyncSession) -> str:
    for _ in range(10):
        code = short_code(6, "R")
        if not await repository.code_taken(session, code):
            return code
    raise Conflict("Could not find a free referral code; try again.")


async def create_household(
    session: AsyncSession,
    *,
    name: str,
    adults: list[dict[str, Any]],
    approved_on: date,
    fostering_types: list[str],
    age_min: int = 0,
    age_max: int = 17,
    places: int = 1,
    enquiry_id: str | None = None,
    user_id: str | None = None,
    council_id: str | None = None,
) -> CarerHousehold:
    household = CarerHousehold(
        name=name,
        adults=adults,
        approved_on=approved_on,
        fostering_types=fostering_types,
        age_min=age_min,
        age_max=age_max,
        places=places,
        enquiry_id=enquiry_id,
        user_id=user_id,
        referral_code=await new_referral_code(session),
        status="approved",
        status_changed_on=approved_on,
    )
    if council_id:
        household.council_id = council_id
    session.add(household)
    await session.flush()
    audit.record(session, "create", "carer_household", household.id)
    return household


def to_out(household: CarerHousehold) -> HouseholdOut:
    return HouseholdOut(
        id=household.id,
        name=household.name,
        adults=adults_from(household.adults),
        enquiry_id=household.enquiry_id,
        user_id=household.user_id,
        approved_on=household.approved_on,
        fostering_types=household.fostering_types,
        age_min=household.age_min,
        age_max=household.age_max,
        places=household.places,
        status=household.status,
        status_changed_on=household.status_changed_on,
        deregistered_on=household.deregistered_on,
        deregistration_reason=household.deregistration_reason,
        referral_code=household.referral_code,
        is_champion=household.is_champion,
        created_at=household.created_at,
    )


async def get(
    session: AsyncSession, household_id: str, *, audit_read: bool = True
) -> CarerHousehold:
    household = await repository.by_id(session, household_id)
    if household is None:
        raise HouseholdNotFound()
    if audit_read:
        audit.record(session, "read", "carer_household", household.id)
    return household


async def for_user(session: AsyncSession, user_id: str) -> CarerHousehold:
    household = await repository.by_user(session, user_id)
    if household is None:
        raise HouseholdNotFound("Your account is not linked to a carer household yet.")
    return household


async def for_enquiry(session: AsyncSession, enquiry_id: str) -> CarerHousehold | None:
    return await repository.by_enquiry(session, enquiry_id)


async def by_referral_code(session: AsyncSession, code: str) -> CarerHousehold | None:
    return await repository.by_referral_code(session, code)


async def list_households(
    session: AsyncSession,
    params: PageParams,
    *,
    status: str | None,
    q: str | None,
    champion: bool | None,
) -> tuple[list[CarerHousehold], str | None]:
    rows, cursor = await paginate(
        session,
        repository.list_query(status, q, champion),
        [CarerHousehold.name, CarerHousehold.id],
        params,
    )
    audit.record(
        session,
        "list",
        "carer_household",
        "*",
        detail={"count": len(rows), "ids": [h.id for h in rows]},
    )
    return rows, cursor


async def update(
    session: AsyncSession, household: CarerHousehold, patch: HouseholdPatch
) -> CarerHousehold:
    changes = patch.model_dump(exclude_unset=True)
    for field, value in changes.items():
        # null unlinks the log-in; a null reason is "none", which is what a household that is
        # not deregistered has (the schema already refused it alongside `deregistered`).
        if value is None and field not in ("user_id", "deregistration_reason"):
            raise InvalidInput.field(field, "May not be null")
    status = changes.get("status") or household.status
    reason = changes.get("deregistration_reason", household.deregistration_reason)
    if "deregistration_reason" in changes:
        if status == "deregistered" and reason is None:
            raise InvalidInput.field(
                "deregistration_reason", "Give the reason for deregistering (deregistration_reason)"
            )
        if status != "deregistered" and reason is not None:
            raise InvalidInput.field(
                "deregistration_reason",
                "A deregistration reason goes only with status deregistered",
            )
        if status != "deregistered":
            changes.pop("deregistration_reason")  # null on a household that has none: no change
    if changes.get("user_id") is not None:
        try:
            user = await users_service.get(session, changes["user_id"], audit_read=False)
        except UserNotFound as exc:
            raise InvalidInput.field("user_id", "No such person in your council") from exc
        if "carer" not in user.roles:
            raise InvalidInput.field("user_id", "Only a carer's account can be linked")
        linked = await repository.by_user(session, user.id)
        if linked is not None and linked.id != household.id:
            # One log-in, one household: /carers/me must know which is theirs.
            raise InvalidInput.field("user_id", "This account is linked to another household")
    age_min = changes.get("age_min", household.age_min)
    age_max = changes.get("age_max", household.age_max)
    if age_min > age_max:
        raise InvalidInput.field("age_min", "age_min must not be above age_max")
    if household.status == "deregistered" and changes.get("status") not in (None, "deregistered"):
        raise Conflict("A deregistered household is approved again through a new assessment.")
    when = changes.pop("status_changed_on", None) or date.today()
    if "status" in changes and changes["status"] != household.status:
        household.status_changed_on = when
        if changes["status"] == "deregistered":
            household.deregistered_on = when
    for field, value in changes.items():
        setattr(household, field, value)
    await session.flush()
    audit.record(
        session, "update", "carer_household", household.id, detail={"fields": sorted(changes)}
    )
    return household
