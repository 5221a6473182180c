"""Real phone life in a phone-sized Chromium (issue 9): a changing address, a shared phone,
edits that race, double taps and hung requests. Each test names what a user would lose,
double or see of someone else's without the change it guards."""

import contextlib
import re
import socket
import threading

import pytest

from extensions import db
from tests.test_offline import (
    PHONE,
    new_phone,
    open_capture,
    point,
    points_in_db,
    running_server,
    save_point,
    seed_day,
    sign_in,
    sign_out,
    sign_up,
    user_id,
    wait_for_db,
    wait_synced,
    wait_until,
)

pytestmark = pytest.mark.browser


class MobileData:
    """The phone's second network: a relay listening on 127.0.0.2 that reaches the server
    *from* 127.0.0.2, so the server sees the client's address change (a browser cannot pick
    its own source address, and a loopback connection to 127.0.0.2 still comes from
    127.0.0.1)."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.2", 0))
        self.url = f"http://127.0.0.2:{self.listener.getsockname()[1]}"
        self.open = True
        self.sockets = []  # closed together at the end (and kept alive until then)
        self.lock = threading.Lock()  # close() never misses a socket accepted meanwhile
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def _accept(self):
        while self.open:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                upstream = socket.socket()
                self.sockets += [client, upstream]
                if not self.open:
                    return
            upstream.bind(("127.0.0.2", 0))
            upstream.connect(("127.0.0.1", self.target_port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self):
        with self.lock:
            self.open = False
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self.acceptor.join(timeout=5)
        with self.lock:
            for sock in self.sockets:
                sock.close()


@pytest.fixture
def server(app_config):
    """A live server on 127.0.0.1 that a test can stop and start (the signal), with a short
    sync timeout."""
    with running_server(app_config, SYNC_TIMEOUT_SECONDS=3) as server:
        yield server


@pytest.fixture
def second_address(server):
    relay = MobileData(server.port)
    yield relay.url
    relay.close()


def signed_in_as(page, url) -> str | None:
    answer = page.request.get(f"{url}/api/session")
    return answer.json()["email"] if answer.ok else None


def cookies_for(cookies, host):
    """The same cookies, as the browser would send them to `host` (cookies ignore the port)."""
    return [dict(cookie, domain=host) for cookie in cookies]


# --- the session survives a change of address -----------------------------------------------------


def test_same_cookies_from_two_addresses_both_stay_signed_in(browser, server, second_address):
    wifi = new_phone(browser, server)
    page = wifi.new_page()
    sign_up(page, "ana@example.com")
    assert signed_in_as(page, server.url) == "ana@example.com"

    # Walking out to mobile data: the phone's address changes, its cookies do not.
    cookies = wifi.cookies()
    wifi.add_cookies(cookies_for(cookies, "127.0.0.2"))
    page.goto(f"{second_address}/")
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert signed_in_as(page, second_address) == "ana@example.com"
    # ... and back on the office Wi-Fi, still signed in there too.
    assert signed_in_as(page, server.url) == "ana@example.com"
    page.goto(f"{server.url}/")
    assert page.get_by_role("button", name="Sign out").is_visible()

    # Sign-out rotates the token: the copied cookie dies at the other address as well.
    sign_out(page)
    assert signed_in_as(page, second_address) is None
    wifi.close()


def test_keep_me_signed_in_survives_a_browser_restart_and_a_new_address(
    browser, server, second_address
):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    sign_out(page)
    sign_in(page, "ana@example.com", remember=True)
    page.wait_for_url(re.compile(r"/$"))
    state = phone.storage_state()
    phone.close()

    # A browser restart keeps only the lasting cookies (the session cookie dies with it).
    lasting = [c for c in state["cookies"] if c["expires"] > 0]
    assert {c["name"] for c in lasting} == {"remember_token"}
    restarted = browser.new_context(base_url=server.url, **PHONE)
    restarted.add_cookies(lasting)
    page = restarted.new_page()
    page.goto("/")
    assert page.get_by_role("button", name="Sign out").is_visible()

    # Then the phone changes network with the restored session.
    restarted.add_cookies(cookies_for(restarted.cookies(), "127.0.0.2"))
    page.goto(f"{second_address}/")
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert signed_in_as(page, second_address) == "ana@example.com"
    assert signed_in_as(page, server.url) == "ana@example.com"
    restarted.close()


# --- a shared phone -------------------------------------------------------------------------------


def full_site_phone(browser, server):
    """The full site with no service worker in the way (Playwright's offline switch does not
    reach a worker's own fetches; a real lost signal cuts both)."""
    context = browser.new_context(base_url=server.url, service_workers="block", **PHONE)
    context.set_default_timeout(10_000)
    return context


def keep_point_with_no_signal(page, text):
    """On a person's full-site page: the signal goes, the point is kept on the phone."""
    page.wait_for_load_state("networkidle")
    page.context.set_offline(True)
    page.get_by_label("Talking point").fill(text)
    page.get_by_role("button", name="Save point").click()
    page.get_by_text("No signal: saved on this phone.").wait_for()


def stored_on_phone(page) -> dict:
    """What this browser keeps for Afterword: IndexedDB databases and rows, drafts."""
    return page.evaluate(
        """async () => {
            const names = (await indexedDB.databases()).map((d) => d.name);
            const drafts = Object.keys(localStorage).filter((k) => k.startsWith("afterword:"));
            if (!names.includes("afterword")) return { names, drafts, rows: [] };
            const db = await new Promise((ok, no) => {
              const r = indexedDB.open("afterword"); r.onsuccess = () => ok(r.result);
              r.onerror = () => no(r.error);
            });
            const rows = [];
            const stores = ["application", "interview", "contact", "talking_point", "outbox"];
            for (const store of stores) {
              const all = await new Promise((ok) => {
                const r = db.transaction(store).objectStore(store).getAll();
                r.onsuccess = () => ok(r.result);
              });
              rows.push(...all.map((row) => JSON.stringify(row)));
            }
            db.close();
            return { names, drafts, rows };
        }"""
    )


def test_sign_out_with_unsent_notes_waits_for_signal_then_clears_the_phone(browser, server):
    phone = full_site_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    page.goto(f"/contacts/{ids['contact']}")
    keep_point_with_no_signal(page, "Dana rows on weekends too")
    page.evaluate("localStorage.setItem('afterword:draft:x', 'half a thought about Dana')")

    # The signal is back, but the server cannot be reached yet (a captive portal, say).
    phone.route("**/api/sync/push", lambda route: route.abort())
    phone.set_offline(False)
    page.get_by_role("button", name="Sign out").click()
    choice = page.get_by_role("alertdialog")
    choice.get_by_text("1 note is still on this phone only.").wait_for()
    assert signed_in(page)
    choice.get_by_role("button", name="Wait for signal").click()

    # Once it reaches the server, sign-out finishes by itself and the phone is cleared.
    phone.unroute("**/api/sync/push")
    page.wait_for_url("**/login", timeout=15_000)
    [stored] = points_in_db(server)
    assert (stored.body, stored.user_id) == (
        "Dana rows on weekends too",
        user_id(server, "ana@example.com"),
    )
    assert not signed_in(page)
    left = stored_on_phone(page)
    assert "afterword" not in left["names"] and left["drafts"] == []

    # The next person on this browser sees nothing of Ana's, online or in the island.
    page.goto("/register")
    sign_up(page, "bo@example.com")
    page.go_back()
    page.go_back()
    assert "Dana" not in page.content()
    page.goto("/capture")
    page.locator("#sync-status[data-state=synced]").wait_for()
    assert "Dana" not in page.locator("main").inner_text()
    assert not [row for row in stored_on_phone(page)["rows"] if "Dana" in row]
    phone.close()


def test_sign_out_can_discard_unsent_notes_when_asked(browser, server):
    phone = full_site_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    page.goto(f"/contacts/{ids['contact']}")
    keep_point_with_no_signal(page, "Two notes about Dana")
    page.get_by_label("Talking point").fill("and a second one")
    page.get_by_role("button", name="Save point").click()
    page.locator(".point", has_text="and a second one").wait_for()

    phone.route("**/api/sync/push", lambda route: route.abort())
    phone.set_offline(False)
    page.get_by_role("button", name="Sign out").click()
    choice = page.get_by_role("alertdialog")
    choice.get_by_text("2 notes are still on this phone only.").wait_for()
    choice.get_by_role("button", name="Discard them and sign out").click()
    page.wait_for_url("**/login")
    assert not signed_in(page)
    assert points_in_db(server) == []
    assert "afterword" not in stored_on_phone(page)["names"]
    phone.close()


def signed_in(page) -> bool:
    return page.request.get("/api/session").ok


def test_a_clean_sign_out_says_nothing_and_asks_the_browser_to_drop_cached_pages(browser, server):
    phone = full_site_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    with page.expect_response("**/logout") as answer:
        page.get_by_role("button", name="Sign out").click()
    assert answer.value.all_headers()["clear-site-data"] == '"cache"'
    page.wait_for_url("**/login")
    assert page.get_by_role("alertdialog").count() == 0
    phone.close()


# --- doubles --------------------------------------------------------------------------------------


def slow_cpu(page, rate=20):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    return cdp


def test_a_double_tap_on_a_slow_phone_saves_one_point_in_the_island(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    open_capture(page, f"/capture#/c/{ids['contact']}/{ids['interview']}")
    phone.set_offline(True)
    slow_cpu(page)
    page.get_by_label("Talking point").fill("Dana mentored two interns")
    page.get_by_role("button", name="Save point").dblclick()
    point(page, "Dana mentored two interns").first.wait_for()
    page.wait_for_timeout(1000)
    assert point(page, "Dana mentored two interns").count() == 1

    # The same for a person added in the lobby.
    page.goto(f"/capture#/i/{ids['interview']}")
    page.get_by_label("Add a person").fill("Sam Lee, Staff Engineer")
    page.get_by_role("button", name="Add person").dblclick()
    page.locator("a.person", has_text="Sam Lee").first.wait_for()
    page.wait_for_timeout(1000)
    assert page.locator("a.person", has_text="Sam Lee").count() == 1

    slow_cpu(page, 1)
    phone.set_offline(False)
    wait_synced(page)
    assert [p.body for p in points_in_db(server)] == ["Dana mentored two interns"]
    assert contact_names(server) == ["Dana Rivera", "Sam Lee"]
    phone.close()


def contact_names(server):
    from models import Contact

    with server.app.app_context():
        return sorted(db.session.scalars(db.select(Contact.name)).all())


def test_a_double_click_on_the_full_site_form_saves_one_point(browser, server):
    phone = full_site_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    page.goto(f"/contacts/{ids['contact']}")
    slow_cpu(page)
    page.get_by_label("Talking point").fill("Asked about the ledger rewrite")
    page.get_by_role("button", name="Save point").dblclick()
    page.get_by_role("heading", name="Points (1)").wait_for()
    page.wait_for_timeout(1000)
    assert [p.body for p in points_in_db(server)] == ["Asked about the ledger rewrite"]
    phone.close()


def sign_up_without_javascript(page, email):
    page.goto("/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/applications/new")


def test_a_post_applied_but_its_answer_lost_is_queued_as_the_same_point(browser, server):
    phone = full_site_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    page.goto(f"/contacts/{ids['contact']}")

    def lose_the_answer(route):
        route.fetch()  # the server saves the point...
        route.abort()  # ...and the answer never reaches the phone

    phone.route(f"**/contacts/{ids['contact']}", lose_the_answer)
    page.get_by_label("Talking point").fill("She wants the talk slides")
    page.get_by_role("button", name="Save point").click()
    page.get_by_text("No signal: saved on this phone.").wait_for()
    phone.unroute(f"**/contacts/{ids['contact']}")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_for_db(server, lambda: not stored_outbox(page))
    assert [p.body for p in points_in_db(server)] == ["She wants the talk slides"]
    phone.close()


def stored_outbox(page) -> list:
    return [row for row in stored_on_phone(page)["rows"] if '"entity_id"' in row]


def test_back_and_resubmit_without_javascript_saves_one_point(browser, server):
    phone = browser.new_context(base_url=server.url, java_script_enabled=False, **PHONE)
    page = phone.new_page()
    sign_up_without_javascript(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    page.goto(f"/contacts/{ids['contact']}")
    page.get_by_label("Talking point").fill("Loves sourdough")
    page.get_by_role("button", name="Save point").click()
    page.get_by_role("heading", name="Points (1)").wait_for()
    # Back to the form as it was sent, and send it again.
    page.go_back()
    if not page.get_by_label("Talking point").input_value():
        page.get_by_label("Talking point").fill("Loves sourdough")
    page.get_by_role("button", name="Save point").click()
    page.get_by_role("heading", name=re.compile(r"Points \(\d\)")).wait_for()
    assert [p.body for p in points_in_db(server)] == ["Loves sourdough"]
    phone.close()


def test_back_and_resubmit_of_the_create_forms_creates_each_thing_once(browser, server):
    from models import Application, Interview

    phone = browser.new_context(base_url=server.url, java_script_enabled=False, **PHONE)
    page = phone.new_page()
    sign_up_without_javascript(page, "ana@example.com")
    for _ in range(2):  # save, Back, save again (the form comes back with its values or empty)
        if not page.get_by_label("Company").input_value():
            page.get_by_label("Company").fill("Northwind Health")
            page.get_by_label("Role").fill("Product Designer")
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_url("**/schedule")
        application_url = page.url.rsplit("/", 1)[0]
        page.go_back()
    page.goto(f"{application_url}/interviews/new")
    for _ in range(2):
        if not page.get_by_label("Starts").input_value():
            page.get_by_label("Starts").fill("10:00")
            page.get_by_label(re.compile("^People in it")).fill("Dana Rivera, Design Lead")
        page.get_by_role("button", name="Save", exact=True).click()
        page.wait_for_url("**/interviews/*")
        page.go_back()
    with server.app.app_context():
        applications = db.session.scalars(db.select(Application)).all()
        interviews = db.session.scalars(db.select(Interview)).all()
        assert [(a.company, a.role) for a in applications] == [
            ("Northwind Health", "Product Designer")
        ]
        assert len(interviews) == 1 and interviews[0].application_id == applications[0].id
    phone.close()


def phone_and_laptop(browser, server, with_point=None):
    """Ana on two devices: the island open on her person on a phone, the full site on a laptop."""
    phone, laptop = new_phone(browser, server), new_phone(browser, server)
    on_phone, on_laptop = phone.new_page(), laptop.new_page()
    sign_up(on_phone, "ana@example.com")
    on_laptop.goto("/login")
    sign_in(on_laptop, "ana@example.com")
    ids = seed_day(server, "ana@example.com", with_point=with_point)
    open_capture(on_phone, f"/capture#/c/{ids['contact']}/{ids['interview']}")
    return phone, laptop, on_phone, on_laptop, ids


def edit_on_full_site(page, contact_id, old, new):
    page.goto(f"/contacts/{contact_id}")
    page.locator("li.point", has_text=old).get_by_role("link", name="Edit").click()
    page.locator("li.point.editing").get_by_label("Talking point").fill(new)
    page.locator("li.point.editing").get_by_role("button", name="Save").click()
    page.locator("li.point", has_text=new).wait_for()


# --- stalls and errors ----------------------------------------------------------------------------


def test_a_hung_request_times_out_and_frees_the_lock_for_the_other_tab(browser, server):
    phone = new_phone(browser, server)
    first = phone.new_page()
    sign_up(first, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    person = f"/capture#/c/{ids['contact']}/{ids['interview']}"
    open_capture(first, person)
    second = phone.new_page()
    open_capture(second, person)

    hung = []
    first.route("**/api/sync/push", lambda route: hung.append(route))  # never answered
    save_point(first, "Topic we discussed", "Their on-call rota")
    for _ in range(50):
        if hung:
            break
        first.wait_for_timeout(100)
    assert hung, "the first tab never started its push"

    # The first tab's push hangs while holding the cross-tab lock; the second tab saves.
    save_point(second, "Common ground", "We both moved from Lisbon")
    wait_for_db(server, lambda: len(points_in_db(server)) == 2)
    assert sorted(p.body for p in points_in_db(server)) == [
        "Their on-call rota",
        "We both moved from Lisbon",
    ]
    first.unroute("**/api/sync/push")
    phone.close()


def test_a_rejected_change_does_not_block_the_corrected_edit_behind_it(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    open_capture(page, f"/capture#/c/{ids['contact']}/{ids['interview']}")

    # The first push of a pasted text with a NUL in it is lost on the way...
    tried = []
    page.route("**/api/sync/push", lambda route: (tried.append(1), route.abort()))
    page.get_by_label("Talking point").fill("Dana\x00 rows on weekends")
    page.get_by_role("button", name="Save point").click()
    for _ in range(100):
        if tried:
            break
        page.wait_for_timeout(100)
    # ...and the user corrects the text while it waits to be sent again.
    point(page, "rows on weekends").get_by_role("button", name="Edit").click()
    page.locator("li.point.editing").get_by_label("Talking point").fill("Dana rows on weekends")
    page.get_by_role("button", name="Save changes").click()
    page.unroute("**/api/sync/push")
    page.evaluate("window.dispatchEvent(new Event('online'))")

    wait_for_db(server, lambda: [p.body for p in points_in_db(server)] == ["Dana rows on weekends"])
    wait_synced(page)
    assert page.get_by_text("Not synced").count() == 0
    assert "Synced" in point(page, "Dana rows on weekends").inner_text()
    phone.close()


SKEWED_CLOCK = """
(() => {
  const Real = Date;
  const skew = () => Number(localStorage.getItem("test:skew") || 0);
  class Skewed extends Real {
    constructor(...args) {
      if (args.length) super(...args);
      else super(Real.now() + skew());
    }
    static now() {
      return Real.now() + skew();
    }
  }
  window.Date = Skewed;
})();
"""
DAY_MS = 24 * 3600 * 1000


def test_a_wrong_phone_clock_still_shows_today_and_no_false_warning(browser, server):
    phone = new_phone(browser, server)
    phone.add_init_script(SKEWED_CLOCK)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com")
    # The phone's clock is three days behind.
    page.evaluate(f"localStorage.setItem('test:skew', {-3 * DAY_MS})")
    open_capture(page)
    today = page.locator("h1", has_text="Today").locator("xpath=following-sibling::ul[1]")
    assert "Onsite loop" in today.inner_text()

    page.goto(f"/capture#/c/{ids['contact']}/{ids['interview']}")
    wait_synced(page)
    phone.set_offline(True)
    save_point(page, "Their work", "Runs the design system")
    point(page, "Runs the design system").wait_for()

    # The clock jumps right when the signal returns; the server is reached, the push is not.
    page.evaluate("localStorage.setItem('test:skew', 0)")
    page.route("**/api/sync/push", lambda route: route.abort())
    phone.set_offline(False)
    page.reload()
    page.locator("#sync-status[data-state=unreachable]").wait_for()
    assert "On this phone only" in point(page, "Runs the design system").inner_text()
    assert page.get_by_text("Not synced for over 24 hours").count() == 0
    phone.close()


def test_a_point_deleted_here_but_edited_elsewhere_comes_back_with_a_message(browser, server):
    phone, laptop, on_phone, on_laptop, ids = phone_and_laptop(browser, server, "Kafka migration")
    point(on_phone, "Kafka migration").wait_for()

    phone.set_offline(True)
    point(on_phone, "Kafka migration").get_by_role("button", name="Delete").click()
    point(on_phone, "Kafka migration").wait_for(state="detached")

    edit_on_full_site(on_laptop, ids["contact"], "Kafka migration", "Kafka migration, 40 services")

    phone.set_offline(False)
    back = point(on_phone, "Kafka migration, 40 services")
    back.wait_for(timeout=15_000)
    assert "it was changed on another device, so it is back" in back.inner_text()
    assert [p.body for p in points_in_db(server)] == ["Kafka migration, 40 services"]
    phone.close()
    laptop.close()


# --- lost updates ---------------------------------------------------------------------------------


def edit_in_island(page, old, new):
    point(page, old).get_by_role("button", name="Edit").click()
    page.locator("li.point.editing").get_by_label("Talking point").fill(new)


def test_the_island_edits_the_version_it_opened_not_the_one_pulled_meanwhile(browser, server):
    phone, laptop, on_phone, on_laptop, ids = phone_and_laptop(browser, server, "Kafka migration")
    edit_in_island(on_phone, "Kafka migration", "Kafka migration, and my on-call answer")

    # While the phone's edit form is open, the laptop changes the point and the phone pulls it.
    edit_on_full_site(on_laptop, ids["contact"], "Kafka migration", "Kafka migration: 40 services")
    on_phone.evaluate("window.dispatchEvent(new Event('online'))")
    wait_until(
        on_phone,
        """(async () => {
            const r = await fetch('/api/sync/pull?since=0').then((a) => a.json());
            return r.changes.some((c) => c.data.body === 'Kafka migration: 40 services');
        })()""",
    )
    on_phone.wait_for_timeout(1500)  # the pull lands while the form is still open

    on_phone.get_by_role("button", name="Save changes").click()
    wait_for_db(server, lambda: len(points_in_db(server)) == 2)
    assert sorted(p.body for p in points_in_db(server)) == [
        "Kafka migration, and my on-call answer",
        "Kafka migration: 40 services",
    ]
    on_phone.get_by_text("Also changed on another device").wait_for()
    phone.close()
    laptop.close()


def test_two_tabs_editing_one_point_keep_both_texts(browser, server):
    phone = new_phone(browser, server)
    first = phone.new_page()
    sign_up(first, "ana@example.com")
    ids = seed_day(server, "ana@example.com", with_point="Kafka migration")
    person = f"/capture#/c/{ids['contact']}/{ids['interview']}"
    open_capture(first, person)
    second = phone.new_page()
    open_capture(second, person)
    edit_in_island(first, "Kafka migration", "Kafka migration (tab one)")
    edit_in_island(second, "Kafka migration", "Kafka migration (tab two)")

    first.get_by_role("button", name="Save changes").click()
    wait_for_db(server, lambda: points_in_db(server)[0].body == "Kafka migration (tab one)")
    second.get_by_role("button", name="Save changes").click()
    wait_for_db(server, lambda: len(points_in_db(server)) == 2)
    assert sorted(p.body for p in points_in_db(server)) == [
        "Kafka migration (tab one)",
        "Kafka migration (tab two)",
    ]
    phone.close()


def test_keep_both_chosen_on_two_devices_keeps_one_copy(browser, server):
    laptop, phone = new_phone(browser, server), new_phone(browser, server)
    on_laptop, on_phone = laptop.new_page(), phone.new_page()
    sign_up(on_laptop, "ana@example.com")
    on_phone.goto("/login")
    sign_in(on_phone, "ana@example.com")
    ids = seed_day(server, "ana@example.com", with_point="Kafka migration")
    person = f"/capture#/c/{ids['contact']}/{ids['interview']}"
    for context, page, text in (
        (laptop, on_laptop, "Kafka migration: 40 services"),
        (phone, on_phone, "Kafka migration, and my on-call"),
    ):
        open_capture(page, person)
        context.set_offline(True)
        edit_in_island(page, "Kafka migration", text)
        page.get_by_role("button", name="Save changes").click()
        point(page, text).wait_for()
    for context, page in ((laptop, on_laptop), (phone, on_phone)):
        context.set_offline(False)
        wait_synced(page)
    for page in (on_laptop, on_phone):
        page.reload()
        page.get_by_text("Also changed on another device").wait_for()

    # Both devices choose "Keep both", each before hearing of the other's choice.
    for context, page in ((laptop, on_laptop), (phone, on_phone)):
        context.set_offline(True)
        page.get_by_role("button", name="Keep both").click()
    for context, page in ((laptop, on_laptop), (phone, on_phone)):
        context.set_offline(False)
        wait_synced(page)
    assert sorted(p.body for p in points_in_db(server)) == [
        "Kafka migration, and my on-call",
        "Kafka migration: 40 services",
    ]
    assert all(p.conflict_of is None for p in points_in_db(server))
    on_laptop.reload()
    wait_synced(on_laptop)
    assert on_laptop.locator("li.point").count() == 2
    phone.close()
    laptop.close()


def two_laptops(browser, server, with_point=None):
    first, second = new_phone(browser, server), new_phone(browser, server)
    one, two = first.new_page(), second.new_page()
    sign_up(one, "ana@example.com")
    two.goto("/login")
    sign_in(two, "ana@example.com")
    ids = seed_day(server, "ana@example.com", with_point=with_point)
    return (first, one), (second, two), ids


def open_point_editor(page, contact_id, text):
    page.goto(f"/contacts/{contact_id}")
    page.locator("li.point", has_text=text).get_by_role("link", name="Edit").click()
    return page.locator("li.point.editing")


def test_full_site_point_saved_over_a_newer_version_keeps_both_texts(browser, server):
    (first, one), (second, two), ids = two_laptops(browser, server, with_point="Kafka migration")
    mine = open_point_editor(one, ids["contact"], "Kafka migration")
    theirs = open_point_editor(two, ids["contact"], "Kafka migration")
    theirs.get_by_label("Talking point").fill("Kafka migration: 40 services")
    theirs.get_by_role("button", name="Save").click()
    two.locator("li.point", has_text="40 services").wait_for()

    mine.get_by_label("Talking point").fill("Kafka migration, and my on-call answer")
    mine.get_by_role("button", name="Save").click()
    one.get_by_text("Both versions are kept").wait_for()
    assert sorted(p.body for p in all_points(server)) == [
        "Kafka migration, and my on-call answer",
        "Kafka migration: 40 services",
    ]
    conflicts = one.locator(".conflicts")
    assert "40 services" in conflicts.inner_text() and "on-call answer" in conflicts.inner_text()
    first.close()
    second.close()


def all_points(server):
    """Live points and conflict copies waiting for the user's choice."""
    return points_in_db(server)


@pytest.mark.parametrize(
    ("path", "label", "theirs", "mine", "kept"),
    [
        ("/contacts/{contact}/edit", "Job title", "Head of Payments", "Payments lead", "contact"),
        (
            "/interviews/{interview}/edit",
            "What it was (optional)",
            "Onsite loop, day 2",
            "Final onsite",
            "interview",
        ),
        ("/applications/{application}/edit", "Role", "Principal Engineer", "Staff+", "application"),
    ],
)
def test_full_site_edit_forms_saved_over_a_newer_version_keep_both(
    browser, server, path, label, theirs, mine, kept
):
    (first, one), (second, two), ids = two_laptops(browser, server)
    ids["application"] = application_of(server, ids["interview"])
    url = path.format(**ids)
    one.goto(url)
    two.goto(url)
    two.get_by_label(label).fill(theirs)
    two.get_by_role("button", name="Save", exact=True).click()
    two.wait_for_url(lambda u: "/edit" not in u)

    one.get_by_label(label).fill(mine)
    one.get_by_role("button", name="Save", exact=True).click()
    one.get_by_text("Both versions are kept").wait_for()
    assert sorted(versions_of(server, kept)) == sorted([theirs, mine])
    conflicts = one.locator(".conflicts").inner_text()
    assert theirs in conflicts and mine in conflicts
    first.close()
    second.close()


def application_of(server, interview_id):
    from models import Interview

    with server.app.app_context():
        return db.session.get(Interview, interview_id).application_id


def versions_of(server, kind):
    from models import Application, Contact, Interview

    model, column = {
        "contact": (Contact, "title"),
        "interview": (Interview, "title"),
        "application": (Application, "role"),
    }[kind]
    with server.app.app_context():
        rows = db.session.scalars(db.select(model).where(model.deleted_at.is_(None))).all()
        return [getattr(row, column) for row in rows]


def test_a_point_deleted_elsewhere_while_its_edit_form_is_open_keeps_the_typed_text(
    browser, server
):
    (first, one), (second, two), ids = two_laptops(browser, server, with_point="Kafka migration")
    mine = open_point_editor(one, ids["contact"], "Kafka migration")
    two.goto(f"/contacts/{ids['contact']}")
    two.locator("li.point", has_text="Kafka migration").get_by_role(
        "button", name=re.compile("Delete")
    ).click()
    two.get_by_text("Point deleted.").wait_for()

    mine.get_by_label("Talking point").fill("Kafka migration, 40 services in 6 months")
    mine.get_by_role("button", name="Save").click()
    editing = one.locator("li.point.editing")
    editing.get_by_text("deleted on another device while you were editing").wait_for()
    assert editing.get_by_label("Talking point").input_value() == (
        "Kafka migration, 40 services in 6 months"
    )
    assert points_in_db(server) == []

    # Saving again brings it back with the typed text.
    editing.get_by_role("button", name="Save").click()
    one.locator("li.point:not(.editing)", has_text="40 services in 6 months").wait_for()
    assert [p.body for p in points_in_db(server)] == ["Kafka migration, 40 services in 6 months"]
    first.close()
    second.close()


def test_a_point_deleted_elsewhere_while_the_island_edits_it_keeps_the_typed_text(browser, server):
    phone, laptop, on_phone, on_laptop, ids = phone_and_laptop(browser, server, "Kafka migration")
    edit_in_island(on_phone, "Kafka migration", "Kafka migration, 40 services")

    on_laptop.goto(f"/contacts/{ids['contact']}")
    on_laptop.locator("li.point", has_text="Kafka migration").get_by_role(
        "button", name=re.compile("Delete")
    ).click()
    on_laptop.get_by_text("Point deleted.").wait_for()
    on_phone.evaluate("window.dispatchEvent(new Event('online'))")

    editing = on_phone.locator("li.point.editing")
    editing.get_by_text("This point was deleted on another device").wait_for()
    assert editing.get_by_label("Talking point").input_value() == "Kafka migration, 40 services"
    on_phone.get_by_role("button", name="Save changes").click()
    wait_for_db(
        server, lambda: [p.body for p in points_in_db(server)] == ["Kafka migration, 40 services"]
    )
    phone.close()
    laptop.close()


def test_a_point_saved_while_no_one_is_confirmed_goes_only_to_its_own_account(browser, server):
    phone, laptop, page, on_laptop, _ids = phone_and_laptop(browser, server)

    # No signal; meanwhile Ana signs out on her laptop, which ends the phone's session too.
    phone.set_offline(True)
    sign_out(on_laptop)
    save_point(page, "I promised to send", "Send Dana the rowing article")
    point(page, "Send Dana the rowing article").wait_for()

    # The signal returns: the server confirms no one, so the phone shows no one's notes.
    phone.set_offline(False)
    page.get_by_role("heading", name="Signed out").wait_for()
    assert "Dana" not in page.locator("#view").inner_text()
    page.get_by_role("link", name="Sign in to sync 1 item").wait_for()

    # Bo signs in on this phone: he sees nothing of Ana's, and her note is not uploaded to him.
    sign_up(page, "bo@example.com")
    page.goto("/capture")
    wait_synced(page)
    page.get_by_text("1 change saved while signed in as ana@example.com is kept").wait_for()
    assert "Dana" not in page.locator("main").inner_text()
    assert points_in_db(server) == []

    # Bo signs out (Ana's note stays, held apart); Ana signs in and it goes to her account.
    page.goto("/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/login")
    sign_in(page, "ana@example.com")
    page.goto("/capture")
    wait_for_db(server, lambda: len(points_in_db(server)) == 1)
    [stored] = points_in_db(server)
    assert (stored.body, stored.user_id) == (
        "Send Dana the rowing article",
        user_id(server, "ana@example.com"),
    )
    phone.close()
    laptop.close()


def test_the_island_opened_offline_shows_only_the_account_the_server_last_named(browser, server):
    phone = new_phone(browser, server)
    page = phone.new_page()
    sign_up(page, "ana@example.com")
    ids = seed_day(server, "ana@example.com", with_point="Kafka migration")
    open_capture(page, f"/capture#/c/{ids['contact']}/{ids['interview']}")
    point(page, "Kafka migration").wait_for()

    # Ana's session ends without a sign-out on this phone; Bo signs in on the full site.
    phone.clear_cookies()
    sign_up(page, "bo@example.com")
    page.goto("/")
    page.wait_for_load_state("networkidle")

    # In the lobby with no signal, Bo opens the island: nothing of Ana's.
    phone.set_offline(True)
    page.goto("/capture")
    page.locator("#view h1").wait_for()
    page.wait_for_timeout(500)
    assert "Onsite loop" not in page.locator("main").inner_text()
    page.goto(f"/capture#/c/{ids['contact']}/{ids['interview']}")
    page.wait_for_timeout(500)
    assert "Kafka migration" not in page.locator("main").inner_text()
    phone.close()
