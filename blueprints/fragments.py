"""The one page-or-fragment helper: htmx requests get the named block, others the page."""

from flask import render_template
from jinja2_fragments.flask import render_block

from extensions import htmx


def render(template: str, block: str | None = None, status: int = 200, **context):
    """Render `template`, or only its `block` when htmx asked for it."""
    if block and htmx:
        return render_block(template, block, **context), status
    return render_template(template, **context), status
