"""What makes Afterword installable: the web app manifest."""

from flask import Blueprint, jsonify, url_for

bp = Blueprint("pwa", __name__)


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest."""
    icon = "icons/icon-{}.png"
    response = jsonify(
        {
            "name": "Afterword",
            "short_name": "Afterword",
            "description": "Thank every person you met after a job interview.",
            "start_url": url_for("home.today"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#f7f5f0",
            "theme_color": "#1f4e79",
            "icons": [
                {
                    "src": url_for("static", filename=icon.format(192)),
                    "sizes": "192x192",
                    "type": "image/png",
                    "purpose": "any",
                },
                {
                    "src": url_for("static", filename=icon.format(512)),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "any",
                },
                {
                    "src": url_for("static", filename=icon.format("maskable-512")),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        }
    )
    response.mimetype = "application/manifest+json"
    return response
