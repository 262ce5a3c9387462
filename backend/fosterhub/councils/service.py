"""Councils, regions, council settings, postcode routing and the ONS postcode import."""

import csv
import math
import time
import weakref
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.core.errors import FieldError
from fosterhub.councils import postcodes, repository
from fosterhub.councils.exceptions import (
    CouncilNotFound,
    InvalidPostcode,
    PostcodeNotCovered,
    RegionNotFound,
)
from fosterhub.councils.models import Council, Region
from fosterhub.councils.schemas import (
    CouncilDetail,
    CouncilSettings,
    CouncilSettingsPatch,
    CouncilSummary,
    NearestCouncil,
    RegionDetail,
    Routing,
)


def settings_of(council: Council) -> CouncilSettings:
    return CouncilSettings.model_validate(council.settings or {})


def summary(council: Council) -> CouncilSummary:
    return CouncilSummary(
        slug=council.slug, name=council.name, region=council.region.slug if council.region else None
    )


def detail(council: Council) -> CouncilDetail:
    settings = settings_of(council)
    return CouncilDetail(
        **summary(council).model_dump(),
        ons_la_code=council.ons_la_code,
        contact_email=council.contact_email,
        contact_phone=council.contact_phone,
        brand_colour=council.brand_colour,
        fostering_types=settings.fostering_types,
        office_hours=settings.office_hours,
    )


async def get_by_slug(session: AsyncSession, slug: str) -> Council:
    council = await repository.council_by_slug(session, slug)
    if council is None or not council.is_active:
        raise CouncilNotFound(f"No council called '{slug}' on this service.")
    return council


@dataclass(frozen=True)
class CouncilSnapshot:
    """What the public enquiry needs of a council, kept briefly in memory: councils change
    rarely and the public enquiry is the busiest write."""

    id: str
    slug: str
    name: str
    contact_email: str | None
    contact_phone: str | None
    settings: CouncilSettings


SNAPSHOT_TTL = 60.0
# Per database (engine), so two apps in one process never mix their councils.
_snapshots: "weakref.WeakKeyDictionary[Any, dict[str, tuple[CouncilSnapshot, float]]]" = (
    weakref.WeakKeyDictionary()
)


async def snapshot_by_slug(session: AsyncSession, slug: str) -> CouncilSnapshot:
    now = time.monotonic()
    cache = _snapshots.setdefault(session.sync_session.get_bind(), {})
    cached = cache.get(slug)
    if cached and cached[1] > now:
        return cached[0]
    council = await get_by_slug(session, slug)
    snapshot = CouncilSnapshot(
        id=council.id,
        slug=council.slug,
        name=council.name,
        contact_email=council.contact_email,
        contact_phone=council.contact_phone,
        settings=settings_of(council),
    )
    cache[slug] = (snapshot, now + SNAPSHOT_TTL)
    return snapshot


def forget_snapshots() -> None:
    for cache in list(_snapshots.values()):
        cache.clear()


async def get_by_id(session: AsyncSession, council_id: str) -> Council:
    council = await repository.council_by_id(session, council_id)
    if council is None:
        raise CouncilNotFound()
    return council


async def get_region(session: AsyncSession, slug: str) -> Region:
    region = await repository.region_by_slug(session, slug)
    if region is None:
        raise RegionNotFound(f"No region called '{slug}' on this service.")
    return region


async def region_slug(session: AsyncSession, region_id: str) -> str | None:
    """The slug of the region with this id (None if it has gone)."""
    region = await repository.region_by_id(session, region_id)
    return region.slug if region is not None else None


def region_detail(region: Region) -> RegionDetail:
    return RegionDetail(
        slug=region.slug,
        name=region.name,
        councils=[summary(c) for c in sorted(region.councils, key=lambda c: c.name) if c.is_active],
    )


