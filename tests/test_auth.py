import pytest
from flask import session

from app import create_app
from extensions import db
from models import User
from tests.conftest import PASSWORD, csrf_from


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
        ("ana@example.com", "password123", b"most common"),
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


def test_register_twice_is_refused(client, auth):
    auth.register()
    auth.logout()
    response = auth.register()
    assert b"already has an account" in response.data


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
    from services.portability import delete_account

    auth.register()
    with app.app_context():
        first = db.session.scalar(db.select(User))
        first_id = first.id
        delete_account(db.session, first)
    client.post("/logout")
    auth.register(email="bo@example.com")
    with app.app_context():
        assert db.session.scalar(db.select(User.id)) != first_id
