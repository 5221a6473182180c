"""Panels whose notes changed, composed after the response by one thread the app owns.

A request that saves a talking point answers first; composing its panel (a fifth of a second
for 7 people, seconds for 200) happens afterwards, off the request path. Changes that arrive
while a composition runs are gathered and composed together, once per panel.

Nothing is lost if the process stops first: the drafts stay marked outdated in the database and
the next read of the panel composes them (services.drafts.ensure_drafts). Tests and commands
call `wait()` to see the compositions done, or run the app with DRAFTS_COMPOSE = "inline",
which composes at the end of the request as before.
"""

import logging
import os
import threading

from flask import Flask

from services import drafts

log = logging.getLogger("afterword.drafts")

MODES = ("background", "inline")


class PendingCompositions:
    """The app's queue of changed panels and the one thread that composes them."""

    def __init__(self, app: Flask, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"DRAFTS_COMPOSE must be one of {', '.join(MODES)}, not {mode!r}")
        self.app = app
        self.mode = mode
        self._due = drafts.Changed()
        self._busy = False
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None

    def submit(self, due: drafts.Changed) -> None:
        """Compose these changes after the response (now, in inline mode)."""
        if self.mode == "inline":
            from extensions import db

            drafts.compose_due(db.session, due)
            return
        with self._changed:
            self._due.add(due)
            self._start()
            self._changed.notify_all()

    def wait(self, timeout: float = 60) -> bool:
        """Block until every change submitted so far is composed; False if the time ran out."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._due and not self._busy, timeout)

    def _start(self) -> None:
        # A thread does not survive a fork (gunicorn's workers): each process starts its own.
        if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
            return
        self._pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="compose-drafts", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from extensions import db

        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._due))
                due, self._due = self._due, drafts.Changed()
                self._busy = True
            try:
                with self.app.app_context():
                    try:
                        drafts.compose_due(db.session, due)
                    finally:
                        db.session.remove()
            except Exception:  # the marks stay; the next read composes
                log.exception("composing after the response failed")
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()


def init_app(app: Flask) -> PendingCompositions:
    """The app's pending compositions, in app.extensions["drafts_pending"]."""
    mode = app.config.get("DRAFTS_COMPOSE") or ("inline" if app.testing else "background")
    pending = PendingCompositions(app, mode)
    app.extensions["drafts_pending"] = pending
    return pending


def of(app: Flask) -> PendingCompositions:
    return app.extensions["drafts_pending"]
