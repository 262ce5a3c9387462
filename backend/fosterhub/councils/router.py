"""HTTP for councils, regions, postcode routing and a council's own settings."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from fosterhub.auth.dependencies import Admin, Staff
from fosterhub.core import audit
from fosterhub.core.db import DbSession, ReadSession
from fosterhub.core.errors import PROBLEM_MEDIA_TYPE, problem_responses
from fosterhub.core.etags import require_if_match, set_etag
from fosterhub.core.pagecache import PageCache
from fosterhub.core.pagination import Page, PageParams, page_params, paginate
from fosterhub.councils import repository, service
from fosterhub.councils.models import Council, Region
from fosterhub.councils.schemas import (
    CouncilDetail,
    CouncilSettings,
    CouncilSettingsPatch,
    CouncilSummary,
    PostcodeNotCoveredProblem,
    RegionDetail,
    RegionSummary,
    Routing,
)

router = APIRouter(tags=["councils"])


@router.get(
    "/councils",
    operation_id="councils:list",
    summary="Councils on this service",
    description=(
        "Each page is kept for a few seconds (`PUBLIC_LIST_CACHE_SECONDS`, default 5): a change "
        "shows at once on the server that made it, and within those seconds on the others."
    ),
    response_model=Page[CouncilSummary],
    responses=problem_responses(422),
)
async def list_councils(
    request: Request, session: ReadSession, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    async def build() -> Page[CouncilSummary]:
        rows, cursor = await paginate(
            session, repository.public_list_query(), [Council.name, Council.id], page, rows=True
        )
        return Page(
            items=[CouncilSummary(slug=r.slug, name=r.name, region=r.region) for r in rows],
            next_cursor=cursor,
        )

    # The same for everyone: kept a few seconds, dropped when a council changes (core.pagecache).
    pages: PageCache = request.app.state.council_pages
    return await pages.answer(request.url.query, build)


@router.get(
    "/councils/{slug}",
    operation_id="councils:get",
    summary="One council, with the fostering types it recruits for",
    response_model=CouncilDetail,
    responses=problem_responses(404),
)
async def get_council(slug: str, session: DbSession) -> CouncilDetail:
    return service.detail(await service.get_by_slug(session, slug))


@router.get(
    "/regions",
    operation_id="regions:list",
    summary="Regions: councils working together",
    response_model=Page[RegionSummary],
    responses=problem_responses(422),
)
async def list_regions(
    session: DbSession, page: Annotated[PageParams, Depends(page_params)]
) -> Page[RegionSummary]:
    rows, cursor = await paginate(
        session, repository.regions_query(), [Region.slug, Region.id], page
    )
    return Page(items=[RegionSummary.model_validate(r) for r in rows], next_cursor=cursor)


@router.get(
    "/regions/{slug}",
    operation_id="regions:get",
    summary="One region and its councils",
    response_model=RegionDetail,
    responses=problem_responses(404),
)
async def get_region(slug: str, session: DbSession) -> RegionDetail:
    return service.region_detail(await service.get_region(session, slug))


@router.get(
    "/routing",
    operation_id="councils:route",
    summary="Which council covers a postcode",
    description="Accepts a full postcode in any spacing or case (`l18jq`) or an outward code "
    "(`L1`). The ONS Postcode Directory decides where it is loaded; otherwise the councils' "
    "coverage by sector and outward code. A postcode no council covers is a 404 "
    "`postcode-not-covered` problem naming the nearest councils (`nearest_councils`, with "
    "`distance_km` when the postcode's position is known): the same problem the public "
    "enquiry answers (there as a 422 naming `contact.postcode`).",
    response_model=Routing,
    responses={
        **problem_responses(404, 422),
        404: {
            "model": PostcodeNotCoveredProblem,
            "description": "No council on this service covers the postcode",
            "content": {PROBLEM_MEDIA_TYPE: {}},
        },
    },
)
async def route(
    session: DbSession, postcode: Annotated[str, Query(min_length=2, max_length=16)]
) -> Routing:
    return await service.route(session, postcode)


@router.get(
    "/council-settings",
    operation_id="councils:get_settings",
    summary="Your council's settings: stage targets, referral reward, office hours, retention",
    response_model=CouncilSettings,
    responses=problem_responses(401, 403),
)
async def get_settings(session: DbSession, caller: Staff, response: Response) -> CouncilSettings:
    council = await service.get_by_id(session, caller.council_id)
    set_etag(response, council)
    return service.settings_of(council)


@router.patch(
    "/council-settings",
    operation_id="councils:update_settings",
    summary="Change your council's settings",
    description="Needs `If-Match` with the ETag from the last read. Fields left out stay as "
    "they are; a nested object given replaces that object whole.",
    response_model=CouncilSettings,
    responses=problem_responses(401, 403, 412, 422, 428),
)
async def update_settings(
    body: CouncilSettingsPatch,
    request: Request,
    response: Response,
    session: DbSession,
    caller: Admin,
) -> CouncilSettings:
    council = await service.get_by_id(session, caller.council_id)
    require_if_match(request, council)
    updated = await service.update_settings(session, council, body)
    audit.record(
        session,
        "update",
        "council_settings",
        council.id,
        detail={"fields": sorted(body.model_dump(exclude_unset=True))},
    )
    set_etag(response, council)
    return updated
