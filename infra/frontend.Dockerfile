# syntax=docker/dockerfile:1
# The web image: the single-page app built with Node, served by nginx with the API proxied.
# Build from the repository root: docker build -f infra/frontend.Dockerfile .
FROM node:22-slim AS build

# Browser journeys are not run here; never download a browser during the install.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /src/frontend

COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

COPY frontend/ ./
RUN npm run build

FROM nginx:1.27-alpine

COPY infra/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/frontend/dist /usr/share/nginx/html

EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD wget -q --spider http://127.0.0.1/nginx-health || exit 1
