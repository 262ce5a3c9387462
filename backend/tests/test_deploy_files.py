"""The deploy files hold together: compose services, required secrets, Dockerfiles, nginx.

The compose file is always parsed here; `docker compose config` also runs where the docker
client has the compose plugin (no engine is needed for it).
"""

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from fosterhub.core.middleware import APP_CSP

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
INFRA = ROOT / "infra"
APP_SERVICES = ("migrate", "api-1", "api-2", "worker")
API_REPLICAS = ("api-1", "api-2")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def _command(service: dict[str, Any]) -> list[str]:
    command = service["command"]
    return command if isinstance(command, list) else command.split()


def test_compose_has_every_service_the_deployment_needs(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"postgres", "redis", "migrate", "worker", "nginx", *API_REPLICAS} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    assert _command(services["migrate"]) == ["fosterhub", "migrate"]
    assert _command(services["worker"]) == ["fosterhub", "worker"]
    for name in API_REPLICAS:
        serve = " ".join(_command(services[name]))
        assert serve == "fosterhub serve --host 0.0.0.0 --port 8000", name


def test_postgres_keeps_its_data_and_reports_health(compose: dict[str, Any]) -> None:
    postgres = compose["services"]["postgres"]
    volume = postgres["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])


def test_services_start_in_order(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in (*API_REPLICAS, "worker"):
        condition = services[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully"
    for name in API_REPLICAS:
        assert services["nginx"]["depends_on"][name]["condition"] == "service_healthy"


def test_secret_key_and_database_password_are_required(compose: dict[str, Any]) -> None:
    required = re.compile(r"^\$\{SECRET_KEY:\?[^}]+\}$")
    for name in APP_SERVICES:
        environment = compose["services"][name]["environment"]
        assert required.match(environment["SECRET_KEY"]), name
        assert environment["ENVIRONMENT"] == "production"
        assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
        assert environment["DATABASE_URL"].startswith("postgresql+asyncpg://")
    assert (
        "${POSTGRES_PASSWORD:?"
        in compose["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"]
    )


def test_only_nginx_is_published(compose: dict[str, Any]) -> None:
    published = [name for name, service in compose["services"].items() if service.get("ports")]
    assert published == ["nginx"]


def test_nginx_balances_the_replicas_and_proxies_the_api() -> None:
    conf = (INFRA / "nginx.conf").read_text()
    upstream = re.search(r"upstream fosterhub_api \{(.*?)\}", conf, re.S)
    assert upstream is not None
    for name in API_REPLICAS:
        assert f"server {name}:8000" in upstream.group(1)
    for location in ("location /api/ {", "location = /healthz {", "location = /readyz {"):
        block = conf.split(location, 1)[1].split("}", 1)[0]
        assert "proxy_pass http://fosterhub_api;" in block, location
    assert "try_files $uri $uri/ /index.html;" in conf
    assert "proxy_set_header X-Forwarded-For" in conf
    assert "proxy_set_header X-Forwarded-Proto" in conf
    assert "client_max_body_size 1m;" in conf
    assert "gzip on;" in conf


def test_nginx_sends_the_same_csp_as_the_app() -> None:
    conf = (INFRA / "nginx.conf").read_text()
    policies = re.findall(r'add_header Content-Security-Policy "([^"]+)" always;', conf)
    assert policies
    assert set(policies) == {APP_CSP}


def test_api_image_runs_as_a_non_root_user_with_a_health_check() -> None:
    dockerfile = (INFRA / "api.Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim", dockerfile, re.M)
    user = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", dockerfile, re.M)


def test_web_image_builds_the_app_and_serves_it_with_nginx() -> None:
    dockerfile = (INFRA / "frontend.Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)", dockerfile, re.M)
    assert stages[0].startswith("node:")
    assert stages[-1].startswith("nginx:")
    assert "npm run build" in dockerfile
    assert "COPY --from=build /src/frontend/dist /usr/share/nginx/html" in dockerfile
    assert "COPY infra/nginx.conf" in dockerfile


def _docker_compose_works() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(
        ["docker", "compose", "version"], capture_output=True, timeout=30, check=False
    )
    return probe.returncode == 0


def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    if not _docker_compose_works():
        pytest.skip("`docker compose` is not available here")
    # An empty env file, so a developer's own .env cannot make the checks pass or fail.
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    base = ["docker", "compose", "--env-file", str(env_file), "-f", str(COMPOSE)]
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "POSTGRES_PASSWORD")}

    good = {**env, "SECRET_KEY": "x" * 32, "POSTGRES_PASSWORD": "pw"}
    checked = subprocess.run(
        [*base, "config", "-q"], env=good, capture_output=True, text=True, timeout=60, check=False
    )
    assert checked.returncode == 0, checked.stderr

    refused = subprocess.run(
        [*base, "config", "-q"],
        env={**env, "POSTGRES_PASSWORD": "pw"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode != 0
    assert "SECRET_KEY" in refused.stderr
