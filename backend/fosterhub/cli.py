"""The `fosterhub` command: migrate, seed, add people and partner clients, import postcodes,
serve the API and run the worker."""

import argparse
import asyncio
import contextlib
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.config import get_settings
from fosterhub.core import migrate, tenancy
from fosterhub.core.db import create_engine, create_sessionmaker

T = TypeVar("T")


async def _with_session(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    settings = get_settings()
    engine = create_engine(settings.database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            tenancy.unscoped(session)
            result = await work(session)
            await session.commit()
            return result
    finally:
        await engine.dispose()


def cmd_migrate(_args: argparse.Namespace) -> int:
    migrate.upgrade(get_settings().database_url)
    print("Database is at the latest migration.")
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from fosterhub.seed import synthetic
    from fosterhub.seed.demo import DEMO_PASSWORD, seed_demo

    logins = asyncio.run(_with_session(seed_demo))
    print("Demo region loaded: Liverpool City Region, six councils.")
    if args.enquiries:

        async def add_enquiries(session: AsyncSession) -> int:
            if await synthetic.existing_synthetic(session):
                return 0  # loaded once: running the command again changes nothing
            return await synthetic.generate(session, args.enquiries)

        made = asyncio.run(_with_session(add_enquiries))
        print(
            f"Synthetic enquiries added: {made}" if made else "Synthetic enquiries: already there."
        )
    print(f"Demo log-ins (password for all: {DEMO_PASSWORD}):")
    for login in logins:
        if login.council in ("liverpool", "wirral") or "regional_viewer" in login.roles:
            print(f"  {login.council:<10} {', '.join(login.roles):<22} {login.email}")
    print("  ... and the same roles for knowsley, sefton, st-helens and halton.")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from fosterhub.councils import service as councils_service
    from fosterhub.users import service as users_service
    from fosterhub.users.schemas import UserCreate

    async def work(session: AsyncSession) -> str | None:
        council = await councils_service.get_by_slug(session, args.council)
        body = UserCreate(
            email=args.email,
            display_name=args.name or args.email.split("@")[0],
            roles=args.role,
            password=args.password,
        )
        created = await users_service.create(session, council.id, body)
        return created.generated_password

    try:
        generated = asyncio.run(_with_session(work))
    except ValidationError as exc:
        print(f"error: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 2
    except Exception as exc:
        print(f"error: {getattr(exc, 'detail', None) or exc}", file=sys.stderr)
        return 2
    print(f"Created {args.email}.")
    if generated:
        print(f"Password (shown once): {generated}")
    return 0


def cmd_create_client(args: argparse.Namespace) -> int:
    from fosterhub.auth import service as auth_service
    from fosterhub.councils import service as councils_service

    async def work(session: AsyncSession) -> tuple[str, str]:
        council = await councils_service.get_by_slug(session, args.council)
        client, secret = await auth_service.create_client(
            session, council.id, args.name, args.scopes.split()
        )
        return client.client_id, secret

    try:
        client_id, secret = asyncio.run(_with_session(work))
    except Exception as exc:
        print(f"error: {getattr(exc, 'detail', None) or exc}", file=sys.stderr)
        return 2
    print(f"client_id:     {client_id}")
    print(f"client_secret: {secret}   (shown once; store it now)")
    return 0


def cmd_import_postcodes(args: argparse.Namespace) -> int:
    from fosterhub.councils import service as councils_service

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2

    async def work(session: AsyncSession) -> councils_service.ImportResult:
        # A command line with nothing else to do: reading the file synchronously is fine.
        with path.open(encoding="utf-8-sig", newline="") as handle:  # noqa: ASYNC230
            return await councils_service.import_postcodes(session, handle, batch_size=args.batch)

    try:
        result = asyncio.run(_with_session(work))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"Read {result.read} rows: loaded {result.loaded}, skipped "
        f"{result.skipped_terminated} terminated and {result.skipped_invalid} invalid."
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    os.environ.setdefault("FRONTEND_DIST", str(_default_frontend_dist()))
    uvicorn.run(
        "fosterhub.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,
        proxy_headers=True,
        log_level="warning",
    )
    return 0


def _default_frontend_dist() -> Path:
    return Path(__file__).resolve().parents[2] / "frontend" / "dist"


def cmd_worker(args: argparse.Namespace) -> int:
    from fosterhub.core import logging as app_logging
    from fosterhub.core.outbox import run_worker
    from fosterhub.enquiries import jobs as enquiry_jobs
    from fosterhub.events import jobs as event_jobs

    enquiry_jobs.register()
    event_jobs.register()

    settings = get_settings()
    app_logging.configure(settings.log_level)

    async def work() -> None:
        engine = create_engine(settings.database_url)
        try:
            if args.once:
                from fosterhub.core.outbox import deliver_due

                await deliver_due(create_sessionmaker(engine), settings)
            else:
                await run_worker(create_sessionmaker(engine), settings, poll_seconds=args.poll)
        finally:
            await engine.dispose()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(work())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fosterhub", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    p = sub.add_parser("seed-demo", help="load the demo region (safe to run twice)")
    p.add_argument(
        "--enquiries",
        type=int,
        default=0,
        help="also add N synthetic enquiries with realistic histories (once)",
    )
    p.set_defaults(func=cmd_seed_demo)

    p = sub.add_parser("create-user", help="add a person to a council")
    p.add_argument("--council", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--role", required=True, action="append", help="repeat for several roles")
    p.add_argument("--name")
    p.add_argument("--password")
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser("create-client", help="add a partner API client")
    p.add_argument("--council", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--scopes", required=True, help='space-separated, e.g. "enquiries:read"')
    p.set_defaults(func=cmd_create_client)

    p = sub.add_parser("import-postcodes", help="load the ONS Postcode Directory CSV")
    p.add_argument("file")
    p.add_argument("--batch", type=int, default=5000)
    p.set_defaults(func=cmd_import_postcodes)

    p = sub.add_parser("serve", help="run the API (and the built web app)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("worker", help="deliver the outbox and run scheduled jobs")
    p.add_argument("--once", action="store_true", help="one delivery round, then exit")
    p.add_argument("--poll", type=float, default=2.0)
    p.set_defaults(func=cmd_worker)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
