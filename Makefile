# Afterword: `make run` serves the app on http://127.0.0.1:5000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app

.PHONY: run test serve bench lint format db clean golden

run: deps instance/secret_key db
	FLASK_DEBUG=1 $(FLASK) run --host 127.0.0.1 --port 5000

test: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest $(PYTEST_ARGS)

# Production: configuration only from the environment (SECRET_KEY, DATABASE_URL, ...).
serve: deps
	$(FLASK) db upgrade
	$(BIN)/gunicorn --workers $${WEB_CONCURRENCY:-4} --bind $${BIND:-127.0.0.1:8000} --access-logfile - "app:create_app()"

bench: deps
	$(BIN)/python -m bench

# Rewrite the golden drafts of tests/corpus/ after an intended wording change; review the diff.
golden: deps
	$(BIN)/python tests/golden_drafts.py --write

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

db: deps instance/secret_key
	$(FLASK) db upgrade

deps: $(VENV)/.installed static/vendor/htmx.min.js

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

static/vendor/htmx.min.js: node_modules/.package-lock.json
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@

instance/secret_key:
	mkdir -p instance
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_hex(32))" > $@

clean:
	rm -rf $(VENV) node_modules static/vendor .pytest_cache
