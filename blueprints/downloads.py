"""The one way a view hands the user a file to save: a PDF, an export, a vCard, a calendar."""

from flask import Response


def download(payload: bytes | str, mimetype: str, filename: str) -> Response:
    """`payload` as an attachment named `filename`, which no cache keeps (it is personal)."""
    return Response(
        payload,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
