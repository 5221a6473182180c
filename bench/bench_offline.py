"""Benchmark the offline capture island in headless Chromium.

Run alone: .venv/bin/python -m bench.bench_offline   (prints its table; no assertions on time)

Save-to-visible is measured in the page: screens/contact.js marks `afterword:save` at the start of
the save handler and measures `afterword:save-to-visible` once the point is in the list, after its
IndexedDB transaction committed. Median of SAVES saves (after WARMUP) with the browser offline.
Two floors from the same page in the same run:

- the same Playwright tap on a bare button whose handler writes a record and an outbox entry
  in one IndexedDB transaction and appends a list item (the fair floor: Chromium runs the
  frame the tap asked for before the transaction's completion task, about one frame);
- that bare write + append run from script, with no tap;
- a bare DOM append of a list item (no IndexedDB, no app code).

Page weight: bytes the server sent for the capture page (the page, its modules, and what the
service worker precaches), counted at the WSGI layer, and what the page's CDP Network
domain reports on a repeat load once the service worker controls it (target: 0 shell bytes).
"""

import gzip
import statistics
import threading
import time
from datetime import timedelta

from bench import report
from bench.apps import afterword, scratch_database, served
from bench.timing import at_most, row

SAVES = 30
WARMUP = 3
FRAME_MS = 16.0
EMAIL = "bench@example.com"
PASSWORD = "correct horse battery"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

FLOOR_DOM = """async (runs) => {
  const list = document.querySelector("ul.points");
  const times = [];
  // performance.now() is coarsened to 0.1 ms here: time 100 appends per sample.
  const batch = 100;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const made = [];
    for (let j = 0; j < batch; j++) {
    const li = document.createElement("li");
    li.className = "point";
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = "Topic we discussed";
    const body = document.createElement("p");
    body.textContent = `Floor point ${i}`;
    const state = document.createElement("p");
    state.className = "hint";
    state.textContent = "On this phone only";
    li.append(badge, body, state);
    list.prepend(li);
    made.push(li);
    }
    times.push((performance.now() - start) / batch);
    for (const li of made) li.remove();
  }
  return times;
}"""

# Both IndexedDB floors open this database and write as the app's save does: a record and an
# outbox entry in one strict transaction.
FLOOR_DB = """
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("bench-floor", 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore("records", { keyPath: "id" });
      request.result.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const write = (body) => new Promise((resolve) => {
    const id = crypto.randomUUID();
    const t = db.transaction(["records", "outbox"], "readwrite", { durability: "strict" });
    t.objectStore("records").put({ id, data: { body } });
    t.objectStore("outbox").add({ id: crypto.randomUUID(), entity_id: id, data: { body: "x" } });
    t.oncomplete = resolve;
  });
  const list = document.querySelector("ul.points");
"""

FLOOR_IDB = (
    "async (runs) => {"
    + FLOOR_DB
    + """
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await write(`Floor point ${i}`);
    const li = document.createElement("li");
    li.className = "point";
    li.textContent = `Floor point ${i}`;
    list.prepend(li);
    times.push(performance.now() - start);
    li.remove();
  }
  db.close();
  return times;
}"""
)

# The same tap on a bare button whose handler writes the same two rows and appends the item:
# the floor that includes the browser's own input-to-task scheduling.
FLOOR_TAP_SETUP = (
    "async () => {"
    + FLOOR_DB
    + """
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Bare save";
  button.className = "primary big";
  window.floorTimes = [];
  button.addEventListener("click", async () => {
    const start = performance.now();
    await write("Floor");
    const li = document.createElement("li");
    li.className = "point";
    li.textContent = `Floor point ${window.floorTimes.length}`;
    list.prepend(li);
    window.floorTimes.push(performance.now() - start);
  });
  document.querySelector("form.capture-form").after(button);
}"""
)


class ByteCounter:
    """WSGI middleware: body bytes the server sent, by path (what crossed the network)."""

    def __init__(self, app):
        self.app = app
        self.sent: list[tuple[str, bytes]] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        body = b"".join(self.app(environ, start_response))
        with self.lock:
            self.sent.append((path, body))
        return [body]

    def take(self) -> list[tuple[str, bytes]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


def _seed(app) -> dict:
    from extensions import db
    from models import Application, Contact, Interview, utcnow
    from services import accounts

    with app.app_context():
        user = accounts.register(
            db.session, email=EMAIL, password=PASSWORD, name="", timezone="UTC",
            method=app.config["PASSWORD_HASH_METHOD"],
        )  # fmt: skip
        application = Application(user_id=user.id, company="Acme Robotics", role="Engineer")
        interview = Interview(
            user_id=user.id, application=application, title="Onsite loop",
            starts_at=utcnow() - timedelta(minutes=5),
        )  # fmt: skip
        contact = Contact(
            user_id=user.id, application=application, name="Dana Rivera", interviews=[interview]
        )
        db.session.add_all([application, interview, contact])
        db.session.commit()
        return {"interview": interview.id, "contact": contact.id}


def _sign_in(page, base_url: str) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base_url}/")


def _wait(page, expression: str, timeout: float = 10.0) -> None:
    # page.wait_for_function evaluates strings with eval, which the page's CSP forbids.
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.02)


