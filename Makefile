# Afterword: `make run` serves the app on http://127.0.0.1:5000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
OCR := static/vendor/tesseract

.PHONY: run test serve bench lint format db clean lock golden

run: deps instance/secret_key db
	FLASK_DEBUG=1 $(FLASK) run --host 127.0.0.1 --port 5000

test: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node --test tests/js/
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

deps: $(VENV)/.installed static/vendor/htmx.min.js $(OCR)/.copied static/vendor/jsqr/jsQR.js

# Exactly the versions in requirements.lock (what CI tested), each checked against its hash.
# tests/test_lock.py fails when pyproject.toml asks for something the lock does not hold.
$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

# After changing dependencies in pyproject.toml: pin them (and theirs) with hashes.
lock: deps
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

static/vendor/htmx.min.js: node_modules/.package-lock.json
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js $@

# Business cards are read on the phone: Tesseract (WebAssembly) with English data, and a QR
# decoder, all from npm and served from static/ (nothing is fetched from a CDN at run time).
# Only the LSTM builds of the core are copied: the English data is LSTM-only (best_int).
$(OCR)/.copied: node_modules/.package-lock.json
	mkdir -p $(OCR)/core $(OCR)/lang
	cp node_modules/tesseract.js/dist/tesseract.esm.min.js node_modules/tesseract.js/dist/worker.min.js $(OCR)/
	cp node_modules/tesseract.js-core/tesseract-core-lstm.wasm.js \
	   node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js \
	   node_modules/tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm.js $(OCR)/core/
	cp node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz $(OCR)/lang/
	touch $@

static/vendor/jsqr/jsQR.js: node_modules/.package-lock.json
	mkdir -p static/vendor/jsqr
	cp node_modules/jsqr/dist/jsQR.js $@

instance/secret_key:
	mkdir -p instance
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_hex(32))" > $@

clean:
	rm -rf $(VENV) node_modules static/vendor .pytest_cache
