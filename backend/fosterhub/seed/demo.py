"""`fosterhub seed-demo`: loads the demo region once; running it again changes nothing."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth import passwords
from fosterhub.carers import service as carers_service
from fosterhub.core import tenancy
from fosterhub.councils import repository as councils_repository
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Council, Region
from fosterhub.councils.schemas import CouncilSettings
from fosterhub.users import repository as users_repository
from fosterhub.users.models import User

DEMO_PASSWORD = "fosterhub-demo-2026"  # noqa: S105 - printed for the demo on purpose
REGION = ("liverpool-city-region", "Liverpool City Region")

# Roughly where each council's main office is: ranks "nearest councils" for a postcode.
COUNCIL_POSITION = {
    "liverpool": (53.4084, -2.9916),
    "knowsley": (53.4154, -2.8455),
    "sefton": (53.4465, -2.9939),
    "st-helens": (53.4535, -2.7370),
    "wirral": (53.3938, -3.0143),
    "halton": (53.3614, -2.7336),
}

# Brand colours chosen for contrast with white text (WCAG AA), not the councils' own.
COUNCIL_STYLE = {
    "liverpool": ("#8a1538", "fostering@liverpool.example.org", "0151 000 0001"),
    "knowsley": ("#00594f", "fostering@knowsley.example.org", "0151 000 0002"),
    "sefton": ("#1d4f91", "fostering@sefton.example.org", "0151 000 0003"),
    "st-helens": ("#6a1b9a", "fostering@sthelens.example.org", "01744 000 004"),
    "wirral": ("#005a70", "fostering@wirral.example.org", "0151 000 0005"),
    "halton": ("#7a3e00", "fostering@halton.example.org", "0151 000 0006"),
}

STAFF = [
    ("admin", "Alex Admin", ["admin"]),
    ("recruitment", "Riley Recruiter", ["recruitment_officer"]),
    ("manager", "Morgan Manager", ["manager"]),
    ("placements", "Pat Placements", ["placement_officer"]),
    ("socialworker", "Sam Social Worker", ["social_worker"]),
]
CARERS = {
    "liverpool": [("carer.jones", "Jo Jones"), ("carer.okafor", "Ngozi Okafor")],
    "wirral": [("carer.evans", "Evan Evans")],
    "sefton": [("carer.khan", "Aisha Khan")],
}


@dataclass
class DemoLogin:
    council: str
    email: str
    roles: list[str]


async def _carer_household(session: AsyncSession, council: Council, user: User) -> None:
    """A demo carer's approved household, linked to their log-in; the first is a champion."""
    first, _, last = user.display_name.partition(" ")
    household = await carers_service.create_household(
        session,
        name=f"The {last} household",
        adults=[{"first_name": first, "last_name": last, "email": user.email}],
        approved_on=date(2021, 9, 14),
        fostering_types=["short_term", "emergency"],
        age_min=0,
        age_max=17,
        places=2,
        user_id=user.id,
        council_id=council.id,
    )
    household.is_champion = user.email.startswith("carer.jones")


def demo_email(local: str, council_slug: str) -> str:
    return f"{local}.{council_slug}@example.org"


async def seed_demo(session: AsyncSession) -> list[DemoLogin]:
    tenancy.unscoped(session)
    region = await session.scalar(select(Region).where(Region.slug == REGION[0]))
    if region is None:
        region = Region(slug=REGION[0], name=REGION[1])
        session.add(region)
        await session.flush()

    logins: list[DemoLogin] = []
    demo_hash = passwords.hash_password(DEMO_PASSWORD)
    for slug, data in councils_service.read_seed_coverage().items():
        colour, email, phone = COUNCIL_STYLE.get(slug, ("#1d70b8", None, None))
        council = await councils_repository.council_by_slug(session, slug)
        if council is None:
            council = Council(
                slug=slug,
                name=data["name"],
                ons_la_code=data["ons_la_code"],
                region_id=region.id,
                brand_colour=colour,
                contact_email=email,
                contact_phone=phone,
                settings=CouncilSettings().model_dump(mode="json"),
            )
            session.add(council)
            await session.flush()
        if council.latitude is None and slug in COUNCIL_POSITION:
            council.latitude, council.longitude = COUNCIL_POSITION[slug]
        await councils_repository.replace_coverage(session, council, data["outward"])
        people = [(local, name, roles) for local, name, roles in STAFF]
        people += [(local, name, ["carer"]) for local, name in CARERS.get(slug, [])]
        for local, name, roles in people:
            email_address = demo_email(local, slug)
            user = await users_repository.by_email(session, email_address)
            if user is None:
                user = User(
                    council_id=council.id,
                    email=email_address,
                    display_name=name,
                    password_hash=demo_hash,
                    roles=roles,
                )
                session.add(user)
                await session.flush()
                if "carer" in roles:
                    await _carer_household(session, council, user)
            logins.append(DemoLogin(council=slug, email=email_address, roles=roles))
    viewer = demo_email("regional.viewer", "lcr")
    if await users_repository.by_email(session, viewer) is None:
        liverpool = await councils_repository.council_by_slug(session, "liverpool")
        assert liverpool is not None
        session.add(
            User(
                council_id=liverpool.id,
                email=viewer,
                display_name="Rowan Regional",
                password_hash=demo_hash,
                roles=["regional_viewer"],
                region_id=region.id,
            )
        )
    logins.append(DemoLogin(council="liverpool", email=viewer, roles=["regional_viewer"]))
    await session.flush()
    return logins
