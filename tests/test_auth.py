import pytest
from flask import session

from app import create_app
from extensions import db
from models import User
from services import throttle
from tests.conftest import PASSWORD, csrf_from


@pytest.fixture(autouse=True)
def steady_throttle_clock(monkeypatch):
    """The sign-in counters count per fixed window: on a slow machine a test's six attempts
    could straddle a window's end and start counting again. Pin their clock mid-window."""
    monkeypatch.setattr(throttle, "clock", lambda: 1_800_000_030.0)


def test_register_signs_in_and_redirects(client, auth, app):
    response = auth.register()
    assert response.status_code == 302
    assert response.headers["Location"] == "/applications/new"
    assert client.get("/").status_code == 200
    assert b"Your applications" in client.get("/").data
    with app.app_context():
        user = db.session.scalar(db.select(User))
        assert user.email == "ana@example.com"
        assert user.password_hash.startswith("scrypt:")
        assert PASSWORD not in user.password_hash


def test_production_hash_is_scrypt_with_n_at_least_2_17(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "k")
    app = create_app()
    method = app.config["PASSWORD_HASH_METHOD"]
    algorithm, n, _r, _p = method.split(":")
    assert algorithm == "scrypt" and int(n) >= 2**17
    assert app.config["SESSION_PROTECTION"] == "basic"
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["REMEMBER_COOKIE_DURATION"] <= 30 * 24 * 3600


def test_secret_key_required_outside_development(monkeypatch, tmp_path):
    import app as app_module

    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert app_module._secret_key(str(tmp_path), debug=False) is None
    assert app_module._secret_key(str(tmp_path), debug=True)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SECRET_KEY": ""})


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("", PASSWORD, b"Enter an email address"),
        ("not-an-email", PASSWORD, b"Enter an email address"),
        ("ana@example.com", "short", b"at least 8 characters"),
        ("ana@example.com", "x" * 129, b"at most 128 characters"),
        ("ana@example.com", "password123", b"very common password"),
        ("ana@example.com", "aaaaaaaa", b"Repeats like"),
        ("ana@example.com", "correcthorse", b"easy to guess"),
        ("ana@example.com", "AnaTyped1990", b"built from your email or name"),
        ("ana@example.com", "ana@example.com!", b"built from your email or name"),
    ],
)
def test_register_refuses_bad_input_and_keeps_it(client, email, password, message):
    response = client.post(
        "/register", data={"email": email, "password": password, "name": "Ana Typed"}
    )
    assert response.status_code == 422
    assert message in response.data
    assert b'value="Ana Typed"' in response.data
    if email:
        assert f'value="{email}"'.encode() in response.data


def test_register_answers_the_same_for_a_new_and_a_taken_address(app, client, auth):
    first = auth.register()
    new_page = client.get(first.headers["Location"], follow_redirects=True)
    auth.logout()
    client.get("/")  # Drop the sign-out message.
    again = auth.register(password="another good passphrase here")
    assert (again.status_code, again.headers["Location"]) == (
        first.status_code,
        first.headers["Location"],
    )
    assert again.data == first.data
    taken_page = client.get(again.headers["Location"], follow_redirects=True)
    # The same message either way; only the owner of the address learns more (by email).
    assert b"If that address already had an account" in new_page.data
    assert b"If that address already had an account" in taken_page.data
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 1
    # The taken address kept its password.
    assert auth.login().status_code == 302


def test_register_can_keep_the_new_user_signed_in(client):
    response = client.post(
        "/register",
        data={"email": "ana@example.com", "password": PASSWORD, "remember": "y"},
    )
    assert response.status_code == 302
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.http_only
    assert b"Keep me signed in" in client.get("/register").data


def test_login_same_error_for_unknown_email_and_wrong_password(client, auth):
    auth.register()
    auth.logout()
    wrong = auth.login(password="wrong password here")
    unknown = auth.login(email="nobody@example.com")
    assert b"do not match an account" in wrong.data
    assert b"do not match an account" in unknown.data


def test_login_and_logout(client, auth):
    auth.register()
    auth.logout()
    assert auth.login().headers["Location"] == "/"
    with client:
        client.get("/")
        assert session["_user_id"].startswith("1:") or ":" in session["_user_id"]
    response = auth.logout()
    assert response.status_code == 303
    assert client.get("/applications/new").status_code == 302


