# syntax=docker/dockerfile:1
# The API and worker image: the fosterhub package on python:3.11-slim, run as a non-root user.
# Build from the repository root: docker build -f infra/api.Dockerfile .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

WORKDIR /app/backend

# Dependencies first, read from pyproject.toml alone, so a code change does not reinstall them.
COPY backend/pyproject.toml ./
RUN python -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; print('\n'.join(deps))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY backend/ ./
# Editable on purpose: `fosterhub migrate` finds alembic.ini and migrations/ beside the package.
RUN pip install --no-deps -e . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin fosterhub

USER fosterhub
EXPOSE 8000

# No curl in the slim image; the standard library is enough for a liveness probe.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${PORT}/healthz', timeout=2)" || exit 1

CMD ["sh", "-c", "exec fosterhub serve --host 0.0.0.0 --port \"$PORT\""]