async def route(session: AsyncSession, raw_postcode: str, *, field: str = "postcode") -> Routing:
    """The council covering a postcode: the ONS directory first, then coverage prefixes."""
    postcode = postcodes.normalise(raw_postcode)
    if postcode is None:
        outward = postcodes.normalise_outward(raw_postcode)
        if outward is None:
            raise InvalidPostcode(
                "Enter a full UK postcode, like L1 8JQ.",
                errors=[FieldError(field="postcode", message="Not a UK postcode")],
            )
        council = await repository.council_for_prefixes(session, [outward])
        if council is None:
            raise await not_covered(session, raw_postcode, field=field)
        return Routing(council=council.slug, postcode=outward)
    council = await repository.council_for_postcode(session, postcode)
    if council is None:
        council = await repository.council_for_prefixes(session, postcodes.prefixes(postcode))
    if council is None:
        raise await not_covered(session, raw_postcode, field=field)
    return Routing(council=council.slug, postcode=postcode)


async def not_covered(
    session: AsyncSession, raw_postcode: str, *, field: str = "postcode"
) -> PostcodeNotCovered:
    """The one answer for a postcode no council covers, from `GET /routing` (404) and the
    public enquiry (422): the same type, detail and `nearest_councils`."""
    nearest_councils, placed = await _nearest_councils(session, raw_postcode, 3)
    names = ", ".join(c.name for c in nearest_councils)
    shown = postcodes.normalise(raw_postcode) or postcodes.normalise_outward(raw_postcode)
    return PostcodeNotCovered(
        "None of the councils on this service covers your postcode"
        + (f" ({shown})." if shown else ".")
        + (
            f" The nearest are: {names}."
            if placed
            else f" Councils here: {names}."
            if names
            else ""
        ),
        errors=[FieldError(field=field, message="Not covered by this service")],
        extra={"nearest_councils": [c.model_dump() for c in nearest_councils]},
    )


async def update_settings(
    session: AsyncSession, council: Council, patch: CouncilSettingsPatch
) -> CouncilSettings:
    current = settings_of(council)
    changes = patch.model_dump(exclude_unset=True, exclude_none=True)
    updated = CouncilSettings.model_validate({**current.model_dump(), **changes})
    council.settings = updated.model_dump(mode="json")
    await session.flush()
    forget_snapshots()
    return updated


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Haversine: plenty for ranking councils by distance.
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


async def position_of(session: AsyncSession, raw_postcode: str) -> tuple[float, float] | None:
    postcode = postcodes.normalise(raw_postcode)
    if postcode is None:
        return None
    found = await repository.postcode(session, postcode)
    if found is None or found.latitude is None or found.longitude is None:
        return None
    return found.latitude, found.longitude


# Without any way to rank, nobody is nearer than another: every council (up to this many).
UNPLACED_LIMIT = 20


async def nearest_with_distance(
    session: AsyncSession, raw_postcode: str, *, limit: int = 3
) -> list[NearestCouncil]:
    """The `limit` councils nearest a postcode: by distance when its position is known (ONS
    data loaded), else by its postcode district (`_by_district`), with `distance_km` null.
    When neither ranks anyone, every council on the service by name (up to UNPLACED_LIMIT)."""
    return (await _nearest_councils(session, raw_postcode, limit))[0]


async def _nearest_councils(
    session: AsyncSession, raw_postcode: str, limit: int
) -> tuple[list[NearestCouncil], bool]:
    ranked, is_ranked = await _nearest(session, raw_postcode, limit)
    shown = [
        NearestCouncil(
            **summary(council).model_dump(),
            distance_km=None if km is None else round(km, 1),
        )
        for council, km in ranked
    ]
    return shown, is_ranked


async def _nearest(
    session: AsyncSession, raw_postcode: str, limit: int
) -> tuple[list[tuple[Council, float | None]], bool]:
    """The councils, and whether they are ranked by nearness (False: by name only)."""
    councils = list((await session.scalars(repository.councils_query())).all())
    position = await position_of(session, raw_postcode)
    if position is not None:
        placed: list[tuple[Council, float | None]] = [
            (c, _distance_km(position[0], position[1], c.latitude, c.longitude))
            for c in councils
            if c.latitude is not None and c.longitude is not None
        ]
        if placed:
            placed.sort(key=lambda pair: pair[1] or 0.0)
            return placed[:limit], True
    ranked = _by_district(
        raw_postcode, councils, await repository.coverage_prefixes(session), limit
    )
    if ranked:
        return [(c, None) for c in ranked], True
    return [(c, None) for c in sorted(councils, key=lambda c: c.name)[:UNPLACED_LIMIT]], False


