# Foster Hub: `make run` to try it, `make test` to check it. Everything installs itself.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat backend/pyproject.toml | sha1sum | cut -c1-12)
PORT ?= 8000
HOST ?= 127.0.0.1
export PORT

.PHONY: help install run test test-backend lint format bench client clean

help:
	@echo "make run    - install, migrate, load the demo region, serve on http://$(HOST):$(PORT)"
	@echo "make test   - install and run the whole test suite"
	@echo "make lint   - ruff check, ruff format --check, mypy"
	@echo "make bench  - speed benchmarks against a bare FastAPI baseline (PostgreSQL)"
	@echo "make client - regenerate the frontend's typed API client from the OpenAPI document"

$(STAMP): backend/pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e "backend[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

# The frontend's own targets (build, unit and browser tests) live beside it.
-include frontend/frontend.mk

run: install $(if $(wildcard frontend/frontend.mk),frontend-build)
	$(BIN)/fosterhub migrate
	$(BIN)/fosterhub seed-demo --enquiries 600
	@echo ""
	@echo "Foster Hub is starting on http://$(HOST):$(PORT)  (API docs: http://$(HOST):$(PORT)/api/v1/docs)"
	$(BIN)/fosterhub serve --host $(HOST) --port $(PORT)

test: test-backend $(if $(wildcard frontend/frontend.mk),test-frontend)

# The backend suite runs infra/nginx.conf in a real nginx (tests/test_nginx.py): Debian's.
NGINX := /usr/sbin/nginx
$(NGINX):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light

test-backend: install $(NGINX)
	cd backend && ../$(BIN)/pytest

lint: install
	cd backend && ../$(BIN)/ruff check . && ../$(BIN)/ruff format --check . && ../$(BIN)/mypy fosterhub

format: install
	cd backend && ../$(BIN)/ruff format . && ../$(BIN)/ruff check --fix .

bench: install
	cd backend && ../$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var backend/.pytest_cache
