"""Real phone life in a phone-sized Chromium (issue 9): a changing address, a shared phone,
edits that race, double taps and hung requests. Each test names what a user would lose,
double or see of someone else's without the change it guards."""

import contextlib
import re
import socket
import threading

import pytest

from app import create_app
from extensions import db, limiter
from tests.conftest import _wipe
from tests.test_offline import PHONE, Server, new_phone, sign_in, sign_out, sign_up

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
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.open:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.socket()
            self.sockets += [client, upstream]
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
        self.open = False
        self.listener.close()
        for sock in self.sockets:
            sock.close()


@pytest.fixture
def server(app_config):
    """A live server on 127.0.0.1 that a test can stop and start (the signal)."""
    app = create_app(dict(app_config, WTF_CSRF_ENABLED=True, SYNC_TIMEOUT_SECONDS=1.5))
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
