"""The offline capture island in a real phone-sized Chromium: saved on the phone at once, synced
exactly once when the signal returns, never into the wrong account, never silently overwritten.
Plus the manifest and the service worker's headers through the test client."""

import contextlib
import re
import socket
import threading
import time
from datetime import timedelta

import pytest
from werkzeug.serving import make_server

from app import create_app
from extensions import db, limiter
from models import Application, Contact, Interview, TalkingPoint, User, utcnow
from tests.conftest import CHROMIUM_FLAGS, PASSWORD, ROOT, _wipe, chromium_path

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "timezone_id": "UTC"}
SYNC_DEADLINE_S = 10


# --- fixtures -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A live server that can be stopped and started again on the same port (the signal)."""

    def __init__(self, app):
        self.app = app
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = None
        self._thread = None

    def start(self):
        self._server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextlib.contextmanager
def running_server(app_config, **config):
    """A live server for the browser (CSRF on, as in production), on a wiped database."""
    app = create_app(dict(app_config, WTF_CSRF_ENABLED=True, **config))
    with app.app_context():
        _wipe()
    limiter.reset()
    server = Server(app).start()
    yield server
    if server._thread.is_alive():
        server.stop()
    with app.app_context():
        db.session.remove()
        _wipe()
        db.engine.dispose()


@pytest.fixture
def server(app_config):
    with running_server(app_config) as server:
        yield server


def new_phone(browser, server):
    context = browser.new_context(base_url=server.url, **PHONE)
    context.set_default_timeout(10_000)
    return context


def launch_phone(browser, server, profile):
    """A browser with its own storage on disk: closing and launching it again keeps IndexedDB."""
    phone = browser.browser_type.launch_persistent_context(
        str(profile),
        executable_path=chromium_path(),
        args=CHROMIUM_FLAGS,
        base_url=server.url,
        **PHONE,
    )
    phone.set_default_timeout(10_000)
    return phone


# --- what a person does ---------------------------------------------------------------------------


def sign_up(page, email):
    page.goto("/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/applications/new")


def sign_in(page, email, remember=False):
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    if remember:
        page.get_by_label("Keep me signed in for 30 days").check()
    page.get_by_role("button", name="Sign in").click()


def sign_out(page):
    page.goto("/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/login")


def open_capture(page, path="/capture"):
    """Open the island online and wait until it has synced and the worker controls it."""
    page.goto(path)
    wait_synced(page)
    wait_controlled(page)


def wait_controlled(page, timeout=30):
    """Until a service worker controls the page (a first install on a busy machine is slow)."""
    wait_until(page, "navigator.serviceWorker.controller !== null", timeout, explain=WORKER_STATE)


# What the page knows of its worker, for a failure message.
WORKER_STATE = """navigator.serviceWorker.getRegistration().then((r) => r ? {
  installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state,
  active: r.active && r.active.state, controller: !!navigator.serviceWorker.controller,
} : 'no registration')"""