def test_logout_invalidates_a_copied_cookie(app, client, auth):
    auth.register()
    stolen = app.test_client()
    cookie = client.get_cookie("session")
    stolen.set_cookie("session", cookie.value)
    assert stolen.get("/applications/new").status_code == 200
    auth.logout()
    assert stolen.get("/applications/new").status_code == 302


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/applications/new", "/applications/new"),
        ("https://evil.example/x", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
    ],
)
def test_next_only_redirects_within_the_site(client, auth, target, expected):
    auth.register()
    auth.logout()
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": "ana@example.com", "password": PASSWORD},
    )
    assert response.headers["Location"] == expected


def test_login_rate_limited_after_five_failures(client, auth):
    auth.register()
    auth.logout()
    for _ in range(5):
        assert auth.login(password="wrong password!").status_code == 422
    response = auth.login()
    assert response.status_code == 429
    assert b"Too many attempts" in response.data


def test_successful_logins_do_not_count_toward_the_limit(client, auth):
    auth.register()
    for _ in range(7):
        auth.logout()
        assert auth.login().status_code == 302


def test_forms_need_a_csrf_token(app_config):
    app = create_app(dict(app_config, WTF_CSRF_ENABLED=True))
    client = app.test_client()
    response = client.post("/register", data={"email": "a@example.com", "password": PASSWORD})
    assert response.status_code == 400
    page = client.get("/register").get_data(as_text=True)
    token = csrf_from(page)
    assert 'name="csrf_token"' in page
    response = client.post(
        "/register",
        data={"email": "a@example.com", "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302


def test_security_headers_on_every_response(client, auth):
    for url in ("/", "/login", "/static/css/app.css"):
        response = client.get(url)
        response.close()
        headers = response.headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "object-src 'none'" in csp and "base-uri 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    auth.register()
    assert client.get("/").headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" in client.get("/", base_url="https://localhost").headers


def test_pages_have_no_inline_script_or_style(client, auth):
    auth.register()
    for url in ("/", "/register", "/applications/new", "/account/profile"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and " style=" not in html and "<style" not in html
        assert " onclick=" not in html and "hx-on" not in html
        assert '<link rel="manifest"' in html and 'name="csrf-token"' in html


def test_remember_me_sets_a_cookie_of_at_most_30_days(client, auth):
    auth.register()
    auth.logout()
    client.post("/login", data={"email": "ana@example.com", "password": PASSWORD, "remember": "y"})
    cookie = client.get_cookie("remember_token")
    assert cookie is not None and cookie.http_only


def test_sign_in_events_are_logged_without_secrets(client, auth, caplog):
    caplog.set_level("INFO", logger="afterword")
    auth.register()
    auth.logout()
    auth.login(password="wrong password here")
    auth.login()
    text = caplog.text
    assert "register user=" in text and "sign-out user=" in text
    assert "sign-in failed user=" in text and "sign-in user=" in text
    assert PASSWORD not in text and "wrong password here" not in text
    assert "ana@example.com" not in text


def test_control_characters_do_not_open_a_new_login_limit(client, auth):
    auth.register()
    auth.logout()
    for n in range(5):
        client.post(
            "/login", data={"email": "ana@example.com" + "\x01" * n, "password": "nope!!!!"}
        )
    response = client.post("/login", data={"email": "ana@example.com\x07", "password": PASSWORD})
    assert response.status_code == 429


def test_a_deleted_accounts_id_is_never_given_to_another(app, client, auth):
    from services.accounts import delete_account

    auth.register()
    with app.app_context():
        first = db.session.scalar(db.select(User))
        first_id = first.id
        delete_account(db.session, first)
    client.post("/logout")
    auth.register(email="bo@example.com")
    with app.app_context():
        assert db.session.scalar(db.select(User.id)) != first_id


def _from(client, ip: str):
    client.environ_base["REMOTE_ADDR"] = ip
    return client


def test_a_strangers_guesses_do_not_lock_the_owner_out(app, auth):
    auth.register()
    auth.logout()
    stranger = _from(app.test_client(), "203.0.113.9")
    for _ in range(5):
        answer = stranger.post("/login", data={"email": "ana@example.com", "password": "guess!!!1"})
        assert answer.status_code == 422
    assert (
        stranger.post("/login", data={"email": "ana@example.com", "password": PASSWORD}).status_code
        == 429
    )
    owner = _from(app.test_client(), "198.51.100.7")
    assert (
        owner.post("/login", data={"email": "ana@example.com", "password": PASSWORD}).status_code
        == 302
    )


def test_one_address_cannot_guess_across_accounts_without_limit(app, auth):
    stranger = _from(app.test_client(), "203.0.113.9")
    codes = [
        stranger.post(
            "/login", data={"email": f"u{n}@example.com", "password": "guess!!!1"}
        ).status_code
        for n in range(21)
    ]
    assert codes[:20] == [422] * 20 and codes[20] == 429


def test_a_refused_sign_in_says_how_long_to_wait_and_is_logged(client, auth, caplog):
    caplog.set_level("INFO", logger="afterword")
    for _ in range(6):
        response = auth.login(password="wrong password!")
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert b"Please wait" in response.data
    assert "rate limited ip=127.0.0.1" in caplog.text


def test_sign_in_attempts_are_counted_atomically(app):
    """21 guesses at once, each counted before its password is checked: 5 get through."""
    import threading

    from services import throttle

    limit = throttle.Limit.parse(app.config["SIGN_IN_LIMIT"])
    results = []
    barrier = threading.Barrier(21)

    def guess():
        with app.app_context():
            barrier.wait()
            results.append(
                throttle.hit(db.engine, "sign-in:203.0.113.9:ana@example.com", limit, now=30.0)
            )

    threads = [threading.Thread(target=guess) for _ in range(21)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == limit.count == 5


def test_registration_is_limited_per_address_and_overall(app):
    visitor = _from(app.test_client(), "203.0.113.20")
    codes = [
        visitor.post(
            "/register", data={"email": f"n{n}@example.com", "password": PASSWORD}
        ).status_code
        for n in range(11)
    ]
    assert codes[:10] == [302] * 10 and codes[10] == 429
    # 11 attempts so far (the refused one counts too): two more fit under 13.
    app.config["SIGN_UP_LIMIT"] = "13/3600"
    others = [
        _from(app.test_client(), f"198.51.100.{n}")
        .post("/register", data={"email": f"m{n}@example.com", "password": PASSWORD})
        .status_code
        for n in range(3)
    ]
    assert others == [302, 302, 429]


def test_password_hashes_at_once_are_capped(app):
    """Past the per-worker cap a request waits its turn, and past the wait it is told to retry."""
    import threading

    from services import passwords

    passwords.hashing.configure(1)
    try:
        with passwords.hashing.slot(1):
            with pytest.raises(passwords.Busy), passwords.hashing.slot(0.05):
                pass
            seen = []
            worker = threading.Thread(
                target=lambda: seen.append(passwords.hash_password("x", "scrypt:1024:8:1"))
            )
            worker.start()
            worker.join(0.2)
            assert seen == []  # Waiting for the slot.
        worker.join(5)
        assert seen and seen[0].startswith("scrypt:")
    finally:
        passwords.hashing.configure(app.config["HASH_CONCURRENCY"])


def test_a_busy_worker_answers_503_with_retry_after(app, client, auth, monkeypatch):
    from services import passwords

    def busy(*args, **kwargs):
        raise passwords.Busy

    monkeypatch.setattr("services.accounts.verify_password", busy)
    response = auth.login()
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert b"try again in a few seconds" in response.data


@pytest.mark.parametrize("target", ["/x\r\nSet-Cookie: a=b", "/x\nLocation: //evil", "/x\t"])
def test_next_with_a_line_break_is_not_a_500(client, auth, target):
    auth.register()
    auth.logout()
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": "ana@example.com", "password": PASSWORD},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_security_headers_include_isolation_and_permissions(client):
    headers = client.get("/login").headers
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert (
        "microphone=()" in headers["Permissions-Policy"]
        and "geolocation=()" in headers["Permissions-Policy"]
    )
