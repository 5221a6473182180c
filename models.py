"""Typed models. Workflows live in services/, not here."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime, timedelta

from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    event,
    false,
    inspect,
    update,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column, relationship

from extensions import db

POINT_KINDS = {
    "topic": "Topic we discussed",
    "common_ground": "Common ground",
    "their_work": "Their work",
    "promise": "I promised to send",
    "question": "Question to follow up",
    "wish_said": "Wish I had said",
    "other": "Other",
}
CONTACT_ROLES = {
    "interviewer": "Interviewer",
    "recruiter": "Recruiter",
    "hr": "HR",
    "other": "Other",
}
INTERVIEW_FORMATS = {
    "onsite": "On site",
    "video": "Video",
    "phone": "Phone",
    "panel": "Panel",
}
TONES = {"warm": "Warm", "formal": "Formal", "brief": "Brief"}
GREETINGS = {
    "first_name": "First name (Hi Dana)",
    "honorific": (
        "Title and surname (Dear Dr. Petrov; Ms. or Mr. if your notes say she or he), "
        "else full name"
    ),
}
# A person's own greeting style; "" follows the account's.
CONTACT_GREETINGS = {
    "": "As in my account settings",
    "first_name": "First name (Hi Dana)",
    "honorific": (
        "Title and surname (Dear Dr. Petrov; Ms. or Mr. if your notes say she or he), "
        "else full name"
    ),
}
PAPERS = {"letter": "US Letter", "a4": "A4"}
# A LinkedIn connection note's limit: 300 characters, 200 on a free account.
LINKEDIN_LIMITS = {300: "300 characters (Premium)", 200: "200 characters (free account)"}
FOLLOWUP_DAYS_MAX = 90

POINT_MAX = 2000
# The longest name a person may have (the schedule, invites and the phone's island read to it;
# static/js/offline/person.js mirrors it, checked by tests/test_name_role.py).
NAME_MAX = 200


def utcnow() -> datetime:
    """Naive UTC: every datetime in the database is UTC without tzinfo."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


