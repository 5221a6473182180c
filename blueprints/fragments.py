"""The one page-or-fragment helper: htmx requests get the named block, others the page."""

from collections.abc import Sequence

from flask import render_template
from flask_wtf import FlaskForm
from jinja2_fragments.flask import render_block, render_blocks

from extensions import htmx


def render(
    template: str, block: str | Sequence[str] | None = None, status: int | None = None, **context
):
    """Render `template`, or only its `block` when htmx asked for it.

    `block` may name several blocks, rendered one after another: the first is the swap's
    target, the others carry `hx-swap-oob` to bring the rest of the page up to date. A history
    restore (the back button with htmx's cache off) asks for the whole page.

    Unless told otherwise, a page that shows a form with errors answers 422: the form was
    refused, and says why beside each field.
    """
    if status is None:
        refused = any(isinstance(v, FlaskForm) and v.errors for v in context.values())
        status = 422 if refused else 200
    if block and htmx and not htmx.history_restore_request:
        if isinstance(block, str):
            return render_block(template, block, **context), status
        return render_blocks(template, list(block), **context), status
    return render_template(template, **context), status
