"""The production front, for real: infra/nginx.conf run by nginx in front of our API.

nginx serves a copy of the web app's index.html and proxies to one replica of ours started
with `fosterhub serve`, so what a visitor without JavaScript meets behind nginx is checked: the
plain enquiry form, its post and thank-you page, and the no-JavaScript link that keeps the
campaign code. `make test` installs Debian's nginx; where it is missing (a laptop running
pytest by hand) these tests are skipped.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import World

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (make test installs it)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(url)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def front(world: World, database_url: str, tmp_path: Path) -> Iterator[str]:
    """nginx on a free loopback port in front of one API replica; yields nginx's base URL."""
    api_port, web_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ENVIRONMENT": "development",
        "FRONTEND_DIST": str(tmp_path / "no-build"),  # the API replica serves no web app
        "RATE_LIMIT_ENQUIRY": "1000/minute",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
    }
    api = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fosterhub.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(api_port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    web: subprocess.Popen[bytes] | None = None
    try:
        _wait_for(f"http://127.0.0.1:{api_port}/healthz", api)
        html = tmp_path / "html"
        html.mkdir()
        shutil.copy(ROOT / "frontend" / "index.html", html / "index.html")
        conf = (ROOT / "infra" / "nginx.conf").read_text()
        conf = re.sub(
            r"(upstream fosterhub_api \{).*?(\n\s*keepalive)",
            rf"\1\n    server 127.0.0.1:{api_port};\2",
            conf,
            flags=re.S,
        )
        conf = conf.replace("listen 80;", f"listen 127.0.0.1:{web_port};").replace(
            "listen [::]:80;", ""
        )
        conf = conf.replace("root /usr/share/nginx/html;", f"root {html};")
        (tmp_path / "site.conf").write_text(conf)
        (tmp_path / "nginx.conf").write_text(
            # As root, nginx's workers would run as nobody, who cannot read pytest's folders.
            ("user root;\n" if os.geteuid() == 0 else "")
            + f"""
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
"""
        )
        assert NGINX is not None
        web = subprocess.Popen(
            [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _wait_for(f"http://127.0.0.1:{web_port}/nginx-health", web)
        yield f"http://127.0.0.1:{web_port}"
    finally:
        if web is not None:
            _stop(web)
        _stop(api)


def test_the_plain_enquiry_form_works_behind_nginx(front: str) -> None:
    with httpx.Client(base_url=front, timeout=10) as client:
        form = client.get("/enquire/basic?council=alpha")
        assert form.status_code == 200
        assert form.headers["content-type"].startswith("text/html")
        assert 'action="/api/v1/enquiries"' in form.text

        posted = client.post(
            "/api/v1/enquiries",
            data={
                "council": "alpha",
                "first_name": "Ann",
                "last_name": "Lee",
                "email": "ann@example.org",
                "postcode": "L1 8JQ",
                "interests": "short_term",
                "channel": "website",
                "privacy_notice_version": "2026-01",
                "contact_ok": "true",
            },
        )
        assert posted.status_code == 303
        location = posted.headers["location"]
        assert location.startswith("/enquire/basic/thank-you")

        thanks = client.get(location)
        assert thanks.status_code == 200
        assert re.search(r"FH-[A-Z0-9]{8}", thanks.text)


def test_the_no_javascript_link_keeps_the_campaign_code_behind_nginx(front: str) -> None:
    with httpx.Client(base_url=front, timeout=10) as client:
        page = client.get("/enquire?campaign=STORE24&council=alpha")
        assert page.status_code == 200
        assert 'href="/enquire/basic?campaign=STORE24&council=alpha"' in page.text

        # Any other single-page route is the same page, its link untouched.
        other = client.get("/events")
        assert other.status_code == 200
        assert 'href="/enquire/basic"' in other.text


def test_a_query_that_is_not_url_safe_is_not_written_into_the_page(front: str) -> None:
    host, port = front.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", '/enquire?campaign="><b>x</b>')
    answer = connection.getresponse()
    body = answer.read().decode()
    connection.close()
    assert "<b>x</b>" not in body
    if answer.status == 200:
        assert 'href="/enquire/basic?"' in body