def wait_until(page, expression, timeout=10, explain=None):
    """Poll a page expression (wait_for_function would need eval, which the CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            state = f"; {page.evaluate(explain)}" if explain else ""
            pytest.fail(f"{expression} stayed false for {timeout} s{state}")
        time.sleep(0.05)


def wait_synced(page, timeout=SYNC_DEADLINE_S * 1000):
    status = page.locator("#sync-status")
    status.and_(page.locator("[data-state=synced][data-waiting='0']")).wait_for(timeout=timeout)


def save_point(page, kind, text):
    page.get_by_text(kind, exact=True).click()  # the chip's label is what a thumb taps
    assert page.get_by_label(kind).is_checked()
    page.get_by_label("Talking point").fill(text)
    page.get_by_role("button", name="Save point").click()


def point(page, text):
    return page.locator("li.point").filter(has_text=text)


# --- the server side of the story -----------------------------------------------------------------


def user_id(server, email) -> int:
    with server.app.app_context():
        return db.session.scalar(db.select(User.id).where(User.email == email))


def seed_day(server, email, with_point=None) -> dict:
    """An application with an interview that started five minutes ago and one person in it."""
    with server.app.app_context():
        owner = user_id(server, email)
        application = Application(user_id=owner, company="Acme Robotics", role="Staff Engineer")
        interview = Interview(
            user_id=owner,
            application=application,
            title="Onsite loop",
            starts_at=utcnow() - timedelta(minutes=5),
        )
        contact = Contact(
            user_id=owner,
            application=application,
            name="Dana Rivera",
            title="Engineering Manager",
            interviews=[interview],
        )
        db.session.add_all([application, interview, contact])
        db.session.flush()
        ids = {"interview": interview.id, "contact": contact.id}
        if with_point:
            point = TalkingPoint(user_id=owner, contact=contact, kind="topic", body=with_point)
            db.session.add(point)
            db.session.flush()
            ids["point"] = point.id
        db.session.commit()
        return ids


def points_in_db(server, **where) -> list[TalkingPoint]:
    with server.app.app_context():
        query = db.select(TalkingPoint).where(TalkingPoint.deleted_at.is_(None))
        for name, value in where.items():
            query = query.where(getattr(TalkingPoint, name) == value)
        points = db.session.scalars(query).all()
        db.session.expunge_all()
        return points


def wait_for_db(server, predicate, timeout=SYNC_DEADLINE_S):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic() - (deadline - timeout)
        time.sleep(0.1)
    pytest.fail(f"the database did not reach the expected state within {timeout} s")


# --- browser tests --------------------------------------------------------------------------------


@pytest.mark.browser
def test_point_saved_offline_survives_reload_and_restart_then_syncs_exactly_once(
    browser, server, tmp_path
):
    def launch():
        return launch_phone(browser, server, tmp_path / "profile")

    phone = launch()
    page = phone.pages[0] if phone.pages else phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    open_capture(page)
    page.get_by_role("link", name=re.compile("Onsite loop")).click()
    page.get_by_role("link", name=re.compile("Dana Rivera")).click()

    # No signal, and no server either.
    server.stop()
    phone.set_offline(True)
    started = page.evaluate("performance.now()")
    save_point(page, "Common ground", "Both rowed in college")
    saved = point(page, "Both rowed in college")
    assert "On this phone only" in saved.inner_text()
    assert page.evaluate("performance.now()") - started < 2000
    assert page.locator("#sync-status").get_attribute("data-waiting") == "1"
    assert page.get_by_label("Talking point").input_value() == ""

    page.reload()
    assert "On this phone only" in point(page, "Both rowed in college").inner_text()

    # The browser is closed and opened again, still with no signal. Chrome on a phone keeps
    # its session cookies when it restores its tabs; a desktop profile drops them, so carry
    # them over. (Being kept signed in by the remember cookie is the next test.)
    cookies = phone.cookies()
    phone.close()
    phone = launch()
    phone.add_cookies(cookies)
    phone.set_offline(True)
    page = phone.pages[0] if phone.pages else phone.new_page()
    page.goto(f"/capture#/c/{ids['contact']}/{ids['interview']}")
    assert "On this phone only" in point(page, "Both rowed in college").inner_text()
    # The island starts in "starting" and decides from there: wait for it, do not sample it.
    wait_until(page, "document.querySelector('#sync-status').dataset.state === 'offline'")

    # The signal returns: no tap needed.
    server.start()
    phone.set_offline(False)
    wait_for_db(server, lambda: len(points_in_db(server)) == 1)
    wait_synced(page)
    assert "Synced" in point(page, "Both rowed in college").inner_text()

    # Exactly once, also after more sync runs.
    page.reload()
    wait_synced(page)
    [stored] = points_in_db(server)
    assert (stored.body, stored.kind, stored.contact_id) == (
        "Both rowed in college",
        "common_ground",
        ids["contact"],
    )
    assert stored.interview_id == ids["interview"]
    phone.close()


@pytest.mark.browser
def test_phone_kept_signed_in_syncs_by_itself_after_the_browser_restarts(browser, server, tmp_path):
    phone = launch_phone(browser, server, tmp_path / "profile")
    page = phone.pages[0] if phone.pages else phone.new_page()
    sign_up(page, "ana@example.com")
    sign_out(page)
    sign_in(page, "ana@example.com", remember=True)
    ids = seed_day(server, "ana@example.com")
    person = f"/capture#/c/{ids['contact']}/{ids['interview']}"
    open_capture(page, person)
    phone.set_offline(True)
    save_point(page, "Their work", "Her talk on offline-first apps")
    point(page, "Her talk on offline-first apps").wait_for()
    phone.close()

    # The session cookie is gone with the browser; "Keep me signed in" must be enough.
    phone = launch_phone(browser, server, tmp_path / "profile")
    page = phone.pages[0] if phone.pages else phone.new_page()
    page.goto(person)
    wait_for_db(server, lambda: len(points_in_db(server)) == 1)
    wait_synced(page)
    assert "Synced" in point(page, "Her talk on offline-first apps").inner_text()
    phone.close()


@pytest.mark.browser
def test_capture_opens_offline_from_the_service_worker(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    seed_day(server, "ana@example.com")
    open_capture(page)

    phone.set_offline(True)
    response = page.goto("/capture")
    assert response.from_service_worker
    page.get_by_role("link", name=re.compile("Onsite loop")).click()
    page.get_by_role("link", name=re.compile("Dana Rivera")).click()
    page.get_by_label("Add a person").is_visible()

    # The shell in Cache Storage holds no user data, no CSRF token and no API answers.
    cached = page.evaluate(
        """async () => {
            const out = {};
            for (const name of await caches.keys()) {
              const cache = await caches.open(name);
              for (const request of await cache.keys()) {
                out[new URL(request.url).pathname] = await (await cache.match(request)).text();
              }
            }
            return out;
        }"""
    )
    assert "/capture" in cached and "/static/js/offline/db.js" in cached
    assert not [path for path in cached if path.startswith("/api/")]
    assert "ana@example.com" not in cached["/capture"]
    assert "csrf" not in cached["/capture"].lower()
    phone.close()


@pytest.mark.browser
def test_a_first_install_cut_off_halfway_is_tried_again_without_a_reload(browser, server):
    phone = new_phone(browser, server)
    signal = {"up": False, "dropped": 0}

    def shell_file(route):
        # No signal while the worker fetches the shell: its install fails.
        if route.request.service_worker and not signal["up"]:
            signal["dropped"] += 1
            route.abort("internetdisconnected")
        else:
            route.continue_()

    phone.route("**/static/js/offline/view.js", shell_file)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    dropped_before = signal["dropped"]
    wait_until(page, "document.readyState === 'complete'")
    deadline = time.monotonic() + 10
    while signal["dropped"] == dropped_before and time.monotonic() < deadline:
        page.wait_for_timeout(50)  # this page's own first install fails too
    assert signal["dropped"] > dropped_before, "this page never tried to install the worker"

    # The signal returns; the page stays where it is, so only its own retry can install.
    signal["up"] = True
    wait_controlled(page)
    phone.set_offline(True)
    assert page.goto("/capture").from_service_worker
    phone.close()


@pytest.mark.browser
def test_a_new_account_with_no_interviews_is_told_where_to_add_one(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    open_capture(page)
    page.get_by_text("No interviews yet. Add one on the full site").wait_for()
    assert page.get_by_text("Open Afterword once with signal").count() == 0
    phone.close()


@pytest.mark.browser
def test_signed_out_queue_waits_for_its_own_account(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    open_capture(page, f"/capture#/c/{ids['contact']}/{ids['interview']}")

    phone.set_offline(True)
    save_point(page, "I promised to send", "Send Dana the rowing article")
    phone.clear_cookies()  # the session expires while the phone has no signal
    phone.set_offline(False)
    sign_in_link = page.get_by_role("link", name="Sign in to sync 1 item")
    sign_in_link.wait_for()
    assert sign_in_link.get_attribute("href") == "/login?next=/capture"
    # No one is signed in now: the phone shows no one's notes (they are kept, not shown).
    page.get_by_role("heading", name="Signed out").wait_for()
    assert "Send Dana the rowing article" not in page.locator("#view").inner_text()

    # Someone else signs in on this phone: Ana's point is kept, shown, and not uploaded.
    sign_up(page, "bo@example.com")
    page.goto("/capture")
    page.get_by_text("1 change saved while signed in as ana@example.com is kept").wait_for()
    wait_synced(page)
    assert points_in_db(server) == []
    pulled = page.request.get("/api/sync/pull?since=0").json()
    assert all(change["entity"] != "talking_point" for change in pulled["changes"])
    assert "Dana Rivera" not in page.locator("#view").inner_text()

    # Ana signs in again: her queue syncs into her account.
    sign_out(page)
    page.goto("/capture")
    page.get_by_role("link", name=re.compile("Sign in to sync 1 item")).click()
    sign_in(page, "ana@example.com")
    page.wait_for_url("**/capture")
    wait_synced(page)
    [stored] = points_in_db(server)
    assert stored.body == "Send Dana the rowing article"
    assert stored.user_id == user_id(server, "ana@example.com")
    phone.close()


@pytest.mark.browser
def test_two_devices_edit_one_point_offline_and_both_texts_survive(browser, server):
    laptop, phone = new_phone(browser, server), new_phone(browser, server)
    on_laptop, on_phone = laptop.new_page(), phone.new_page()
    sign_up(on_laptop, "ana@example.com")
    on_phone.goto("/login")
    sign_in(on_phone, "ana@example.com")
    ids = seed_day(server, "ana@example.com", with_point="Talked about the Kafka migration")
    person = f"/capture#/c/{ids['contact']}/{ids['interview']}"
    for page in (on_laptop, on_phone):
        open_capture(page, person)
        point(page, "Kafka migration").wait_for()

    for context, page, text in (
        (laptop, on_laptop, "Kafka migration: 40 services in 6 months"),
        (phone, on_phone, "Kafka migration, and she asked about my on-call"),
    ):
        context.set_offline(True)
        point(page, "Kafka migration").get_by_role("button", name="Edit").click()
        page.locator("li.point.editing").get_by_label("Talking point").fill(text)
        page.get_by_role("button", name="Save changes").click()
        point(page, text).wait_for()

    laptop.set_offline(False)
    wait_synced(on_laptop)
    phone.set_offline(False)
    wait_synced(on_phone)
    on_laptop.reload()
    wait_synced(on_laptop)

    # Both devices show the server's text with the other as a visible conflict copy.
    for page in (on_laptop, on_phone):
        item = point(page, "40 services in 6 months")
        assert "Also changed on another device" in item.inner_text()
        assert "she asked about my on-call" in item.inner_text()
    assert len(points_in_db(server)) == 2

    on_phone.get_by_role("button", name="Keep both").click()
    on_phone.get_by_text("Also changed on another device").wait_for(state="detached")
    wait_synced(on_phone)
    texts = sorted(p.body for p in points_in_db(server))
    assert texts == [
        "Kafka migration, and she asked about my on-call",
        "Kafka migration: 40 services in 6 months",
    ]
    assert all(p.conflict_of is None for p in points_in_db(server))
    on_laptop.reload()
    wait_synced(on_laptop)
    assert on_laptop.locator("li.point").count() == 2
    assert on_laptop.get_by_text("Also changed on another device").count() == 0
    laptop.close()
    phone.close()


@pytest.mark.browser
def test_chrome_finds_no_installability_errors(browser, server, tmp_path):
    # A persistent profile: Chrome never offers to install from an incognito context.
    phone = launch_phone(browser, server, tmp_path / "profile")
    page = phone.pages[0] if phone.pages else phone.new_page()
    assert page.goto("/capture").ok
    wait_controlled(page)
    cdp = phone.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest") and not manifest["errors"]
    phone.close()


# --- through the test client ----------------------------------------------------------------------


def test_manifest_makes_an_installable_app_with_a_share_target(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    data = manifest.get_json()
    assert data["name"] == "Afterword" and data["short_name"]
    assert data["start_url"] == "/capture"
    assert data["display"] == "standalone"
    assert data["theme_color"] and data["background_color"]
    icons = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= icons
    for icon in data["icons"]:
        response = client.get(icon["src"])
        response.close()
        assert response.status_code == 200 and response.mimetype == icon["type"]
    assert data["share_target"] == {
        "action": "/share",
        "method": "POST",
        "enctype": "multipart/form-data",
        "params": {
            "title": "title",
            "text": "text",
            "url": "url",
            "files": [{"name": "invite", "accept": ["text/calendar", ".ics"]}],
        },
    }


def test_service_worker_is_served_at_the_root_and_never_stale(client):
    response = client.get("/sw.js")
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.mimetype == "text/javascript"
    source = response.get_data(as_text=True)
    assert "__SHELL_VERSION__" not in source and '"/capture"' in source


def test_island_pages_hold_no_user_data_or_token(client, user):
    for path in ("/capture", "/share?text=hello"):
        html = client.get(path).get_data(as_text=True)
        assert "ana@example.com" not in html and "Ana Ortiz" not in html
        assert "csrf" not in html.lower()
        assert "<script>" not in html and "style=" not in html


def test_every_offline_module_is_in_the_precached_shell(client):
    # A module left out of the shell would make the island fail to start with no signal.
    source = client.get("/sw.js").get_data(as_text=True)
    offline = ROOT / "static" / "js" / "offline"
    modules = sorted(offline.rglob("*.js"))
    assert len(modules) > len(list(offline.glob("*.js")))  # the screens/ folder too
    for module in modules:
        assert f'"/static/js/offline/{module.relative_to(offline).as_posix()}"' in source
