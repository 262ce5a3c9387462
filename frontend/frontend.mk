# The frontend's targets, included by the root Makefile. Paths are from the repository root.
#
#   make frontend-build  install node modules when missing or the lock changed, then build
#   make test-frontend   unit tests (Vitest), browser journeys with axe (Debian's Chromium),
#                        and the public area's bundle budget
#   make client          write the OpenAPI document and regenerate the typed client

FRONTEND := frontend
FRONTEND_LOCK_HASH := $(shell sha1sum $(FRONTEND)/package-lock.json 2>/dev/null | cut -c1-12)
FRONTEND_STAMP := $(FRONTEND)/node_modules/.installed-$(FRONTEND_LOCK_HASH)
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(FRONTEND)/index.html $(FRONTEND)/vite.config.ts $(FRONTEND)/tsconfig.app.json \
	$(FRONTEND)/scripts/bundle-budget.mjs
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Never a downloaded browser: Playwright drives Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: frontend-install frontend-build test-frontend test-frontend-unit test-frontend-e2e \
	frontend-budget client

$(FRONTEND_STAMP): $(FRONTEND)/package-lock.json $(FRONTEND)/package.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	@rm -f $(FRONTEND)/node_modules/.installed-*
	@touch $@

frontend-install: $(FRONTEND_STAMP)

$(FRONTEND)/dist/index.html: $(FRONTEND_STAMP) $(FRONTEND_SOURCES)
	cd $(FRONTEND) && npm run --silent build

frontend-build: $(FRONTEND)/dist/index.html

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

test-frontend-unit: $(FRONTEND_STAMP)
	cd $(FRONTEND) && npx tsc -b && npx vitest run

frontend-budget: frontend-build
	cd $(FRONTEND) && node scripts/bundle-budget.mjs --check

# The journeys start their own backend (fresh SQLite, demo data, port 8765) on this build.
test-frontend-e2e: install frontend-build $(CHROMIUM)
	cd $(FRONTEND) && npx playwright test

test-frontend: test-frontend-unit frontend-budget test-frontend-e2e

client: install $(FRONTEND_STAMP)
	$(BIN)/python -c "import json, sys; from fosterhub.config import Settings; \
	from fosterhub.main import create_app; \
	doc = create_app(Settings(frontend_dist=None)).openapi(); \
	sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + '\n')" \
		> $(FRONTEND)/src/api/openapi.json.tmp
	mv $(FRONTEND)/src/api/openapi.json.tmp $(FRONTEND)/src/api/openapi.json
	cd $(FRONTEND) && npx openapi-typescript src/api/openapi.json -o src/api/schema.d.ts --default-non-nullable false
