"""The one page-or-fragment helper: htmx requests get the named block, others the page.

After a change, htmx swaps the changed part in place, while a plain form is redirected (303)
to the page that shows it. Only this module reads `htmx` to decide which.
"""

from collections.abc import Callable, Sequence

from flask import flash, redirect, render_template
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm
from jinja2_fragments.flask import render_block, render_blocks

from extensions import htmx


def wants_fragment() -> bool:
    """Whether htmx asked for part of a page.

    A history restore (the back button with htmx's cache off) asks for the whole page.
    """
    return bool(htmx) and not htmx.history_restore_request


def render(
    template: str, block: str | Sequence[str] | None = None, status: int | None = None, **context
):
    """Render `template`, or only its `block` when htmx asked for it.

    `block` may name several blocks, rendered one after another: the first is the swap's
    target, the others carry `hx-swap-oob` to bring the rest of the page up to date.

    Unless told otherwise, a page that shows a form with errors answers 422: the form was
    refused, and says why beside each field.
    """
    if status is None:
        refused = any(isinstance(v, FlaskForm) and v.errors for v in context.values())
        status = 422 if refused else 200
    if block and wants_fragment():
        if isinstance(block, str):
            return render_block(template, block, **context), status
        return render_blocks(template, list(block), **context), status
    return render_template(template, **context), status


def swap_or_redirect(
    url: str,
    fragment: Callable[[], ResponseReturnValue],
    notice: str | None = None,
    category: str = "info",
) -> ResponseReturnValue:
    """After a change: the changed part for htmx, else a redirect (303) to `url`.

    `fragment` is only called for htmx, so a plain form does not pay for rendering what it
    will not show; `notice` is flashed on the page the redirect leads to.
    """
    if wants_fragment():
        return fragment()
    if notice:
        flash(notice, category)
    return redirect(url, 303)