def _synced(page) -> None:
    _wait(page, "document.querySelector('#sync-status')?.dataset.state === 'synced'")


class NetworkLog:
    """What the page's CDP Network domain saw: bytes on the wire, and who answered."""

    def __init__(self, context, page):
        self.cdp = context.new_cdp_session(page)
        self.urls: dict[str, str] = {}
        self.from_worker: set[str] = set()
        self.bytes: dict[str, int] = {}
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.send("Network.enable")

    def _sent(self, event):
        self.urls[event["requestId"]] = event["request"]["url"]

    def _response(self, event):
        if event["response"].get("fromServiceWorker"):
            self.from_worker.add(event["requestId"])

    def _finished(self, event):
        self.bytes[event["requestId"]] = int(event["encodedDataLength"])

    def shell_bytes(self) -> tuple[int, int]:
        """(bytes of non-API responses that came over the network, requests the worker served)."""
        network = sum(
            size
            for request, size in self.bytes.items()
            if request not in self.from_worker and "/api/" not in self.urls.get(request, "")
        )
        return network, len(self.from_worker)


def _page_weight(browser, base_url, counter) -> list[dict]:
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    # Every page registers the worker, so the first visit (sign-in page, home, then the
    # capture screen) is what a new phone downloads, precache included.
    counter.take()
    log = NetworkLog(context, page)
    _sign_in(page, base_url)
    page.goto("/capture")
    _synced(page)
    _wait(page, "navigator.serviceWorker.controller !== null")
    time.sleep(0.5)  # let the worker finish precaching
    first = [(path, body) for path, body in counter.take() if not path.startswith("/api/")]
    first_page_cdp, _ = log.shell_bytes()

    log = NetworkLog(context, page)
    page.reload()
    _synced(page)
    repeat_server = [
        (p, b) for p, b in counter.take() if not p.startswith("/api/") and p != "/sw.js"
    ]
    repeat_cdp, served_by_worker = log.shell_bytes()
    context.close()
    repeat = repeat_cdp + sum(len(b) for _, b in repeat_server)
    raw = sum(len(body) for _, body in first)
    compressed = sum(len(gzip.compress(body)) for _, body in first)
    return [
        row("first visit (sign-in, home, capture, precache), bytes sent", raw, None, "B"),
        row("first visit, gzip-compressed equivalent", compressed, None, "B"),
        row("first visit, bytes on the wire per CDP", first_page_cdp, None, "B"),
        row(
            f"capture repeat load, shell bytes over network ({served_by_worker} from the worker)",
            repeat,
            None,
            "B",
            at_most(repeat, 0, "B"),
        ),
    ]


def _save_to_visible(browser, base_url, ids) -> list[dict]:
    context = browser.new_context(
        base_url=base_url, viewport={"width": 360, "height": 740}, has_touch=True
    )
    page = context.new_page()
    _sign_in(page, base_url)
    page.goto(f"/capture#/c/{ids['contact']}/{ids['interview']}")
    _synced(page)
    _wait(page, "navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    box = page.get_by_label("Talking point")
    save = page.get_by_role("button", name="Save point")
    for i in range(WARMUP + SAVES):
        if i == WARMUP:
            page.evaluate("performance.clearMeasures('afterword:save-to-visible')")
        box.fill(f"Point number {i}: what we talked about")
        save.click()
        page.locator("li.point").filter(has_text=f"Point number {i}:").wait_for()
    timings = page.evaluate(
        "performance.getEntriesByName('afterword:save-to-visible').map(e => e.duration)"
    )
    dom = page.evaluate(FLOOR_DOM, SAVES)
    idb = page.evaluate(FLOOR_IDB, SAVES)
    page.evaluate(FLOOR_TAP_SETUP)
    bare = page.get_by_role("button", name="Bare save")
    for i in range(WARMUP + SAVES):
        page.get_by_label("Talking point").fill(f"Floor text {i}")
        bare.click()
        page.locator("li.point").filter(has_text=f"Floor point {i}").wait_for()
    tap = page.evaluate("window.floorTimes")[WARMUP:]
    context.close()
    value = statistics.median(timings)
    frame = at_most(value, FRAME_MS, "ms")
    return [
        row("offline save-to-visible vs the same tap on a bare IndexedDB write + append",
            value, statistics.median(tap), "ms", frame),
        row("offline save-to-visible vs bare IndexedDB write + append (no tap)", value,
            statistics.median(idb), "ms", frame),
        row("offline save-to-visible vs bare DOM append", value, statistics.median(dom), "ms",
            frame),
    ]  # fmt: skip


def run() -> list[dict]:
    from playwright.sync_api import sync_playwright

    config = {"SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False}
    with scratch_database() as url, afterword(url, config) as app:
        ids = _seed(app)
        counter = ByteCounter(app.wsgi_app)
        app.wsgi_app = counter
        with served(app) as port, sync_playwright() as playwright:
            base_url = f"http://127.0.0.1:{port}"
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            rows = _save_to_visible(browser, base_url, ids)
            rows += _page_weight(browser, base_url, counter)
            browser.close()
    return rows


if __name__ == "__main__":
    print(report.table(run()))