def _by_district(
    raw_postcode: str,
    councils: list[Council],
    coverage: list[tuple[str, str]],
    limit: int,
) -> list[Council]:
    """Councils ranked by the postcode's district when no position is known: those covering
    districts of the same postcode area, nearest district number first (L40: the councils of
    L39, L41, L38, ...), the region of the nearest one before any other; short of `limit`,
    the nearest one's other councils in its region follow. District numbers are only roughly
    geographic, but within an area neighbours are mostly close: better than the alphabet."""
    district = postcodes.district_of(raw_postcode)
    if district is None:
        return []
    area, number = district
    by_id = {c.id: c for c in councils}
    gap: dict[str, int] = {}
    for council_id, prefix in coverage:
        covered = postcodes.district_of(prefix.split(" ")[0])
        if council_id not in by_id or covered is None or covered[0] != area:
            continue
        distance = abs(covered[1] - number)
        gap[council_id] = min(distance, gap.get(council_id, distance))
    if not gap:
        return []
    ranked = sorted(gap, key=lambda cid: (gap[cid], by_id[cid].name))
    region = by_id[ranked[0]].region_id
    ranked.sort(key=lambda cid: (by_id[cid].region_id != region, gap[cid], by_id[cid].name))
    chosen = [by_id[cid] for cid in ranked[:limit]]
    if len(chosen) < limit and region is not None:
        neighbours = sorted(
            (c for c in councils if c.region_id == region and c.id not in gap),
            key=lambda c: c.name,
        )
        chosen += neighbours[: limit - len(chosen)]
    return chosen


@dataclass
class ImportResult:
    read: int = 0
    loaded: int = 0
    skipped_terminated: int = 0
    skipped_invalid: int = 0
    events_placed: int = 0


REQUIRED_COLUMNS = ("pcds", "oslaua", "lat", "long", "doterm")


def _float(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    # The ONS file marks "no position" with 99.999999 / 0.000000.
    return None if number > 90 or number == 0.0 else number


def parse_postcode_rows(lines: Iterable[str], result: ImportResult) -> Iterable[dict[str, Any]]:
    reader = csv.DictReader(lines)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"the file lacks the column(s): {', '.join(missing)}")
    for row in reader:
        result.read += 1
        if (row.get("doterm") or "").strip():
            result.skipped_terminated += 1
            continue
        postcode = postcodes.normalise(row.get("pcds") or "")
        la_code = (row.get("oslaua") or "").strip()
        if postcode is None or not la_code:
            result.skipped_invalid += 1
            continue
        lat, lng = _float(row.get("lat") or ""), _float(row.get("long") or "")
        yield {
            "postcode": postcode,
            "ons_la_code": la_code,
            "latitude": lat if lng is not None else None,
            "longitude": lng if lat is not None else None,
        }


async def batches(rows: Iterable[dict[str, Any]], size: int) -> AsyncIterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


async def import_postcodes(
    session: AsyncSession, stream: IO[str], *, batch_size: int = 5000
) -> ImportResult:
    """Streams the ONS Postcode Directory into `postcode`, one transaction per batch,
    so memory stays flat however long the file is."""
    # Imported here: the events domain looks postcodes up through this module.
    from fosterhub.events import service as events_service

    result = ImportResult()
    async for batch in batches(parse_postcode_rows(stream, result), batch_size):
        await repository.upsert_postcodes(session, batch)
        await session.commit()
        result.loaded += len(batch)
    # Events whose venue postcode was unknown when they were made have a position now.
    result.events_placed = await events_service.place_venues(session)
    await session.commit()
    return result


def read_seed_coverage() -> dict[str, dict[str, Any]]:
    """The demo region's councils and outward codes, shipped with the package."""
    path = Path(__file__).resolve().parent.parent / "seed" / "lcr-coverage.csv"
    councils: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = councils.setdefault(
                row["council_slug"],
                {"name": row["council_name"], "ons_la_code": row["ons_la_code"], "outward": []},
            )
            entry["outward"].append(row["outward_code"].strip().upper())
    return councils
