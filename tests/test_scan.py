"""The card reader's files are served from static/ with the one CSP allowance they need."""

from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "static"
READER = [
    "vendor/tesseract/tesseract.esm.min.js",
    "vendor/tesseract/worker.min.js",
    "vendor/tesseract/core/tesseract-core-simd-lstm.wasm.js",
    "vendor/tesseract/lang/eng.traineddata.gz",
    "vendor/jsqr/jsQR.js",
]


@pytest.mark.parametrize("name", READER)
def test_the_reader_is_served_from_static_not_a_cdn(client, name):
    if not (STATIC / name).exists():
        pytest.fail(f"static/{name} is missing: run `make test` (it copies it from node_modules)")
    response = client.get(f"/static/{name}")
    response.close()

    assert response.status_code == 200


def test_only_the_tesseract_files_may_compile_webassembly(client):
    worker = client.get("/static/vendor/tesseract/worker.min.js")
    worker.close()
    others = [client.get(path) for path in ("/capture", "/login", "/static/js/offline/scan.js")]

    assert "script-src 'self' 'wasm-unsafe-eval'" in worker.headers["Content-Security-Policy"]
    for response in others:
        response.close()
        policy = response.headers["Content-Security-Policy"]
        assert "wasm-unsafe-eval" not in policy and "unsafe-eval" not in policy


def test_the_reader_is_kept_by_the_service_worker_but_not_precached(client):
    source = client.get("/sw.js").get_data(as_text=True)
    shell = source.split("const SHELL_URLS = ", 1)[1].split(";", 1)[0]

    assert '"/static/js/offline/scan.js"' in shell
    assert "tesseract" not in shell and "jsqr" not in shell
    assert '"/static/vendor/tesseract/"' in source and "afterword-card-reader-1" in source


def test_no_file_the_reader_loads_names_a_cdn():
    for name in ("js/offline/scan.js", "sw.js"):
        text = (STATIC / name).read_text()
        assert "cdn" not in text.lower() and "unpkg" not in text and "jsdelivr" not in text
