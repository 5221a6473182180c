"""What makes Afterword an installable, offline-first app: the manifest, the service worker,
and the offline island's pages (capture and share), which carry no user data."""

import hashlib
from pathlib import Path

from flask import (
    Blueprint,
    current_app,
    jsonify,
    make_response,
    render_template,
    request,
    url_for,
)

from extensions import csrf
from models import POINT_KINDS, POINT_MAX
from services import invites
from services.invites import MAX_BYTES

SHARE_TEXT_MAX = 20_000
SHARE_FIELDS = ("title", "text", "url")

bp = Blueprint("pwa", __name__)

# The app shell the service worker precaches. Pages are listed by route, files by static path.
SHELL_PAGES = ("pwa.capture", "pwa.share")
SHELL_FILES = (
    "css/app.css",
    "js/offline/app.js",
    "js/offline/db.js",
    "js/offline/fallback.js",
    "js/offline/inbox.js",
    "js/offline/person.js",
    "js/offline/register.js",
    "js/offline/scan.js",
    "js/offline/screens/common.js",
    "js/offline/screens/contact.js",
    "js/offline/screens/home.js",
    "js/offline/screens/interview.js",
    "js/offline/share.js",
    "js/offline/signout.js",
    "js/offline/status.js",
    "js/offline/store.js",
    "js/offline/sync.js",
    "js/offline/view.js",
    "vendor/htmx.min.js",
    "icons/icon.svg",
    "icons/icon-192.png",
    "icons/icon-512.png",
    "icons/icon-maskable-512.png",
)


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest."""
    icon = "icons/icon-{}.png"
    response = jsonify(
        {
            "id": url_for("pwa.capture"),
            "name": "Afterword",
            "short_name": "Afterword",
            "description": "Thank every person you met after a job interview.",
            "start_url": url_for("pwa.capture"),
            "scope": "/",
            "display": "standalone",
            "orientation": "portrait",
            "background_color": "#f7f5f0",
            "theme_color": "#1f4e79",
            "icons": [
                {"src": url_for("static", filename=icon.format(192)), "sizes": "192x192",
                 "type": "image/png", "purpose": "any"},
                {"src": url_for("static", filename=icon.format(512)), "sizes": "512x512",
                 "type": "image/png", "purpose": "any"},
                {"src": url_for("static", filename=icon.format("maskable-512")),
                 "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            ],
            # POST: what is shared never sits in a URL, so never in an access log.
            "share_target": {
                "action": url_for("pwa.share"),
                "method": "POST",
                "enctype": "multipart/form-data",
                "params": {
                    "title": "title", "text": "text", "url": "url",
                    "files": [{"name": "invite", "accept": ["text/calendar", ".ics"]}],
                },
            },
        }
    )  # fmt: skip
    response.mimetype = "application/manifest+json"
    return response


@bp.get("/capture")
def capture():
    """The offline capture island: a shell that app.js fills from the phone's storage."""
    return _island("capture")


@bp.get("/share")
def share():
    """The share target: files a shared link or text as a talking point, offline too."""
    return _island("share")


@bp.post("/share")
@csrf.exempt  # the phone's share sheet posts here; nothing is changed until the user saves
def receive_share():
    """A share posted before the service worker was installed: the page takes it from here."""
    shared = {name: request.form.get(name, "")[:SHARE_TEXT_MAX] for name in SHARE_FIELDS}
    invite = request.files.get("invite")
    if invite and invite.filename:
        with invite.stream as stream:
            shared["invite"] = invites.shared_file(invite.filename, stream.read(MAX_BYTES + 1))
    response = make_response(_island("share", shared=shared))
    response.headers["Cache-Control"] = "no-store"
    return response


def _island(page: str, shared: dict | None = None) -> str:
    # No session data here: the service worker caches this page for whoever holds the phone.
    # Only a posted share's own content is put in (receive_share), never stored.
    return render_template(
        f"pwa/{page}.html", kinds=POINT_KINDS, point_max=POINT_MAX, shared=shared
    )


@bp.get("/sw.js")
def service_worker():
    """The service worker, at the root so its scope is the whole site."""
    source = Path(current_app.static_folder, "sw.js").read_text(encoding="utf-8")
    shell = [url_for(page) for page in SHELL_PAGES]
    shell += [url_for("static", filename=name) for name in SHELL_FILES]
    shell.append(url_for("pwa.manifest"))
    body = source.replace("__SHELL_VERSION__", _shell_version()).replace(
        '["__SHELL_URLS__"]', jsonify(shell).get_data(as_text=True).strip()
    )
    response = make_response(body)
    response.mimetype = "text/javascript"
    response.headers["Service-Worker-Allowed"] = "/"
    # Browsers must see a new shell version at once, so the worker is never served stale.
    response.headers["Cache-Control"] = "no-cache"
    return response


def _shell_version() -> str:
    """A digest of everything in the shell: any change to it installs a new worker version."""
    digest = hashlib.sha256()
    for page in SHELL_PAGES:
        digest.update(_island(page.removeprefix("pwa.")).encode())
    digest.update(manifest().get_data())
    for name in SHELL_FILES:
        digest.update(Path(current_app.static_folder, name).read_bytes())
    digest.update(Path(current_app.static_folder, "sw.js").read_bytes())
    return digest.hexdigest()[:12]