class User(UserMixin, db.Model):
    __tablename__ = "users"
    # Never hand a deleted account's id to a new one: phones key their offline data by it.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(120), default="")
    # Rotated at sign-out: the session cookie carries it, so an old cookie stops working.
    session_token: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(32))
    # Last value handed out to a syncable row of this user; see stamp_changes below.
    change_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    # Profile, used by the draft composer and the PDFs.
    signature: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    portfolio_url: Mapped[str] = mapped_column(String(500), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    tone: Mapped[str] = mapped_column(String(10), default="warm")
    greeting_style: Mapped[str] = mapped_column(String(12), default="first_name")
    paper: Mapped[str] = mapped_column(String(10), default="letter")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    linkedin_note_limit: Mapped[int] = mapped_column(Integer, default=300, server_default="300")

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def display_name(self) -> str:
        return self.name or self.email.split("@")[0]


class Syncable:
    """Columns every record that the phone may create offline carries."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    change_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set on a conflict copy: the id of the record whose newer version it lost to.
    conflict_of: Mapped[str | None] = mapped_column(String(36))

    @declared_attr
    def user_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @hybrid_property
    def is_live(self) -> bool:
        """Not deleted, and not a conflict copy waiting for the user to choose."""
        return self.deleted_at is None and self.conflict_of is None

    @is_live.inplace.expression
    @classmethod
    def _is_live_expression(cls):
        return and_(cls.deleted_at.is_(None), cls.conflict_of.is_(None))


class Application(Syncable, db.Model):
    __tablename__ = "applications"

    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    posting_url: Mapped[str] = mapped_column(String(500), default="")
    # One "why I fit" point a line.
    fit_points: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Erase contact details this many days after closing; None keeps them.
    retention_days: Mapped[int | None] = mapped_column(Integer)
    # The follow-up after silence: due this many days after the last interview, unless a
    # reply is marked (replied_at) or the application is closed.
    followup_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    replied_at: Mapped[datetime | None] = mapped_column(DateTime)

    interviews: Mapped[list[Interview]] = relationship(
        back_populates="application", order_by="Interview.starts_at"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="application", order_by="Contact.created_at"
    )

    @property
    def fit_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.fit_points.splitlines() if line.strip(" -•\t")]


interview_contacts = Table(
    "interview_contacts",
    db.metadata,
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)


class Interview(Syncable, db.Model):
    __tablename__ = "interviews"

    application_id: Mapped[str] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime | None] = mapped_column(DateTime)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    format: Mapped[str] = mapped_column(String(10), default="onsite")
    location: Mapped[str] = mapped_column(String(300), default="")
    round: Mapped[str] = mapped_column(String(100), default="")

    application: Mapped[Application] = relationship(back_populates="interviews")
    contacts: Mapped[list[Contact]] = relationship(
        secondary=interview_contacts, back_populates="interviews", order_by="Contact.created_at"
    )

    @property
    def effective_end(self) -> datetime | None:
        if self.ends_at is not None:
            return self.ends_at
        return self.starts_at + timedelta(hours=1) if self.starts_at else None


class Contact(Syncable, db.Model):
    __tablename__ = "contacts"

    application_id: Mapped[str] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    linkedin_url: Mapped[str] = mapped_column(String(500), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(12), default="interviewer")
    got_card: Mapped[bool] = mapped_column(Boolean, default=False)
    # "" follows the account's greeting style; "first_name" or "honorific" overrides it.
    greeting_style: Mapped[str] = mapped_column(String(12), default="")

    application: Mapped[Application] = relationship(back_populates="contacts")
    interviews: Mapped[list[Interview]] = relationship(
        secondary=interview_contacts, back_populates="contacts", order_by="Interview.starts_at"
    )
    points: Mapped[list[TalkingPoint]] = relationship(
        back_populates="contact", order_by="TalkingPoint.created_at"
    )

    @property
    def first_name(self) -> str:
        """As the notes greet them: "Dr. Priya Natarajan" is Priya, "Koh Wee Leong" Wee Leong."""
        from services.composer.grammar import first_name

        return first_name(self.name, self.email or "") or self.name

    @property
    def is_organiser(self) -> bool:
        """Recruiters and HR get a wrap-up note rather than an interview thank-you."""
        return self.role in ("recruiter", "hr")


class TalkingPoint(Syncable, db.Model):
    __tablename__ = "talking_points"

    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    interview_id: Mapped[str | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="topic")
    body: Mapped[str] = mapped_column(Text)
    # How the drafts say this point: made by the jot reader, or written by the user when
    # reading_edited. "" with reading_edited False: the reader could not read it (flagged).
    reading: Mapped[str] = mapped_column(Text, default="")
    reading_edited: Mapped[bool] = mapped_column(Boolean, default=False)

    contact: Mapped[Contact] = relationship(back_populates="points")

    @property
    def kind_label(self) -> str:
        return POINT_KINDS.get(self.kind, self.kind)


SYNCABLE_MODELS: dict[str, type[Syncable]] = {
    "application": Application,
    "interview": Interview,
    "contact": Contact,
    "talking_point": TalkingPoint,
}
# A pull reads one user's rows after a change number.
for _model in SYNCABLE_MODELS.values():
    Index(f"ix_{_model.__tablename__}_user_change", _model.user_id, _model.change_seq)


class AppliedMutation(db.Model):
    """The sync ledger: each client mutation is applied at most once per user."""

    __tablename__ = "applied_mutations"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(10))
    version: Mapped[int | None] = mapped_column(Integer)
    conflict_entity_id: Mapped[str | None] = mapped_column(String(36))
    error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Draft(db.Model):
    """One note to one person on one channel; its text lives in versions."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("contact_id", "channel"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    written_at: Mapped[datetime | None] = mapped_column(DateTime)
    posted_at: Mapped[datetime | None] = mapped_column(DateTime)
    connected_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The notes, people or profile changed since the panel was last composed: the next
    # composition (at the end of the request that changed them) clears it.
    outdated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The user's edit is current and the notes would now compose a different draft.
    behind: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    contact: Mapped[Contact] = relationship()
    versions: Mapped[list[DraftVersion]] = relationship(
        back_populates="draft", order_by="DraftVersion.number", cascade="all, delete-orphan"
    )

    @property
    def current(self) -> DraftVersion | None:
        return self.versions[-1] if self.versions else None


class DraftVersion(db.Model):
    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("draft_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    # generated | edited | restored
    source: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    draft: Mapped[Draft] = relationship(back_populates="versions")


@event.listens_for(Session, "before_flush")
def stamp_changes(session: Session, flush_context, instances) -> None:
    """Give every written syncable row the user's next change number and a new version.

    The counter is bumped with one UPDATE per user per flush. On PostgreSQL that UPDATE
    locks the user's row until commit, so concurrent writers of one user commit in counter
    order and a pull cursor never skips a number that commits later.
    """
    touched: dict[int, list[Syncable]] = {}
    for obj in session.new:
        if isinstance(obj, Syncable):
            touched.setdefault(obj.user_id, []).append(obj)
    for obj in session.dirty:
        if isinstance(obj, Syncable) and session.is_modified(obj):
            touched.setdefault(obj.user_id, []).append(obj)
    # Linking a person to an interview changes the person's interview_ids too, even when
    # their side of the link was never loaded (so SQLAlchemy does not see them as modified).
    for obj in [*session.new, *session.dirty]:
        if isinstance(obj, Interview):
            history = inspect(obj).attrs.contacts.history
            for contact in (*history.added, *history.deleted):
                mine = touched.setdefault(contact.user_id, [])
                if contact not in mine and contact not in session.new:
                    mine.append(contact)
    for objs in touched.values():
        for obj in objs:
            if obj not in session.new:
                obj.version = (obj.version or 1) + 1
                obj.updated_at = utcnow()
    for user_id, objs in touched.items():
        top = session.execute(
            update(User)
            .where(User.id == user_id)
            .values(change_counter=User.change_counter + len(objs))
            .returning(User.change_counter)
            .execution_options(synchronize_session=False)
        ).scalar_one()
        for offset, obj in enumerate(objs):
            obj.change_seq = top - len(objs) + 1 + offset


class Throttle(db.Model):
    """A counter of attempts in one time window (sign-ins, sign-ups, reset emails).

    Kept in the database so every worker and host counts together, and each attempt is
    counted by one atomic statement before the work it guards (services/throttle.py).
    """

    __tablename__ = "throttles"

    # sha256 of the counter's name and window, so an address of any length fits.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
